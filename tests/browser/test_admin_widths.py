"""Issue 14: at 1280 px the draft page's citation inline fits the window: its last
columns (published, delete) are on screen without scrolling sideways."""

from __future__ import annotations

import pytest

from tests.browser_fixtures import sign_in_to_admin

pytestmark = pytest.mark.browser


@pytest.fixture
def root(demo):
    from tests import factories as f

    return f.make_user("root", superuser=True)


def test_citation_inline_fits_at_1280_px(browser, live_server, root, artifacts):
    from apps.drafts.models import Draft

    draft = Draft.objects.get(slug="us-28-point-plan")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in_to_admin(page, live_server, "root")
    page.goto(live_server.url + f"/admin/drafts/draft/{draft.pk}/change/")
    inline = page.locator("#citations-group")
    inline.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "draft-change-1280.png", full_page=True, caret="initial")
    inline.screenshot(path=artifacts / "draft-citation-inline-1280.png", caret="initial")
    widths = page.evaluate(
        """() => {
            const group = document.querySelector('#citations-group');
            const cells = [...group.querySelectorAll('tr.form-row td, thead th')];
            return {
              viewport: document.documentElement.clientWidth,
              right: Math.max(...cells.map(c => c.getBoundingClientRect().right)),
              scroll: document.documentElement.scrollWidth,
            };
        }"""
    )
    # The excerpt's length counter (admin-counter.js), beside an input the browser no longer
    # cuts at paste.
    counter = page.locator("#citations-group tr.form-row .field-excerpt .length-counter").first
    counted = counter.inner_text()
    context.close()
    assert counted.endswith(" / 600 characters"), counted
    assert widths["right"] <= widths["viewport"], widths
    assert widths["scroll"] <= widths["viewport"], widths
