from django.db import migrations

from apps.accounts.migrations import _permissions


class Migration(migrations.Migration):
    """Editors write data-quality notes and Viewers read them (and so the report)."""

    dependencies = [
        ("quality", "0001_quality_notes"),
        ("accounts", "0004_publishers_group"),
    ]

    operations = [migrations.RunPython(_permissions.create_groups, migrations.RunPython.noop)]
