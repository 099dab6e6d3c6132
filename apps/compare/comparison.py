"""Build a side-by-side comparison of 2–6 drafts: one row per matter, one column per draft.

The number of SQL queries is fixed (it does not grow with drafts, matters or provisions):
drafts, their provisions with topics and citation counts, and the matter entries, each
fetched once and joined in Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse

from apps.alignment.models import IN_DRAFT_ORDER, Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, Party, Provision, Topic, can_preview
from apps.drafts.queries import citation_count, disputing_count
from apps.terms.models import KeyTerm
from apps.terms.values import TermView
from apps.terms.values import compare as compare_terms

from .diff import is_rewrite, plain_text, word_diffs

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
        .prefetch_related("authors")
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


# What a cell says about its draft on a matter. A draft whose text is known only in part
# (or from reports) says nothing about a matter it has no provision on: that is unknown,
# not absent.
PRESENT, NOT_REPORTED, ABSENT, REMOVED = "present", "not-reported", "absent", "removed"
STATUS_WORDS = {
    PRESENT: "Present",
    NOT_REPORTED: "Not reported",
    ABSENT: "Absent",
    REMOVED: "Removed",
}
STATUS_MEANING = {
    NOT_REPORTED: "The text of this draft is known only in part, and no known part covers "
    "this matter.",
    ABSENT: "The full text of this draft has no provision on this matter.",
    REMOVED: "Recorded as dropped in this draft.",
}


def cell_status(text_basis: str, items: list[tuple[str, str | None]]) -> str:
    """A cell's status from its draft's text basis and its (provision state, relation)s."""
    if not items:
        return ABSENT if text_basis == Draft.TextBasis.FULL else NOT_REPORTED
    if all(state == "deleted" or relation == "removed" for state, relation in items):
        return REMOVED
    return PRESENT


# Diff bases: the draft each column revises or answers (the default), the previous column,
# the first column, or one draft in view named by its slug.
LINEAGE, PREVIOUS, FIRST = "lineage", "previous", "first"
BASE_KEYWORDS = (LINEAGE, PREVIOUS, FIRST)

# What changed in a cell against its base; the summary counts rows per column and kind.
CHANGE_KINDS = {
    "hardened": "hardened",
    "softened": "softened",
    "new": "new",
    "removed": "removed",
    "bracketed": "bracketed",
    "reworded": "reworded",
    "not-reported": "not reported",
}
# "same-wording" is not among them: the editor judged the substance the same.
REWORDED_RELATIONS = {"reworded", "moved", "split", "merged"}


def relation_against_base(
    *,
    removed: bool,
    base_status: str | None,
    lineage_base: bool,
    curated: str | None,
    text: str,
    base_text: str,
) -> str | None:
    """How a provision relates to its base cell: same, same-wording, reworded (or the
    curated moved/split/merged), new, removed; None when there is no base to compare with
    or the base's text is not reported.

    The editor's relation is about the draft a provision revises or answers, so it counts
    only when the base is that draft; otherwise the texts decide.
    """
    if removed:
        return "removed"
    if base_status is None or base_status == NOT_REPORTED:
        return None
    if base_status in (ABSENT, REMOVED):
        return "new"
    if lineage_base and curated:
        if curated == "same":
            return "same" if text == base_text else "same-wording"
        return curated
    return "same" if text == base_text else "reworded"


def change_kinds(
    *, status: str, relations: list[str | None], labels: list[str], states: list[str]
) -> set[str]:
    """The kinds of change a cell shows (empty: nothing to point out)."""
    kinds = {label for label in labels if label}
    if status == NOT_REPORTED:
        kinds.add("not-reported")
    if status == REMOVED or "removed" in relations:
        kinds.add("removed")
    if "new" in relations:
        kinds.add("new")
    if REWORDED_RELATIONS & set(relations):
        kinds.add("reworded")
    if "bracketed" in states:
        kinds.add("bracketed")
    return kinds


KIND_ORDER = [*CHANGE_KINDS, "neutral"]


def kinds_in_words(kinds) -> str:
    """“softened, reworded”: a cell's kinds of change in the summary's order."""
    words = {**CHANGE_KINDS, "neutral": "labelled neutral"}
    return ", ".join(words[k] for k in KIND_ORDER if k in kinds)


@dataclass
class ColumnBase:
    """What a column is marked against."""

    index: int | None  # the base column, None for no base
    reason: str = ""  # revises / answers / descends / previous / first / chosen
    parent: int | None = None  # the column of the draft it directly revises or answers
    parent_label: str = ""  # that draft's label, in view or not

    @property
    def lineage(self) -> bool:
        """The base is the draft this one revises or answers: editors' relations apply."""
        return self.index is not None and self.index == self.parent


REASON_WORDS = {
    "revises": "the draft it revises",
    "answers": "the draft it answers",
    "descends": "the nearest draft in view it descends from",
    "previous": "the previous column",
    "first": "the first column",
    "chosen": "the chosen base",
}


def column_bases(drafts: list[Draft], base: str, links) -> list[ColumnBase]:
    """Each column's base. `links`: (draft id, parent id, kind, parent label) of the process.

    With the lineage base a column is marked against the draft it revises or answers (a
    "revises" link first, then the latest draft), or, when that draft is not in view, the
    nearest in-view draft it descends from; a draft with none in view has no base.
    """
    index = {d.pk: i for i, d in enumerate(drafts)}
    parents: dict[int, list[tuple[int, str]]] = {}
    labels: dict[int, str] = {}
    for child, parent, kind, label in links:
        parents.setdefault(child, []).append((parent, kind))
        labels[parent] = label

    def pick(candidates):
        return min(candidates, key=lambda pk: (pk[1] != "revises", -index.get(pk[0], -1), pk[0]))

    result = []
    for i, draft in enumerate(drafts):
        direct = parents.get(draft.pk, [])
        direct_in_view = [(p, k) for p, k in direct if p in index]
        parent_pk = pick(direct_in_view)[0] if direct_in_view else None
        parent_label = labels[pick(direct)[0]] if direct else ""
        col = ColumnBase(
            index=None,
            parent=index.get(parent_pk) if parent_pk else None,
            parent_label=parent_label,
        )
        if base == LINEAGE:
            if direct_in_view:
                parent, kind = pick(direct_in_view)
                col.index, col.reason = index[parent], kind
            else:
                seen, frontier = {draft.pk}, [draft.pk]
                while frontier and col.index is None:
                    level = [
                        (p, k)
                        for node in frontier
                        for p, k in parents.get(node, [])
                        if p not in seen
                    ]
                    seen.update(p for p, _ in level)
                    in_view = [(p, k) for p, k in level if p in index]
                    if in_view:
                        col.index, col.reason = index[pick(in_view)[0]], "descends"
                    frontier = [p for p, _ in level]
        elif base == PREVIOUS:
            col.index, col.reason = (i - 1, "previous") if i > 0 else (None, "")
        elif base == FIRST:
            col.index, col.reason = (0, "first") if i > 0 else (None, "")
        else:
            chosen = next((j for j, d in enumerate(drafts) if d.slug == base), None)
            if chosen is not None and chosen != i:
                col.index, col.reason = chosen, "chosen"
        result.append(col)
    return result


@dataclass
class ProvisionCell:
    provision: Provision
    entry: MatterEntry | None
    text: str
    diff: str | None = None  # marked-up text against the base, when there is a base
    base_text: str | None = None
    base_draft: Draft | None = None
    terms: list[TermView] = field(default_factory=list)  # key terms, against the base
    relation: str | None = None  # against the base, see relation_against_base
    wording_differs: bool = False  # from the draft it revises or answers (in view)
    rewrite: bool = False  # the diff replaces most of the text
    sources_url: str = ""  # the provision's page, where its sources are listed

    @property
    def disputed(self) -> bool:
        return self.provision.disputing_count > 0

    @property
    def removed(self) -> bool:
        return self.provision.state == "deleted" or (
            self.entry is not None and self.entry.relation == "removed"
        )

    @property
    def relation_display(self) -> str:
        """The editor's relation in words; "same" on differing words says so."""
        if self.entry is None:
            return ""
        if self.entry.relation == "same" and self.wording_differs:
            return "Same substance, wording differs"
        return self.entry.get_relation_display()

    @property
    def possibly_stale(self) -> bool:
        return bool(getattr(self.entry, "possibly_stale", False))


@dataclass
class Cell:
    draft: Draft
    items: list[ProvisionCell] = field(default_factory=list)
    base: ColumnBase | None = None
    base_draft: Draft | None = None
    base_status: str | None = None
    kinds: set[str] = field(default_factory=set)

    @property
    def text(self) -> str:
        return " ".join(i.text for i in self.items if i.provision.state != "deleted")

    @property
    def status(self) -> str:
        return cell_status(
            self.draft.text_basis,
            [(i.provision.state, i.entry.relation if i.entry else None) for i in self.items],
        )

    @property
    def status_word(self) -> str:
        return STATUS_WORDS[self.status]

    @property
    def status_meaning(self) -> str:
        return STATUS_MEANING.get(self.status, "")

    @property
    def base_reason(self) -> str:
        return REASON_WORDS.get(self.base.reason, "") if self.base else ""

    @property
    def kinds_display(self) -> str:
        return kinds_in_words(self.kinds)


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
        """A cell differs from its base, carries an editor's label, or is new, removed,
        bracketed or not reported."""
        return any(c.kinds for c in self.cells)

    @property
    def name(self) -> str:
        if self.matter:
            return f"{self.matter.code} {self.matter.title}"
        item = self.cells_with_items[0].items[0].provision
        return f"Not yet aligned: {self.cells_with_items[0].draft.label} {item.label}"

    @property
    def change_notes(self) -> list[tuple[str, str]]:
        """(draft label, kinds in words) for each cell with something to point out."""
        return [(c.draft.label, c.kinds_display) for c in self.cells if c.kinds]


@dataclass
class SummaryFigure:
    kind: str
    word: str
    count: int
    query: str  # the filters that show exactly the rows counted


@dataclass
class ColumnSummary:
    draft: Draft
    base_draft: Draft | None
    base_reason: str
    figures: list[SummaryFigure]

    @property
    def changes(self) -> int:
        return sum(f.count for f in self.figures)


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
    change: str = ""
    change_in: Draft | None = None
    view: str = "marked"
    bases: list[ColumnBase] = field(default_factory=list)
    summary: list[ColumnSummary] = field(default_factory=list)
    conflict_rows: int = 0
    changed_rows: int = 0  # of the rows the topic and party filters keep
    total_in_scope: int = 0  # rows the topic and party filters keep
    conflict_query: str = ""
    changed_query: str = ""

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
    def labels_used(self) -> bool:
        """True if a row shown carries an editor's label (softened, hardened…): only then
        does the page explain how labels read."""
        return any(
            item.entry is not None and item.entry.label
            for row in self.rows
            for cell in row.cells
            for item in cell.items
        )

    @property
    def base_draft(self) -> Draft | None:
        return next((d for d in self.drafts if d.slug == self.base), None)

    @property
    def changed_list(self) -> list[Row]:
        return [r for r in self.rows if r.changed]

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
        if self.change:
            where = f" in {self.change_in.label}" if self.change_in else ""
            parts.append(f"rows {CHANGE_KINDS[self.change]}{where}")
        if self.base == FIRST:
            parts.append(f"differences against {self.drafts[0].label}")
        elif self.base == PREVIOUS:
            parts.append("differences against the previous column")
        elif self.base_draft is not None:
            parts.append(f"differences against {self.base_draft.label}")
        if self.conflicts_only:
            parts.append("rows where a party's position conflicts with the newest draft")
        if self.view == "clean":
            parts.append("clean text")
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
        # Prefetched into lists: each `.all()` on a prefetched manager builds a queryset,
        # which costs more than the rest of a cell's work on a page of a few hundred.
        .prefetch_related(
            Prefetch(
                "topics",
                queryset=Topic.objects.select_related(None).only("pk", "parent_id"),
                to_attr="topic_list",
            ),
            Prefetch(
                "key_terms",
                queryset=KeyTerm.objects.order_by("position", "pk"),
                to_attr="key_term_list",
            ),
        )
        .order_by("draft", "position", "pk")
    )


def _entries(drafts: list[Draft], user) -> list[MatterEntry]:
    entries = (
        MatterEntry.objects.visible_to(user)
        # The rows are the process's own matters, as in the alignment workspace (a point of
        # a draft moved here from another process reads as not yet aligned). Naming them
        # also lets the planner read the process's entries by matter, not every entry.
        .filter(matter__process_id=drafts[0].process_id, provision__draft__in=drafts)
        .select_related("matter__topic__parent")
        .order_by("matter__position", "matter__code", *IN_DRAFT_ORDER)
    )
    if can_preview(user):
        # Editors see which relations may no longer match the texts.
        entries = entries.with_staleness()
    return list(entries)


def _links(drafts: list[Draft]) -> list[tuple]:
    return list(
        DraftLink.objects.filter(draft__process_id=drafts[0].process_id).values_list(
            "draft_id", "parent_id", "kind", "parent__label"
        )
    )


def build(
    drafts: list[Draft],
    *,
    topic: Topic | None = None,
    party: Party | None = None,
    changed_only: bool = False,
    base: str = LINEAGE,
    conflicts_only: bool = False,
    change: str = "",
    change_in: Draft | None = None,
    view: str = "marked",
    page: int | None = 1,
    user=None,
) -> Comparison:
    """The comparison as `user` may see it (None: as the public sees it).

    page=None gives every row on one page (for exports).
    """
    provisions = _provisions(drafts, user)
    by_id = {p.pk: p for p in provisions}
    column = {d.pk: i for i, d in enumerate(drafts)}
    provision_url = provision_url_maker()

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
        _place(row, column[provision.draft_id], provision, entry, provision_url)

    ordered = list(rows.values())
    # Provisions no editor has aligned yet still show, each in a row of its own.
    for provision in provisions:
        if provision.pk not in aligned:
            row = Row(matter=None, cells=[Cell(d) for d in drafts], topics=set())
            _place(row, column[provision.draft_id], provision, None, provision_url)
            ordered.append(row)

    bases = column_bases(drafts, base, _links(drafts))
    _relate(ordered, bases)

    total = len(ordered)
    if topic is not None:
        # A row's topics include each one's parent, so a topic's rows include its subtopics'.
        ordered = [r for r in ordered if topic.pk in r.topics]
    if party is not None:
        from apps.positions.band import rows_for_party

        ordered = rows_for_party(ordered, drafts, party, drafts[-1].sort_date)
    # Positions are needed for every row in scope: the summary counts conflicts.
    as_of = _attach_positions(ordered, drafts)
    summary = _summary(ordered, drafts, bases)
    conflict_rows = sum(1 for r in ordered if r.conflict)
    changed_rows = sum(1 for r in ordered if r.changed)
    in_scope = len(ordered)
    if changed_only:
        ordered = [r for r in ordered if r.changed]
    if change:
        wanted_columns = [column[change_in.pk]] if change_in else range(len(drafts))
        ordered = [r for r in ordered if any(change in r.cells[i].kinds for i in wanted_columns)]
    if conflicts_only:
        ordered = [r for r in ordered if r.conflict]
    filtered = len(ordered)
    # Long comparisons are read a page of rows at a time; word marks are worked out for
    # the rows shown only.
    if page is None:
        pages, page = 1, 1
    else:
        pages = max(1, -(-filtered // ROWS_PER_PAGE))
        page = min(max(page, 1), pages)
        ordered = ordered[(page - 1) * ROWS_PER_PAGE : page * ROWS_PER_PAGE]
    _diff_rows(ordered)
    _compare_terms(ordered)
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
        change=change,
        change_in=change_in,
        view=view,
        bases=bases,
        summary=summary,
        conflict_rows=conflict_rows,
        changed_rows=changed_rows,
        total_in_scope=in_scope,
    )


def _relate(rows: list[Row], bases: list[ColumnBase]) -> None:
    """Each cell's base, and how each provision relates to it (by text: cheap, for every
    row, so that filters and the summary see them all)."""
    for row in rows:
        for index, cell in enumerate(row.cells):
            col = bases[index]
            cell.base = col
            base_cell = row.cells[col.index] if col.index is not None else None
            parent_cell = row.cells[col.parent] if col.parent is not None else None
            if base_cell is not None:
                cell.base_draft, cell.base_status = base_cell.draft, base_cell.status
            status = cell.status
            for item in cell.items:
                if parent_cell is not None and parent_cell.items:
                    item.wording_differs = item.text != parent_cell.text
                item.relation = relation_against_base(
                    removed=item.removed,
                    base_status=cell.base_status,
                    lineage_base=col.lineage,
                    curated=item.entry.relation if item.entry else None,
                    text=item.text,
                    base_text=base_cell.text if base_cell is not None else "",
                )
            cell.kinds = change_kinds(
                status=status,
                relations=[i.relation for i in cell.items],
                labels=[i.entry.label for i in cell.items if i.entry],
                states=[i.provision.state for i in cell.items],
            )


def _summary(rows: list[Row], drafts: list[Draft], bases: list[ColumnBase]):
    """Per column, how many rows show each kind of change against its base."""
    result = []
    for index, draft in enumerate(drafts):
        counts = dict.fromkeys(CHANGE_KINDS, 0)
        for row in rows:
            for kind in row.cells[index].kinds & counts.keys():
                counts[kind] += 1
        base = bases[index]
        result.append(
            ColumnSummary(
                draft=draft,
                base_draft=drafts[base.index] if base.index is not None else None,
                base_reason=REASON_WORDS.get(base.reason, ""),
                figures=[
                    SummaryFigure(kind, word, counts[kind], "")
                    for kind, word in CHANGE_KINDS.items()
                ],
            )
        )
    return result


def _attach_positions(rows: list[Row], drafts: list[Draft]):
    """Each party's latest stated position per row, as of the newest draft in view.

    Where the newest draft's text on a row is not reported, no position is said to
    conflict with it: what it says there is unknown.
    """
    from apps.positions.band import bands, conflicts

    newest = drafts[-1]
    as_of = newest.presented_on or newest.reported_on
    by_matter = bands([r.matter.pk for r in rows if r.matter], as_of)
    for row in rows:
        if row.matter is None:
            continue
        row.positions = by_matter.get(row.matter.pk, [])
        newest_status = row.cells[-1].status
        for stance in row.positions:
            stance.conflict = newest_status != NOT_REPORTED and conflicts(
                stance.latest.stance, newest_status == PRESENT
            )
    return as_of


def provision_url_maker():
    """key -> the provision page's URL, with one reversal for the whole page."""
    head = reverse("drafts:provision", args=["key"])[: -len("key/")]
    return lambda key: f"{head}{key}/"


def _place(row: Row, index: int, provision: Provision, entry: MatterEntry | None, url) -> None:
    row.cells[index].items.append(
        ProvisionCell(
            provision=provision,
            entry=entry,
            text=plain_text(provision.body),
            sources_url=url(provision.key),
        )
    )
    for t in provision.topic_list:
        row.topics.add(t.pk)
        if t.parent_id:
            row.topics.add(t.parent_id)


def _diff_rows(rows: list[Row]) -> None:
    """Mark each cell's words against its base cell.

    All pairs of texts are collected first and diffed in one batch (one cache round trip).
    """
    todo: list[tuple[ProvisionCell, str, Draft]] = []
    for row in rows:
        for cell in row.cells:
            if cell.base is None or cell.base.index is None or not cell.items:
                continue
            base_cell = row.cells[cell.base.index]
            if not base_cell.items:
                continue
            base_text = base_cell.text
            for item in cell.items:
                if item.provision.state != "deleted":
                    todo.append((item, base_text, base_cell.draft))
    diffs = word_diffs([(base_text, item.text) for item, base_text, _ in todo])
    for (item, base_text, base_draft), marked in zip(todo, diffs, strict=True):
        item.diff, item.base_text, item.base_draft = marked, base_text, base_draft
        item.rewrite = is_rewrite(marked, item.text)


def _compare_terms(rows: list[Row]) -> None:
    """Each provision's key terms, set against the same term (same code) in the base
    column, as for the word marks."""
    for row in rows:
        for cell in row.cells:
            base_terms: dict[str, KeyTerm] = {}
            against = ""
            if cell.base is not None and cell.base.index is not None:
                base_cell = row.cells[cell.base.index]
                against = base_cell.draft.label
                for item in base_cell.items:
                    for term in item.provision.key_term_list:
                        base_terms.setdefault(term.code, term)
            for item in cell.items:
                item.terms = compare_terms(
                    item.provision.key_term_list, base_terms, against=against
                )
