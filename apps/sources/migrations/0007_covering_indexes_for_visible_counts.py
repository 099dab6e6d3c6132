"""Covering indexes for counting what the public may see (PostgreSQL).

Counting a source's or a draft's visible citations, provisions and matters reads a few
columns of many rows: each citation's `published` and what it cites, each provision's
`published` and draft, each alignment's matter. With these indexes PostgreSQL reads those
columns from the index alone (index-only scans) instead of visiting a table page per row.
At 600,000 citations (bench/scale.py's data set) the API's page of 50 sources went from
221 ms to 47 ms of SQL, and its page of 50 drafts with their counts from 66 ms to 34 ms.

PostgreSQL only: SQLite has no INCLUDE columns, and Django's `Index(include=...)` would warn
on every `check` there, so the indexes are made here rather than declared on the models.
They live with the citations, which most of them serve.
"""

from django.db import migrations

# name: (table, key column, included columns)
INDEXES = {
    "sources_citation_source_visibility": (
        "sources_citation",
        "source_id",
        ("published", "provision_id", "draft_id", "position_id"),
    ),
    "sources_citation_provision_visibility": ("sources_citation", "provision_id", ("published",)),
    "drafts_provision_visibility": ("drafts_provision", "id", ("published", "draft_id")),
    "drafts_provision_draft_visibility": ("drafts_provision", "draft_id", ("published",)),
    "alignment_matterentry_provision_matter": (
        "alignment_matterentry",
        "provision_id",
        ("matter_id",),
    ),
}


def add_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for name, (table, key, included) in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} ({quote(key)}) "
            f"INCLUDE ({', '.join(quote(column) for column in included)})"
        )


def drop_indexes(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("alignment", "0004_rejected_suggestions"),
        ("drafts", "0006_provision_recent_index"),
        ("sources", "0006_merge_attachment_key_help_language"),
    ]

    operations = [migrations.RunPython(add_indexes, drop_indexes, elidable=False)]
