from django.db import migrations

from apps.accounts.migrations import _permissions


class Migration(migrations.Migration):
    """Editors curate key terms and Viewers read them, like the provisions they belong to."""

    dependencies = [
        ("terms", "0001_initial"),
        ("accounts", "0003_groups_curate_positions"),
    ]

    operations = [migrations.RunPython(_permissions.create_groups, migrations.RunPython.noop)]
