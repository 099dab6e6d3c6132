"""Queries and parameters a visitor (or a crawler, or an attacker) may send: never a 500."""

from __future__ import annotations

import pytest

from tests import factories as f

from .conftest import results

URL = "/search/"

NASTY_QUERIES = [
    '"',
    '"army',
    'army"',
    '"" ""',
    "&",
    "|",
    "!",
    "army & cap",
    "army | crimea",
    "!army",
    "army:*",
    ":*",
    "a:* & !b | (c",
    "((army",
    "army))",
    ")(",
    "\\",
    "army\\",
    "\\\\'",
    "'",
    "army\x00cap",
    "\x00",
    "-",
    "--army",
    "army -",
    "OR",
    "army OR",
    "<->",
    "army <-> cap",
    "army <2> cap",
    "%",
    "_",
    "army%",
    "a_b",
    "*",
    "?",
    "'; DROP TABLE drafts_provision; --",
    "<script>alert(1)</script>",
    "\u202e\ufeff\u200b",
    "\ue000army\ue001",
    "🕊️ peace",
    "армія",
    "  \t\n  ",
]


@pytest.mark.parametrize("q", NASTY_QUERIES)
def test_operator_laden_queries_never_fail(client, corpus, q):
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert "<html" in response.content.decode()
    fragment = client.get(URL, {"q": q}, headers={"HX-Request": "true"})
    assert fragment.status_code == 200


def test_operators_are_words_not_syntax_errors(client, corpus):
    assert len(results(client.get(URL, {"q": "army & cap"}))) == 2
    assert len(results(client.get(URL, {"q": "((army"}))) == 2
    assert len(results(client.get(URL, {"q": "army\x00cap"}))) == 2


def test_query_text_is_escaped_wherever_it_is_echoed(client, corpus):
    html = client.get(URL, {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_huge_query_is_capped_and_the_page_says_so(client, corpus):
    q = "army " + "x" * 10_000
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "only the first 200 of yours were used" in html
    assert "x" * 195 in html and "x" * 196 not in html
    fragment = client.get(URL, {"q": q}, headers={"HX-Request": "true"})
    assert len(fragment["HX-Push-Url"]) < 300


def test_huge_query_of_many_words_never_fails(client, corpus):
    q = " ".join(f"w{i}" for i in range(3000))
    response = client.get(URL, {"q": q})
    assert response.status_code == 200
    assert "only the first 200 of yours were used" in response.content.decode()


def test_empty_query_is_a_friendly_page_with_examples(client, corpus):
    for params in ({}, {"q": ""}, {"q": "   "}, {"q": "\x00\x00"}):
        response = client.get(URL, params)
        assert response.status_code == 200
        html = response.content.decode()
        assert results(response) == []
        assert "What to search for" in html
        assert 'href="/search/?q=Zaporizhzhia"' in html
        assert "results for" not in html


def test_query_without_words_says_so(client, corpus):
    html = client.get(URL, {"q": "&|!:*"}).content.decode()
    assert "“&amp;|!:*” has no words in it to search for." in html
    assert "What to search for" in html


def test_query_matching_nothing_says_so_and_offers_a_way_out(client, corpus):
    html = client.get(URL, {"q": "xylophone", "state": "known"}).content.decode()
    assert "Nothing matches “xylophone” with these filters" in html
    assert 'href="/search/?q=xylophone">search everything</a>' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"draft": "nope"}, "There is no published draft “nope”."),
        ({"process": "nope"}, "There is no peace process “nope”."),
        ({"topic": "nope"}, "There is no topic “nope”."),
        ({"party": "nope"}, "There is no party “nope”."),
        ({"draft": "a/b"}, "There is no published draft “a/b”."),
        ({"topic": "x\x00y"}, "There is no topic “x?y”."),
        ({"party": "p" * 500}, "There is no party “" + "p" * 40 + "…”."),
        ({"reliability": "D"}, "Source grade must be A, B or C, not “D”."),
        ({"reliability": "a"}, "Source grade must be A, B or C, not “a”."),
        (
            {"state": "maybe"},
            "Provision state must be known, paraphrased, bracketed or deleted, not “maybe”.",
        ),
        ({"kind": "position"}, "Kind of result must be provision, citation or source"),
        ({"page": "two"}, "The page must be a whole number from 1 up, not “two”."),
        ({"page": "0"}, "The page must be a whole number from 1 up, not “0”."),
        ({"page": "-1"}, "The page must be a whole number from 1 up, not “-1”."),
        ({"page": "1.5"}, "The page must be a whole number from 1 up, not “1.5”."),
        ({"page": "٣"}, "The page must be a whole number from 1 up, not “٣”."),
    ],
)
def test_unknown_filter_values_get_a_400_that_says_why(client, corpus, params, message):
    response = client.get(URL, {"q": "army", **params})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'href="/search/?q=army">Search for “army” without filters</a>' in html
    assert "HX-Request" in response["Vary"]


def test_several_bad_filters_are_all_named(client, corpus):
    html = client.get(URL, {"q": "army", "topic": "nope", "state": "maybe"}).content.decode()
    assert "There is no topic “nope”." in html and "Provision state must be" in html


def test_bad_filters_are_rejected_even_without_a_query(client, corpus):
    response = client.get(URL, {"reliability": "Z"})
    assert response.status_code == 400


def test_page_with_no_results_is_not_an_error(client, corpus):
    response = client.get(URL, {"q": "xylophone", "page": "7"})
    assert response.status_code == 200
    assert results(response) == []


def test_repeated_parameters_use_the_last_value(client, corpus):
    response = client.get(URL + "?q=army&draft=nope&draft=plan")
    assert response.status_code == 200
    assert len(results(response)) == 1


def test_only_get_and_head_are_allowed(client, corpus):
    assert client.post(URL, {"q": "army"}).status_code == 405
    assert client.head(URL, {"q": "army"}).status_code == 200


def test_text_that_is_nearly_html_is_searchable(client, corpus):
    draft = corpus["drafts"][0]
    f.make_provision(
        draft, label="70", heading="Tags", body="<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; more</p>"
    )
    assert len(results(client.get(URL, {"q": "bold"}))) == 1
    response = client.get(URL, {"q": "<b>bold</b> &amp;"})
    assert response.status_code == 200
