"""Which draft each column is marked against, when a draft has several parents, parents out
of view, or none: the choice analysts read as "Marked against …" above every cell."""

from __future__ import annotations

import datetime

import pytest

from apps.compare.comparison import (
    ABSENT,
    NOT_REPORTED,
    PRESENT,
    REMOVED,
    ColumnBase,
    cell_status,
    change_kinds,
    column_bases,
    kinds_in_words,
    relation_against_base,
    sort_key,
)
from apps.drafts.models import Draft


def drafts(*slugs: str) -> list[Draft]:
    """Unsaved drafts in this column order; ids 1, 2, 3… in the same order."""
    return [Draft(pk=i, slug=s, label=s.title()) for i, s in enumerate(slugs, start=1)]


def bases(columns, base, links) -> list[tuple[int | None, str, int | None, str]]:
    return [
        (b.index, b.reason, b.parent, b.parent_label) for b in column_bases(columns, base, links)
    ]


def test_a_revision_wins_over_an_answer_and_the_later_draft_over_the_earlier():
    plan, counter, revision, final = drafts("plan", "counter", "revision", "final")
    links = [
        (final.pk, plan.pk, "answers", "Plan"),
        (final.pk, revision.pk, "answers", "Revision"),
        (final.pk, counter.pk, "revises", "Counter"),
        (revision.pk, plan.pk, "answers", "Plan"),
        (revision.pk, counter.pk, "answers", "Counter"),
    ]
    assert bases([plan, counter, revision, final], "lineage", links) == [
        (None, "", None, ""),
        (None, "", None, ""),
        (1, "answers", 1, "Counter"),  # the later of the two it answers
        (1, "revises", 1, "Counter"),  # the one it revises, though it answers later drafts
    ]


def test_between_equal_parents_in_view_the_latest_column_is_chosen_whatever_the_ids():
    first, second, third = drafts("first", "second", "third")
    first.pk, second.pk, third.pk = 7, 3, 5  # ids do not follow the columns' dates
    links = [(third.pk, first.pk, "answers", "First"), (third.pk, second.pk, "answers", "Second")]
    assert bases([first, second, third], "lineage", links)[2] == (1, "answers", 1, "Second")


def test_a_parent_out_of_view_is_named_and_the_nearest_ancestor_in_view_is_the_base():
    plan, final = drafts("plan", "final")
    # final revises a draft not in view (id 50), which answers one not in view (id 60),
    # which revises the plan; id 51 is another parent of final, out of view too.
    links = [
        (final.pk, 50, "revises", "Leak"),
        (final.pk, 51, "answers", "Note"),
        (50, 60, "answers", "Memo"),
        (60, plan.pk, "revises", "Plan"),
    ]
    assert bases([plan, final], "lineage", links) == [
        (None, "", None, ""),
        (0, "descends", None, "Leak"),  # marked against the plan; its own parent is the Leak
    ]


def test_the_parent_named_is_one_in_view_before_one_out_of_view_then_the_lower_id():
    plan, final = drafts("plan", "final")
    links = [(final.pk, 90, "answers", "Leak"), (final.pk, plan.pk, "answers", "Plan")]
    assert bases([plan, final], "previous", links)[1] == (0, "previous", 0, "Plan")
    # Two parents out of view, listed the higher id first: the lower id is named.
    links = [(final.pk, 91, "answers", "Later leak"), (final.pk, 90, "answers", "Leak")]
    assert bases([plan, final], "previous", links)[1] == (0, "previous", None, "Leak")


def test_the_nearest_generation_wins_and_within_it_a_revision():
    grand, plan, counter, final = drafts("grand", "plan", "counter", "final")
    links = [
        (final.pk, 50, "revises", "Leak"),
        (50, counter.pk, "answers", "Counter"),
        (50, plan.pk, "revises", "Plan"),
        (plan.pk, grand.pk, "revises", "Grand"),
        (counter.pk, grand.pk, "answers", "Grand"),
    ]
    got = bases([grand, plan, counter, final], "lineage", links)
    assert got[3] == (1, "descends", None, "Leak")


def test_a_draft_with_no_ancestor_in_view_has_no_base_but_keeps_its_parents_name():
    plan, loner = drafts("plan", "loner")
    links = [(loner.pk, 50, "answers", "Leak"), (50, 60, "revises", "Memo")]
    assert bases([plan, loner], "lineage", links) == [
        (None, "", None, ""),
        (None, "", None, "Leak"),
    ]


def test_a_loop_in_the_lineage_ends_without_a_base():
    plan, loner = drafts("plan", "loner")
    links = [(loner.pk, 50, "revises", "A"), (50, 60, "revises", "B"), (60, 50, "revises", "A")]
    assert bases([plan, loner], "lineage", links)[1] == (None, "", None, "A")


def test_previous_first_and_chosen_bases_keep_each_columns_own_parent():
    plan, counter, revision = drafts("plan", "counter", "revision")
    links = [(counter.pk, plan.pk, "answers", "Plan"), (revision.pk, plan.pk, "revises", "Plan")]
    assert bases([plan, counter, revision], "previous", links) == [
        (None, "", None, ""),
        (0, "previous", 0, "Plan"),
        (1, "previous", 0, "Plan"),
    ]
    assert bases([plan, counter, revision], "first", links) == [
        (None, "", None, ""),
        (0, "first", 0, "Plan"),
        (0, "first", 0, "Plan"),
    ]
    assert bases([plan, counter, revision], "counter", links) == [
        (1, "chosen", None, ""),
        (None, "", 0, "Plan"),  # the chosen draft itself is not marked
        (1, "chosen", 0, "Plan"),
    ]
    assert bases([plan, counter, revision], "elsewhere", links) == [
        (None, "", None, ""),
        (None, "", 0, "Plan"),
        (None, "", 0, "Plan"),
    ]


def test_editors_relations_count_only_against_the_draft_a_column_revises_or_answers():
    assert ColumnBase(index=0, parent=0).lineage
    assert not ColumnBase(index=1, parent=0).lineage
    assert not ColumnBase(index=None, parent=None).lineage
    assert not ColumnBase(index=0, parent=None).lineage


def test_columns_run_by_date_presented_then_reported_undated_last_then_by_id():
    day = datetime.date
    shown = [
        Draft(pk=1, slug="undated"),
        Draft(pk=2, slug="reported-late", reported_on=day(2025, 11, 30)),
        Draft(pk=3, slug="presented", presented_on=day(2025, 11, 20), reported_on=day(2025, 12, 1)),
        Draft(
            pk=4,
            slug="same-day-reported-later",
            presented_on=day(2025, 11, 20),
            reported_on=day(2025, 12, 2),
        ),
        Draft(pk=5, slug="same-day-unreported", presented_on=day(2025, 11, 20)),
        Draft(pk=6, slug="reported-early", reported_on=day(2025, 11, 10)),
        Draft(pk=0, slug="undated-lower-id"),
    ]
    assert [d.slug for d in sorted(shown, key=sort_key)] == [
        "reported-early",
        "presented",
        "same-day-reported-later",
        "same-day-unreported",
        "reported-late",
        "undated-lower-id",
        "undated",
    ]


# --- How a cell reads against its base ------------------------------------------------------

RELATE = {
    "removed": False,
    "lineage_base": True,
    "curated": None,
    "text": "a b",
    "base_text": "a b",
}


@pytest.mark.parametrize(
    ("changes", "relation"),
    [
        ({"removed": True, "base_status": PRESENT}, "removed"),
        ({"removed": True, "base_status": None}, "removed"),  # dropped, whatever the base
        ({"base_status": None}, None),  # no base
        ({"base_status": NOT_REPORTED}, None),  # nothing known to compare with
        ({"base_status": ABSENT}, "new"),
        ({"base_status": REMOVED, "curated": "same"}, "new"),
        ({"base_status": PRESENT}, "same"),
        ({"base_status": PRESENT, "text": "a c"}, "reworded"),
        ({"base_status": PRESENT, "curated": "same"}, "same"),
        ({"base_status": PRESENT, "curated": "same", "text": "a c"}, "same-wording"),
        ({"base_status": PRESENT, "curated": "moved", "text": "a c"}, "moved"),
        ({"base_status": PRESENT, "curated": "new"}, "new"),
        # Against a base the column does not revise or answer, the texts decide.
        ({"base_status": PRESENT, "curated": "moved", "lineage_base": False}, "same"),
        (
            {"base_status": PRESENT, "curated": "same", "lineage_base": False, "text": "a c"},
            "reworded",
        ),
    ],
)
def test_a_provision_relates_to_its_base_cell(changes, relation):
    assert relation_against_base(**{**RELATE, **changes}) == relation


@pytest.mark.parametrize(
    ("cell", "kinds"),
    [
        ({}, set()),
        ({"status": NOT_REPORTED}, {"not-reported"}),
        ({"status": REMOVED}, {"removed"}),
        ({"relations": ["same", "removed"]}, {"removed"}),
        ({"relations": ["new"]}, {"new"}),
        ({"relations": ["reworded"]}, {"reworded"}),
        ({"relations": ["moved"]}, {"reworded"}),
        ({"relations": ["split"]}, {"reworded"}),
        ({"relations": ["merged"]}, {"reworded"}),
        ({"relations": ["same-wording"]}, set()),  # the editor judged the substance the same
        ({"labels": ["softened", ""]}, {"softened"}),
        ({"states": ["known", "bracketed"]}, {"bracketed"}),
    ],
)
def test_a_cell_names_each_kind_of_change_it_shows(cell, kinds):
    given = {"status": PRESENT, "relations": ["same"], "labels": [], "states": ["known"], **cell}
    assert change_kinds(**given) == kinds


def test_kinds_read_in_the_summarys_order():
    every = {
        "neutral",
        "not-reported",
        "reworded",
        "bracketed",
        "removed",
        "new",
        "softened",
        "hardened",
    }
    assert kinds_in_words(every) == (
        "hardened, softened, new, removed, bracketed, reworded, not reported, labelled neutral"
    )
    assert kinds_in_words(set()) == ""


@pytest.mark.parametrize(
    ("basis", "items", "status"),
    [
        ("full", [], ABSENT),
        ("reported", [], NOT_REPORTED),
        ("partial", [], NOT_REPORTED),
        ("full", [("known", "same")], PRESENT),
        ("full", [("deleted", None)], REMOVED),
        ("full", [("known", "removed"), ("deleted", "same")], REMOVED),
        ("full", [("known", "removed"), ("known", "same")], PRESENT),
        ("reported", [("known", None)], PRESENT),
    ],
)
def test_a_cells_status_from_its_drafts_text_and_its_points(basis, items, status):
    assert cell_status(basis, items) == status
