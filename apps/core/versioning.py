"""A site-wide content version: any edit to curated data changes it.

Cached renderings key on it, so an edit never leaves a stale page behind, without having
to know which cached pages the edit touched.
"""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "content-version"
CONTENT_APPS = frozenset({"drafts", "sources", "alignment", "positions", "terms"})


def current() -> str:
    version = cache.get(KEY)
    if version is None:
        cache.add(KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(KEY)
    return version


def bump() -> None:
    cache.set(KEY, uuid.uuid4().hex, timeout=None)


def _on_change(sender, **kwargs) -> None:
    if sender._meta.app_label in CONTENT_APPS:
        bump()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"content-version-{signal}")
