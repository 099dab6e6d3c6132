"""An edit retires only the cached pages of the peace process it touches (and what every
process shares retires every process's pages)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories as f

URL = "/compare/plan...counter...revision/"
OTHER = "/compare/other-1...other-2/"


@pytest.fixture
def other(db):
    """A second process with its own two drafts, a matter and a cited source."""
    process = f.make_process(name="Other process", slug="other-process")
    d1 = f.make_draft(
        process, label="Other 1", slug="other-1", presented_on=datetime.date(2024, 1, 1)
    )
    d2 = f.make_draft(
        process, label="Other 2", slug="other-2", presented_on=datetime.date(2024, 2, 1)
    )
    f.link(d2, d1, "revises")
    p1 = f.make_provision(d1, label="1", heading="Ceasefire", body="<p>Ceasefire in 30 days.</p>")
    p2 = f.make_provision(d2, label="1", heading="Ceasefire", body="<p>Ceasefire in 10 days.</p>")
    source = f.make_source(outlet="Other outlet")
    f.cite(p1, source=source)
    f.cite(p2)
    matter = f.make_matter(process, code="B01", title="Ceasefire")
    f.align(matter, p1, "new"), f.align(matter, p2, "reworded")
    return {"process": process, "drafts": [d1, d2], "provisions": [p1, p2], "source": source}


def served_from_cache(url: str, django_assert_num_queries) -> str:
    with django_assert_num_queries(0):
        response = Client().get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_an_edit_in_one_process_leaves_the_others_cached_page_served_without_queries(
    client, plan, other, django_assert_num_queries
):
    assert "Other 2" in client.get(OTHER).content.decode()
    assert "800,000 in peacetime" in client.get(URL).content.decode()
    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 750,000.</p>"
    army.save()
    untouched = served_from_cache(OTHER, django_assert_num_queries)
    assert "Other 2" in untouched
    fresh = Client().get(URL).content.decode()
    assert "750,000" in fresh and "800,000 in peacetime" not in fresh
    served_from_cache(URL, django_assert_num_queries)  # and cached again from then on


@pytest.mark.parametrize(
    "edit",
    ["matter", "citation", "draft", "process", "topic of a provision"],
)
def test_each_kind_of_edit_stays_in_its_process(
    client, plan, other, django_assert_num_queries, edit
):
    client.get(URL), client.get(OTHER)
    if edit == "matter":
        matter = plan["matters"][1]
        matter.title = "Army size and reserves"
        matter.save()
        expected = "Army size and reserves"
    elif edit == "citation":
        citation = plan["provisions"]["terr1"].citations.get(stance="disputes")
        citation.excerpt = "Reports recognition in all but name."
        citation.save()
        expected = None  # the excerpt is shown on the provision's page
    elif edit == "draft":
        counter = plan["drafts"][1]
        counter.label = "Counter-proposal"
        counter.save()
        expected = "Counter-proposal"
    elif edit == "process":
        plan["process"].name = "Renamed process"
        plan["process"].save()
        expected = "Renamed process"
    else:
        plan["provisions"]["army2"].topics.set([plan["territory"]])
        expected = None
    served_from_cache(OTHER, django_assert_num_queries)
    with CaptureQueriesContext(connection) as ctx:
        page = Client().get(URL).content.decode()
    assert ctx.captured_queries  # rendered afresh
    if expected:
        assert expected in page


def test_a_source_retires_the_pages_of_the_processes_that_cite_it_only(
    client, plan, other, django_assert_num_queries
):
    client.get(URL), client.get(OTHER)
    source = other["source"]
    source.outlet = "Renamed outlet"
    source.save()
    served_from_cache(URL, django_assert_num_queries)
    with CaptureQueriesContext(connection) as ctx:
        Client().get(OTHER)
    assert ctx.captured_queries


def test_a_topic_or_party_is_shared_and_retires_every_process(
    client, plan, other, django_assert_num_queries
):
    client.get(URL), client.get(OTHER)
    territory = plan["territory"]
    territory.name = "Land"
    territory.save()
    for url in (URL, OTHER):
        with CaptureQueriesContext(connection) as ctx:
            Client().get(url)
        assert ctx.captured_queries, url
    assert "Land" in Client().get(URL).content.decode()


def test_a_draft_moved_to_another_process_retires_both(
    client, plan, other, django_assert_num_queries
):
    client.get(URL), client.get(OTHER)
    moved = plan["drafts"][2]
    moved.process = other["process"]
    moved.save()
    for url in (URL, OTHER):
        with CaptureQueriesContext(connection) as ctx:
            Client().get(url)
        assert ctx.captured_queries, url


@pytest.mark.parametrize("kind", ["provision", "citation"])
def test_a_provision_or_citation_moved_to_another_process_retires_both(client, plan, other, kind):
    """As the admin does it: loaded, pointed at another process's draft or provision, saved."""
    from apps.drafts.models import Provision
    from apps.sources.models import Citation

    terr1 = plan["provisions"]["terr1"]
    if kind == "provision":
        moved = Provision.objects.get(pk=terr1.pk)
        moved.draft = other["drafts"][0]
    else:
        moved = Citation.objects.filter(provision=terr1).first()
        moved.provision = other["provisions"][0]
    client.get(URL), client.get(OTHER)
    moved.save()
    for url in (URL, OTHER):
        with CaptureQueriesContext(connection) as ctx:
            Client().get(url)
        assert ctx.captured_queries, url


def test_unpublishing_in_one_process_leaves_the_other_cached(
    client, plan, other, django_assert_num_queries
):
    client.get(URL), client.get(OTHER)
    counter = plan["drafts"][1]
    counter.published = False
    counter.save()
    assert Client().get(URL).status_code == 404
    served_from_cache(OTHER, django_assert_num_queries)


def test_a_permanent_link_of_another_process_stays_cached(
    client, plan, other, django_assert_num_queries
):
    link = client.post(OTHER + "freeze/")["Location"]
    client.get(link)
    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 750,000.</p>"
    army.save()
    assert "The live comparison still reads the same." in served_from_cache(
        link, django_assert_num_queries
    )
    p2 = other["provisions"][1]
    p2.body = "<p>Ceasefire in 5 days.</p>"
    p2.save()
    assert "The live analysis has changed" in Client().get(link).content.decode()


def test_an_edit_in_one_process_leaves_the_others_link_preview_pictures_cached(
    client, plan, other, monkeypatch
):
    from apps.pictures import og

    drawn = []
    real = og.render
    monkeypatch.setattr(og, "render", lambda card: drawn.append(card) or real(card))
    pictures = ["/compare/other-1...other-2/og.png", "/processes/other-process/matrix/og.png"]
    for url in pictures:
        assert client.get(url)["Content-Type"] == "image/png"
    assert len(drawn) == 2
    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 750,000.</p>"
    army.save()
    for url in pictures:
        assert client.get(url).status_code == 200
    assert len(drawn) == 2  # the other process's pictures were not drawn again
    other["provisions"][1].body = "<p>Ceasefire in 5 days.</p>"
    other["provisions"][1].save()
    client.get(pictures[0])
    assert len(drawn) == 3  # its own edit retires it
