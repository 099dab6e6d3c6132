"""Confirmed email alerts, and the digests sent for them (an outbox: composed, then sent).

Only confirmed addresses are stored: a request to follow is a signed link in an email until
its owner confirms it (`tokens.py`). Unsubscribing deletes every row with the address.
"""

from __future__ import annotations

import secrets

from django.db import models

from apps.history.models import Change


class Kind(models.TextChoices):
    PROCESS = "process", "peace process"
    DRAFT = "draft", "draft"
    MATTER = "matter", "matter"
    PARTY = "party", "party"


class Frequency(models.TextChoices):
    DAILY = "daily", "Daily"
    WEEKLY = "weekly", "Weekly"


def new_unsubscribe_key() -> str:
    return secrets.token_urlsafe(16)  # 22 characters


class Subscription(models.Model):
    """One confirmed address following one process, draft, matter or party."""

    email = models.EmailField(max_length=254)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    # A plain id, not a foreign key: four kinds of object, each resolved by `targets`.
    object_id = models.PositiveBigIntegerField()
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    confirmed_at = models.DateTimeField()
    # The unsubscribe link's secret: random, so a link names no row and cannot be guessed,
    # and short, so the List-Unsubscribe header fits on one line (a longer one is folded
    # into encoded words that mail clients do not read as a URL).
    unsubscribe_key = models.CharField(max_length=32, unique=True, default=new_unsubscribe_key)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email", "kind", "object_id"], name="alerts_one_subscription_per_object"
            )
        ]

    def __str__(self) -> str:
        # Never the address: this string may reach logs and the admin.
        return f"Subscription #{self.pk} to {self.kind} #{self.object_id} ({self.frequency})"


class Digest(models.Model):
    """The changes one subscription is told about in one period (a day or an ISO week).

    Composed in one transaction (the row and its entries), then sent and marked `sent_at` in
    another: a run that stops between the two leaves the digest to the next run, and the
    unique period means a second run in the same period composes nothing new.
    """

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="digests")
    period = models.CharField(max_length=12)
    created_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True)
    changes = models.ManyToManyField(Change, through="DigestEntry", related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "period"], name="alerts_one_digest_per_period"
            )
        ]
        indexes = [models.Index(fields=["sent_at"])]

    def __str__(self) -> str:
        return f"Digest {self.period} for subscription #{self.subscription_id}"


class DigestEntry(models.Model):
    digest = models.ForeignKey(Digest, on_delete=models.CASCADE, related_name="entries")
    # Repeated from the digest so the database itself refuses a change told twice.
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    change = models.ForeignKey(Change, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "change"], name="alerts_change_told_once"
            )
        ]

    def __str__(self) -> str:
        return f"Change #{self.change_id} in digest #{self.digest_id}"
