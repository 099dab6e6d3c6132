"""XSS: the sanitiser on its own, then every public page and the feed with vectors stored in
every editor-writable text field, then request input reflected in error pages."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from apps.alignment.models import Matter
from apps.core.html import sanitize_html

from . import xss_world
from .audit import MARKER_RE, audit_atom, audit_html, raw_payload_leaks, url_scheme
from .xss_corpus import MARKERS, PAYLOADS, VECTORS, has_control_chars

ALLOWED_TAGS = {"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"}
ALLOWED_ATTRS = {"a": {"href", "title", "rel"}}


def test_corpus_is_large_and_markers_are_unique():
    assert len(VECTORS) >= 60
    assert len(set(MARKERS)) == len(MARKERS)
    assert all(marker in payload for marker, payload in VECTORS)
    assert all("\x00" not in p for p in PAYLOADS)  # PostgreSQL cannot store NUL


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def handle_comment(self, data):
        self.other.append(f"comment {data!r}")

    def handle_pi(self, data):
        self.other.append(f"processing instruction {data!r}")

    def unknown_decl(self, data):
        self.other.append(f"declaration {data!r}")

    def handle_decl(self, decl):
        self.other.append(f"doctype {decl!r}")


@pytest.mark.parametrize(("marker", "payload"), VECTORS, ids=MARKERS)
def test_sanitizer_leaves_only_the_allow_list(marker, payload):
    clean = sanitize_html(payload)
    parser = _Collect()
    parser.feed(clean)
    parser.close()
    assert parser.other == [], clean
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, clean
        names = {name for name, _ in attrs}
        assert names <= ALLOWED_ATTRS.get(tag, set()), clean
        for name, value in attrs:
            assert not name.startswith(("on", "hx-", "data-")), clean
            if name == "href":
                # No scheme means a relative link: the sanitiser keeps those, and a
                # neutralised payload may survive as inert text such as "&#0;javascript:".
                scheme = url_scheme(value or "")
                assert scheme in {None, "http", "https", "mailto"}, clean
                if scheme is not None:
                    assert marker not in (value or ""), clean
            if name == "rel":
                assert value == "noopener nofollow", clean
    assert sanitize_html(clean) == clean, "sanitising twice changes the result"


# --- stored vectors on every public page --------------------------------------------------


@pytest.fixture(scope="module")
def shared_world(module_db):
    return xss_world.build()


@pytest.fixture
def world(shared_world, db):
    return shared_world


def _html(response) -> str:
    return response.content.decode()


class Pages:
    """GET pages and collect findings instead of stopping at the first."""

    def __init__(self, plain_payloads: list[str]):
        self.client = Client()
        self.plain = plain_payloads
        self.findings: list[str] = []
        self.seen = 0

    def check(self, url: str, *, htmx: bool = False, expect: int = 200, response=None) -> str:
        headers = {"HX-Request": "true"} if htmx else {}
        if response is None:
            response = self.client.get(url, headers=headers)
        self.seen += 1
        label = f"{url}{' [htmx]' if htmx else ''}"
        if response.status_code != expect:
            self.findings.append(f"{label}: status {response.status_code}, expected {expect}")
            return ""
        html = _html(response)
        for problem in dict.fromkeys(audit_html(html)):
            self.findings.append(f"{label}: {problem}")
        for payload in raw_payload_leaks(html, self.plain):
            self.findings.append(f"{label}: plain-text payload rendered unescaped: {payload!r}")
        if settings.SECRET_KEY in html:
            self.findings.append(f"{label}: SECRET_KEY rendered")
        return html

    def assert_clean(self):
        assert not self.findings, f"{len(self.findings)} findings:\n" + "\n".join(
            self.findings[:80]
        )


def test_world_spreads_vectors_over_every_field():
    planned = xss_world.plan_plain()
    stored = {key: [p for slot in slots for p in slot] for key, slots in planned.items()}
    for key, payloads in stored.items():
        assert len(payloads) >= xss_world.MIN_PER_FIELD, key
    # Every vector goes through the three HTML fields and through a plain-text column too
    # (control characters excepted: see xss_corpus.has_control_chars).
    assert {p for ps in stored.values() for p in ps} == {
        p for p in PAYLOADS if not has_control_chars(p)
    }
    assert len(xss_world.HTML_FIELDS) == 3


def test_stored_vectors_stay_inert_on_every_public_page(world):
    pages = Pages(world.plain_payloads())
    pages.check("/")
    pages.check(reverse("compare:pick"))
    for draft in world.drafts:
        url = draft.get_absolute_url()
        html = pages.check(url)
        assert MARKER_RE.search(html), f"{url} shows no vector: the test would prove nothing"
        pages.check(url, htmx=True)
    for draft in world.main_drafts:
        for topic in world.topics:
            url = f"{draft.get_absolute_url()}?topic={topic.code}"
            pages.check(url)
            pages.check(url, htmx=True)
    for provision in world.provisions:
        url = reverse("drafts:provision", args=[provision.key])
        pages.check(url)
        pages.check(url, htmx=True)
    pages.assert_clean()


def _spec(drafts) -> str:
    return "...".join(d.slug for d in drafts)


def test_stored_vectors_stay_inert_in_comparisons_and_frozen_links(world):
    pages = Pages(world.plain_payloads())
    spec = _spec(world.main_drafts)
    base = reverse("compare:compare", args=[spec])
    queries = [
        "",
        "changed=1",
        "base=first",
        f"party={world.parties[0].slug}",
        *(f"topic={t.code}" for t in world.topics),
        f"topic={world.topics[0].code}&changed=1&party={world.parties[1].slug}&base=first",
    ]
    for query in queries:
        url = f"{base}?{query}" if query else base
        html = pages.check(url)
        assert not query or MARKER_RE.search(html), url
        pages.check(url, htmx=True)
    for a, b in zip(world.main_drafts, world.main_drafts[1:], strict=False):
        pages.check(reverse("compare:compare", args=[_spec([a, b])]))

    frozen_urls = []
    for query in queries[:4]:
        data = dict(part.split("=", 1) for part in query.split("&")) if query else {}
        response = pages.client.post(reverse("compare:freeze", args=[spec]), data)
        assert response.status_code == 303, (query, response.status_code)
        frozen_urls.append(response["Location"])
    assert len(set(frozen_urls)) == len(frozen_urls)
    for url in frozen_urls:
        html = pages.check(url)
        assert MARKER_RE.search(html), url
    # A frozen link whose live view has since changed lists the changed rows by name.
    matter = Matter.objects.get(pk=world.matters[0].pk)
    matter.title = world.matters[1].title[:180] + " (edited)"
    matter.save()
    for url in frozen_urls:
        pages.check(url)
    assert pages.seen > 25
    pages.assert_clean()


def test_stored_vectors_stay_inert_on_the_changes_page_and_feed(world):
    pages = Pages(world.plain_payloads())
    html = pages.check(reverse("history:changes"))
    assert MARKER_RE.search(html)
    page = 2
    while f"page={page}" in html:
        html = pages.check(f"{reverse('history:changes')}?page={page}")
        page += 1
    assert page > 2, "expected several pages of changes"
    filters = [
        *(f"process={p.slug}" for p in world.processes),
        *(f"topic={t.code}" for t in world.topics),
        *(f"matter={m.pk}" for m in world.matters),
        f"process={world.processes[0].slug}&topic={world.topics[2].code}"
        f"&matter={world.matters[2].pk}",
    ]
    for query in filters:
        pages.check(f"{reverse('history:changes')}?{query}")
    pages.assert_clean()

    # The Atom feed, with the same filters: well-formed XML, HTML content escaped.
    client = Client()
    findings = []
    feed = reverse("history:feed")
    queries = [
        "",
        *(f"process={p.slug}" for p in world.processes),
        *(f"topic={t.code}" for t in world.topics),
        *(f"matter={m.pk}" for m in world.matters),
    ]
    shown = 0
    for query in queries:
        url = f"{feed}?{query}" if query else feed
        response = client.get(url)
        if response.status_code != 200:
            findings.append(f"{url}: status {response.status_code}")
            continue
        assert response["Content-Type"].startswith("application/atom+xml"), url
        shown += len(MARKER_RE.findall(response.content.decode()))
        findings += [f"{url}: {p}" for p in audit_atom(response.content)]
    assert not findings, "\n".join(findings[:80])
    assert shown, "the feed shows no vector: the test would prove nothing"


# --- request input reflected in pages ---------------------------------------------------


def test_vectors_in_the_address_are_never_reflected_as_markup(plan):
    pages = Pages(list(PAYLOADS))
    draft_url = reverse("drafts:draft", args=["plan"])
    compare_url = reverse("compare:compare", args=["plan...counter"])
    for index, payload in enumerate(PAYLOADS):
        q = quote(payload, safe="")
        pages.check(f"{draft_url}?topic={q}", expect=400)
        if index % 2 == 0:
            pages.check(f"{reverse('compare:pick')}?d=plan&d={q}", expect=400)
        if index % 4 == 0:
            pages.check(f"{draft_url}?topic={q}", htmx=True, expect=400)
            pages.check(f"{compare_url}?topic={q}&party={q}&base={q}&changed={q}", expect=400)
            pages.check(f"{reverse('history:changes')}?process={q}&topic={q}", expect=400)
        if index % 4 == 1 and "/" not in payload:
            response = pages.client.get(f"/compare/{q}...plan/")
            pages.check(f"/compare/{q}...plan/", expect=response.status_code, response=response)
            pages.check(f"/drafts/{q}/", expect=pages.client.get(f"/drafts/{q}/").status_code)
    pages.assert_clean()


# --- the checks themselves ----------------------------------------------------------------

_PAGE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>t</title>'
    '<script src="/static/peacetracker/site.js" defer></script></head><body>{}</body></html>'
)


@pytest.mark.parametrize(
    "snippet",
    [
        "<script>alert('XSS001')</script>",
        '<script src="https://evil.example/x.js"></script>',
        "<img src=x onerror=alert(1)>",
        '<p onclick="x">a</p>',
        '<a href="javascript:alert(1)">a</a>',
        '<a href=" JaVa&#x09;ScRiPt:alert(1)">a</a>',
        '<a href="vbscript:x">a</a>',
        '<a href="data:text/html,x">a</a>',
        '<form action="javascript:x"></form>',
        "<iframe srcdoc='x'></iframe>",
        "<svg></svg>",
        "<math></math>",
        '<base href="https://evil.example/">',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<div hx-get="/admin/XSS001" hx-trigger="load"></div>',
        '<div hx-on:click="alert(1)"></div>',
        '<div data-hx-get="/x"></div>',
        '<p class="x" title="ok" xss002="1">a</p>',
        '<p style="color:red">a</p>',
        "<style>p{}</style>",
        '<p title="x" id="XSS003">a</p>',
        "<!-- XSS004 -->",
        '<textarea class="embed-code" readonly>x</textarea><script>alert(1)</script>',
        '<textarea class="other" readonly>x</textarea>',
    ],
)
def test_the_page_audit_catches_live_markup(snippet):
    assert audit_html(_PAGE.format("<p>fine</p>")) == []
    assert audit_html(_PAGE.format(snippet)), snippet


def test_the_page_audit_accepts_escaped_vectors():
    from django.utils.html import escape

    body = "".join(f"<p title='{escape(p)}'>{escape(p)}</p>" for p in PAYLOADS)
    assert audit_html(_PAGE.format(body)) == []
    assert raw_payload_leaks(_PAGE.format(body), list(PAYLOADS)) == []
    assert raw_payload_leaks("<p><script>alert('XSS001')</script></p>", [PAYLOADS[0]])


def test_the_page_audit_reads_the_embed_box_as_text_as_a_browser_does():
    box = '<textarea class="embed-code" readonly>{}</textarea>'
    assert audit_html(_PAGE.format(box.format('<iframe src="/embed/x"></iframe>'))) == []


def test_the_feed_audit_catches_unescaped_html():
    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        '<entry><summary type="html">{}</summary></entry></feed>'
    )
    assert audit_atom(atom.format("a &amp;lt;script&amp;gt; b").encode()) == []
    assert audit_atom(atom.format("&lt;script&gt;alert(1)&lt;/script&gt;").encode())
    assert audit_atom(atom.format("&lt;img src=x onerror=alert(1)&gt;").encode())
    assert audit_atom(b"<feed><unclosed></feed>")
