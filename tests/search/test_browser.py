"""Live search on the demo data in a real browser, with a screenshot of the results."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

# caret="initial": Playwright's default caret hiding injects an inline <style>, which the
# page's Content-Security-Policy blocks and reports.


def test_typing_updates_results_and_the_address(page, live_server, demo, artifacts):  # noqa: F811
    page.goto(live_server.url + "/search/")
    assert page.locator(".search-examples").is_visible()

    page.locator("#q").press_sequentially("Zaporizhzhia", delay=20)
    page.wait_for_url(re.compile(r"/search/\?q=Zaporizhzhia$"))
    page.locator(".result").first.wait_for()
    assert page.locator(".result mark").count() >= 1
    total = page.locator(".result").count()
    assert page.locator("form.search-form").count() == 1  # the form was not swapped
    page.screenshot(path=artifacts / "search-results.png", full_page=True, caret="initial")

    page.select_option("#s-kind", "provision")
    page.wait_for_url(re.compile(r"\?q=Zaporizhzhia&kind=provision$"))
    page.wait_for_function(
        "document.querySelectorAll('.result:not(.result-provision)').length === 0"
    )
    assert 0 < page.locator(".result-provision").count() <= total

    page.reload()
    assert page.locator("#q").input_value() == "Zaporizhzhia"
    assert page.locator("#s-kind").input_value() == "provision"

    page.go_back()
    page.wait_for_url(re.compile(r"\?q=Zaporizhzhia$"))
    page.wait_for_function(f"document.querySelectorAll('.result').length === {total}")

    first = page.locator(".result-provision .result-title a").first
    first.click()
    page.wait_for_url(re.compile(r"/drafts/[^/]+/#provision-[\w-]+$"))
    assert page.locator(".provision:target").count() == 1


def test_search_works_without_javascript(page_without_js, live_server, demo):  # noqa: F811
    plain = page_without_js
    plain.goto(live_server.url + "/search/")
    plain.fill("#q", "amnesty")
    plain.locator("form.search-form button[type=submit]").click()
    plain.wait_for_url(re.compile(r"/search/\?q=amnesty"))
    assert plain.locator(".result").count() >= 1
    assert "results for “amnesty”" in plain.locator(".result-count").inner_text()
