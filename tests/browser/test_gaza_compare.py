"""The Gaza process in Chromium: the comparison of the leaked 21-point plan with the White
House 20-point plan, and its heat map (screenshots in test-artifacts/)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

COMPARE = "/compare/gaza-us-21-point-plan...gaza-us-20-point-plan/"
HEATMAP = "/processes/gaza-2025/heatmap/"
TIMELINE = "/processes/gaza-2025/timeline/"


def test_gaza_comparison_and_heat_map(page, live_server, demo, artifacts):
    page.goto(live_server.url + COMPARE)
    assert page.title().startswith("US 21-point plan (D1) vs US 20-point plan (D2)")
    body = page.locator("main").inner_text()
    assert "Hostage release" in body and "Board of Peace" in body
    # Nothing of the other process.
    assert "Zaporizhzhia" not in body and "us28-" not in page.content()
    page.screenshot(path=artifacts / "gaza-compare.png", full_page=False, caret="initial")

    page.goto(live_server.url + HEATMAP)
    assert "Gaza 2025" in page.locator("main").inner_text()
    # Each column says what sort of text the draft is.
    kinds = page.locator(".hm-kind").all_text_contents()
    assert {"Counter-proposal", "Plan", "Agreement", "UN resolution", "Charter"} <= set(kinds)
    page.screenshot(path=artifacts / "gaza-heatmap.png", full_page=True, caret="initial")

    page.goto(live_server.url + TIMELINE)
    assert page.locator(".tl-event").count() == 30
    assert page.locator("time", has_text="22 or 23 Sep 2025 (sources differ)").count() == 1
    page.screenshot(path=artifacts / "gaza-timeline.png", full_page=True, caret="initial")
