"""The stored, GIN-indexed search documents on PostgreSQL (apps/search/stored.py)."""

from __future__ import annotations

import pytest
from django.db import connection

from apps.drafts.models import Provision
from apps.search.backends import PostgresBackend
from apps.search.stored import MODELS, StoredVector
from apps.search.text import parse_query
from apps.sources.models import Citation, Source
from tests import factories as f

from .conftest import on_postgres, texts

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not on_postgres, reason="SQLite searches by substring: nothing stored"),
]
MODEL = {"provision": Provision, "citation": Citation, "source": Source}


@pytest.fixture
def awkward_rows():
    """Rows with markup, entities, grouped numbers and characters HTML escapes."""
    draft = f.make_draft(title="Draft with awkward text")
    provision = f.make_provision(
        draft,
        heading="Army & navy <limits>",
        label="6",
        body="<p>A cap of <strong>600,000</strong> troops &amp; 1&nbsp;000 tanks.</p>",
    )
    source = f.make_source(headline="Leak: 600 000 troops", outlet="A & B <news>", author="")
    f.cite(provision, source, excerpt="the 600,000 cap", note="Read by <two> outlets")
    f.cite(draft, source, excerpt="whole plan", locator="p. 3")


def test_the_migration_gives_each_searched_table_a_gin_index_on_its_stored_document():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexdef FROM pg_indexes WHERE indexname LIKE %s",
            ["%search_vector_gin"],
        )
        indexes = dict(cursor.fetchall())
    tables = {MODEL[kind]._meta.db_table for kind in MODELS}
    assert set(indexes) == tables
    assert all("USING gin (search_vector)" in sql for sql in indexes.values())


@pytest.mark.parametrize("kind", MODELS)
def test_every_stored_document_equals_the_one_search_would_compute(awkward_rows, kind):
    rows = (
        MODEL[kind]
        .objects.annotate(computed=PostgresBackend().vector(kind), stored=StoredVector())
        .values_list("pk", "computed", "stored")
    )
    assert rows, "no rows to compare"
    for pk, computed, stored in rows:
        assert stored == computed, f"{kind} {pk}"


def test_a_row_changed_without_save_is_found_by_its_new_words(client, awkward_rows):
    Provision.objects.filter(heading__startswith="Army").update(heading="Naval blockade")

    found = texts(client.get("/search/", {"q": "blockade"}))
    assert len(found) == 1 and "Naval blockade" in found[0]
    assert not texts(client.get("/search/", {"q": "navy"}))


def test_search_can_use_the_index(awkward_rows):
    """With sequential scans priced out, as they are on a large table, the planner reads
    the GIN index: the query matches the indexed column, not a computed document."""
    matched = PostgresBackend().match(Provision.objects.all(), "provision", parse_query("troops"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = matched.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "drafts_provision_search_vector_gin" in plan
