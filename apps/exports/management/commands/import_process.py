from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from apps.core.files import read_text
from apps.exports.process_io import ImportFailed, load_process

SUMMARY = [
    "process",
    "party",
    "topic",
    "source",
    "draft",
    "lineage link",
    "provision",
    "matter",
    "aligned provision",
    "position",
    "citation",
]


class Command(BaseCommand):
    help = (
        "Load a whole peace process from the JSON of /processes/<slug>/export.json into an "
        "empty database: all of it in one transaction, or nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="The export file, or - to read standard input.")

    def handle(self, *args, file: str, **options) -> None:
        text = read_text(file, stdin_dash=True)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"{file} is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})."
            ) from exc
        try:
            counts = load_process(data)
        except ImportFailed as exc:
            raise CommandError(f"Nothing imported. {exc}") from exc
        parts = [f"{counts[kind]} {kind}{'' if counts[kind] == 1 else 's'}" for kind in SUMMARY]
        self.stdout.write(self.style.SUCCESS(f"Imported {', '.join(parts)}."))
