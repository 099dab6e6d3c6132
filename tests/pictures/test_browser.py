"""The pictures and the print view of the demo data, in a real browser, with screenshots."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

HEATMAP = "/processes/russia-ukraine-2025/heatmap/"
TIMELINE = "/processes/russia-ukraine-2025/timeline/"
PRINT = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/print/"

# caret="initial": Playwright's default caret hiding injects an inline <style>, which the
# page's Content-Security-Policy blocks and reports.

OVERLAPS = """boxes => {
  const hits = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const across = a.x < b.x + b.width && b.x < a.x + a.width;
      if (across && a.y < b.y + b.height && b.y < a.y + a.height) hits.push([a.text, b.text]);
    }
  return hits;
}"""
BOXES = """els => els.map(e => {
  const b = e.getBBox();
  return {x: b.x, y: b.y, width: b.width, height: b.height, text: e.textContent};
})"""


def test_heat_map(page, live_server, demo, artifacts):
    page.goto(live_server.url + HEATMAP)
    rows = page.locator("g.hm-row").count()
    assert rows >= 10
    assert page.locator("a.hm-link").count() == rows * 6
    assert page.locator(".legend-item").count() == 7  # with "not reported"
    # Topic names and draft names fit their space: no label runs into another.
    labels = page.locator(".heatmap-svg text[role=rowheader], .hm-col text").evaluate_all(BOXES)
    assert page.evaluate(OVERLAPS, labels) == []
    for box in page.locator(".heatmap-svg text[role=rowheader]").evaluate_all(BOXES):
        assert box["x"] + box["width"] < 236, box["text"]
    page.screenshot(path=artifacts / "heatmap.png", full_page=True, caret="initial")

    cell = page.locator('a.hm-link[data-state="bracketed"]').first
    anchor = cell.get_attribute("href").split("#")[1]
    cell.click()
    page.wait_for_url(re.compile(r"/compare/[^?]+/\?topic=[-a-z]+#" + anchor + "$"))
    assert page.locator(f"#{anchor}").is_visible()
    assert "Bracketed" in page.locator(f"#{anchor}").inner_text()


def test_timeline(page, live_server, demo, artifacts):
    page.goto(live_server.url + TIMELINE)
    assert page.locator("g.tl-draft").count() == 6
    assert page.locator("g.tl-arrow").count() == 4  # Geneva revises the 28 points only
    assert page.locator("g.tl-event").count() == page.locator("li.tl-item.event").count() > 20
    # As rendered: event labels never overlap, nor do draft cards; card text stays inside.
    events = page.locator("g.tl-event text").evaluate_all(BOXES)
    assert page.evaluate(OVERLAPS, events) == []
    cards = page.locator("g.tl-draft rect").evaluate_all(BOXES)
    assert page.evaluate(OVERLAPS, cards) == []
    for draft in page.locator("g.tl-draft").all():
        rect = draft.locator("rect").evaluate_all(BOXES)[0]
        for text in draft.locator("text").evaluate_all(BOXES):
            assert text["x"] + text["width"] <= rect["x"] + rect["width"], text["text"]
    page.screenshot(path=artifacts / "timeline.png", full_page=True, caret="initial")


def test_print_view(page, live_server, demo, artifacts):
    page.emulate_media(media="print")
    page.goto(live_server.url + PRINT)
    assert page.locator(".print-row").count() > 10
    assert page.locator(".print-sources li").count() > 20
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".print-tools").is_visible()
    assert page.locator(".print-grid thead").is_visible()
    page.screenshot(path=artifacts / "compare-print.png", full_page=True, caret="initial")
    # The stylesheet's @page rule makes an A4 landscape PDF (842 × 595 points).
    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    (artifacts / "compare-print.pdf").write_bytes(pdf)
    sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
    assert sizes and all(
        abs(float(w) - 841.9) < 2 and abs(float(h) - 595.3) < 2 for w, h in sizes
    ), sizes
