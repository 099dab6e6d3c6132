"""The alignment workspace: matters as rows, drafts as columns, and every edit of one cell.

Reading (`build`) takes a fixed number of queries for the grid plus a few per draft for the
suggestions. Writing goes through model `full_clean()` and `save()`/`delete()` only, so the
recorded history, the site's content version and the model rules apply exactly as in the
admin forms. Each cell carries a version (a fingerprint of its entries); an edit whose
version no longer matches the database is refused with `StaleCell`, naming what is there now.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from apps.drafts.models import Draft, Provision

from .models import IN_DRAFT_ORDER, Matter, MatterEntry, RejectedSuggestion, check_entries
from .suggest import MATCH_THRESHOLD, NoParentError, _next_code, suggest

Relation = MatterEntry.Relation


class StaleCell(Exception):
    """The cell changed since the page was loaded; `entries` is what it holds now."""

    def __init__(self, entries: list[MatterEntry]):
        self.entries = entries
        now = "; ".join(describe(e) for e in entries) or "nothing"
        super().__init__(
            f"Someone else changed this cell since you loaded the page. It now holds: {now}. "
            "Nothing of yours was saved: look again and redo your change if it still applies."
        )


class StaleOrder(Exception):
    """The matters' order changed since the page was loaded; `matters` is the order now."""

    def __init__(self, matters: list[Matter]):
        self.matters = matters
        now = ", ".join(m.code for m in matters)
        super().__init__(
            f"Someone else reordered the matters since you loaded the page. The order is now: "
            f"{now}. Nothing was moved: look again and move it if it still needs to."
        )


def order_version(matters: list[Matter]) -> str:
    """A fingerprint of the matters' order, as the page shows it."""
    return hashlib.sha256(json.dumps([m.pk for m in matters]).encode()).hexdigest()[:16]


def describe(entry: MatterEntry) -> str:
    text = f"{entry.provision.label} {entry.provision.heading} ({entry.get_relation_display()}"
    if entry.label:
        text += f", {entry.get_label_display().lower()}: {entry.rationale}"
    return text + ")"


def cell_version(entries: list[MatterEntry]) -> str:
    rows = sorted((e.pk, e.provision_id, e.relation, e.label, e.rationale) for e in entries)
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:16]


@dataclass
class Offer:
    """A suggested provision for a cell, with its score and the relation it would get."""

    provision: Provision
    score: float
    relation: str

    @property
    def relation_display(self) -> str:
        return Relation(self.relation).label


@dataclass
class WorkCell:
    matter: Matter
    draft: Draft
    entries: list[MatterEntry] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    # The provisions of its draft, for the "put in" picker: those in no matter first.
    choices: list[Provision] = field(default_factory=list)

    @property
    def version(self) -> str:
        return cell_version(self.entries)

    @property
    def suggestion(self) -> Offer | None:
        return self.offers[0] if self.offers and not self.entries else None

    @property
    def next_best(self) -> Offer | None:
        return self.offers[1] if len(self.offers) > 1 and not self.entries else None

    @property
    def key(self) -> str:
        return f"{self.matter.pk}-{self.draft.pk}"


@dataclass
class WorkRow:
    matter: Matter
    cells: list[WorkCell]


@dataclass
class Workspace:
    drafts: list[Draft]
    rows: list[WorkRow]
    # Provisions of these drafts that are in no matter at all.
    tray: list[Provision]
    # Draft id → its provisions, for the per-cell pickers.
    provisions_of: dict[int, list[Provision]]

    @property
    def base(self) -> Draft:
        return self.drafts[0]

    @property
    def order_version(self) -> str:
        return order_version([row.matter for row in self.rows])

    @property
    def tray_groups(self) -> list[tuple[Draft, list[Provision]]]:
        return [(d, [p for p in self.tray if p.draft_id == d.pk]) for d in self.drafts]


def build(drafts: list[Draft]) -> Workspace:
    process_id = drafts[0].process_id
    matters = list(Matter.objects.filter(process_id=process_id).order_by("position", "code"))
    provisions = list(
        Provision.objects.filter(draft__in=drafts)
        .select_related("draft")
        .order_by("draft", "position", "pk")
    )
    entries = list(
        MatterEntry.objects.filter(provision__draft__in=drafts)
        .with_staleness()
        .select_related("provision__draft")
        .order_by(*IN_DRAFT_ORDER)
    )
    aligned = set(
        MatterEntry.objects.filter(provision__in=[p.pk for p in provisions]).values_list(
            "provision_id", flat=True
        )
    )
    tray = [p for p in provisions if p.pk not in aligned]
    cells: dict[tuple[int, int], WorkCell] = {}
    rows = []
    for matter in matters:
        row = WorkRow(matter, [WorkCell(matter, d) for d in drafts])
        for cell in row.cells:
            cells[(matter.pk, cell.draft.pk)] = cell
        rows.append(row)
    for entry in entries:
        cell = cells.get((entry.matter_id, entry.provision.draft_id))
        if cell is not None:
            cell.entries.append(entry)
    _offer(drafts, tray, cells)
    provisions_of: dict[int, list[Provision]] = {}
    for p in sorted(provisions, key=lambda p: p.pk in aligned):
        provisions_of.setdefault(p.draft_id, []).append(p)
    for cell in cells.values():
        cell.choices = provisions_of.get(cell.draft.pk, [])
    return Workspace(drafts, rows, tray, provisions_of)


def _offer(drafts: list[Draft], tray: list[Provision], cells: dict) -> None:
    """Fill each empty cell's offers: tray provisions of its draft whose counterpart in the
    parent draft sits in that cell's matter, best score first, less the rejected ones."""
    waiting = {p.pk for p in tray}
    if not waiting:
        return
    rejected = set(
        RejectedSuggestion.objects.filter(provision__in=waiting).values_list(
            "provision_id", "matter_id"
        )
    )
    for draft in drafts:
        if not any(p.draft_id == draft.pk for p in tray):
            continue
        try:
            result = suggest(draft)
        except NoParentError:
            continue
        for row in result.rows:
            if row.provision.pk not in waiting:
                continue
            for rank, candidate in enumerate(row.candidates):
                if candidate.score < MATCH_THRESHOLD:
                    continue
                relation = row.relation if rank == 0 and row.match else Relation.REWORDED
                for entry in result.entries_of.get(candidate.provision.pk, []):
                    if (row.provision.pk, entry.matter_id) in rejected:
                        continue
                    cell = cells.get((entry.matter_id, draft.pk))
                    if cell is None or cell.entries:
                        continue
                    if any(o.provision.pk == row.provision.pk for o in cell.offers):
                        continue
                    cell.offers.append(Offer(row.provision, candidate.score, relation))
    for cell in cells.values():
        cell.offers.sort(key=lambda o: (-o.score, o.provision.position, o.provision.pk))


# --- writing -----------------------------------------------------------------------------


def _locked_cell(matter: Matter, draft: Draft, version: str | None) -> list[MatterEntry]:
    """The cell's entries now (rows locked until the end of the transaction); refuses a
    stale edit."""
    entries = list(
        MatterEntry.objects.select_for_update()
        .filter(matter=matter, provision__draft=draft)
        .select_related("provision__draft", "matter")
        .order_by(*IN_DRAFT_ORDER)
    )
    if version is not None and cell_version(entries) != version:
        raise StaleCell(entries)
    return entries


def put(
    matter: Matter,
    draft: Draft,
    provision: Provision,
    *,
    version: str | None,
    relation: str = Relation.SAME,
    label: str = "",
    rationale: str = "",
) -> MatterEntry:
    """Put a provision of `draft` into `matter` (it may stay in other matters)."""
    if provision.draft_id != draft.pk:
        raise ValidationError("This provision belongs to another draft than this column.")
    with transaction.atomic():
        Matter.objects.select_for_update().filter(pk=matter.pk).first()
        entries = _locked_cell(matter, draft, version)
        if any(e.provision_id == provision.pk for e in entries):
            raise ValidationError("This provision is already in this matter.")
        entry = MatterEntry(
            matter=matter, provision=provision, relation=relation, label=label, rationale=rationale
        )
        entry.full_clean()
        check_entries([(draft.pk, e.relation) for e in entries] + [(draft.pk, relation)])
        entry.save()
    return entry


def take_out(entry: MatterEntry, *, version: str | None) -> None:
    with transaction.atomic():
        entries = _locked_cell(entry.matter, entry.provision.draft, version)
        current = next((e for e in entries if e.pk == entry.pk), None)
        if current is None:
            raise StaleCell(entries)
        current.delete()


def relate(
    entry: MatterEntry, *, version: str | None, relation: str, label: str, rationale: str
) -> MatterEntry:
    """Set the relation to the base draft, and the editor's label with its rationale."""
    with transaction.atomic():
        entries = _locked_cell(entry.matter, entry.provision.draft, version)
        current = next((e for e in entries if e.pk == entry.pk), None)
        if current is None:
            raise StaleCell(entries)
        current.relation, current.label, current.rationale = relation, label, rationale
        current.full_clean()
        others = [(current.provision.draft_id, e.relation) for e in entries if e.pk != current.pk]
        check_entries([*others, (current.provision.draft_id, relation)])
        current.save()
    return current


def reject(
    matter: Matter, provision: Provision, user, *, version: str | None
) -> RejectedSuggestion:
    """Remember that `provision` does not belong in `matter` (for every editor)."""
    with transaction.atomic():
        _locked_cell(matter, provision.draft, version)
        return _remember(matter, provision, user)


def _remember(matter: Matter, provision: Provision, user) -> RejectedSuggestion:
    rejection, _ = RejectedSuggestion.objects.get_or_create(
        provision=provision,
        matter=matter,
        defaults={"rejected_by": user if getattr(user, "is_authenticated", False) else None},
    )
    return rejection


def new_matter(provision: Provision) -> Matter:
    """A matter of its own for a provision in no matter, at the end of the list."""
    with transaction.atomic():
        if MatterEntry.objects.select_for_update().filter(provision=provision).exists():
            raise ValidationError(
                f"{provision.label} {provision.heading} is in a matter already: reload the page."
            )
        matters = Matter.objects.filter(process_id=provision.draft.process_id)
        codes = set(matters.values_list("code", flat=True))
        top = matters.aggregate(top=Max("position"))["top"] or 0
        topic = next(iter(provision.topics.all()), None)
        matter = Matter(
            process_id=provision.draft.process_id,
            code=_next_code(codes),
            title=(provision.heading or f"{provision.draft} · {provision.label}")[:200],
            topic_id=(topic.parent_id or topic.pk) if topic else None,
            position=top + 1,
        )
        matter.full_clean()
        matter.save()
        entry = MatterEntry(matter=matter, provision=provision, relation=Relation.NEW)
        entry.full_clean()
        entry.save()
    return matter


def move(matter: Matter, step: int, *, version: str | None) -> bool:
    """Move a matter one place up (-1) or down (+1) among its process's matters; renumbers
    positions 1..n, saving only the matters whose position changes. A move made on an
    order that has changed since (`version`) is refused with `StaleOrder`: "up" would swap
    it with whatever is above it now, which the editor never saw."""
    with transaction.atomic():
        matters = list(
            Matter.objects.select_for_update()
            .filter(process_id=matter.process_id)
            .order_by("position", "code")
        )
        if version is not None and order_version(matters) != version:
            raise StaleOrder(matters)
        index = next(i for i, m in enumerate(matters) if m.pk == matter.pk)
        other = index + step
        if not 0 <= other < len(matters):
            return False
        matters[index], matters[other] = matters[other], matters[index]
        for position, m in enumerate(matters, start=1):
            if m.position != position:
                m.position = position
                m.save(update_fields=["position"])
    return True
