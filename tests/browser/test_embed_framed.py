"""An article on another site frames a PeaceTracker embed, and the reader sees the comparison
inside it; the full comparison page refuses to be framed there."""

from __future__ import annotations

import http.server
import threading
from functools import partial

import pytest

pytestmark = pytest.mark.browser

SPEC = "us-28-point-plan...e3-counter-proposal...geneva-revision"


@pytest.fixture
def other_site(tmp_path):
    """A static web server on another port and another host name (127.0.0.1, while the live
    server is `localhost`): a different origin, as a newspaper's site would be."""

    def serve(html: str) -> str:
        (tmp_path / "article.html").write_text(html, encoding="utf-8")
        return f"http://127.0.0.1:{server.server_address[1]}/article.html"

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield serve
    server.shutdown()
    server.server_close()


def _article(src: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Article</title>"
        "</head><body><h1>Our analysis</h1>"
        f"<iframe id='embed' src='{src}' title='Comparison' width='900' height='700'></iframe>"
        "</body></html>"
    )


def test_an_article_on_another_origin_frames_the_comparison_embed(
    page, live_server, demo, other_site, artifacts
):
    embed = f"{live_server.url}/embed/compare/{SPEC}/?topic=territory"
    article = other_site(_article(embed))
    assert article.split("/")[2] != live_server.url.split("/")[2]

    page.goto(article)
    frame = page.frame_locator("#embed")
    frame.locator(".cmp-grid").wait_for()
    assert frame.locator(".embed-title").inner_text().startswith("US 28-point plan vs ")
    drafts = frame.locator(".embed-drafts").inner_text()
    for label in ("US 28-point plan", "E3 counter-proposal", "Geneva revision"):
        assert label in drafts
    rows = frame.locator(".cmp-row").count()
    assert rows >= 1
    assert "Territory" in frame.locator(".cmp-grid").inner_text()
    back = frame.locator(".embed-foot a")
    assert back.get_attribute("href").endswith(f"/compare/{SPEC}/?topic=territory")
    # No site chrome inside the frame.
    assert frame.locator(".site-header").count() == 0
    page.screenshot(path=artifacts / "embed-framed.png", full_page=True, caret="initial")


def test_the_full_comparison_page_cannot_be_framed_by_another_origin(
    browser, live_server, demo, other_site
):
    context = browser.new_context()
    try:
        page = context.new_page()
        refused: list[str] = []
        page.on(
            "console",
            lambda msg: refused.append(msg.text) if "frame-ancestors" in msg.text else None,
        )
        page.goto(other_site(_article(f"{live_server.url}/compare/{SPEC}/")))
        page.wait_for_timeout(1000)
        frame = page.frame_locator("#embed")
        assert frame.locator(".cmp-grid").count() == 0
        assert refused, "Chromium should report the frame-ancestors refusal"
    finally:
        context.close()
