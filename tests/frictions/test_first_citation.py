"""Issue 14: a provision's first citation is added from the draft page, on its row."""

from __future__ import annotations

from django.urls import reverse

from tests import factories as f
from tests.admin.forms import form_data


def test_a_provisions_first_citation_is_added_from_the_draft_page(editor_client):
    draft = f.make_draft()
    provision = f.make_provision(draft, label="1")
    source = f.make_source(key="s31", outlet="Axios")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    page = editor_client.get(url)
    assert "s31 · Axios" in page.content.decode()
    data = form_data(page)
    data["provisions-0-cite_source"] = str(source.pk)
    data["provisions-0-cite_locator"] = "point 1"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    citation = provision.citations.get()
    assert (citation.source, citation.locator, citation.stance) == (source, "point 1", "supports")


def test_a_new_provision_row_can_cite_its_source_at_once(editor_client):
    draft = f.make_draft()
    source = f.make_source(key="s32")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "provisions-TOTAL_FORMS": "1",
            "provisions-0-position": "1",
            "provisions-0-label": "1",
            "provisions-0-heading": "New",
            "provisions-0-state": "known",
            "provisions-0-body": "<p>Text.</p>",
            "provisions-0-cite_source": str(source.pk),
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert draft.provisions.get().citations.get().source == source


def test_viewers_see_the_draft_page_without_the_citation_inputs(viewer_client):
    draft = f.make_draft()
    f.make_provision(draft)
    page = viewer_client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    assert page.status_code == 200
    assert "cite_source" not in page.content.decode()


def test_the_source_choices_are_read_once_for_all_rows(editor_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n in (1, 3):
        draft = f.make_draft()
        for _ in range(n):
            f.make_provision(draft)
        url = reverse("admin:drafts_draft_change", args=[draft.pk])
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(url)
        counts.append(len(queries))
    assert counts[0] == counts[1]
