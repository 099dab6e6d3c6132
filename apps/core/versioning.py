"""Content versions: cached renderings key on them, so an edit never leaves a stale page
behind, without anyone having to delete cached pages by hand.

There are three kinds:
- the site-wide version (`current()`), changed by every edit to curated data, for caches
  that do not know what they depend on;
- one version per peace process (`scope(process_id)`), changed by edits to that
  process's material;
- the shared version (`SHARED`), changed by edits to what every process shows or what
  cannot be traced to a process (topics, parties, an object whose process is unknown).

A rendering that knows its process keys on `token(process_ids)` (the shared version and
those processes' versions), so an edit in one process leaves another's pages cached. Which
processes an edited object belongs to is answered by a resolver that a higher app
registers (`register_resolver`); without one, every edit counts as shared.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "content-version"
SHARED = "content-version:shared"
CONTENT_APPS = frozenset({"drafts", "sources", "alignment", "positions", "terms"})

# instance -> the ids of the processes it belongs to, or None when it is shared/unknown.
Resolver = Callable[[object], "set[int] | None"]
_resolver: Resolver | None = None


def scope(process_id: int) -> str:
    return f"content-version:process:{process_id}"


def current(key: str = KEY) -> str:
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def versions(keys: Iterable[str]) -> dict[str, str]:
    """The current version of each key (made up for keys that have none yet)."""
    keys = list(keys)
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            found[key] = current(key)
    return found


def scope_keys(process_ids: Iterable[int]) -> list[str]:
    return [SHARED, *(scope(pk) for pk in sorted(set(process_ids)))]


def token(process_ids: Iterable[int]) -> str:
    """One string that changes whenever the shared version or one of these processes'
    versions does: for cache keys."""
    found = versions(scope_keys(process_ids))
    return "-".join(found[key] for key in scope_keys(process_ids))


def bump(process_ids: Iterable[int] | None = None) -> None:
    """Retire what depends on these processes (None: on anything) and the site-wide version."""
    keys = (
        [KEY, *(scope(pk) for pk in set(process_ids))] if process_ids is not None else [KEY, SHARED]
    )
    cache.set_many({key: uuid.uuid4().hex for key in keys}, timeout=None)


def register_resolver(resolver: Resolver) -> None:
    global _resolver
    _resolver = resolver


def processes_of(instance) -> set[int] | None:
    if _resolver is None:
        return None
    try:
        return _resolver(instance)
    except Exception:  # noqa: BLE001 - an unknown scope is retired as shared, never missed
        return None


def _on_change(sender, instance=None, action=None, raw=False, **kwargs) -> None:
    if sender._meta.app_label not in CONTENT_APPS:
        return
    if action is not None and action.startswith("pre_"):
        return  # a link edit: the post_ signal that follows retires the same pages
    # A fixture's rows arrive in any order, their links perhaps not yet saved: what they
    # belong to is not asked, and everything is retired.
    process_ids = None if raw else processes_of(instance)
    bump(process_ids)
    # Again once the edit is committed: a page rendered between the first bump and the
    # commit showed the old content and must not outlive it.
    transaction.on_commit(lambda: bump(process_ids))


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"content-version-{signal}")
