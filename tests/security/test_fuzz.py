"""Bad input: hundreds of odd requests over the public routes, and odd characters stored by
editors. Whatever comes in, the answer is never a 5xx."""

from __future__ import annotations

import itertools
import traceback
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse

from tests import factories as f
from tests.admin.forms import form_data

LONG = "a" * 5000

# Path segments: unicode, RTL and zero-width marks, emoji, NUL and broken percent-encodings,
# traversal, the comparison separator in odd places, very long strings, lookalikes.
SEGMENTS = [
    "",
    " ",
    "plan",
    "PLAN",
    "plan ",
    "pl%61n",
    "é",
    "ünïcödé",
    "\u202eevil",
    "plan\u200b",
    "😀",
    "🏳️‍🌈",
    "%00",
    "plan%00",
    "%ff",
    "%ff%fe",
    "%c0%af",
    "%e2%80%ae",
    "%ed%a0%80",
    "%",
    "%%",
    "%zz",
    "%2F",
    LONG,
    "plan" * 30,
    "..",
    "...",
    "....",
    "../../etc/passwd",
    "..%2f..%2fetc%2fpasswd",
    "%2e%2e",
    "plan...",
    "...plan",
    "plan...counter",
    "plan...counter...revision",
    "plan.....counter",
    "plan...plan",
    "plan...counter...revision...a...b...c...d",
    "...".join(["plan"] * 200),
    "plan...%00",
    "plan...😀",
    "plan..." + LONG,
    "null",
    "-1",
    "0",
    "9" * 40,
    "' OR 1=1--",
    '"><script>',
    "${jndi:ldap://x}",
    "a b",
    "a+b",
    "a;b",
    "\\",
    "con",
    "\t",
    "ｐｌａｎ",
    "İ",
    "A" * 16,
    "A" * 17,
]

# Query values for every parameter.
VALUES = [
    "",
    " ",
    "1",
    "0",
    "-1",
    "2",
    "true",
    "on",
    "first",
    "previous",
    "crimea",
    "territory",
    "e3",
    "united-states",
    "test-process",
    LONG,
    "é",
    "😀",
    "\u202e",
    "\x00",
    "%00",
    "9" * 5000,
    "1e9",
    "NaN",
    "inf",
    "1.5",
    "[]",
    "' OR '1'='1",
    "<script>",
    "../../etc/passwd",
    str(2**63),
    str(2**62),
    "-9223372036854775809",
    "١٢",
    "plan...counter",
]

NASTY = [LONG, "\x00", "%00", "9" * 5000, "😀", "\u202e", str(2**63), "-1", "0"]

PARAMS = {
    "/drafts/plan/": ["topic"],
    "/compare/": ["d"],
    "/compare/plan...counter/": ["topic", "changed", "party", "base"],
    "/changes/": ["process", "topic", "matter", "page"],
    "/changes/feed/": ["process", "topic", "matter", "page"],
    "/embed/compare/plan...counter/": ["topic", "changed", "party", "base"],
    "/oembed/": ["url", "format", "maxwidth", "maxheight"],
}

# Raw query strings, sent as they are: invalid percent-encodings and non-UTF-8 bytes
# (WSGI strings are latin-1, so "\xff" is the byte 0xff).
RAW_QUERIES = [
    "%ff%fe",
    "topic=%ff",
    "topic=\xff\xfe",
    "d=%ff&d=%fe",
    "d=plan&d=%c0%80",
    "page=%",
    "matter=%zz",
    "%",
    "&&&",
    "=",
    "==x",
    "topic",
    "process=%c0%80",
    "topic=%ed%a0%80",
    "page=%00",
    "matter=%00",
    "x=" + "%ff" * 2000,
    "a=1&" * 1500,
    "topic=crimea&topic=territory&topic=%ff",
    "changed=1&changed=0&changed=",
    "base=first&base=previous&base=%00",
]


def _paths(frozen: str, provision: str) -> list[str]:
    routes = [
        "/drafts/{}/",
        "/provisions/{}/",
        "/compare/{}/",
        "/s/{}/",
        "/compare/{}/freeze/",
    ]
    paths = [route.format(segment) for route in routes for segment in SEGMENTS]
    try:  # the positions feature's public pages, where installed
        reverse("positions:party", args=["x"])
        extra = ["/parties/{}/", "/matters/{}/", "/matters/1/positions/{}/"]
        paths += [route.format(segment) for route in extra for segment in SEGMENTS[::4]]
    except NoReverseMatch:
        pass
    paths += [
        "/",
        "//",
        "/drafts/",
        "/drafts",
        "/drafts/plan",
        "/drafts/plan//",
        "/drafts/plan/extra/",
        "/compare",
        "/compare//",
        "/compare/plan/counter/",
        "/s/",
        f"/s/{frozen}",
        f"/s/{frozen}/",
        f"/s/{frozen.upper()}/",
        f"/s/{frozen}/x/",
        f"/provisions/{provision}/",
        f"/provisions/{provision.upper()}/",
        "/changes",
        "/changes/feed",
        "/changes/feed/x/",
        "/healthz/",
        "/healthz",
        "/static/../peacetracker/settings.py",
        "/admin/../",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/" + "x/" * 500,
        "/" + LONG + "/",
        "/\u202e/",
        "/😀/",
        "/%00/",
        "/%ff/",
    ]
    return paths


def _requests(frozen: str, provision: str):
    """Every request of the corpus as (method, path, kwargs): deterministic, no randomness."""
    for path in _paths(frozen, provision):
        yield "get", path, {}
    for path, params in PARAMS.items():
        # Every value for the one-parameter routes; for the others, every other value plus
        # the nastiest ones (long, NUL, huge numbers, emoji, RTL).
        values = VALUES if len(params) <= 2 else [*VALUES[::2], *NASTY]
        for param, value in itertools.product(params, dict.fromkeys(values)):
            yield "get", path, {"data": {param: value}}
        for param in params:
            yield "get", path, {"data": {param: ["a", "b", "", "plan", "1"]}}
            yield "get", path, {"data": {param: VALUES}}
        yield "get", path, {"data": dict.fromkeys(params, "%ff"), "headers": {"HX-Request": "true"}}
        for raw in RAW_QUERIES:
            yield "get", path, {"QUERY_STRING": raw}
    for path in ["/drafts/plan/", "/compare/plan...counter/", "/changes/"]:
        for value in VALUES[::3]:
            key = "topic" if path != "/changes/" else "process"
            headers = {"HX-Request": "true", "HX-Current-URL": value[:200], "HX-Target": value[:50]}
            yield "get", path, {"data": {key: value}, "headers": headers}
        yield "get", path, {"headers": {"HX-Request": "true", "HX-History-Restore-Request": "true"}}
    get_views = [
        "/",
        "/drafts/plan/",
        f"/provisions/{provision}/",
        "/compare/",
        "/compare/plan...counter/",
        f"/s/{frozen}/",
        "/changes/",
        "/changes/feed/",
        "/healthz/",
    ]
    for path, method in itertools.product(
        get_views, ["head", "post", "put", "delete", "patch", "options", "trace"]
    ):
        yield method, path, {}
    freeze = "/compare/plan...counter/freeze/"
    for method in ["get", "head", "put", "delete", "patch", "options"]:
        yield method, freeze, {}
    bodies = [
        {},
        {"topic": "crimea"},
        {"topic": "%ff"},
        {"changed": "1", "base": "first"},
        {"party": "e3"},
        {"party": "united-states"},
        {"topic": LONG},
        {"base": ["first", "previous"]},
        {"changed": "\x00"},
    ]
    for body in bodies:
        yield "post", freeze, {"data": body}
    for segment in ["plan...revision", "revision...plan", "plan...nope", "%ff...plan", LONG]:
        yield "post", f"/compare/{segment}/freeze/", {}
    yield "post", freeze, {"data": "\xff\xfe garbage", "content_type": "application/octet-stream"}
    yield "post", freeze, {"data": "topic=%ff", "content_type": "application/x-www-form-urlencoded"}


def _send(client: Client, method: str, path: str, kwargs: dict):
    kwargs = dict(kwargs)
    headers = kwargs.pop("headers", {})
    extra = {}
    if "QUERY_STRING" in kwargs:
        extra["QUERY_STRING"] = kwargs.pop("QUERY_STRING")
    return getattr(client, method)(path, headers=headers, **kwargs, **extra)


def _describe(method: str, path: str, kwargs: dict) -> str:
    shown = repr(path if len(path) < 120 else path[:100] + f"…({len(path)} chars)")
    extra = {k: (repr(v)[:120]) for k, v in kwargs.items()}
    return f"{method.upper()} {shown} {extra if extra else ''}".strip()


@pytest.fixture
def frozen(plan):
    response = Client().post(reverse("compare:freeze", args=["plan...counter"]))
    assert response.status_code == 303
    return response["Location"].rstrip("/").rsplit("/", 1)[-1]


def test_corpus_is_large_and_deterministic(plan, frozen):
    key = plan["provisions"]["terr1"].key
    first = list(_requests(frozen, key))
    assert len(first) >= 500
    assert first == list(_requests(frozen, key))


def test_no_odd_request_gets_a_server_error(plan, frozen):
    client = Client()
    key = plan["provisions"]["terr1"].key
    errors = []
    statuses: dict[int, int] = {}
    for method, path, kwargs in _requests(frozen, key):
        try:
            response = _send(client, method, path, kwargs)
        except Exception as exc:  # noqa: BLE001 - the view raised: that is a 500
            tb = traceback.extract_tb(exc.__traceback__)
            app_frames = [fr for fr in tb if "/apps/" in fr.filename] or tb[-1:]
            where = f"{app_frames[-1].filename}:{app_frames[-1].lineno}"
            errors.append(
                f"{_describe(method, path, kwargs)}: {type(exc).__name__}: {exc} @ {where}"
            )
            continue
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            errors.append(f"{_describe(method, path, kwargs)}: status {response.status_code}")
    assert sum(statuses.values()) + len(errors) >= 500
    assert not errors, f"{len(errors)} requests failed:\n" + "\n".join(errors[:60])
    # The corpus exercises both success and refusal paths.
    assert statuses.get(200) and statuses.get(404) and statuses.get(400) and statuses.get(405)


# --- odd characters stored by editors -----------------------------------------------------

ODD_TEXT = {
    "vertical-tab": "Point\x0b12",
    "escape": "Point\x1b[31m12",
    "rtl-override": "Point \u202e21 tnioP",
    "emoji": "Point 😀🏳️‍🌈",
    "lone-combining": "\u0301Point",
    "long": "Point " + "x" * 240,
}


@pytest.mark.parametrize("kind", list(ODD_TEXT), ids=list(ODD_TEXT))
def test_odd_characters_typed_by_an_editor_break_no_public_page(plan, frozen, kind):
    """An editor saves a provision heading and body through the admin with odd characters;
    every public page (the Atom feed included) must still answer without a 5xx."""
    text = ODD_TEXT[kind]
    editor = Client()
    editor.force_login(f.make_user("edna", group="Editors"))
    provision = plan["provisions"]["terr1"]
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = form_data(editor.get(url))
    data["heading"] = text[:250]
    data["body"] = f"<p>{text}</p>"
    response = editor.post(url, data)
    assert response.status_code == 302, "the admin accepted the text"
    provision.refresh_from_db()
    assert provision.heading == text[:250]

    visitor = Client()
    pages = [
        "/",
        "/drafts/plan/",
        f"/provisions/{provision.key}/",
        "/compare/plan...counter/",
        f"/s/{frozen}/",
        "/changes/",
        "/changes/feed/",
        "/changes/feed/?topic=crimea",
    ]
    failures = []
    for page in pages:
        try:
            status = visitor.get(page).status_code
        except Exception as exc:  # noqa: BLE001 - the view raised: that is a 500
            failures.append(f"{page}: {type(exc).__name__}: {exc}")
            continue
        if status >= 500:
            failures.append(f"{page}: status {status}")
    frozen_now = visitor.post(reverse("compare:freeze", args=["plan...counter"]))
    if frozen_now.status_code != 303:
        failures.append(f"freeze: status {frozen_now.status_code}")
    assert not failures, f"heading {text!r}:\n" + "\n".join(failures)


@pytest.mark.parametrize("host", ["evil.example", "x" * 300, "a b"])
def test_a_disallowed_host_header_gets_400_not_500(plan, host):
    """A Host header outside ALLOWED_HOSTS is a client error (400), on every page (the health
    check answers any host: tests/deploy/test_proxies_and_hosts.py)."""
    client = Client(raise_request_exception=False)
    statuses = {
        path: client.get(path, HTTP_HOST=host).status_code
        for path in ["/", "/drafts/plan/", "/compare/plan...counter/", "/changes/"]
    }
    assert set(statuses.values()) == {400}, statuses


def test_quoted_paths_round_trip(plan):
    """Sanity check of the client: quoted unicode paths reach the router."""
    client = Client()
    assert client.get("/drafts/" + quote("plan") + "/").status_code == 200
    assert client.get("/drafts/" + quote("é") + "/").status_code == 404
