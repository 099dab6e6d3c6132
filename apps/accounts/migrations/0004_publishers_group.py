from django.db import migrations

from apps.accounts.migrations import _permissions


def remove_publishers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Publishers").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_groups_curate_positions"),
        ("drafts", "0002_provision_published_and_publish_permissions"),
        ("alignment", "0002_matter_published"),
        ("sources", "0004_citation_published"),
    ]

    operations = [
        migrations.RunPython(_permissions.create_publishers, remove_publishers),
    ]
