"""The search document of every searched row, stored on PostgreSQL and indexed with GIN.

Computing each row's weighted tsvector at query time reads and parses every row a
visitor may see: fine for the demo, seconds at 200,000 provisions. On PostgreSQL each
searched table therefore carries a generated column, `search_vector`, with a GIN index.

The column is not a model field, on purpose: a model field would be fetched with every
provision on every page (the comparison loads hundreds), and SQLite, which searches by
substring, has no tsvector to store. Its expression is compiled from the very expression
the query side would otherwise compute (`PostgresBackend.vector`), so the two say the same
thing; `tests/search/test_stored_vectors.py` checks that every row's stored document
equals the computed one.

PostgreSQL refuses to change the type of a column a generated column reads. A migration
that alters a searched field (see `backends.FIELDS`) or changes what is searched drops
the columns first and adds them back after, with `drop_stored_vectors` and
`add_stored_vectors` below.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchVectorField
from django.db.models import Expression

COLUMN = "search_vector"
# kind → (app label, model name), as the historical models of a migration are found.
MODELS = {
    "provision": ("drafts", "Provision"),
    "citation": ("sources", "Citation"),
    "source": ("sources", "Source"),
}


class StoredVector(Expression):
    """The stored `search_vector` column of the queryset's own table (PostgreSQL only)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name(alias)}.{connection.ops.quote_name(COLUMN)}", []


def generation_sql(model, kind: str, schema_editor) -> str:
    """The SQL of `kind`'s search document over `model`'s own columns, literals inlined."""
    from .backends import PostgresBackend

    queryset = model._default_manager.annotate(_document=PostgresBackend().vector(kind))
    compiler = queryset.query.get_compiler(connection=schema_editor.connection)
    sql, params = compiler.compile(queryset.query.annotations["_document"])
    # A generated column names its table's columns bare.
    table = schema_editor.quote_name(model._meta.db_table)
    sql = re.sub(re.escape(table) + r"\.", "", sql)
    return sql % tuple(schema_editor.quote_value(p) for p in params)


def add_stored_vectors(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for kind, (app_label, model_name) in MODELS.items():
        model = apps.get_model(app_label, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        column = schema_editor.quote_name(COLUMN)
        index = schema_editor.quote_name(f"{model._meta.db_table}_{COLUMN}_gin")
        expression = generation_sql(model, kind, schema_editor)
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({column})")


def drop_stored_vectors(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for app_label, model_name in MODELS.values():
        model = apps.get_model(app_label, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        # Dropping the column drops its index.
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {COLUMN}")
