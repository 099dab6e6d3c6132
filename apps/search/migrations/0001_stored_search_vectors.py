"""A stored, GIN-indexed search document on provisions, citations and sources (PostgreSQL).

See apps/search/stored.py. Nothing happens on SQLite, which searches by substring.
"""

from django.db import migrations

from apps.search.stored import add_stored_vectors, drop_stored_vectors


class Migration(migrations.Migration):
    dependencies = [
        ("drafts", "0005_draft_kind_topic_process"),
        ("sources", "0006_merge_attachment_key_help_language"),
    ]

    operations = [
        migrations.RunPython(add_stored_vectors, drop_stored_vectors, elidable=False),
    ]
