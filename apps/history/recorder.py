"""Record every change to curated objects as `Change` rows, through model signals.

Saves, deletes and many-to-many edits made through the ORM (admin, shell, importers) are
recorded; QuerySet.update() and bulk operations bypass signals and are not.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.fields.files import FieldFile
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from apps.alignment.models import Matter, MatterEntry, RejectedSuggestion
from apps.compare.diff import plain_text
from apps.core.fields import SanitizedHTMLField
from apps.drafts.models import Draft, DraftLink, Provision
from apps.positions.models import Position
from apps.sources.models import Citation, Source
from apps.terms.models import KeyTerm

_user = contextvars.ContextVar("history_user", default=None)
_reverting = contextvars.ContextVar("history_reverting", default=None)

# Model -> many-to-many fields kept in its snapshot.
TRACKED: dict[type[models.Model], tuple[str, ...]] = {
    Draft: ("authors",),
    DraftLink: (),
    Provision: ("topics",),
    Source: (),
    Citation: (),
    Matter: (),
    MatterEntry: (),
    # A suggestion an editor rejected is never offered again, to anyone: an edit like any
    # other of the workspace, with who and when.
    RejectedSuggestion: (),
    Position: (),
    KeyTerm: (),
}
SKIPPED_FIELDS = {"updated_at", "text_changed_at", "relation_recorded_at"}
ALIGNMENT = "aligned provisions"


@contextmanager
def acting_user(user):
    token = _user.set(user if getattr(user, "is_authenticated", False) else None)
    try:
        yield
    finally:
        _user.reset(token)


@contextmanager
def reverting(change):
    token = _reverting.set(change)
    try:
        yield
    finally:
        _reverting.reset(token)


def _json(value):
    """Dates, decimals and UUIDs as JSON strings, the way Django serialises them."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, FieldFile):  # a source's attachment: recorded by its stored name
        return value.name or ""
    return DjangoJSONEncoder().default(value)


def serialize(obj: models.Model) -> dict:
    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS:
            continue
        data[field.attname] = _json(field.value_from_object(obj))
    for name in TRACKED.get(type(obj), ()):
        data[name] = sorted(getattr(obj, name).values_list("pk", flat=True))
    if isinstance(obj, Matter) and obj.pk:
        data["entries"] = matter_entries(obj.pk)
    return data


def matter_entries(matter_id: int) -> list[dict]:
    return [
        {"provision_id": p, "relation": r, "label": lb, "rationale": ra}
        for p, r, lb, ra in MatterEntry.objects.filter(matter_id=matter_id)
        .order_by("provision_id")
        .values_list("provision_id", "relation", "label", "rationale")
    ]


def _display(model: type[models.Model], name: str, value) -> str:
    """A field value as an editor reads it: choice labels, related names, text not HTML."""
    if value is None or value == "":
        return ""
    if name == "entries":
        return "; ".join(_entry_display(e) for e in value)
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - attname of a foreign key
        field = next(f for f in model._meta.concrete_fields if f.attname == name)
    if field.many_to_many:
        related = field.related_model._base_manager.filter(pk__in=value)
        names = {o.pk: str(o) for o in related}
        return ", ".join(names.get(pk, f"#{pk} (deleted)") for pk in value)
    if field.is_relation:
        obj = field.related_model._base_manager.filter(pk=value).first()
        return str(obj) if obj else f"#{value} (deleted)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "yes" if value else "no"
    if isinstance(field, SanitizedHTMLField):
        return plain_text(value)
    return str(value)


def _entry_display(entry: dict) -> str:
    provision = Provision.objects.select_related("draft").filter(pk=entry["provision_id"]).first()
    name = str(provision) if provision else f"provision #{entry['provision_id']} (deleted)"
    label = f", {entry['label']}" if entry.get("label") else ""
    return f"{name} ({entry['relation']}{label})"


def _label(model, name: str) -> str:
    if name == "entries":
        return ALIGNMENT
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        if name in (field.name, getattr(field, "attname", None)):
            return str(field.verbose_name)
    return name


def _is_foreign_key(model, name: str) -> bool:
    return any(
        f.attname == name and f.many_to_one for f in model._meta.concrete_fields if f.is_relation
    )


def field_changes(model, before: dict, after: dict) -> dict:
    """Readable before/after of each changed field. A foreign key also keeps its raw ids
    ("before_id", "after_id"), so the public page can tell whether what its display text
    names is public now."""
    changes = {}
    for name in after.keys() | before.keys():
        if name == "id" or before.get(name) == after.get(name):
            continue
        changes[name] = {
            "label": _label(model, name),
            "before": _display(model, name, before.get(name)),
            "after": _display(model, name, after.get(name)),
        }
        if _is_foreign_key(model, name):
            changes[name]["before_id"] = before.get(name)
            changes[name]["after_id"] = after.get(name)
    return changes


def _context(obj) -> tuple[int | None, int | None, list[int]]:
    """(draft id, process id, topic ids) a change to `obj` belongs to."""
    if isinstance(obj, Draft):
        return obj.pk, obj.process_id, []
    if isinstance(obj, Provision):
        process = Draft.objects.filter(pk=obj.draft_id).values_list("process_id", flat=True)
        return obj.draft_id, process.first(), list(obj.topics.values_list("pk", flat=True))
    if isinstance(obj, DraftLink):
        return obj.draft_id, None, []
    if isinstance(obj, KeyTerm):
        row = Provision.objects.filter(pk=obj.provision_id).values_list(
            "draft_id", "draft__process_id"
        )
        draft_id, process_id = row.first() or (None, None)
        topics = Provision.topics.through.objects.filter(provision_id=obj.provision_id)
        return draft_id, process_id, list(topics.values_list("topic_id", flat=True))
    if isinstance(obj, Citation):
        if obj.provision_id:
            row = Provision.objects.filter(pk=obj.provision_id).values_list(
                "draft_id", "draft__process_id"
            )
            draft_id, process_id = row.first() or (None, None)
            topics = Provision.topics.through.objects.filter(provision_id=obj.provision_id)
            return draft_id, process_id, list(topics.values_list("topic_id", flat=True))
        if obj.position_id:
            row = Position.objects.filter(pk=obj.position_id).values_list("process_id", "topic_id")
            process_id, topic_id = row.first() or (None, None)
            return None, process_id, [topic_id] if topic_id else []
        process = Draft.objects.filter(pk=obj.draft_id).values_list("process_id", flat=True)
        return obj.draft_id, process.first(), []
    if isinstance(obj, Position):
        return None, obj.process_id, [obj.topic_id] if obj.topic_id else []
    if isinstance(obj, Matter):
        return None, obj.process_id, [obj.topic_id] if obj.topic_id else []
    if isinstance(obj, MatterEntry | RejectedSuggestion):
        matter = Matter.objects.filter(pk=obj.matter_id).values_list("process_id", "topic_id")
        process_id, topic_id = matter.first() or (None, None)
        draft = Provision.objects.filter(pk=obj.provision_id).values_list("draft_id", flat=True)
        return draft.first(), process_id, [topic_id] if topic_id else []
    return None, None, []


def record(
    obj,
    action: str,
    *,
    before: dict | None = None,
    after: dict | None = None,
    name: str | None = None,
):
    from .models import Change

    model = type(obj)
    after = after if after is not None else serialize(obj)
    snapshot = after
    if action in (Change.Action.CREATED, Change.Action.DELETED) and not before:
        # The snapshot says it all; field-by-field before/after is for edits.
        changes = {}
    else:
        changes = field_changes(model, before or {}, after)
        if not changes:
            return None
    source = _reverting.get()
    if source is not None and action != Change.Action.DELETED:
        action = Change.Action.REVERTED
    user = _user.get()
    draft_id, process_id, topic_ids = _context(obj)
    change = Change.objects.create(
        content_type_id=_content_type_id(model),
        object_id=obj.pk,
        object_repr=(name or str(obj))[:300],
        action=action,
        user=user,
        user_name=user.get_username() if user else "system",
        at=timezone.now(),
        fields=changes,
        snapshot=snapshot,
        draft_ref=draft_id,
        process_ref=process_id,
        reverted_from=source,
    )
    if topic_ids:
        change.topics.set(topic_ids)
    return change


def _content_type_id(model) -> int:
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk


# --- signal handlers ------------------------------------------------------------------


def park(objs: list[models.Model], **values) -> None:
    """Write placeholder values to `objs`' rows (each value a function of the object)
    without recording them: each object's next save is recorded against its state from
    before parking, so its history never shows the placeholder."""
    for obj in objs:
        stored = type(obj)._base_manager.filter(pk=obj.pk).first()
        if stored is None:
            continue
        obj._history_parked = serialize(stored)
        type(obj)._base_manager.filter(pk=obj.pk).update(
            **{name: value(obj) for name, value in values.items()}
        )


def _before_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    parked = instance.__dict__.pop("_history_parked", None)
    if parked is not None:
        instance._history_before = parked
        return
    old = sender._base_manager.filter(pk=instance.pk).first() if instance.pk else None
    instance._history_before = serialize(old) if old else None
    if isinstance(instance, MatterEntry):
        _remember_alignment(instance)


def _after_save(sender, instance, created, raw=False, **kwargs):
    from .models import Change

    if raw or (isinstance(instance, Matter) and _skip_alignment.get()):
        return
    before = getattr(instance, "_history_before", None)
    action = Change.Action.CREATED if created or before is None else Change.Action.CHANGED
    record(instance, action, before=before)
    if isinstance(instance, MatterEntry):
        _record_alignment(instance)


def _before_delete(sender, instance, **kwargs):
    instance._history_before = serialize(instance)
    # Named now: once deleted, what it pointed to may be gone too (a citation deleted with
    # its provision).
    instance._history_name = str(instance)
    if isinstance(instance, MatterEntry):
        _remember_alignment(instance)


def _after_delete(sender, instance, **kwargs):
    from .models import Change

    record(
        instance,
        Change.Action.DELETED,
        after=getattr(instance, "_history_before", None),
        name=getattr(instance, "_history_name", None),
    )
    if isinstance(instance, MatterEntry):
        _record_alignment(instance)


def _remember_alignment(entry: MatterEntry) -> None:
    entry._matter_entries_before = matter_entries(entry.matter_id)


def _record_alignment(entry: MatterEntry) -> None:
    """An entry's change is also a change of its matter's alignment, kept in its history."""
    from .models import Change

    if _skip_alignment.get():
        return
    matter = Matter.objects.filter(pk=entry.matter_id).first()
    if matter is None:
        return
    before = serialize(matter)
    before["entries"] = getattr(entry, "_matter_entries_before", [])
    record(matter, Change.Action.CHANGED, before=before)


_skip_alignment = contextvars.ContextVar("history_skip_alignment", default=False)


@contextmanager
def alignment_recorded_once():
    """While a matter is restored entry by entry, record its alignment once, at the end."""
    token = _skip_alignment.set(True)
    try:
        yield
    finally:
        _skip_alignment.reset(token)


def _m2m_changed(sender, instance, action, reverse, **kwargs):
    from .models import Change

    if reverse or type(instance) not in TRACKED:
        return
    if action.startswith("pre_"):
        instance._history_m2m_before = serialize(instance)
    elif action.startswith("post_"):
        before = getattr(instance, "_history_m2m_before", None)
        if before is not None:
            record(instance, Change.Action.CHANGED, before=before)


def connect() -> None:
    for model, m2m_fields in TRACKED.items():
        uid = f"history-{model._meta.label_lower}"
        pre_save.connect(_before_save, sender=model, dispatch_uid=uid)
        post_save.connect(_after_save, sender=model, dispatch_uid=uid)
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(_after_delete, sender=model, dispatch_uid=uid)
        for name in m2m_fields:
            through = getattr(model, name).through
            m2m_changed.connect(_m2m_changed, sender=through, dispatch_uid=f"{uid}-{name}")
