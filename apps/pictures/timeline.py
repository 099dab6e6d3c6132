"""The timeline of a process: published drafts and key events on one horizontal time axis.

Layout, all computed here so the template only draws:

- the axis runs from the first month to the month after the last item, one tick a month
  (every 3 or 12 months over long spans);
- events sit above the axis: a mark at their date (a bar for several days) and a label on
  a lane. A label goes on the lane just above every later mark it would cover, so labels
  never overlap and no leader line crosses a label;
- drafts sit below the axis as cards in date order, each tied to its date by a leader line;
  cards keep their order and move sideways only as much as needed not to overlap (several
  rows of cards when they cannot fit on one);
- lineage arrows run under the cards from a draft to the draft that revises (solid) or
  answers (dashed) it.

Three queries: drafts, lineage links, and the sources named by the events.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field

from django.http import Http404

from apps.compare.comparison import sort_key
from apps.drafts.models import Draft, DraftLink
from apps.sources.models import Source

from .events import events_for
from .text import wrap

WIDTH = 1240
MARGIN = 24
RIGHT_ROOM = 190  # labels run to the right of their mark
LANE_H = 18
CHAR_W = 6.4  # average width of a 12px sans-serif character
CARD_W, CARD_H, CARD_GAP = 188, 74, 12
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass
class Tick:
    x: float
    label: str
    major: bool


@dataclass
class EventMark:
    data: dict
    start: datetime.date
    end: datetime.date
    x: float = 0
    x_end: float = 0
    lane: int = 0
    label_y: float = 0
    label: str = ""
    sources: list = field(default_factory=list)

    @property
    def title(self) -> str:
        place = f", {self.data['place']}" if self.data.get("place") else ""
        return f"{self.when_full}{place}: {self.data['event']}"

    @property
    def when_full(self) -> str:
        """The date as the source gives it, with its year."""
        when, year = self.data["when"], str(self.start.year)
        note = f" ({self.data['date_note']})" if self.data.get("date_note") else ""
        return (when if year in when else f"{when} {year}") + note

    @property
    def width(self) -> float:
        return len(self.label) * CHAR_W + 6

    @property
    def bar(self) -> bool:
        return self.x_end - self.x >= 2

    @property
    def bar_w(self) -> float:
        return round(self.x_end - self.x, 1)


@dataclass
class DraftCard:
    draft: Draft
    date: datetime.date
    x: float = 0  # date on the axis
    left: float = 0
    top: float = 0
    row: int = 0
    lines: list[str] = field(default_factory=list)
    parents: list[DraftLink] = field(default_factory=list)

    width = CARD_W
    height = CARD_H

    @property
    def center(self) -> float:
        return self.left + CARD_W / 2

    @property
    def text_x(self) -> float:
        return self.left + 8

    @property
    def bottom(self) -> float:
        return self.top + CARD_H

    @property
    def date_display(self) -> str:
        d = self.draft
        date = d.presented_display or d.reported_display
        # Reports differ on the draft's own facts (date, authorship, point count).
        return f"{date} · disputed" if d.is_disputed else date

    @property
    def text(self) -> list[tuple[float, str]]:
        return [(self.top + 18 + 15 * k, line) for k, line in enumerate(self.lines)]

    @property
    def date_y(self) -> float:
        return self.top + CARD_H - 24

    @property
    def status_y(self) -> float:
        return self.top + CARD_H - 9

    @property
    def title(self) -> str:
        d = self.draft
        return (
            f"{d.label} ({d.title}), {self.date_display}: {d.kind_in_sentence}, "
            f"{d.get_status_display().lower()}, "
            f"{d.get_text_basis_display().lower()}."
        )


@dataclass
class Arrow:
    link: DraftLink
    parent: DraftCard
    child: DraftCard
    path: str = ""
    label_x: float = 0
    label_y: float = 0
    show_label: bool = True

    @property
    def text(self) -> str:
        return f"{self.child.draft.label} {self.link.get_kind_display()} {self.parent.draft.label}"


@dataclass
class Timeline:
    process: object
    events: list[EventMark]
    cards: list[DraftCard]
    undated: list[Draft]
    arrows: list[Arrow]
    ticks: list[Tick]
    axis_y: float
    x0: float
    x1: float
    width: int
    height: int
    items: list[dict]  # the ordered text alternative

    @property
    def lanes(self) -> int:
        return 1 + max((e.lane for e in self.events), default=-1)


def build(slug: str) -> Timeline:
    drafts = list(
        Draft.objects.published()
        .filter(process__slug=slug)
        .with_disputes()
        .select_related("process")
    )
    if not drafts:
        raise Http404("No published draft in this process.")
    drafts.sort(key=sort_key)
    process = drafts[0].process
    links = list(DraftLink.objects.filter(draft__in=drafts, parent__in=drafts).order_by("pk"))
    raw_events = events_for(slug)
    keys = {k for e in raw_events for k in e["sources"]}
    sources = {s.key: s for s in Source.objects.filter(key__in=keys)} if keys else {}

    cards = [DraftCard(d, d.sort_date) for d in drafts if d.sort_date]
    undated = [d for d in drafts if not d.sort_date]
    events = [
        EventMark(
            data=e,
            start=datetime.date.fromisoformat(e["start"]),
            end=datetime.date.fromisoformat(e.get("end", e["start"])),
            label=f"{e['when']} {e['short']}",
            sources=[sources[k] for k in e["sources"] if k in sources],
        )
        for e in raw_events
    ]

    all_dates = [c.date for c in cards] + [e.start for e in events] + [e.end for e in events]
    if all_dates:
        first = min(all_dates).replace(day=1)
        last = _add_months(max(all_dates).replace(day=1), 1)
    else:
        first = last = None
    x0, x1 = MARGIN + 8, WIDTH - RIGHT_ROOM

    def x_of(day: datetime.date) -> float:
        span = (last - first).days or 1
        return round(x0 + (x1 - x0) * (day - first).days / span, 1)

    for e in events:
        e.x, e.x_end = x_of(e.start), x_of(e.end + datetime.timedelta(days=1)) - 1
    _stack(events)
    lanes = 1 + max((e.lane for e in events), default=-1)
    axis_y = 30 + (lanes * LANE_H + 24 if lanes else 8)
    for e in events:
        e.label_y = axis_y - 24 - LANE_H * e.lane

    for c in cards:
        c.x = x_of(c.date)
        c.lines = wrap(c.draft.label, int((CARD_W - 16) / 9), 2)
    _place_cards(cards, MARGIN, WIDTH - MARGIN)
    cards_top = axis_y + 58
    for c in cards:
        c.top = cards_top + c.row * (CARD_H + 26)
    arrows = _arrows(cards, links)
    bottom = max([c.bottom for c in cards] + [a.label_y + 10 for a in arrows] + [axis_y + 30])
    ticks = _ticks(first, last, x_of) if first else []

    items = [
        {"kind": "event", "date": e.start, "mark": e, "order": (e.start, 0)} for e in events
    ] + [{"kind": "draft", "date": c.date, "card": c, "order": (c.date, 1)} for c in cards]
    items.sort(key=lambda i: i["order"])
    return Timeline(
        process=process,
        events=events,
        cards=cards,
        undated=undated,
        arrows=arrows,
        ticks=ticks,
        axis_y=axis_y,
        x0=x0,
        x1=x1,
        width=max([WIDTH] + [math.ceil(e.x + e.width + MARGIN / 2) for e in events]),
        height=int(bottom + 16),
        items=items,
    )


def _add_months(day: datetime.date, n: int) -> datetime.date:
    month = day.month - 1 + n
    return day.replace(year=day.year + month // 12, month=month % 12 + 1, day=1)


def _ticks(first: datetime.date, last: datetime.date, x_of) -> list[Tick]:
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 1 if months <= 18 else 3 if months <= 48 else 12
    ticks, day, n = [], first, 0
    while day <= last:
        if (day.month - 1) % step == 0 or step == 1:
            year = n == 0 or day.month == 1
            label = MONTHS[day.month - 1] + (f" {day.year}" if year else "")
            ticks.append(Tick(x_of(day), label, major=year))
            n += 1
        day = _add_months(day, 1)
    return ticks


def _stack(events: list[EventMark]) -> None:
    """Lanes for the labels: each one above every later mark that its label would cover."""
    placed: list[EventMark] = []
    for e in sorted(events, key=lambda e: (e.x, e.x_end), reverse=True):
        covered = [p.lane for p in placed if e.x <= p.x <= e.x + e.width + 4]
        e.lane = max(covered) + 1 if covered else 0
        placed.append(e)


def _place_cards(cards: list[DraftCard], lo: float, hi: float) -> int:
    """Lay the cards out in date order near their dates; return how many rows it took."""
    if not cards:
        return 1
    per_row = max(1, int((hi - lo + CARD_GAP) // (CARD_W + CARD_GAP)))
    rows = math.ceil(len(cards) / per_row)
    for r in range(rows):
        row = [c for i, c in enumerate(cards) if i % rows == r]
        right_edge = lo - CARD_GAP
        for c in row:
            c.row = r
            c.left = max(c.x - CARD_W / 2, lo, right_edge + CARD_GAP)
            right_edge = c.left + CARD_W
        limit = hi
        for c in reversed(row):
            c.left = min(c.left, limit - CARD_W)
            limit = c.left - CARD_GAP
    return rows


def _arrows(cards: list[DraftCard], links: list[DraftLink]) -> list[Arrow]:
    by_id = {c.draft.pk: c for c in cards}
    index = {c.draft.pk: i for i, c in enumerate(cards)}
    arrows = [
        Arrow(link, by_id[link.parent_id], by_id[link.draft_id])
        for link in links
        if link.parent_id in by_id and link.draft_id in by_id
    ]
    for a in arrows:
        a.link.parent = a.parent.draft  # no extra query when the list names it
        a.child.parents.append(a.link)
    # Spread the ends of several arrows along the bottom of a card, ordered by where the
    # other end is, so arrowheads do not sit on each other.
    ends: dict[int, list[tuple[float, Arrow, str]]] = {}
    for a in arrows:
        ends.setdefault(a.parent.draft.pk, []).append((a.child.center, a, "start"))
        ends.setdefault(a.child.draft.pk, []).append((a.parent.center, a, "end"))
    points: dict[tuple[int, str], float] = {}
    for pk, attached in ends.items():
        card = by_id[pk]
        attached.sort(key=lambda t: t[0])
        n = len(attached)
        for k, (_, a, which) in enumerate(attached):
            points[(id(a), which)] = card.left + CARD_W * (k + 1) / (n + 1)
    for a in arrows:
        sx, ex = points[(id(a), "start")], points[(id(a), "end")]
        sy, ey = a.parent.bottom, a.child.bottom
        span = abs(index[a.child.draft.pk] - index[a.parent.draft.pk])
        depth = 18 + 16 * span
        low = max(sy, ey) + depth
        a.path = (
            f"M {sx:.1f} {sy:.1f} C {sx:.1f} {low:.1f}, {ex:.1f} {low:.1f}, {ex:.1f} {ey + 2:.1f}"
        )
        a.label_x = round((sx + ex) / 2, 1)
        a.label_y = round(max(sy, ey) + depth * 0.75 + 4, 1)
    # A word on each arrow where there is room for it; the dash pattern says it anyway.
    boxes: list[tuple[float, float, float, float]] = []
    for a in sorted(arrows, key=lambda a: a.label_y):
        half = len(a.link.get_kind_display()) * 3.3 + 4
        box = (a.label_x - half, a.label_y - 11, a.label_x + half, a.label_y + 3)
        a.show_label = not any(
            box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in boxes
        )
        if a.show_label:
            boxes.append(box)
    return arrows
