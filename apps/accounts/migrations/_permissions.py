from django.contrib.auth.management import create_permissions

from apps.accounts.roles import sync_groups, sync_publishers


def _create_permissions(apps) -> None:
    # Permissions are normally created after all migrations; make them now so the
    # groups can hold them on a fresh database.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def create_groups(apps, schema_editor):
    _create_permissions(apps)
    sync_groups(apps)


def create_publishers(apps, schema_editor):
    _create_permissions(apps)
    sync_publishers(apps)
