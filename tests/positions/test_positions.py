"""Parties' stated positions: the rules, the comparison band, party and matter pages."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.positions.models import Position
from tests import factories as f
from tests.admin.forms import form_data

URL = "/compare/plan...counter...revision/"
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
        "us_terr": say(plan, us, m_terr, "demands", D(2025, 11, 22), "Recognise the lines."),
        "us_terr_late": say(plan, us, m_terr, "rejects", D(2025, 11, 30), "Too late to count."),
        "e3_terr": say(plan, e3, m_terr, "rejects", D(2025, 11, 23), "No change by force."),
        "us_army": say(plan, us, m_army, "demands", D(2025, 11, 20), "A cap of 600,000."),
        "e3_sov": say(plan, e3, m_sov, "accepts", D(2025, 11, 23), "Sovereignty first."),
    }


def _row(html: str, matter) -> str:
    return html.split(f'id="matter-{matter.pk}"')[1].split('class="cmp-row')[0]


def _errors(position) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as exc:
        position.full_clean()
    return exc.value.message_dict


def test_position_rules_give_one_clear_message_on_the_field_at_fault(plan):
    m_sov = plan["matters"][0]
    base = {"process": plan["process"], "party": plan["us"], "stance": "accepts", "paraphrase": "x"}
    tomorrow = datetime.date.today() + datetime.timedelta(1)
    assert _errors(Position(**base, matter=m_sov)) == {
        "stated_on": ["Give the date the position was stated (month is enough)."]
    }
    assert _errors(Position(**base, matter=m_sov, stated_on=tomorrow)) == {
        "stated_on": [f"The date stated cannot be in the future ({tomorrow:%d %b %Y})."]
    }
    assert _errors(Position(**base, stated_on=D(2025, 4, 1))) == {
        "matter": ["Say which matter or topic the position is about."]
    }
    foreign = f.make_matter(f.make_process(name="Elsewhere"), code="Z1")
    assert _errors(Position(**base, matter=foreign, stated_on=D(2025, 4, 1))) == {
        "matter": ["Matter Z1 belongs to Elsewhere, not to this position's peace process."]
    }
    # The field's own limit says it once (it used to be said three times).
    long_quote = Position(**base, matter=m_sov, stated_on=D(2025, 4, 1), quotation="q" * 301)
    assert _errors(long_quote) == {
        "quotation": ["Ensure this value has at most 300 characters (it has 301)."]
    }
    Position(**base, matter=m_sov, stated_on=D(2025, 4, 1), quotation="q" * 300).full_clean()


def test_a_position_about_a_topic_alone_or_a_matter_is_valid_and_filled_in(plan):
    m_terr = plan["matters"][2]
    base = {"process": plan["process"], "party": plan["us"], "stance": "accepts", "paraphrase": "x"}
    about_topic = Position(**base, topic=m_terr.topic, stated_on=D(2025, 4, 17))
    about_topic.full_clean()
    assert about_topic.matter is None and about_topic.topic == m_terr.topic
    # A month-only date is kept as the month's first day; a matter gives its topic.
    in_november = Position(
        **base, matter=m_terr, stated_on=D(2025, 11, 17), stated_precision="month"
    )
    in_november.full_clean()
    assert in_november.stated_on == D(2025, 11, 1)
    assert in_november.topic_id == m_terr.topic_id is not None
    # A topic the editor chose is kept, even beside a matter of another topic.
    other = f.make_topic(name="Other", code="other")
    chosen = Position(**base, matter=m_terr, topic=other, stated_on=D(2025, 11, 17))
    chosen.full_clean()
    assert chosen.topic == other and chosen.stated_on == D(2025, 11, 17)


def _add_in_admin(client, plan, **typed):
    """An editor fills in the admin's add form for a position on the first matter."""
    client.force_login(f.make_user("edna", group="Editors"))
    url = reverse("admin:positions_position_add")
    data = form_data(client.get(url))
    data.update(
        process=str(plan["process"].pk),
        party=str(plan["us"].pk),
        matter=str(plan["matters"][0].pk),
        stance="accepts",
        **typed,
    )
    return client.post(url, data)


def test_admin_refuses_a_long_quotation_on_its_field_and_saves_nothing(client, plan):
    response = _add_in_admin(
        client, plan, paraphrase="Said at length.", quotation="q" * 301, stated_date="2025-04-01"
    )
    html = response.content.decode()
    assert (
        '<ul class="errorlist" id="id_quotation_error">'
        "<li>Ensure this value has at most 300 characters (it has 301).</li></ul>"
    ) in html
    assert not Position.objects.exists()


def test_positions_read_in_date_order_as_of_a_day_and_name_what_they_are_about(plan, stances):
    m_terr = plan["matters"][2]
    us_on_territory = Position.objects.filter(party=plan["us"], matter=m_terr)
    assert list(us_on_territory.chronological()) == [
        stances["us_terr_old"],
        stances["us_terr"],
        stances["us_terr_late"],
    ]
    same_day = say(plan, plan["us"], m_terr, "unclear", D(2025, 4, 25))
    assert list(us_on_territory.chronological())[:2] == [stances["us_terr_old"], same_day]
    assert set(us_on_territory.as_of(D(2025, 11, 22))) == {
        stances["us_terr_old"],
        stances["us_terr"],
        same_day,
    }
    assert us_on_territory.as_of(None).count() == 4
    assert str(stances["us_terr"]) == "United States: demands (A16 Territory, 22 Nov 2025)"
    about_topic = say(plan, plan["e3"], None, "accepts", D(2025, 11, 1), topic=plan["territory"])
    assert str(about_topic) == "E3: accepts (Territory, 1 Nov 2025)"
    about_topic.topic = None
    assert str(about_topic) == "E3: accepts (—, 1 Nov 2025)"


def test_a_position_about_an_unpublished_matter_is_for_editors_only(plan):
    hidden = f.make_matter(plan["process"], code="A99", published=False)
    position = say(plan, plan["us"], hidden, "accepts", D(2025, 11, 1))
    assert position not in Position.objects.visible_to(None)
    assert position in Position.objects.visible_to(f.make_user("edna", group="Editors"))


def test_admin_refuses_a_future_position_and_saves_nothing(client, plan):
    response = _add_in_admin(client, plan, paraphrase="Said tomorrow.", stated_date="2099-01-01")
    assert response.status_code == 200
    assert "Date stated cannot be in the future" in response.content.decode()
    assert not Position.objects.exists()


def test_band_shows_each_partys_latest_position_as_of_the_newest_draft(client, stances, plan):
    html = client.get(URL).content.decode()
    row = _row(html, plan["matters"][2])
    assert "Where the parties stand as of Revision" in row
    assert "Recognise the lines." in row and "22 Nov 2025" in row  # US latest by 24 Nov
    assert "Too late to count." not in row  # stated after the newest draft
    assert "No change by force." in row
    assert "1 earlier position" in row
    history = reverse("positions:history", args=[plan["matters"][2].pk, "united-states"])
    latest = stances["us_terr"].pk
    assert f'href="{history}"' in row and f'data-hx-get="{history}?before={latest}"' in row

    older = client.get("/compare/plan...counter/").content.decode()
    # As of the counter-proposal (23 Nov) the same US statement is the latest.
    assert "Recognise the lines." in _row(older, plan["matters"][2])


def test_earlier_positions_open_in_place_or_as_a_page(client, stances, plan):
    url = reverse("positions:history", args=[plan["matters"][2].pk, "united-states"])
    fragment = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert fragment.lstrip().startswith('<section id="position-history"')
    assert fragment.index("Crimea stays Russian.") < fragment.index("Recognise the lines.")
    page = client.get(url).content.decode()
    assert "<html" in page and "Crimea stays Russian." in page
    earlier = client.get(
        f"{url}?before={stances['us_terr'].pk}", headers={"HX-Request": "true"}
    ).content.decode()
    assert "Crimea stays Russian." in earlier and "Recognise the lines." not in earlier


def test_conflict_filter_keeps_rows_where_a_position_contradicts_the_newest_draft(
    client, stances, plan
):
    m_sov, m_army, m_terr = plan["matters"]
    html = client.get(URL + "?conflict=1").content.decode()
    rows = re.findall(r'class="cmp-row[^"]*" id="([^"]+)"', html)
    # E3 rejects territory text the revision has. The US demands an army cap, but the
    # revision is reported only and nothing is reported of its army text: unknown, so no
    # conflict is claimed.
    assert rows == [f"matter-{m_terr.pk}"]
    assert "A position conflicts with Revision" in html
    assert "rows where a party&#x27;s position conflicts with the newest draft" in html
    # Once its full text is known, the revision lacks the cap the US demands.
    revision = plan["drafts"][2]
    revision.text_basis = "full"
    revision.save()
    html = client.get(URL + "?conflict=1").content.decode()
    rows = re.findall(r'class="cmp-row[^"]*" id="([^"]+)"', html)
    assert rows == [f"matter-{m_army.pk}", f"matter-{m_terr.pk}"]


def test_party_page_highlights_shifts(client, stances, plan):
    html = client.get("/parties/united-states/").content.decode()
    assert html.index("Crimea stays Russian.") < html.index("Recognise the lines.")
    assert "Shift: was accepts (25 Apr 2025)" in html
    assert "Shift: was demands (22 Nov 2025)" in html
    assert "2 shifts of stance highlighted" in html
    assert client.get("/parties/nobody/").status_code == 404


def test_the_public_sees_the_source_behind_each_stated_position(client, plan):
    """An anonymous reader of the party page sees the source of a position about no matter
    and of one about a published matter, not only the positions."""
    us, m_terr = plan["us"], plan["matters"][2]
    general = say(plan, us, None, "accepts", D(2025, 11, 18), "Talks should go on.")
    on_territory = say(plan, us, m_terr, "demands", D(2025, 11, 22), "Recognise the lines.")
    f.cite(general, source=f.make_source(outlet="Outlet on the talks"))
    f.cite(on_territory, source=f.make_source(outlet="Outlet on the lines"))
    html = client.get("/parties/united-states/").content.decode()
    assert "Talks should go on." in html and "Recognise the lines." in html
    assert "Outlet on the talks" in html
    assert "Outlet on the lines" in html


def test_matter_page_interleaves_drafts_and_statements_by_date(client, stances, plan):
    m_terr = plan["matters"][2]
    html = client.get(f"/matters/{m_terr.pk}/").content.decode()
    order = [
        "Crimea stays Russian.",  # 25 Apr
        "Plan, point 21",  # 20 Nov
        "Recognise the lines.",  # 22 Nov
        "Counter, point 21",  # 23 Nov
        "Revision, point —",  # 24 Nov
        "Too late to count.",  # 30 Nov
    ]
    positions = [html.index(text) for text in order]
    assert positions == sorted(positions)
    assert f'href="/compare/plan...counter...revision/#matter-{m_terr.pk}"' in html
    assert client.get("/matters/999999/").status_code == 404


def test_party_and_matter_pages_give_their_own_address_to_link_previews(client, stances, plan):
    """A shared link's preview (og:url) and the canonical address are the page's own."""
    for path in ("/parties/united-states/", f"/matters/{plan['matters'][2].pk}/"):
        html = client.get(path).content.decode()
        url = f"http://testserver{path}"
        assert f'<link rel="canonical" href="{url}">' in html, path
        assert f'<meta property="og:url" content="{url}">' in html, path


def _count(client, url) -> int:
    cache.clear()  # measure building the page, not serving the shared rendering
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow_with_positions(client, stances, plan):
    m_terr = plan["matters"][2]
    urls = [URL, "/parties/united-states/", f"/matters/{m_terr.pk}/"]
    for url in urls:
        client.get(url)
    before = [_count(client, url) for url in urls]
    for day in range(1, 25):
        say(plan, plan["us"], m_terr, "conditional", D(2025, 10, day))
    assert [_count(client, url) for url in urls] == before


def test_frozen_link_keeps_the_band(client, stances, plan):
    link = client.post(URL + "freeze/")["Location"]
    say(plan, plan["e3"], plan["matters"][2], "accepts", D(2025, 11, 24), "A new E3 line.")
    html = client.get(link).content.decode()
    frozen = html.split('<section class="compare frozen">')[1]
    assert "No change by force." in frozen and "A new E3 line." not in frozen
    assert ">A16 Territory</a> (changed)" in html


@pytest.mark.parametrize("filters", [{}, {"party": "e3"}, {"conflict": "1"}], ids=str)
def test_a_new_link_shows_the_band_line_for_line_as_the_page_it_was_made_from(
    client, stances, plan, filters
):
    from tests.compare.test_frozen import _rows_as_read

    # A quoted statement, stated long before the newest draft: its words, its speaker and
    # its "old" badge must read the same in the copy.
    quoted = stances["e3_terr"]
    quoted.quotation, quoted.speaker, quoted.speaker_role = (
        "No change at all.",
        "Merz",
        "Chancellor",
    )
    quoted.stated_on = D(2025, 6, 2)
    quoted.save()
    live = client.get(URL, filters).content.decode()
    assert "No change at all." in live and "Merz (Chancellor)" in live and ">old</span>" in live
    link = client.post(URL + "freeze/", filters)["Location"]
    assert _rows_as_read(client.get(link).content.decode()) == _rows_as_read(live)


def test_deleting_a_cited_position_removes_its_citations_and_keeps_history(stances):
    from apps.history.models import Change
    from apps.sources.models import Citation

    position = stances["e3_sov"]
    pk = position.pk
    position.delete()
    assert not Citation.objects.filter(position_id=pk).exists()
    assert Change.objects.for_object_id(Position, pk).first().action == "deleted"
