"""Issue 14: long quotations and excerpts are not cut by the browser; a counter shows the
length and the server's message says what is too long."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from apps.positions.models import Position
from tests import factories as f
from tests.admin.forms import form_data


def _textarea(page: str, name: str) -> str:
    match = re.search(rf'<(?:textarea|input)[^>]*name="{re.escape(name)}"[^>]*>', page)
    assert match, f"no input {name}"
    return match[0]


@pytest.mark.parametrize(
    ("url_name", "field", "limit"),
    [
        ("admin:sources_citation_add", "excerpt", 600),
        ("admin:positions_position_add", "quotation", 300),
    ],
)
def test_long_text_inputs_show_a_counter_and_do_not_cut(editor_client, url_name, field, limit):
    page = editor_client.get(reverse(url_name)).content.decode()
    tag = _textarea(page, field)
    assert "maxlength" not in tag
    assert f'data-limit="{limit}"' in tag
    assert "peacetracker/admin-counter.js" in page


def test_an_inline_excerpt_has_a_counter_too(editor_client):
    draft = f.make_draft()
    page = editor_client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    tag = _textarea(page.content.decode(), "citations-__prefix__-excerpt")
    assert "maxlength" not in tag and 'data-limit="600"' in tag


def test_a_too_long_quotation_is_kept_and_the_server_says_why(editor_client):
    process = f.make_process()
    party = f.make_party()
    topic = f.make_topic()
    url = reverse("admin:positions_position_add")
    data = form_data(editor_client.get(url))
    quotation = "word " * 69 + "words"  # 350 characters
    data.update(
        process=process.pk,
        party=party.pk,
        topic=topic.pk,
        stance="accepts",
        paraphrase="Accepts it.",
        quotation=quotation,
        stated_date="20 Nov 2025",
    )
    page = editor_client.post(url, data).content.decode()
    assert not Position.objects.exists()
    assert "at most 300 characters (it has 350)" in page
    assert quotation in page
