"""Issue 14: the demo editor writes a provision body in the HTML editor (no raw HTML),
makes words bold from the toolbar and from the keyboard, links one, saves, and <strong>
and the link are stored; no CSP violation on the way (the `page` fixture fails the test
on any). Without JavaScript the body is a plain textarea."""

from __future__ import annotations

import pytest

from tests.browser_fixtures import sign_in_to_admin

pytestmark = pytest.mark.browser


@pytest.fixture
def editor(demo):
    """The demo editor's account (load_demo creates it only in development): an Editor
    and a Publisher."""
    from django.contrib.auth.models import Group

    from apps.demo.loader import DEMO_ACCOUNTS
    from tests import factories as f

    username, _password, groups = DEMO_ACCOUNTS[0]
    user = f.make_user(username)
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def test_an_editor_makes_text_bold_in_the_editor_and_strong_is_stored(
    page, live_server, editor, artifacts
):
    from apps.drafts.models import Provision

    provision = Provision.objects.filter(draft__slug="us-28-point-plan").order_by("pk").first()
    sign_in_to_admin(page, live_server, "editor")
    page.goto(live_server.url + f"/admin/drafts/provision/{provision.pk}/change/")
    editor = page.locator(".field-body .prose-editor .ProseMirror")
    editor.wait_for()
    # The textarea is hidden behind the editor, not shown beside it.
    assert not page.locator("textarea[name=body]").is_visible()

    editor.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.type("Ceasefire lines are frozen ")
    # Bold from the toolbar...
    page.locator(".field-body .prose-menubar").get_by_role("button", name="bold").click()
    page.keyboard.type("at once")
    page.locator(".field-body .prose-menubar").get_by_role("button", name="bold").click()
    page.keyboard.type(" and ")
    # ...and from the keyboard.
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type("monitored")
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type(". Source")
    # A link, from the toolbar's dialog (its URL and title: what the sanitiser keeps).
    for _ in "Source":
        page.keyboard.press("Shift+ArrowLeft")
    page.locator(".field-body .prose-menubar").get_by_role("button", name="insert link").click()
    dialog = page.locator("dialog.prose-editor-dialog[open]")
    dialog.locator("input[name=href]").fill("https://example.org/plan")
    dialog.get_by_role("button", name="Update").click()
    assert editor.locator("strong").count() == 2
    assert editor.locator("a[href='https://example.org/plan']").inner_text() == "Source"
    page.locator(".field-body").screenshot(path=artifacts / "html-editor.png", caret="initial")

    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0
    provision.refresh_from_db()
    assert provision.body == (
        "<p>Ceasefire lines are frozen <strong>at once</strong> and <strong>monitored</strong>. "
        '<a href="https://example.org/plan" rel="noopener nofollow">Source</a></p>'
    )
    # The saved body opens in the editor again, bold where it was.
    page.locator(".field-body .ProseMirror strong", has_text="monitored").wait_for()
    page.screenshot(path=artifacts / "html-editor-saved.png", full_page=False, caret="initial")


def test_without_javascript_the_body_is_a_plain_textarea(page_without_js, live_server, editor):
    from apps.drafts.models import Provision

    provision = Provision.objects.filter(draft__slug="us-28-point-plan").order_by("pk").first()
    page = page_without_js
    sign_in_to_admin(page, live_server, "editor")
    page.goto(live_server.url + f"/admin/drafts/provision/{provision.pk}/change/")
    body = page.locator("textarea[name=body]")
    assert body.is_visible()
    body.fill("<p>Plain <strong>HTML</strong> still works.</p>")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    provision.refresh_from_db()
    assert provision.body == "<p>Plain <strong>HTML</strong> still works.</p>"


MEASURE = """() => {
    const table = document.querySelector('#provisions-group table');
    const rows = [...table.querySelectorAll('tbody tr.form-row.has_original')];
    return {
      viewport: document.documentElement.clientWidth,
      scroll: document.documentElement.scrollWidth,
      table: Math.round(table.getBoundingClientRect().width),
      tallest: Math.max(...rows.map(r => Math.round(r.getBoundingClientRect().height))),
    };
}"""


def test_provision_rows_on_the_draft_page_get_a_compact_editor(
    page, live_server, editor, artifacts
):
    from apps.drafts.models import Draft

    draft = Draft.objects.get(slug="us-28-point-plan")
    provision = draft.provisions.order_by("position", "pk")[1]
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in_to_admin(page, live_server, "editor")
    page.goto(live_server.url + f"/admin/drafts/draft/{draft.pk}/change/")
    rows = page.locator("#provisions-group tr.form-row.has_original")
    row = rows.nth(1)
    body = row.locator(".field-body .prose-editor .ProseMirror")
    body.wait_for()
    sizes = page.evaluate(MEASURE)
    assert sizes["scroll"] <= sizes["viewport"], sizes
    # Before the editor: 1280 px of page (the table scrolls in its own box), 2016 px of
    # table, rows at most 100 px high.
    assert sizes["table"] <= 2016, sizes
    assert sizes["tallest"] <= 110, sizes
    # The toolbar shows on the row being edited only: the other rows stay one editor high.
    menubar = row.locator(".prose-menubar")
    assert not menubar.is_visible()

    body.click()
    assert menubar.is_visible()
    assert not rows.nth(0).locator(".prose-menubar").is_visible()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.press("Delete")
    page.keyboard.type("Both sides ")
    menubar.get_by_role("button", name="bold").click()
    page.keyboard.type("withdraw")
    menubar.get_by_role("button", name="bold").click()
    page.keyboard.type(" at once.")
    focused = page.evaluate(MEASURE)
    assert focused["scroll"] <= focused["viewport"], focused
    body.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "html-editor-inline-1280.png", caret="initial")

    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0
    provision.refresh_from_db()
    assert provision.body == "<p>Both sides <strong>withdraw</strong> at once.</p>"


def test_an_added_provision_row_gets_the_editor(page, live_server, editor):
    from apps.drafts.models import Draft

    draft = Draft.objects.get(slug="us-28-point-plan")
    before = draft.provisions.count()
    page.set_viewport_size({"width": 1280, "height": 900})
    sign_in_to_admin(page, live_server, "editor")
    page.goto(live_server.url + f"/admin/drafts/draft/{draft.pk}/change/")
    page.locator("#provisions-group .add-row a").click()
    added = page.locator("#provisions-group tr.form-row.dynamic-provisions").last
    body = added.locator(".field-body .prose-editor .ProseMirror")
    body.wait_for()
    assert page.locator("#provisions-empty .prose-editor").count() == 0
    added.locator(".field-label input").fill("29")
    added.locator(".field-position input").fill(str(before + 1))
    body.click()
    page.keyboard.type("A new ")
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type("point")
    page.locator("input[name=_continue]").click()
    page.wait_for_load_state()
    assert page.locator(".errornote").count() == 0
    assert draft.provisions.count() == before + 1
    assert draft.provisions.get(label="29").body == "<p>A new <strong>point</strong></p>"
