from __future__ import annotations

import html
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.html import strip_tags

from apps.drafts.models import Draft, Provision
from apps.imports.files import UnreadableFile, extract, sha256
from apps.imports.importer import (
    Attachment,
    ImportFailed,
    Row,
    existing_labels,
    import_rows,
    store_upload,
)
from apps.imports.parser import EmptyPaste, ParseResult, PasteTooLong, parse
from apps.sources.models import Source


class Command(BaseCommand):
    help = (
        "Import the numbered points of a document (PDF, .docx, saved .html page, PNG or JPEG "
        "image read with OCR, or a .txt/.md text) as provisions of a draft, each citing a "
        "source: prints the preview and its warnings, then creates all of them in one "
        "transaction (or nothing with --dry-run). A document other than plain text becomes "
        "the source's attachment, with its SHA-256."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("draft", help="The draft's slug.")
        parser.add_argument("file", help="The document, or a UTF-8 text file.")
        parser.add_argument(
            "--source", required=True, help="Key of the source every provision cites."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Print the preview; create nothing."
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Create without asking for confirmation.",
        )

    def handle(self, *args, draft: str, file: str, source: str, **options) -> None:
        target = Draft.objects.filter(slug=draft).first()
        if target is None:
            raise CommandError(f"There is no draft with the slug “{draft}”.")
        cited = Source.objects.filter(key=source).first()
        if cited is None:
            raise CommandError(f"There is no source with the key “{source}”.")
        result, attachment = self._parse(file)
        self._print_preview(target, cited, result)
        for line in result.removed:
            self.stdout.write(f"Removed as page furniture ({line.count}×): {line.text}")
        rows = [Row(p.label, p.heading, p.body) for p in result.proposals]
        clashes = self._clashes(target, rows)
        if clashes:
            raise CommandError("Nothing imported. " + " ".join(clashes))
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was created.")
            return
        if options["interactive"]:
            try:
                answer = input(f"Create {len(rows)} provisions in “{target}”? [y/N] ")
            except EOFError:  # no terminal to answer from: pass --no-input
                answer = ""
            if answer.strip().lower() not in {"y", "yes"}:
                self.stdout.write("Cancelled: nothing was created.")
                return
        try:
            if attachment is not None:
                attachment = Attachment(
                    store_upload(Path(file).name, attachment[0], attachment[1]), attachment[1]
                )
            created = import_rows(target, rows, source=cited, attachment=attachment)
        except ImportFailed as exc:
            raise CommandError(f"Nothing imported. {exc}") from exc
        self.stdout.write(
            self.style.SUCCESS(f"Imported {len(created)} provisions into “{target}”.")
        )

    def _parse(self, file: str) -> tuple[ParseResult, tuple[bytes, str] | None]:
        """The parsed text, and the document's bytes and SHA-256 when it is to be attached."""
        try:
            with open(file, "rb") as handle:
                data = handle.read(settings.IMPORT_MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}.") from exc
        try:
            extracted = extract(Path(file).name, data)
        except UnreadableFile as exc:
            raise CommandError(str(exc)) from None
        text = extracted.text
        try:
            result = parse(text)
        except EmptyPaste:
            raise CommandError(f"{file} is empty: there is nothing to import.") from None
        except PasteTooLong as exc:
            raise CommandError(f"{file}: {exc}") from None
        if not result.proposals:
            raise CommandError(" ".join(result.notes))
        return result, (None if extracted.kind == "text" else (data, sha256(data)))

    def _clashes(self, draft: Draft, rows: list[Row]) -> list[str]:
        existing = existing_labels(draft)
        seen: set[str] = set()
        problems = []
        for row in rows:
            if row.label == Provision.UNNUMBERED:
                continue
            if row.label in existing:
                problems.append(f"The draft already has a point {row.label}.")
            elif row.label in seen:
                problems.append(f"Point {row.label} appears twice in the file.")
            seen.add(row.label)
        return problems

    def _print_preview(self, draft: Draft, source: Source, result: ParseResult) -> None:
        out = self.stdout
        count = len(result.proposals)
        out.write(f"{count} provisions for “{draft}” ({draft.slug}), citing {source.key}:")
        for proposal in result.proposals:
            heading = f" · {proposal.heading}" if proposal.heading else ""
            out.write(f"\n{proposal.label}{heading}")
            body = proposal.body.replace("</p>", "</p>\n").replace("<li>", "<li>- ")
            text = html.unescape(strip_tags(body.replace("</li>", "</li>\n")))
            for line in text.splitlines():
                if line.strip():
                    out.write(f"    {line.strip()}")
            for warning in proposal.warnings:
                out.write(self.style.WARNING(f"    ! {warning}"))
        warnings = result.warnings
        out.write("")
        if warnings:
            plural = "" if len(warnings) == 1 else "s"
            out.write(self.style.WARNING(f"{len(warnings)} warning{plural}:"))
            for warning in warnings:
                out.write(self.style.WARNING(f"  - {warning}"))
        else:
            out.write("No warnings.")
