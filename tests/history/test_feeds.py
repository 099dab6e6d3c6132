"""Atom feeds a reader can rely on: valid (feedparser, bozo 0), a `self` link that is the
filtered address, tag: ids, entries that link to the changed item, summaries that say what
changed, and a feed-shaped 404 for an unknown filter."""

from __future__ import annotations

import datetime

import feedparser
import pytest

from apps.history.models import Change
from tests import factories as f


def parse(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def self_link(feed) -> str:
    return next(link.href for link in feed.feed.links if link.rel == "self")


@pytest.mark.parametrize(
    "query", ["", "?process=test-process", "?topic=territory", "?process=test-process&topic=crimea"]
)
def test_a_feed_declares_its_own_filtered_address_as_self(client, plan, query):
    feed = parse(client, f"/changes/feed/{query}")
    assert self_link(feed) == f"http://testserver/changes/feed/{query}"


def test_the_matter_feed_is_valid_and_names_its_own_address(client, plan):
    army = plan["matters"][1]
    feed = parse(client, f"/changes/feed/?matter={army.pk}")
    assert self_link(feed) == f"http://testserver/changes/feed/?matter={army.pk}"
    assert feed.entries
    assert feed.feed.id.startswith("tag:testserver,")


def test_entry_ids_are_unique_stable_tag_uris(client, plan):
    army = plan["provisions"]["army2"]
    army.heading = "Army cap raised"
    army.save()
    first = parse(client, "/changes/feed/")
    ids = [e.id for e in first.entries]
    assert ids and all(i.startswith("tag:testserver,20") and ":change-" in i for i in ids)
    assert len(set(ids)) == len(ids)
    assert [e.id for e in parse(client, "/changes/feed/").entries] == ids
    # The same entry has the same id in a filtered feed.
    filtered = parse(client, "/changes/feed/?process=test-process")
    assert {e.id for e in filtered.entries} <= set(ids)


def test_entries_link_to_the_changed_item_itself(client, plan):
    army = plan["provisions"]["army2"]
    army.heading = "Army cap raised"
    army.save()
    entry = parse(client, "/changes/feed/").entries[0]
    assert entry.link == f"http://testserver/provisions/{army.key}/"
    assert "#change-" not in entry.link


def test_a_position_entry_links_to_its_matter_and_a_citation_to_its_provision(client, plan):
    from apps.positions.models import Position

    army = plan["matters"][1]
    Position.objects.create(
        process=plan["process"],
        party=plan["us"],
        matter=army,
        stance="supports",
        paraphrase="Backs a higher cap.",
        stated_on=datetime.date(2025, 11, 25),
    )
    terr = plan["provisions"]["terr1"]
    f.cite(terr, excerpt="A new report on the line of contact.")
    entries = parse(client, "/changes/feed/").entries
    position = next(e for e in entries if "Backs a higher cap." in e.summary)
    assert position.link == f"http://testserver/matters/{army.pk}/"
    citation = next(e for e in entries if "line of contact" in e.summary)
    assert citation.title.startswith("Created citation")
    assert citation.link == f"http://testserver/provisions/{terr.key}/"


def test_a_deleted_provision_links_to_the_draft_that_held_it(client, plan):
    terr = plan["provisions"]["terr1"]
    terr.delete()
    entry = parse(client, "/changes/feed/").entries[0]
    assert entry.title.startswith("Deleted provision")
    assert entry.link == "http://testserver/drafts/plan/"
    assert "Deleted the provision" in entry.summary
    assert "Crimea recognised as Russian" in entry.summary


def test_summaries_say_what_changed(client, plan):
    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 850,000.</p>"
    army.save()
    entries = parse(client, "/changes/feed/").entries
    changed = entries[0]
    assert "Changed the provision" in changed.summary
    assert "Body: Army capped at 800,000 in peacetime. → Army capped at 850,000." in changed.summary
    created = [e for e in entries if e.title.startswith("Created provision")]
    assert created
    for entry in created:
        assert entry.summary.strip() not in ("Created.", "<p>Created.</p>")
        assert "Added the provision" in entry.summary
    assert any("Army capped at 600,000 personnel." in e.summary for e in created)


def test_a_created_change_with_no_fields_still_says_what_was_added(db, plan):
    from apps.history.summaries import summary

    change = Change.objects.filter(action="created", content_type__model="draft").first()
    text = summary(change)
    assert text.startswith("Added the draft")
    assert "Title:" in text


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ("process=nowhere", "nowhere"),
        ("topic=atlantis", "atlantis"),
        ("matter=abc", "matter"),
        ("matter=999999", "999999"),
        ("topic=%00", "topic"),
    ],
)
def test_an_unknown_filter_answers_a_feed_shaped_404(client, plan, query, words):
    feed = parse(client, f"/changes/feed/?{query}", status=404)
    assert feed.entries == []
    assert "no such feed" in feed.feed.title
    assert words in feed.feed.subtitle


def test_an_unpublished_matter_is_an_unknown_filter(client, plan):
    army = plan["matters"][1]
    army.published = False
    army.save()
    parse(client, f"/changes/feed/?matter={army.pk}", status=404)


@pytest.mark.parametrize("edits", [1, 3])
def test_feed_query_count_does_not_grow_with_entries(
    client, plan, edits, django_assert_max_num_queries
):
    army = plan["provisions"]["army2"]
    for i in range(edits * 10):
        army.heading = f"Heading {i}"
        army.save()
    with django_assert_max_num_queries(14):
        parse(client, "/changes/feed/?process=test-process")
