"""The parties × matters matrix in Chromium: desktop and 390 px, moving the as-of point with
htmx and going back, earlier positions opened in place, no JavaScript, and axe-core."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

MATRIX = "/processes/russia-ukraine-2025/matrix/"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_matrix_at_desktop_moves_the_as_of_point_and_goes_back(page, live_server, demo, artifacts):
    page.goto(live_server.url + MATRIX)
    heading = page.locator("#matrix-heading")
    assert heading.inner_text().startswith("As of Geneva revision")
    assert page.locator("table.matrix th[scope=col]").count() == 9  # matter + 8 parties
    assert page.locator("td.mcell .stance-badge").count() > 10
    assert page.locator("td.mcell.stance-none").count() > 10
    page.screenshot(path=artifacts / "matrix-desktop.png", full_page=False, caret="initial")

    page.locator(".as-of-drafts a", has_text="US 28-point plan").click()
    page.wait_for_url(re.compile(r"\?as_of=us-28-point-plan$"))
    assert heading.inner_text().startswith("As of US 28-point plan")
    assert "as of US 28-point plan" in page.title()
    page.locator("#since").select_option("us-april-framework")
    page.locator("#since").locator("xpath=ancestor::form").locator("button").click()
    page.wait_for_url(re.compile(r"since=us-april-framework"))
    assert page.locator(".shift-list li").count() >= 1
    page.screenshot(path=artifacts / "matrix-desktop-shifts.png", full_page=False, caret="initial")

    page.go_back()
    page.wait_for_url(re.compile(r"\?as_of=us-28-point-plan$"))
    assert page.locator("#matrix-heading").inner_text().startswith("As of US 28-point plan")
    page.go_back()
    page.wait_for_url(live_server.url + MATRIX)
    assert page.locator("#matrix-heading").inner_text().startswith("As of Geneva revision")


def test_matrix_at_390px_stacks_parties_per_matter(browser, live_server, demo, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(live_server.url + MATRIX + "?since=us-28-point-plan")
        wide = page.evaluate(
            """() => [...document.querySelectorAll('main *')]
                .filter(el => el.getBoundingClientRect().right > 391)
                .map(el => el.tagName + '.' + el.className)"""
        )
        assert not wide, f"wider than the 390 px screen: {wide}"
        label = page.locator("td.mcell .cell-party").first
        assert label.is_visible()  # each stacked cell names its party
        row = page.locator("tr.matter-row").nth(3)
        cells = row.locator("td.mcell")
        first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
        assert second["y"] >= first["y"] + first["height"] - 1  # stacked, not side by side
        page.locator("#topic-territory").scroll_into_view_if_needed()
        page.screenshot(path=artifacts / "matrix-390.png", full_page=False, caret="initial")
        page.screenshot(path=artifacts / "matrix-390-full.png", full_page=True, caret="initial")
    finally:
        context.close()


def test_earlier_positions_open_in_place(page, live_server, demo, artifacts):
    page.goto(live_server.url + MATRIX)
    earlier = page.locator("td.mcell a.earlier").first
    count = int(earlier.inner_text().split()[0])
    earlier.click()
    opened = earlier.locator("xpath=..").locator(".earlier-list .position")
    opened.first.wait_for()
    assert opened.count() == count
    assert page.url == live_server.url + MATRIX  # no navigation


def test_matrix_works_without_javascript(page_without_js, live_server, demo):
    page = page_without_js
    page.goto(live_server.url + MATRIX)
    page.locator(".as-of-drafts a", has_text="E3 counter-proposal").click()
    page.wait_for_url(re.compile(r"\?as_of=e3-counter-proposal$"))
    assert page.locator("#matrix-heading").inner_text().startswith("As of E3 counter-proposal")
    page.locator("#as-of-day").fill("2025-11-21")
    page.locator("#as-of-day").locator("xpath=ancestor::form").locator("button").click()
    page.wait_for_url(re.compile(r"\?as_of=2025-11-21$"))
    page.locator("td.mcell a.earlier").first.click()
    page.wait_for_url(re.compile(r"/matters/\d+/positions/[-a-z0-9]+/$"))
    assert page.locator("#position-history .position").count() >= 1


@pytest.mark.parametrize("query", ["", "?since=us-28-point-plan"])
def test_axe_finds_no_wcag_a_or_aa_violation_on_the_matrix(browser, live_server, demo, query):
    from axe_playwright_python.sync_playwright import Axe

    for width in (1400, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            page.goto(live_server.url + MATRIX + query)
            results = Axe().run(
                page,
                options={
                    "runOnly": {"type": "tag", "values": WCAG_A_AA},
                    "resultTypes": ["violations"],
                },
            )
            assert results.violations_count == 0, f"{width} px:\n" + results.generate_report()
        finally:
            context.close()
