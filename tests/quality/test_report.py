"""The data-quality report: each list finds its kind of bad item, on the admin page and in
the command alike, each item linked to its object; editors' notes explain what stays."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from apps.history.models import Change
from apps.positions.models import Position
from apps.quality.models import Check, QualityNote
from apps.quality.report import build_report, unexplained_count
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def bad(db):
    """One bad item of each kind, in an otherwise clean process."""
    process = f.make_process()
    party = f.make_party()
    good = f.make_draft(process, label="Good draft")
    f.cite(good, stance="supports", excerpt="Presented on that day.")
    unsourced = f.make_draft(process, label="Unsourced draft")
    f.cite(unsourced, stance="disputes", excerpt="Says it was later.")
    uncited = f.make_provision(good, label="1", heading="Uncited point")
    c_only = f.make_provision(good, label="2", heading="Weak point")
    f.cite(c_only, f.make_source(reliability="C"))
    claim = f.cite(f.make_provision(good, label="3"), stance="differs", excerpt="")
    relabelled = f.make_provision(good, label="4", heading="Rewritten point")
    f.cite(relabelled)
    matter = f.make_matter(process, code="A99", title="Stale row")
    entry = f.align(matter, relabelled, "new")
    # The relation was recorded a minute before the text was rewritten.
    Change.objects.filter(
        content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk
    ).update(at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    relabelled.body = "<p>Rewritten.</p>"
    relabelled.save()
    no_url = f.make_source(key="no-url", url="")
    f.cite(good, no_url, excerpt="Also reports it.")
    staging = f.make_source(key="staging", url="https://staging.example.com/story")
    f.cite(good, staging, excerpt="Also reports it.")
    quote = Position.objects.create(
        process=process,
        party=party,
        matter=matter,
        stance="accepts",
        paraphrase="Agreed.",
        quotation="We agree.",
        stated_on=datetime.date(2025, 11, 1),
    )
    f.cite(quote, excerpt="Reports the agreement.")
    return {
        Check.UNCITED: uncited,
        Check.C_ONLY: c_only,
        Check.EMPTY_EXCERPT: claim,
        Check.STALE_RELATION: entry,
        Check.SOURCE_URL: [no_url, staging],
        Check.DRAFT_UNSOURCED: unsourced,
        Check.SPEAKERLESS_QUOTE: quote,
    }


def listed(sections) -> dict[str, list]:
    return {s.check: [item.obj for item in s.items] for s in sections}


def test_each_list_finds_its_bad_item_and_nothing_else(bad):
    found = listed(build_report())
    for check, expected in bad.items():
        assert found[check] == (expected if isinstance(expected, list) else [expected]), check
    assert unexplained_count(build_report()) == 8


def test_the_admin_page_links_every_item_to_its_object(client, bad):
    client.force_login(f.make_user("edna", group="Editors"))
    response = client.get("/admin/quality/qualitynote/report/")
    assert response.status_code == 200
    html = response.content.decode()
    for section in build_report():
        assert f'id="check-{section.check.value}"' in html
        for item in section.items:
            assert f'href="{item.url}"' in html
            assert client.get(item.url).status_code == 200
    assert "8 items</strong> still to fix or explain" in html


def test_viewers_read_the_report_and_anonymous_visitors_do_not(client, bad):
    assert client.get("/admin/quality/qualitynote/report/").status_code == 302
    client.force_login(f.make_user("victor", group="Viewers"))
    html = client.get("/admin/quality/qualitynote/report/").content.decode()
    assert "Data-quality report" in html and "explain why it stays" not in html


def test_the_command_prints_the_same_lists_and_strict_fails(bad):
    out = StringIO()
    call_command("quality_report", stdout=out)
    text = out.getvalue()
    for section in build_report():
        assert f"{section.title}: {len(section.items)} (0 explained)" in text
        for item in section.items:
            assert item.url in text
    with pytest.raises(CommandError, match="8 items without an editor's note"):
        call_command("quality_report", "--strict", stdout=StringIO())


def test_an_editors_note_explains_an_item(bad):
    source = bad[Check.SOURCE_URL][0]
    QualityNote.objects.create(
        kind=Check.SOURCE_URL,
        content_type=ContentType.objects.get_for_model(source),
        object_id=source.pk,
        note="A printed leaflet; it has no URL.",
    )
    section = next(s for s in build_report() if s.check == Check.SOURCE_URL)
    assert [i.note for i in section.items] == ["A printed leaflet; it has no URL.", ""]
    assert unexplained_count(build_report()) == 7


@pytest.mark.usefixtures("demo_read_only")
def test_the_demo_shows_no_unexplained_item():
    sections = build_report()
    assert unexplained_count(sections) == 0
    found = {s.check: len(s.items) for s in sections}
    # What stays is explained, not hidden: the grade-C provisions and the URL-less seeds.
    # Russia–Ukraine: 27 and 10; Gaza: 6 grade-C provisions and one CDN address (g120b).
    assert found[Check.C_ONLY] == 27 + 6 and found[Check.SOURCE_URL] == 10 + 1
    for check in (Check.UNCITED, Check.EMPTY_EXCERPT, Check.STALE_RELATION):
        assert found[check] == 0
    assert found[Check.DRAFT_UNSOURCED] == found[Check.SPEAKERLESS_QUOTE] == 0
    call_command("quality_report", "--strict", stdout=StringIO())
