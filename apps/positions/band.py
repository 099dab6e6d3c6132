"""Where each party stands on each row of a comparison, as of the newest draft in view."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import models

from apps.drafts.models import Draft, Party

from .models import Position

# A position stated this many days or more before the as-of point is marked as old.
OLD_AFTER_DAYS = 90


@dataclass
class PartyStance:
    party: object
    latest: Position
    earlier: list[Position] = field(default_factory=list)
    conflict: bool = False
    old: bool = False

    @property
    def earlier_count(self) -> int:
        return len(self.earlier)


def conflicts(stance: str, newest_has_text: bool) -> bool:
    """A stated position conflicts with the newest draft's text when the party rejects what
    the draft says, or demands something the draft leaves out."""
    if stance == Position.Stance.REJECTS:
        return newest_has_text
    if stance == Position.Stance.DEMANDS:
        return not newest_has_text
    return False


def is_old(stated_on: datetime.date, as_of: datetime.date | None) -> bool:
    """True when a position was stated more than OLD_AFTER_DAYS days before `as_of`."""
    return as_of is not None and (as_of - stated_on).days > OLD_AFTER_DAYS


def bands(matter_ids: list[int], as_of: datetime.date | None) -> dict[int, list[PartyStance]]:
    """For each matter, each party's latest position up to `as_of` (one query in all)."""
    per_matter: dict[int, dict[int, PartyStance]] = {}
    positions = (
        Position.objects.filter(matter_id__in=matter_ids)
        .as_of(as_of)
        .select_related("party")
        .chronological()
    )
    for position in positions:
        parties = per_matter.setdefault(position.matter_id, {})
        current = parties.get(position.party_id)
        if current is None:
            parties[position.party_id] = PartyStance(position.party, position)
        else:
            current.earlier.insert(0, current.latest)
            current.latest = position
    for parties in per_matter.values():
        for stance in parties.values():
            stance.old = is_old(stance.latest.stated_on, as_of)
    return {
        matter_id: sorted(parties.values(), key=lambda s: s.party.name)
        for matter_id, parties in per_matter.items()
    }


# --- The comparison's party filter follows positions as well as authorship ---------------


def filter_parties(drafts) -> models.QuerySet:
    """Parties a comparison of `drafts` can be filtered by: the drafts' authors, and the
    parties that stated a position in their peace process."""
    # Two semi-joins, not one OR across two joins (every position of the process times
    # every authorship, then DISTINCT).
    authors = Draft.authors.through.objects.filter(draft__in=drafts).values("party_id")
    speakers = Position.objects.filter(process_id=drafts[0].process_id).values("party_id")
    return Party.objects.filter(models.Q(pk__in=authors) | models.Q(pk__in=speakers)).order_by(
        "name"
    )


def rows_for_party(rows: list, drafts, party, as_of: datetime.date | None) -> list:
    """The rows where `party` authored a cell, or has a position (stated by `as_of`, as the
    band shows it) on the row's matter. One query, whatever the rows."""
    columns = {i for i, d in enumerate(drafts) if party in d.authors.all()}
    matter_ids = [r.matter.pk for r in rows if r.matter]
    stated = set(
        Position.objects.filter(party=party, matter_id__in=matter_ids)
        .as_of(as_of)
        .values_list("matter_id", flat=True)
    )
    return [
        r
        for r in rows
        if any(r.cells[i].items for i in columns) or (r.matter and r.matter.pk in stated)
    ]
