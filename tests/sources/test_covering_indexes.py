"""The covering indexes that let PostgreSQL count what the public may see from the indexes
alone (apps/sources/migrations/0007_covering_indexes_for_visible_counts.py).

That the planner uses them is measured on bench/scale.py's data set (bench/results.md), not
here: on a test database of a few rows, its choice between a table scan, a plain index and
a covering one turns on ties in its estimates and changed from run to run."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's INCLUDE indexes"),
]
MIGRATION = importlib.import_module(
    "apps.sources.migrations.0007_covering_indexes_for_visible_counts"
)


def test_the_migration_makes_each_index_with_its_included_columns():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(MIGRATION.INDEXES)],
        )
        made = dict(cursor.fetchall())
    assert set(made) == set(MIGRATION.INDEXES)
    for name, (table, key, included) in MIGRATION.INDEXES.items():
        assert (
            f"ON public.{table} USING btree ({key}) INCLUDE ({', '.join(included)})" in made[name]
        )


def test_the_migration_can_be_undone_and_done_again():
    def made() -> set[str]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)",
                [list(MIGRATION.INDEXES)],
            )
            return {name for (name,) in cursor.fetchall()}

    with connection.schema_editor() as editor:
        MIGRATION.drop_indexes(None, editor)
    assert made() == set()
    with connection.schema_editor() as editor:
        MIGRATION.add_indexes(None, editor)
    assert made() == set(MIGRATION.INDEXES)
