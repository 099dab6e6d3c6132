"""An editor aligns a new 5-provision draft against the 28-point plan entirely in the
alignment workspace, with labels and rationales, and the public comparison shows it; the
same without JavaScript, and the same task in today's admin (suggestions page and matter
pages) for comparison. Each path counts page loads and form submissions, and prints them."""

from __future__ import annotations

import datetime

import pytest

from tests.browser_fixtures import sign_in_to_admin

pytestmark = pytest.mark.browser

PLAN = "us-28-point-plan"
NEW = "kyiv-five-points"
LABELS = ["1", "2", "3", "5", "7"]


@pytest.fixture
def world(demo):
    from apps.drafts.models import Draft, Provision
    from tests import factories as f

    f.make_user("edna", group="Editors")
    plan = Draft.objects.get(slug=PLAN)
    new = f.make_draft(
        plan.process,
        label="Kyiv five points",
        slug=NEW,
        published=True,
        presented_on=datetime.date(2025, 12, 1),
    )
    f.link(new, plan, "revises")
    pairs = []
    for label in LABELS:
        elder = Provision.objects.get(draft=plan, label=label)
        child = f.make_provision(
            new,
            label=label,
            heading=elder.heading,
            body=elder.body.replace("Ukraine", "Ukraine, with its partners,", 1),
            published=True,
        )
        child.topics.set(elder.topics.all())
        pairs.append((elder, child, elder.entries.order_by("matter__position").first().matter))
    return {"plan": plan, "new": new, "pairs": pairs}


class Counter:
    """Page loads (documents fetched with GET) and form submissions (POSTs, htmx or not)."""

    def __init__(self, page):
        self.loads = self.submissions = 0
        page.on("request", self._seen)

    def _seen(self, request):
        if request.method == "POST":
            self.submissions += 1
        elif request.resource_type == "document":
            self.loads += 1

    @property
    def total(self) -> int:
        return self.loads + self.submissions


def _workspace(live_server) -> str:
    return f"{live_server.url}/admin/alignment/matter/workspace/{PLAN}...{NEW}/"


def _check_public_comparison(browser, live_server, world) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/compare/{PLAN}...{NEW}/")
    for i, (_elder, child, matter) in enumerate(world["pairs"]):
        row = page.locator(f"#matter-{matter.pk}")
        text = row.inner_text()
        assert child.heading in text
        assert f"Rationale {i} for {child.label}." in text
        assert "Softened" in text
    assert page.locator(".cmp-row", has_text="Not yet aligned").count() == 0
    context.close()


def _align_cell(page, world, i, elder, child, matter, *, js: bool) -> None:
    cell = page.locator(f"#cell-{matter.pk}-{world['new'].pk}")
    suggestion = cell.locator(".ws-suggestion")
    if suggestion.count() and f"{child.label} {child.heading}" in suggestion.inner_text():
        assert "score " in suggestion.inner_text()
        # Accept with the label and its rationale: one submission.
        suggestion.locator("select[name=label]").select_option("softened")
        suggestion.locator("input[name=rationale]").fill(f"Rationale {i} for {child.label}.")
        suggestion.get_by_role("button", name="Accept").click()
        if not js:
            page.wait_for_load_state()
        page.locator(f"#cell-{matter.pk}-{world['new'].pk} .ws-rationale").filter(
            has_text=f"Rationale {i} for {child.label}."
        ).wait_for()
        return
    else:
        if js:
            cell.locator(".ws-filter").fill(child.heading)
        else:
            cell.locator("select.ws-provision").select_option(str(child.pk))
        cell.get_by_role("button", name="Put in").click()
    if not js:
        page.wait_for_load_state()
    cell = page.locator(f"#cell-{matter.pk}-{world['new'].pk}")
    entry = cell.locator(".ws-entry", has_text=child.heading)
    entry.wait_for()
    entry.locator("select[name=label]").select_option("softened")
    entry.locator("input[name=rationale]").fill(f"Rationale {i} for {child.label}.")
    entry.get_by_role("button", name="Save").click()
    if not js:
        page.wait_for_load_state()
    page.locator(f"#cell-{matter.pk}-{world['new'].pk} .ws-rationale").filter(
        has_text=f"Rationale {i} for {child.label}."
    ).wait_for()


def test_aligning_a_new_draft_in_the_workspace_with_javascript(
    page, browser, live_server, world, artifacts
):
    sign_in_to_admin(page, live_server, "edna")
    count = Counter(page)
    page.goto(_workspace(live_server))
    assert page.locator(".ws-tray-item").count() == 5
    page.screenshot(path=artifacts / "workspace-before.png", full_page=True, caret="initial")
    for i, (elder, child, matter) in enumerate(world["pairs"]):
        _align_cell(page, world, i, elder, child, matter, js=True)
    assert page.locator(".ws-tray-item").count() == 0  # the tray followed, out of band
    page.screenshot(path=artifacts / "workspace-js.png", full_page=True, caret="initial")
    print(f"\nworkspace, JS on: {count.loads} page loads + {count.submissions} submissions")
    assert count.loads == 1
    assert count.submissions <= 10  # one per accepted suggestion, two per provision put in
    _check_public_comparison(browser, live_server, world)


def test_aligning_a_new_draft_in_the_workspace_without_javascript(
    page_without_js, browser, live_server, world, artifacts
):
    page = page_without_js
    sign_in_to_admin(page, live_server, "edna")
    count = Counter(page)
    page.goto(_workspace(live_server))
    for i, (elder, child, matter) in enumerate(world["pairs"]):
        _align_cell(page, world, i, elder, child, matter, js=False)
    assert page.locator(".ws-tray-item").count() == 0
    page.screenshot(path=artifacts / "workspace-nojs.png", full_page=True, caret="initial")
    print(f"\nworkspace, JS off: {count.loads} page loads + {count.submissions} submissions")
    assert count.submissions <= 10
    assert count.loads == count.submissions + 1  # the page again after each submission
    _check_public_comparison(browser, live_server, world)


def test_the_same_task_in_todays_admin(page, browser, live_server, world, artifacts):
    """Suggestions page to align, then each matter's page for the label and rationale."""
    sign_in_to_admin(page, live_server, "edna")
    count = Counter(page)
    new, plan = world["new"], world["plan"]
    page.goto(f"{live_server.url}/admin/drafts/draft/{new.pk}/change/")
    page.goto(f"{live_server.url}/admin/alignment/matter/suggest/{new.pk}/against/{plan.pk}/")
    for box in page.locator("input[name=pick]").all():
        box.check()
    page.get_by_role("button", name="Accept selected").click()
    page.wait_for_selector(".messagelist")
    for i, (_elder, child, matter) in enumerate(world["pairs"]):
        page.goto(f"{live_server.url}/admin/alignment/matter/{matter.pk}/change/")
        row = page.locator("tr.form-row", has_text=f"{child.label} {child.heading}").first
        row.locator("select[name$=-label]").select_option("softened")
        row.locator("input[name$=-rationale]").fill(f"Rationale {i} for {child.label}.")
        page.locator("input[name=_save]").click()
        page.wait_for_selector(".messagelist")
    print(f"\ntoday's admin: {count.loads} page loads + {count.submissions} submissions")
    _check_public_comparison(browser, live_server, world)


def test_drag_and_drop_from_the_tray_puts_a_provision_in(page, live_server, world, artifacts):
    sign_in_to_admin(page, live_server, "edna")
    page.goto(_workspace(live_server))
    _elder, child, matter = world["pairs"][0]
    cell = f"#cell-{matter.pk}-{world['new'].pk}"
    # The type-ahead picks the first provision whose label and heading match the words.
    other = world["pairs"][2][1]
    page.locator(f"{cell} .ws-filter").fill(other.heading.lower())
    assert page.locator(f"{cell} select.ws-provision").input_value() == str(other.pk)
    page.locator(f"{cell} .ws-filter").fill("")
    page.locator(cell).scroll_into_view_if_needed()
    # From the item's edge (not its link or button), as a hand would grab it.
    page.drag_and_drop(
        f".ws-tray-item[data-provision='{child.pk}']", cell, source_position={"x": 3, "y": 3}
    )
    page.locator(f"{cell} .ws-entry", has_text=child.heading).wait_for()
    assert page.locator(f".ws-tray-item[data-provision='{child.pk}']").count() == 0
    page.screenshot(path=artifacts / "workspace-dragged.png", full_page=True, caret="initial")
    from apps.alignment.models import MatterEntry

    assert MatterEntry.objects.filter(matter=matter, provision=child).exists()


def test_a_cell_changed_by_someone_else_is_refused_in_place(page, live_server, world, artifacts):
    from apps.alignment.models import MatterEntry

    sign_in_to_admin(page, live_server, "edna")
    page.goto(_workspace(live_server))
    elder, _child, matter = world["pairs"][1]
    entry = MatterEntry.objects.get(matter=matter, provision=elder)
    # Another editor labels the same entry after the page was loaded.
    entry.label, entry.rationale = "hardened", "Their rationale."
    entry.save()
    cell = page.locator(f"#cell-{matter.pk}-{world['plan'].pk}")
    cell.locator("input[name=rationale]").first.fill("Mine.")
    cell.get_by_role("button", name="Save").first.click()
    alert = page.locator(f"#cell-{matter.pk}-{world['plan'].pk} [role=alert]")
    alert.wait_for()
    assert "Someone else changed this cell" in alert.inner_text()
    assert "Their rationale." in alert.inner_text()
    entry.refresh_from_db()
    assert entry.rationale == "Their rationale."
    page.locator(f"#cell-{matter.pk}-{world['plan'].pk}").screenshot(
        path=artifacts / "workspace-stale-cell.png", caret="initial"
    )
