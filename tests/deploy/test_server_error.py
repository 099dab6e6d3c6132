"""Under production settings a server error is a page that says what happened and shows
the request id that the error's log line carries."""

from __future__ import annotations

import json
import logging
import re

import pytest
from django.test import Client, override_settings

from apps.core.logs import JsonFormatter


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="tests.deploy.boom_urls", DEBUG=False)
def test_a_500_page_shows_the_request_id_the_log_carries(caplog):
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        response = client.get("/boom/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "nothing you sent was saved" in page
    assert "a bug the reader should not see" not in page  # no traceback for the reader
    shown = re.search(r'<strong class="request-id">([0-9a-f]{16})</strong>', page)
    assert shown, page
    assert response["X-Request-ID"] == shown.group(1)
    [record] = [r for r in caplog.records if r.name == "django.request"]
    logged = json.loads(JsonFormatter().format(record))
    assert logged["request_id"] == shown.group(1)
    assert logged["status"] == 500
    assert "RuntimeError" in logged["exception"]


def test_each_request_gets_its_own_id(db):
    client = Client()
    first, second = client.get("/healthz/"), client.get("/healthz/")
    assert first["X-Request-ID"] != second["X-Request-ID"]
