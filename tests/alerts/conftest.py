"""Alerts fixtures: a confirmed subscription maker, a real local SMTP server, mail parsing."""

from __future__ import annotations

import email
import email.policy
import re
import socket

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from apps.alerts.models import Subscription

SITE_URL = "https://alerts.example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE_URL


def subscribe(email_address: str, kind: str, obj, frequency: str = "daily", at=None):
    return Subscription.objects.create(
        email=email_address,
        kind=kind,
        object_id=obj.pk,
        frequency=frequency,
        confirmed_at=at or timezone.now(),
    )


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def as_received(message) -> email.message.EmailMessage:
    """A locmem outbox message as the recipient's client would parse it."""
    return parse(message.message().as_bytes())


def text_of(msg: email.message.EmailMessage) -> str:
    return msg.get_body(preferencelist=("plain",)).get_content()


def html_of(msg: email.message.EmailMessage) -> str:
    return msg.get_body(preferencelist=("html",)).get_content()


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", text)


def path_of(url: str) -> str:
    assert url.startswith(SITE_URL + "/"), url
    return url[len(SITE_URL) :]


def outbox() -> list:
    return django_mail.outbox


class _Collect:
    def __init__(self) -> None:
        self.received: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.received.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a loopback port (aiosmtpd), and the default mailer pointed at
    it. Yields the handler: `.received` is a list of (recipients, raw message bytes)."""
    controller_module = pytest.importorskip("aiosmtpd.controller")
    handler = _Collect()
    port = _free_port()
    controller = controller_module.Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 10},
        }
    }
    handler.port = port
    try:
        yield handler
    finally:
        controller.stop()
