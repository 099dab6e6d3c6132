"""The Source admin's free-form publication date."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse

from apps.sources.models import Source
from tests import factories as f
from tests.admin.forms import form_data

ADD = "admin:sources_source_add"


def new_source_data(client, **changes) -> dict:
    data = form_data(client.get(reverse(ADD)))
    data.update(key="s90", outlet="Reuters", headline="Plan leaked", reliability="A", kind="news")
    data.update(changes)
    return data


def save_confirmed(client, url, data):
    """Post the form; if it comes back asking to confirm how the date was read, save the
    page again as shown (the editor checking the reading and pressing Save)."""
    response = client.post(url, data)
    if response.status_code == 200 and CONFIRM in response.content.decode():
        response = client.post(url, form_data(response))
    return response


CONFIRM = "Save again to confirm, or correct the date."


@pytest.mark.parametrize(
    ("typed", "stored", "precision"),
    [
        ("November 2025", datetime.date(2025, 11, 1), "month"),
        ("26.11.2025", datetime.date(2025, 11, 26), "day"),
        ("Nov 26, 2025", datetime.date(2025, 11, 26), "day"),
        ("2025", datetime.date(2025, 1, 1), "year"),
        ("", None, "day"),
    ],
)
def test_the_date_is_typed_as_printed_and_stored_to_its_precision(
    editor_client, typed, stored, precision
):
    response = save_confirmed(
        editor_client, reverse(ADD), new_source_data(editor_client, publication_date=typed)
    )
    assert response.status_code == 302
    source = Source.objects.get(key="s90")
    assert (source.published_on, source.published_precision) == (stored, precision)


def test_a_validation_round_trip_shows_how_the_date_was_read(editor_client):
    data = new_source_data(editor_client, publication_date="late Nov 2025", url="javascript:x")
    page = editor_client.post(reverse(ADD), data).content.decode()
    assert "Enter a web address starting with http:// or https://." in page
    assert "Read as: Nov 2025 (month only)" in page
    assert 'value="late Nov 2025"' in page  # what the editor typed is kept
    assert not Source.objects.filter(key="s90").exists()


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("soon", "Publication date: cannot read “soon” as a date."),
        ("32.13.2025", "Publication date: “32.13.2025” is not a real date"),
        ("2099-01-01", "Publication date cannot be in the future"),
    ],
)
def test_a_bad_date_is_refused_with_a_message(editor_client, typed, message):
    page = editor_client.post(reverse(ADD), new_source_data(editor_client, publication_date=typed))
    assert page.status_code == 200
    assert message in page.content.decode()
    assert not Source.objects.filter(key="s90").exists()


def test_the_change_page_shows_the_stored_date_and_saves_it_unchanged(editor_client):
    source = f.make_source(published_on=datetime.date(2025, 11, 1), published_precision="month")
    url = reverse("admin:sources_source_change", args=[source.pk])
    page = editor_client.get(url)
    html = page.content.decode()
    assert 'name="publication_date" value="Nov 2025"' in html
    assert "Read as: Nov 2025 (month only)" in html
    data = form_data(page)
    data["headline"] = "Edited headline"
    assert editor_client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert (source.headline, source.published_on, source.published_precision) == (
        "Edited headline",
        datetime.date(2025, 11, 1),
        "month",
    )


def test_viewers_see_the_date_read_only(client, db):
    client.force_login(f.make_user("victor", group="Viewers"))
    source = f.make_source(published_on=datetime.date(2025, 11, 21))
    page = client.get(reverse("admin:sources_source_change", args=[source.pk])).content.decode()
    assert "21 Nov 2025" in page
    assert 'name="publication_date"' not in page
    assert "date_reading" not in page and "Date reading" not in page


def test_a_new_unambiguous_date_is_saved_at_once(editor_client):
    # Issue 14: only an ambiguous day/month is asked back.
    data = new_source_data(editor_client, publication_date="Nov 26, 2025")
    assert editor_client.post(reverse(ADD), data).status_code == 302
    source = Source.objects.get(key="s90")
    assert (source.published_on, source.published_precision) == (datetime.date(2025, 11, 26), "day")


def test_an_ambiguous_day_and_month_are_named_both_ways_as_a_note(editor_client):
    first = editor_client.post(
        reverse(ADD), new_source_data(editor_client, publication_date="1/2/2025")
    )
    html = first.content.decode()
    assert (
        "Read as 1 Feb 2025 (exact day)? 1/2/2025 could be 1 Feb or 2 Jan; read day first "
        "as 1 Feb 2025. Write 2025-02-01 to be sure. " + CONFIRM
    ) in html
    assert "Please correct the error below" not in html
    assert 'name="publication_date" value="1 Feb 2025"' in html  # rewritten unambiguously
    assert not Source.objects.filter(key="s90").exists()
    assert editor_client.post(reverse(ADD), form_data(first)).status_code == 302
    assert Source.objects.get(key="s90").published_on == datetime.date(2025, 2, 1)


def test_an_ambiguous_date_corrected_the_other_way_round_is_asked_again(editor_client):
    first = editor_client.post(
        reverse(ADD), new_source_data(editor_client, publication_date="1/2/2025")
    )
    data = form_data(first)
    data["publication_date"] = "2/1/2025"
    second = editor_client.post(reverse(ADD), data)
    assert "Read as 2 Jan 2025 (exact day)?" in second.content.decode()
    assert editor_client.post(reverse(ADD), form_data(second)).status_code == 302
    assert Source.objects.get(key="s90").published_on == datetime.date(2025, 1, 2)


def test_a_date_read_month_first_is_saved_as_read(editor_client):
    data = new_source_data(editor_client, publication_date="12/31/2025")
    assert editor_client.post(reverse(ADD), data).status_code == 302  # 31 cannot be a month
    assert Source.objects.get(key="s90").published_on == datetime.date(2025, 12, 31)


def test_changing_the_stored_date_asks_for_confirmation(editor_client):
    source = f.make_source(published_on=datetime.date(2025, 11, 1), published_precision="month")
    url = reverse("admin:sources_source_change", args=[source.pk])
    data = form_data(editor_client.get(url))
    data["publication_date"] = "3.12.2025"
    first = editor_client.post(url, data)
    assert "Read as 3 Dec 2025 (exact day)? 3.12.2025 could be 3 Dec or 12 Mar" in (
        first.content.decode()
    )
    source.refresh_from_db()
    assert source.published_on == datetime.date(2025, 11, 1)
    assert editor_client.post(url, form_data(first)).status_code == 302
    source.refresh_from_db()
    assert (source.published_on, source.published_precision) == (datetime.date(2025, 12, 3), "day")


def test_an_unchanged_or_cleared_date_is_saved_at_once(editor_client):
    source = f.make_source(published_on=datetime.date(2025, 11, 21), published_precision="day")
    url = reverse("admin:sources_source_change", args=[source.pk])
    data = form_data(editor_client.get(url))
    assert data["publication_date"] == "21 Nov 2025"
    data["headline"] = "Edited"
    assert editor_client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert (source.headline, source.published_on) == ("Edited", datetime.date(2025, 11, 21))
    data = form_data(editor_client.get(url))
    data["publication_date"] = ""
    assert editor_client.post(url, data).status_code == 302
    source.refresh_from_db()
    assert source.published_on is None
