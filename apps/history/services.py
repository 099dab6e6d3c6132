"""Reverting a provision or a matter to a recorded version."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.alignment.models import Matter, MatterEntry, check_entries
from apps.drafts.models import Draft, PeaceProcess, Provision, Topic

from . import recorder
from .models import Change

REVERTIBLE = (Provision, Matter)


class RevertError(Exception):
    """The version cannot be restored; the message says why, and nothing was changed."""


def can_revert(change: Change) -> bool:
    return change.content_type.model_class() in REVERTIBLE


def revert(change: Change, *, user) -> Change | None:
    """Restore the object to the state recorded in `change`, as one recorded change."""
    model = change.content_type.model_class()
    if model not in REVERTIBLE:
        raise RevertError(f"{model._meta.verbose_name_plural.capitalize()} cannot be reverted.")
    try:
        with transaction.atomic(), recorder.acting_user(user), recorder.reverting(change):
            if model is Provision:
                _restore_provision(change)
            else:
                _restore_matter(change)
    except (ValidationError, IntegrityError) as exc:
        messages = getattr(exc, "messages", None) or [str(exc)]
        raise RevertError(
            "The version conflicts with today's data: " + " ".join(messages)
        ) from None
    return Change.objects.for_object_id(model, change.object_id).first()


# A revert restores content, never the publish state: publishing takes its own permission.
# An existing object keeps its state; a deleted one comes back unpublished.
NOT_RESTORED = {"id", "published"}


def _fields(model, snapshot: dict) -> dict:
    names = {f.attname: f for f in model._meta.concrete_fields if f.attname in snapshot}
    return {
        attname: field.to_python(snapshot[attname])
        for attname, field in names.items()
        if attname not in NOT_RESTORED and field.name not in recorder.SKIPPED_FIELDS
    }


def _restore_provision(change: Change) -> None:
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
    provision = Provision.objects.filter(pk=change.object_id).first() or Provision(
        pk=change.object_id
    )
    for attname, value in _fields(Provision, snap).items():
        setattr(provision, attname, value)
    provision.full_clean()
    provision.save()
    provision.topics.set(topic_ids)


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
