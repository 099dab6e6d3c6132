"""An editor uploads a leaked PDF, splits a row the importer left merged, confirms, and
the public finds the provisions on the draft's page; with JavaScript and without."""

from __future__ import annotations

import pytest

from tests.browser_fixtures import sign_in_to_admin

pytestmark = pytest.mark.browser


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    from tests import factories as f

    settings.MEDIA_ROOT = tmp_path / "media"
    f.make_user("root", superuser=True)
    draft = f.make_draft(label="Leaked plan", slug="leaked-plan", published=False)
    source = f.make_source(key="s07", outlet="Axios", headline="The full text")
    return {"draft": draft, "source": source}


def leak_pdf() -> bytes:
    from tests.imports.corpus import pdf

    return pdf(
        [
            ["1. The ceasefire starts at noon.", "2. Troops withdraw. 3. Mines are cleared."],
            ["4. Elections are held in spring."],
        ],
        header=lambda n, total: [f"DRAFT - NOT FOR DISTRIBUTION    Page {n} of {total}"],
        footer=lambda n, total: [f"- {n} -"],
    )


def _sign_in(page, live_server) -> None:
    sign_in_to_admin(page, live_server, "root")


def _upload(page, live_server, world) -> None:
    _sign_in(page, live_server)
    page.goto(live_server.url + f"/admin/drafts/draft/{world['draft'].pk}/import/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "leak.pdf", "mimeType": "application/pdf", "buffer": leak_pdf()}],
    )
    page.select_option("#id_source", str(world["source"].pk))
    page.click("text=Preview the provisions")
    assert "Step 2 of 2" in page.inner_text("#content-main")
    assert "DRAFT - NOT FOR DISTRIBUTION Page 1 of 2" in page.inner_text(".import-furniture")
    assert page.locator(".import-row").count() == 3
    assert page.input_value("#id_form-1-body") == "<p>Troops withdraw. 3. Mines are cleared.</p>"


def _confirm_and_read(page, browser, live_server, world) -> str:
    from apps.drafts.models import Provision

    page.click("text=Import the ticked provisions")
    page.wait_for_selector(".messagelist .success")
    assert "Imported 4 provisions." in page.inner_text(".messagelist")
    draft = world["draft"]
    draft.published = True
    draft.save()
    Provision.objects.filter(draft=draft).update(published=True)
    world["source"].refresh_from_db()
    assert world["source"].attachment.name.endswith("/leak.pdf")
    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(live_server.url + f"/drafts/{draft.slug}/")
    text = public.inner_text("main")
    visitor.close()
    return text


def test_upload_split_at_the_cursor_and_confirm(page, browser, live_server, world, artifacts):
    _upload(page, live_server, world)
    body = page.locator("#id_form-1-body")
    offset = page.input_value("#id_form-1-body").index("3. Mines")
    body.click()
    body.evaluate("(el, at) => el.setSelectionRange(at, at)", offset)
    page.click("#import-row-2 .import-split")
    page.wait_for_selector("#import-row-4")
    assert page.input_value("#id_form-2-label") == "3"
    assert page.input_value("#id_form-2-body") == "<p>Mines are cleared.</p>"
    page.screenshot(path=artifacts / "document-import-split.png", full_page=True)
    text = _confirm_and_read(page, browser, live_server, world)
    assert "Troops withdraw." in text
    assert "Mines are cleared." in text
    assert "3. Mines" not in text
    assert "DRAFT - NOT FOR DISTRIBUTION" not in text


def test_upload_and_split_without_javascript(page_without_js, browser, live_server, world):
    page = page_without_js
    _upload(page, live_server, world)
    page.fill("#split-words-1", "3. Mines")
    page.click("#import-row-2 .import-split")
    assert page.locator(".import-row").count() == 4
    assert page.input_value("#id_form-2-label") == "3"
    text = _confirm_and_read(page, browser, live_server, world)
    assert "Mines are cleared." in text
    assert "Elections are held in spring." in text
