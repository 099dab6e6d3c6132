"""What a feed entry says happened, in words: the fields an edit changed, or what a new or
deleted object held. Only the object's own text fields are quoted; related objects are not
named, so nothing unpublished can slip in through a name."""

from __future__ import annotations

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import Truncator

from apps.compare.diff import plain_text
from apps.core.fields import SanitizedHTMLField

from .models import Change

# The fields that say what a new or deleted object is, per model, in reading order.
# (A citation's note and a source's note are editors-only: never quoted.)
DESCRIBING = {
    "draft": ("title", "status", "text_basis"),
    "provision": ("heading", "body", "state"),
    "citation": ("stance", "excerpt", "locator"),
    "position": ("stance", "paraphrase", "quotation"),
}
WORDS = 60


def _value(model: type[models.Model], name: str, value) -> tuple[str, str] | None:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    if value in (None, "") or field.is_relation:
        return None
    if field.choices:
        text = str(dict(field.flatchoices).get(value, value))
    elif isinstance(field, SanitizedHTMLField):
        text = plain_text(value)
    else:
        text = str(value)
    return str(field.verbose_name), Truncator(text).words(WORDS)


def _described(change: Change) -> list[str]:
    model = change.content_type.model_class()
    if model is None:
        return []
    lines = []
    for name in DESCRIBING.get(change.content_type.model, ()):
        found = _value(model, name, change.snapshot.get(name))
        if found:
            lines.append(f"{found[0].capitalize()}: {found[1]}")
    return lines


def summary(change: Change) -> str:
    """Plain text: one line per changed field (before → after), or for a new or deleted
    object a sentence saying so and what it held."""
    what = f"{change.model_name} “{change.object_repr}”"
    if change.fields:
        head = {
            Change.Action.REVERTED: f"Restored an earlier version of the {what}.",
        }.get(change.action, f"Changed the {what}.")
        lines = [
            f"{f['label'][:1].upper()}{f['label'][1:]}: "
            f"{Truncator(f['before'] or '(empty)').words(WORDS)} → "
            f"{Truncator(f['after'] or '(empty)').words(WORDS)}"
            for f in change.fields.values()
        ]
        return "\n".join([head, *lines])
    if change.action == Change.Action.DELETED:
        return "\n".join([f"Deleted the {what}. It held:", *_described(change)])
    return "\n".join([f"Added the {what}.", *_described(change)])
