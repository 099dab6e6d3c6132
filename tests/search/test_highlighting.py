"""Snippets are escaped first and marked second, on both databases."""

from __future__ import annotations

from apps.search import text
from tests import factories as f

from .conftest import results

URL = "/search/"


def test_parse_query_cleans_caps_and_splits_words():
    q = text.parse_query("  army\x00cap \t Army  ")
    assert q.text == "army cap Army"
    assert q.terms == ("army", "cap")
    assert not q.truncated
    long = text.parse_query("word " * 100)
    assert long.truncated and len(long.text) <= text.MAX_QUERY_LENGTH
    assert long.terms == ("word",)
    many = text.parse_query(" ".join(f"w{i}" for i in range(30)))
    assert len(many.terms) == text.MAX_TERMS and many.terms_truncated
    assert not text.parse_query("&|!:*")
    assert not text.parse_query("")


def test_mark_terms_escapes_then_marks():
    shown = text.mark_terms('<b>Army</b> & "cap" <script>', ["army", "script"])
    assert shown == (
        "&lt;b&gt;<mark>Army</mark>&lt;/b&gt; &amp; &quot;cap&quot; &lt;<mark>script</mark>&gt;"
    )


def test_mark_terms_never_marks_inside_an_entity():
    assert text.mark_terms("a & b", ["amp"]) == "a &amp; b"
    assert text.mark_terms("1 < 2", ["lt"]) == "1 &lt; 2"


def test_snippet_is_a_window_around_the_first_match():
    long = " ".join(f"word{i}" for i in range(200)) + " target " + "tail " * 100
    shown = text.snippet(long, ["target"])
    assert shown.startswith("… ") and shown.endswith(" …")
    assert "<mark>target</mark>" in shown and len(shown) < 400
    assert text.snippet("short text", ["absent"]) == "short text"


def test_from_markers_escapes_decodes_entities_and_balances_marks():
    start, stop = text.START_SEL, text.STOP_SEL
    headline = f"use &lt;{start}script{stop}&gt; &amp; {start}more{stop} {start}words{stop}"
    shown = text.from_markers(headline, entities=True)
    assert shown == "use &lt;<mark>script</mark>&gt; &amp; <mark>more words</mark>"
    # Stray or unbalanced markers, whoever typed them, never make unbalanced tags.
    stray = text.from_markers(f"a {stop}b{start} <i>{start}c")
    assert stray == "a b &lt;i&gt;c"
    assert text.from_markers(None) == ""


def test_from_markers_adds_ellipses_where_text_was_left_out():
    full = "One two three four. Army five six seven eight."
    start, stop = text.START_SEL, text.STOP_SEL
    shown = text.from_markers(f"four. {start}Army{stop} five", full_text=full)
    assert shown == "… four. <mark>Army</mark> five …"
    whole = text.from_markers(
        f"One two three four. {start}Army{stop} five six seven eight", full_text=full
    )
    assert whole == "One two three four. <mark>Army</mark> five six seven eight"


def test_highlighted_provision_body_stays_escaped(client, corpus):
    """Sanitised editor HTML holds `<script>` as text: it shows as text, marked."""
    draft = corpus["drafts"][0]
    p = f.make_provision(
        draft,
        label="80",
        heading="Script <b>clause</b>",
        body="<p>Ban on &lt;script&gt;alert(1)&lt;/script&gt; <em>scripts</em></p>"
        "<script>alert(2)</script><img src=x onerror=alert(3)>",
    )
    p.refresh_from_db()
    assert "<script>" not in p.body  # the sanitiser kept the text, dropped the tags
    response = client.get(URL, {"q": "script"})
    (hit,) = [r for r in results(response) if r.kind == "provision"]
    html = hit.html
    assert "<script" not in html and "<img" not in html and "<b>" not in html and "<em>" not in html
    assert "&lt;b&gt;clause&lt;/b&gt;" in html
    assert "<mark>script</mark>&gt;alert(1)&lt;/" in html
    assert "<mark>" in html and html.count("<mark>") == html.count("</mark>")


def test_highlighted_citation_and_source_fields_stay_escaped(client, corpus):
    source = f.make_source(
        outlet="<i>Badger</i> News",
        headline='Badger "quoted" <img src=x onerror=alert(1)>',
        author="A <b>Badger</b>",
        note="Badger note with <script>alert(1)</script>",
    )
    f.cite(
        corpus["provisions"]["terr1"],
        source,
        excerpt="Badger says <u>so</u> & more",
        note="<em>badger</em>",
    )
    response = client.get(URL, {"q": "badger"})
    found = results(response)
    assert sorted(r.kind for r in found) == ["citation", "source"]
    for hit in found:
        assert "<img" not in hit.html and "<script" not in hit.html
        assert "<i>" not in hit.html and "<u>" not in hit.html and "<em>" not in hit.html
        assert "<mark>" in hit.html and hit.html.count("<mark>") == hit.html.count("</mark>")
    source_hit = next(r for r in found if r.kind == "source")
    assert "&lt;img src=x onerror=alert(1)&gt;" in source_hit.html
    citation_hit = next(r for r in found if r.kind == "citation")
    assert "&lt;u&gt;so&lt;/u&gt; &amp; more" in citation_hit.html
