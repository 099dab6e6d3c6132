from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "apps.search"
    label = "search"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created

        from .backends import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="search-sqlite")
