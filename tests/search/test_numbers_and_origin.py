"""Numbers match however they are written, and every result says where it comes from."""

from __future__ import annotations

import pytest
from django.test import Client

from tests import factories as f
from tests.search.conftest import results

SEARCH = "/search/"


@pytest.fixture
def numbers(plan):
    """Three provisions, each writing a number its own way, and a citation quoting one."""
    d1, d2, _ = plan["drafts"]
    comma = plan["provisions"]["army2"]  # "Army capped at 800,000 in peacetime."
    spaced = f.make_provision(
        d1, label="7", heading="Reserves", body="<p>Reserves of 800 000 men.</p>"
    )
    plain = f.make_provision(
        d2, label="8", heading="Budget", body="<p>A budget of 800000 euros.</p>"
    )
    nbsp = f.make_provision(d2, label="9", heading="Police", body="<p>Police: 800&nbsp;000.</p>")
    f.cite(plain, excerpt="The budget would be 800,000 euros a year.")
    return {"comma": comma, "spaced": spaced, "plain": plain, "nbsp": nbsp}


@pytest.mark.parametrize("written", ["800000", "800,000", "800 000", "800\u00a0000"])
def test_a_number_is_found_however_it_is_written(numbers, written):
    found = results(Client().get(SEARCH, {"q": written, "kind": "provision"}))
    headings = sorted(r.text for r in found)
    assert len(found) == 4, headings
    for word in ("Army cap", "Reserves", "Budget", "Police"):
        assert any(word in text for text in headings), (word, headings)


def test_the_number_is_marked_as_it_is_written(numbers):
    page = Client().get(SEARCH, {"q": "800000", "kind": "provision"}).content.decode()
    assert "<mark>800,000</mark>" in page
    assert "<mark>800000</mark>" in page
    assert "<mark>800 000</mark>" in page


def test_a_number_with_other_words_still_needs_them_all(numbers):
    found = results(Client().get(SEARCH, {"q": "army 800 000", "kind": "provision"}))
    assert [r.text for r in found if "Army cap" in r.text]
    assert not [r for r in found if "Budget" in r.text]


def test_a_grouped_number_is_not_joined_with_a_year(plan):
    d1 = plan["drafts"][0]
    f.make_provision(d1, label="30", heading="Timing", body="<p>By 2025 300 monitors.</p>")
    assert results(Client().get(SEARCH, {"q": "2025", "kind": "provision"}))
    assert not results(Client().get(SEARCH, {"q": "2025300", "kind": "provision"}))


def test_each_result_says_which_draft_and_point_it_comes_from(numbers, plan):
    found = results(Client().get(SEARCH, {"q": "800,000"}))
    by_kind = {}
    for r in found:
        by_kind.setdefault(r.kind, []).append(r.text)
    assert any("From Test process · Counter, point 6" in t for t in by_kind["provision"])
    assert any("From Test process · Plan, point 7" in t for t in by_kind["provision"])
    assert any("Cites Test process · Counter, point 8" in t for t in by_kind["citation"])


def test_an_unnumbered_point_and_a_whole_draft_say_so(plan):
    revision = plan["drafts"][2]
    f.cite(revision, excerpt="Bracketed wording about monitors.")
    found = results(Client().get(SEARCH, {"q": "presidents", "kind": "provision"}))
    assert ["From Test process · Revision, an unnumbered point" in r.text for r in found] == [True]
    cited = results(Client().get(SEARCH, {"q": "monitors", "kind": "citation"}))
    assert any("Cites Test process · Revision, the draft as a whole" in r.text for r in cited)
