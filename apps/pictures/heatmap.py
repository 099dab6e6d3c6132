"""The heat map of a process: how each top-level topic stands in each published draft.

A cell (topic T, draft D) looks at the provisions of D that are "on" T:

- provisions aligned in a matter whose topic is T or one of its subtopics: each counts with
  its own state and that matter entry's relation;
- provisions tagged with T or one of its subtopics: each counts with its own state and the
  strongest relation of its matter entries ("new" when no editor has aligned it yet, since
  the comparison then shows it as a row of its own).

Each such provision gives one state, and the cell shows the strongest, in this order:

    bracketed  the provision is bracketed (left open)
    removed    the provision is marked deleted, or its matter entry says "removed"
    changed    the entry says reworded, moved, split or merged
    new        the entry says new (or the provision is not aligned yet)
    same       the entry says same
    not reported  the draft's text is known only in part (or from reports) and no known
               provision is on the topic: unknown, not absent
    absent     the draft is a full text and has no provision on the topic

A square also says (with ▲ / ▼ and a word) when an editor labelled a provision in it
hardened or softened against the draft it revises or answers.

Rows are the top-level topics on which at least one published draft has a provision, in
topic order; columns are the published drafts, by date. Each cell links to the row of the
comparison that explains it: the comparison of D with the draft it revises (else the one it
answers; else the previous draft by date), filtered to T, at the first row whose provision
has the cell's state. The first draft has nothing to compare with, so its cells open the
draft page.

Three queries whatever the size: drafts (with their lineage parent), matter entries,
provision topics.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, OuterRef, Subquery, Value, When
from django.http import Http404
from django.urls import reverse

from apps.alignment.models import MatterEntry
from apps.compare.comparison import canonical_spec, sort_key
from apps.drafts.models import Draft, DraftLink, Provision

from .text import wrap

# Strongest first.
PRECEDENCE = ("bracketed", "removed", "changed", "new", "same")
ABSENT = "absent"
NOT_REPORTED = "not-reported"
SHIFTS = {"hardened": "▲", "softened": "▼"}
RELATION_STATE = {
    "same": "same",
    "reworded": "changed",
    "moved": "changed",
    "split": "changed",
    "merged": "changed",
    "new": "new",
    "removed": "removed",
}
PROVISION_STATE = {"bracketed": "bracketed", "deleted": "removed"}
RELATION_WORDS = {value: str(label).lower() for value, label in MatterEntry.Relation.choices}


@dataclass(frozen=True)
class StateStyle:
    code: str
    symbol: str
    word: str
    meaning: str
    fill: str
    ink: str
    pattern: str = ""  # id of an SVG pattern drawn over the fill, for print and greyscale
    dashed: bool = False


STYLES = {
    s.code: s
    for s in (
        StateStyle(
            "bracketed",
            "[ ]",
            "bracketed",
            "at least one provision is bracketed: the wording is left open",
            "#fff4d6",
            "#6b4b00",
            pattern="hm-hatch",
        ),
        StateStyle(
            "removed",
            "✕",
            "removed",
            "a provision is deleted, or marked removed against the earlier draft",
            "#fbe3e3",
            "#8a1c1c",
            dashed=True,
        ),
        StateStyle(
            "changed",
            "≠",
            "changed",
            "a provision is reworded, moved, split or merged",
            "#dce8f7",
            "#1f4e8c",
        ),
        StateStyle(
            "new",
            "+",
            "new",
            "the provisions are new in this draft, or not aligned with an earlier one",
            "#dff3e4",
            "#0c5a27",
        ),
        StateStyle(
            "same",
            "=",
            "same",
            "every provision reads the same as in the earlier draft",
            "#f5f6f8",
            "#3d4652",
        ),
        StateStyle(
            NOT_REPORTED,
            "?",
            "not reported",
            "the draft's text is known only in part, and no known provision is on this topic",
            "#fbfaf4",
            "#6b4b00",
            pattern="hm-dots",
            dashed=True,
        ),
        StateStyle(
            ABSENT,
            "–",
            "absent",
            "the full text of the draft has no provision on this topic",
            "#ffffff",
            "#6b7480",
            pattern="hm-stripes",
        ),
    )
}
LEGEND_ORDER = ("new", "changed", "same", "removed", "bracketed", NOT_REPORTED, ABSENT)


def strongest(states) -> str:
    present = set(states)
    for state in PRECEDENCE:
        if state in present:
            return state
    return ABSENT


def provision_state(state: str, relation: str | None) -> str:
    """One provision's state in its cell: its own state first, then its entry's relation."""
    own = PROVISION_STATE.get(state)
    from_relation = RELATION_STATE.get(relation, "new") if relation else "new"
    return strongest([s for s in (own, from_relation) if s])


@dataclass
class TopicInfo:
    pk: int
    code: str
    name: str
    position: int


@dataclass
class Item:
    """A provision of the draft, counted in one cell, and the comparison row that shows it."""

    state: str
    detail: str  # the relation or provision state, in words
    order: tuple
    anchor: str
    provision_key: str
    tagged: bool  # tagged with the topic itself, so the draft page's topic filter shows it
    shift: str = ""  # the editor's label when hardened or softened


@dataclass
class Cell:
    topic: TopicInfo
    draft: Draft
    items: list[Item] = field(default_factory=list)
    state: str = ABSENT
    href: str = ""
    partner: Draft | None = None
    target: str = ""  # words for where the link goes
    # geometry
    x: int = 0
    y: int = 0
    cx: int = 0
    text_y: int = 0
    count_x: int = 0
    count_y: int = 0

    @property
    def style(self) -> StateStyle:
        return STYLES[self.state]

    @property
    def shifts(self) -> list[tuple[str, str, int]]:
        """(symbol, word, provisions) for hardened, then softened, where any."""
        keys = {word: {i.provision_key for i in self.items if i.shift == word} for word in SHIFTS}
        return [(SHIFTS[w], w, len(k)) for w, k in keys.items() if k]

    @property
    def shift_text(self) -> str:
        return " ".join(f"{symbol} {word}" for symbol, word, _ in self.shifts)

    @property
    def count(self) -> int:
        return len({i.provision_key for i in self.items})

    @property
    def breakdown(self) -> str:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.detail] = counts.get(item.detail, 0) + 1
        return ", ".join(f"{n} {word}" for word, n in counts.items())

    @property
    def label(self) -> str:
        text = f"{self.topic.name} in {self.draft.label}: {self.style.word}."
        if self.items:
            n = self.count
            text += f" {n} provision{'s' if n != 1 else ''} ({self.breakdown})."
        for _, word, n in self.shifts:
            text += f" {word.capitalize()}: {n} provision{'s' if n != 1 else ''}."
        return f"{text} {self.target}"


@dataclass
class Column:
    draft: Draft
    partner: Draft | None
    lines: list[str]
    x: int = 0
    center: int = 0
    text: list[tuple[int, str]] = field(default_factory=list)
    date_y: int = 0
    kind_y: int = 0


@dataclass
class Row:
    topic: TopicInfo
    cells: list[Cell]
    lines: list[str]
    y: int = 0
    middle: int = 0
    text: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class HeatMap:
    process: object
    columns: list[Column]
    rows: list[Row]
    width: int
    height: int
    legend: list[StateStyle]
    geometry: dict

    @property
    def cells(self) -> list[Cell]:
        return [c for r in self.rows for c in r.cells]


# Geometry (SVG user units, about pixels on screen).
LABEL_W = 236
COL_W = 132
HEAD_H = 93
ROW_H = 46
PAD = 8
INSET = 3


def _drafts(slug: str) -> list[Draft]:
    kind_order = Case(When(kind="revises", then=Value(0)), default=Value(1))
    parent = (
        DraftLink.objects.filter(draft=OuterRef("pk"), parent__published=True)
        .annotate(kind_order=kind_order)
        .order_by(
            "kind_order",
            F("parent__presented_on").desc(nulls_last=True),
            F("parent__reported_on").desc(nulls_last=True),
            "parent_id",
        )
        .values("parent_id")[:1]
    )
    drafts = list(
        Draft.objects.published()
        .filter(process__slug=slug)
        .with_disputes()
        .select_related("process")
        .annotate(lineage_parent_id=Subquery(parent, output_field=IntegerField()))
    )
    if not drafts:
        raise Http404("No published draft in this process.")
    return sorted(drafts, key=sort_key)


def _top(pk, code, name, position, parent_pk, parent_code, parent_name, parent_position):
    if parent_pk:
        return TopicInfo(parent_pk, parent_code, parent_name, parent_position)
    return TopicInfo(pk, code, name, position)


def _topic_fields(prefix: str) -> list[str]:
    return [
        f"{prefix}_id",
        f"{prefix}__code",
        f"{prefix}__name",
        f"{prefix}__position",
        f"{prefix}__parent_id",
        f"{prefix}__parent__code",
        f"{prefix}__parent__name",
        f"{prefix}__parent__position",
    ]


def build(slug: str) -> HeatMap:
    drafts = _drafts(slug)
    by_id = {d.pk: d for d in drafts}
    draft_ids = list(by_id)

    # Published material only, for everyone: the heat map is a public picture.
    entries = (
        MatterEntry.objects.published()
        .filter(provision__draft__in=draft_ids)
        .values_list(
            "matter_id",
            "matter__position",
            "matter__code",
            "provision_id",
            "provision__draft_id",
            "provision__state",
            "provision__key",
            "relation",
            "label",
            *_topic_fields("matter__topic"),
        )
    )
    tags = Provision.topics.through.objects.filter(
        provision__in=Provision.objects.published().filter(draft__in=draft_ids)
    ).values_list(
        "provision_id",
        "provision__draft_id",
        "provision__state",
        "provision__key",
        "provision__position",
        *_topic_fields("topic"),
    )

    topics: dict[int, TopicInfo] = {}
    cells: dict[tuple[int, int], list[Item]] = {}
    # provision id → its matter rows as (state, relation word, order, anchor)
    aligned: dict[int, list[tuple[str, str, tuple, str]]] = {}

    shifted: dict[int, str] = {}  # provision id → hardened / softened
    for m_id, m_pos, m_code, p_id, d_id, p_state, p_key, relation, label, *topic in entries:
        state = provision_state(p_state, relation)
        order = (0, m_pos, m_code, m_id)
        detail = _detail(p_state, relation)
        shift = label if label in SHIFTS else ""
        if shift:
            shifted[p_id] = shift
        aligned.setdefault(p_id, []).append((state, detail, order, f"matter-{m_id}"))
        if topic[0] is None:
            continue
        top = _top(*topic)
        topics.setdefault(top.pk, top)
        cells.setdefault((top.pk, d_id), []).append(
            Item(state, detail, order, f"matter-{m_id}", p_key, tagged=False, shift=shift)
        )

    for p_id, d_id, p_state, p_key, p_pos, *topic in tags:
        top = _top(*topic)
        topics.setdefault(top.pk, top)
        matter_rows = sorted(aligned.get(p_id, []), key=lambda r: r[2])
        if matter_rows:
            # Counted once, at its first matter row, with its strongest relation.
            state = strongest(s for s, _, _, _ in matter_rows)
            first = matter_rows[0]
            detail = next(d for s, d, _, _ in matter_rows if s == state)
            item = Item(
                state, detail, first[2], first[3], p_key, tagged=True, shift=shifted.get(p_id, "")
            )
        else:
            detail = _detail(p_state, None)
            state = provision_state(p_state, None)
            item = Item(state, detail, (1, p_pos, p_id), f"provision-{p_key}", p_key, True)
        bucket = cells.setdefault((top.pk, d_id), [])
        if not any(i.provision_key == p_key for i in bucket):
            bucket.append(item)
        else:
            for i in bucket:
                if i.provision_key == p_key:
                    i.tagged = True

    ordered_topics = sorted(topics.values(), key=lambda t: (t.position, t.name, t.pk))
    columns = [
        Column(d, _partner(d, i, drafts, by_id), wrap(d.label, 15, 3)) for i, d in enumerate(drafts)
    ]
    rows = []
    for topic in ordered_topics:
        row_cells = []
        for column in columns:
            items = sorted(cells.get((topic.pk, column.draft.pk), []), key=lambda i: i.order)
            cell = Cell(topic=topic, draft=column.draft, items=items)
            cell.state = strongest(i.state for i in items)
            if not items and column.draft.text_basis != Draft.TextBasis.FULL:
                cell.state = NOT_REPORTED
            partner_items = cells.get((topic.pk, column.partner.pk), []) if column.partner else []
            _link(cell, column.partner, partner_items)
            row_cells.append(cell)
        rows.append(Row(topic=topic, cells=row_cells, lines=wrap(topic.name, 25, 2)))

    width = LABEL_W + COL_W * len(columns) + PAD
    height = HEAD_H + ROW_H * len(rows) + PAD
    for i, column in enumerate(columns):
        column.x = LABEL_W + COL_W * i
        column.center = column.x + COL_W // 2
        column.date_y = HEAD_H - 12
        column.kind_y = column.date_y - 15
        top = column.kind_y - 16 * len(column.lines)
        column.text = [(top + 16 * k, line) for k, line in enumerate(column.lines)]
    for j, row in enumerate(rows):
        row.y = HEAD_H + ROW_H * j
        row.middle = row.y + ROW_H // 2
        first = row.middle + 5 - 8 * (len(row.lines) - 1)
        row.text = [(first + 16 * k, line) for k, line in enumerate(row.lines)]
        for i, cell in enumerate(row.cells):
            cell.x = columns[i].x + INSET
            cell.y = row.y + INSET
            cell.cx = cell.x + (COL_W - 2 * INSET) // 2
            cell.text_y = cell.y + (ROW_H - 2 * INSET) // 2 + 5
            cell.count_x = cell.x + COL_W - 2 * INSET - 5
            cell.count_y = cell.y + 13
    return HeatMap(
        process=drafts[0].process,
        columns=columns,
        rows=rows,
        width=width,
        height=height,
        legend=[STYLES[s] for s in LEGEND_ORDER],
        geometry={
            "cell_w": COL_W - 2 * INSET,
            "cell_h": ROW_H - 2 * INSET,
            "label_w": LABEL_W,
            "head_h": HEAD_H,
            "row_h": ROW_H,
            "col_w": COL_W,
        },
    )


def _detail(p_state: str, relation: str | None) -> str:
    if p_state == "bracketed":
        return "bracketed"
    if p_state == "deleted":
        return "deleted"
    if relation is None:
        return "not aligned"
    return RELATION_WORDS.get(relation, relation)


def _partner(draft: Draft, index: int, drafts: list[Draft], by_id: dict) -> Draft | None:
    """The draft to compare with: lineage parent (revises before answers), else the previous."""
    parent = by_id.get(draft.lineage_parent_id)
    if parent is not None:
        return parent
    return drafts[index - 1] if index > 0 else None


def _link(cell: Cell, partner: Draft | None, partner_items: list[Item]) -> None:
    topic = cell.topic
    cell.partner = partner
    items = cell.items
    target = next((i for i in items if i.state == cell.state), items[0] if items else None)
    if partner is not None and (items or partner_items):
        pair = sorted([partner, cell.draft], key=sort_key)
        anchor = target.anchor if target else min(partner_items, key=lambda i: i.order).anchor
        cell.href = (
            reverse("compare:compare", args=[canonical_spec(pair)])
            + f"?topic={topic.code}#{anchor}"
        )
        cell.target = f"Opens the comparison with {partner.label}, filtered to {topic.name}."
        return
    url = cell.draft.get_absolute_url()
    if target is None:
        cell.href = f"{url}?topic={topic.code}"
    elif target.tagged:
        cell.href = f"{url}?topic={topic.code}#provision-{target.provision_key}"
    else:
        cell.href = f"{url}#provision-{target.provision_key}"
    if partner is None:
        cell.target = f"Opens {cell.draft.label}, which has no earlier draft to compare with."
    else:
        cell.target = (
            f"Neither this draft nor {partner.label} has a provision on {topic.name}: "
            f"opens {cell.draft.label}."
        )
