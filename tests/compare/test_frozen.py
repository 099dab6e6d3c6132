"""Permanent links keep showing what was shared, whatever happens to the drafts later."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse

from apps.compare.models import FrozenComparison
from apps.drafts.models import Provision
from apps.terms.models import KeyTerm
from tests import factories as f

URL = "/compare/plan...counter...revision/"


def freeze(client, **filters) -> str:
    response = client.post(URL + "freeze/", filters)
    assert response.status_code == 303
    assert re.fullmatch(r"/s/[A-Za-z0-9_-]{8}/", response["Location"])
    return response["Location"]


def grid(html: str) -> str:
    """The frozen rows as rendered: everything inside the comparison grid."""
    return html.split('<section class="compare frozen">')[1].split("</section>")[0]


def test_freezing_twice_gives_the_same_link(client, plan):
    first = freeze(client)
    assert freeze(client) == first
    assert FrozenComparison.objects.count() == 1
    assert freeze(client, topic="territory") != first


def test_frozen_page_keeps_its_rows_after_edits_and_names_what_changed(client, plan):
    link = freeze(client)
    before = client.get(link).content.decode()
    assert "The live comparison still reads the same." in before

    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 900,000 at all times.</p>"
    army.save()
    plan["provisions"]["terr1"].delete()

    after = client.get(link).content.decode()
    assert grid(after) == grid(before)
    assert "800,000 in peacetime" in grid(after)
    assert "The live analysis has changed since this link was made." in after
    m_sov, m_army, m_terr = plan["matters"]
    changed = re.findall(r'<li><a href="([^"]+)">([^<]+)</a> \(([^)]+)\)</li>', after)
    assert changed == [
        (f"{URL}#matter-{m_army.pk}", "A10 Army size", "changed"),
        (f"{URL}#matter-{m_terr.pk}", "A16 Territory", "changed"),
    ]
    live = client.get(URL).content.decode()
    assert "900,000 at all times" in live and "900,000" not in grid(after)


def test_frozen_page_is_read_only_with_preview_tags_and_freeze_time(client, plan):
    link = freeze(client, topic="territory", changed="1")
    html = client.get(link).content.decode()
    frozen = FrozenComparison.objects.get()
    assert frozen.query == "topic=territory&changed=1"
    assert f'<link rel="canonical" href="http://testserver{link}">' in html
    assert (
        'property="og:title" content="Compare: Plan vs Counter vs Revision '
        "(Territory only, changed rows only, as of"
    ) in html
    assert "Territory only, changed rows only" in html
    assert "As shown on" in html and "UTC" in html
    assert 'class="filters"' not in html and "Permanent link</button>" not in html
    assert len(re.findall(r'class="cmp-row', html)) == 1
    assert "Reports informal recognition only." in html  # citations frozen too


def test_unknown_and_malformed_frozen_ids_are_404(client, plan):
    assert client.get("/s/AAAAAAAA/").status_code == 404
    assert client.get("/s/" + "a" * 40 + "/").status_code == 404
    assert client.get("/s/a.b/").status_code == 404
    assert "Back to all drafts" in client.get("/s/AAAAAAAA/").content.decode()


def test_creating_links_is_rate_limited_per_client(client, plan, settings):
    settings.FREEZE_RATE_LIMIT = 2
    freeze(client)
    freeze(client, topic="territory")
    too_many = client.post(URL + "freeze/", {"changed": "1"})
    assert too_many.status_code == 429
    assert int(too_many["Retry-After"]) > 0
    assert "created many permanent links" in too_many.content.decode()
    assert FrozenComparison.objects.count() == 2
    freeze(client)  # an existing link is still handed out
    other = Client(REMOTE_ADDR="10.9.9.9")
    freeze(other, changed="1")


def test_freezing_needs_a_csrf_token(plan):
    client = Client(enforce_csrf_checks=True)
    assert client.post(URL + "freeze/").status_code == 403
    assert not FrozenComparison.objects.exists()


def test_freezing_bad_input_gets_the_same_clear_errors(client, plan):
    response = client.post(URL + "freeze/", {"topic": "atlantis"})
    assert response.status_code == 400
    assert "There is no topic “atlantis”" in response.content.decode()
    assert client.get(URL + "freeze/").status_code == 405


def test_unpublished_drafts_are_never_frozen_nor_shown_again(client, plan):
    link = freeze(client)
    draft = plan["drafts"][2]
    draft.published = False
    draft.save()
    assert client.get(link).status_code == 410
    staff = Client()
    staff.force_login(f.make_user("staff", group="Editors"))
    assert staff.get(link).status_code == 200
    assert staff.post(URL + "freeze/").status_code == 404


def _army_with_caps(plan) -> list[Provision]:
    """The army row's provisions (Plan, Counter), each with an army-cap key term."""
    provisions = [Provision.objects.get(draft=d, label="6") for d in plan["drafts"][:2]]
    for provision, cap in zip(provisions, (600000, 800000), strict=True):
        KeyTerm.objects.create(
            provision=provision, code="army-cap", name="Army cap", value=cap, unit="troops"
        )
    return provisions


# What only the Plan's army provision says: its words, its cap and the cap's difference.
PLAN_ARMY = ("personnel", "600,000", "200,000")


def test_a_withdrawn_provision_leaves_no_marks_in_the_next_column(client, plan):
    plan_army, counter_army = _army_with_caps(plan)
    link = freeze(client)
    before = client.get(link).content.decode()
    # The Counter marked against the Plan, in words and in its key term.
    assert '<del><span class="sr-only">[deleted: </span>600,000 personnel<' in before
    assert '<span class="sr-only">[Plan: </span>600,000' in before
    assert "(+200,000" in before
    payload = FrozenComparison.objects.get().payload
    items = [i for r in payload["rows"] for c in r["cells"] for i in c["items"]]
    # No new field: links made earlier still read the same as the live view.
    assert {k for i in items for k in i} == {
        *("provision", "entry", "disputed", "text", "base_text", "base_draft", "citations"),
        "terms",
    }

    plan_army.published = False
    plan_army.save()
    html = Client().get(link).content.decode()
    assert "since been withdrawn from publication" in html
    # What is left reads as the live page does now: no row is said to have changed.
    assert "The live comparison still reads the same." in html
    assert "800,000 in peacetime" in grid(html)  # the Counter's own text and terms stay
    assert [w for w in PLAN_ARMY if w in html] == []
    counter = grid(html).split(f"#provision-{counter_army.key}")[1].split('class="sources"')[0]
    assert "<del>" not in counter and "Marked against" not in counter
    assert '<span class="term-value">800,000</span> troops' in counter
    assert "term-difference" not in counter  # no "+200,000" against a withdrawn value
    # Editors, who preview unpublished pieces, still see the link as it was made.
    editor = Client()
    editor.force_login(f.make_user("edna", group="Editors"))
    assert grid(editor.get(link).content.decode()) == grid(before)


def test_a_links_sources_read_as_the_points_own_page_lists_them(client, plan):
    """The live grid fetches a point's sources from its page; a link holds them: every
    detail a reader weighs a source by must read the same in both."""
    terr1 = plan["provisions"]["terr1"]
    wire = f.make_source(
        key="ukr-wire",
        outlet="Ukrinform",
        headline="Ukraine's answer to the plan",
        language="uk",
        relay_of="Axios",
        reliability="C",
        published_on=datetime.date(2025, 11, 22),
    )
    f.cite(
        terr1,
        wire,
        stance="disputes",
        locator="para. 4",
        source_number="21",
        excerpt="Crimea is not on the table.",
        translated=True,
        note="Relayed, not seen first hand.",
    )
    frozen = client.get(freeze(client)).content.decode()
    page = client.get(reverse("drafts:provision", args=[terr1.key])).content.decode()

    in_link = _sources_of(frozen, terr1, whole=True).split('<ul class="citation-list">')[1]
    in_link = in_link.split("</ul>")[0]
    assert page.count('<ul class="citation-list">') == 1
    assert in_link == page.split('<ul class="citation-list">')[1].split("</ul>")[0]
    for detail in ("Ukrinform", "Grade C", "(in Ukrainian)", "relays Axios", "(para. 4)"):
        assert detail in in_link
    assert "numbered 21 by this source" in in_link and "(translated by the editors)" in in_link
    assert "Relayed, not seen first hand." in in_link and "Disputes" in in_link


def test_a_links_identity_is_the_same_from_one_release_to_the_next():
    """Freezing again hands back an existing link when the content is the same, found by
    this digest: it must not change with key order, spacing or how non-ASCII is written."""
    from apps.compare.snapshot import digest

    assert digest({"b": ["Київ", 1], "a": {"y": None, "x": True}}) == (
        "16b33299ac352a6383a2e5c8082122f03de12074aa20c7b25d46f6c65eb35497"
    )


def _sources_of(html: str, provision, whole: bool = False) -> str:
    """A point's sources in a link: the summary line, or the whole list."""
    sources = grid(html).split(f"#provision-{provision.key}")[1]
    return sources.split("</details>" if whole else "</summary>")[0]


def test_a_link_counts_what_was_withdrawn_and_counts_the_sources_left(client, every_kind_of_cell):
    from apps.sources.models import Citation

    plan = every_kind_of_cell
    terr1, army2 = plan["provisions"]["terr1"], plan["provisions"]["army2"]
    # One more source disputes each of two points.
    f.cite(terr1, stance="disputes", excerpt="Denied by Kyiv.")
    f.cite(army2, stance="disputes", excerpt="Cap not agreed.")
    link = freeze(client)
    before = client.get(link).content.decode()
    assert _sources_of(before, terr1).endswith(
        'Sources (3) · <span class="badge disputed">Disputed by 2</span>'
    )
    amnesty, joined, struck = Provision.objects.filter(
        label__in=["26", "26b", "26c"], draft__slug="plan"
    ).order_by("label")
    # A row, a point in a cell of three, two of a point's three sources and both of
    # another's (its dispute with them).
    referendum = plan["process"].matters.get(code="A23")
    withdrawn = [
        referendum,
        amnesty,
        Citation.objects.get(provision=terr1, stance="supports"),
        Citation.objects.get(provision=terr1, excerpt="Denied by Kyiv."),
        *Citation.objects.filter(provision=army2),
    ]
    for piece in withdrawn:
        piece.published = False
        piece.save()
    html = Client().get(link).content.decode()
    assert "6 pieces of what this link showed have since been withdrawn" in html
    rows = grid(html)
    assert f'id="matter-{referendum.pk}"' not in rows and "A22" in rows
    assert f"#provision-{amnesty.key}" not in rows
    assert f"#provision-{joined.key}" in rows and f"#provision-{struck.key}" in rows
    assert _sources_of(html, terr1).endswith(
        'Sources (1) · <span class="badge disputed">Disputed by 1</span>'
    )
    assert _sources_of(html, army2).endswith("Sources (0)")
    editor = Client()
    editor.force_login(f.make_user("edna", group="Editors"))
    as_made = editor.get(link).content.decode()
    assert "withdrawn from publication" not in as_made and grid(as_made) == grid(before)


def test_withdrawing_forgets_only_marks_made_against_it(client, plan):
    """Against the previous column, only the next column loses its marks; against the
    first, every later one does."""
    previous, first = freeze(client, base="previous"), freeze(client, base="first")
    terr1 = plan["provisions"]["terr1"]
    terr1.published = False
    terr1.save()
    anonymous = Client()
    anchor = f'id="matter-{plan["matters"][2].pk}"'

    def territory(link: str) -> str:
        html = anonymous.get(link).content.decode()
        assert "Crimea" not in html
        return html.split(anchor)[1].split('class="cmp-row')[0]

    row = territory(previous)
    assert "Marked against Plan" not in row
    assert "Marked against Counter" in row  # the Revision, against the Counter
    row = territory(first)
    assert "Marked against" not in row


@pytest.mark.django_db
def test_the_comparison_page_offers_a_permanent_link_form(client, plan):
    html = client.get(URL + "?topic=territory").content.decode()
    assert f'action="{URL}freeze/"' in html
    assert '<input type="hidden" name="topic" value="territory">' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_freezing_again_after_an_edit_makes_a_new_link_and_keeps_the_old_one(client, plan):
    first = freeze(client)
    before = grid(client.get(first).content.decode())
    stored = FrozenComparison.objects.get().payload

    army = plan["provisions"]["army2"]
    army.body = "<p>Army capped at 900,000 at all times.</p>"
    army.save()

    second = freeze(client)
    assert second != first  # "Permanent link" after an edit shares the edited rows
    assert FrozenComparison.objects.count() == 2
    new = grid(client.get(second).content.decode())
    assert "900,000 at all times" in new and "800,000 in peacetime" not in new
    # The first link still shows, and still stores, exactly what was shared.
    assert grid(client.get(first).content.decode()) == before
    assert "800,000 in peacetime" in before
    assert FrozenComparison.objects.get(pk=first.split("/")[2]).payload == stored
    assert freeze(client) == second


def _rows_as_read(html: str) -> list[str]:
    """The comparison grid's lines as a reader reads them: less each provision's sources
    (the live page fetches them when opened, a frozen page holds them as they were) and
    less the live page's htmx attributes (a frozen page opens nothing in place)."""
    start = html.index('<div class="cmp-grid')
    grid_html = re.sub(r'<details class="sources".*?</details>', "", html[start:], flags=re.S)
    grid_html = re.sub(r' data-hx-[a-z-]+="[^"]*"', "", grid_html)
    return [line.strip() for line in grid_html.splitlines() if line.strip()]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"base": "previous"},
        {"base": "first"},
        {"base": "counter"},
        {"changed": "1"},
        {"topic": "territory"},
        {"view": "clean"},
        {"change": "softened", "in": "counter"},
    ],
    ids=str,
)
def test_a_new_link_reads_line_for_line_as_the_comparison_it_was_made_from(client, plan, filters):
    live = client.get(URL, filters).content.decode()
    frozen = client.get(freeze(client, **filters)).content.decode()
    assert _rows_as_read(frozen) == _rows_as_read(live)


@pytest.fixture
def every_kind_of_cell(plan):
    """Rows the plan lacks: a base cell of two points (one of them deleted), a cell new
    against an absent base, the same words in two drafts, the same substance in other
    words, a point mostly rewritten, a point recorded as removed (its words kept) and a
    point no editor has aligned yet."""
    process = plan["process"]
    d1, d2, d3 = plan["drafts"]
    two = f.make_matter(
        process, code="A20", title="Elections", position=20, note="Dates are disputed."
    )
    f.align(two, f.make_provision(d1, label="7", body="<p>Elections within 100 days.</p>"), "new")
    f.align(two, f.make_provision(d1, label="7b", body="<p>Observers from the OSCE.</p>"), "new")
    gone = f.make_provision(d1, label="7c", state="deleted", body="<p>No runoff.</p>")
    f.align(two, gone, "new")
    answer = f.make_provision(
        d2, label="7", body="<p>Elections within 100 days, OSCE observers.</p>"
    )
    f.align(two, answer, "merged")
    f.align(
        two,
        f.make_provision(
            d3,
            label="7",
            body="<p>Votes are held once martial law has ended, under a new electoral code "
            "agreed by both parliaments and watched from abroad.</p>",
        ),
        "reworded",
    )
    new_only = f.make_matter(process, code="A21", title="Language", position=21)
    f.align(new_only, f.make_provision(d2, label="9", body="<p>Languages protected.</p>"), "new")
    f.align(new_only, f.make_provision(d3, label="9", body="<p>Languages protected.</p>"), "new")
    worded = f.make_matter(process, code="A22", title="Amnesty", position=22)
    f.align(worded, f.make_provision(d1, label="26", body="<p>Full amnesty.</p>"), "new")
    f.align(worded, f.make_provision(d1, label="26b", body="<p>For all sides.</p>"), "new")
    struck = f.make_provision(d1, label="26c", state="deleted", body="<p>Not for war crimes.</p>")
    f.align(worded, struck, "new")
    f.align(
        worded, f.make_provision(d2, label="26", body="<p>An amnesty for all sides.</p>"), "same"
    )
    dropped = f.make_matter(process, code="A23", title="Referendum", position=23)
    f.align(
        dropped, f.make_provision(d1, label="27", body="<p>A referendum on the plan.</p>"), "new"
    )
    f.align(
        dropped,
        f.make_provision(d2, label="27", body="<p>No referendum.</p>"),
        "removed",
    )
    f.align(
        dropped, f.make_provision(d3, label="27", body="<p>A vote on the deal.</p>"), "reworded"
    )
    # The Revision's words are the Plan's two points read together: the same wording.
    f.align(
        worded, f.make_provision(d3, label="26", body="<p>Full amnesty. For all sides.</p>"), "same"
    )
    f.make_provision(d2, label="30", body="<p>A point of its own.</p>")
    return plan


@pytest.mark.parametrize(
    "filters",
    [{}, {"base": "previous"}, {"base": "first"}, {"base": "revision"}, {"view": "clean"}],
    ids=str,
)
def test_every_kind_of_cell_reads_line_for_line_in_a_new_link(client, every_kind_of_cell, filters):
    live = client.get(URL, filters).content.decode()
    frozen = client.get(freeze(client, **filters)).content.decode()
    assert _rows_as_read(frozen) == _rows_as_read(live)


@pytest.mark.parametrize("filters", [{}, {"base": "previous"}, {"base": "revision"}], ids=str)
def test_which_rows_changed_is_worked_out_again_by_todays_rules(
    client, every_kind_of_cell, filters
):
    """A link stores whether each row changed, but shows what today's rules say of the
    texts it holds (so a refined rule reaches old links too), and such a refinement alone
    does not make the link read as changed."""
    live = client.get(URL, filters).content.decode()
    link = freeze(client, **filters)
    stored = FrozenComparison.objects.get()
    for row in stored.payload["rows"]:
        row["changed"] = not row["changed"]
    stored.save()
    frozen = client.get(link).content.decode()
    assert _rows_as_read(frozen) == _rows_as_read(live)
    assert "The live comparison still reads the same." in frozen


@pytest.mark.parametrize("base", ["lineage", "previous", "first", "revision"])
def test_a_link_works_out_each_cells_kinds_of_change_as_the_live_comparison(
    every_kind_of_cell, base
):
    """What marks a row as changed, cell by cell: new, removed, reworded, labelled, not
    reported, each against the base the link was made with."""
    import json

    from apps.compare import comparison, snapshot

    cmp = comparison.build(every_kind_of_cell["drafts"], base=base)
    stored = json.loads(json.dumps(snapshot.to_payload(cmp, query="")))
    frozen = snapshot.with_diffs(stored)
    assert [[sorted(c["kinds"]) for c in r["cells"]] for r in frozen["rows"]] == [
        [sorted(c.kinds) for c in r.cells] for r in cmp.rows
    ]
    assert any(c.kinds for r in cmp.rows for c in r.cells)


def test_the_link_names_rows_gone_from_the_live_view_added_since_or_changed(
    client, every_kind_of_cell
):
    link = freeze(client)
    process, (_, d2, d3) = every_kind_of_cell["process"], every_kind_of_cell["drafts"]
    Provision.objects.filter(entries__matter__code="A21").delete()  # A21's points
    later = f.make_matter(process, code="A24", title="Sanctions", position=24)
    f.align(later, f.make_provision(d3, label="14", body="<p>Sanctions lifted in stages.</p>"))
    own = Provision.objects.get(draft=d2, label="30")
    own.body = "<p>A point of its own, reworded.</p>"
    own.save()
    html = client.get(link).content.decode()
    listed = re.findall(r'<li><a href="[^"]+#([^"]+)">([^<]+)</a> \(([^)]+)\)</li>', html)
    a21 = process.matters.get(code="A21")
    assert listed == [
        (f"matter-{a21.pk}", "A21 Language", "no longer in the live view"),
        (f"provision-{own.key}", "an unaligned provision", "changed"),
        (f"matter-{later.pk}", "A24 Sanctions", "added since"),
    ]


@pytest.mark.parametrize("base", ["lineage", "previous"])
def test_links_made_before_the_bases_reasons_were_kept_still_read_plainly(
    client, every_kind_of_cell, base
):
    link = freeze(client, base=base)
    stored = FrozenComparison.objects.get()
    for key in ("reasons", "parent_labels", "parents"):
        stored.payload.pop(key, None)
    stored.save()
    html = client.get(link).content.decode()
    assert '<p class="diff-base">Marked against Plan' in html
    if base == "lineage":
        assert '<p class="diff-base">Marked against Plan</p>' in html  # no reason, no "()"
    assert "The editor's relation to the draft it revises or answers" in html
    assert "(the draft it answers)" not in html
    assert ("(the previous column)" in html) == (base == "previous")
    # Such links read editors' relations against the draft answered with the lineage base
    # only (they did not know the parent otherwise): the Counter's "same" in other words.
    assert html.count("Same substance, wording differs") == (base == "lineage")


def test_a_link_describes_itself_where_it_is_shared_as_the_comparison_does(client, plan):
    """The line a search result or a shared card shows under the link's title."""
    filters = {"topic": "territory"}
    described = re.compile(r'<meta name="description" content="([^"]*)">')
    live = described.search(client.get(URL, filters).content.decode())[1]
    assert live.startswith("Side-by-side comparison of Plan, Counter and Revision (Test process)")
    frozen = client.get(freeze(client, **filters)).content.decode()
    assert described.search(frozen)[1].startswith(f"{live} Frozen ")
    assert f'<meta property="og:description" content="{live}">' in frozen


def _key_paths(value, path: str = "") -> set[str]:
    """Every key of a stored link's content, as a path ("provision.key" of an item)."""
    if isinstance(value, dict):
        return {q for k, v in value.items() for q in {path + k} | _key_paths(v, f"{path}{k}.")}
    if isinstance(value, list):
        return set().union(set(), *(_key_paths(v, path) for v in value))
    return set()


# What a link stores, key by key (see the test below). Each level is listed once.
LINK_KEYS = {
    "version", "spec", "query", "title", "description", "filter_description", "process",
    "process.name", "total_rows", "base", "as_of", "drafts", "rows", "rows.anchor",
    "rows.changed", "rows.conflict", "rows.positions", "rows.matter", "rows.matter.pk",
    "rows.matter.code", "rows.matter.title", "rows.matter.note", "rows.matter.topic",
    "rows.cells",
}  # fmt: skip
CELL_KEYS = {"draft", "items"}
DRAFT_KEYS = {
    "slug", "label", "title", "status", "get_status_display", "kind", "get_kind_display",
    "text_basis", "get_text_basis_display", "published", "presented_display",
    "reported_display", "get_absolute_url", "is_disputed",
}  # fmt: skip
ITEM_KEYS = {
    "provision", "provision.key", "provision.label", "provision.heading", "provision.state",
    "provision.get_state_display", "provision.body", "provision.citation_count",
    "provision.disputing_count", "entry", "entry.relation", "entry.get_relation_display",
    "entry.label", "entry.get_label_display", "entry.rationale", "disputed", "text",
    "base_text", "base_draft", "base_draft.label", "citations", "citations.pk",
    "citations.stance", "citations.get_stance_display", "citations.is_disputing",
    "citations.locator", "citations.source_number", "citations.excerpt",
    "citations.translated", "citations.note", "citations.source", "citations.source.key",
    "citations.source.outlet", "citations.source.headline", "citations.source.url",
    "citations.source.reliability", "citations.source.get_reliability_display",
    "citations.source.published_iso", "citations.source.published_display",
    "citations.source.language", "citations.source.language_name",
    "citations.source.relay_of",
}  # fmt: skip
BASES = {"bases", "lineage", "reasons"}


@pytest.mark.parametrize(
    ("spec", "filters", "optional"),
    [
        ("plan...counter...revision", {}, BASES | {"parent_labels", "parents"}),
        ("plan...counter...revision", {"base": "counter"}, BASES | {"parent_labels", "parents"}),
        # Links made against the previous or the first column kept their first form.
        ("plan...counter...revision", {"base": "previous"}, {"parent_labels", "parents"}),
        ("plan...counter...revision", {"base": "first"}, {"parent_labels", "parents"}),
        # Both drafts answer or revise the Plan, out of view: no column of theirs to name.
        ("counter...revision", {}, BASES | {"parent_labels"}),
    ],
    ids=["lineage", "base-counter", "base-previous", "base-first", "parent-out-of-view"],
)
def test_what_a_link_stores_keeps_its_form_so_freezing_again_finds_the_same_link(
    client, plan, spec, filters, optional
):
    """Freezing hands back an existing link when the digest of what it would store is the
    same, so a key renamed, added or dropped makes every comparison a new link after an
    upgrade, and links stored before lose what the page reads from them. Keys added since
    the first links are stored only where they hold something."""
    response = client.post(f"/compare/{spec}/freeze/", filters)
    assert response.status_code == 303
    payload = FrozenComparison.objects.get(pk=response["Location"].split("/")[2]).payload
    paths = _key_paths(payload)
    assert {p for p in paths if not p.startswith(("drafts.", "rows.cells."))} == (
        LINK_KEYS | optional
    )
    assert _key_paths(payload["drafts"]) == DRAFT_KEYS
    for row in payload["rows"]:
        assert [set(cell) for cell in row["cells"]] == [CELL_KEYS] * len(payload["drafts"])
        assert [cell["draft"] for cell in row["cells"]] == payload["drafts"]
    items = [i for r in payload["rows"] for c in r["cells"] for i in c["items"]]
    # Out of view, the Plan is no column's base: no point is marked against one.
    no_base_draft = set() if spec.startswith("plan") else {"base_draft.label"}
    assert _key_paths(items) == ITEM_KEYS - no_base_draft
    assert payload["version"] == 1
    assert payload["spec"] == spec
    # The day the parties' positions are read at: the newest draft's.
    assert payload["as_of"] == "2025-11-24"


def test_a_comparison_ending_with_an_undated_draft_can_be_frozen(client, plan):
    """A leak nobody has dated yet comes last; its positions band is read at no date."""
    revision = plan["drafts"][2]
    revision.presented_on = None
    revision.save()
    live = client.get(URL).content.decode()
    page = client.get(freeze(client))
    assert page.status_code == 200
    assert _rows_as_read(page.content.decode()) == _rows_as_read(live)
    assert FrozenComparison.objects.get().payload["as_of"] is None
