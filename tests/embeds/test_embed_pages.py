"""/embed/ pages: compact, the drafts named, a link back, no site chrome, and only they may
be framed by other sites."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests import factories as f

COMPARE = "/compare/plan...counter...revision/"
EMBED = "/embed/compare/plan...counter...revision/"


def frozen_link(client) -> str:
    response = client.post(COMPARE + "freeze/", {"topic": "military-limits"})
    assert response.status_code == 303
    return response["Location"]


def embed_urls(client, plan) -> list[str]:
    frozen_id = frozen_link(client).split("/")[2]
    return [EMBED, f"/embed/s/{frozen_id}/", f"/embed/matters/{plan['matters'][1].pk}/"]


def assert_frameable_by_any_site(response):
    assert "X-Frame-Options" not in response
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    # The rest of the policy is as strict as on every other page: no inline script or style.
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy


def assert_no_inline_script_or_style(html: str):
    assert "<style" not in html
    assert " style=" not in html
    for script in re.findall(r"<script[^>]*>", html):
        assert "src=" in script, script


def test_every_embed_is_frameable_compact_and_without_site_chrome(client, plan):
    for url in embed_urls(client, plan):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert_frameable_by_any_site(response)
        assert_no_inline_script_or_style(html)
        assert 'class="embed"' in html
        for chrome in ('class="site-header"', 'class="site-footer"', "Skip to content"):
            assert chrome not in html, (url, chrome)
        # Links open outside the frame.
        assert '<base target="_blank">' in html


def test_comparison_embed_names_the_drafts_and_links_back_to_the_full_page(client, plan):
    html = client.get(EMBED + "?topic=military-limits").content.decode()
    assert "Drafts: " in html
    for label in ("Plan", "Counter", "Revision"):
        assert f">{label}</a>" in html
    full = "http://testserver/compare/plan...counter...revision/?topic=military-limits"
    assert f'href="{full}"' in html
    assert "Open the full comparison on PeaceTracker" in html
    assert "Army capped at" in html
    assert "Crimea recognised" not in html  # filtered out, like the full page


def test_comparison_embed_sends_a_non_canonical_order_to_the_canonical_embed(client, plan):
    response = client.get("/embed/compare/revision...plan...counter/?topic=territory")
    assert response.status_code == 302
    assert response["Location"] == EMBED + "?topic=territory"


def test_frozen_embed_shows_the_frozen_rows_and_links_to_the_permanent_link(client, plan):
    link = frozen_link(client)
    html = client.get(f"/embed{link}").content.decode()
    assert "Permanent link, as of" in html
    assert f'href="http://testserver{link}"' in html
    assert "Open this permanent link on PeaceTracker" in html
    assert "Army capped at" in html


def test_matter_embed_shows_that_one_row(client, plan):
    army = plan["matters"][1]
    html = client.get(f"/embed/matters/{army.pk}/").content.decode()
    assert f'id="matter-{army.pk}"' in html
    assert html.count('class="cmp-row') == 1
    assert "A10 Army size" in html
    assert ">Plan</a>" in html and ">Counter</a>" in html
    assert f'href="http://testserver/matters/{army.pk}/"' in html


def test_matter_embed_shows_its_row_when_nothing_changed_on_it(client, plan):
    sovereignty = plan["matters"][0]  # the same words in the Plan and the Counter
    html = client.get(f"/embed/matters/{sovereignty.pk}/").content.decode()
    assert f'id="matter-{sovereignty.pk}"' in html
    assert html.count("Sovereignty confirmed.") == 2


def test_embeds_show_only_published_material_even_to_editors(client, plan):
    f.make_user("edna", group="Editors")
    editor = Client()
    editor.login(username="edna", password="pw")
    hidden = plan["matters"][1]
    hidden.published = False
    hidden.save()
    assert editor.get(f"/embed/matters/{hidden.pk}/").status_code == 404
    draft = plan["drafts"][2]
    draft.published = False
    draft.save()
    response = editor.get(EMBED)
    assert response.status_code == 404
    assert "This comparison cannot be shown" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/embed/compare/plan...nothing/", 404, "nothing"),
        ("/embed/compare/plan/", 400, "at least two drafts"),
        ("/embed/compare/plan...counter/?topic=nowhere", 400, "nowhere"),
        ("/embed/s/NoSuchId/", 404, "no permanent link"),
        ("/embed/matters/999999/", 404, "no published matter"),
    ],
)
def test_bad_embed_addresses_say_what_is_wrong(client, plan, url, status, words):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.content.decode()


@pytest.mark.parametrize(
    "url", [COMPARE, "/", "/compare/", "/changes/", "/admin/login/", "/search/", "/nowhere/"]
)
def test_every_other_page_still_refuses_to_be_framed(client, plan, url):
    response = client.get(url)
    assert response["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_full_pages_keep_refusing_frames(client, plan):
    link = frozen_link(client)
    for url in (COMPARE, link, f"/matters/{plan['matters'][1].pk}/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY", url
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("rows", [1, 3])
def test_comparison_embed_query_count_does_not_grow_with_rows(
    client, plan, rows, django_assert_max_num_queries
):
    process, (d1, d2, _) = plan["process"], plan["drafts"]
    for i in range(rows):
        matter = f.make_matter(process, code=f"B{i:02}", title=f"Extra {i}", position=10 + i)
        f.align(matter, f.make_provision(d1, label=f"x{i}", body=f"<p>Extra {i}.</p>"), "new")
        f.align(matter, f.make_provision(d2, label=f"x{i}", body=f"<p>Extra {i}!</p>"))
    with django_assert_max_num_queries(20):
        assert client.get(EMBED).status_code == 200
    with django_assert_max_num_queries(20):
        assert client.get(f"/embed/matters/{plan['matters'][1].pk}/").status_code == 200
