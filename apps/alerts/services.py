"""Following, confirming and unsubscribing; views call these and render what they return."""

from __future__ import annotations

import hashlib
import smtplib

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.core.ratelimit import hit_key

from . import mail, tokens
from .models import Subscription
from .targets import Target, find_by_id


class FollowError(Exception):
    def __init__(self, message: str, status: int, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after


ALREADY = (
    "This address already follows {name}. Every digest has a link to stop it; nothing else "
    "is needed."
)


def _address_key(email: str) -> str:
    # The cache holds a hash, never the address.
    return hashlib.sha256(email.encode()).hexdigest()[:32]


def request_follow(target: Target, email: str, frequency: str) -> None:
    """Send the confirmation email of a follow request; store nothing."""
    wait = hit_key(
        "alerts-address",
        _address_key(email),
        limit=settings.ALERT_ADDRESS_RATE_LIMIT,
        window=settings.ALERT_ADDRESS_RATE_WINDOW,
    )
    if wait is not None:
        raise FollowError("Too many follow requests for this address. Try again later.", 429, wait)
    followers = Subscription.objects.filter(kind=target.kind, object_id=target.obj.pk)
    if followers.filter(email=email).exists():
        raise FollowError(ALREADY.format(name=target.name), 409)
    request = tokens.FollowRequest(email, target.kind, target.obj.pk, frequency)
    try:
        mail.confirmation(request, target).send()
    except (smtplib.SMTPException, OSError):
        raise FollowError(
            "The confirmation email could not be sent just now. Nothing was stored; please "
            "try again in a few minutes.",
            503,
        ) from None


def confirm(token: str) -> tuple[Target, Subscription]:
    """Store the subscription a confirmation link asks for, once."""
    try:
        request = tokens.read_confirm_token(token)
    except tokens.LinkError as exc:
        raise FollowError(exc.message, exc.status) from None
    target = find_by_id(request.kind, request.object_id)
    if target is None:
        raise FollowError("What this link follows is no longer published.", 404)
    if request.frequency not in ("daily", "weekly"):
        raise FollowError("This confirmation link is not valid.", 400)
    try:
        with transaction.atomic():
            subscription = Subscription.objects.create(
                email=request.email,
                kind=request.kind,
                object_id=request.object_id,
                frequency=request.frequency,
                confirmed_at=timezone.now(),
            )
    except IntegrityError:
        raise FollowError(ALREADY.format(name=target.name), 409) from None
    return target, subscription


def peek(token: str) -> Target:
    """The object a confirmation link follows (for the page that asks to confirm it)."""
    try:
        request = tokens.read_confirm_token(token)
    except tokens.LinkError as exc:
        raise FollowError(exc.message, exc.status) from None
    target = find_by_id(request.kind, request.object_id)
    if target is None:
        raise FollowError("What this link follows is no longer published.", 404)
    return target


def unsubscribe(key: str) -> int:
    """Delete the address an unsubscribe link was sent to, with everything it follows;
    return how many subscriptions went (0: the link matches no address now)."""
    email = Subscription.objects.filter(unsubscribe_key=key).values_list("email", flat=True)
    return (
        Subscription.objects.filter(email__in=list(email))
        .delete()[1]
        .get(Subscription._meta.label, 0)
    )
