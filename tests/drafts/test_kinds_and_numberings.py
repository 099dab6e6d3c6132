"""What a second process of another shape needs on the pages: drafts of different kinds,
points numbered differently by different outlets, sources in other languages and relays,
translated quotations, and each process's own topic tree."""

from __future__ import annotations

import pytest
from django.test import Client

from apps.drafts.models import Draft
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def leak():
    process = f.make_process(slug="gaza", name="Gaza 2025")
    hostages = f.make_topic(code="hostages", name="Hostages", process=process)
    f.make_topic(code="territory", name="Territory", process=f.make_process(slug="ukraine"))
    plan = f.make_draft(process, slug="us-21", label="21-point plan", kind=Draft.Kind.PLAN)
    resolution = f.make_draft(
        process, slug="unsc-2803", label="Resolution 2803", kind=Draft.Kind.RESOLUTION
    )
    point = f.make_provision(
        plan, label="3", heading="War ends at once", body="<p>The war ends at once.</p>"
    )
    point.topics.set([hostages])
    toi = f.make_source(key="g22", outlet="Times of Israel relay", relay_of="the ToI's copy")
    telegraph = f.make_source(
        key="g20", outlet="Diário de Notícias", headline="O plano de Trump", language="pt"
    )
    f.cite(point, toi, locator="point 3")
    f.cite(point, telegraph, locator="ponto 1", source_number="1", excerpt="A guerra termina.")
    f.cite(point, f.make_source(key="g99", outlet="Ynet"), excerpt="Ends.", translated=True)
    hidden = f.make_source(key="g98", outlet="Secret outlet")
    f.cite(point, hidden, source_number="7", published=False)
    paragraph = f.make_provision(resolution, label="OP4", heading="Board of Peace")
    f.cite(paragraph, toi)
    return {"plan": plan, "resolution": resolution, "point": point}


def test_the_drafts_kind_shows_on_its_page_the_home_page_and_the_comparison(leak):
    client = Client()
    page = client.get("/drafts/unsc-2803/").content.decode()
    assert "UN resolution" in page
    assert "UN resolution" in client.get("/").content.decode()
    comparison = client.get("/compare/us-21...unsc-2803/").content.decode()
    assert "UN resolution" in comparison and ">Plan<" in comparison


def test_a_point_numbered_differently_by_a_source_shows_both_numbers(leak):
    page = Client().get("/drafts/us-21/").content.decode()
    assert "numbered 1 by Diário de Notícias" in page
    assert "numbered 1 by this source" in page
    # An unpublished citation's number is not shown to the public.
    assert "numbered 7" not in page and "Secret outlet" not in page


def test_an_editor_sees_the_number_of_an_unpublished_citation_too(leak):
    client = Client()
    client.force_login(f.make_user("ed", group="Editors"))
    page = client.get("/drafts/us-21/").content.decode()
    assert "numbered 1 by Diário de Notícias; 7 by Secret outlet" in page


def test_language_relay_and_translation_are_said_beside_the_source(leak):
    page = Client().get(f"/provisions/{leak['point'].key}/").content.decode()
    assert '<cite lang="pt">O plano de Trump</cite> <span class="language">(in Portuguese)' in page
    assert "relays the ToI&#x27;s copy" in page
    assert 'Ends. <span class="translated">(translated by the editors)</span>' in page


def test_search_finds_a_point_by_either_number(leak):
    client = Client()
    for query in ("point 3", "ponto 1"):
        page = client.get("/search/", {"q": query}).content.decode()
        assert "Cited for 21-point plan, provision 3" in page, query


def test_the_comparisons_topic_filter_lists_only_its_processs_topics(leak):
    page = Client().get("/compare/us-21...unsc-2803/").content.decode()
    assert 'value="hostages"' in page
    assert 'value="territory"' not in page


def test_the_kind_is_in_the_draft_export_and_api(leak):
    client = Client()
    assert client.get("/drafts/unsc-2803/export.json").json()["draft"]["kind"] == "resolution"
    assert client.get("/api/v1/drafts/unsc-2803/").json()["kind"] == "resolution"


def test_the_drafts_kind_shows_on_the_heat_map_timeline_matrix_and_print_view(leak):
    import datetime

    for draft, day in ((leak["plan"], 27), (leak["resolution"], 28)):
        draft.presented_on = datetime.date(2025, 9, day)
        draft.save()
    client = Client()
    heatmap = client.get("/processes/gaza/heatmap/").content.decode()
    assert 'class="hm-kind"' in heatmap and ">UN resolution</text>" in heatmap
    assert 'aria-label="Resolution 2803, UN resolution,' in heatmap
    timeline = client.get("/processes/gaza/timeline/").content.decode()
    assert '<tspan class="tl-kind-word" font-style="italic" fill="#3d4654">UN resolution' in (
        timeline
    )
    assert "Resolution 2803</strong></a>: " in timeline and "(UN resolution; " in timeline
    matrix = client.get("/processes/gaza/matrix/").content.decode()
    assert '<span class="as-of-kind">UN resolution</span>' in matrix
    printed = client.get("/compare/us-21...unsc-2803/print/").content.decode()
    assert "<td>UN resolution</td>" in printed and "<td>Plan</td>" in printed


def test_the_drafts_kind_travels_in_the_exports(leak):
    import csv
    import io
    import json

    client = Client()
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/drafts/unsc-2803/export.csv").content.decode("utf-8-sig"))
        )
    )
    assert {r["draft_kind"] for r in rows} == {"resolution"}
    compared = client.get("/compare/us-21...unsc-2803/export.csv", follow=True)
    rows = list(csv.DictReader(io.StringIO(compared.content.decode("utf-8-sig"))))
    assert {(r["us-21:kind"], r["unsc-2803:kind"]) for r in rows} == {("plan", "resolution")}
    data = json.loads(client.get("/compare/us-21...unsc-2803/export.json", follow=True).content)
    assert [d["kind"] for d in data["drafts"]] == ["plan", "resolution"]
    assert json.loads(client.get("/drafts/unsc-2803/export.json").content)["draft"]["kind"] == (
        "resolution"
    )
