"""The security suite's XSS world, searched: highlighted snippets of stored vectors stay inert.

Every editor-writable text field of tests/security/xss_world.py holds known vectors with
markers; searching for the markers (and for words the vectors share) puts those vectors in
snippets with <mark> around the matches, which is where a careless highlighter would
turn escaped text back into markup.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.security import xss_world
from tests.security.audit import MARKER_RE, audit_html, raw_payload_leaks
from tests.security.conftest import module_db  # noqa: F401
from tests.security.xss_corpus import MARKERS, PAYLOADS

# What the search page adds to the tags and attributes the security audit knows.
SEARCH_TAGS = {"mark", "optgroup"}
SEARCH_ATTRIBUTES = {
    "autocomplete",
    "spellcheck",
    "placeholder",
    "aria-describedby",
    "aria-current",
    "start",
    "label",
    "hx-history",
}
OWN_SEARCH_LINK = re.compile(
    r"marker inside attribute 'href': <(?:a|link rel='canonical') href='"
    r"(?:http://testserver)?/search/\?[\w%+=&.-]*'"
)
SEARCHED = [
    ("Provision", "label"),
    ("Provision", "heading"),
    ("Citation", "excerpt"),
    ("Citation", "locator"),
    ("Citation", "note"),
    ("Source", "outlet"),
    ("Source", "headline"),
    ("Source", "author"),
    ("Source", "note"),
]
WORDS = ["script", "alert", "onerror", "img", "javascript", "svg", "iframe", "src", "href"]


@pytest.fixture(scope="module")
def world(module_db):  # noqa: F811
    return xss_world.build()


def _findings(html: str) -> list[str]:
    problems = []
    for problem in audit_html(html):
        tag = re.match(r"unexpected tag <(\w+)[ >]", problem)
        attribute = re.match(r"unexpected attribute '([\w-]+)'", problem)
        if tag and tag.group(1) in SEARCH_TAGS:
            continue
        if attribute and attribute.group(1) in SEARCH_ATTRIBUTES:
            continue
        # An <optgroup>'s label is shown as text, like a title: escaped names may be there.
        if problem.startswith("marker inside attribute 'label': <optgroup "):
            continue
        # The query itself, URL-encoded, in links to this same search (pages, kinds).
        if OWN_SEARCH_LINK.match(problem):
            continue
        problems.append(problem)
    return problems


def _check(client: Client, params: dict, plain: list[str], findings: list[str]) -> str:
    url = f"/search/?{urlencode(params)}"
    html = ""
    for headers in ({}, {"HX-Request": "true"}):
        response = client.get(url, headers=headers)
        label = url + (" [htmx]" if headers else "")
        if response.status_code != 200:
            findings.append(f"{label}: status {response.status_code}")
            continue
        html = response.content.decode()
        findings += [f"{label}: {p}" for p in dict.fromkeys(_findings(html))]
        findings += [f"{label}: payload unescaped: {p!r}" for p in raw_payload_leaks(html, plain)]
        if html.count("<mark>") != html.count("</mark>"):
            findings.append(f"{label}: unbalanced <mark>")
    return html


def test_searching_stored_vectors_keeps_them_inert(world, db):
    client, plain, findings = Client(), world.plain_payloads(), []
    expected = {m for m in MARKERS for key in SEARCHED for p in world.stored.get(key, []) if m in p}
    found = set()
    for marker in MARKERS:
        html = _check(client, {"q": marker}, plain, findings)
        if re.search(rf"<mark>[^<]*{marker}", html):
            found.add(marker)
    for word in WORDS:
        for page in (1, 2):
            _check(client, {"q": word, "page": page}, plain, findings)
        for kind in ("provision", "citation", "source"):
            _check(client, {"q": word, "kind": kind}, plain, findings)
    assert not findings, f"{len(findings)} findings:\n" + "\n".join(findings[:60])
    # Most markers stored in searched text are found and highlighted: the test proves
    # something. (PostgreSQL's parser reads some payloads as one URL or path token.)
    assert len(found & expected) >= len(expected) * 0.8, sorted(expected - found)


def test_vectors_typed_as_queries_stay_inert(world, db):
    client, findings = Client(), []
    for payload in PAYLOADS:
        html = _check(client, {"q": payload}, PAYLOADS, findings)
        if MARKER_RE.search(payload) and html:
            assert MARKER_RE.search(html), payload
    assert not findings, f"{len(findings)} findings:\n" + "\n".join(findings[:60])
