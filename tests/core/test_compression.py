"""Text responses go out compressed: gzip with Django's BREACH padding wherever a secret may
be in the page, brotli only where none can be and the client accepts it."""

from __future__ import annotations

import gzip
import json

import brotli
import pytest
from django.test import Client

from tests import factories as f

URL = "/compare/plan...counter...revision/"
DEMO_URL = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"
BOTH = {"Accept-Encoding": "gzip, deflate, br, zstd"}


def gzip_filename_padded(body: bytes) -> bool:
    """Django's padding: the gzip header's FNAME flag, with a random-length name."""
    return body[:2] == b"\x1f\x8b" and bool(body[3] & gzip.FNAME)


def test_a_page_with_a_csrf_token_is_gzipped_with_padding_even_when_brotli_is_offered(plan):
    response = Client().get(URL, headers=BOTH)
    assert response["Content-Encoding"] == "gzip"
    assert gzip_filename_padded(response.content)
    html = gzip.decompress(response.content).decode()
    assert "800,000 in peacetime" in html and "x-csrftoken" in html
    assert "Accept-Encoding" in response["Vary"] and "HX-Request" in response["Vary"]
    assert int(response["Content-Length"]) == len(response.content)


def test_the_padding_differs_between_responses(plan):
    visitor = Client()
    lengths = {len(visitor.get(URL, headers=BOTH).content) for _ in range(12)}
    assert len(lengths) > 1  # a random number of bytes each time, as GZipMiddleware does


def test_a_public_export_with_no_cookies_is_sent_in_brotli(plan):
    response = Client().get(URL + "export.json", headers=BOTH)
    assert response["Content-Encoding"] == "br"
    assert not response.cookies
    data = json.loads(brotli.decompress(response.content))
    assert "800,000 in peacetime" in json.dumps(data)
    csv = Client().get(URL + "export.csv", headers=BOTH)
    assert csv["Content-Encoding"] == "br"
    assert "800,000 in peacetime" in brotli.decompress(csv.content).decode()


def test_a_signed_in_user_never_gets_brotli(plan):
    editor = Client()
    editor.force_login(f.make_user("ed", group="Editors"))
    response = editor.get(URL + "export.json", headers=BOTH)
    assert response["Content-Encoding"] == "gzip"
    assert gzip_filename_padded(response.content)
    assert "800,000 in peacetime" in gzip.decompress(response.content).decode()


def test_clients_that_accept_only_gzip_or_nothing(plan):
    gzipped = Client().get(URL, headers={"Accept-Encoding": "gzip"})
    assert gzipped["Content-Encoding"] == "gzip"
    plain = Client().get(URL)
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in plain["Vary"]
    assert "800,000 in peacetime" in plain.content.decode()
    only_br = Client().get(URL + "export.csv", headers={"Accept-Encoding": "br"})
    assert only_br["Content-Encoding"] == "br"


def test_images_are_left_as_they_are(plan):
    response = Client().get(URL + "og.png", headers=BOTH)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "Content-Encoding" not in response


@pytest.mark.usefixtures("demo_read_only")
class TestDemoComparisonOnTheWire:
    def test_the_demo_comparison_travels_in_a_sixth_of_its_size_or_less(self):
        raw = Client().get(DEMO_URL).content
        wire = Client().get(DEMO_URL, headers=BOTH)
        assert wire["Content-Encoding"] == "gzip"
        assert len(wire.content) * 6 <= len(raw), (len(wire.content), len(raw))
