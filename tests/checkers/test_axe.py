"""axe-core (through axe-playwright-python) finds no WCAG 2 A/AA violation on the main pages."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
COMPARE = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"


def _pages() -> dict[str, str]:
    from apps.alignment.models import Matter

    matter = Matter.objects.filter(published=True, positions__isnull=False).order_by("pk")[0]
    return {
        "home": "/",
        "draft": "/drafts/e3-counter-proposal/",
        "comparison": COMPARE,
        "comparison filtered": COMPARE + "?topic=territory&changed=1",
        "matter": f"/matters/{matter.pk}/",
        "comparison embed": "/embed" + COMPARE + "?topic=territory",
        "matter embed": f"/embed/matters/{matter.pk}/",
        "party": "/parties/ukraine/",
        "heat map": "/processes/russia-ukraine-2025/heatmap/",
        "timeline": "/processes/russia-ukraine-2025/timeline/",
        "follow": "/alerts/follow/process/russia-ukraine-2025/",
    }


def _violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": []}
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])}× e.g. "
        f"{v['nodes'][0]['target']} {v['nodes'][0]['failureSummary'][:200]!r}"
        for v in results.response["violations"]
    ]


def test_no_wcag_violations_on_the_main_pages(page, live_server, demo):
    found = {}
    for name, path in _pages().items():
        page.goto(live_server.url + path)
        if problems := _violations(page):
            found[name] = problems
    assert not found, "\n".join(f"{name}: {p}" for name, ps in found.items() for p in ps)


def test_no_wcag_violations_on_a_phone(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    found = {}
    for name, path in _pages().items():
        page.goto(live_server.url + path)
        if problems := _violations(page):
            found[name] = problems
    context.close()
    assert not found, "\n".join(f"{name}: {p}" for name, ps in found.items() for p in ps)


def test_axe_reports_a_violation(page, live_server, demo):
    """The tests above can fail: an image without a text alternative is reported."""
    page.goto(live_server.url + "/")
    page.evaluate(
        "() => document.querySelector('main').append(Object.assign("
        "document.createElement('img'), {src: '/static/peacetracker/favicon.svg'}))"
    )
    assert any(v.startswith("image-alt") for v in _violations(page))
