"""Page defects a reader meets: the header on a phone, dead controls without JavaScript,
the tab title, the history a filter leaves behind, and what a screen reader hears."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DEMO = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"
DRAFT = "/drafts/us-28-point-plan/"

PHONE_PAGES = {
    "home": "/",
    "compare": DEMO,
    "draft": DRAFT,
    "search": "/search/?q=army",
    "changes": "/changes/",
    "party": "/parties/ukraine/",
    "picker": "/compare/",
    "heat map": "/processes/russia-ukraine-2025/heatmap/",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    yield context.new_page()
    context.close()


def test_header_nav_fits_a_390px_phone(phone, live_server, demo, artifacts):
    from apps.alignment.models import Matter

    pages = {**PHONE_PAGES, "matter": f"/matters/{Matter.objects.order_by('pk').first().pk}/"}
    for name, path in pages.items():
        phone.goto(live_server.url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{name}: the page is {width}px wide at a 390px viewport"
        header = phone.locator(".site-header")
        box = header.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, name
        for link in phone.locator(".site-header nav a").all():
            link_box = link.bounding_box()
            assert link.is_visible(), f"{name}: {link.inner_text()} is hidden"
            assert link_box["x"] >= 0 and link_box["x"] + link_box["width"] <= 390, (
                f"{name}: {link.inner_text()} runs off the screen"
            )
            # A finger can hit it: at least 24px tall (WCAG 2.2 target size, minimum).
            assert link_box["height"] >= 24, f"{name}: {link.inner_text()} is too small"
        if name in ("home", "compare"):
            phone.screenshot(path=artifacts / f"nav-390px-{name}.png", caret="initial")
            header.screenshot(path=artifacts / f"nav-390px-{name}-header.png", caret="initial")


def _visible_dead_buttons(page) -> list[str]:
    """Visible buttons that do nothing without JavaScript: not in a form, or type=button."""
    return page.evaluate(
        """() => [...document.querySelectorAll('button')]
            .filter(b => b.offsetParent !== null && b.getClientRects().length > 0)
            .filter(b => b.type === 'button' || !b.form)
            .map(b => b.outerHTML.slice(0, 120))"""
    )


def test_without_javascript_no_control_is_dead(page_without_js, live_server, demo, artifacts):
    page = page_without_js
    for path in (DEMO, DEMO + "?topic=territory", DRAFT, "/search/?q=army", "/"):
        page.goto(live_server.url + path)
        assert _visible_dead_buttons(page) == [], path
    page.goto(live_server.url + DEMO)
    assert not page.locator(".copy-link").is_visible()
    # What the share box offers instead still works: the address is there to select.
    assert page.locator("#share-url").input_value().endswith(DEMO)
    page.locator(".share").screenshot(path=artifacts / "share-no-js.png", caret="initial")
    page.click("text=Permanent link")
    page.wait_for_url(re.compile(r"/s/[A-Za-z0-9_-]{8}/$"))
    assert _visible_dead_buttons(page) == []


def test_with_javascript_the_copy_button_shows(page, live_server, demo):
    page.goto(live_server.url + DEMO)
    assert page.locator(".copy-link").is_visible()
    page.select_option("#f-topic", "territory")
    page.wait_for_url(re.compile(r"\?topic=territory$"))
    page.locator(".copy-link").wait_for(state="visible")


def test_tab_title_follows_the_filters(page, live_server, demo):
    page.goto(live_server.url + DEMO)
    unfiltered = page.title()
    assert "Territory" not in unfiltered

    page.select_option("#f-topic", "territory")
    page.wait_for_url(re.compile(r"\?topic=territory$"))
    expect(page).to_have_title(re.compile("Territory"))
    filtered = page.title()
    page.reload()
    assert page.title() == filtered, "the swapped page and a fresh load share one title"

    page.check("#f-changed")
    page.wait_for_url(re.compile(r"changed=1"))
    expect(page).to_have_title(re.compile("changed rows only"))

    page.go_back()
    page.wait_for_url(re.compile(r"\?topic=territory$"))
    expect(page).to_have_title(filtered)

    page.goto(live_server.url + DRAFT)
    page.select_option("#topic-filter", "territory")
    page.wait_for_url(re.compile(r"\?topic=territory$"))
    expect(page).to_have_title(re.compile("Territory"))

    page.goto(live_server.url + "/search/")
    page.fill("#q", "amnesty")
    page.wait_for_url(re.compile(r"q=amnesty"))
    expect(page).to_have_title(re.compile("amnesty"))


def _filter_requests(page, calls: list[str]):
    page.on(
        "request",
        lambda r: calls.append(r.url) if r.headers.get("hx-request") == "true" else None,
    )


def test_arrowing_through_topics_makes_one_request_and_one_history_entry(page, live_server, demo):
    page.goto(live_server.url + DEMO)
    start = page.evaluate("history.length")
    calls: list[str] = []
    _filter_requests(page, calls)

    page.focus("#f-topic")
    for _ in range(4):
        page.keyboard.press("ArrowDown")
    chosen = page.locator("#f-topic").input_value()
    assert chosen, "the arrow keys moved through the topics"
    page.wait_for_url(re.compile(rf"\?topic={chosen}$"))
    page.wait_for_timeout(1200)  # any request still to come has had time to go out

    assert len(calls) == 1, calls
    assert page.evaluate("history.length") == start + 1
    assert page.locator("#f-topic").input_value() == chosen
    assert page.evaluate("document.activeElement.id") == "f-topic", "focus stays on the select"

    # Each deliberate change is one entry: a checkbox, then back twice to the start.
    page.check("#f-changed")
    page.wait_for_url(re.compile(r"changed=1"))
    page.wait_for_timeout(800)
    assert page.evaluate("history.length") == start + 2
    page.go_back()
    page.wait_for_url(re.compile(rf"\?topic={chosen}$"))
    page.go_back()
    page.wait_for_url(re.compile(re.escape(DEMO) + "$"))


def test_a_filter_change_is_announced_once_not_the_whole_table(page, live_server, demo):
    page.goto(live_server.url + DEMO)
    live = page.evaluate(
        """() => [...document.querySelectorAll('[aria-live], [role=status], [role=alert]')]
            .map(e => ({id: e.id, rows: e.querySelectorAll('.cmp-row').length}))"""
    )
    assert live, "there is a live region for the filter outcome"
    assert all(region["rows"] == 0 for region in live), live

    page.select_option("#f-topic", "territory")
    page.wait_for_url(re.compile(r"\?topic=territory$"))
    status = page.locator("#live-status")
    expect(status).to_contain_text("Territory")
    text = status.inner_text()
    assert text.startswith("Showing ") and len(text) < 200, text
