"""Which peace processes an edited object belongs to, so that an edit retires only the
cached pages of those processes (see `apps.core.versioning`).

None means "shared or unknown": the edit then retires every process's pages. Topics and
parties are shared by all processes. A source belongs to the processes whose provisions,
drafts or positions cite it. An object moved by an edit (a draft, matter or position to
another process, a provision to another draft, a citation, alignment or key term to another
provision) belongs to both places: the one it was loaded with and the one it is saved with.
"""

from __future__ import annotations

import copy

from django.db.models.signals import post_init

from apps.alignment.models import Matter, MatterEntry
from apps.core import versioning
from apps.drafts.models import Draft, DraftLink, PeaceProcess, Provision
from apps.positions.models import Position
from apps.sources.models import Citation, Source
from apps.terms.models import KeyTerm

# What ties each model to its processes, where an edit may change the tie: a draft, matter or
# position has a process of its own; the others belong through what they point to.
RELINKABLE = {
    Draft: ("process_id",),
    Matter: ("process_id",),
    Position: ("process_id",),
    Provision: ("draft_id",),
    Citation: ("provision_id", "draft_id", "position_id"),
    MatterEntry: ("matter_id", "provision_id"),
    KeyTerm: ("provision_id",),
}


def _remember_links(sender, instance, **kwargs) -> None:
    # A deferred field is not read (a query per object loaded): it counts as None, unknown,
    # so setting it later retires every process's pages rather than too few.
    loaded = instance.__dict__
    instance._loaded_links = {name: loaded.get(name) for name in RELINKABLE[sender]}


def _as_loaded(instance):
    """A copy of `instance` with the links it was loaded with, or None if none changed."""
    loaded = getattr(instance, "_loaded_links", None)
    if loaded is None or instance._state.adding:
        return None
    if all(instance.__dict__.get(name) == value for name, value in loaded.items()):
        return None
    before = copy.copy(instance)
    before.__dict__.update(loaded)
    before._state = copy.copy(instance._state)
    before._state.fields_cache = {}  # the related objects cached are the new ones
    return before


def _own(instance) -> set[int] | None:
    return None if instance.process_id is None else {instance.process_id}


def _of_drafts(*draft_ids) -> set[int] | None:
    ids = [pk for pk in draft_ids if pk is not None]
    found = set(Draft.objects.filter(pk__in=ids).values_list("process_id", flat=True))
    return found if found and len(ids) else None


def _of_provision(provision: Provision) -> set[int] | None:
    if Provision.draft.is_cached(provision):
        return {provision.draft.process_id}
    return _of_drafts(provision.draft_id)


def _of_provision_id(provision_id) -> set[int] | None:
    found = set(
        Provision.objects.filter(pk=provision_id).values_list("draft__process_id", flat=True)
    )
    return found or None


def _of_citation(citation: Citation) -> set[int] | None:
    if citation.provision_id:
        return _of_provision_id(citation.provision_id)
    if citation.draft_id:
        return _of_drafts(citation.draft_id)
    if citation.position_id:
        found = Position.objects.filter(pk=citation.position_id).values_list(
            "process_id", flat=True
        )
        return set(found) or None
    return None


def _of_source(source: Source) -> set[int]:
    rows = Citation.objects.filter(source=source).values_list(
        "provision__draft__process_id", "draft__process_id", "position__process_id"
    )
    return {pk for row in rows.distinct() for pk in row if pk is not None}


def processes_of(instance) -> set[int] | None:
    now = _processes_of(instance)
    before = _as_loaded(instance)
    if before is None:
        return now
    then = _processes_of(before)
    return None if now is None or then is None else now | then


def _processes_of(instance) -> set[int] | None:
    match instance:
        case PeaceProcess():
            return {instance.pk}
        case Draft() | Matter() | Position():
            return _own(instance)
        case Provision():
            return _of_provision(instance)
        case DraftLink():
            return _of_drafts(instance.draft_id, instance.parent_id)
        case Citation():
            return _of_citation(instance)
        case Source():
            return _of_source(instance)
        case MatterEntry():
            matters = Matter.objects.filter(pk=instance.matter_id)
            found = set(matters.values_list("process_id", flat=True))
            return found | (_of_provision_id(instance.provision_id) or set()) or None
        case KeyTerm():
            return _of_provision_id(instance.provision_id)
    return None


def connect() -> None:
    for model in RELINKABLE:
        post_init.connect(_remember_links, sender=model, dispatch_uid=f"scope-links-{model}")
    versioning.register_resolver(processes_of)
