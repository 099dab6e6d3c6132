"""What the search page promises about its syntax, on each database, and that the source-grade
filter never gives away an unpublished citation."""

from __future__ import annotations

import pytest

from tests import factories as f

from .conftest import on_postgres, results, texts

URL = "/search/"

pg_syntax = pytest.mark.skipif(
    not on_postgres,
    reason="quotes, OR and -word are PostgreSQL's web-search syntax; SQLite promises less",
)
sqlite_only = pytest.mark.skipif(
    on_postgres, reason="the SQLite search's own promise (every word, parts of words)"
)


# --- Source grade ----------------------------------------------------------------------


def test_grade_filter_ignores_unpublished_citations(client, corpus, staff):
    """An unpublished grade-A citation must not show that a grade-A source backs a provision."""
    army2 = corpus["provisions"]["army2"]
    f.cite(army2, corpus["reuters"], excerpt="Not yet checked.", published=False)
    assert results(client.get(URL, {"q": "peacetime", "reliability": "A"})) == []
    assert len(results(client.get(URL, {"q": "peacetime", "reliability": "C"}))) == 1
    # Staff see the unpublished citation, and so the provision it backs.
    client.force_login(staff)
    found = results(client.get(URL, {"q": "peacetime", "reliability": "A"}))
    assert [r.kind for r in found] == ["provision"]


# --- PostgreSQL: the syntax the page advertises ------------------------------------------


@pg_syntax
def test_page_advertises_quotes_or_and_minus_on_postgres(client, corpus):
    html = client.get(URL).content.decode()
    assert "“quotes” for a phrase, OR for either word, -word to leave a word out." in html
    assert "?q=elections+OR+referendum" in html


@pg_syntax
def test_quotes_find_the_words_as_a_phrase_only(client, corpus):
    found = texts(client.get(URL, {"q": '"sovereignty confirmed"'}))
    assert len(found) == 2 and all("Sovereignty confirmed" in t for t in found)
    assert results(client.get(URL, {"q": '"confirmed sovereignty"'})) == []
    # Without quotes both words are enough, in any order.
    assert len(results(client.get(URL, {"q": "confirmed sovereignty"}))) == 2


@pg_syntax
def test_or_finds_either_word(client, corpus):
    found = texts(client.get(URL, {"q": "wombat OR narwhal"}))
    assert len(found) == 2
    assert any("wombat paragraph" in t for t in found)
    assert any("narwhal memo" in t for t in found)
    assert results(client.get(URL, {"q": "wombat narwhal"})) == []


@pg_syntax
def test_minus_leaves_a_word_out(client, corpus):
    with_cap = texts(client.get(URL, {"q": "army capped"}))
    assert len(with_cap) == 2
    found = texts(client.get(URL, {"q": "army -peacetime"}))
    assert len(found) == 1 and "600,000" in found[0]


# --- SQLite: what its page promises ------------------------------------------------------


@sqlite_only
def test_sqlite_page_promises_every_word_and_parts_of_words(client, corpus):
    html = client.get(URL).content.decode()
    assert "Every word must appear; parts of words count." in html
    assert "OR for either word" not in html and "elections+OR+referendum" not in html
    # Parts of words, in any order and any case; every word must be there.
    found = texts(client.get(URL, {"q": "FIRMED overeign"}))
    assert len(found) == 2 and all("Sovereignty confirmed" in t for t in found)
    assert results(client.get(URL, {"q": "overeign peacetime"})) == []
