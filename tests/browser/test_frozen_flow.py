"""Freeze a comparison, edit a provision in the admin, and find the old text kept."""

from __future__ import annotations

import re

import pytest

from tests.browser_fixtures import sign_in_to_admin

pytestmark = pytest.mark.browser

DEMO = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"


def test_frozen_link_survives_an_admin_edit(page, live_server, demo, artifacts):
    from apps.drafts.models import Provision
    from tests import factories as f

    f.make_user("edna", group="Editors")
    army = Provision.objects.get(key="e3-6")
    old_words = "800,000"
    assert old_words in army.body

    page.goto(live_server.url + DEMO + "?topic=military-limits")
    page.click("text=Permanent link")
    page.wait_for_url(re.compile(r"/s/[A-Za-z0-9_-]{8}/$"))
    frozen_url = page.url
    assert "The live comparison still reads the same." in page.inner_text("main")

    sign_in_to_admin(page, live_server, "edna")
    page.goto(live_server.url + f"/admin/drafts/provision/{army.pk}/change/")
    # The body is edited in the HTML editor, as an editor types it.
    page.click(".field-body .ProseMirror")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Ukraine's army is capped at 750,000 at all times.")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")

    page.goto(frozen_url)
    main = page.inner_text("main")
    assert old_words in page.inner_text(".compare.frozen")
    assert "750,000" not in page.inner_text(".compare.frozen")
    assert "The live analysis has changed since this link was made." in main
    assert "A10 Army size (changed)" in main
    page.screenshot(path=artifacts / "frozen-after-edit.png", full_page=True, caret="initial")

    page.click("text=See the live comparison")
    assert "750,000" in page.inner_text("main")
