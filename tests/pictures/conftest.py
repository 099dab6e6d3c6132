"""Browser fixtures for the pictures' screenshots, shared with tests/browser."""

from tests.browser.conftest import artifacts, browser, demo, page  # noqa: F401
