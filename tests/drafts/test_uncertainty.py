"""Uncertainty that shows: disputed facts about a draft on every surface that shows its
date or point count, and provisions resting on grade-C sources only."""

from __future__ import annotations

import re

import pytest

from apps.compare.snapshot import _draft as frozen_draft
from apps.drafts.queries import CORROBORATION_NEEDED
from tests import factories as f

pytestmark = pytest.mark.django_db

FACT = "Disputed: when the plan was first reported"


def dispute(draft, *, published=True):
    """Two competing claims about the draft's first-report date."""
    f.cite(
        draft,
        f.make_source(outlet="Axios relay"),
        stance="supports",
        excerpt="First reported on 19 November.",
        note=FACT,
    )
    return f.cite(
        draft,
        f.make_source(outlet="The Insider relay", reliability="C"),
        stance="differs",
        excerpt="Dates the first report to 18 November.",
        note=FACT,
        published=published,
    )


def surfaces(plan) -> dict[str, str]:
    d1, d2, _ = plan["drafts"]
    process = plan["process"].slug
    matter = plan["matters"][1].pk
    return {
        "home card": "/",
        "draft header": f"/drafts/{d1.slug}/",
        "comparison column": f"/compare/{d1.slug}...{d2.slug}/",
        "print view": f"/compare/{d1.slug}...{d2.slug}/print/",
        "draft picker": "/compare/",
        "heat map": f"/processes/{process}/heatmap/",
        "timeline": f"/processes/{process}/timeline/",
        "matter timeline": f"/matters/{matter}/",
        "search filter": "/search/?q=army",
    }


# The draft-level marker in its forms: a badge linking to the claims, a badge in the picker's
# labels, "· disputed" after a date in the pictures, ", disputed" in a filter's option.
MARKER = re.compile(r"draft-disputed|this draft's date|· (<tspan[^>]*>)?disputed|, disputed\)")


@pytest.mark.parametrize(
    "surface",
    [
        "home card",
        "draft header",
        "comparison column",
        "print view",
        "draft picker",
        "heat map",
        "timeline",
        "matter timeline",
        "search filter",
    ],
)
def test_every_surface_with_a_drafts_date_or_count_marks_its_dispute(client, plan, surface):
    url = surfaces(plan)[surface]
    before = client.get(url)
    assert before.status_code == 200
    assert not MARKER.search(before.content.decode()), surface
    dispute(plan["drafts"][0])
    html = client.get(url).content.decode()
    assert MARKER.search(html), surface


def test_the_marker_links_to_the_competing_claims_one_click_away(client, plan):
    d1, d2, _ = plan["drafts"]
    dispute(d1)
    link = f'href="{d1.get_absolute_url()}#draft-disputes"'
    for url in ("/", f"/compare/{d1.slug}...{d2.slug}/", d1.get_absolute_url()):
        html = client.get(url).content.decode()
        assert html.count(link) == 1, url
        assert f'href="{d2.get_absolute_url()}#draft-disputes"' not in html
    page = client.get(d1.get_absolute_url()).content.decode()
    section = page[page.index('id="draft-disputes"') :]
    section = section[: section.index("</section>")]
    # Both claims with their sources, open without JavaScript.
    assert FACT in section and "<details" in section and " open>" in section
    assert "Axios relay" in section and "First reported on 19 November." in section
    assert "The Insider relay" in section and "Dates the first report to 18 November." in section


def test_an_unpublished_dispute_marks_nothing_for_the_public(client, plan):
    d1 = plan["drafts"][0]
    dispute(d1, published=False)
    assert "draft-disputed" not in client.get("/").content.decode()
    assert not d1.is_disputed


def test_a_frozen_comparison_keeps_the_marker(plan):
    d1, d2, _ = plan["drafts"]
    assert frozen_draft(d2)["is_disputed"] is False
    dispute(d1)
    assert frozen_draft(d1)["is_disputed"] is True


def test_home_page_queries_do_not_grow_with_disputed_drafts(
    client, plan, django_assert_max_num_queries
):
    client.get("/")
    for draft in plan["drafts"]:
        dispute(draft)
    with django_assert_max_num_queries(12):
        client.get("/")


# Provisions resting on grade-C sources only.


@pytest.fixture
def weak(plan):
    """A provision of the plan whose only supporting source is grade C."""
    d1 = plan["drafts"][0]
    p = f.make_provision(d1, label="9", heading="Jets in Poland", body="<p>Jets.</p>")
    f.cite(p, f.make_source(reliability="C"), stance="supports")
    # A disputing A source is no support.
    f.cite(p, f.make_source(reliability="A"), stance="disputes", excerpt="Says otherwise.")
    # Corroborated: C and B together are not marked.
    both = f.make_provision(d1, label="10", heading="Guarantee", body="<p>Guarantee.</p>")
    f.cite(both, f.make_source(reliability="C"))
    f.cite(both, f.make_source(reliability="B"))
    return p


def provision_block(html: str, key: str) -> str:
    start = html.index(f'id="provision-{key}"')
    return html[start : html.index("</li>", start)]


def test_c_only_provisions_are_marked_and_counted(client, plan, weak):
    d1 = plan["drafts"][0]
    html = client.get(d1.get_absolute_url()).content.decode()
    assert CORROBORATION_NEEDED.capitalize() in provision_block(html, weak.key)
    others = list(d1.provisions.exclude(pk=weak.pk))
    assert all(
        CORROBORATION_NEEDED.capitalize() not in provision_block(html, p.key) for p in others
    )
    assert re.search(r">1</span> provision rests on grade-C sources alone", html)


def test_the_c_only_filter_keeps_those_provisions(client, plan, weak):
    d1 = plan["drafts"][0]
    html = client.get(d1.get_absolute_url(), {"corroboration": "needed"}).content.decode()
    assert re.findall(r'<li class="provision[^"]*" id="provision-([\w-]+)"', html) == [weak.key]
    assert "1 provision resting on grade-C sources alone" in html
    assert 'name="corroboration" value="needed" checked' in html


def test_a_bad_corroboration_filter_is_a_clear_400(client, plan):
    response = client.get(plan["drafts"][0].get_absolute_url(), {"corroboration": "maybe"})
    assert response.status_code == 400
    assert "corroboration=needed" in response.content.decode()


def test_unpublished_strong_sources_do_not_count_for_the_public(client, plan, weak):
    f.cite(weak, f.make_source(reliability="A"), published=False)
    html = client.get(plan["drafts"][0].get_absolute_url()).content.decode()
    assert CORROBORATION_NEEDED.capitalize() in provision_block(html, weak.key)


def test_the_comparison_page_states_the_label_convention(client, plan):
    d1, d2, _ = plan["drafts"]
    html = client.get(f"/compare/{d1.slug}...{d2.slug}/").content.decode()
    assert "Labels are read from Ukraine's side" in html


def test_a_comparison_without_labels_does_not_explain_them(client, plan):
    """The legend reads labels from Ukraine's side: a comparison whose rows carry no label
    (another process's, such as Gaza's) must not claim that convention."""
    from apps.alignment.models import MatterEntry

    MatterEntry.objects.update(label="", rationale="")
    d1, d2, _ = plan["drafts"]
    html = client.get(f"/compare/{d1.slug}...{d2.slug}/").content.decode()
    assert "Labels are read from" not in html
    frozen = client.post(f"/compare/{d1.slug}...{d2.slug}/freeze/")["Location"]
    assert "Labels are read from" not in client.get(frozen).content.decode()


def test_a_permanent_link_with_labels_keeps_their_legend(client, plan):
    d1, d2, _ = plan["drafts"]
    frozen = client.post(f"/compare/{d1.slug}...{d2.slug}/freeze/")["Location"]
    assert "Labels are read from Ukraine's side" in client.get(frozen).content.decode()
