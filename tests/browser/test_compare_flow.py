"""The analyst's path through the demo comparison, in a real browser."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

DEMO = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"


# caret="initial": Playwright's default caret hiding injects an inline <style>, which the
# page's Content-Security-Policy (rightly) blocks and reports.


def _rows(page) -> list[str]:
    return page.locator(".cmp-row").evaluate_all("rows => rows.map(r => r.id)")


def test_filter_reload_back_and_citations(page, live_server, demo, artifacts):
    page.goto(live_server.url + DEMO)
    all_rows = _rows(page)
    assert len(all_rows) > 10
    page.screenshot(path=artifacts / "compare-desktop.png", full_page=True, caret="initial")

    page.select_option("#f-topic", "territory")
    page.wait_for_url(re.compile(r"\?topic=territory$"))
    territory_rows = _rows(page)
    assert 0 < len(territory_rows) < len(all_rows)
    assert (
        page.locator(".summary").first.inner_text().startswith(f"Showing {len(territory_rows)} of")
    )

    page.reload()
    assert _rows(page) == territory_rows
    assert page.locator("#f-topic").input_value() == "territory"

    page.go_back()
    page.wait_for_url(re.compile(re.escape(DEMO) + "$"))
    page.wait_for_function(f"document.querySelectorAll('.cmp-row').length === {len(all_rows)}")
    assert _rows(page) == all_rows

    sources = page.locator("details.sources").first
    sources.locator("summary").click()
    sources.locator("#citations .citation").first.wait_for()
    assert sources.locator(".citation").count() >= 1
    assert "Grade" in sources.inner_text()


def test_narrow_screen_stacks_each_row(browser, live_server, demo, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + DEMO)
    first_row = page.locator(".cmp-row").first
    cells = first_row.locator(".cell")
    boxes = [cells.nth(i).bounding_box() for i in range(cells.count())]
    assert all(b["width"] > 300 for b in boxes), "cells should take the full width"
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"], "cells should stack vertically"
    assert first_row.locator(".cell-draft").first.is_visible()
    page.screenshot(path=artifacts / "compare-390px.png", full_page=True, caret="initial")
    context.close()


def test_without_javascript_the_filter_form_reaches_the_filtered_comparison(
    page_without_js, live_server, demo
):
    page = page_without_js
    page.goto(live_server.url + DEMO)
    page.select_option("#f-topic", "territory")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"topic=territory"))
    assert page.locator(".cmp-row").count() > 0
    assert "Territory" in page.locator(".summary").first.inner_text()
