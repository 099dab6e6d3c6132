"""The comparison page is rendered once per content version and shared by anonymous visitors."""

from __future__ import annotations

import datetime
import re

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests import factories as f

URL = "/compare/plan...counter...revision/"


def csrf_tokens(html: str) -> set[str]:
    field = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    header = re.findall(r'"x-csrftoken": "([^"]+)"', html)
    return set(field) | set(header)


def test_a_second_visitor_gets_the_page_without_touching_the_database(
    client, plan, django_assert_num_queries
):
    first = client.get(URL).content.decode()
    with django_assert_num_queries(0):
        second = Client().get(URL)
    assert second.status_code == 200
    assert "800,000 in peacetime" in second.content.decode()
    assert "HX-Request" in second["Vary"]
    assert second["Content-Type"] == "text/html; charset=utf-8"
    assert second.content.count(b'class="cmp-row') == first.count('class="cmp-row') == 3


def test_each_visitor_gets_a_working_csrf_token_of_their_own(plan):
    Client().get(URL)  # fills the cache
    tokens = []
    for _ in range(2):
        visitor = Client(enforce_csrf_checks=True)
        response = visitor.get(URL)
        found = csrf_tokens(response.content.decode())
        assert len(found) == 1, found
        (token,) = found
        assert "csrftoken" in response.cookies  # the token matches a cookie they now hold
        freeze = visitor.post(URL + "freeze/", {"csrfmiddlewaretoken": token})
        assert freeze.status_code == 303
        tokens.append(token)
    assert tokens[0] != tokens[1]


def test_an_edit_retires_every_shared_page(client, plan):
    assert "800,000 in peacetime" in client.get(URL).content.decode()
    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 750,000.</p>"
    army.save()
    html = client.get(URL).content.decode()
    assert "750,000" in html and "800,000 in peacetime" not in html


def test_unpublishing_a_draft_takes_its_comparison_down_at_once(client, plan):
    assert client.get(URL).status_code == 200
    counter = plan["drafts"][1]
    counter.published = False
    counter.save()
    assert client.get(URL).status_code == 404


def test_only_canonical_addresses_are_stored(plan):
    # A raw form submission (JS off) has empty fields the tidy address leaves out.
    raw = URL + "?topic=territory&changed=&party=&base=previous"
    visitor = Client()
    assert visitor.get(raw).status_code == 200
    with CaptureQueriesContext(connection) as again:
        assert visitor.get(raw).status_code == 200
    assert len(again.captured_queries) > 0  # rendered afresh: junk queries fill nothing
    visitor.get(URL + "?topic=territory")
    with CaptureQueriesContext(connection) as tidy:
        assert "Territory only" in visitor.get(URL + "?topic=territory").content.decode()
    assert len(tidy.captured_queries) == 0


def test_staff_neither_read_nor_fill_the_shared_pages(client, plan):
    staff = Client()
    staff.force_login(f.make_user("staff", group="Editors"))
    f.make_draft(
        plan["process"],
        label="Secret draft",
        slug="secret",
        published=False,
        presented_on=datetime.date(2030, 1, 1),
    )
    preview = "/compare/plan...secret/"
    assert staff.get(preview).status_code == 200
    assert client.get(preview).status_code == 404
    assert "Editors’ admin" not in client.get(URL).content.decode()
    assert "Editors’ admin" in staff.get(URL).content.decode()


def test_fragment_and_full_page_are_stored_apart(client, plan):
    client.get(URL)
    fragment = client.get(URL, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and fragment.lstrip().startswith('<section id="compare-table"')
    page = client.get(URL).content.decode()
    assert "<html" in page
    restore = client.get(
        URL, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    ).content.decode()
    assert "<html" in restore


def test_a_shared_permanent_link_is_served_from_the_cache_until_an_edit(client, plan):
    link = client.post(URL + "freeze/")["Location"]
    client.get(link)
    with CaptureQueriesContext(connection) as ctx:
        again = Client().get(link).content.decode()
    assert len(ctx.captured_queries) == 0
    assert "The live comparison still reads the same." in again
    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 900,000 at all times.</p>"
    army.save()
    assert "The live analysis has changed" in Client().get(link).content.decode()
    plan["drafts"][1].published = False
    plan["drafts"][1].save()
    assert Client().get(link).status_code == 410
