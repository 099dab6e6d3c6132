"""Digests: published changes only, once each, at most one per period, crash-safe."""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from apps.alerts import digests
from apps.alerts.models import Digest, DigestEntry, Subscription
from tests import factories as f

from . import crashing_backend
from .conftest import SITE_URL, as_received, html_of, links, outbox, path_of, subscribe, text_of


def reword(provision, body: str) -> None:
    provision.body = body
    provision.save()


@pytest.fixture
def now():
    """A run's moment: the next Wednesday noon (UTC), so "tomorrow" is in the same ISO week
    and "in a week" is not, whatever day the suite runs."""
    moment = timezone.now() + datetime.timedelta(days=1)
    while moment.weekday() != 2:
        moment += datetime.timedelta(days=1)
    return moment.replace(hour=12, minute=0, second=0, microsecond=0)


def test_a_digest_lists_the_published_changes_with_a_diff_and_absolute_links(client, plan, now):
    matter = plan["matters"][2]
    subscription = subscribe("reader@example.org", "matter", matter)
    provision = plan["provisions"]["terr1"]
    reword(provision, "<p>Crimea recognised de facto as Russian.</p>")

    result = digests.run(now)
    assert (result.composed, result.sent, result.failed) == (1, 1, 0)
    [message] = outbox()
    received = as_received(message)
    assert received["To"] == "reader@example.org"
    assert received["Subject"] == "PeaceTracker: 1 change to matter A16 Territory"
    text = text_of(received)
    assert "1 change: 1 changed" in text
    assert "Changed provision:" in text
    assert "Crimea recognised as Russian. -> Crimea recognised de facto as Russian." in text
    html = html_of(received)
    assert "<ins" in html and "de facto" in html
    # Every link is absolute, on SITE_URL, and opens.
    urls = set(links(text)) | set(links(html))
    assert f"{SITE_URL}{reverse('drafts:provision', args=[provision.key])}" in urls
    assert f"{SITE_URL}{reverse('positions:matter', args=[matter.pk])}" in urls
    for url in urls:
        assert client.get(path_of(url)).status_code == 200, url
    # One-click unsubscribe (RFC 2369 / RFC 8058) to this subscription's secret link.
    unsubscribe = received["List-Unsubscribe"].strip().strip("<>")
    assert unsubscribe == f"{SITE_URL}/alerts/u/{subscription.unsubscribe_key}/"
    assert unsubscribe in urls
    assert received["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert received["Message-ID"].endswith("@alerts.example.org>")
    digest = Digest.objects.get()
    assert digest.sent_at == now and digest.subscription == subscription


def test_unpublished_material_never_reaches_an_email(plan, now):
    draft = plan["drafts"][0]
    subscribe("reader@example.org", "draft", draft)
    hidden = f.make_provision(
        draft, heading="Secret clause", body="<p>Hidden.</p>", published=False
    )
    reword(hidden, "<p>Still hidden words.</p>")
    digests.run(now)
    assert outbox() == []

    # A published change next to an unpublished one: only the first is told.
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Army capped at 700,000.</p>")
    digests.run(now + datetime.timedelta(days=1, seconds=1))
    [message] = outbox()
    raw = message.message().as_string()
    assert "700,000" in raw
    assert "Secret clause" not in raw and "Hidden" not in raw


def test_a_change_unpublished_between_composing_and_sending_is_left_out(plan, now):
    subscribe("reader@example.org", "process", plan["process"])
    army = plan["drafts"][0].provisions.get(label="6")
    reword(army, "<p>Army capped at 700,000.</p>")
    digests.compose(now)
    assert DigestEntry.objects.count() == 1
    army.published = False
    army.save()
    digests.send_pending(now)
    assert outbox() == []
    assert Digest.objects.count() == 0  # its change can be told once public again


def test_a_digest_run_twice_sends_nothing_twice(plan, now):
    subscribe("daily@example.org", "draft", plan["drafts"][0])
    subscribe("weekly@example.org", "party", plan["us"], "weekly")
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Army capped at 700,000.</p>")

    first = digests.run(now)
    assert (first.composed, first.sent) == (2, 2)
    assert sorted(m.to[0] for m in outbox()) == ["daily@example.org", "weekly@example.org"]
    again = digests.run(now)
    assert (again.composed, again.sent) == (0, 0)
    out = io.StringIO()
    call_command("send_alert_digests", stdout=out)  # today's periods: nothing new to tell
    assert "composed: 0, sent: 0" in out.getvalue()
    assert len(outbox()) == 2

    # A later change: the daily one hears of it the next day, the weekly one next week,
    # each only of what is new.
    reword(plan["drafts"][0].provisions.get(label="1"), "<p>Sovereignty reaffirmed.</p>")
    later = now + datetime.timedelta(seconds=5)
    assert digests.run(later).sent == 0
    tomorrow = now + datetime.timedelta(days=1)
    digests.run(tomorrow)
    assert [m.to[0] for m in outbox()[2:]] == ["daily@example.org"]
    assert "Sovereignty reaffirmed" in outbox()[2].body
    assert "700,000" not in outbox()[2].body
    next_week = now + datetime.timedelta(days=7)
    digests.run(next_week)
    assert [m.to[0] for m in outbox()[3:]] == ["weekly@example.org"]
    assert "Sovereignty reaffirmed" in outbox()[3].body
    assert "700,000" not in outbox()[3].body
    digests.run(next_week)
    assert len(outbox()) == 4


def test_a_crash_while_sending_loses_nothing_and_sends_nothing_twice(plan, now, settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.alerts.crashing_backend.EmailBackend"}}
    addresses = [f"reader{n}@example.org" for n in range(4)]
    for address in addresses:
        subscribe(address, "draft", plan["drafts"][0])
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Army capped at 700,000.</p>")

    crashing_backend.EmailBackend.sent_in_run = 0
    crashing_backend.CRASH_AT["n"] = 3
    try:
        with pytest.raises(RuntimeError):
            digests.run(now)
        # Two went out; the third was being sent; the fourth was never reached.
        assert [m.to[0] for m in outbox()] == addresses[:2]
        assert Digest.objects.filter(sent_at=None).count() == 2

        crashing_backend.CRASH_AT["n"] = 0
        result = digests.run(now + datetime.timedelta(minutes=5))
        assert (result.composed, result.sent) == (0, 2)
        assert sorted(m.to[0] for m in outbox()) == addresses
        assert digests.run(now + datetime.timedelta(minutes=10)).sent == 0
        assert len(outbox()) == 4
    finally:
        crashing_backend.CRASH_AT["n"] = 0


def test_a_crash_while_composing_loses_nothing_and_leaves_nothing_half_made(plan, now, monkeypatch):
    for n in range(3):
        subscribe(f"reader{n}@example.org", "process", plan["process"])
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Army capped at 700,000.</p>")
    real = DigestEntry.objects.bulk_create
    calls = {"n": 0}

    def dies_on_the_second(objs, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("the process died while composing")
        return real(objs, *args, **kwargs)

    monkeypatch.setattr(DigestEntry.objects, "bulk_create", dies_on_the_second)
    with pytest.raises(RuntimeError):
        digests.run(now)
    # The first digest is whole; the second left no digest without its entries.
    assert Digest.objects.count() == 1
    assert DigestEntry.objects.count() == 1
    assert outbox() == []
    monkeypatch.undo()

    digests.run(now + datetime.timedelta(minutes=1))
    assert sorted(m.to[0] for m in outbox()) == [f"reader{n}@example.org" for n in range(3)]
    assert all("700,000" in m.body for m in outbox())


def test_a_mail_server_that_refuses_leaves_the_digest_for_the_next_run(plan, now, settings):
    subscribe("reader@example.org", "draft", plan["drafts"][0])
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Army capped at 700,000.</p>")
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    with pytest.raises(Exception, match="could not be sent; they stay queued"):
        call_command("send_alert_digests", stdout=io.StringIO())
    assert Digest.objects.get().sent_at is None
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert digests.run(now).sent == 1
    assert len(outbox()) == 1


def test_changes_before_confirmation_and_to_other_objects_are_not_told(plan, now):
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Before confirmation.</p>")
    subscribe("reader@example.org", "draft", plan["drafts"][1], at=timezone.now())
    reword(plan["drafts"][0].provisions.get(label="1"), "<p>Other draft.</p>")
    digests.run(now)
    assert outbox() == []


def test_a_party_digest_tells_its_positions_and_drafts(plan, now):
    from apps.positions.models import Position

    subscribe("reader@example.org", "party", plan["e3"])
    Position.objects.create(
        process=plan["process"],
        party=plan["e3"],
        stance="rejects",
        paraphrase="Rejects any cap on the army.",
        stated_on=datetime.date(2025, 11, 25),
    )
    reword(plan["drafts"][1].provisions.get(label="6"), "<p>Army capped at 850,000.</p>")
    Position.objects.create(
        process=plan["process"],
        party=plan["us"],
        stance="accepts",
        paraphrase="Another party's position.",
        stated_on=datetime.date(2025, 11, 25),
    )
    digests.run(now)
    [message] = outbox()
    assert "Rejects any cap on the army" in message.body
    assert "850,000" in message.body
    assert "Another party" not in message.body


def test_unsubscribed_addresses_get_nothing_and_are_gone(client, plan, now):
    subscription = subscribe("reader@example.org", "draft", plan["drafts"][0])
    reword(plan["drafts"][0].provisions.get(label="6"), "<p>Army capped at 700,000.</p>")
    digests.compose(now)
    url = reverse("alerts:unsubscribe", args=[subscription.unsubscribe_key])
    client.post(url)
    assert not Subscription.objects.exists() and not Digest.objects.exists()
    assert digests.run(now).sent == 0
    assert outbox() == []


def test_sending_takes_the_same_queries_whatever_the_number_of_changes(
    plan, now, django_assert_max_num_queries
):
    subscribe("reader@example.org", "process", plan["process"])
    army = plan["drafts"][0].provisions.get(label="6")
    reword(army, "<p>Army capped at 700,000.</p>")
    digests.compose(now)
    with django_assert_max_num_queries(40) as one:
        digests.send_pending(now)
    for n in range(6):
        reword(army, f"<p>Army capped at {n}00,000.</p>")
    tomorrow = now + datetime.timedelta(days=1)
    digests.compose(tomorrow)
    with django_assert_max_num_queries(len(one.captured_queries)):
        digests.send_pending(tomorrow)
    assert len(outbox()) == 2
