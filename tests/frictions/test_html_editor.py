"""Issue 14: provision bodies (and every field the one sanitiser cleans) get a real HTML
editor limited to exactly the sanitiser's allow-list; its import map carries the request's
CSP nonce, and the server still sanitises what is posted."""

from __future__ import annotations

import json
import re
from html import unescape

import pytest
from django.urls import reverse

from apps.core.html import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS
from tests import factories as f
from tests.admin.forms import form_data

EDITOR = "data-django-prose-editor-peacetracker"


def _textarea(page: str, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>', page)
    assert match, f"no textarea {name}"
    return match[0]


def _csp_nonce(response) -> str:
    match = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    assert match, response["Content-Security-Policy"]
    return match[1]


def test_the_provision_body_is_an_editor_limited_to_the_allow_list(editor_client):
    provision = f.make_provision(f.make_draft())
    response = editor_client.get(reverse("admin:drafts_provision_change", args=[provision.pk]))
    page = response.content.decode()
    tag = _textarea(page, "body")
    config = json.loads(unescape(re.search(rf'{EDITOR}="([^"]*)"', tag)[1]))
    assert set(config["tags"]) == ALLOWED_TAGS
    assert config["attributes"] == {t: sorted(a) for t, a in ALLOWED_ATTRIBUTES.items()}
    assert set(config["protocols"]) == ALLOWED_PROTOCOLS
    assert "peacetracker/html-editor.js" in page
    assert "django_prose_editor/editor.css" in page


def test_the_import_map_carries_the_responses_csp_nonce(editor_client):
    provision = f.make_provision(f.make_draft())
    response = editor_client.get(reverse("admin:drafts_provision_change", args=[provision.pk]))
    page = response.content.decode()
    maps = re.findall(r'<script type="importmap"[^>]*>', page)
    assert len(maps) == 1, maps
    assert f'nonce="{_csp_nonce(response)}"' in maps[0]
    # Every other script of the page carries it too, the editor's modules included.
    for script in re.findall(r"<script\b[^>]*>", page):
        assert "nonce=" in script or "src=" in script, script
    module = re.search(r'<script[^>]*src="[^"]*peacetracker/html-editor[^"]*"[^>]*>', page)[0]
    assert f'nonce="{_csp_nonce(response)}"' in module and 'type="module"' in module


@pytest.mark.parametrize(
    "url_name", ["admin:drafts_draft_change", "admin:drafts_peaceprocess_change"]
)
def test_summaries_get_the_editor_too(editor_client, url_name):
    draft = f.make_draft()
    obj = draft if "draft_change" in url_name else draft.process
    page = editor_client.get(reverse(url_name, args=[obj.pk])).content.decode()
    assert EDITOR in _textarea(page, "summary")


def test_disallowed_markup_posted_is_still_sanitised_on_save(editor_client):
    provision = f.make_provision(f.make_draft())
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = form_data(editor_client.get(url))
    data["body"] = (
        '<h1>Title</h1><p class="x">Kept <strong>bold</strong></p>'
        '<script>alert(1)</script><p><a href="javascript:alert(1)">link</a></p>'
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    provision.refresh_from_db()
    assert provision.body == (
        'Title<p>Kept <strong>bold</strong></p>alert(1)<p><a rel="noopener nofollow">link</a></p>'
    )


def test_the_draft_pages_provision_rows_get_the_editor(editor_client):
    draft = f.make_draft()
    provision = f.make_provision(draft)
    page = editor_client.get(reverse("admin:drafts_draft_change", args=[draft.pk])).content.decode()
    index = next(i for i in range(10) if f'name="provisions-{i}-id" value="{provision.pk}"' in page)
    tag = _textarea(page, f"provisions-{index}-body")
    config = json.loads(unescape(re.search(rf'{EDITOR}="([^"]*)"', tag)[1]))
    assert set(config["tags"]) == ALLOWED_TAGS
    # The empty row django's "Add another" clones carries it too (html-editor.js skips the
    # template itself and sets the editor up on each clone).
    assert EDITOR in _textarea(page, "provisions-__prefix__-body")
