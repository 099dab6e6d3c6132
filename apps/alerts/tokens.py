"""Signed links for follow requests waiting for confirmation.

A follow request is stored nowhere but in its confirmation link (signed, and dated so it
expires after ALERT_CONFIRM_MAX_AGE seconds): an address nobody confirms is never kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "alerts.confirm"


class LinkError(Exception):
    """The link cannot be used; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class FollowRequest:
    email: str
    kind: str
    object_id: int
    frequency: str


def confirm_token(request: FollowRequest) -> str:
    payload = {
        "e": request.email,
        "k": request.kind,
        "o": request.object_id,
        "f": request.frequency,
    }
    return signing.dumps(payload, salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> FollowRequest:
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.ALERT_CONFIRM_MAX_AGE)
    except signing.SignatureExpired:
        raise LinkError(
            "This confirmation link has expired. Ask to follow again from the page you "
            "wanted to follow; a new link will be sent.",
            410,
        ) from None
    except (signing.BadSignature, ValueError, UnicodeError):
        raise LinkError(
            "This confirmation link is not valid: it may have been cut short or changed. "
            "Copy the whole link from the email, or ask to follow again.",
            400,
        ) from None
    try:
        return FollowRequest(
            email=str(data["e"]),
            kind=str(data["k"]),
            object_id=int(data["o"]),
            frequency=str(data["f"]),
        )
    except (KeyError, TypeError, ValueError):
        raise LinkError("This confirmation link is not valid.", 400) from None
