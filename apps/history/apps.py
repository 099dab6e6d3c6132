from django.apps import AppConfig


class HistoryConfig(AppConfig):
    name = "apps.history"
    label = "history"
    verbose_name = "History"

    def ready(self) -> None:
        from . import recorder

        recorder.connect()
