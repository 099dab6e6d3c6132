"""The public Recent changes page and its Atom feeds."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests import factories as f

ATOM = "{http://www.w3.org/2005/Atom}"


def _edit(provision, **fields):
    for name, value in fields.items():
        setattr(provision, name, value)
    provision.save()


def test_recent_changes_lists_published_edits_with_what_changed(client, plan):
    army = plan["provisions"]["army2"]
    _edit(army, heading="Army cap raised")
    html = client.get("/changes/").content.decode()
    assert "Army cap raised" in html
    assert f'href="/provisions/{army.key}/"' in html
    assert '<th scope="row">Heading</th>' in html
    assert 'type="application/atom+xml"' in html


def test_unpublished_material_never_appears(client, plan):
    secret = f.make_draft(plan["process"], label="Secret draft", published=False)
    f.make_provision(secret, heading="Hidden clause")
    html = client.get("/changes/").content.decode()
    assert "Hidden clause" not in html and "Secret draft" not in html
    feed = client.get("/changes/feed/").content.decode()
    assert "Hidden clause" not in feed


def test_filters_by_process_topic_and_matter(client, plan):
    other = f.make_process(name="Other process", slug="other")
    f.make_provision(f.make_draft(other), heading="Elsewhere clause")
    terr = plan["provisions"]["terr1"]
    _edit(terr, heading="Crimea wording edited")

    by_process = client.get("/changes/?process=test-process").content.decode()
    assert "Crimea wording edited" in by_process and "Elsewhere clause" not in by_process

    by_topic = client.get("/changes/?topic=territory").content.decode()  # includes Crimea
    assert "Crimea wording edited" in by_topic and "Army cap" not in by_topic

    army_matter = plan["matters"][1]
    by_matter = client.get(f"/changes/?matter={army_matter.pk}").content.decode()
    assert "Army cap" in by_matter and "Crimea wording edited" not in by_matter


@pytest.mark.parametrize(
    "query", ["process=nowhere", "topic=atlantis", "matter=abc", "matter=999999", "topic=%00"]
)
def test_bad_filters_are_a_clear_400(client, plan, query):
    response = client.get(f"/changes/?{query}")
    assert response.status_code == 400
    assert "filter" in response.content.decode()
    assert client.get(f"/changes/feed/?{query}").status_code == 404


def test_atom_feed_parses_and_contains_the_change(client, plan):
    army = plan["provisions"]["army2"]
    _edit(army, body="<p>Army capped at 850,000.</p>")
    response = client.get(f"/changes/feed/?matter={plan['matters'][1].pk}")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert "matter A10 Army size" in root.find(f"{ATOM}title").text
    entries = root.findall(f"{ATOM}entry")
    assert entries, "the feed has entries"
    first = entries[0]
    assert first.find(f"{ATOM}title").text.startswith("Changed provision:")
    assert "850,000" in first.find(f"{ATOM}summary").text
    assert first.find(f"{ATOM}link").get("href").endswith(f"/provisions/{army.key}/")
    assert first.find(f"{ATOM}updated").text


def test_changes_page_query_count_is_bounded(client, plan, django_assert_max_num_queries):
    for i in range(30):
        _edit(plan["provisions"]["army2"], heading=f"Heading {i}")
    with django_assert_max_num_queries(12):
        assert client.get("/changes/").status_code == 200
