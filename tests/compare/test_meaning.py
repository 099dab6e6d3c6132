"""The comparison never claims more than is known: not reported / absent / removed cells on
every surface, diff bases, relations checked against the text, changed rows, the summary."""

from __future__ import annotations

import csv
import datetime
import html as html_lib
import io
import json
import re

import pytest
from django.core.cache import cache
from django.test import Client

from apps.alignment.models import MatterEntry
from tests import factories as f
from tests.queries import count_queries

URL = "/compare/plan...counter...revision/"


def rows(html: str) -> list[str]:
    return re.findall(r'class="cmp-row[^"]*" id="([^"]+)"', html)


def row_html(html: str, matter) -> str:
    return html.split(f'id="matter-{matter.pk}"')[1].split('class="cmp-row')[0]


def cells(row: str) -> list[str]:
    """The cells of one row's HTML, in column order."""
    return row.split('role="cell">')[1:]


@pytest.fixture
def states(plan):
    """Each state in one row: Plan absent (full text), Counter removed, Revision not
    reported (reported only)."""
    matter = f.make_matter(plan["process"], code="A50", title="Dropped point", position=9)
    dropped = f.make_provision(
        plan["drafts"][1], label="50", state="deleted", body="<p>Deleted in the counter.</p>"
    )
    f.align(matter, dropped, "removed")
    return {**plan, "matter": matter, "dropped": dropped}


# --- 1. Known, unknown, absent, removed, on every surface ----------------------------------


def test_grid_says_not_reported_absent_and_removed(client, states):
    html = client.get(URL).content.decode()
    plan_cell, counter_cell, revision_cell = cells(row_html(html, states["matter"]))
    assert '<p class="cell-status status-absent">Absent</p>' in plan_cell
    assert "full text of this draft has no provision" in plan_cell
    assert "status-removed" in counter_cell and "Removed" in counter_cell
    assert "recorded as dropped" in counter_cell
    assert '<p class="cell-status status-not-reported">Not reported</p>' in revision_cell
    assert "known only in part" in revision_cell
    assert "Not in this draft" not in html


def test_print_view_says_the_same(client, states):
    html = client.get(URL + "print/").content.decode()
    row = html.split("A50")[1].split("</tr>")[0]
    assert 'class="not-in-draft status-absent">Absent.' in row
    assert 'class="not-in-draft status-not-reported">Not reported.' in row
    assert "Not in this draft" not in html


def test_exports_name_each_cell_state(client, states):
    spec = "plan...counter...revision"
    text = client.get(f"/compare/{spec}/export.csv").content.decode("utf-8-sig")
    table = {r["matter"]: r for r in csv.DictReader(io.StringIO(text))}
    row = table["A50"]
    assert (row["plan:cell"], row["counter:cell"], row["revision:cell"]) == (
        "absent",
        "removed",
        "not-reported",
    )
    assert table["A10"]["counter:cell"] == "present"
    data = json.loads(client.get(f"/compare/{spec}/export.json").content)
    by_code = {r["matter"]["code"]: r for r in data["rows"] if r["matter"]}
    assert by_code["A50"]["cell_states"] == {
        "plan": "absent",
        "counter": "removed",
        "revision": "not-reported",
    }


def test_api_matter_says_which_drafts_are_silent_and_why(client, states):
    matter = states["matter"]
    data = json.loads(client.get(f"/api/v1/matters/{matter.pk}/").content)
    assert data["missing_from"] == [
        {"draft": "plan", "status": "absent"},
        {"draft": "revision", "status": "not-reported"},
    ]
    listed = json.loads(client.get("/api/v1/matters/").content)
    assert {m["code"]: m["missing_from"] for m in listed["results"]}["A50"] == [
        {"draft": "plan", "status": "absent"},
        {"draft": "revision", "status": "not-reported"},
    ]


def test_matter_page_lists_silent_drafts_and_removed_points(client, states):
    html = client.get(f"/matters/{states['matter'].pk}/").content.decode()
    gaps = html.split('class="matter-gaps"')[1].split("</section>")[0]
    assert "Plan</a>: <strong>absent</strong>" in gaps
    assert "Revision</a>: <strong>not reported</strong>" in gaps
    assert "Counter" not in gaps
    timeline = html.split('class="matter-timeline"')[1]
    assert '<span class="badge relation-removed">Removed</span>' in timeline


def test_frozen_link_says_the_same(client, states):
    link = client.post(URL + "freeze/")["Location"]
    html = client.get(link).content.decode()
    frozen_cells = cells(row_html(html, states["matter"]))
    assert '<p class="cell-status status-absent">Absent</p>' in frozen_cells[0]
    assert "status-removed" in frozen_cells[1]
    assert '<p class="cell-status status-not-reported">Not reported</p>' in frozen_cells[2]
    assert "The live comparison still reads the same." in html


def test_heat_map_tells_not_reported_from_absent(client, states):
    html = client.get("/processes/test-process/heatmap/").content.decode()
    assert 'data-state="not-reported" data-draft="revision" data-topic="military-limits"' in html
    assert "Military limits in Revision: not reported." in html
    # A full-text draft with nothing on a topic is absent.
    later = f.make_draft(
        states["process"], label="Later", slug="later", presented_on=datetime.date(2025, 12, 1)
    )
    f.link(later, states["drafts"][2], "revises")
    cache.clear()
    html = client.get("/processes/test-process/heatmap/").content.decode()
    assert 'data-state="absent" data-draft="later" data-topic="military-limits"' in html


def test_heat_map_marks_hardened_and_softened_with_shape_and_word(client, plan):
    # The Counter's army point is labelled softened against the Plan.
    html = client.get("/processes/test-process/heatmap/").content.decode()
    link = html.split('data-draft="counter" data-topic="military-limits"')[1].split("</a>")[0]
    assert '<text class="hm-shift"' in link and "▼ softened" in link
    label = html.split('data-draft="counter" data-topic="military-limits"')[0]
    assert label.rsplit("aria-label=", 1)[1].count("Softened: 1 provision.") == 1
    plain = html.split('data-draft="plan" data-topic="military-limits"')[1].split("</a>")[0]
    assert "hm-shift" not in plain


# --- 2. Diff base ------------------------------------------------------------------------


def _marked_against(html: str, matter) -> list[str]:
    return re.findall(r'<p class="diff-base">([^<]+)</p>', row_html(html, matter))


def test_default_base_is_the_draft_each_column_revises_or_answers(client, plan):
    m_sov, m_army, m_terr = plan["matters"]
    default = client.get(URL).content.decode()
    # The Revision revises the Plan (not the Counter next to it); the Counter answers it.
    assert _marked_against(default, m_terr) == [
        "Marked against Plan (the draft it answers)",
        "Marked against Plan (the draft it revises)",
    ]
    explicit = client.get(URL + "?base=lineage").content.decode()
    assert _marked_against(explicit, m_terr) == _marked_against(default, m_terr)
    for page in (default, explicit):  # the default stays out of the link
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)[1]
        assert canonical == "http://testserver" + URL


def test_lineage_base_steps_over_drafts_not_in_view(client, plan):
    later = f.make_draft(
        plan["process"], label="Later", slug="later", presented_on=datetime.date(2025, 12, 1)
    )
    f.link(later, plan["drafts"][2], "revises")  # Later revises the Revision, not in view
    terr = f.make_provision(later, label="21", body="<p>Crimea recognised de facto.</p>")
    f.align(plan["matters"][2], terr, "reworded")
    html = client.get("/compare/plan...counter...later/").content.decode()
    assert _marked_against(html, plan["matters"][2])[-1] == (
        "Marked against Plan (the nearest draft in view it descends from)"
    )


def test_a_draft_with_no_lineage_in_view_is_not_marked(client, plan):
    loner = f.make_draft(
        plan["process"], label="Loner", slug="loner", presented_on=datetime.date(2025, 12, 2)
    )
    f.align(plan["matters"][1], f.make_provision(loner, label="6", body="<p>Other.</p>"), "new")
    html = client.get("/compare/plan...loner/").content.decode()
    row = row_html(html, plan["matters"][1])
    assert "Marked against" not in row and "<del>" not in row
    summary = html.split('class="change-summary"')[1].split("</section>")[0]
    assert "no earlier draft in view to compare with" in summary
    previous = client.get("/compare/plan...loner/?base=previous").content.decode()
    assert "Marked against Plan (the previous column)" in previous


def test_previous_first_and_chosen_bases(client, plan):
    m_terr = plan["matters"][2]
    previous = client.get(URL + "?base=previous").content.decode()
    assert _marked_against(previous, m_terr) == [
        "Marked against Plan (the previous column)",
        "Marked against Counter (the previous column)",
    ]
    first = client.get(URL + "?base=first").content.decode()
    assert _marked_against(first, m_terr) == [
        "Marked against Plan (the first column)",
        "Marked against Plan (the first column)",
    ]
    chosen = client.get(URL + "?base=counter").content.decode()
    assert _marked_against(chosen, m_terr) == [
        "Marked against Counter (the chosen base)",
        "Marked against Counter (the chosen base)",
    ]
    assert "differences against Counter" in chosen
    assert 'href="http://testserver/compare/plan...counter...revision/?base=counter"' in chosen


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("base=atlantis", "The “base” filter: There is no draft “atlantis”."),
        ("base=a.b", "The “base” filter: “a.b” is not a draft id."),
        ("base=a%00b", "The “base” filter: Null characters are not allowed."),
        ("base=later", "The draft “later” is not in this comparison."),
        ("change=worse", "The “change” filter: Select a valid choice."),
        ("change=new&in=atlantis", "The “in” filter: There is no draft “atlantis”."),
        ("in=plan", "Say which change to look for"),
        ("view=sideways", "The “view” filter: Select a valid choice."),
        ("page=-1", "The “page” filter"),
    ],
)
def test_bad_filters_get_a_clear_400(client, plan, query, message):
    f.make_draft(plan["process"], label="Later", slug="later")
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 400
    assert message in html_lib.unescape(response.content.decode())
    for export in ("export.csv", "print/"):
        assert client.get(f"{URL}{export}?{query}").status_code == 400


# --- 3. Relations that match the text -----------------------------------------------------


def test_same_on_differing_words_says_so_and_no_changed_badge_on_every_row(client, plan):
    m_sov = plan["matters"][0]
    html = client.get(URL).content.decode()
    assert '<span class="badge relation-same"' in row_html(html, m_sov)
    assert ">Same<" in row_html(html, m_sov)
    assert "≠ Changed" not in html and ">Changed<" not in html and "Same in all" not in html
    counter_sov = MatterEntry.objects.get(matter=m_sov, relation="same").provision
    counter_sov.body = "<p>Sovereignty of Ukraine confirmed.</p>"
    counter_sov.save()
    html = client.get(URL).content.decode()
    assert ">Same substance, wording differs<" in row_html(html, m_sov)


def test_stale_relations_are_flagged_to_editors_on_the_page_and_in_the_admin(client, plan):
    m_sov = plan["matters"][0]
    entry = MatterEntry.objects.get(matter=m_sov, relation="same")
    editor = Client()
    editor.force_login(f.make_user("edna", group="Editors"))
    assert "Relation possibly stale" not in editor.get(URL).content.decode()
    admin_list = editor.get("/admin/alignment/matter/?stale=1").content.decode()
    assert "A01" not in admin_list

    # The Plan's text (the draft the Counter answers) changes after the relation was set.
    plan_sov = MatterEntry.objects.get(matter=m_sov, relation="new").provision
    plan_sov.body = "<p>Sovereignty confirmed, with conditions.</p>"
    plan_sov.save()
    page = editor.get(URL).content.decode()
    assert row_html(page, m_sov).count("Relation possibly stale") == 1
    assert "Relation possibly stale" not in client.get(URL).content.decode()  # public
    admin_list = editor.get("/admin/alignment/matter/?stale=1").content.decode()
    assert "A01" in admin_list and "A10" not in admin_list

    # Moving a provision or publishing it is not a change of text.
    plan_sov.position = 7
    plan_sov.save()
    entry.refresh_from_db()
    response = editor.post(
        "/admin/alignment/matter/",
        {"action": "confirm_relations", "_selected_action": [m_sov.pk]},
        follow=True,
    )
    assert "1 relation confirmed." in response.content.decode()
    assert "Relation possibly stale" not in editor.get(URL).content.decode()
    assert "A01" not in editor.get("/admin/alignment/matter/?stale=1").content.decode()


# --- 4. Changed rows only, and 5. the summary -----------------------------------------------


def test_changed_rows_follow_relations_labels_and_states(client, plan):
    m_sov, m_army, m_terr = plan["matters"]
    html = client.get("/compare/plan...counter/?changed=1").content.decode()
    # Sovereignty: the Counter reads the same; army: softened; territory: reworded.
    assert rows(html) == [f"matter-{m_army.pk}", f"matter-{m_terr.pk}"]
    assert "Showing 2 of 3 rows: changed rows only." in html
    assert "2 of 3 rows</a> show a change" in html
    # With the reported-only Revision, its unknown sovereignty text counts as a change.
    three = client.get(URL + "?changed=1").content.decode()
    assert len(rows(three)) == 3


def test_a_point_dropped_beside_one_kept_marks_the_row_removed(client, plan):
    m_sov = plan["matters"][0]
    counter = plan["drafts"][1]
    dropped = f.make_provision(
        counter, label="2", heading="Guarantees", body="<p>Guarantees as before.</p>"
    )
    f.align(m_sov, dropped, "removed")
    html = client.get("/compare/plan...counter/?changed=1").content.decode()
    # The Counter keeps its sovereignty point word for word, but drops another on the matter.
    assert f"matter-{m_sov.pk}" in rows(html)
    nav = html.split('<nav class="change-list"')[1].split("</nav>")[0]
    assert "A01 Sovereignty" in nav and "Counter: removed" in nav
    removed = client.get("/compare/plan...counter/?change=removed").content.decode()
    assert rows(removed) == [f"matter-{m_sov.pk}"]


def _summary_links(html: str) -> list[tuple[str, int]]:
    summary = html.split('class="change-summary"')[1].split("</section>")[0]
    links = re.findall(r'<a href="\?([^"]+)"[^>]*><strong>(\d+)</strong>', summary)
    links += [(q, int(n)) for q, n in re.findall(r'<a href="\?([^"]+)">(\d+) row', summary)]
    return [(html_lib.unescape(q), int(n)) for q, n in links]


def test_summary_figures_equal_the_rows_their_links_show(client, plan, stances):
    html = client.get(URL).content.decode()
    figures = _summary_links(html)
    kinds = {re.search(r"change=([a-z-]+)", q)[1] for q, _ in figures if "change=" in q}
    assert {"softened", "reworded", "bracketed", "not-reported"} <= kinds
    assert any("conflict=1" in q for q, _ in figures)
    for query, count in figures:
        shown = rows(client.get(f"{URL}?{query}").content.decode())
        assert len(shown) == count, query
    against = re.findall(r'<p class="summary-against">(.*?)</p>', html)
    assert against == [
        "no earlier draft in view to compare with",
        'against Plan <span class="why">(the draft it answers)</span>',
        'against Plan <span class="why">(the draft it revises)</span>',
    ]
    counter = html.split('<h3 class="summary-draft">Counter</h3>')[1].split("</li>\n    <li")[0]
    assert re.search(r"<strong>1</strong> softened", counter)


@pytest.fixture
def stances(plan):
    from apps.positions.models import Position

    e3 = plan["e3"]
    m_terr = plan["matters"][2]
    Position.objects.create(
        process=plan["process"],
        party=e3,
        matter=m_terr,
        stance="rejects",
        stated_on=datetime.date(2025, 11, 21),
        paraphrase="No recognition.",
    )


def test_change_list_names_each_changed_row_with_keys_offered_by_script(client, plan):
    html = client.get("/compare/plan...counter/").content.decode()
    nav = html.split('<nav class="change-list"')[1].split("</nav>")[0]
    m_sov, m_army, m_terr = plan["matters"]
    assert re.findall(r'<a href="#([^"]+)">', nav) == [f"matter-{m_army.pk}", f"matter-{m_terr.pk}"]
    assert "A10 Army size" in nav and "Counter: softened, reworded" in nav
    # Buttons need the script: hidden until it runs.
    assert '<p class="change-nav" hidden>' in nav
    assert "Next change (n)" in nav
    assert 'src="/static/compare/compare.js"' in html or "compare/compare." in html


def _notes(html: str) -> dict[str, list[str]]:
    """The change list: each row's name and its notes."""
    nav = html.split('<nav class="change-list"')[1].split("</nav>")[0]
    return {
        re.search(r'<a href="#[^"]+">([^<]+)</a>', item)[1]: re.findall(
            r'<span class="change-note">([^<]+)</span>', item
        )
        for item in re.findall(r"<li>(.*?)</li>", nav)
    }


def test_change_notes_name_every_kind_in_the_summarys_order(client, plan):
    notes = _notes(client.get(URL).content.decode())
    assert list(notes.values()) == [
        ["Revision: not reported"],
        ["Counter: softened, reworded", "Revision: not reported"],
        ["Counter: reworded", "Revision: bracketed, reworded, labelled neutral"],
    ]


# --- 6. Long rewrites ------------------------------------------------------------------------


def test_long_rewrites_show_the_new_text_with_the_removed_text_on_demand(client, plan):
    m_terr = plan["matters"][2]
    old = plan["provisions"]["terr1"]
    new = MatterEntry.objects.get(matter=m_terr, provision__draft__slug="counter").provision
    old.body = "<p>Crimea recognised as Russian, with Luhansk and Donetsk, de facto by the US.</p>"
    old.save()
    new.body = (
        "<p>Talks on territory start from the line of contact, once a ceasefire holds and "
        "both sides withdraw heavy weapons.</p>"
    )
    new.save()
    html = client.get("/compare/plan...counter/").content.decode()
    counter = cells(row_html(html, m_terr))[1]
    assert "Mostly rewritten" in counter
    assert '<details class="removed-text">' in counter
    assert "<summary>Show removed text</summary>" in counter
    removed = counter.split('class="removed-text"')[1].split("</details>")[0]
    assert '<span class="sr-only">[removed text: </span>Crimea recognised as Russian,' in removed
    body = counter.split('class="body"')[1].split("</div>")[0]
    assert "<del>" not in body and "Talks on territory start from the line" in body
    # A small edit stays marked word by word.
    army = cells(row_html(html, plan["matters"][1]))[1]
    assert "Mostly rewritten" not in army and "<del>" in army


def test_clean_text_toggle_is_kept_in_the_url(client, plan):
    html = client.get("/compare/plan...counter/?view=clean").content.decode()
    grid = html.split('class="cmp-grid')[1]
    assert "<del>" not in grid and "<ins>" not in grid
    assert "Clean text; differences from Plan not marked" in grid
    assert 'id="f-view-clean" name="view" value="clean" checked' in html
    assert 'href="http://testserver/compare/plan...counter/?view=clean"' in html


# --- Query counts ------------------------------------------------------------------------


@pytest.mark.django_db
def test_query_count_stays_constant_as_drafts_rows_and_positions_grow(client):
    from apps.positions.models import Position

    process = f.make_process()
    party = f.make_party(name="Party", slug="party")
    drafts = [
        f.make_draft(process, presented_on=datetime.date(2025, 11, day)) for day in range(1, 7)
    ]
    for child, parent in zip(drafts[1:], drafts, strict=False):
        f.link(child, parent, "revises")

    def grow(n):
        # Every new row has its own topic under its own parent, on the matter and on each
        # provision, so a row that looked its topics or their parents up one by one shows.
        for _ in range(n):
            parent = f.make_topic()
            topic = f.make_topic(parent=parent)
            matter = f.make_matter(process, topic=topic)
            for d in drafts[:-1]:  # the last draft is silent: absent
                p = f.make_provision(d, label=f"g{matter.pk}", body=f"<p>{matter.pk} {d.slug}</p>")
                p.topics.set([topic, f.make_topic(parent=f.make_topic())])
                f.align(matter, p, "reworded", label="hardened", rationale="Tighter.")
            Position.objects.create(
                process=process,
                party=party,
                matter=matter,
                stance="demands",
                stated_on=datetime.date(2025, 1, 1),
                paraphrase="More.",
            )

    grow(2)
    two = f"/compare/{drafts[0].slug}...{drafts[1].slug}/"
    six = "/compare/" + "...".join(d.slug for d in drafts) + "/"
    client.get(two)
    pages = (two, six, six + "?changed=1")
    small = [count_queries(client, url) for url in pages]
    grow(20)
    big = [count_queries(client, url) for url in pages]
    assert small == big
    assert len(set(big)) == 1


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("", ". 3 of 3 rows."),
        (
            "?topic=territory&party=e3&changed=1",
            ": Territory only, rows where E3 authored a draft or stated a position, "
            "changed rows only. 1 of 3 rows.",
        ),
        ("?change=softened&in=counter", ": rows softened in Counter. 1 of 3 rows."),
        ("?change=reworded", ": rows reworded. 2 of 3 rows."),
        ("?base=first", ": differences against Plan. 3 of 3 rows."),
        ("?base=previous", ": differences against the previous column. 3 of 3 rows."),
        ("?base=counter", ": differences against Counter. 3 of 3 rows."),
        (
            "?conflict=1",
            ": rows where a party's position conflicts with the newest draft. 1 of 3 rows.",
        ),
        ("?view=clean", ": clean text. 3 of 3 rows."),
    ],
)
def test_a_shared_link_describes_its_filters_in_words(client, plan, stances, query, said):
    html = client.get(URL + query).content.decode()
    description = re.search(r'<meta property="og:description" content="([^"]+)"', html)[1]
    assert html_lib.unescape(description) == (
        f"Side-by-side comparison of Plan, Counter and Revision (Test process){said}"
    )


def test_two_drafts_are_described_as_a_pair(client, plan):
    html = client.get("/compare/plan...counter/").content.decode()
    description = re.search(r'<meta property="og:description" content="([^"]+)"', html)[1]
    assert description == "Side-by-side comparison of Plan and Counter (Test process). 3 of 3 rows."


def test_editors_relations_count_against_the_parent_and_texts_decide_against_another_base(
    client, plan
):
    m_sov, m_army, m_terr = plan["matters"]
    final = f.make_draft(
        plan["process"], label="Final", slug="final", presented_on=datetime.date(2025, 11, 30)
    )
    f.link(final, plan["drafts"][0], "revises")
    # Against the Plan it revises: the same substance in other words, the Counter's cap
    # judged a rewording, and the Plan's territory point kept word for word.
    f.align(m_sov, f.make_provision(final, body="<p>Sovereignty is confirmed.</p>"), "same")
    f.align(
        m_army,
        f.make_provision(final, body="<p>Army capped at 800,000 in peacetime.</p>"),
        "reworded",
    )
    f.align(m_terr, f.make_provision(final, body="<p>Crimea recognised as Russian.</p>"), "same")
    lineage = _notes(client.get("/compare/plan...counter...final/").content.decode())
    assert "A01 Sovereignty" not in lineage  # the same substance: not a change
    assert "Final: reworded" in lineage["A10 Army size"]
    assert not any(n.startswith("Final") for n in lineage["A16 Territory"])
    # Against the previous column (the Counter), which Final does not revise: the words decide.
    previous = _notes(client.get("/compare/plan...counter...final/?base=previous").content.decode())
    assert previous["A01 Sovereignty"] == ["Final: reworded"]
    assert not any(n.startswith("Final") for n in previous.get("A10 Army size", []))
    assert "Final: reworded" in previous["A16 Territory"]


def test_a_point_deleted_beside_one_kept_marks_the_row_removed(client, plan):
    m_sov = plan["matters"][0]
    deleted = f.make_provision(plan["drafts"][1], state="deleted", body="<p>Guarantees.</p>")
    f.align(m_sov, deleted, "same")
    html = client.get("/compare/plan...counter/").content.decode()
    assert _notes(html)["A01 Sovereignty"] == ["Counter: removed"]
    # Its words are shown as they were, not marked against the Plan.
    item = html.split('<div class="item state-deleted">')[1].split('<div class="item')[0]
    assert "Guarantees." in item and "diff-base" not in item and "<ins" not in item


def test_a_column_is_marked_where_an_earlier_one_had_nothing_to_mark_against(client, plan):
    counter, revision = plan["drafts"][1:]
    late = f.make_matter(plan["process"], code="A40", title="Elections", position=9)
    f.align(late, f.make_provision(counter, body="<p>Elections within 100 days.</p>"), "new")
    f.align(late, f.make_provision(revision, body="<p>Elections within 200 days.</p>"), "new")
    html = client.get(URL + "?base=previous").content.decode()
    counter_cell, revision_cell = cells(row_html(html, late))[1:]
    assert "Plan: absent, so new against it" in counter_cell
    assert "Marked against Counter (the previous column)" in revision_cell
    assert '100<span class="sr-only">]</span></del>' in revision_cell


def test_a_point_aligned_to_another_process_matter_reads_as_not_yet_aligned(client, plan):
    """A draft moved to another process keeps its points' alignments to the old process's
    matters. Its comparison, like the alignment workspace, has rows for its own process's
    matters only: such a point shows in a row of its own, as not yet aligned, never under
    a matter of another process."""
    other = f.make_process(name="Other process", slug="other-process")
    elsewhere = f.make_matter(other, code="X1", title="Another process's matter")
    point = f.make_provision(
        plan["drafts"][0], label="9", heading="Elections", body="<p>Elections in 100 days.</p>"
    )
    MatterEntry.objects.create(matter=elsewhere, provision=point, relation="new")

    html = client.get(URL).content.decode()
    assert f"matter-{elsewhere.pk}" not in rows(html)
    assert f"provision-{point.key}" in rows(html)
    assert "Elections in 100 days." in html.split(f'id="provision-{point.key}"')[1]
