from django.db import migrations

from apps.accounts.migrations import _permissions


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_groups_read_history"),
        ("positions", "0001_initial"),
    ]

    operations = [migrations.RunPython(_permissions.create_groups, migrations.RunPython.noop)]
