"""The change summary and change list in a real browser: next/previous-change keys, the
"change 3 of 12" position, and the removed text of long rewrites."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

TWO = "/compare/us-28-point-plan...e3-counter-proposal/"

# caret="initial": Playwright's default caret hiding injects an inline <style>, which the
# page's Content-Security-Policy blocks.


def _position(page) -> str:
    return page.locator(".change-position").inner_text()


def test_keys_move_through_the_changed_rows(page, live_server, demo, artifacts):
    page.goto(live_server.url + TWO)
    links = page.locator(".change-list ol a").evaluate_all("as => as.map(a => a.hash)")
    total = len(links)
    assert total > 3
    nav = page.locator(".change-nav")
    assert nav.is_visible()  # shown by the script only
    page.locator(".change-summary").screenshot(
        path=artifacts / "compare-summary-desktop.png", caret="initial"
    )
    page.locator(".change-list").screenshot(
        path=artifacts / "compare-change-list-desktop.png", caret="initial"
    )
    history_length = page.evaluate("history.length")

    page.keyboard.press("n")
    assert _position(page) == f"change 1 of {total}"
    assert page.url.endswith(links[0])
    assert page.evaluate("document.activeElement.id") == links[0][1:]
    page.keyboard.press("j")
    page.keyboard.press("n")
    assert _position(page) == f"change 3 of {total}"
    assert page.url.endswith(links[2])
    current = page.locator(".cmp-row.current-change")
    assert current.count() == 1 and current.get_attribute("id") == links[2][1:]
    assert page.locator(".change-list a[aria-current]").get_attribute("href") == links[2]
    page.keyboard.press("p")
    page.keyboard.press("k")
    assert _position(page) == f"change 1 of {total}"
    page.keyboard.press("k")  # stays at the first
    assert _position(page) == f"change 1 of {total}"
    page.locator(".change-next").click()
    assert _position(page) == f"change 2 of {total}"
    # Moving between changes adds no history entries.
    assert page.evaluate("history.length") == history_length
    page.screenshot(path=artifacts / "compare-change-nav-desktop.png", caret="initial")

    # Typing in a form field is not navigation.
    page.locator("#share-url").focus()
    page.keyboard.press("n")
    assert _position(page) == f"change 2 of {total}"


def test_keys_work_again_after_a_filter_swaps_the_table(page, live_server, demo):
    page.goto(live_server.url + TWO)
    page.locator("#f-changed").check()
    page.wait_for_url(re.compile(r"\?changed=1$"))
    page.wait_for_function("!document.querySelector('.change-nav').hidden")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("n")
    total = page.locator(".change-list ol a").count()
    assert _position(page) == f"change 1 of {total}"


def test_narrow_screen_folds_the_change_list(browser, live_server, demo, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + TWO)
    box = page.locator(".change-list-box")
    assert box.get_attribute("open") is None  # folded away
    summary = page.locator(".change-summary")
    assert summary.bounding_box()["width"] <= 390
    summary.screenshot(path=artifacts / "compare-summary-390.png", caret="initial")
    box.locator("summary").click()
    assert box.locator("ol").is_visible()
    page.locator(".change-list").screenshot(
        path=artifacts / "compare-change-list-390.png", caret="initial"
    )
    context.close()


def test_show_removed_text(page, live_server, demo, artifacts):
    page.goto(live_server.url + TWO)
    rewrite = page.locator("details.removed-text").first
    rewrite.scroll_into_view_if_needed()
    removed = rewrite.locator("del")
    assert not removed.is_visible()
    item = rewrite.locator("xpath=..")
    assert item.locator(".body del").count() == 0  # the new text reads clean
    rewrite.locator("summary").click()
    assert removed.is_visible()
    assert len(removed.inner_text()) > 20
    item.screenshot(path=artifacts / "compare-removed-text.png", caret="initial")
    # Screen readers hear what the struck text is.
    assert "[removed text:" in removed.text_content()


def test_show_removed_text_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + TWO)
    rewrite = page.locator("details.removed-text").first
    rewrite.locator("summary").click()
    assert rewrite.locator("del").is_visible()
    assert not page.locator(".change-nav").is_visible()  # no dead buttons
    assert page.locator(".change-list ol a").first.is_visible()
    context.close()
