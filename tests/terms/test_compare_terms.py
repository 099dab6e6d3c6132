"""The comparison shows each provision's key terms, a changed value with its difference."""

from __future__ import annotations

import datetime
import re

import pytest

from apps.compare.models import FrozenComparison
from apps.drafts.models import Provision
from apps.terms.models import KeyTerm
from tests import factories as f
from tests.queries import count_queries

from .conftest import make_term

URL = "/compare/plan...counter...revision/"


def army(plan, index: int) -> Provision:
    return Provision.objects.get(draft=plan["drafts"][index], label="6")


def terms_of(html: str, code: str) -> list[str]:
    """Each rendered key term with that code, tags kept, whitespace collapsed."""
    found = re.findall(rf'<li class="key-term[^"]*" data-term="{code}">(.*?)</li>', html, re.S)
    return [" ".join(t.split()) for t in found]


def spoken(fragment: str) -> str:
    """What a screen reader reads: the text, sr-only words included, without tags."""
    return " ".join(re.sub(r"<[^>]+>", "", fragment).split())


@pytest.fixture
def army_caps(plan):
    make_term(army(plan, 0), "army-cap", name="Army cap", value=600000)
    make_term(army(plan, 1), "army-cap", name="Army cap", value=800000, note="In peacetime.")
    return plan


def test_a_changed_value_shows_old_new_and_the_difference(client, army_caps):
    html = client.get(URL).content.decode()
    first, second = terms_of(html, "army-cap")
    assert "<del>" not in first
    assert spoken(first) == "Army cap: 600,000 troops"
    assert '<del><span class="sr-only">[Plan: </span>600,000' in second
    assert '<ins><span class="sr-only">[this draft: </span>800,000' in second
    assert spoken(second) == (
        "Army cap: [Plan: 600,000] [this draft: 800,000] troops (+200,000 against Plan) "
        "In peacetime."
    )


def test_an_unchanged_value_is_shown_plainly(client, plan):
    make_term(army(plan, 0), "army-cap", name="Army cap", value=600000)
    make_term(army(plan, 1), "army-cap", name="Army cap", value=600000)
    html = client.get(URL).content.decode()
    assert [spoken(t) for t in terms_of(html, "army-cap")] == ["Army cap: 600,000 troops"] * 2
    assert "<del>" not in "".join(terms_of(html, "army-cap"))


def test_a_number_against_a_text_is_changed_without_arithmetic(client, plan):
    make_term(army(plan, 0), "army-cap", name="Army cap", value=600000)
    make_term(army(plan, 1), "army-cap", name="Army cap", value_text="no limit")
    html = client.get(URL).content.decode()
    second = terms_of(html, "army-cap")[1]
    assert spoken(second) == "Army cap: [Plan: 600,000 troops] [this draft: no limit]"


def test_base_first_compares_with_the_first_column(client, plan):
    sovereignty = [Provision.objects.get(draft=d, label="1") for d in plan["drafts"][:2]]
    make_term(sovereignty[0], "deadline", name="Deadline", value=100, unit="days")
    make_term(sovereignty[1], "deadline", name="Deadline", value=30, unit="days")
    html = client.get(URL + "?base=first").content.decode()
    assert spoken(terms_of(html, "deadline")[1]) == (
        "Deadline: [Plan: 100] [this draft: 30] days (\u221270 against Plan)"
    )


def test_key_terms_are_escaped(client, plan):
    make_term(army(plan, 0), "army-cap", name="<b>Cap</b>", value_text="<script>x</script>")
    html = client.get(URL).content.decode()
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html


def test_frozen_links_keep_the_terms_as_they_were(client, army_caps):
    link = client.post(URL + "freeze/").headers["Location"]
    term = KeyTerm.objects.get(value=800000)
    term.value = 750000
    term.save()

    frozen = client.get(link).content.decode()
    assert spoken(terms_of(frozen, "army-cap")[1]).startswith(
        "Army cap: [Plan: 600,000] [this draft: 800,000] troops (+200,000"
    )
    assert "The live analysis has changed since this link was made." in frozen
    live = client.get(URL).content.decode()
    assert "(+150,000" in spoken(terms_of(live, "army-cap")[1])


def test_links_frozen_before_key_terms_existed_still_render(client, plan):
    link = client.post(URL + "freeze/").headers["Location"]
    frozen = FrozenComparison.objects.get()
    for row in frozen.payload["rows"]:
        for cell in row["cells"]:
            for item in cell["items"]:
                assert "terms" not in item  # the plan has no terms: stored as before
    html = client.get(link).content.decode()
    assert "The live comparison still reads the same." in html
    assert "key-terms" not in html


@pytest.mark.django_db
def test_query_count_does_not_grow_with_terms_drafts_or_provisions(client):
    process = f.make_process()
    drafts = [
        f.make_draft(process, presented_on=datetime.date(2025, 11, day)) for day in range(1, 7)
    ]

    def grow(n: int) -> None:
        for _ in range(n):
            matter = f.make_matter(process)
            for value, d in enumerate(drafts):
                p = f.make_provision(d, body=f"<p>Text {matter.pk} of {d.slug}.</p>")
                make_term(p, f"cap-{matter.pk}", value=value * 1000)
                make_term(p, f"when-{matter.pk}", value_text=f"day {value}")
                f.align(matter, p, "reworded")

    grow(2)
    # These drafts have no lineage: mark each column against the previous one.
    two = f"/compare/{drafts[0].slug}...{drafts[1].slug}/?base=previous"
    six = "/compare/" + "...".join(d.slug for d in drafts) + "/?base=previous"
    client.get(two)
    small = (count_queries(client, two), count_queries(client, six))
    grow(12)
    html = client.get(six).content.decode()
    assert html.count('class="key-term changed"') == 14 * 5 * 2
    assert (count_queries(client, two), count_queries(client, six)) == small
    assert small[0] == small[1]


def test_a_points_key_terms_read_in_the_editors_order(client, plan):
    point = army(plan, 0)
    make_term(point, "navy-cap", name="Navy cap", position=2)
    make_term(point, "army-cap", name="Army cap", position=1)
    html = client.get(URL).content.decode()
    codes = re.findall(r'<li class="key-term[^"]*" data-term="([^"]+)">', html)
    assert codes[:2] == ["army-cap", "navy-cap"]
