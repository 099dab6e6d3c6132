"""Behind a reverse proxy: who the client is, which host and port links name, HTTPS."""

from __future__ import annotations

import logging
import re

import pytest
from django.test import Client, RequestFactory

from apps.core.proxies import client_address

HOST = "peacetracker.example.org"
PROXY = "10.0.0.2"
COMPARE = "/compare/plan...counter/"


@pytest.fixture
def production_hosts(settings):
    settings.ALLOWED_HOSTS = [HOST]


def _address(remote: str, forwarded: str | None = None) -> str:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(RequestFactory().get("/", REMOTE_ADDR=remote, **extra))


# --- client address ----------------------------------------------------------------------


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert _address("198.51.100.7", "203.0.113.5") == "198.51.100.7"


def test_behind_a_trusted_proxy_the_client_is_the_right_most_untrusted_address(settings):
    settings.TRUSTED_PROXIES = [PROXY, "10.1.0.0/16"]
    # The left-most entries come from the client and can be anything.
    assert _address(PROXY, "203.0.113.5, 198.51.100.7") == "198.51.100.7"
    # Another trusted proxy in the chain is skipped, whatever the client forged before it.
    assert _address(PROXY, "forged, 198.51.100.7, 10.1.4.4") == "198.51.100.7"
    # Only proxies add nothing: the proxy itself is the client.
    assert _address(PROXY, "") == PROXY
    assert _address(PROXY, "10.1.4.4") == PROXY
    # A peer that is not a trusted proxy cannot speak for anyone else.
    assert _address("10.0.0.3", "198.51.100.7") == "10.0.0.3"


def test_invalid_trusted_proxies_stop_start_up_with_a_clear_error(monkeypatch):
    from tests.deploy.test_deploy_config import PROD_ENV, _manage

    result = _manage("check", env=PROD_ENV | {"TRUSTED_PROXIES": "10.0.0.2, nginx"})
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: 'nginx' is not an IP address or network" in result.stderr


def _freeze(client: Client, spec: str) -> int:
    return client.post(f"/compare/{spec}/freeze/").status_code


def test_clients_behind_the_proxy_each_get_their_own_link_allowance(plan, settings):
    settings.TRUSTED_PROXIES = [PROXY]
    settings.FREEZE_RATE_LIMIT = 1
    alice = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    bob = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert _freeze(alice, "plan...counter") == 303
    assert _freeze(alice, "plan...revision") == 429
    # Alice cannot get a fresh allowance by forging the header the proxy appends to.
    forged = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.1, 198.51.100.7")
    assert _freeze(forged, "plan...revision") == 429
    assert _freeze(bob, "plan...revision") == 303


def _fail_sign_in(client: Client, attempts: int) -> list[int]:
    return [
        client.post("/admin/login/", {"username": "edna", "password": f"wrong-{n}"}).status_code
        for n in range(attempts)
    ]


def test_a_strangers_failed_sign_ins_do_not_pause_an_editor_behind_the_proxy(db, settings):
    from tests import factories as f

    f.make_user("edna", group="Editors")
    settings.TRUSTED_PROXIES = [PROXY]
    stranger = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    editor = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert _fail_sign_in(stranger, settings.LOGIN_FAILURE_LIMIT + 1)[-1] == 429
    response = editor.post("/admin/login/", {"username": "edna", "password": "pw"})
    assert response.status_code == 302
    assert "_auth_user_id" in editor.session


# --- HTTPS -------------------------------------------------------------------------------


def test_a_forged_x_forwarded_proto_from_a_direct_client_is_not_https(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = []
    response = Client().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


def test_x_forwarded_proto_from_the_trusted_proxy_is_https(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    response = Client().get("/", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert "Strict-Transport-Security" in response


# --- Host header -------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1:8000", "203.0.113.9"])
@pytest.mark.parametrize("path", ["/", "/admin/", COMPARE, "/api/v1/drafts/"])
def test_a_foreign_host_gets_a_plain_400_logged_as_a_warning(
    plan, production_hosts, caplog, host, path
):
    caplog.set_level(logging.INFO)
    response = Client().get(path, HTTP_HOST=host)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert host not in response.content.decode()
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    [warning] = [r for r in caplog.records if r.name == "django.security.DisallowedHost"]
    assert warning.levelno == logging.WARNING


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "evil.example", HOST])
def test_health_check_answers_whatever_the_host(db, production_hosts, host):
    response = Client().get("/healthz/", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def _links(html: str) -> set[str]:
    found = re.findall(r'(?:rel="canonical" href|property="og:url" content)="([^"]+)"', html)
    found += re.findall(r'id="share-url"[^>]* value="([^"]+)"', html)
    return set(found)


def test_links_never_carry_a_port_the_client_made_up(plan, production_hosts):
    client = Client(HTTP_HOST=f"{HOST}:8443")
    links = _links(client.get(COMPARE).content.decode())
    assert links == {f"http://{HOST}{COMPARE}"}
    api = client.get("/api/v1/drafts/").json()
    urls = [d["api_url"] for d in api["results"]] + [d["web_url"] for d in api["results"]]
    assert urls and all(u.startswith(f"http://{HOST}/") for u in urls), urls


def test_links_keep_the_port_the_trusted_proxy_received_the_request_on(
    plan, production_hosts, settings
):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    client = Client(HTTP_HOST=f"{HOST}:8443", HTTP_X_FORWARDED_PORT="8443")
    links = _links(client.get(COMPARE).content.decode())
    assert links == {f"http://{HOST}:8443{COMPARE}"}
    # The same header from a client that talks to the app directly counts for nothing.
    settings.TRUSTED_PROXIES = []
    direct = Client(HTTP_HOST=f"{HOST}:8443", HTTP_X_FORWARDED_PORT="8443")
    assert _links(direct.get(COMPARE).content.decode()) == {f"http://{HOST}{COMPARE}"}
