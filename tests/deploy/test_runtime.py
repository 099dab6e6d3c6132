"""What production serving relies on: health check, security headers, CSP, logs."""

from __future__ import annotations

import json
import logging
from unittest import mock

from django.db import connection

from apps.core.logs import JsonFormatter


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_fails(client, db):
    def broken(*args, **kwargs):
        raise connection.Database.OperationalError("server closed the connection")

    with mock.patch.object(connection, "cursor", broken):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_pages_carry_csp_without_inline_script_or_style(client, plan):
    response = client.get("/compare/plan...counter/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self' 'nonce-" in csp
    assert "style-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    html = response.content.decode()
    assert "<style" not in html and " style=" not in html
    nonce = csp.split("'nonce-")[1].split("'")[0]
    for tag in html.split("<script")[1:]:
        head = tag.split(">")[0]
        assert "src=" in head, "inline scripts are not allowed"
    assert f'nonce="{nonce}"' in html  # htmx is loaded with the page's nonce
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_logs_are_one_json_object_per_line():
    record = logging.LogRecord(
        "django.request", logging.ERROR, __file__, 1, "Boom %s", ("x",), None
    )
    line = JsonFormatter().format(record)
    assert "\n" not in line
    assert json.loads(line) | {"time": "t"} == {
        "time": "t",
        "level": "ERROR",
        "logger": "django.request",
        "message": "Boom x",
    }
