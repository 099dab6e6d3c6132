from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from apps.alignment.suggest import NoParentError, Suggestion, suggest
from apps.drafts.models import Draft

STATUS = {"unaligned": "not aligned", "aligned": "agrees", "conflicting": "differs"}


def _name(row_provision, width: int) -> str:
    text = f"{row_provision.label} {row_provision.heading}".strip()
    return text if len(text) <= width else text[: width - 1] + "…"


class Command(BaseCommand):
    help = (
        "Suggest, for each provision of a draft, its counterpart in the draft it revises or "
        "answers, with a score and a relation. Changes nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("draft", help="Slug of the draft whose provisions to align.")
        parser.add_argument(
            "--against",
            metavar="PARENT",
            help="Slug of the parent draft (default: the one it revises, else the oldest).",
        )
        parser.add_argument(
            "--measure",
            action="store_true",
            help="Also print how often the suggestions agree with the curated matters.",
        )

    def handle(self, *args, draft: str, against: str | None, measure: bool, **options):
        child = self._draft(draft)
        parent = self._draft(against) if against else None
        try:
            result = suggest(child, parent)
        except NoParentError as exc:
            raise CommandError(str(exc)) from exc

        write = self.stdout.write
        title = (
            f"{result.draft} ({result.draft.slug}) against {result.parent} ({result.parent.slug})"
        )
        write(title)
        header = f"{'Provision':<36}  {'Counterpart':<36}  {'Score':>5}  {'Relation':<18}"
        if measure:
            header += "  Curated"
        write(header)
        write("-" * len(header))
        for row in result.rows:
            write(self._line(row, result.status(row) if measure else None))
        if result.removed:
            write("")
            write(f"Matched by nothing, so suggested as removed from {result.parent}:")
            for row in result.removed:
                write(f"  {_name(row.provision, 72)}")
        if measure:
            agreed, total = result.agreement()
            share = f" ({100 * agreed / total:.1f}%)" if total else ""
            write("")
            write(f"Agreement with curated matters: {agreed}/{total} provisions{share}")
            same, compared = result.relation_agreement()
            if compared:
                write(
                    f"Relation as curated, where the match agrees: {same}/{compared} "
                    f"({100 * same / compared:.1f}%)"
                )

    def _draft(self, slug: str) -> Draft:
        try:
            return Draft.objects.get(slug=slug)
        except Draft.DoesNotExist:
            raise CommandError(f"No draft has the slug “{slug}”.") from None

    def _line(self, row: Suggestion, status: str | None) -> str:
        counterpart = _name(row.match.provision, 36) if row.match else "—"
        score = f"{row.match.score:.2f}" if row.match else ""
        line = (
            f"{_name(row.provision, 36):<36}  {counterpart:<36}  {score:>5}  "
            f"{row.relation_display:<18}"
        )
        if status:
            line += f"  {STATUS[status]}"
        return line.rstrip()
