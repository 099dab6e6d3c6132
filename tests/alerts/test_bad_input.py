"""Odd requests to every alerts address: never a 5xx, never a row or an email half-made."""

from __future__ import annotations

import itertools

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from apps.alerts import tokens
from apps.alerts.models import Digest, Subscription

from .conftest import outbox, subscribe

LONG = "x" * 5000


def _requests(plan, key: str):
    matter = plan["matters"][0].pk
    follow_paths = [
        "/alerts/follow/draft/plan/",
        f"/alerts/follow/matter/{matter}/",
        "/alerts/follow/matter/00000000000000000000000001/",
        "/alerts/follow/matter/-1/",
        "/alerts/follow/DRAFT/plan/",
        "/alerts/follow/draft/%ff/",
        f"/alerts/follow/draft/{LONG}/",
        "/alerts/follow/provision/plan/",
        "/alerts/follow/draft/plan/sent/",
        "/alerts/follow/nothing/nope/sent/",
    ]
    bodies = [
        {},
        {"email": "a@example.org"},
        {"email": "a@example.org", "frequency": ["daily", "weekly"]},
        {"email": ["a@example.org", "b@example.org"], "frequency": "daily"},
        {"email": "a@example.org\r\nBcc: victim@example.org", "frequency": "daily"},
        {"email": "a\x00@example.org", "frequency": "daily"},
        {"email": "a@example.org", "frequency": "\x00"},
        {"email": LONG + "@example.org", "frequency": "daily"},
        {"email": "<script>@example.org", "frequency": "weekly"},
        {"email": "a@" + "b" * 300 + ".org", "frequency": "daily"},
    ]
    for path in follow_paths:
        for method in ["get", "head", "put", "delete", "patch", "options"]:
            yield method, path, {}
        for body in bodies:
            yield "post", path, {"data": body}
        yield "post", path, {"data": "\xff\xfe", "content_type": "application/octet-stream"}
    good = tokens.confirm_token(tokens.FollowRequest("a@example.org", "draft", 1, "daily"))
    confirm_tokens = [
        good[:-1],
        good + "x",
        "%ff",
        LONG,
        "..",
        ":::",
        signing.dumps("text", salt=tokens.CONFIRM_SALT),
        signing.dumps([1, 2], salt=tokens.CONFIRM_SALT),
        signing.dumps(
            {"e": "a@example.org", "k": "draft", "o": "x", "f": "daily"}, salt=tokens.CONFIRM_SALT
        ),
        signing.dumps(
            {"e": "a@example.org", "k": "drafts", "o": 1, "f": "daily"}, salt=tokens.CONFIRM_SALT
        ),
        signing.dumps(
            {"e": "a@example.org", "k": "draft", "o": 1, "f": "hourly"}, salt=tokens.CONFIRM_SALT
        ),
        signing.dumps(
            {"e": "a@example.org", "k": "draft", "o": 2**70, "f": "daily"}, salt=tokens.CONFIRM_SALT
        ),
        signing.dumps({"e": "a@example.org", "k": "draft", "o": 1, "f": "daily"}, salt="other"),
    ]
    for token, method in itertools.product(confirm_tokens, ["get", "head", "post", "put"]):
        yield method, f"/alerts/confirm/{token}/", {}
    for path in [f"/alerts/u/{key[:-1]}/", "/alerts/u/%ff/", f"/alerts/u/{LONG}/", "/alerts/u/-/"]:
        for method in ["get", "head", "post", "put", "delete"]:
            yield method, path, {}


def test_no_odd_request_to_alerts_gets_a_server_error_or_stores_anything(plan, settings):
    settings.ALERT_RATE_LIMIT = 10_000  # reach the form, not only the client's limit
    subscription = subscribe("kept@example.org", "draft", plan["drafts"][0])
    client = Client(raise_request_exception=True)
    statuses: dict[int, int] = {}
    failures = []
    for method, path, kwargs in _requests(plan, subscription.unsubscribe_key):
        response = getattr(client, method)(path, **kwargs)
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            failures.append(f"{method.upper()} {path[:80]} {kwargs}: {response.status_code}")
    assert not failures, "\n".join(failures)
    assert sum(statuses.values()) >= 200
    assert {302, 400, 404, 405} <= statuses.keys()
    # Only the one valid follow request per object sent a confirmation; nothing was stored.
    assert list(Subscription.objects.all()) == [subscription]
    assert not Digest.objects.exists()
    assert {tuple(m.to) for m in outbox()} <= {("a@example.org",), ("b@example.org",)}, [
        m.to for m in outbox()
    ]


@pytest.mark.parametrize("kind", ["draft", "matter", "party", "process"])
def test_a_subscription_only_ever_names_its_own_address(client, plan, kind):
    """An injected header in the address is refused before anything is sent."""
    target = {"draft": "plan", "matter": plan["matters"][0].pk, "party": "e3"}.get(
        kind, "test-process"
    )
    response = client.post(
        reverse("alerts:follow", args=[kind, target]),
        {"email": "a@example.org\nBcc: victim@example.org", "frequency": "daily"},
    )
    assert response.status_code == 400
    assert outbox() == []
