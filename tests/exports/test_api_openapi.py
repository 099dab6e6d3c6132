"""What tools rely on around the API: the OpenAPI schema, the docs page within our CSP,
Cache-Control on every answer, and CORS for reading from other origins on /api/ only."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.staticfiles import finders

from tests import factories as f

pytestmark = pytest.mark.django_db

OPERATIONS = {
    "/api/v1/",
    "/api/v1/processes/",
    "/api/v1/processes/{slug}/",
    "/api/v1/processes/{slug}/matters/{code}/",
    "/api/v1/drafts/",
    "/api/v1/drafts/{slug}/",
    "/api/v1/provisions/",
    "/api/v1/provisions/{key}/",
    "/api/v1/matters/",
    "/api/v1/matters/{pk}/",
    "/api/v1/topics/",
    "/api/v1/topics/{code}/",
    "/api/v1/sources/",
    "/api/v1/sources/{key}/",
}


def _schema(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(response.content)


# --- The schema ---------------------------------------------------------------------------


def test_schema_is_openapi_3_and_describes_every_endpoint(client, db):
    schema = _schema(client)
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == OPERATIONS
    for route, item in schema["paths"].items():
        assert set(item) == {"get"}, route  # read-only
        responses = item["get"]["responses"]
        assert {"200", "304", "400", "404"} <= set(responses), route


def test_schema_names_the_parameters_and_their_limits(client, db):
    params = {
        p["name"]: p for p in _schema(client)["paths"]["/api/v1/provisions/"]["get"]["parameters"]
    }
    assert set(params) == {"page", "page_size", "process", "draft", "topic"}
    assert params["page"]["schema"]["minimum"] == 1
    assert params["page_size"]["schema"]["maximum"] == 200
    assert params["page_size"]["schema"]["default"] == 50
    assert not any(p["required"] for p in params.values())


def test_schema_links_lists_to_details_and_describes_the_caching_headers(client, db):
    paths = _schema(client)["paths"]
    ids = {item["get"]["operationId"] for item in paths.values()}
    for route in (
        "/api/v1/processes/",
        "/api/v1/drafts/",
        "/api/v1/provisions/",
        "/api/v1/matters/",
        "/api/v1/topics/",
        "/api/v1/sources/",
    ):
        ok = paths[route]["get"]["responses"]["200"]
        assert ok["links"], route
        for link in ok["links"].values():
            assert link["operationId"] in ids
        assert {"ETag", "Cache-Control"} <= set(ok["headers"])
    drafts = paths["/api/v1/drafts/"]["get"]["responses"]["200"]["links"]
    assert drafts["draft"]["parameters"] == {"slug": "$response.body#/results/0/slug"}


def test_index_points_at_the_schema_and_the_docs(client, db):
    index = json.loads(client.get("/api/v1/").content)
    assert "http://testserver/api/v1/openapi.json" in index["documentation"]
    assert "http://testserver/api/v1/docs/" in index["documentation"]


def test_schema_is_conditional_like_the_rest(client, db):
    response = client.get("/api/v1/openapi.json")
    again = client.get("/api/v1/openapi.json", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


# --- The docs page ------------------------------------------------------------------------


def test_docs_page_loads_its_assets_from_our_static_files_with_nothing_inline(client, db):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts
    for attrs in scripts:
        # Either a file of ours or JSON data (never run); no inline code.
        assert 'src="/static/' in attrs or 'type="application/json"' in attrs, attrs
    assert "<style" not in html and "style=" not in html
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:  # each one a file that collectstatic ships
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "//" not in "".join(re.findall(r'(?:src|href)="([^"/][^"]*)"', html))  # no CDN


def test_docs_page_without_javascript_links_the_schema(client, db):
    html = client.get("/api/v1/docs/").content.decode()
    assert '<a href="/api/v1/openapi.json">' in html


# --- Cache-Control --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "url", "status", "expected"),
    [
        ("get", "/api/v1/", 200, "no-cache"),
        ("get", "/api/v1/drafts/", 200, "no-cache"),
        ("head", "/api/v1/drafts/", 200, "no-cache"),
        ("get", "/api/v1/openapi.json", 200, "no-cache"),
        ("get", "/api/v1/docs/", 200, "no-cache"),
        ("get", "/api/v1/drafts/nowhere/", 404, "no-store"),
        ("get", "/api/v1/drafts/?page=x", 400, "no-store"),
        ("get", "/api/v1/matters/x/", 404, "no-store"),
        ("get", "/api/v1/nothing/", 404, "no-store"),
        ("post", "/api/v1/drafts/", 405, "no-store"),
    ],
)
def test_every_api_response_says_how_to_cache_it(client, plan, method, url, status, expected):
    response = getattr(client, method)(url)
    assert response.status_code == status
    assert expected in response["Cache-Control"]


def test_head_answers_like_get_without_a_body(client, plan):
    get = client.get("/api/v1/drafts/plan/")
    head = client.head("/api/v1/drafts/plan/")
    assert head.status_code == 200 and head.content == b""
    assert head["ETag"] == get["ETag"]


# --- CORS ---------------------------------------------------------------------------------

ELSEWHERE = "https://newsroom.example"


@pytest.mark.parametrize(
    "url", ["/api/v1/", "/api/v1/drafts/", "/api/v1/drafts/plan/", "/api/v1/openapi.json"]
)
@pytest.mark.parametrize("method", ["get", "head"])
def test_any_origin_may_read_the_api(client, plan, url, method):
    response = getattr(client, method)(url, headers={"origin": ELSEWHERE})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "etag" in response["Access-Control-Expose-Headers"].lower()
    assert not response.has_header("Access-Control-Allow-Credentials")


def test_api_errors_carry_cors_too_so_a_tool_can_read_them(client, plan):
    response = client.get("/api/v1/drafts/nowhere/", headers={"origin": ELSEWHERE})
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_get_and_head_only(client, plan):
    response = client.options(
        "/api/v1/drafts/",
        headers={"origin": ELSEWHERE, "access-control-request-method": "GET"},
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    methods = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD"}


@pytest.mark.parametrize(
    "url", ["/", "/drafts/plan/", "/changes/", "/admin/login/", "/drafts/plan/export.json"]
)
def test_the_site_and_the_admin_send_no_cors_headers(client, plan, url):
    response = client.get(url, headers={"origin": ELSEWHERE})
    assert response.status_code == 200, url
    assert not [h for h in response.headers if h.lower().startswith("access-control-")]
    preflight = client.options(
        url, headers={"origin": ELSEWHERE, "access-control-request-method": "GET"}
    )
    assert not preflight.has_header("Access-Control-Allow-Origin")


def test_staff_cookies_are_never_honoured_cross_origin(client, unpublished):
    client.force_login(f.make_user("cors-staff", group="Editors"))
    response = client.get("/api/v1/drafts/secret-draft/", headers={"origin": ELSEWHERE})
    # The browser would refuse this response to another site's script: no
    # Allow-Credentials, so a credentialed cross-origin request cannot be read.
    assert not response.has_header("Access-Control-Allow-Credentials")


def test_every_link_of_a_list_leads_to_a_detail_that_exists(client, plan):
    """Each link the schema declares, followed from the list's first result, answers 200
    (schemathesis explores the same links at random in test_api_schemathesis.py)."""
    paths = _schema(client)["paths"]
    by_id = {item["get"]["operationId"]: route for route, item in paths.items()}
    followed = 0
    for route, item in paths.items():
        links = item["get"]["responses"].get("200", {}).get("links", {})
        if not links or "{" in route:
            continue
        body = client.get(route).json()
        for name, link in links.items():
            target = by_id[link["operationId"]]
            values = {}
            for parameter, expression in link["parameters"].items():
                pointer = expression.removeprefix("$response.body#/").split("/")
                value = body
                for part in pointer:
                    value = value[int(part)] if part.isdigit() else value[part]
                values[parameter] = value
            if "{" in target:
                url = target.format(**values)
            else:
                url = target + "?" + "&".join(f"{k}={v}" for k, v in values.items())
            assert client.get(url).status_code == 200, (route, name, url)
            followed += 1
    assert followed >= 6
