"""The search page on whichever database the run uses (SQLite by default, or DATABASE_URL)."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories as f

from .conftest import on_postgres, results, texts

URL = "/search/"


# --- What is found ---------------------------------------------------------------------


def test_search_finds_provisions_by_heading_and_body(client, corpus):
    response = client.get(URL, {"q": "army"})
    assert response.status_code == 200
    found = results(response)
    assert [r.kind for r in found] == ["provision", "provision"]
    assert all("Army cap" in r.text for r in found)
    assert "capped at 600,000 personnel" in " ".join(r.text for r in found)

    body_only = texts(client.get(URL, {"q": "peacetime"}))
    assert len(body_only) == 1 and "800,000 in peacetime" in body_only[0]


def test_search_finds_a_provision_by_its_label(client, corpus):
    found = texts(client.get(URL, {"q": "21", "kind": "provision"}))
    assert len(found) == 2
    assert all("Territory" in t for t in found)


def test_search_finds_citations_by_excerpt_locator_and_note(client, corpus):
    for q in ("wombat", "officials"):
        found = results(client.get(URL, {"q": q}))
        assert [r.kind for r in found] == ["citation"], q
        assert "Reuters" in found[0].text and "point 21" in found[0].text
    (by_locator,) = results(client.get(URL, {"q": "para 6", "kind": "citation"}))
    assert "The cap rises by a third." in by_locator.text


def test_search_finds_sources_by_outlet_headline_author(client, corpus):
    for q in ("Reuters", "Kyiv outline", "Quillfeather"):
        found = results(client.get(URL, {"q": q, "kind": "source"}))
        assert len(found) == 1, q
        assert "Leaked outline reaches Kyiv" in found[0].text


def test_search_neither_finds_nor_shows_the_editors_note_on_a_source(client, corpus):
    """A source's note is the editors' own: not searched, and not shown with the source."""
    assert results(client.get(URL, {"q": "second outlet", "kind": "source"})) == []
    (found,) = results(client.get(URL, {"q": "Reuters", "kind": "source"}))
    assert "Wire copy checked" not in found.html


def test_source_result_lists_where_it_is_cited(client, corpus):
    (source,) = results(client.get(URL, {"q": "Marmot"}))
    assert source.kind == "source"
    army2 = corpus["provisions"]["army2"]
    assert f'href="/drafts/counter/#provision-{army2.key}"' in source.html
    assert "Counter, provision 6" in source.text
    assert 'href="/drafts/counter/"' in source.html
    assert "Counter (the draft as a whole)" in source.text


def test_a_much_cited_source_lists_five_places_and_counts_the_rest(client, corpus):
    """Each place once, however often it is cited there; unpublished citations neither
    listed nor counted; the same number of queries however many citations there are."""
    draft = corpus["drafts"][0]
    source = f.make_source(outlet="Narwhal Wire", headline="Narwhal report")
    hidden = f.make_provision(draft, label="h", heading="Hidden place")
    f.cite(hidden, source, excerpt="Unpublished citation.", published=False)

    def add_places(n: int) -> None:
        for _ in range(n):
            provision = f.make_provision(draft)
            f.cite(provision, source, excerpt="First.")
            f.cite(provision, source, excerpt="Second, same place.")

    def visit() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(URL, {"q": "narwhal", "kind": "source"})
        (hit,) = results(response)
        return len(ctx.captured_queries), hit.text

    add_places(3)
    f.cite(draft, source, excerpt="The draft as a whole.")
    few, text = visit()
    assert text.count(", provision ") == 3 and "(the draft as a whole)" in text
    assert " more" not in text and "provision h" not in text

    add_places(30)
    many, text = visit()
    assert text.count(", provision ") + text.count("(the draft as a whole)") == 5
    assert text.rstrip().endswith("and 29 more"), text[-80:]
    assert many == few


def test_provision_result_links_to_its_place_and_its_comparison_row(client, corpus):
    army2 = corpus["provisions"]["army2"]
    m_army = corpus["matters"][1]
    (hit,) = results(client.get(URL, {"q": "peacetime"}))
    assert f'href="/drafts/counter/#provision-{army2.key}"' in hit.html
    # The row of every draft that addresses the matter, earliest draft first.
    assert f'href="/compare/plan...counter/#matter-{m_army.pk}"' in hit.html
    assert "Compare row A10: Army size" in hit.text


def test_comparison_row_spans_all_drafts_of_the_matter(client, corpus):
    m_terr = corpus["matters"][2]
    found = results(client.get(URL, {"q": "brackets"}))
    assert len(found) == 1
    assert f'href="/compare/plan...counter...revision/#matter-{m_terr.pk}"' in found[0].html


def test_provision_in_no_matter_is_compared_with_its_parent(client, corpus):
    counter = corpus["drafts"][1]
    loose = f.make_provision(counter, label="40", heading="Gazelle corridor")
    (hit,) = results(client.get(URL, {"q": "gazelle"}))
    assert f'href="/compare/plan...counter/#provision-{loose.key}"' in hit.html
    assert "Compare with Plan" in hit.text


def test_citation_result_links_to_the_provision_or_the_draft(client, corpus):
    terr1 = corpus["provisions"]["terr1"]
    (hit,) = results(client.get(URL, {"q": "wombat"}))
    assert f'href="/drafts/plan/#provision-{terr1.key}"' in hit.html
    (draft_hit,) = results(client.get(URL, {"q": "narwhal"}))
    assert 'href="/drafts/counter/"' in draft_hit.html
    assert "Cited for Counter (the draft as a whole)" in draft_hit.text


def test_last_word_counts_as_a_prefix_while_typing(client, corpus):
    found = texts(client.get(URL, {"q": "sovereig"}))
    assert len(found) == 2 and all("Sovereignty" in t for t in found)


def test_every_word_must_match(client, corpus):
    assert len(results(client.get(URL, {"q": "army personnel"}))) == 1
    assert results(client.get(URL, {"q": "army crimea"})) == []


def test_results_are_labelled_and_counted_by_kind(client, corpus):
    f.make_provision(corpus["drafts"][0], label="50", heading="Reuters access")
    html = client.get(URL, {"q": "reuters"}).content.decode()
    assert '<span class="badge kind kind-provision">Provision</span>' in html
    assert '<span class="badge kind kind-source">Source</span>' in html
    assert "<strong>2</strong> results for “reuters”" in html
    assert '<a href="/search/?q=reuters&amp;kind=provision">Provisions (1)</a>' in html
    assert '<a href="/search/?q=reuters&amp;kind=source">Sources (1)</a>' in html


def test_postgres_search_needs_no_contrib_postgres_app(client, corpus):
    """The expressions of django.contrib.postgres.search work without the app installed."""
    assert not apps.is_installed("django.contrib.postgres")
    response = client.get(URL, {"q": "recognised"})
    assert response.status_code == 200
    assert len(results(response)) == 2  # the provision and the Reuters citation


# --- Filters ---------------------------------------------------------------------------


def test_filter_by_process(client, corpus):
    other = f.make_draft(f.make_process(slug="other-process"), slug="other", label="Other")
    f.make_provision(other, heading="Army reform")
    assert len(results(client.get(URL, {"q": "army"}))) == 3
    found = texts(client.get(URL, {"q": "army", "process": "other-process"}))
    assert len(found) == 1 and "Army reform" in found[0]
    assert len(results(client.get(URL, {"q": "army", "process": "test-process"}))) == 2


def test_filter_by_draft(client, corpus):
    found = texts(client.get(URL, {"q": "territory", "draft": "counter"}))
    assert len(found) == 1 and "line of contact" in found[0]
    # Citations of the draft itself are found with the draft filter too.
    assert len(results(client.get(URL, {"q": "narwhal", "draft": "counter"}))) == 1
    assert results(client.get(URL, {"q": "narwhal", "draft": "plan"})) == []


def test_filter_by_topic_includes_subtopics(client, corpus):
    parent = texts(client.get(URL, {"q": "territory", "topic": "territory", "kind": "provision"}))
    assert len(parent) == 2  # Plan 21 (tagged Crimea, a subtopic) and Counter 21
    child = texts(client.get(URL, {"q": "territory", "topic": "crimea", "kind": "provision"}))
    assert len(child) == 1 and "Crimea recognised" in child[0]
    # A citation of the Crimea provision is on that topic; one of a whole draft is not.
    assert len(results(client.get(URL, {"q": "wombat", "topic": "crimea"}))) == 1
    assert results(client.get(URL, {"q": "narwhal", "topic": "crimea"})) == []


def test_filter_by_party(client, corpus):
    found = texts(client.get(URL, {"q": "army", "party": "e3"}))
    assert len(found) == 1 and "800,000" in found[0]
    found = texts(client.get(URL, {"q": "army", "party": "united-states"}))
    assert len(found) == 1 and "600,000" in found[0]
    # Sources are found through the drafts that cite them.
    assert len(results(client.get(URL, {"q": "Marmot", "party": "e3"}))) == 1
    assert results(client.get(URL, {"q": "Marmot", "party": "united-states"})) == []


def test_filter_by_source_reliability(client, corpus):
    # Provisions backed by a grade-A source, citations and sources of grade A.
    found = results(client.get(URL, {"q": "crimea", "reliability": "A"}))
    assert sorted(r.kind for r in found) == ["citation", "provision"]
    assert results(client.get(URL, {"q": "crimea", "reliability": "C"})) == []
    assert len(results(client.get(URL, {"q": "Marmot", "reliability": "C"}))) == 1
    assert results(client.get(URL, {"q": "Marmot", "reliability": "A"})) == []


def test_filter_by_provision_state(client, corpus):
    found = texts(client.get(URL, {"q": "territory", "state": "bracketed"}))
    assert len(found) == 1 and "Left in brackets" in found[0]
    assert len(results(client.get(URL, {"q": "territory", "state": "known"}))) == 2
    assert results(client.get(URL, {"q": "territory", "state": "deleted"})) == []


def test_filter_by_kind(client, corpus):
    assert [r.kind for r in results(client.get(URL, {"q": "crimea", "kind": "citation"}))] == [
        "citation"
    ]
    assert [r.kind for r in results(client.get(URL, {"q": "crimea", "kind": "provision"}))] == [
        "provision"
    ]


def test_filter_selects_are_populated_from_the_database(client, corpus):
    f.make_draft(corpus["process"], label="Hidden", slug="hidden", published=False)
    html = client.get(URL).content.decode()
    assert '<option value="test-process">Test process</option>' in html
    for slug in ("plan", "counter", "revision"):
        assert f'<option value="{slug}">' in html
    assert 'value="hidden"' not in html
    assert '<option value="crimea">Territory › Crimea</option>' in html
    assert '<option value="e3">E3</option>' in html
    assert '<option value="A">A: wire service or major outlet</option>' in html
    assert '<option value="bracketed">Bracketed / left open</option>' in html


def test_filter_options_are_read_once_until_an_edit(client, corpus):
    """The selects' options are rendered once per audience and content version: a repeat
    visit reads none of them, an edit shows at once, and the public never gets the
    editors' options (unpublished drafts)."""
    f.make_draft(corpus["process"], label="Hidden", slug="hidden", published=False)
    editor = Client()
    editor.force_login(f.make_user("editor", group="Editors"))

    def visit(who=client) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            html = who.get(URL).content.decode()
        return len(ctx.captured_queries), html

    assert 'value="hidden"' in visit(editor)[1]
    first, html = visit()
    assert 'value="hidden"' not in html
    again, html = visit()
    assert again == first - 4 and 'value="plan"' in html and 'value="hidden"' not in html
    assert 'value="hidden"' in visit(editor)[1]

    f.make_draft(corpus["process"], label="Newest", slug="newest")
    assert '<option value="newest">Newest' in visit()[1]
    selected = client.get(URL, {"draft": "newest"}).content.decode()
    assert '<option value="newest" selected>' in selected
    assert '<option value="newest">' in visit()[1]


def test_selected_filters_are_shown_selected(client, corpus):
    html = client.get(URL, {"q": "army", "draft": "plan", "state": "known"}).content.decode()
    assert re.search(r'<option value="plan" selected>', html)
    assert '<option value="known" selected>' in html


# --- Pages -----------------------------------------------------------------------------


def _many(corpus, n: int, word: str = "quokka"):
    draft = corpus["drafts"][0]
    for i in range(n):
        f.make_provision(draft, label=f"q{i}", heading=f"{word.title()} clause {i}")


def test_results_come_twenty_to_a_page(client, corpus):
    _many(corpus, 45)
    first = client.get(URL, {"q": "quokka"})
    assert len(results(first)) == 20
    html = first.content.decode()
    assert "<strong>45</strong> results" in html and "Page 1 of 3" in html
    assert 'href="/search/?q=quokka&amp;page=2"' in html
    third = client.get(URL, {"q": "quokka", "page": "3"})
    assert len(results(third)) == 5
    assert 'start="41"' in third.content.decode()


def test_page_beyond_the_last_shows_the_last(client, corpus):
    _many(corpus, 25)
    response = client.get(URL, {"q": "quokka", "page": "99"})
    assert response.status_code == 200
    assert len(results(response)) == 5 and "Page 2 of 2" in response.content.decode()
    huge = client.get(URL, {"q": "quokka", "page": "9" * 5000})
    assert huge.status_code == 200 and len(results(huge)) == 5


# --- Visibility ------------------------------------------------------------------------


def test_unpublished_drafts_never_appear_for_the_public(client, secret):
    response = client.get(URL, {"q": "pangolin"})
    assert response.status_code == 200
    assert results(response) == []
    html = response.content.decode()
    assert "Pangolin clause" not in html and "Pangolin Times" not in html
    assert "Secret draft" not in html and 'value="secret"' not in html
    # The Reuters source is public, but not where the secret draft cites it.
    reuters = client.get(URL, {"q": "Quillfeather"}).content.decode()
    assert "Secret draft" not in reuters and "/drafts/secret/" not in reuters
    # A filter naming the unpublished draft is a draft that does not exist.
    named = client.get(URL, {"q": "pangolin", "draft": "secret"})
    assert named.status_code == 400
    assert "There is no published draft “secret”." in named.content.decode()


def test_staff_find_unpublished_material(client, secret, staff):
    client.force_login(staff)
    response = client.get(URL, {"q": "pangolin"})
    found = results(response)
    assert sorted(r.kind for r in found) == ["citation", "citation", "provision", "source"]
    assert "Unpublished (staff preview)" in response.content.decode()
    assert 'hx-history="false"' in response.content.decode()
    assert len(results(client.get(URL, {"q": "pangolin", "draft": "secret"}))) == 4


# --- HTMX ------------------------------------------------------------------------------


def test_full_page_has_a_working_get_form_wired_for_htmx(client, corpus):
    response = client.get(URL, {"q": "army"})
    html = response.content.decode()
    assert "<html" in html and "<title>Search: army · PeaceTracker</title>" in html
    assert '<nav class="crumbs" aria-label="Breadcrumb"><a href="/">Drafts</a> › Search</nav>' in (
        html
    )
    assert 'method="get" action="/search/"' in html
    assert (
        'data-hx-get="/search/" data-hx-target="#search-results" data-hx-swap="outerHTML"' in html
    )
    assert 'data-hx-trigger="input changed delay:300ms from:#q, change delay:500ms, submit"' in html
    assert 'hx-push-url="true"' in html
    assert 'name="q" value="army"' in html
    assert "search/search.css" in html
    assert "style=" not in html.split("<body", 1)[1]
    assert "HX-Request" in response["Vary"]


def test_htmx_request_gets_the_results_fragment_and_a_tidy_url(client, corpus):
    response = client.get(
        URL + "?q=army&kind=&process=&draft=&topic=&party=&reliability=&state=",
        headers={"HX-Request": "true", "HX-Target": "search-results"},
    )
    body = response.content.decode()
    assert "<html" not in body and "<form" not in body
    assert body.lstrip().startswith('<section id="search-results"')
    assert len(results(response)) == 2
    assert "HX-Request" in response["Vary"]
    assert response["HX-Push-Url"] == "/search/?q=army"


def test_history_restore_gets_the_full_page(client, corpus):
    response = client.get(
        URL,
        {"q": "army"},
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" in html and "<form" in html and len(results(response)) == 2
    assert "HX-Push-Url" not in response


# --- Queries ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["provision", "citation", "source"])
def test_query_count_does_not_grow_with_results(client, corpus, kind):
    process = corpus["process"]

    def add(n: int) -> None:
        for _ in range(n):
            d = f.make_draft(process)
            f.link(d, corpus["drafts"][0])
            p = f.make_provision(d, heading="Ibex clause" if kind == "provision" else "Plain")
            f.align(f.make_matter(process), p, "new")
            s = f.make_source(headline="Ibex report" if kind == "source" else "Report")
            f.cite(p, s, excerpt="Ibex excerpt" if kind == "citation" else "Excerpt")

    def count() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(URL, {"q": "ibex"})
        return len(ctx.captured_queries), len(results(response))

    add(1)
    one, n_one = count()
    add(9)
    ten, n_ten = count()
    assert (n_one, n_ten) == (1, 10)
    assert one == ten
    assert one <= 16


@pytest.mark.parametrize("kind", ["", "citation"])
def test_the_matches_are_read_once_for_the_page_and_every_count(client, corpus, kind):
    """A common word matches tens of thousands of rows at scale: each pass over them costs
    as much as the page itself, so the counts of every kind come with the page's rows."""
    matcher = "@@" if on_postgres else "peacetracker_search_"
    params = {"q": "crimea", "kind": kind} if kind else {"q": "crimea"}
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    passes = [q["sql"] for q in ctx.captured_queries if matcher in q["sql"]]
    assert len(passes) == 1, passes
    html = response.content.decode()
    assert "<strong>2</strong> results" in html if not kind else "<strong>1</strong> result" in html
    assert "Provisions (1)" in html and "Citations (1)" in html


def test_empty_query_runs_no_search(client, corpus):
    with CaptureQueriesContext(connection) as ctx:
        client.get(URL)
    sql = " ".join(q["sql"] for q in ctx.captured_queries)
    assert "UNION" not in sql and "COUNT(" not in sql.upper()


def test_backend_matches_the_database():
    from apps.search.backends import current_backend

    assert current_backend().name == ("postgresql" if on_postgres else "fallback")


def test_htmx_swap_reads_no_filter_options(client, corpus):
    def count(headers) -> int:
        with CaptureQueriesContext(connection) as ctx:
            client.get(URL, {"q": "army"}, headers=headers)
        return len(ctx.captured_queries)

    # Results cached for both requests below; the filter options not yet.
    client.get(URL, {"q": "army"}, headers={"HX-Request": "true"})
    assert count({"HX-Request": "true"}) == count({}) - 4
