from django.db import migrations

from apps.accounts.migrations._permissions import create_groups


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editors", "Viewers"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("drafts", "0001_initial"),
        ("sources", "0001_initial"),
        ("alignment", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
