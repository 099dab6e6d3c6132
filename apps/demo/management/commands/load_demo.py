from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from apps.demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo drafts, provisions, sources and alignment of the 2025 Russia–Ukraine "
        "peace plans. Adds only what is missing; never changes or deletes existing rows."
    )

    def handle(self, *args, **options) -> None:
        try:
            report = load_demo()
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(report.summary()))
        for notice in report.notices:
            self.stdout.write(notice)
