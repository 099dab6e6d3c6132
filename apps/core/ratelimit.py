"""A fixed-window request counter per client, kept in the cache."""

from __future__ import annotations

import time

from django.core.cache import cache
from django.http import HttpRequest

from apps.core.proxies import client_address


def client_id(request: HttpRequest) -> str:
    """The client's address, as far as trusted proxies vouch for it (`TRUSTED_PROXIES`)."""
    return client_address(request)


def hit(request: HttpRequest, scope: str, *, limit: int, window: int) -> int | None:
    """Count one request; return None if allowed, else the seconds until the window resets."""
    return hit_key(scope, client_id(request), limit=limit, window=window)


def hit_key(scope: str, who: str, *, limit: int, window: int) -> int | None:
    """`hit` for any caller id (an address's hash, say) rather than the client's address."""
    now = int(time.time())
    start = now - now % window
    key = f"rate:{scope}:{who}:{start}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        return start + window - now
    return None
