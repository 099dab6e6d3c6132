"""The API's interactive documentation in a real browser: Swagger UI from our static files
renders every operation and runs a request, with no CSP violation (the `page` fixture
fails the test on any)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_docs_page_lists_every_operation_and_tries_one(page, live_server, transactional_db):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/api/v1/docs/")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock-summary-path").count() == 14
    assert page.locator(".info .title").first.inner_text().startswith("PeaceTracker API")

    drafts = page.locator(".opblock", has=page.locator('[data-path="/api/v1/drafts/"]'))
    drafts.locator(".opblock-summary").click()
    drafts.get_by_role("button", name="Execute").click()
    status = drafts.locator(".live-responses-table tbody .response-col_status").first
    status.wait_for()
    assert status.inner_text().strip() == "200"
    # Everything the page loaded came from this site: no CDN.
    assert requests and all(url.startswith(live_server.url) for url in requests), requests
