"""Renumbering after an import goes through save(): the history and the content version
see every position that moved."""

from __future__ import annotations

from apps.core import versioning
from apps.history.models import Change
from apps.imports.importer import Row, import_rows
from tests import factories as f


def position_changes(provision) -> list[tuple[str, str]]:
    return [
        (c.fields["position"]["before"], c.fields["position"]["after"])
        for c in Change.objects.for_object(provision).order_by("pk")
        if "position" in c.fields
    ]


def test_an_import_that_shifts_positions_records_each_move(draft, source):
    first = f.make_provision(draft, label="1", position=10)
    second = f.make_provision(draft, label="2", position=20)
    created = import_rows(draft, [Row("3", "", "<p>Three.</p>")], source=source)
    assert list(draft.provisions.order_by("position").values_list("label", "position")) == [
        ("1", 1),
        ("2", 2),
        ("3", 3),
    ]
    assert position_changes(first) == [("10", "1")]
    assert position_changes(second) == [("20", "2")]
    # The new provision was created at 21 and moved to 3: both recorded.
    assert position_changes(created[0]) == [("21", "3")]


def test_renumbering_bumps_the_content_version_and_writes_only_moved_rows(
    draft, django_assert_num_queries
):
    f.make_provision(draft, label="1", position=1)
    moved = f.make_provision(draft, label="2", position=5)
    before = versioning.current()
    draft.renumber_provisions()
    assert versioning.current() != before
    moved.refresh_from_db()
    assert moved.position == 2
    assert position_changes(moved) == [("5", "2")]
    unchanged_version = versioning.current()
    with django_assert_num_queries(1):  # nothing moves: only the read
        draft.renumber_provisions()
    assert versioning.current() == unchanged_version
