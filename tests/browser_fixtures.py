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


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The demo's rows as `load_demo` writes them, change history included: loaded once per
    test worker (about 12 s), copied, and rolled back. Writing the copy back takes well under
    a second where `loaddata` took about 7."""
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from tests.table_snapshot import Snapshot

    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=False),  # no demo accounts, as in production
        transaction.atomic(),
    ):
        call_command("load_demo", verbosity=0)
        rows = Snapshot.take()
        transaction.set_rollback(True)
    with django_db_blocker.unblock():
        rows.reset_counters()
    return rows


@pytest.fixture
def demo(transactional_db, settings, demo_rows):
    """The demo data, committed, for tests that a live server or a second connection must
    see (the flush after the test empties the database again)."""
    settings.DEBUG = False
    demo_rows.restore()


@pytest.fixture(scope="class")
def demo_read_only(django_db_setup, django_db_blocker, demo_rows):
    """The demo data for a class (or a module's functions) of tests that only read it,
    rolled back after them, so the tests that follow find the database as it was."""
    with django_db_blocker.unblock(), demo_rows.restored_until_rollback():
        yield


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
