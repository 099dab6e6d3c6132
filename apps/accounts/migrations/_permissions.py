from django.contrib.auth.management import create_permissions

from apps.accounts.roles import sync_groups


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make them now so the
    # groups can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    sync_groups(apps)
