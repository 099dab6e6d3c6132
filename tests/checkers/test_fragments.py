"""What an htmx filter swap receives: its own tab title, no live region around the rows."""

from __future__ import annotations

import datetime
import re

from apps.core.templatetags.peacetracker import datetime_attr

HX = {"HTTP_HX_REQUEST": "true"}


def test_compare_fragment_carries_the_filtered_title(client, plan):
    url = "/compare/plan...counter...revision/?topic=territory"
    page = client.get(url).content.decode()
    fragment = client.get(url, **HX).content.decode()
    full_title = re.search(r"<title>(.*?)</title>", page).group(1)
    assert "Territory" in full_title
    assert fragment.rstrip().endswith(f"<title>{full_title}</title>")
    assert page.count("<title>") == 1, "the full page has one title, in its head"
    assert 'id="compare-table"' in fragment and "aria-live" not in fragment
    assert re.search(r'<p class="summary" data-announce>\s*Showing \d+ of 3 rows', fragment)


def test_history_restore_gets_the_whole_page(client, plan):
    html = client.get(
        "/compare/plan...counter...revision/",
        HTTP_HX_REQUEST="true",
        HTTP_HX_HISTORY_RESTORE_REQUEST="true",
    ).content.decode()
    assert html.startswith("<!doctype html>") and html.count("<title>") == 1


def test_draft_and_search_fragments_carry_their_titles(client, plan):
    draft = client.get("/drafts/plan/?topic=territory", **HX).content.decode()
    assert draft.rstrip().endswith("<title>Plan · Territory · PeaceTracker</title>")
    assert "aria-live" not in draft
    search = client.get("/search/?q=army", **HX).content.decode()
    assert search.rstrip().endswith("<title>Search: army · PeaceTracker</title>")
    assert "aria-live" not in search


def test_filter_forms_wait_for_the_reader_to_settle_on_a_choice(client, plan):
    """Arrow keys on a closed select fire one change per key: the request waits."""
    for url in ("/compare/plan...counter...revision/", "/drafts/plan/", "/search/"):
        html = client.get(url).content.decode()
        form = re.search(r'<form class="filters[^>]*>', html).group(0)
        assert re.search(r'data-hx-trigger="[^"]*change delay:\d{3}ms', form), form
        assert " hx-" not in html, "htmx attributes are data-hx-* (valid HTML)"


def test_datetime_attr_is_valid_html_to_the_second_in_utc():
    moment = datetime.datetime(2025, 11, 20, 9, 5, 12, 457293, tzinfo=datetime.UTC)
    assert datetime_attr(moment) == "2025-11-20T09:05:12Z"
    kyiv = datetime.timezone(datetime.timedelta(hours=2))
    assert datetime_attr(moment.astimezone(kyiv)) == "2025-11-20T09:05:12Z"
    assert datetime_attr(datetime.datetime(2025, 11, 20, 9, 5, 12, 1)) == "2025-11-20T09:05:12"
    assert datetime_attr(None) == ""


def test_recent_changes_times_have_no_microseconds(client, plan):
    html = client.get("/changes/").content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)
    assert stamps
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", s) for s in stamps), stamps
