"""Who wants what: every party's latest stance on every matter of a process, as of a point.

The as-of point is a draft (its date, and its text for the conflict marks) or a day. A
second point (`since`) marks the cells whose stance changed in between. The number of SQL
queries is fixed, whatever the parties, matters and positions.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone

from apps.alignment.models import Matter, MatterEntry
from apps.compare.diff import plain_text
from apps.drafts.models import Draft, Party, PeaceProcess

from .band import conflicts, is_old
from .models import Position

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
NONE = "none"  # the stance of a cell where the party has stated no position
NO_POSITION = "no stated position"


class MatrixError(Exception):
    """A query string the matrix cannot serve; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 400, parameter: str = ""):
        super().__init__(message)
        self.message = message
        self.status = status
        self.parameter = parameter


@dataclass(frozen=True)
class Point:
    """An as-of point: a day, and the draft it was given by (or the newest draft by then)."""

    day: datetime.date
    draft: Draft | None  # the draft whose text the stances are checked against
    named_draft: bool  # True when the URL named the draft rather than a day

    @property
    def token(self) -> str:
        """The query-string value naming this point."""
        return self.draft.slug if self.named_draft else self.day.isoformat()

    @property
    def label(self) -> str:
        if self.named_draft:
            draft = self.draft
            return f"{draft.label}, {draft.presented_display or draft.reported_display}"
        return f"{self.day.day} {self.day:%b %Y}"


@dataclass
class MatrixCell:
    party: Party
    matter: Matter
    latest: Position | None = None
    earlier_count: int = 0
    conflict: bool = False
    old: bool = False
    since: Position | None = None  # the latest position as of the `since` point
    shifted: bool = False

    @property
    def stance(self) -> str:
        return self.latest.stance if self.latest else NONE

    @property
    def since_stance(self) -> str:
        return self.since.stance if self.since else NONE

    @property
    def stance_display(self) -> str:
        return self.latest.get_stance_display().lower() if self.latest else NO_POSITION

    @property
    def since_display(self) -> str:
        return self.since.get_stance_display().lower() if self.since else NO_POSITION


@dataclass
class MatrixRow:
    matter: Matter
    cells: list[MatrixCell]

    @property
    def conflict(self) -> bool:
        return any(c.conflict for c in self.cells)


@dataclass
class TopicGroup:
    title: str
    anchor: str
    rows: list[MatrixRow] = field(default_factory=list)


@dataclass
class Matrix:
    process: PeaceProcess
    parties: list[Party]
    groups: list[TopicGroup]
    drafts: list[Draft]
    as_of: Point
    since: Point | None = None

    @property
    def rows(self) -> list[MatrixRow]:
        return [row for group in self.groups for row in group.rows]

    # Beyond this many party columns, names no longer fit a 1280 px screen: heads show the
    # parties' short names (the full name in the abbreviation's title).
    FULL_NAMES_UP_TO = 10

    @property
    def many_parties(self) -> bool:
        """Too many party columns for the screen: the table scrolls sideways instead of
        squeezing each cell narrower than its stance badge."""
        return len(self.parties) > self.FULL_NAMES_UP_TO

    def head(self, party: Party) -> tuple[str, str]:
        """A party's column head: (shown, full name when shown abbreviated, else "")."""
        if party.short_name and (len(party.name) > 16 or self.many_parties):
            return party.short_name, party.name
        return party.name, ""

    @property
    def party_heads(self) -> list[tuple[Party, str, str]]:
        return [(p, *self.head(p)) for p in self.parties]

    @property
    def cells(self) -> list[MatrixCell]:
        return [cell for row in self.rows for cell in row.cells]

    @property
    def shifts(self) -> list[MatrixCell]:
        return [c for c in self.cells if c.shifted]

    @property
    def stated(self) -> int:
        return sum(1 for c in self.cells if c.latest)

    @property
    def conflicts(self) -> int:
        return sum(1 for c in self.cells if c.conflict)

    @property
    def old(self) -> int:
        return sum(1 for c in self.cells if c.old)

    @property
    def filter_description(self) -> str:
        text = f"as of {self.as_of.label}"
        if self.since:
            text += f", shifts since {self.since.label}"
        return text

    @property
    def title(self) -> str:
        return f"Who wants what: {self.process.name}, {self.filter_description}"

    @property
    def description(self) -> str:
        text = (
            f"{len(self.parties)} parties × {len(self.rows)} matters {self.filter_description}: "
            f"{self.stated} stated positions, {self.conflicts} in conflict with the draft"
        )
        if self.since:
            text += f", {len(self.shifts)} shifted"
        return text + "."

    def query(self) -> str:
        """The canonical query string of this view (empty for the default as-of point)."""
        return canonical_query(self.drafts, self.as_of, self.since)


def canonical_query(drafts: list[Draft], as_of: Point, since: Point | None) -> str:
    parts = []
    if not (as_of.named_draft and drafts and as_of.draft == drafts[-1]):
        parts.append(f"as_of={as_of.token}")  # the newest draft is the default
    if since:
        parts.append(f"since={since.token}")
    return "&".join(parts)


def dated_drafts(process: PeaceProcess, user) -> list[Draft]:
    """The process's drafts `user` may see that carry a date, oldest first."""
    drafts = [
        d for d in Draft.objects.visible_to(user).filter(process=process) if d.sort_date is not None
    ]
    return sorted(drafts, key=lambda d: (d.sort_date, d.pk))


def parse_point(value: str, drafts: list[Draft], *, start, name: str) -> Point:
    """A draft slug or an ISO day, checked against the process's time span."""
    value = value.strip()
    by_slug = {d.slug: d for d in drafts}
    if value in by_slug:
        draft = by_slug[value]
        return Point(draft.sort_date, draft, named_draft=True)
    if not ISO_DAY.fullmatch(value):
        shown = "".join(c if c.isprintable() else "?" for c in value[:40])
        raise MatrixError(
            f"“{shown}” is neither a draft of this process nor a date: give a draft id "
            "or a day written as 2025-11-23.",
            parameter=name,
        )
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        raise MatrixError(f"{value} is not a date of the calendar.", parameter=name) from None
    today = timezone.localdate()
    if day > today:
        raise MatrixError(
            f"{day.isoformat()} is in the future: positions are known up to today "
            f"({today.isoformat()}).",
            parameter=name,
        )
    if start is not None and day < start:
        raise MatrixError(
            f"{day.isoformat()} is before this process began ({start.isoformat()}).",
            parameter=name,
        )
    newest = [d for d in drafts if d.sort_date <= day]
    return Point(day, newest[-1] if newest else None, named_draft=False)


def process_start(process: PeaceProcess, drafts: list[Draft], positions_qs):
    """The first day of the record: the earliest dated draft or stated position."""
    first_position = (
        positions_qs.filter(process=process)
        .order_by("stated_on")
        .values_list("stated_on", flat=True)
        .first()
    )
    days = [d for d in (first_position, drafts[0].sort_date if drafts else None) if d]
    return min(days) if days else None


def resolve_points(process: PeaceProcess, params, user) -> tuple[list[Draft], Point, Point | None]:
    """The drafts, the as-of point and the optional since point named by `params`."""
    drafts = dated_drafts(process, user)
    start = process_start(process, drafts, Position.objects.visible_to(user))
    as_of_value = params.get("as_of", "")
    if as_of_value:
        as_of = parse_point(as_of_value, drafts, start=start, name="as_of")
    elif drafts:
        as_of = Point(drafts[-1].sort_date, drafts[-1], named_draft=True)
    else:
        as_of = Point(timezone.localdate(), None, named_draft=False)
    since = None
    since_value = params.get("since", "")
    if since_value:
        since = parse_point(since_value, drafts, start=start, name="since")
        if since.day > as_of.day:
            raise MatrixError(
                f"“since” ({since.label}) is after the as-of point ({as_of.label}): "
                "shifts are counted from an earlier point to a later one.",
                parameter="since",
            )
    return drafts, as_of, since


def parties_of(process: PeaceProcess, user) -> list[Party]:
    """Parties that stated a position in the process or authored one of its drafts."""
    drafts = Draft.objects.visible_to(user).filter(process=process)
    positions = Position.objects.visible_to(user).filter(process=process)
    return list(
        Party.objects.filter(Q(pk__in=positions.values("party")) | Q(drafts__in=drafts))
        .distinct()
        .order_by("name")
    )


def _matters(process: PeaceProcess, user) -> list[Matter]:
    return list(
        Matter.objects.visible_to(user)
        .filter(process=process)
        .select_related("topic__parent")
        .order_by("position", "code")
    )


def _texts(draft: Draft | None, matter_ids: list[int], user) -> set[int]:
    """The matters in which `draft` has text (a provision that is not deleted)."""
    if draft is None:
        return set()
    entries = (
        MatterEntry.objects.visible_to(user)
        .filter(provision__draft=draft, matter_id__in=matter_ids)
        .exclude(provision__state="deleted")
        .values_list("matter_id", "provision__body")
    )
    return {matter_id for matter_id, body in entries if plain_text(body)}


def _groups(matters: list[Matter]) -> list[TopicGroup]:
    """Matters grouped under their top-level topic, in topic order; untopical ones last."""
    groups: dict[object, TopicGroup] = {}
    order: dict[object, tuple] = {}
    for matter in matters:
        topic = matter.topic
        top = topic.parent if topic and topic.parent_id else topic
        key = top.pk if top else None
        if key not in groups:
            groups[key] = TopicGroup(
                title=top.name if top else "Other matters",
                anchor=f"topic-{top.code}" if top else "topic-other",
            )
            order[key] = (top is None, top.position if top else 0, top.name if top else "")
        groups[key].rows.append(MatrixRow(matter=matter, cells=[]))
    return [groups[k] for k in sorted(groups, key=lambda k: order[k])]


def build(process: PeaceProcess, params, user=None) -> Matrix:
    """The matrix of `process` as `user` may see it, for the query string `params`."""
    return build_at(process, *resolve_points(process, params, user), user=user)


def build_at(
    process: PeaceProcess, drafts: list[Draft], as_of: Point, since: Point | None, *, user=None
) -> Matrix:
    """The matrix between points already resolved (see `resolve_points`)."""
    parties = parties_of(process, user)
    matters = _matters(process, user)
    matter_ids = [m.pk for m in matters]
    with_text = _texts(as_of.draft, matter_ids, user)

    cells: dict[tuple[int, int], MatrixCell] = {}
    groups = _groups(matters)
    for group in groups:
        for row in group.rows:
            for party in parties:
                cell = MatrixCell(party=party, matter=row.matter)
                row.cells.append(cell)
                cells[(row.matter.pk, party.pk)] = cell

    positions = (
        Position.objects.visible_to(user)
        .filter(matter_id__in=matter_ids)
        .as_of(as_of.day)
        .select_related(None)
        .chronological()
    )
    for position in positions:
        cell = cells.get((position.matter_id, position.party_id))
        if cell is None:
            continue
        if cell.latest is not None:
            cell.earlier_count += 1
        cell.latest = position
        if since is not None and position.stated_on <= since.day:
            cell.since = position

    for (matter_id, _), cell in cells.items():
        if cell.latest is None:
            continue
        cell.latest.party = cell.party  # already loaded: no query per cell
        cell.latest.matter = cell.matter
        if as_of.draft is not None:
            has_text = matter_id in with_text
            # A draft known only in part says nothing about a matter none of its known text
            # covers ("not reported", as in the comparison): no conflict either way.
            reported = has_text or as_of.draft.text_basis == Draft.TextBasis.FULL
            cell.conflict = reported and conflicts(cell.latest.stance, has_text)
        cell.old = is_old(cell.latest.stated_on, as_of.day)
    if since is not None:
        for cell in cells.values():
            cell.shifted = cell.stance != cell.since_stance
    return Matrix(
        process=process, parties=parties, groups=groups, drafts=drafts, as_of=as_of, since=since
    )
