"""Before/after values on /changes/ and its feed never name what the reader may not see.

A change's before/after columns show the display text of related objects (a citation's
provision, a provision's draft, a position's matter). For anyone who cannot preview, a
value naming a draft, provision, matter, citation or position that is not public now reads
"a provision not published" and the like; editors still read the real names.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.history.models import Change
from apps.positions.models import Position
from tests import factories as f

READERS = ["anonymous", "viewer"]
URLS = ["/changes/", "/changes/feed/"]


def _client(reader: str) -> Client:
    client = Client()
    if reader == "viewer":
        client.force_login(f.make_user("victor", group="Viewers"))
    elif reader == "editor":
        client.force_login(f.make_user("edna", group="Editors"))
    return client


@pytest.fixture
def moves(plan):
    """A published citation moved from an unpublished provision to a public one, and a
    provision moved from an unpublished draft into a published one."""
    d1 = plan["drafts"][0]
    hidden = f.make_provision(d1, label="99", heading="HIDDENHEADING", published=False)
    public = plan["provisions"]["army2"]
    citation = f.cite(hidden)
    citation.provision = public
    citation.save()

    secret = f.make_draft(plan["process"], label="SECRETDRAFT", published=False)
    moved = f.make_provision(secret, label="77", heading="Moved clause")
    moved.draft = d1
    moved.save()
    return {"hidden": hidden, "public": public, "citation": citation, "moved": moved}


@pytest.mark.parametrize("url", URLS)
@pytest.mark.parametrize("reader", READERS)
def test_moves_from_unpublished_objects_name_them_not(moves, reader, url):
    text = _client(reader).get(url).content.decode()
    # The changes themselves are listed…
    assert "Moved clause" in text
    # …but their old targets are not named.
    assert "HIDDENHEADING" not in text
    assert "SECRETDRAFT" not in text
    assert "a provision not published" in text
    assert "a draft not published" in text
    # The public new targets are named.
    assert str(moves["public"]) in text


@pytest.mark.parametrize("url", URLS)
def test_an_editor_still_reads_the_real_names(moves, url):
    text = _client("editor").get(url).content.decode()
    assert "HIDDENHEADING" in text
    assert "SECRETDRAFT" in text
    assert "not published" not in text


@pytest.mark.parametrize("reader", READERS)
def test_a_citation_moved_from_an_unpublished_draft_and_a_position_from_a_matter(plan, reader):
    secret = f.make_draft(plan["process"], label="SECRETDRAFT", published=False)
    citation = f.cite(secret, excerpt="Draft citation")
    citation.draft = plan["drafts"][0]
    citation.save()
    held = f.make_matter(plan["process"], code="HELD1", title="HELDMATTER", published=False)
    position = Position.objects.create(
        process=plan["process"],
        party=plan["us"],
        matter=held,
        stance="demands",
        paraphrase="Moved position.",
        stated_on=datetime.date(2025, 11, 26),
    )
    position.matter = plan["matters"][1]
    position.save()
    client = _client(reader)
    for url in URLS:
        text = client.get(url).content.decode()
        assert "SECRETDRAFT" not in text and "HELDMATTER" not in text, url
        assert "a draft not published" in text and "a matter not published" in text, url
        assert "A10 Army size" in text, url  # the published matter it moved to


def test_the_recorder_keeps_the_ids_of_foreign_keys(moves):
    change = Change.objects.for_object(moves["citation"]).first()
    assert change.fields["provision_id"]["before_id"] == moves["hidden"].pk
    assert change.fields["provision_id"]["after_id"] == moves["public"].pk
    assert "HIDDENHEADING" in change.fields["provision_id"]["before"]  # kept for editors


def test_a_change_recorded_without_ids_hides_its_unknown_before_value(moves):
    """Rows recorded before ids were kept: the state after is known from the snapshot; the
    one before is not, so it is hidden even when it was public."""
    change = Change.objects.for_object(moves["citation"]).first()
    for entry in change.fields.values():
        entry.pop("before_id", None)
        entry.pop("after_id", None)
    Change.objects.filter(pk=change.pk).update(fields=change.fields)
    text = Client().get("/changes/").content.decode()
    assert "HIDDENHEADING" not in text
    assert "a provision not published" in text
    assert str(moves["public"]) in text


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


@pytest.mark.parametrize("url", URLS)
def test_hiding_costs_the_same_queries_however_many_rows(plan, url):
    d1, d2 = plan["drafts"][0], plan["drafts"][1]
    secret = f.make_draft(plan["process"], label="SECRETDRAFT", published=False)
    held = f.make_matter(plan["process"], code="HELD1", title="HELDMATTER", published=False)

    def add_rows(n):
        for i in range(n):
            hidden = f.make_provision(d1, heading=f"HIDDEN {i}", published=False)
            citation = f.cite(hidden)
            citation.provision = plan["provisions"]["army2"]
            citation.save()
            moved = f.make_provision(secret, heading=f"Moved {i}")
            moved.draft = d2
            moved.save()
            position = Position.objects.create(
                process=plan["process"],
                party=plan["us"],
                matter=held,
                stance="demands",
                paraphrase=f"Position {i}.",
                stated_on=datetime.date(2025, 11, 26),
            )
            position.matter = plan["matters"][1]
            position.save()

    client = Client()
    add_rows(2)
    few = _queries(client, url)
    add_rows(10)
    many = _queries(client, url)
    # (Fewer once the fixture's own changes, drafts among them, fall off the page.)
    assert many <= few
    text = client.get(url).content.decode()
    assert "HIDDEN 0" not in text and "SECRETDRAFT" not in text and "HELDMATTER" not in text
