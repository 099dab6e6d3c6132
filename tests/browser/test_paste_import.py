"""An editor pastes a leaked text on a draft, previews, confirms and publishes it; the
public then finds the provisions on the draft's page."""

from __future__ import annotations

import pytest

from tests.browser_fixtures import sign_in_to_admin

pytestmark = pytest.mark.browser

LEAK = """Security guarantees

1. Ukraine receives a guarantee
modelled on Article 5.
2. Europe joins the guarantee:
a) through a coalition of the willing;
b) with air policing.
4. The guarantee lapses if Ukraine invades Russia.
"""


@pytest.fixture
def world(transactional_db):
    from tests import factories as f

    f.make_user("root", superuser=True)
    draft = f.make_draft(label="Leaked plan", slug="leaked-plan", published=False)
    source = f.make_source(key="s07", outlet="Axios", headline="The full text")
    return {"draft": draft, "source": source}


def _sign_in(page, live_server) -> None:
    sign_in_to_admin(page, live_server, "root")


def test_editor_pastes_previews_confirms_and_publishes(
    page, browser, live_server, world, artifacts
):
    draft, source = world["draft"], world["source"]
    _sign_in(page, live_server)
    page.goto(live_server.url + f"/admin/drafts/draft/{draft.pk}/change/")
    page.click("text=Import provisions from pasted text")
    page.fill("#id_text", LEAK)
    page.select_option("#id_source", str(source.pk))
    page.click("text=Preview the provisions")

    preview = page.inner_text("#content-main")
    assert "Step 2 of 2" in preview
    assert "Numbering jumps from 2 to 4: point 3 is missing." in preview
    assert "a) through a coalition of the willing;" in preview
    assert page.locator(".import-row").count() == 3
    assert page.input_value("#id_form-0-heading") == "Security guarantees"
    page.screenshot(path=artifacts / "paste-import-preview.png", full_page=True, caret="initial")
    page.fill("#id_form-2-heading", "Lapse")
    page.click("text=Import the ticked provisions")

    page.wait_for_selector(".messagelist .success")
    assert "Imported 3 provisions." in page.inner_text(".messagelist")
    assert page.url.endswith(f"/admin/drafts/draft/{draft.pk}/change/")

    page.check("#id_published")
    for row in range(3):
        page.check(f"#id_provisions-{row}-published")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    visitor = browser.new_context()
    public = visitor.new_page()
    public.goto(live_server.url + f"/drafts/{draft.slug}/")
    text = public.inner_text("main")
    visitor.close()
    assert "Ukraine receives a guarantee modelled on Article 5." in text
    assert "with air policing." in text
    assert "Lapse" in text
    assert "The guarantee lapses if Ukraine invades Russia." in text


def test_the_import_works_with_javascript_off(page_without_js, live_server, world):
    from apps.drafts.models import Provision

    page, draft = page_without_js, world["draft"]
    _sign_in(page, live_server)
    page.goto(live_server.url + f"/admin/drafts/draft/{draft.pk}/import/")
    page.fill("#id_text", LEAK)
    page.fill("#id_new_outlet", "Kyiv Post")
    page.fill("#id_new_headline", "Leaked: the plan")
    page.select_option("#id_new_reliability", "B")
    page.fill("#id_new_published", "late November 2025")
    page.click("text=Preview the provisions")
    assert "read as Nov 2025 (month only)" in page.inner_text(".import-date")
    page.uncheck("#id_form-1-include")
    page.click("text=Import the ticked provisions")
    assert "Imported 2 provisions." in page.inner_text(".messagelist")
    assert sorted(Provision.objects.filter(draft=draft).values_list("label", flat=True)) == [
        "1",
        "4",
    ]
