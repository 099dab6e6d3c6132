"""The print view of a comparison: every row, every source written out, no controls."""

from __future__ import annotations

import re

from tests import factories as f

URL = "/compare/plan...counter...revision/print/"


def rows(html: str) -> list[str]:
    return re.findall(r'<tr class="print-row[^"]*" id="([^"]+)"', html)


def test_renders_every_row_with_its_sources_inline(client, plan):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    m_sov, m_army, m_terr = plan["matters"]
    assert rows(html) == [f"matter-{m.pk}" for m in (m_sov, m_army, m_terr)]
    # Each of the 7 provisions has its supporting source listed under it, and the
    # disputing one says so, with its excerpt.
    assert html.count('class="cite cite-supports"') == 7
    assert html.count('class="cite cite-disputes"') == 1
    assert "Reports informal recognition only." in html
    assert "<strong>disputes</strong>" in html
    assert html.count('<span class="grade">[B]</span>') == 8
    # Word-level marks as in the comparison.
    assert '<del><span class="sr-only">[deleted: </span>600,000' in html
    assert "[B] Bracketed" in html


def test_header_names_drafts_filters_and_the_date_printed(client, plan):
    html = client.get(URL).content.decode()
    head = html.split('<header class="print-head">')[1].split("</header>")[0]
    for name in ("Plan", "Counter", "Revision"):
        assert f'<th scope="row">{name}</th>' in head
    assert "None: all rows" in head
    assert re.search(r"<dt>Printed</dt><dd><time datetime=\"\d{4}-\d\d-\d\dT", head)
    assert 'href="http://testserver/compare/plan...counter...revision/"' in head
    assert "United States" in head  # authors


def test_no_filters_form_and_no_script_controls(client, plan):
    html = client.get(URL).content.decode()
    main = html.split('<main id="main"')[1].split("</main>")[0]
    assert "<form" not in main
    assert "hx-" not in main
    assert "<details" not in main
    assert "<button" not in main
    assert "pictures/print.css" in html


def test_filters_apply_as_in_the_comparison(client, plan):
    m_terr = plan["matters"][2]
    html = client.get(URL + "?topic=territory").content.decode()
    assert rows(html) == [f"matter-{m_terr.pk}"]
    assert "Territory only" in html
    assert "1 of 3" in html


def test_drafts_out_of_order_redirect_to_the_print_view(client, plan):
    response = client.get("/compare/revision...plan...counter/print/?topic=territory")
    assert response.status_code == 302
    assert response["Location"] == "/compare/plan...counter...revision/print/?topic=territory"


def test_bad_input_gets_the_comparison_messages(client, plan):
    for spec, status, message in [
        ("plan", 400, "at least two drafts"),
        ("plan...nope", 404, "No published draft has the id “nope”"),
        ("plan...plan", 400, "The same draft is named twice"),
        ("plan...b%C3%A4d", 404, "Not a draft id"),
    ]:
        response = client.get(f"/compare/{spec}/print/")
        assert response.status_code == status, spec
        assert message in response.content.decode(), spec
        compare = client.get(f"/compare/{spec}/")
        assert compare.status_code == status
    response = client.get(URL + "?topic=nope")
    assert response.status_code == 400
    assert "There is no topic “nope”" in response.content.decode()


def test_unpublished_drafts_cannot_be_printed(client, plan):
    f.make_draft(plan["process"], slug="hidden", published=False)
    response = client.get("/compare/plan...hidden/print/")
    assert response.status_code == 404
