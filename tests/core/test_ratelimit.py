"""The fixed-window counter behind the permanent-link allowance: it holds for the whole
window, ends with it, and keeps nothing in the cache much longer than that."""

from __future__ import annotations

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from apps.core import ratelimit

WINDOW = 60
START = 1_800_000_000 - 1_800_000_000 % WINDOW  # a window boundary


@pytest.fixture
def clock(monkeypatch):
    """time.time() for the counter and for the cache's expiry, moved by the test."""
    now = [float(START)]
    monkeypatch.setattr(time, "time", lambda: now[0])
    return now


def hit(address="10.0.0.1"):
    request = RequestFactory().get("/", REMOTE_ADDR=address)
    return ratelimit.hit(request, "test", limit=2, window=WINDOW)


def test_the_limit_holds_until_the_last_second_of_the_window(clock):
    assert hit() is None and hit() is None
    assert hit() == WINDOW
    clock[0] = START + WINDOW - 2
    assert hit() == 2  # still the same window: still refused, two seconds to wait
    assert hit("10.0.0.2") is None  # another client has its own allowance
    clock[0] = START + WINDOW
    assert hit() is None  # a new window


def test_a_windows_counter_leaves_the_cache_soon_after_the_window(clock):
    hit()
    key = f"rate:test:10.0.0.1:{START}"
    assert cache.get(key) == 1
    clock[0] = START + WINDOW + 4
    assert cache.get(key) == 1  # five seconds' grace for requests in flight
    clock[0] = START + WINDOW + 5
    assert cache.get(key) is None


def test_a_counter_evicted_between_add_and_incr_starts_again_at_one(clock, monkeypatch):
    monkeypatch.setattr(cache, "add", lambda *args, **kwargs: False)  # gone at once
    key = f"rate:test:10.0.0.1:{START}"
    assert hit() is None
    assert cache.get(key) == 1
    assert hit() is None and hit() == WINDOW  # counted on from there
    clock[0] = START + WINDOW + 4
    assert cache.get(key) == 3
    clock[0] = START + WINDOW + 5
    assert cache.get(key) is None  # and it expires like any counter
    # That first request counts as one, not more: with a limit of one it is allowed.
    lone = RequestFactory().get("/", REMOTE_ADDR="10.0.0.3")
    assert ratelimit.hit(lone, "test", limit=1, window=WINDOW) is None
