"""Issue 14: a new source's key is assigned when the editor leaves it blank."""

from __future__ import annotations

from django.urls import reverse

from apps.sources.models import Source
from tests import factories as f
from tests.admin.forms import form_data

ADD = "admin:sources_source_add"


def test_source_key_left_blank_gets_the_next_free_key(editor_client):
    f.make_source(key="s07")
    data = form_data(editor_client.get(reverse(ADD)))
    data.update(key="", outlet="Reuters", headline="Plan leaked", reliability="A", kind="news")
    response = editor_client.post(reverse(ADD), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Source.objects.filter(key="s08", outlet="Reuters").exists()


def test_source_key_help_text_names_the_real_series(editor_client):
    page = editor_client.get(reverse(ADD)).content.decode()
    assert "e.g. S01" not in page
    assert "Leave blank for the next free key (s01, s02…)" in page
