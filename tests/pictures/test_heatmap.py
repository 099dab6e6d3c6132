"""The heat map: one linked, labelled cell per topic × published draft, states right."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.drafts.models import PeaceProcess
from apps.pictures import heatmap
from tests import factories as f

from .helpers import q, svg, text_of

URL = "/processes/test-process/heatmap/"


def cells(html: str) -> dict[tuple[str, str], dict]:
    """(topic code, draft slug) → the cell link's attributes, from the parsed SVG."""
    root = svg(html, "heatmap-svg")
    found = {}
    for row in root.iter(q("g")):
        if row.get("role") != "row" or not row.get("data-topic"):
            continue
        for cell in row.findall(q("g")):
            assert cell.get("role") == "cell"
            links = cell.findall(q("a"))
            assert len(links) == 1, "each cell is exactly one link"
            link = links[0]
            key = (link.get("data-topic"), link.get("data-draft"))
            assert key not in found
            found[key] = {
                "href": link.get("href"),
                "label": link.get("aria-label"),
                "title": text_of(link.find(q("title"))),
                "state": link.get("data-state"),
                "text": " ".join(text_of(t) for t in link.findall(q("text"))),
            }
    return found


def states(html: str) -> dict[tuple[str, str], str]:
    return {k: v["state"] for k, v in cells(html).items()}


def test_one_linked_labelled_cell_per_topic_and_draft(client, plan):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    root = svg(html, "heatmap-svg")
    # The table role is on the picture's wrapper (the Nu checker allows none on <svg>).
    assert '<div class="picture-scroll" role="table" aria-labelledby="hm-title"' in html
    assert root.find(q("title")) is not None and root.find(q("desc")) is not None

    found = cells(html)
    topics, drafts = ["military-limits", "territory"], ["plan", "counter", "revision"]
    assert set(found) == {(t, d) for t in topics for d in drafts}
    rows = [g.get("data-topic") for g in root.iter(q("g")) if g.get("role") == "row"]
    assert rows == [None, "military-limits", "territory"]  # header row, then topic order
    heads = [text_of(g) for g in root.iter(q("g")) if g.get("role") == "columnheader"]
    # Each column names its draft, then its kind.
    assert [h.split(" 2")[0] for h in heads] == ["Plan Plan", "Counter Plan", "Revision Plan"]
    for cell in found.values():
        assert cell["href"]
        assert cell["label"] == cell["title"]
        # Symbol and word in the square itself, not colour alone.
        style = heatmap.STYLES[cell["state"]]
        assert cell["text"].startswith(f"{style.symbol} {style.word}")
        assert f": {style.word}." in cell["label"]


def test_cell_states_on_the_plan(client, plan):
    assert states(client.get(URL).content.decode()) == {
        ("military-limits", "plan"): "new",
        ("military-limits", "counter"): "changed",  # reworded
        ("military-limits", "revision"): "not-reported",  # reported only: unknown
        ("territory", "plan"): "new",
        ("territory", "counter"): "changed",
        ("territory", "revision"): "bracketed",  # bracketed beats its "reworded" entry
    }


def test_cells_link_to_their_comparison_row_or_the_draft_page(client, plan):
    m_sov, m_army, m_terr = plan["matters"]
    found = cells(client.get(URL).content.decode())
    terr1 = plan["provisions"]["terr1"]
    # The first draft has nothing to compare with: its draft page, filtered by topic.
    assert found[("territory", "plan")]["href"] == (
        f"/drafts/plan/?topic=territory#provision-{terr1.key}"
    )
    assert "no earlier draft" in found[("territory", "plan")]["label"]
    # Counter answers Plan; Revision revises Plan.
    assert found[("military-limits", "counter")]["href"] == (
        f"/compare/plan...counter/?topic=military-limits#matter-{m_army.pk}"
    )
    assert found[("territory", "revision")]["href"] == (
        f"/compare/plan...revision/?topic=territory#matter-{m_terr.pk}"
    )
    # Absent in Revision: the comparison row that shows Plan's provision next to nothing.
    assert found[("military-limits", "revision")]["href"] == (
        f"/compare/plan...revision/?topic=military-limits#matter-{m_army.pk}"
    )
    label = found[("military-limits", "counter")]["label"]
    assert label.startswith("Military limits in Counter: changed. 1 provision (1 reworded).")
    assert "comparison with Plan" in label


def test_the_links_reach_the_rows_they_name(client, plan):
    for cell in cells(client.get(URL).content.decode()).values():
        url, _, anchor = cell["href"].partition("#")
        page = client.get(url)
        assert page.status_code == 200, cell["href"]
        if anchor:
            assert f'id="{anchor}"' in page.content.decode(), cell["href"]


def test_precedence_removed_same_and_unaligned(client, plan):
    d1, d2, d3 = plan["drafts"]
    army = plan["matters"][1].topic
    # A deleted provision on military limits in Counter: removed beats changed.
    deleted = f.make_provision(d2, label="7", heading="Cap dropped", state="deleted")
    deleted.topics.set([army])
    # A deleted provision next to the bracketed one in Revision: bracketed still wins.
    f.make_provision(d3, label="8", state="deleted").topics.set([plan["territory"]])
    # A matter on sanctions whose Revision provision reads the same.
    sanctions = f.make_topic(name="Sanctions", code="sanctions", position=5)
    m = f.make_matter(plan["process"], code="A20", topic=sanctions, position=9)
    f.align(m, f.make_provision(d2, label="9"), "new")
    f.align(m, f.make_provision(d3, label="10"), "same")
    # A provision no editor has aligned yet: new, linked to its own comparison row.
    elections = f.make_topic(name="Elections", code="elections", position=6)
    loose = f.make_provision(d3, label="11")
    loose.topics.set([elections])

    found = cells(client.get(URL).content.decode())
    got = {k: v["state"] for k, v in found.items()}
    assert got[("military-limits", "counter")] == "removed"
    assert got[("territory", "revision")] == "bracketed"
    assert got[("sanctions", "plan")] == "absent"
    assert got[("sanctions", "counter")] == "new"
    assert got[("sanctions", "revision")] == "same"
    assert got[("elections", "revision")] == "new"
    assert found[("elections", "revision")]["href"] == (
        f"/compare/plan...revision/?topic=elections#provision-{loose.key}"
    )
    assert "not aligned" in found[("elections", "revision")]["label"]
    # The link goes to the row that explains the state, not just the first row.
    assert found[("military-limits", "counter")]["href"].endswith(f"#provision-{deleted.key}")


@pytest.mark.parametrize(
    ("provision_state", "relation", "expected"),
    [
        ("known", "same", "same"),
        ("known", "new", "new"),
        ("paraphrased", "reworded", "changed"),
        ("known", "moved", "changed"),
        ("known", "split", "changed"),
        ("known", "merged", "changed"),
        ("known", "removed", "removed"),
        ("deleted", "same", "removed"),
        ("bracketed", "same", "bracketed"),
        ("bracketed", "removed", "bracketed"),
        ("known", None, "new"),
    ],
)
def test_provision_state(provision_state, relation, expected):
    assert heatmap.provision_state(provision_state, relation) == expected


def test_strongest_follows_the_documented_precedence():
    assert heatmap.strongest([]) == "absent"
    assert heatmap.strongest(["same", "new"]) == "new"
    assert heatmap.strongest(["same", "new", "changed"]) == "changed"
    assert heatmap.strongest(["changed", "removed"]) == "removed"
    assert heatmap.strongest(["removed", "bracketed", "same"]) == "bracketed"


def test_draft_without_lineage_is_compared_with_the_previous_one(client, plan):
    later = f.make_draft(
        plan["process"], label="Later", slug="later", presented_on=datetime.date(2025, 11, 28)
    )
    f.make_provision(later, label="1").topics.set([plan["territory"]])
    found = cells(client.get(URL).content.decode())
    assert found[("territory", "later")]["href"].startswith(
        "/compare/revision...later/?topic=territory#provision-"
    )


def test_legend_names_every_state_with_a_symbol_and_a_word(client, plan):
    html = client.get(URL).content.decode()
    legend = html.split('<ul class="legend"')[1].split("</ul>")[0]
    for code in ("new", "changed", "same", "removed", "bracketed", "not-reported", "absent"):
        style = heatmap.STYLES[code]
        item = legend.split(f'data-state="{code}"')[1].split("</li>")[0]
        assert f">{style.symbol}</text>" in item
        assert f"<strong>{style.word.capitalize()}</strong>" in item
    assert legend.count('class="legend-item"') == 7


def test_unpublished_drafts_and_their_topics_are_left_out(client, plan):
    hidden = f.make_draft(plan["process"], label="Secret", slug="secret", published=False)
    secret = f.make_topic(name="Secret topic", code="secret-topic")
    f.make_provision(hidden, label="1").topics.set([secret])
    html = client.get(URL).content.decode()
    assert "secret" not in {d for _, d in cells(html)}
    assert "Secret" not in html


def test_unknown_process_is_a_404(client, db):
    response = client.get("/processes/no-such-process/heatmap/")
    assert response.status_code == 404
    assert "Not found" in response.content.decode()


def test_process_without_published_drafts_is_a_404(client, db):
    process = f.make_process(slug="quiet")
    f.make_draft(process, published=False)
    assert client.get("/processes/quiet/heatmap/").status_code == 404


def test_page_links_to_the_timeline(client, plan):
    html = client.get(URL).content.decode()
    assert 'href="/processes/test-process/timeline/"' in html
    assert 'aria-current="page"' in html.split('href="/processes/test-process/heatmap/"')[1][:40]


def _process(n: int) -> str:
    """A process with n drafts and n topics, each draft with a provision on every topic."""
    process = f.make_process(slug=f"size-{n}")
    topics = [f.make_topic() for _ in range(n)]
    matters = [f.make_matter(process, topic=t) for t in topics]
    previous = None
    for i in range(n):
        draft = f.make_draft(process, presented_on=datetime.date(2025, 1, 1 + i))
        if previous:
            f.link(draft, previous)
        for topic, matter in zip(topics, matters, strict=True):
            p = f.make_provision(draft, state="bracketed" if i % 3 == 2 else "known")
            p.topics.set([topic])
            f.align(matter, p, "reworded" if previous else "new")
        previous = draft
    return f"/processes/size-{n}/heatmap/"


def test_query_count_does_not_grow_with_topics_or_drafts(client, db):
    counts = []
    for n in (1, 10):
        url = _process(n)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(cells(response.content.decode())) == n * n
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert 2 <= counts[0] <= 4


def test_the_map_is_drawn_once_until_an_edit_in_its_own_process(client, plan):
    """A repeat view reads only the process; an edit in another process leaves the map
    as drawn; an edit in this one shows at once."""
    _process(2)
    client.get(URL)

    def visit() -> tuple[int, dict]:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL)
        assert response.status_code == 200
        return len(queries), states(response.content.decode())

    count, before = visit()
    assert count <= 1 and before[("territory", "counter")] == "changed"

    other = PeaceProcess.objects.get(slug="size-2")
    f.make_provision(f.make_draft(other), state="bracketed")
    assert visit() == (count, before)

    army2 = plan["provisions"]["army2"]
    army2.state = "bracketed"
    army2.save()
    _, after = visit()
    assert after[("military-limits", "counter")] == "bracketed"
