"""oEmbed at /oembed/?url=…: a rich embed for comparisons, permanent links and matters, a
discovery link and an "Embed" control on those pages, and clear 4xx JSON for anything else."""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import quote

import pytest

from apps.drafts.models import Draft

COMPARE = "/compare/plan...counter...revision/"


def oembed(client, url: str, **params):
    return client.get("/oembed/", {"url": url, **params})


def iframe_src(snippet: str) -> str:
    return htmllib.unescape(re.search(r'<iframe src="([^"]+)"', snippet).group(1))


def pages(client, plan) -> dict[str, str]:
    frozen = client.post(COMPARE + "freeze/", {"topic": "territory"})["Location"]
    return {
        "compare": COMPARE + "?topic=territory",
        "frozen": frozen,
        "matter": f"/matters/{plan['matters'][1].pk}/",
    }


def test_oembed_answers_a_rich_iframe_of_each_embeddable_page(client, plan):
    for kind, path in pages(client, plan).items():
        response = oembed(client, "http://testserver" + path)
        assert response.status_code == 200, kind
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert data["version"] == "1.0"
        assert data["type"] == "rich"
        assert data["provider_name"] == "PeaceTracker"
        assert (data["width"], data["height"]) == (800, 600)
        src = iframe_src(data["html"])
        assert src.startswith("http://testserver/embed/")
        # The iframe's page is the embed, and it can be framed.
        embedded = client.get(src.removeprefix("http://testserver"))
        assert embedded.status_code == 200, src
        assert "frame-ancestors *" in embedded["Content-Security-Policy"]
        assert data["title"] in htmllib.unescape(data["html"])


def test_oembed_keeps_the_comparisons_filters_and_names_its_drafts(client, plan):
    data = oembed(client, "http://testserver" + COMPARE + "?topic=territory").json()
    assert data["title"] == "Compare: Plan vs Counter vs Revision"
    assert iframe_src(data["html"]) == (
        "http://testserver/embed/compare/plan...counter...revision/?topic=territory"
    )


def test_oembed_respects_maxwidth_and_maxheight(client, plan):
    data = oembed(client, "http://testserver" + COMPARE, maxwidth="500", maxheight="300").json()
    assert (data["width"], data["height"]) == (500, 300)
    assert 'width="500" height="300"' in data["html"]


def test_each_embeddable_page_has_a_discovery_link_and_an_embed_control(client, plan):
    # Labels with quotes and markup: the snippet box must still hold the exact snippet.
    for draft in Draft.objects.all():
        draft.label = f'{draft.label} "quoted" <b>&'
        draft.save()
    for kind, path in pages(client, plan).items():
        page = client.get(path).content.decode()
        link = re.search(
            r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', page
        )
        assert link, kind
        discovery = htmllib.unescape(link.group(1))
        assert discovery.startswith("http://testserver/oembed/?url=")
        data = client.get(discovery.removeprefix("http://testserver")).json()
        assert data["type"] == "rich"
        # The "Embed" control works without JavaScript: a <details> with the snippet.
        control = re.search(
            r'<details class="embed-control">.*?<textarea[^>]*readonly[^>]*>(.*?)</textarea>',
            page,
            re.S,
        )
        assert control, kind
        # What a browser shows in the box (its text, entities decoded once) is the very
        # snippet oEmbed gives, ready to paste.
        snippet = htmllib.unescape(control.group(1))
        assert snippet == data["html"], kind
        assert iframe_src(snippet) == iframe_src(data["html"])
        assert "<iframe" in snippet and "</iframe>" in snippet


def test_htmx_swap_of_the_comparison_brings_the_embed_snippet_for_its_filters(client, plan):
    fragment = client.get(
        COMPARE + "?topic=military-limits", headers={"HX-Request": "true"}
    ).content.decode()
    assert "<html" not in fragment
    assert "/embed/compare/plan...counter...revision/?topic=military-limits" in fragment


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({}, 400, "Give the address"),
        ({"url": ""}, 400, "Give the address"),
        ({"url": "not a url"}, 400, "absolute http or https"),
        ({"url": "/compare/plan...counter/"}, 400, "absolute http or https"),
        ({"url": "javascript:alert(1)"}, 400, "absolute http or https"),
        ({"url": "http://testserver:99999/compare/plan...counter/"}, 400, "not a valid"),
        ({"url": "http://[::1/compare/"}, 400, "not a valid"),
        ({"url": "http://testserver/\x00"}, 400, "not a valid"),
        ({"url": "http://testserver/" + "a" * 3000}, 400, "not a valid"),
        ({"url": "https://evil.example/compare/plan...counter/"}, 404, "not an address on this"),
        ({"url": "http://testserver/"}, 404, "cannot be embedded"),
        ({"url": "http://testserver/nowhere/"}, 404, "cannot be embedded"),
        ({"url": "http://testserver/compare/plan...nothing/"}, 404, "no published comparison"),
        ({"url": "http://testserver/compare/plan/"}, 404, "no published comparison"),
        ({"url": "http://testserver/compare/plan...counter/?topic=x"}, 404, "filters"),
        ({"url": "http://testserver/s/NoSuchId/"}, 404, "no published permanent link"),
        ({"url": "http://testserver/matters/999999/"}, 404, "no published matter"),
        ({"url": "http://testserver" + COMPARE, "format": "xml"}, 400, "format=json"),
        ({"url": "http://testserver" + COMPARE, "format": ""}, 400, "format=json"),
        ({"url": "http://testserver" + COMPARE, "maxwidth": "-1"}, 400, "maxwidth"),
        ({"url": "http://testserver" + COMPARE, "maxheight": "wide"}, 400, "maxheight"),
        ({"url": "http://testserver" + COMPARE, "maxwidth": "١٢"}, 400, "maxwidth"),
        ({"url": "http://testserver" + COMPARE, "maxwidth": "9" * 5000}, 400, "maxwidth"),
        ({"url": "http://testserver" + COMPARE, "maxheight": "0"}, 400, "maxheight"),
    ],
)
def test_bad_oembed_requests_get_a_clear_json_4xx(client, plan, params, status, words):
    response = client.get("/oembed/", params)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert words in response.json()["error"]


def test_oembed_never_reveals_unpublished_material(client, plan):
    matter = plan["matters"][1]
    matter.published = False
    matter.save()
    response = oembed(client, f"http://testserver/matters/{matter.pk}/")
    assert response.status_code == 404
    draft = plan["drafts"][2]
    draft.published = False
    draft.save()
    assert oembed(client, "http://testserver" + COMPARE).status_code == 404


def test_oembed_url_may_be_percent_encoded_once_more(client, plan):
    # Consumers encode the url parameter; the view receives it decoded exactly once.
    response = client.get("/oembed/?url=" + quote("http://testserver" + COMPARE, safe=""))
    assert response.status_code == 200
