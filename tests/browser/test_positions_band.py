"""The positions band of the demo comparison, with a party's earlier positions opened."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DEMO = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/?topic=territory"


def test_positions_band_opens_earlier_positions_in_place(page, live_server, demo, artifacts):
    page.goto(live_server.url + DEMO)
    band = page.locator(".positions-band").first
    assert "Where the parties stand as of Geneva revision" in band.inner_text()
    assert band.locator(".stance").count() >= 3
    earlier = band.locator("a.earlier").first
    count = int(earlier.inner_text().split()[0])
    earlier.click()
    history = band.locator("#position-history .position")
    history.first.wait_for()
    assert history.count() == count  # the earlier ones only, not the latest again
    assert page.url.endswith("?topic=territory")  # opening history does not navigate
    page.screenshot(path=artifacts / "compare-positions-band.png", full_page=True, caret="initial")
