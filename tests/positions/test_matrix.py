"""The parties × matters matrix: latest stances as of a point, marks, shifts, bad input, CSV."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.positions.band import is_old
from apps.positions.models import Position
from tests import factories as f

URL = "/processes/test-process/matrix/"
D = datetime.date


def say(plan, party, matter, stance, day, paraphrase="Stated position.", **kw):
    position = Position.objects.create(
        process=plan["process"],
        party=party,
        matter=matter,
        stance=stance,
        stated_on=day,
        paraphrase=paraphrase,
        **kw,
    )
    f.cite(position)
    return position


@pytest.fixture
def stances(plan):
    m_sov, m_army, m_terr = plan["matters"]
    us, e3 = plan["us"], plan["e3"]
    return {
        "us_terr_old": say(plan, us, m_terr, "accepts", D(2025, 4, 25), "Crimea stays Russian."),
        "us_terr": say(
            plan,
            us,
            m_terr,
            "demands",
            D(2025, 11, 22),
            "Recognise the lines.",
            speaker="Rubio",
            speaker_role="Secretary of State",
        ),
        "us_terr_late": say(plan, us, m_terr, "rejects", D(2025, 11, 30), "Too late to count."),
        # Stated the day the counter-proposal was presented: part of the matrix as of it.
        "e3_terr": say(plan, e3, m_terr, "rejects", D(2025, 11, 23), "No change by force."),
        "us_army": say(plan, us, m_army, "demands", D(2025, 11, 20), "A cap of 600,000."),
        "e3_army": say(plan, e3, m_army, "unclear", D(2025, 11, 21), "Neither yes nor no."),
        "e3_sov": say(plan, e3, m_sov, "accepts", D(2025, 11, 23), "Sovereignty first."),
    }


def cell(html: str, matter, party) -> str:
    """The HTML of one cell of the matrix."""
    start = html.index(f'id="cell-{matter.pk}-{party.slug}"')
    return html[start : html.index("</td>", start)]


def get(client, query: str = "", **headers):
    response = client.get(URL + (f"?{query}" if query else ""), headers=headers)
    assert response.status_code == 200, response.content.decode()[:500]
    return response.content.decode()


def test_each_cell_is_the_partys_latest_stance_as_of_the_draft_named(client, plan, stances):
    m_sov, m_army, m_terr = plan["matters"]
    us, e3 = plan["us"], plan["e3"]
    html = get(client, "as_of=counter")
    assert "As of Counter, 23 Nov 2025" in html
    us_terr = cell(html, m_terr, us)
    assert "Demands" in us_terr and "Recognise the lines." in us_terr
    assert "22 Nov 2025" in us_terr and "Rubio (Secretary of State)" in us_terr
    assert "Too late to count." not in html  # stated after the as-of point
    assert "1 earlier position" in us_terr
    # Stated on the very day of the draft: counts as of that draft.
    assert "Rejects" in cell(html, m_terr, e3) and "No change by force." in cell(html, m_terr, e3)

    as_of_plan = get(client, "as_of=plan")
    assert "Accepts" in cell(as_of_plan, m_terr, us)  # the April statement, then the latest
    assert "No stated position" in cell(as_of_plan, m_terr, e3)

    as_of_day = get(client, "as_of=2025-12-01")
    assert "Too late to count." in cell(as_of_day, m_terr, us)
    assert "As of 1 Dec 2025" in as_of_day


def test_default_is_the_newest_draft_and_each_state_has_one_address(client, plan, stances):
    html = get(client)
    assert "As of Revision, 24 Nov 2025" in html
    assert 'aria-current="page">Revision</a>' in html
    assert client.get(URL + "?as_of=revision")["Location"] == URL
    # A submitted form with an empty field goes to the tidy address.
    response = client.get(URL + "?as_of=2025-11-23&since=")
    assert response.status_code == 302 and response["Location"] == URL + "?as_of=2025-11-23"
    # Each draft of the list is a link to its own state of the matrix.
    for slug in ("plan", "counter"):
        assert f'href="{URL}?as_of={slug}"' in html
    assert f'<link rel="canonical" href="http://testserver{URL}">' in html


def test_conflicts_with_the_as_of_drafts_text_are_marked(client, plan, stances):
    m_sov, m_army, m_terr = plan["matters"]
    us, e3 = plan["us"], plan["e3"]
    counter = get(client, "as_of=counter")
    # E3 rejects the territory text the counter-proposal has.
    assert "conflicting" in cell(counter, m_terr, e3) and "conflicts</span>" in cell(
        counter, m_terr, e3
    )
    # The US demands an army cap the counter-proposal has: no conflict.
    assert "conflicts</span>" not in cell(counter, m_army, us)
    revision = get(client)
    # The revision is known only from reports, none of which covers the army: nothing says
    # it leaves the cap out, so the demand is not marked (as in the comparison).
    assert plan["drafts"][2].text_basis == "reported"
    assert "conflicts</span>" not in cell(revision, m_army, us)
    # Were its full text known without an army provision, the demand would conflict.
    plan["drafts"][2].text_basis = "full"
    plan["drafts"][2].save()
    revision = get(client)
    assert "conflicts</span>" in cell(revision, m_army, us)
    assert "in conflict with Revision" in revision


def test_positions_older_than_90_days_before_the_as_of_point_are_marked_old(client, plan, stances):
    m_terr, us = plan["matters"][2], plan["us"]
    us_old = cell(get(client, "as_of=plan"), m_terr, us)  # 25 Apr, as of 20 Nov
    assert 'class="badge old"' in us_old and "is-old" in us_old
    assert 'class="badge old"' not in cell(get(client, "as_of=counter"), m_terr, us)
    as_of = D(2025, 11, 20)
    assert not is_old(as_of - datetime.timedelta(days=90), as_of)
    assert is_old(as_of - datetime.timedelta(days=91), as_of)
    assert not is_old(as_of, None)


def test_no_stated_position_is_distinct_from_unclear(client, plan, stances):
    m_sov, m_army, m_terr = plan["matters"]
    us, e3 = plan["us"], plan["e3"]
    html = get(client, "as_of=counter")
    unclear = cell(html, m_army, e3)
    assert "stance-unclear" in unclear and ">Unclear<" in unclear
    assert "No stated position" not in unclear
    nothing = cell(html, m_sov, us)
    assert "stance-none" in nothing and "No stated position" in nothing
    assert "Unclear" not in nothing


def test_shifts_between_two_as_of_points_are_marked_and_listed(client, plan, stances):
    m_sov, m_army, m_terr = plan["matters"]
    us = plan["us"]
    html = get(client, "as_of=2025-12-01&since=plan")
    listed = html.split('class="shift-list"')[1].split("</ul>")[0]
    assert "What shifted between Plan, 20 Nov 2025 and 1 Dec 2025" in html
    assert "United States on A16 Territory</a>: accepts → <strong>rejects</strong>" in listed
    assert "E3 on A16 Territory</a>: no stated position → <strong>rejects</strong>" in listed
    assert "E3 on A01 Sovereignty</a>: no stated position → <strong>accepts</strong>" in listed
    # Stated on the day of the `since` draft: held then already, so no shift.
    assert "United States on A10" not in listed
    assert "is-shifted" in cell(html, m_terr, us) and "was accepts" in cell(html, m_terr, us)
    assert "is-shifted" not in cell(html, m_army, us)
    assert "4 shifted" in html  # E3 on army too: nothing → unclear

    same = get(client, "as_of=counter&since=counter")
    assert "No party’s stance changed between these two points." in same


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("as_of=yesterday", 400, "is neither a draft of this process nor a date"),
        ("as_of=2025-02-30", 400, "is not a date of the calendar"),
        ("as_of=2999-01-01", 400, "is in the future"),
        ("as_of=2024-01-01", 400, "is before this process began (2025-04-25)"),
        ("as_of=plan&since=counter", 400, "is after the as-of point"),
        ("since=%00%01", 400, "is neither a draft of this process nor a date"),
        ("as_of=unpublished-draft", 400, "is neither a draft of this process nor a date"),
    ],
)
def test_bad_as_of_points_get_a_clear_page_with_a_way_back(
    client, plan, stances, query, status, message
):
    f.make_draft(plan["process"], slug="unpublished-draft", published=False)
    response = client.get(f"{URL}?{query}")
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert f'href="{URL}"' in html  # back to the matrix as of the newest draft


def test_unknown_process_party_or_matter_is_a_404_page(client, plan):
    response = client.get("/processes/nowhere/matrix/")
    assert response.status_code == 404
    assert "There is no peace process with the id “nowhere”" in response.content.decode()
    assert client.get("/processes/nowhere/matrix.csv").status_code == 404
    assert client.get("/parties/nobody/").status_code == 404
    assert client.get("/matters/999999/").status_code == 404


def test_rows_are_grouped_by_topic_and_link_to_matters_columns_to_parties(client, plan, stances):
    m_sov, m_army, m_terr = plan["matters"]
    html = get(client)
    groups = re.findall(r'<tbody id="(topic-[^"]+)">', html)
    assert groups == ["topic-military-limits", "topic-territory", "topic-other"]  # topic order
    assert html.index(f'id="matter-{m_terr.pk}"') < html.index(f'id="matter-{m_sov.pk}"')
    for matter in plan["matters"]:
        assert f'href="{reverse("positions:matter", args=[matter.pk])}"' in html
    for party in (plan["us"], plan["e3"]):
        assert f'<th scope="col" class="party-col"><a href="/parties/{party.slug}/">' in html


def test_earlier_positions_open_in_place_or_as_a_page(client, plan, stances):
    m_terr, us = plan["matters"][2], plan["us"]
    us_terr = cell(get(client, "as_of=counter"), m_terr, us)
    history = reverse("positions:history", args=[m_terr.pk, us.slug])
    assert f'href="{history}"' in us_terr  # without JavaScript: the history page
    assert f'data-hx-get="{history}?before={stances["us_terr"].pk}"' in us_terr
    earlier = client.get(
        f"{history}?before={stances['us_terr'].pk}", headers={"HX-Request": "true"}
    ).content.decode()
    assert "Crimea stays Russian." in earlier and "Recognise the lines." not in earlier


def test_moving_the_as_of_point_with_htmx_swaps_the_matrix_and_pushes_its_address(
    client, plan, stances
):
    response = client.get(URL + "?as_of=plan", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith("<title>")
    assert '<section id="matrix"' in html and "<html" not in html
    assert response["HX-Push-Url"] == URL + "?as_of=plan"
    assert "HX-Request" in response["Vary"]


def test_matrix_is_linked_from_the_home_page_and_the_process_pictures(client, plan):
    assert f'href="{URL}"' in client.get("/").content.decode()
    assert f'href="{URL}"' in client.get("/processes/test-process/heatmap/").content.decode()


def test_unpublished_matters_stay_out_for_the_public(client, plan, stances):
    hidden = f.make_matter(plan["process"], code="H1", title="Hidden matter", published=False)
    f.align(hidden, f.make_provision(plan["drafts"][0]))
    say(plan, plan["us"], hidden, "rejects", D(2025, 11, 20), "Hidden paraphrase.")
    html = get(client)
    assert "Hidden matter" not in html and "Hidden paraphrase" not in html
    assert "Hidden" not in client.get(URL.replace("/matrix/", "/matrix.csv")).content.decode()
    client.force_login(f.make_user("edna", group="Editors"))
    assert "Hidden matter" in get(client)


def test_csv_export_has_one_row_per_matter_and_party(client, plan, stances):
    response = client.get("/processes/test-process/matrix.csv?as_of=2025-12-01&since=plan")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "matrix-test-process-2025-12-01.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 3 * 2  # three matters × two parties
    by_key = {(r["matter"], r["party"]): r for r in rows}
    us_terr = by_key[("A16", "united-states")]
    assert us_terr["stance"] == "rejects" and us_terr["stated_on"] == "2025-11-30"
    assert us_terr["earlier_positions"] == "2" and us_terr["stance_since"] == "accepts"
    assert us_terr["shifted"] == "true" and us_terr["as_of_draft"] == "revision"
    assert by_key[("A01", "united-states")]["stance"] == "none"
    assert by_key[("A10", "e3")]["stance"] == "unclear"
    # The reported-only revision has no known army text: the demand is not a conflict.
    assert by_key[("A10", "united-states")]["conflict"] == "false"
    assert us_terr["conflict"] == "true"  # rejects the territory text the revision has
    bad = client.get("/processes/test-process/matrix.csv?as_of=nope")
    assert bad.status_code == 400


def _world(plan, n: int) -> None:
    """n more parties, n more matters, and 3·n² positions."""
    process = plan["process"]
    parties = [f.make_party() for _ in range(n)]
    for i in range(n):
        matter = f.make_matter(process)
        f.align(matter, f.make_provision(plan["drafts"][i % 3]))
        for party in parties:
            for day in (10, 20, 21):
                Position.objects.create(
                    process=process,
                    party=party,
                    matter=matter,
                    stance=["accepts", "rejects", "unclear"][day % 3],
                    stated_on=D(2025, 11, day),
                    paraphrase="x",
                    speaker="Someone",
                )


def _queries(client, url: str) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_parties_matters_and_positions(client, plan, stances):
    urls = [
        URL + "?as_of=2025-12-01&since=plan",
        "/processes/test-process/matrix.csv?as_of=2025-12-01&since=plan",
        "/processes/test-process/matrix/og.png?since=plan",
    ]
    _world(plan, 1)
    small = [_queries(client, url) for url in urls]
    _world(plan, 10)
    assert [_queries(client, url) for url in urls] == small
    assert small[0] <= 12


def test_with_many_parties_the_column_heads_use_short_names(client, plan, stances):
    # Two parties: full names, as they fit.
    html = get(client)
    assert '<table class="matrix">' in html
    assert f'<a href="/parties/{plan["us"].slug}/">{plan["us"].name}</a></th>' in html
    m_sov = plan["matters"][0]
    for i in range(10):
        party = f.make_party(slug=f"state-{i}", name=f"Federal State {i}", short_name=f"S{i}")
        say(plan, party, m_sov, "accepts", D(2025, 11, 20))
    html = get(client)
    assert '<a href="/parties/state-3/"><abbr title="Federal State 3">S3</abbr></a></th>' in html
    # and the table scrolls sideways rather than squeezing the cells.
    assert '<table class="matrix many-parties">' in html
    # A party with no short name keeps its name.
    assert not plan["us"].short_name
    assert f'<a href="/parties/{plan["us"].slug}/">{plan["us"].name}</a></th>' in html
