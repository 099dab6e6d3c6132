"""The comparison's party filter follows positions; link-preview pictures (og:image)."""

from __future__ import annotations

import datetime
import io
import re

import pytest
from PIL import Image

from apps.pictures import og
from tests import factories as f
from tests.positions.test_matrix import say

URL = "/compare/plan...counter...revision/"
D = datetime.date


def rows(html: str) -> list[str]:
    return re.findall(r'class="cmp-row[^"]*" id="([^"]+)"', html)


@pytest.fixture
def russia(plan):
    """A party that authored none of the drafts but stated a position on one matter."""
    party = f.make_party(name="Russia", slug="russia")
    say(plan, party, plan["matters"][0], "rejects", D(2025, 11, 21), "Sovereignty is ours.")
    return party


def test_party_filter_keeps_rows_where_the_party_has_a_position(client, plan, russia):
    response = client.get(URL + "?party=russia")
    assert response.status_code == 200
    html = response.content.decode()
    assert rows(html) == [f"matter-{plan['matters'][0].pk}"]
    assert "rows where Russia authored a draft or stated a position" in html
    assert '<option value="russia" selected>Russia</option>' in html


def test_party_filter_keeps_authored_rows_and_rows_with_its_positions(client, plan, russia):
    m_sov, m_army, m_terr = plan["matters"]
    extra = f.make_matter(plan["process"], code="A30", title="Revision only", position=9)
    f.align(extra, f.make_provision(plan["drafts"][2], label="—"), "new")
    say(plan, plan["e3"], extra, "accepts", D(2025, 11, 24), "E3 likes the revision.")
    html = client.get(URL + "?party=e3").content.decode()
    # Authored cells (the counter-proposal's three rows) and the row of its position.
    assert set(rows(html)) == {f"matter-{m.pk}" for m in (m_sov, m_army, m_terr, extra)}
    # A position stated after the newest draft in view does not count: the band omits it.
    late = f.make_matter(plan["process"], code="A31", title="Later", position=10)
    f.align(late, f.make_provision(plan["drafts"][2], label="—"), "new")
    say(plan, plan["e3"], late, "accepts", D(2025, 12, 2), "Later statement.")
    assert f"matter-{late.pk}" not in rows(client.get(URL + "?party=e3").content.decode())


def test_party_with_neither_drafts_nor_positions_is_a_clear_400(client, plan):
    f.make_party(name="Nobody Inc", slug="nobody-inc")
    response = client.get(URL + "?party=nobody-inc")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nobody Inc neither authored one of these drafts nor stated a position" in html
    assert f'href="{URL}"' in html


def test_band_marks_positions_older_than_90_days_as_old(client, plan):
    m_terr = plan["matters"][2]
    say(plan, plan["us"], m_terr, "accepts", D(2025, 4, 25), "Crimea stays Russian.")
    say(plan, plan["e3"], m_terr, "rejects", D(2025, 11, 23), "No change by force.")
    html = client.get(URL).content.decode()
    band = html.split(f'id="matter-{m_terr.pk}"')[1].split('class="cmp-row')[0]
    us = band.split("United States")[1].split("</li>")[0]
    e3 = band.split("<strong>E3</strong>")[1].split("</li>")[0]
    assert 'class="badge old"' in us and 'class="badge old"' not in e3
    # A permanent link keeps the mark.
    link = client.post(URL + "freeze/")["Location"]
    assert 'class="badge old"' in client.get(link).content.decode()


def png_of(response) -> Image.Image:
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (1200, 630)
    return image


@pytest.fixture
def drawn(monkeypatch):
    """Counts the pictures actually drawn (not served from the cache)."""
    calls = []
    render = og.render
    monkeypatch.setattr(og, "render", lambda card: calls.append(card) or render(card))
    return calls


def test_comparison_picture_is_cached_per_content_version_and_filter(client, plan, drawn):
    url = URL + "og.png?topic=territory"
    first = client.get(url)
    png_of(first)
    assert drawn[-1].title == "Plan vs Counter vs Revision"
    assert drawn[-1].subtitle == "Territory only"
    assert len(drawn[-1].strip) == 1
    assert client.get(url).content == first.content and len(drawn) == 1  # cached
    png_of(client.get(URL + "og.png"))
    assert len(drawn) == 2  # another filter, another picture
    say(plan, plan["e3"], plan["matters"][2], "rejects", D(2025, 11, 23), "Edit.")
    after = client.get(url)
    assert len(drawn) == 3 and after.content != first.content  # a conflict mark now
    assert drawn[-1].strip == ["conflict"]


def test_comparison_page_names_its_picture_and_filter_in_the_preview_tags(client, plan):
    html = client.get(URL + "?topic=territory&changed=1").content.decode()
    image = f"http://testserver{URL}og.png?topic=territory&amp;changed=1"
    assert f'<meta property="og:image" content="{image}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert f'<meta name="twitter:image" content="{image}">' in html
    title = re.search(r'<meta property="og:title" content="([^"]+)">', html).group(1)
    assert title == "Compare: Plan vs Counter vs Revision (Territory only, changed rows only)"
    description = re.search(r'<meta property="og:description" content="([^"]+)">', html)
    assert "Territory only, changed rows only" in description.group(1)


def test_bad_picture_addresses_are_clear_errors(client, plan):
    assert client.get(URL + "og.png?topic=nowhere").status_code == 400
    assert client.get("/compare/plan...nowhere/og.png").status_code == 404
    assert client.get("/s/nothing/og.png").status_code == 404
    assert client.get("/processes/test-process/matrix/og.png?as_of=x").status_code == 400
    reordered = client.get("/compare/counter...plan/og.png?topic=territory")
    assert reordered["Location"] == "/compare/plan...counter/og.png?topic=territory"


def test_frozen_link_has_its_picture(client, plan, drawn):
    link = client.post(URL + "freeze/", {"topic": "territory"})["Location"]
    html = client.get(link).content.decode()
    image = f"http://testserver{link}og.png"
    assert f'<meta property="og:image" content="{image}">' in html
    assert re.search(r'og:title" content="Compare: [^"]*\(Territory only, as of ', html)
    png_of(client.get(f"{link}og.png"))
    assert drawn[-1].kicker.startswith("Permanent link")
    assert drawn[-1].subtitle == "Territory only"


def test_matrix_picture_names_parties_and_filter(client, plan, drawn):
    say(plan, plan["us"], plan["matters"][2], "demands", D(2025, 11, 22), "Lines.")
    html = client.get("/processes/test-process/matrix/?since=plan").content.decode()
    image = "http://testserver/processes/test-process/matrix/og.png?since=plan"
    assert f'<meta property="og:image" content="{image}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    title = re.search(r'<meta property="og:title" content="([^"]+)">', html).group(1)
    assert title == (
        "Who wants what: Test process, as of Revision, 24 Nov 2025, shifts since Plan, 20 Nov 2025"
    )
    png_of(client.get("/processes/test-process/matrix/og.png?since=plan"))
    card = drawn[-1]
    assert card.title == "E3, United States"
    assert ("1", "shifted") in card.figures
    assert len(card.grid) == 3 and all(len(r) == 2 for r in card.grid)  # matters × parties
