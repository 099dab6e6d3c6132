"""Issue 14: one free-form date input everywhere (drafts, positions, sources), read by the
same parser to its precision; "Read as …?" is asked only for an ambiguous day/month, as a
note, not under "Please correct the error below"."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from apps.drafts.models import Draft
from apps.positions.models import Position
from apps.sources.models import Source
from tests import factories as f
from tests.admin.forms import form_data

PLEASE_CORRECT = "Please correct the error below"


@pytest.mark.parametrize(
    ("typed", "stored", "precision"),
    [
        ("27 Nov 2025", datetime.date(2025, 11, 27), "day"),
        ("November 2025", datetime.date(2025, 11, 1), "month"),
        ("2025", datetime.date(2025, 1, 1), "year"),
        ("26.11.2025", datetime.date(2025, 11, 26), "day"),
    ],
)
def test_draft_dates_are_typed_as_printed_and_saved_at_once(
    editor_client, typed, stored, precision
):
    draft = f.make_draft()
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(presented_date=typed, reported_date=typed)
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    draft.refresh_from_db()
    assert (draft.presented_on, draft.presented_precision) == (stored, precision)
    assert (draft.reported_on, draft.reported_precision) == (stored, precision)


def test_draft_change_page_shows_the_stored_date_as_text(editor_client):
    draft = f.make_draft(presented_on=datetime.date(2025, 11, 1), presented_precision="month")
    page = editor_client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    assert form_data(page)["presented_date"] == "Nov 2025"
    assert "presented_precision" not in form_data(page)


def test_an_ambiguous_draft_date_is_asked_as_a_note_and_confirmed_by_saving_again(
    editor_client,
):
    draft = f.make_draft(title="Old title")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(title="New title", presented_date="1/2/2025")
    first = editor_client.post(url, data)
    html = first.content.decode()
    assert first.status_code == 200
    assert "Read as 1 Feb 2025 (exact day)?" in html
    assert "could be 1 Feb or 2 Jan" in html
    assert PLEASE_CORRECT not in html
    assert Draft.objects.get(pk=draft.pk).title == "Old title"
    second = editor_client.post(url, form_data(first))
    assert second.status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.presented_on) == ("New title", datetime.date(2025, 2, 1))


def test_a_bad_draft_date_is_an_error(editor_client):
    draft = f.make_draft()
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(presented_date="soon")
    html = editor_client.post(url, data).content.decode()
    assert "cannot read “soon” as a date" in html
    assert PLEASE_CORRECT in html


def test_position_date_is_typed_as_printed(editor_client):
    url = reverse("admin:positions_position_add")
    data = form_data(editor_client.get(url))
    data.update(
        process=f.make_process().pk,
        party=f.make_party().pk,
        topic=f.make_topic().pk,
        stance="accepts",
        paraphrase="Accepts it.",
        stated_date="27 Nov 2025",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    position = Position.objects.get()
    assert (position.stated_on, position.stated_precision) == (datetime.date(2025, 11, 27), "day")


def test_a_new_unambiguous_source_date_is_saved_without_asking(editor_client):
    url = reverse("admin:sources_source_add")
    data = form_data(editor_client.get(url))
    data.update(
        key="s90",
        outlet="Reuters",
        headline="Plan leaked",
        reliability="A",
        kind="news",
        publication_date="27 Nov 2025",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    assert Source.objects.get(key="s90").published_on == datetime.date(2025, 11, 27)


def test_viewers_see_draft_and_position_dates_read_only(viewer_client):
    draft = f.make_draft(presented_on=datetime.date(2025, 11, 1), presented_precision="month")
    page = viewer_client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Nov 2025" in html and 'name="presented_date"' not in html
