"""The draft page's material (its list of provisions, the filters, the sources on the draft
itself) is rendered once per content version and audience, for every visitor, signed in or
not (issue 17); the rest of the page each time."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.test import Client

from tests import factories as f
from tests.queries import visit

URL = "/drafts/plan/"
HTMX = {"HX-Request": "true"}
# The draft: the rest of the page, its facts and lineage included, comes from the cache.
REPEAT = 1


def labels(html: str) -> list[str]:
    return re.findall(r'<span class="label">([^<]+)</span>', html)


@pytest.fixture
def editor(db) -> Client:
    client = Client()
    client.force_login(f.make_user("editor", group="Editors"))
    return client


@pytest.mark.parametrize("url", [URL, "/drafts/counter/", URL + "?topic=territory"])
def test_a_repeat_visit_is_the_same_page_in_fewer_queries(
    client, plan, url, django_assert_max_num_queries
):
    first, html = visit(client, url)
    with django_assert_max_num_queries(REPEAT + ("topic" in url)):
        again, cached = visit(client, url)
    assert again < first
    assert cached == html
    assert labels(html)


def test_the_fragment_is_the_same_from_the_cached_list(client, plan):
    fresh = visit(client, URL + "?topic=territory", HTMX)[1]
    cache.clear()
    visit(client, URL + "?topic=territory")  # fills the cache from the whole page
    assert visit(client, URL + "?topic=territory", HTMX)[1] == fresh
    assert fresh.lstrip().startswith('<section id="provision-list"')
    assert "<title>Plan · Territory · PeaceTracker</title>" in fresh


def test_the_lineage_line_follows_edits_of_the_draft_it_follows(client, plan):
    url = "/drafts/counter/"
    assert 'Follows <a href="/drafts/plan/">Plan</a>' in visit(client, url)[1]
    followed = plan["drafts"][0]
    followed.label = "Plan A"
    followed.save()
    assert 'Follows <a href="/drafts/plan/">Plan A</a>' in visit(client, url)[1]
    followed.published = False
    followed.save()
    assert "Follows" not in visit(client, url)[1]


def test_a_signed_in_visitor_is_served_from_the_cache_too(editor, plan):
    first, html = visit(editor, URL)
    again, cached = visit(editor, URL)
    assert again < first and cached == html


def test_an_edit_to_the_drafts_material_shows_at_once(client, plan):
    provision = plan["provisions"]["terr1"]
    visit(client, URL)
    provision.body = "<p>Crimea left for later.</p>"
    provision.save()
    assert "Crimea left for later." in visit(client, URL)[1]

    provision.published = False
    provision.save()
    assert labels(visit(client, URL)[1]) == ["6", "1"]

    citation = provision.citations.first()
    source = citation.source
    provision.published = True
    provision.save()
    source.outlet = "Renamed outlet"
    source.save()
    assert "Renamed outlet" in visit(client, URL)[1]

    citation.published = False
    citation.save()
    assert "Renamed outlet" not in visit(client, URL)[1]

    draft = plan["drafts"][0]
    f.cite(draft, source=f.make_source(outlet="Outlet on the draft"))
    assert "Sources on the draft itself (1)" in visit(client, URL)[1]
    f.cite(draft, source=f.make_source(outlet="Disputing outlet"), stance="disputes")
    assert "Disputing outlet" in visit(client, URL)[1].split('id="draft-disputes"')[1]

    provision.topics.add(f.make_topic(name="Energy", code="energy"))
    assert '<option value="energy">Energy</option>' in visit(client, URL)[1]

    territory = plan["territory"]  # what every process shares
    territory.name = "Land"
    territory.save()
    assert ">Land › Crimea</a>" in visit(client, URL)[1]

    draft.published = False
    draft.save()
    assert client.get(URL).status_code == 404


def test_an_edit_to_the_parents_alignment_shows_on_the_child(client, plan):
    m_army = plan["matters"][1]
    visit(client, "/drafts/counter/")
    m_army.title = "Size of the army"
    m_army.save()
    assert "Size of the army" in visit(client, "/drafts/counter/")[1]


def test_an_edit_in_another_process_keeps_the_list(client, plan, django_assert_max_num_queries):
    elsewhere = f.make_provision(f.make_draft(f.make_process()), body="<p>Elsewhere.</p>")
    visit(client, URL)
    elsewhere.body = "<p>Elsewhere, edited.</p>"
    elsewhere.save()
    with django_assert_max_num_queries(REPEAT):
        visit(client, URL)


def test_unpublished_provisions_never_reach_the_public_through_the_cache(client, editor, plan):
    hidden = f.make_provision(plan["drafts"][0], label="99", published=False)
    staff_html = visit(editor, URL)[1]
    assert "99" in labels(staff_html)
    public_html = visit(client, URL)[1]
    assert "99" not in labels(public_html)
    assert "99" not in labels(visit(client, URL)[1])
    assert "99" in labels(visit(editor, URL)[1])
    hidden.published = True
    hidden.save()
    assert "99" in labels(visit(client, URL)[1])


def test_the_public_list_is_not_served_to_staff(client, editor, plan):
    f.make_provision(plan["drafts"][0], label="99", published=False)
    visit(client, URL, HTMX)
    visit(client, URL)
    assert "99" in labels(visit(editor, URL)[1])
    assert "99" in labels(visit(editor, URL, HTMX)[1])


def test_each_filter_has_its_own_list(client, plan):
    weak = f.make_provision(plan["drafts"][0], label="30")
    f.cite(weak, source=f.make_source(reliability="C"))
    shown = {
        query: labels(visit(client, URL + query)[1])
        for query in ("", "?topic=territory", "?topic=military-limits", "?corroboration=needed")
    }
    assert shown == {
        "": ["6", "21", "1", "30"],
        "?topic=territory": ["21"],
        "?topic=military-limits": ["6"],
        "?corroboration=needed": ["30"],
    }
    assert labels(visit(client, URL)[1]) == ["6", "21", "1", "30"]


@pytest.mark.parametrize("query", ["?topic=nowhere", "?corroboration=all", "?topic=a%00b"])
def test_a_bad_filter_is_a_400_with_the_list_cached(client, plan, query):
    visit(client, URL)
    response = client.get(URL + query)
    assert response.status_code == 400
    assert 'id="provision-list"' not in response.content.decode()
