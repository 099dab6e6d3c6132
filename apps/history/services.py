"""Reverting a provision or a matter to a recorded version."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.alignment.models import Matter, MatterEntry, check_entries
from apps.drafts.models import Draft, PeaceProcess, Provision, Topic
from apps.sources.models import Citation, Source

from . import recorder
from .models import Change

REVERTIBLE = (Provision, Matter)


class RevertError(Exception):
    """The version cannot be restored; the message says why, and nothing was changed."""


@dataclass
class Restored:
    """What came back with a deleted provision: its citations and matter entries."""

    citations: int = 0
    entries: int = 0

    def describe(self) -> str:
        parts = [
            f"{n} {one if n == 1 else many}"
            for n, one, many in (
                (self.citations, "citation", "citations"),
                (self.entries, "matter entry", "matter entries"),
            )
            if n
        ]
        return " and ".join(parts)


# Records of what was deleted with a provision lie this close to its own deletion record.
CASCADE_WINDOW = datetime.timedelta(minutes=1)


def can_revert(change: Change) -> bool:
    return change.content_type.model_class() in REVERTIBLE


def revert(change: Change, *, user) -> Change | None:
    """Restore the object to the state recorded in `change`, as one recorded change.

    A deleted provision comes back with the citations and matter entries deleted with it
    (the returned change's `restored` says how many)."""
    model = change.content_type.model_class()
    if model not in REVERTIBLE:
        raise RevertError(f"{model._meta.verbose_name_plural.capitalize()} cannot be reverted.")
    try:
        with transaction.atomic(), recorder.acting_user(user), recorder.reverting(change):
            restored = Restored()
            if model is Provision:
                restored = _restore_provision(change)
            else:
                _restore_matter(change)
    except (ValidationError, IntegrityError) as exc:
        messages = getattr(exc, "messages", None) or [str(exc)]
        raise RevertError(
            "The version conflicts with today's data: " + " ".join(messages)
        ) from None
    latest = Change.objects.for_object_id(model, change.object_id).first()
    if latest is not None:
        latest.restored = restored
    return latest


# A revert restores content, never the publish state: publishing takes its own permission.
# An existing object keeps its state; a deleted one comes back unpublished.
NOT_RESTORED = {"id", "published"}


def preview(change: Change) -> dict:
    """What reverting to `change` would change, field by field, from now to the restored
    version (readable before/after, as a change records them; {} if nothing would)."""
    model = change.content_type.model_class()
    current = model._base_manager.filter(pk=change.object_id).first()
    now = recorder.serialize(current) if current else {}
    restored = dict(now)
    for name, value in change.snapshot.items():
        if name not in NOT_RESTORED and name not in recorder.SKIPPED_FIELDS:
            restored[name] = value
    return recorder.field_changes(model, now, restored)


def _fields(model, snapshot: dict) -> dict:
    names = {f.attname: f for f in model._meta.concrete_fields if f.attname in snapshot}
    return {
        attname: field.to_python(snapshot[attname])
        for attname, field in names.items()
        if attname not in NOT_RESTORED and field.name not in recorder.SKIPPED_FIELDS
    }


def _restore_provision(change: Change) -> Restored:
    snap = change.snapshot
    if not Draft.objects.filter(pk=snap.get("draft_id")).exists():
        raise RevertError(
            f"The draft “{change.object_repr.split(' · ')[0]}” this version belonged to has "
            "been deleted, so the provision cannot be restored. Nothing was changed."
        )
    topic_ids = set(snap.get("topics", []))
    existing = set(Topic.objects.filter(pk__in=topic_ids).values_list("pk", flat=True))
    if topic_ids - existing:
        raise RevertError(
            "Some topics of this version have since been deleted. Nothing was changed."
        )
    existing = Provision.objects.filter(pk=change.object_id).first()
    provision = existing or Provision(pk=change.object_id)
    for attname, value in _fields(Provision, snap).items():
        setattr(provision, attname, value)
    provision.full_clean()
    provision.save()
    provision.topics.set(topic_ids)
    return Restored() if existing else _restore_deleted_with(provision)


def _restore_deleted_with(provision: Provision) -> Restored:
    """Bring back the citations and matter entries deleted with `provision` (recorded
    within CASCADE_WINDOW of its deletion) that nothing has replaced since. One whose
    source or matter is gone, or that today's rules refuse, stays deleted."""
    deletion = (
        Change.objects.for_object_id(Provision, provision.pk)
        .filter(action=Change.Action.DELETED)
        .first()
    )
    if deletion is None:
        return Restored()
    window = {
        "action": Change.Action.DELETED,
        "at__gte": deletion.at - CASCADE_WINDOW,
        "at__lte": deletion.at + CASCADE_WINDOW,
        "snapshot__provision_id": provision.pk,
    }
    restored = Restored()
    for model, exists in ((Citation, Source), (MatterEntry, Matter)):
        for record in Change.objects.filter(content_type=_content_type(model), **window):
            if model.objects.filter(pk=record.object_id).exists():
                continue
            obj = model(pk=record.object_id, **_fields(model, record.snapshot))
            parent_id = obj.source_id if model is Citation else obj.matter_id
            if not exists.objects.filter(pk=parent_id).exists():
                continue
            try:
                with transaction.atomic():
                    obj.full_clean()
                    obj.save()
            except (ValidationError, IntegrityError):
                continue
            if model is Citation:
                restored.citations += 1
            else:
                restored.entries += 1
    return restored


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


def _restore_matter(change: Change) -> None:
    snap = change.snapshot
    if not PeaceProcess.objects.filter(pk=snap.get("process_id")).exists():
        raise RevertError(
            "The peace process of this version has been deleted. Nothing was changed."
        )
    entries = snap.get("entries", [])
    wanted = {e["provision_id"] for e in entries}
    found = dict(Provision.objects.filter(pk__in=wanted).values_list("pk", "draft_id"))
    missing = wanted - found.keys()
    if missing:
        raise RevertError(
            f"{len(missing)} provision(s) aligned in this version have since been deleted "
            "(their drafts or the provisions themselves). Nothing was changed."
        )
    check_entries([(found[e["provision_id"]], e["relation"]) for e in entries])
    existing = Matter.objects.filter(pk=change.object_id).first()
    before = recorder.serialize(existing) if existing else {}
    matter = existing or Matter(pk=change.object_id)
    for attname, value in _fields(Matter, snap).items():
        setattr(matter, attname, value)
    matter.full_clean()
    with recorder.alignment_recorded_once():
        matter.save()
        MatterEntry.objects.filter(matter=matter).exclude(provision_id__in=wanted).delete()
        for e in entries:
            entry = MatterEntry.objects.filter(
                matter=matter, provision_id=e["provision_id"]
            ).first()
            entry = entry or MatterEntry(matter=matter, provision_id=e["provision_id"])
            entry.relation, entry.label, entry.rationale = e["relation"], e["label"], e["rationale"]
            entry.full_clean()
            entry.save()
    recorder.record(matter, Change.Action.CHANGED, before=before)
