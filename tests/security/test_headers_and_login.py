"""Security headers on every response, a sign-in that always lands somewhere real, and a
sign-in lockout that a stranger cannot use against an editor."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client

from tests import factories as f

LOGIN = "/admin/login/"


@pytest.mark.parametrize("url", ["/", "/admin/login/", "/static/pictures/print.css", "/nowhere/"])
def test_every_response_carries_permissions_policy_and_corp(db, url):
    response = Client().get(url)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]
)
def test_a_sign_in_with_an_unsafe_next_lands_on_the_admin(db, next_url):
    f.make_user("edna", group="Editors")  # password "pw"
    client = Client()
    response = client.post(LOGIN, {"username": "edna", "password": "pw", "next": next_url})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(response["Location"]).status_code == 200


def _fail(client, username, times):
    for attempt in range(times):
        client.post(LOGIN, {"username": username, "password": f"wrong-{attempt}"})


def test_a_stranger_cannot_lock_an_editor_out(db):
    f.make_user("edna", group="Editors")  # password "pw"
    stranger = Client(REMOTE_ADDR="203.0.113.9")
    _fail(stranger, "edna", settings.LOGIN_FAILURE_LIMIT + 2)
    assert stranger.post(LOGIN, {"username": "edna", "password": "pw"}).status_code == 429
    # The editor, from their own client, signs in.
    own = Client(REMOTE_ADDR="198.51.100.7")
    response = own.post(LOGIN, {"username": "edna", "password": "pw", "next": "/admin/"})
    assert response.status_code == 302
    assert "_auth_user_id" in own.session


def test_the_lockout_does_not_reveal_whether_a_name_exists(db):
    f.make_user("edna", group="Editors")
    answers = {}
    for name in ("edna", "nobody-by-this-name"):
        client = Client(REMOTE_ADDR="203.0.113.9")
        _fail(client, name, settings.LOGIN_FAILURE_LIMIT)
        response = client.post(LOGIN, {"username": name, "password": "x"})
        answers[name] = (
            response.status_code,
            response["Retry-After"],
            re.search(r"<main.*</main>", response.content.decode(), re.S).group(0),
        )
    assert answers["edna"] == answers["nobody-by-this-name"]
    assert answers["edna"][0] == 429


@pytest.mark.parametrize(
    "path", ["/static/../peacetracker/settings.py", "/static/%2e%2e/peacetracker/settings.py"]
)
def test_the_development_server_answers_404_to_a_path_out_of_static(db, path, settings):
    """`manage.py runserver`'s own handler, as a browser reaches it."""
    from wsgiref.util import setup_testing_defaults

    from django.core.management import get_commands, load_command_class

    settings.DEBUG = True
    command = load_command_class(get_commands()["runserver"], "runserver")
    options = vars(command.create_parser("manage.py", "runserver").parse_args([]))
    handler = command.get_handler(**options)
    environ = {"PATH_INFO": path, "HTTP_HOST": "127.0.0.1", "REQUEST_METHOD": "GET"}
    setup_testing_defaults(environ)
    statuses = []
    body = b"".join(handler(environ, lambda status, headers: statuses.append(status)))
    assert statuses[0].startswith("404"), statuses
    assert b"SECRET_KEY" not in body


def test_the_pause_is_for_the_name_tried_not_for_every_name_from_that_client(db):
    f.make_user("edna", group="Editors")  # password "pw"
    client = Client(REMOTE_ADDR="203.0.113.9")
    _fail(client, "frank", settings.LOGIN_FAILURE_LIMIT + 1)
    assert client.post(LOGIN, {"username": "frank", "password": "x"}).status_code == 429
    # Spelled otherwise, it is the same name: still paused.
    assert client.post(LOGIN, {"username": " FRANK", "password": "x"}).status_code == 429
    response = client.post(LOGIN, {"username": "edna", "password": "pw", "next": "/admin/"})
    assert response.status_code == 302
