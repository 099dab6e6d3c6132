"""The two emails alerts send: the confirmation of a follow request, and a digest."""

from __future__ import annotations

from collections import Counter

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlsafe_base64_encode

from apps.compare.diff import plain_text
from apps.history.filters import hide_unpublished_references
from apps.history.links import attach_urls
from apps.history.models import Change

from . import tokens
from .targets import Target


def absolute(path: str) -> str:
    """An address readers can open from their mail client: SITE_URL and the path."""
    return settings.SITE_URL.rstrip("/") + path


def _mail_domain() -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    return host or "peacetracker.invalid"


def confirmation(request: tokens.FollowRequest, target: Target) -> EmailMultiAlternatives:
    context = {
        "target": target,
        "frequency": request.frequency,
        "confirm_url": absolute(reverse("alerts:confirm", args=[tokens.confirm_token(request)])),
        "target_url": absolute(target.path),
        "max_age_hours": settings.ALERT_CONFIRM_MAX_AGE // 3600,
    }
    message = EmailMultiAlternatives(
        subject=f"Confirm: follow {target.name} on PeaceTracker",
        body=render_to_string("alerts/email/confirm.txt", context),
        to=[request.email],
    )
    message.attach_alternative(render_to_string("alerts/email/confirm.html", context), "text/html")
    return message


# What a new object says, for a creation (whose change lists no before/after fields).
_MAIN_TEXT = ("paraphrase", "body", "excerpt", "title")


def _created_text(change: Change) -> str:
    if change.action != Change.Action.CREATED or change.fields:
        return ""
    for name in _MAIN_TEXT:
        value = change.snapshot.get(name)
        if isinstance(value, str) and value.strip():
            text = plain_text(value)
            return text if len(text) <= 400 else text[:399] + "…"
    return ""


def _summary(changes: list[Change]) -> str:
    counts = Counter(c.action for c in changes)
    parts = [
        f"{counts[action]} {label.lower()}"
        for action, label in Change.Action.choices
        if counts[action]
    ]
    return f"{len(changes)} change{'s' if len(changes) != 1 else ''}: " + ", ".join(parts)


def digest(digest, target: Target, changes: list[Change]) -> EmailMultiAlternatives:
    """The digest email of `changes` (public ones only: the caller filters them)."""
    hide_unpublished_references(changes, preview=False)
    # The changed item's own public page, else the public page that holds it (a deleted
    # provision's draft), else what the reader follows.
    attach_urls(changes)
    for change in changes:
        change.created_text = _created_text(change)
        path = change.url or change.context_url
        change.absolute_url = absolute(path) if path else absolute(target.path)
    subscription = digest.subscription
    unsubscribe_url = absolute(reverse("alerts:unsubscribe", args=[subscription.unsubscribe_key]))
    context = {
        "target": target,
        "target_url": absolute(target.path),
        "changes": changes,
        "summary": _summary(changes),
        "frequency": subscription.get_frequency_display().lower(),
        "period": digest.period,
        "unsubscribe_url": unsubscribe_url,
        "changes_url": absolute(reverse("history:changes")),
    }
    message = EmailMultiAlternatives(
        subject=f"PeaceTracker: {_summary(changes).split(':')[0]} to {target.name}",
        body=render_to_string("alerts/email/digest.txt", context),
        to=[subscription.email],
        headers={
            # RFC 2369 and RFC 8058: mail clients offer a one-click unsubscribe that POSTs
            # "List-Unsubscribe=One-Click" to the URL.
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            # The same id for every attempt at this digest, so a resend after a crash
            # between the server's acceptance and our record of it is recognisable.
            "Message-ID": f"<digest-{digest.pk}-{_token(digest)}@{_mail_domain()}>",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string("alerts/email/digest.html", context), "text/html")
    return message


def _token(digest) -> str:
    return urlsafe_base64_encode(f"{digest.subscription_id}.{digest.period}".encode())
