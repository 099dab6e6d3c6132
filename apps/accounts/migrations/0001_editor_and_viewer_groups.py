from django.contrib.auth.management import create_permissions
from django.db import migrations

from apps.accounts.roles import sync_groups


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now so the
    # groups can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)


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
