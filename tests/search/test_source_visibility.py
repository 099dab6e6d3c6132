"""Which sources the public finds: those that public material cites, whichever way it
cites them. Staff find every source."""

from __future__ import annotations

import datetime

import pytest

from apps.positions.models import Position
from tests import factories as f

from .conftest import results

URL = "/search/"


@pytest.fixture
def cited(plan):
    """One source per way of being cited, each named by a word found nowhere else."""
    d1, d2, _ = plan["drafts"]
    terr1 = plan["provisions"]["terr1"]
    hidden_draft = f.make_draft(plan["process"], label="Hidden", slug="hidden", published=False)
    in_hidden_draft = f.make_provision(hidden_draft, key="hid1", label="1")
    hidden_point = f.make_provision(d1, key="hid2", label="9", published=False)
    position = Position.objects.create(
        process=plan["process"],
        party=f.make_party(),
        stance="accepts",
        paraphrase="Agreed.",
        stated_on=datetime.date(2025, 11, 1),
    )
    ways = {
        "Aardvark": (terr1, {}),  # a public point
        "Bandicoot": (d2, {}),  # a public draft as a whole
        "Capybara": (terr1, {"published": False}),  # an unpublished citation
        "Dugong": (hidden_point, {}),  # an unpublished point of a public draft
        "Echidna": (in_hidden_draft, {}),  # a point of an unpublished draft
        "Fossa": (hidden_draft, {}),  # an unpublished draft as a whole
        "Gharial": (position, {}),  # a party's position, not a draft's text
    }
    for word, (target, kw) in ways.items():
        f.cite(target, f.make_source(outlet=f"{word} Post"), excerpt="Reported.", **kw)
    return ways


def found(client, word: str) -> bool:
    return bool(results(client.get(URL, {"q": word, "kind": "source"})))


def test_the_public_finds_only_sources_that_public_draft_text_cites(client, cited):
    shown = {word for word in cited if found(client, word)}
    assert shown == {"Aardvark", "Bandicoot"}


def test_staff_find_every_source(client, cited):
    client.force_login(f.make_user("editor", group="Editors"))
    assert all(found(client, word) for word in cited)
