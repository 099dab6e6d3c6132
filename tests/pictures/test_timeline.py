"""The timeline: published drafts, lineage arrows, key events, labels that never collide."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.demo.data import sources as ukraine_sources
from apps.demo.data.gaza import sources as gaza_sources
from apps.pictures import timeline
from apps.pictures.events import EVENTS_BY_PROCESS, gaza
from apps.pictures.events import russia_ukraine as events
from tests import factories as f

from .helpers import q, svg, text_of

URL = "/processes/test-process/timeline/"


def groups(root, css_class: str) -> list:
    return [g for g in root.iter(q("g")) if css_class in (g.get("class") or "").split()]


def test_every_published_draft_is_on_the_axis_and_in_the_list(client, plan):
    html = client.get(URL).content.decode()
    root = svg(html, "timeline-svg")
    assert root.find(q("title")) is not None and root.find(q("desc")) is not None
    drafts = groups(root, "tl-draft")
    assert [g.get("data-draft") for g in drafts] == ["plan", "counter", "revision"]
    for g in drafts:
        link = g.find(q("a"))
        assert link.get("href") == f"/drafts/{g.get('data-draft')}/"
        assert link.get("aria-label").startswith("Draft: ")
        assert text_of(link.find(q("title")))
    ticks = [text_of(t) for t in root.iter(q("text")) if t.get("class") == "tl-tick"]
    assert ticks == ["Nov 2025", "Dec"]
    # The text alternative lists the same drafts, in date order.
    listed = html.split('<ol class="timeline-list"')[1].split("</ol>")[0]
    assert listed.count('class="tl-item draft"') == 3
    assert listed.index(">Plan<") < listed.index(">Counter<") < listed.index(">Revision<")


def test_lineage_arrows_join_the_linked_drafts(client, plan):
    root = svg(client.get(URL).content.decode(), "timeline-svg")
    arrows = {(g.get("data-parent"), g.get("data-child")): g for g in groups(root, "tl-arrow")}
    assert set(arrows) == {("plan", "counter"), ("plan", "revision")}
    answers = arrows[("plan", "counter")]
    assert answers.get("aria-label") == "Lineage: Counter answers Plan"
    path = answers.find(q("path"))
    assert path.get("marker-end") == "url(#tl-head-answers)"
    assert path.get("stroke-dasharray")  # dashed: answers
    revises = arrows[("plan", "revision")].find(q("path"))
    assert revises.get("stroke-dasharray") is None  # solid: revises


def test_unpublished_drafts_and_their_links_are_left_out(client, plan):
    d1 = plan["drafts"][0]
    hidden = f.make_draft(plan["process"], label="Secret", slug="secret", published=False)
    f.link(hidden, d1)
    html = client.get(URL).content.decode()
    root = svg(html, "timeline-svg")
    assert "secret" not in [g.get("data-draft") for g in groups(root, "tl-draft")]
    assert len(groups(root, "tl-arrow")) == 2
    assert "Secret" not in html


def test_other_processes_show_no_events(client, plan):
    html = client.get(URL).content.decode()
    assert not groups(svg(html, "timeline-svg"), "tl-event")
    assert "tl-item event" not in html


def test_unknown_process_is_a_404(client, db):
    assert client.get("/processes/no-such-process/timeline/").status_code == 404


def test_page_links_to_the_heat_map(client, plan):
    assert 'href="/processes/test-process/heatmap/"' in client.get(URL).content.decode()


def _demo_like_process():
    process = f.make_process(slug=events.PROCESS_SLUG, name="Demo-like")
    plan = f.make_draft(process, label="Plan", slug="p28", presented_on=datetime.date(2025, 11, 20))
    for day, slug in ((23, "e3"), (23, "eu"), (24, "gen")):
        draft = f.make_draft(
            process, label=slug.upper(), slug=slug, presented_on=datetime.date(2025, 11, day)
        )
        f.link(draft, plan, "answers")
    return process


def test_demo_process_shows_every_key_event(client, db):
    _demo_like_process()
    html = client.get(f"/processes/{events.PROCESS_SLUG}/timeline/").content.decode()
    root = svg(html, "timeline-svg")
    marks = groups(root, "tl-event")
    assert len(marks) == len(events.EVENTS)
    assert all(g.get("role") == "img" and g.get("aria-label") for g in marks)
    assert all(g.find(q("title")) is not None for g in marks)
    listed = html.split('<ol class="timeline-list"')[1].split("</ol>")[0]
    assert listed.count('class="tl-item event') == len(events.EVENTS)
    assert listed.count('class="tl-item draft') == 4
    # In date order: the Oval Office clash first, the 20-point framework last.
    assert listed.index("Oval Office") < listed.index("Geneva") < listed.index("20-point")


def test_event_labels_never_overlap_and_leaders_cross_no_label(db):
    _demo_like_process()
    tl = timeline.build(events.PROCESS_SLUG)

    def box(e):
        return (e.x, e.x + e.width)

    for a in tl.events:
        for b in tl.events:
            if a is b:
                continue
            if a.lane == b.lane:
                assert box(a)[1] <= box(b)[0] or box(b)[1] <= box(a)[0], (a.label, b.label)
            # b's leader runs from the axis up to b's lane: it may not cross a's label.
            if a.lane < b.lane:
                assert not (box(a)[0] < b.x < box(a)[1]), (a.label, b.label)
    # Draft cards keep their date order and do not overlap.
    lefts = [c.left for c in tl.cards]
    assert lefts == sorted(lefts)
    assert all(b - a >= timeline.CARD_W for a, b in zip(lefts, lefts[1:], strict=False))
    assert all(c.left >= 0 and c.left + timeline.CARD_W <= tl.width for c in tl.cards)


KNOWN_SOURCES = {row[0] for row in ukraine_sources.SOURCES + gaza_sources.SOURCES}


@pytest.mark.parametrize("slug", sorted(EVENTS_BY_PROCESS))
def test_events_are_well_formed_data(slug):
    process_events = EVENTS_BY_PROCESS[slug]
    for e in process_events:
        start = datetime.date.fromisoformat(e["start"])
        end = datetime.date.fromisoformat(e.get("end", e["start"]))
        assert start.year in {2025, 2026} and start <= end
        assert e["when"] and e["short"] and e["event"] and e["sources"]
        # Every event cites sources of the demo data, so the timeline can name them.
        assert set(e["sources"]) <= KNOWN_SOURCES, e["short"]
    starts = [e["start"] for e in process_events]
    assert starts == sorted(starts)


def test_the_gaza_timeline_shows_its_events_with_years_and_uncertain_dates(client, db):
    process = f.make_process(slug=gaza.PROCESS_SLUG, name="Gaza")
    f.make_draft(process, label="20 points", slug="g20", presented_on=datetime.date(2025, 9, 29))
    html = client.get(f"/processes/{gaza.PROCESS_SLUG}/timeline/").content.decode()
    assert len(groups(svg(html, "timeline-svg"), "tl-event")) == len(gaza.EVENTS) == 30
    listed = html.split('<ol class="timeline-list"')[1].split("</ol>")[0]
    assert '<time datetime="2025-09-09">9 Sep 2025</time>' in listed
    assert '<time datetime="2026-01-22">22 Jan 2026</time>' in listed
    assert "22 or 23 Sep 2025 (sources differ)" in listed
    assert listed.index("strike targets Hamas leaders") < listed.index("releases the 20-point plan")
    # The Russia–Ukraine events stay on their own process's timeline.
    assert "Oval Office" not in html


def _process(n: int) -> str:
    process = f.make_process(slug=f"size-{n}")
    previous = None
    for i in range(n):
        draft = f.make_draft(process, presented_on=datetime.date(2025, 1 + i, 1))
        if previous:
            f.link(draft, previous)
        previous = draft
    return f"/processes/size-{n}/timeline/"


def test_query_count_does_not_grow_with_drafts(client, db):
    counts = []
    for n in (1, 10):
        url = _process(n)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        root = svg(response.content.decode(), "timeline-svg")
        assert len(groups(root, "tl-draft")) == n
        assert len(groups(root, "tl-arrow")) == n - 1
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 3
