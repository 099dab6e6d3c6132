"""Composing and sending digests: at most one per subscription and period, each change once.

A run has two phases, each safe to stop anywhere:

1. compose: for each confirmed subscription without a digest for the current period, the
   published changes to what it follows, since it was confirmed and not yet in any of its
   digests, become one `Digest` with its entries, in one transaction. A second run in the
   same period composes nothing (one digest per subscription and period; one entry per
   subscription and change, both enforced by the database).
2. send: each unsent digest is locked, sent, and marked sent in one transaction. A run that
   stops before the mark leaves the digest unsent, for the next run; one that stops after
   it has nothing left to send. The only window for a second copy is between the mail
   server's acceptance and our commit; the copy carries the same Message-ID.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass

from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.utils import timezone

from apps.history.models import Change

from . import mail
from .models import Digest, DigestEntry, Frequency, Subscription
from .targets import find_by_id

log = logging.getLogger(__name__)

# Changes told in one digest at most; the rest go in the next period's.
MAX_CHANGES = 100


def period_of(frequency: str, now: datetime.datetime) -> str:
    day = timezone.localdate(now)
    if frequency == Frequency.WEEKLY:
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


@dataclass
class RunResult:
    composed: int = 0
    sent: int = 0
    failed: int = 0


def compose(now: datetime.datetime) -> int:
    """Compose the digests due at `now`; return how many."""
    composed = 0
    for frequency in Frequency.values:
        period = period_of(frequency, now)
        due = (
            Subscription.objects.filter(frequency=frequency, confirmed_at__lte=now)
            .exclude(digests__period=period)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        for pk in list(due):
            composed += _compose_one(pk, period, now)
    return composed


def _compose_one(pk: int, period: str, now: datetime.datetime) -> int:
    try:
        with transaction.atomic():
            subscription = Subscription.objects.select_for_update().filter(pk=pk).first()
            if subscription is None or subscription.digests.filter(period=period).exists():
                return 0
            target = find_by_id(subscription.kind, subscription.object_id)
            if target is None:
                # No public page now (unpublished, deleted): wait until there is one.
                return 0
            told = DigestEntry.objects.filter(subscription=subscription).values("change_id")
            change_ids = list(
                target.changes()
                .filter(at__gte=subscription.confirmed_at, at__lte=now)
                .exclude(pk__in=told)
                .order_by("at", "pk")
                .values_list("pk", flat=True)
                .distinct()[:MAX_CHANGES]
            )
            if not change_ids:
                return 0
            digest = Digest.objects.create(subscription=subscription, period=period, created_at=now)
            DigestEntry.objects.bulk_create(
                DigestEntry(digest=digest, subscription=subscription, change_id=change_id)
                for change_id in change_ids
            )
            return 1
    except IntegrityError:
        # Another run composed this one at the same moment: it is theirs to send.
        return 0


def send_pending(now: datetime.datetime) -> RunResult:
    """Send every unsent digest, marking each sent in the transaction that sent it."""
    result = RunResult()
    pending = list(Digest.objects.filter(sent_at=None).order_by("pk").values_list("pk", flat=True))
    if not pending:
        return result
    mailer = mailers.default
    try:
        mailer.open()  # one SMTP session for the run
    except (smtplib.SMTPException, OSError) as exc:
        log.warning("Mail server unreachable, %s digest(s) wait: %s", len(pending), exc)
        result.failed = len(pending)
        return result
    try:
        for pk in pending:
            try:
                result.sent += _send_one(pk, now, mailer)
            except (smtplib.SMTPException, OSError) as exc:
                # Refused or cut off: the digest stays for the next run.
                log.warning("Digest %s not sent: %s", pk, exc)
                result.failed += 1
    finally:
        mailer.close()
    return result


def _send_one(pk: int, now: datetime.datetime, mailer) -> int:
    with transaction.atomic():
        digest = (
            Digest.objects.select_for_update(skip_locked=True)
            .select_related("subscription")
            .filter(pk=pk, sent_at=None)
            .first()
        )
        if digest is None:  # sent (or being sent) by another run
            return 0
        subscription = digest.subscription
        target = find_by_id(subscription.kind, subscription.object_id)
        public = Change.objects.public().values("pk")
        if target is not None:
            # Anything unpublished since the digest was composed is left out, and its entry
            # dropped so the change can be told once it is public again.
            digest.entries.exclude(change__in=public).delete()
        changes = list(
            Change.objects.filter(pk__in=digest.entries.values("change_id"))
            .select_related("content_type")
            .order_by("at", "pk")
        )
        if target is None or not changes:
            digest.delete()
            return 0
        mailer.send_messages([mail.digest(digest, target, changes)])
        digest.sent_at = now
        digest.save(update_fields=["sent_at"])
        return 1


def run(now: datetime.datetime | None = None) -> RunResult:
    now = now or timezone.now()
    composed = compose(now)
    result = send_pending(now)
    result.composed = composed
    return result
