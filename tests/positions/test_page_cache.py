"""The matter and party pages: their timelines are rendered once per content version and
audience, for every visitor, signed in or not (issue 17); the rest of the page each time."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache
from django.test import Client

from tests import factories as f
from tests.positions.test_positions import say
from tests.queries import visit

D = datetime.date
PARTY = "/parties/united-states/"
# The matter, then the versions of its process: a cache read, no query.
MATTER_REPEAT = 1
# The party, the processes it has positions in, the drafts it authored.
PARTY_REPEAT = 3


@pytest.fixture
def stances(plan):
    m_terr, us, e3 = plan["matters"][2], plan["us"], plan["e3"]
    return {
        "us_terr_old": say(plan, us, m_terr, "accepts", D(2025, 4, 25), "Crimea stays Russian."),
        "us_terr": say(plan, us, m_terr, "demands", D(2025, 11, 22), "Recognise the lines."),
        "us_general": say(plan, us, None, "accepts", D(2025, 11, 18), "Talks should go on."),
        "e3_terr": say(plan, e3, m_terr, "rejects", D(2025, 11, 23), "No change by force."),
    }


@pytest.fixture
def editor(db) -> Client:
    client = Client()
    client.force_login(f.make_user("editor", group="Editors"))
    return client


@pytest.fixture
def urls(plan):
    return [f"/matters/{plan['matters'][2].pk}/", PARTY]


def _repeat(url: str) -> int:
    return MATTER_REPEAT if url.startswith("/matters/") else PARTY_REPEAT


def test_a_repeat_visit_is_the_same_page_in_fewer_queries(
    client, stances, urls, django_assert_max_num_queries
):
    for url in urls:
        first, html = visit(client, url)
        with django_assert_max_num_queries(_repeat(url)):
            again, cached = visit(client, url)
        assert again < first, url
        assert cached == html, url
        assert "Recognise the lines." in html, url


def test_the_cached_page_is_the_page_drawn_fresh(client, editor, stances, urls):
    for who in (client, editor):
        for url in urls:
            cache.clear()
            fresh = visit(who, url)[1]
            assert visit(who, url)[1] == fresh, url


def test_a_signed_in_visitor_is_served_from_the_cache_too(editor, stances, urls):
    for url in urls:
        first, html = visit(editor, url)
        again, cached = visit(editor, url)
        assert again < first and cached == html, url


def test_an_edit_to_a_position_or_its_source_shows_at_once(client, stances, urls):
    position = stances["us_terr"]
    for url in urls:
        visit(client, url)
    position.paraphrase = "Recognise the line of contact."
    position.save()
    for url in urls:
        assert "Recognise the line of contact." in visit(client, url)[1], url
    source = position.citations.get().source
    source.outlet = "Renamed outlet"
    source.save()
    for url in urls:
        assert "Renamed outlet" in visit(client, url)[1], url
    party = position.party  # shared by every process
    party.name = "USA"
    party.save()
    for url in urls:
        assert ">USA</a>" in visit(client, url)[1], url


def test_an_edit_to_a_provision_shows_on_the_matter_page(client, stances, plan, urls):
    provision = plan["provisions"]["terr1"]
    visit(client, urls[0])
    provision.body = "<p>Crimea left for later.</p>"
    provision.save()
    assert "Crimea left for later." in visit(client, urls[0])[1]
    provision.published = False
    provision.save()
    assert "Crimea left for later." not in visit(client, urls[0])[1]


def test_a_position_in_a_new_process_shows_on_the_party_page(client, stances, plan):
    visit(client, PARTY)
    other = f.make_process()
    elsewhere = say(
        {"process": other}, plan["us"], None, "accepts", D(2025, 10, 1), "Elsewhere too."
    )
    assert "Elsewhere too." in visit(client, PARTY)[1]
    elsewhere.delete()
    assert "Elsewhere too." not in visit(client, PARTY)[1]


def test_an_edit_in_another_process_keeps_the_timelines(
    client, stances, urls, django_assert_max_num_queries
):
    elsewhere = f.make_provision(f.make_draft(f.make_process()), body="<p>Elsewhere.</p>")
    for url in urls:
        visit(client, url)
    elsewhere.body = "<p>Elsewhere, edited.</p>"
    elsewhere.save()
    for url in urls:
        with django_assert_max_num_queries(_repeat(url)):
            visit(client, url)


def test_unpublished_material_never_reaches_the_public_through_the_cache(
    client, editor, stances, plan, urls
):
    # A position on an unpublished matter, and an unpublished provision on the shown one.
    hidden_matter = f.make_matter(plan["process"], code="A99", title="Secret", published=False)
    say(plan, plan["us"], hidden_matter, "demands", D(2025, 11, 25), "Secret demand.")
    f.align(
        plan["matters"][2],
        f.make_provision(plan["drafts"][1], body="<p>Unpublished words.</p>", published=False),
        "new",
    )
    secrets = {urls[0]: "Unpublished words.", PARTY: "Secret demand."}
    for url, secret in secrets.items():
        assert secret in visit(editor, url)[1], url
        assert secret not in visit(client, url)[1], url
        assert secret not in visit(client, url)[1], url
        assert secret in visit(editor, url)[1], url
    hidden_matter.published = True
    hidden_matter.save()
    assert "Secret demand." in visit(client, PARTY)[1]
