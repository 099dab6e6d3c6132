from __future__ import annotations

import secrets

from django.db import models
from django.urls import reverse


def new_frozen_id() -> str:
    return secrets.token_urlsafe(6)  # 8 URL-safe characters


class FrozenComparison(models.Model):
    """A comparison exactly as it was shown when someone asked for a permanent link."""

    id = models.CharField(primary_key=True, max_length=16, default=new_frozen_id, editable=False)
    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the payload.")
    spec = models.CharField(max_length=600)
    query = models.CharField(max_length=300, blank=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "frozen comparison"

    def __str__(self) -> str:
        return f"{self.payload.get('title', self.spec)} ({self.created_at:%d %b %Y %H:%M})"

    def get_absolute_url(self) -> str:
        return reverse("compare:frozen", args=[self.pk])

    @property
    def draft_slugs(self) -> list[str]:
        return [d["slug"] for d in self.payload.get("drafts", [])]
