"""The whole round trip through a real SMTP server (aiosmtpd on a loopback port)."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from apps.alerts.models import Digest, Subscription

from .conftest import SITE_URL, html_of, links, parse, path_of, subscribe, text_of


def test_follow_confirm_digest_and_one_click_unsubscribe_over_smtp(smtp_server, plan):
    client = Client()
    matter = plan["matters"][1]
    response = client.post(
        reverse("alerts:follow", args=["matter", matter.pk]),
        {"email": "analyst@example.org", "frequency": "weekly"},
    )
    assert response.status_code == 302

    # The confirmation, as the server received it.
    [(recipients, raw)] = smtp_server.received
    assert recipients == ["analyst@example.org"]
    confirmation = parse(raw)
    assert confirmation["Subject"] == "Confirm: follow matter A10 Army size on PeaceTracker"
    assert confirmation["List-Unsubscribe"] is None  # nothing to unsubscribe from yet
    [confirm_url] = [u for u in links(text_of(confirmation)) if "/alerts/confirm/" in u]
    assert confirm_url in html_of(confirmation)
    assert client.post(path_of(confirm_url)).status_code == 302
    assert Subscription.objects.get().frequency == "weekly"

    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 850,000 in peacetime.</p>"
    army.save()
    out = io.StringIO()
    call_command("send_alert_digests", stdout=out)
    assert "composed: 1, sent: 1" in out.getvalue()
    call_command("send_alert_digests", stdout=out)  # again: nothing twice
    assert len(smtp_server.received) == 2

    recipients, raw = smtp_server.received[1]
    assert recipients == ["analyst@example.org"]
    digest = parse(raw)
    assert digest["Subject"] == "PeaceTracker: 1 change to matter A10 Army size"
    assert "Army capped at 800,000 in peacetime. -> Army capped at 850,000 in peacetime." in (
        text_of(digest)
    )
    key = Subscription.objects.get().unsubscribe_key
    unsubscribe_url = f"{SITE_URL}/alerts/u/{key}/"
    # The header holds the URL as such (folded onto its own line at most, never encoded).
    assert f"List-Unsubscribe:\r\n <{unsubscribe_url}>\r\n".encode() in raw or (
        f"List-Unsubscribe: <{unsubscribe_url}>\r\n".encode() in raw
    )
    assert b"List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" in raw
    assert b"=?utf-8?" not in raw.split(b"\r\n\r\n", 1)[0]
    assert (
        digest["Message-ID"]
        == f"<digest-{Digest.objects.get().pk}-" + (digest["Message-ID"].split("-", 2)[2])
    )

    # What a mail client does for one-click unsubscribe: POST the body, no cookies.
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        path_of(unsubscribe_url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_a_digest_waits_while_the_smtp_server_is_down_then_goes_once(smtp_server, plan, settings):
    subscribe("analyst@example.org", "draft", plan["drafts"][0])
    provision = plan["provisions"]["terr1"]
    provision.body = "<p>Crimea: status left open.</p>"
    provision.save()
    working = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": smtp_server.port + 1, "timeout": 2},
        }
    }
    out = io.StringIO()
    with pytest.raises(CommandError, match="stay queued"):
        call_command("send_alert_digests", stdout=out)
    assert smtp_server.received == []
    settings.MAILERS = working
    call_command("send_alert_digests", stdout=out)
    call_command("send_alert_digests", stdout=out)
    assert len(smtp_server.received) == 1
    assert "Crimea: status left open." in text_of(parse(smtp_server.received[0][1]))
