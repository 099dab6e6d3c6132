"""Which matters the public sees, which relations may be stale, and the rules of a row."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.alignment.models import Matter, MatterEntry, check_entries
from apps.drafts.models import Provision
from tests import factories as f


def test_a_published_matter_with_no_provision_is_public_but_one_with_only_hidden_ones_is_not(
    db,
):
    process = f.make_process(slug="p")
    reported_only = f.make_matter(process, code="M1", title="Reported only")
    hidden_only = f.make_matter(process, code="M2", title="Hidden provisions only")
    draft = f.make_draft(process, slug="d")
    f.align(hidden_only, f.make_provision(draft, published=False), "new")
    unpublished = f.make_matter(process, code="M3", title="Not published", published=False)
    assert set(Matter.objects.published()) == {reported_only}
    assert {hidden_only, unpublished} <= set(
        Matter.objects.visible_to(f.make_user("e", group="Editors"))
    )
    # Each matter is judged by its own provisions, and a provision by its draft too.
    public = f.make_matter(process, code="M4", title="Public")
    f.align(public, f.make_provision(draft), "new")
    in_hidden_draft = f.make_matter(process, code="M5", title="In an unpublished draft")
    f.align(in_hidden_draft, f.make_provision(f.make_draft(process, published=False)), "new")
    assert set(Matter.objects.published()) == {reported_only, public}


def test_the_public_sees_an_aligned_provision_only_when_matter_provision_and_draft_are_public(
    db,
):
    process = f.make_process(slug="p")
    draft, hidden_draft = f.make_draft(process), f.make_draft(process, published=False)
    matter, hidden_matter = f.make_matter(process), f.make_matter(process, published=False)
    public = f.align(matter, f.make_provision(draft))
    f.align(hidden_matter, f.make_provision(draft))
    f.align(matter, f.make_provision(draft, published=False))
    f.align(matter, f.make_provision(hidden_draft))
    assert list(MatterEntry.objects.published()) == [public]
    assert list(MatterEntry.objects.visible_to(None)) == [public]
    assert MatterEntry.objects.visible_to(f.make_user("e", group="Editors")).count() == 4


# --- Which recorded relations may be stale ------------------------------------------------

RECORDED = datetime.datetime(2025, 11, 22, 12, tzinfo=datetime.UTC)
BEFORE = RECORDED - datetime.timedelta(days=1)
AFTER = RECORDED + datetime.timedelta(days=1)


def _entry(matter, draft, relation="reworded", *, changed=BEFORE, recorded=RECORDED):
    entry = f.align(matter, f.make_provision(draft), relation)
    Provision.objects.filter(pk=entry.provision_id).update(text_changed_at=changed)
    MatterEntry.objects.filter(pk=entry.pk).update(relation_recorded_at=recorded)
    return entry


def test_a_relation_is_possibly_stale_only_when_its_text_or_its_counterparts_changed_since(db):
    process = f.make_process(slug="p")
    plan = f.make_draft(process, slug="plan")
    revision = f.make_draft(process, slug="revision")
    unrelated = f.make_draft(process, slug="unrelated")
    f.link(revision, plan)
    row, other_row = f.make_matter(process, code="R1"), f.make_matter(process, code="R2")

    own_text = _entry(row, revision, changed=AFTER)
    fresh = _entry(other_row, revision)
    never_stamped = _entry(f.make_matter(process), revision, changed=AFTER, recorded=None)
    new_point = _entry(f.make_matter(process), revision, "new", changed=AFTER)
    # Its counterpart in the draft it revises changed after the relation was recorded.
    counterpart_row = f.make_matter(process, code="R3")
    _entry(counterpart_row, plan, "new", changed=AFTER)
    behind_counterpart = _entry(counterpart_row, revision)
    # Not counterparts: a changed point of the parent in another row, one of a draft that is
    # not its parent in the same row, and one that changed before the relation was recorded.
    _entry(other_row, plan, "new", changed=BEFORE)
    _entry(f.make_matter(process, code="R4"), plan, "new", changed=AFTER)
    unrelated_row = f.make_matter(process, code="R5")
    _entry(unrelated_row, unrelated, "new", changed=AFTER)
    beside_unrelated = _entry(unrelated_row, revision)
    new_beside_change = _entry(counterpart_row, f.make_draft(process), "new")

    stale = set(MatterEntry.objects.possibly_stale())
    assert stale == {own_text, behind_counterpart}
    assert not {fresh, never_stamped, new_point, beside_unrelated, new_beside_change} & stale
    flags = dict(MatterEntry.objects.with_staleness().values_list("pk", "possibly_stale"))
    assert {pk for pk, flag in flags.items() if flag} == {own_text.pk, behind_counterpart.pk}
    assert all(isinstance(flag, bool) for flag in flags.values())


# --- An entry's own rules and a row's rules -------------------------------------------------


def _errors(entry) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as exc:
        entry.clean()
    return exc.value.message_dict


def test_an_aligned_provision_says_what_is_wrong_on_the_field_at_fault(db):
    process = f.make_process(slug="p")
    matter = f.make_matter(process)
    provision = f.make_provision(f.make_draft(process))
    labelled = MatterEntry(matter=matter, provision=provision, label="softened")
    assert _errors(labelled) == {"rationale": ["Say in one line why it is labelled so."]}
    elsewhere = f.make_provision(f.make_draft(f.make_process(slug="q")))
    assert _errors(MatterEntry(matter=matter, provision=elsewhere)) == {
        "provision": ["This provision belongs to a draft of another peace process."]
    }
    # Half-filled rows are left to the required fields' own messages.
    MatterEntry(matter=matter).clean()
    MatterEntry(provision=elsewhere).clean()
    MatterEntry(matter=matter, provision=provision, label="softened", rationale="Why.").clean()


def test_two_provisions_of_one_draft_share_a_row_only_as_split_or_merged(db):
    message = (
        "Two provisions of the same draft are in this matter: mark each of them "
        "“split” or “merged”, or move one to another matter."
    )
    with pytest.raises(ValidationError) as exc:
        check_entries([(1, "split"), (1, "same"), (2, "same")])
    assert exc.value.messages == [message]
    check_entries([(1, "split"), (1, "merged"), (2, "same"), (None, "same"), (None, "new")])
