"""Build a side-by-side comparison of 2–6 drafts: one row per matter, one column per draft.

The number of SQL queries is fixed (it does not grow with drafts, matters or provisions):
drafts, their provisions with topics and citation counts, and the matter entries, each
fetched once and joined in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, Party, Provision, Topic
from apps.drafts.queries import citation_count, disputing_count
from apps.terms.models import KeyTerm
from apps.terms.values import TermView
from apps.terms.values import compare as compare_terms

from .diff import plain_text, word_diffs

MIN_DRAFTS, MAX_DRAFTS = 2, 6
ROWS_PER_PAGE = 100
SEPARATOR = "..."
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,80}")


class CompareError(Exception):
    """Input the comparison cannot serve; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def parse_slugs(spec: str) -> list[str]:
    slugs = spec.strip("/").split(SEPARATOR)
    if any(not s for s in slugs):
        raise CompareError(
            f"“{spec}” is not a list of drafts: separate draft ids with “{SEPARATOR}”, "
            "e.g. /compare/first-draft...second-draft/."
        )
    malformed = [s for s in slugs if not SLUG.fullmatch(s)]
    if malformed:
        shown = ", ".join(f"“{_printable(m)}”" for m in malformed)
        raise CompareError(
            f"Not a draft id: {shown}. Draft ids use letters, digits and hyphens.", status=404
        )
    if len(slugs) < MIN_DRAFTS:
        raise CompareError("A comparison needs at least two drafts: add another one.")
    if len(slugs) > MAX_DRAFTS:
        raise CompareError(
            f"A comparison shows at most {MAX_DRAFTS} drafts side by side; "
            f"this link names {len(slugs)}."
        )
    repeated = sorted({s for s in slugs if slugs.count(s) > 1})
    if repeated:
        raise CompareError(f"The same draft is named twice: {', '.join(repeated)}.")
    return slugs


def _printable(text: str, limit: int = 40) -> str:
    shown = "".join(c if c.isprintable() else "?" for c in text[:limit])
    return shown + ("…" if len(text) > limit else "")


def load_drafts(slugs: list[str], drafts_qs) -> list[Draft]:
    """The drafts named, ordered by date (earliest first); all from one process."""
    found = {
        d.slug: d
        for d in drafts_qs.filter(slug__in=slugs)
        .with_disputes()
        .select_related("process")
        .prefetch_related("authors", "parent_links")
    }
    missing = [s for s in slugs if s not in found]
    if missing:
        raise CompareError(
            f"No published draft has the id {', '.join(f'“{m}”' for m in missing)}.", status=404
        )
    drafts = sorted(found.values(), key=sort_key)
    processes = {d.process_id for d in drafts}
    if len(processes) > 1:
        names = sorted({d.process.name for d in drafts})
        raise CompareError(
            "These drafts belong to different peace processes "
            f"({' and '.join(names)}); compare drafts of one process."
        )
    return drafts


def sort_key(draft: Draft):
    date = draft.presented_on or draft.reported_on
    return (date is None, date, draft.reported_on is None, draft.reported_on, draft.pk)


def canonical_spec(drafts: list[Draft]) -> str:
    return SEPARATOR.join(d.slug for d in drafts)


@dataclass
class ProvisionCell:
    provision: Provision
    entry: MatterEntry | None
    text: str
    diff: str | None = None  # marked-up text against the base, when there is a base
    base_text: str | None = None
    base_draft: Draft | None = None
    terms: list[TermView] = field(default_factory=list)  # key terms, against the base

    @property
    def disputed(self) -> bool:
        return self.provision.disputing_count > 0


@dataclass
class Cell:
    draft: Draft
    items: list[ProvisionCell] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(i.text for i in self.items if i.provision.state != "deleted")

    @property
    def signature(self) -> tuple:
        return tuple((i.text, i.provision.state) for i in self.items)


@dataclass
class Row:
    matter: Matter | None
    cells: list[Cell]
    topics: set[int]
    positions: list = field(default_factory=list)

    @property
    def conflict(self) -> bool:
        return any(p.conflict for p in self.positions)

    @property
    def anchor(self) -> str:
        if self.matter:
            return f"matter-{self.matter.pk}"
        return f"provision-{self.cells_with_items[0].items[0].provision.key}"

    @property
    def cells_with_items(self) -> list[Cell]:
        return [c for c in self.cells if c.items]

    @property
    def changed(self) -> bool:
        """True unless every draft in view has the same text in this row."""
        signatures = {c.signature for c in self.cells}
        states = {i.provision.state for c in self.cells for i in c.items}
        return len(signatures) > 1 or bool(states & {"bracketed", "deleted"})


@dataclass
class Comparison:
    drafts: list[Draft]
    rows: list[Row]
    total_rows: int
    topic: Topic | None
    party: Party | None
    changed_only: bool
    base: str
    conflicts_only: bool = False
    as_of: object = None
    page: int = 1
    pages: int = 1
    filtered_rows: int = 0

    @property
    def shown(self) -> int:
        return len(self.rows)

    @property
    def first_row_number(self) -> int:
        return (self.page - 1) * ROWS_PER_PAGE + 1 if self.rows else 0

    @property
    def last_row_number(self) -> int:
        return (self.page - 1) * ROWS_PER_PAGE + len(self.rows)

    @property
    def spec(self) -> str:
        return canonical_spec(self.drafts)

    @property
    def process(self):
        return self.drafts[0].process

    @property
    def title(self) -> str:
        return " vs ".join(d.label for d in self.drafts)

    @property
    def filter_description(self) -> str:
        """The active filters in words, for headings and link previews."""
        parts = []
        if self.topic:
            parts.append(f"{self.topic} only")
        if self.party:
            parts.append(f"rows where {self.party.name} authored a draft or stated a position")
        if self.changed_only:
            parts.append("changed rows only")
        if self.base == "first":
            parts.append(f"differences against {self.drafts[0].label}")
        if self.conflicts_only:
            parts.append("rows where a party's position conflicts with the newest draft")
        return ", ".join(parts)

    @property
    def description(self) -> str:
        names = [d.label for d in self.drafts]
        listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        text = f"Side-by-side comparison of {listed} ({self.process.name})"
        if self.filter_description:
            text += f": {self.filter_description}"
        return f"{text}. {len(self.rows)} of {self.total_rows} rows."


def _provisions(drafts: list[Draft], user) -> list[Provision]:
    return list(
        Provision.objects.visible_to(user)
        .filter(draft__in=drafts)
        .annotate(citation_count=citation_count(user), disputing_count=disputing_count(user))
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.select_related(None).only("pk", "parent_id")),
            Prefetch("key_terms", queryset=KeyTerm.objects.order_by("position", "pk")),
        )
        .order_by("draft", "position", "pk")
    )


def _entries(drafts: list[Draft], user) -> list[MatterEntry]:
    return list(
        MatterEntry.objects.visible_to(user)
        .filter(provision__draft__in=drafts)
        .select_related("matter__topic__parent")
        .order_by("matter__position", "matter__code", "pk")
    )


def build(
    drafts: list[Draft],
    *,
    topic: Topic | None = None,
    party: Party | None = None,
    changed_only: bool = False,
    base: str = "previous",
    conflicts_only: bool = False,
    page: int = 1,
    user=None,
) -> Comparison:
    """The comparison as `user` may see it (None: as the public sees it)."""
    provisions = _provisions(drafts, user)
    by_id = {p.pk: p for p in provisions}
    column = {d.pk: i for i, d in enumerate(drafts)}

    rows: dict[int, Row] = {}
    aligned: set[int] = set()
    for entry in _entries(drafts, user):
        provision = by_id[entry.provision_id]
        aligned.add(provision.pk)
        row = rows.get(entry.matter_id)
        if row is None:
            row = rows[entry.matter_id] = Row(
                matter=entry.matter, cells=[Cell(d) for d in drafts], topics=set()
            )
            if entry.matter.topic_id:
                row.topics.add(entry.matter.topic_id)
                if entry.matter.topic.parent_id:
                    row.topics.add(entry.matter.topic.parent_id)
        _place(row, column[provision.draft_id], provision, entry)

    ordered = list(rows.values())
    # Provisions no editor has aligned yet still show, each in a row of its own.
    for provision in provisions:
        if provision.pk not in aligned:
            row = Row(matter=None, cells=[Cell(d) for d in drafts], topics=set())
            _place(row, column[provision.draft_id], provision, None)
            ordered.append(row)

    total = len(ordered)
    if topic is not None:
        wanted = {topic.pk} | set(Topic.objects.filter(parent=topic).values_list("pk", flat=True))
        ordered = [r for r in ordered if r.topics & wanted]
    if party is not None:
        from apps.positions.band import rows_for_party

        ordered = rows_for_party(ordered, drafts, party, drafts[-1].sort_date)
    if changed_only:
        ordered = [r for r in ordered if r.changed]
    if conflicts_only:
        as_of = _attach_positions(ordered, drafts)
        ordered = [r for r in ordered if r.conflict]
    filtered = len(ordered)
    # Long comparisons are read a page of rows at a time; positions and word marks are
    # worked out for the rows shown only.
    pages = max(1, -(-filtered // ROWS_PER_PAGE))
    page = min(max(page, 1), pages)
    ordered = ordered[(page - 1) * ROWS_PER_PAGE : page * ROWS_PER_PAGE]
    if not conflicts_only:
        as_of = _attach_positions(ordered, drafts)
    _diff_rows(ordered, base)
    _compare_terms(ordered, base)
    return Comparison(
        drafts=drafts,
        rows=ordered,
        total_rows=total,
        topic=topic,
        party=party,
        changed_only=changed_only,
        base=base,
        conflicts_only=conflicts_only,
        as_of=as_of,
        page=page,
        pages=pages,
        filtered_rows=filtered,
    )


def _attach_positions(rows: list[Row], drafts: list[Draft]):
    """Each party's latest stated position per row, as of the newest draft in view."""
    from apps.positions.band import bands, conflicts

    newest = drafts[-1]
    as_of = newest.presented_on or newest.reported_on
    by_matter = bands([r.matter.pk for r in rows if r.matter], as_of)
    for row in rows:
        if row.matter is None:
            continue
        row.positions = by_matter.get(row.matter.pk, [])
        newest_has_text = bool(row.cells[-1].text)
        for stance in row.positions:
            stance.conflict = conflicts(stance.latest.stance, newest_has_text)
    return as_of


def _place(row: Row, index: int, provision: Provision, entry: MatterEntry | None) -> None:
    row.cells[index].items.append(
        ProvisionCell(provision=provision, entry=entry, text=plain_text(provision.body))
    )
    for t in provision.topics.all():
        row.topics.add(t.pk)
        if t.parent_id:
            row.topics.add(t.parent_id)


def _diff_rows(rows: list[Row], base: str) -> None:
    """Mark each cell's words against the previous column, or against the first one.

    All pairs of texts are collected first and diffed in one batch (one cache round trip).
    """
    todo: list[tuple[ProvisionCell, str, Draft]] = []
    for row in rows:
        for index, cell in enumerate(row.cells):
            if index == 0 or not cell.items:
                continue
            base_cell = row.cells[0] if base == "first" else row.cells[index - 1]
            if not base_cell.items:
                continue
            base_text = base_cell.text
            for item in cell.items:
                if item.provision.state != "deleted":
                    todo.append((item, base_text, base_cell.draft))
    diffs = word_diffs([(base_text, item.text) for item, base_text, _ in todo])
    for (item, base_text, base_draft), marked in zip(todo, diffs, strict=True):
        item.diff, item.base_text, item.base_draft = marked, base_text, base_draft


def _compare_terms(rows: list[Row], base: str) -> None:
    """Each provision's key terms, set against the same term (same code) in the base column:
    the previous column, or the first with base=first, as for the word marks."""
    for row in rows:
        for index, cell in enumerate(row.cells):
            base_terms: dict[str, KeyTerm] = {}
            against = ""
            if index > 0:
                base_cell = row.cells[0] if base == "first" else row.cells[index - 1]
                against = base_cell.draft.label
                for item in base_cell.items:
                    for term in item.provision.key_terms.all():
                        base_terms.setdefault(term.code, term)
            for item in cell.items:
                item.terms = compare_terms(
                    item.provision.key_terms.all(), base_terms, against=against
                )
