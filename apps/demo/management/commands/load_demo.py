from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from apps.demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo drafts, provisions, sources and alignment of the 2025 Russia–Ukraine "
        "and Gaza peace plans. Adds only what is missing; never changes or deletes existing rows."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if the database already has drafts (used by `make run`, so a "
            "restart never re-adds demo rows an editor has since deleted).",
        )

        parser.add_argument(
            "--process",
            action="append",
            dest="processes",
            metavar="SLUG",
            help="Load only this process (russia-ukraine-2025, gaza-2025); may be repeated, "
            "and the processes load in the order given. Default: every process.",
        )

    def handle(self, *args, if_empty: bool = False, processes=None, **options) -> None:
        from apps.drafts.models import Draft

        if if_empty and Draft.objects.exists():
            self.stdout.write("Drafts already present: demo data not loaded again.")
            return
        try:
            report = load_demo(processes)
        except DemoDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(report.summary()))
        for notice in report.notices:
            self.stdout.write(notice)
