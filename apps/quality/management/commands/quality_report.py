from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from apps.quality.report import build_report, unexplained_count


class Command(BaseCommand):
    help = (
        "Print the data-quality report (the same lists as the admin's Data-quality report "
        "page): each item with the admin path of the object and the editor's note, if any."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Exit with an error if any item has no editor's note explaining it.",
        )

    def handle(self, *args, strict: bool = False, **options) -> None:
        sections = build_report()
        for section in sections:
            explained = len(section.items) - len(section.unexplained)
            self.stdout.write(
                self.style.MIGRATE_HEADING(
                    f"{section.title}: {len(section.items)} ({explained} explained)"
                )
            )
            for item in section.items:
                self.stdout.write(f"  {item.label} — {item.problem}\n    {item.url}")
                if item.note:
                    self.stdout.write(f"    Editor's note: {item.note}")
                else:
                    self.stdout.write(self.style.WARNING("    To fix: no editor's note."))
        missing = unexplained_count(sections)
        summary = f"{missing} item{'s' if missing != 1 else ''} without an editor's note."
        if missing and strict:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary) if not missing else summary)
