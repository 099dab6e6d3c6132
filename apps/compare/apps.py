from django.apps import AppConfig


class CompareConfig(AppConfig):
    name = "apps.compare"
    label = "compare"

    def ready(self) -> None:
        from . import scopes

        scopes.connect()
