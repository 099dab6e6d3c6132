"""The covering indexes that let PostgreSQL count what the public may see from the indexes
alone (apps/sources/migrations/0007_covering_indexes_for_visible_counts.py)."""

from __future__ import annotations

import importlib

import pytest
from django.db import connection

from apps.drafts.models import Draft
from apps.exports import queries
from apps.exports.api import _sources
from tests import factories as f

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's INCLUDE indexes"),
]
MIGRATION = importlib.import_module(
    "apps.sources.migrations.0007_covering_indexes_for_visible_counts"
)


def _plan(queryset) -> str:
    """The plan PostgreSQL would choose if reading whole tables were not an option: on a
    test database of a few rows it would otherwise always read whole tables."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.fixture
def cited_material():
    draft = f.make_draft(title="Draft with citations")
    provision = f.make_provision(draft, label="1", body="<p>Troops.</p>")
    source = f.make_source(headline="Leak")
    f.cite(provision, source, excerpt="troops")
    f.cite(draft, source, excerpt="the plan")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


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


def test_counting_a_page_of_sources_reads_provisions_from_an_index_alone(cited_material):
    plan = _plan(_sources(type("Request", (), {"user": None})()))
    assert "Index Only Scan using drafts_provision_visibility" in plan
    assert "Index Only Scan using alignment_matterentry_provision_matter" in plan


def test_counting_a_page_of_drafts_reads_provisions_and_citations_from_indexes_alone(
    cited_material,
):
    assert Draft.objects.count() == 1
    plan = _plan(queries.drafts(None).with_counts(public_only=True))
    assert "Index Only Scan using drafts_provision_draft_visibility" in plan
    assert "Index Only Scan using sources_citation_provision_visibility" in plan


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
