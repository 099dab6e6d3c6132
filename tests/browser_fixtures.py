"""Browser tests: Playwright driving Debian's Chromium against a live test server."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls made by the
# live server fixtures are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Chromium is not installed at {CHROMIUM}: `make test` installs it with apt "
            "(apt-get install chromium)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# What the dump of the demo leaves out: rows the flush between live-server tests recreates
# with new ids (content types, permissions, groups: referred to by natural keys instead).
DEMO_DUMP_EXCLUDES = ["contenttypes", "auth.permission", "auth.group", "sessions"]


@pytest.fixture(scope="session")
def demo_dump(tmp_path_factory) -> Path:
    """Where this test worker keeps the demo as `load_demo` wrote it (written on first use)."""
    return tmp_path_factory.mktemp("demo") / "demo.json"


@pytest.fixture
def demo(transactional_db, settings, demo_dump):
    """The demo data. `load_demo` runs once per test worker (about 20 s); later tests load
    the rows it wrote, its change history included, from a dump (a few seconds)."""
    from unittest import mock

    from django.apps import apps
    from django.core.management import call_command

    from apps.accounts.roles import sync_groups
    from apps.history import recorder

    # Live-server tests flush the database between tests, groups from migrations included.
    sync_groups(apps)
    settings.DEBUG = False
    if not demo_dump.exists():
        call_command("load_demo", verbosity=0)
        call_command(
            "dumpdata",
            exclude=DEMO_DUMP_EXCLUDES,
            natural_foreign=True,
            output=str(demo_dump),
            verbosity=0,
        )
        return
    # Saving the dumped many-to-many links would record them as edits a second time.
    with mock.patch.object(recorder, "record"):
        call_command("loaddata", str(demo_dump), verbosity=0)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The Content-Security-Policy forbids inline script and style: any violation is a bug.
    page.on(
        "console",
        lambda msg: (
            errors.append(page.url + " " + msg.text[:40])
            if "Content Security Policy" in msg.text
            else None
        ),
    )
    yield page
    context.close()
    assert not errors, f"JavaScript errors or CSP violations on the page: {errors}"


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1400, "height": 900}
    )
    yield context.new_page()
    context.close()


def sign_in_to_admin(page, live_server, username: str, password: str = "pw") -> None:
    """Sign in through the admin's login form, as an editor does, and wait for the index."""
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
