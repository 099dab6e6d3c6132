from __future__ import annotations

import csv
import datetime
import io
import json

import pytest

from apps.exports.responses import csv_bytes, safe_cell
from tests import factories as f

from .conftest import assert_no_secrets


def read_csv(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    # UTF-8 with a byte-order mark, so Excel on Windows reads it as UTF-8.
    assert response.content.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_json(response) -> dict:
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.getvalue())


# --- A draft -----------------------------------------------------------------------------


def test_draft_csv_has_one_row_per_provision_by_stable_key(client, plan):
    response = client.get("/drafts/plan/export.csv")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="draft-plan.csv"'
    rows = read_csv(response)
    assert list(rows[0]) == [
        "key",
        "draft",
        "draft_kind",
        "label",
        "position",
        "heading",
        "text",
        "state",
        "topics",
        "matters",
        "citations",
        "url",
        "source_urls",
    ]
    provisions = list(plan["drafts"][0].provisions.order_by("position", "pk"))
    assert [r["key"] for r in rows] == [p.key for p in provisions]
    terr = next(r for r in rows if r["key"] == plan["provisions"]["terr1"].key)
    assert terr == {
        "key": plan["provisions"]["terr1"].key,
        "draft": "plan",
        "draft_kind": "plan",
        "label": "21",
        "position": str(plan["provisions"]["terr1"].position),
        "heading": "Territory",
        "text": "Crimea recognised as Russian.",  # plain text, no markup
        "state": "known",
        "topics": "crimea",
        "matters": "A16:new:",
        "citations": "2",
        "url": f"http://testserver/provisions/{plan['provisions']['terr1'].key}/",
        "source_urls": terr["source_urls"],
    }
    sources = [c.source.url for c in plan["provisions"]["terr1"].citations.order_by("pk")]
    assert terr["source_urls"] == " ".join(sources)
    assert all(u.startswith("http") for u in sources)


def test_draft_json_has_metadata_html_text_matters_and_citations(client, plan):
    counter = plan["drafts"][1]
    f.cite(counter, excerpt="The draft exists.")
    data = read_json(client.get("/drafts/counter/export.json"))
    draft = data["draft"]
    assert draft["slug"] == "counter"
    assert draft["process"] == {"slug": "test-process", "name": "Test process"}
    assert draft["authors"] == ["e3"]
    assert draft["parents"] == [{"draft": "plan", "kind": "answers"}]
    assert draft["presented_on"] == "2025-11-23"
    assert draft["presented_precision"] == "day"
    assert [c["excerpt"] for c in data["citations"]] == ["The draft exists."]
    army = next(p for p in data["provisions"] if p["key"] == plan["provisions"]["army2"].key)
    assert army["body_html"] == "<p>Army capped at 800,000 in peacetime.</p>"
    assert army["text"] == "Army capped at 800,000 in peacetime."
    assert army["topics"] == ["military-limits"]
    assert army["matters"] == [
        {
            "matter": "A10",
            "matter_id": plan["matters"][1].pk,
            "matter_title": "Army size",
            "relation": "reworded",
            "label": "softened",
            "rationale": "Higher cap.",
        }
    ]
    assert army["citation_count"] == 1
    assert army["citations"][0]["stance"] == "supports"


def test_draft_json_body_is_sanitised_html(client, plan):
    draft = plan["drafts"][0]
    p = f.make_provision(draft, body="<p onclick='x()'>Hi <script>alert(1)</script></p>")
    data = read_json(client.get("/drafts/plan/export.json"))
    exported = next(x for x in data["provisions"] if x["key"] == p.key)
    assert "onclick" not in exported["body_html"] and "<script" not in exported["body_html"]


# --- A comparison ------------------------------------------------------------------------


def test_comparison_csv_one_row_per_matter_one_column_group_per_draft(client, plan):
    response = client.get("/compare/plan...counter...revision/export.csv")
    assert response.status_code == 200
    assert "compare-plan-vs-counter-vs-revision.csv" in response["Content-Disposition"]
    rows = read_csv(response)
    header = list(rows[0])
    assert header[:3] == ["matter", "matter_title", "topic"]
    for slug in ("plan", "counter", "revision"):
        for column in ("keys", "text", "state", "relation", "label", "source_urls"):
            assert f"{slug}:{column}" in header
    assert header[-1] == "url"
    assert [r["matter"] for r in rows] == ["A01", "A10", "A16"]
    terr = rows[2]
    assert terr["plan:keys"] == plan["provisions"]["terr1"].key
    assert terr["plan:relation"] == "new"
    assert terr["revision:state"] == "bracketed"
    assert terr["revision:relation"] == "reworded"
    assert terr["revision:label"] == "neutral"
    army = rows[1]
    assert army["counter:keys"] == plan["provisions"]["army2"].key
    assert army["counter:text"] == "Army capped at 800,000 in peacetime."
    assert army["counter:label"] == "softened"
    assert army["revision:keys"] == ""  # no provision of the revision in this row
    army_sources = [c.source.url for c in plan["provisions"]["army2"].citations.all()]
    assert army["counter:source_urls"] == " ".join(army_sources) != ""
    assert army["url"] == f"http://testserver/matters/{plan['matters'][1].pk}/"
    # Columns are stable ids: no display number ("6", "21") anywhere as a key.
    assert all(r["plan:keys"] not in {"1", "6", "21"} for r in rows)


def test_comparison_json_rows_cells_and_filters(client, plan):
    data = read_json(
        client.get("/compare/plan...counter...revision/export.json?topic=territory&changed=1")
    )
    assert data["spec"] == "plan...counter...revision"
    assert [d["slug"] for d in data["drafts"]] == ["plan", "counter", "revision"]
    assert data["filters"]["topic"] == "territory" and data["filters"]["changed"] is True
    assert data["total_rows"] == 3
    assert [r["matter"]["code"] for r in data["rows"]] == ["A16"]
    cells = data["rows"][0]["cells"]
    assert list(cells) == ["plan", "counter", "revision"]
    assert cells["revision"] == [
        {
            "key": cells["revision"][0]["key"],
            "text": "Left in brackets for the presidents.",
            "state": "bracketed",
            "relation": "reworded",
            "label": "neutral",
            "rationale": "Bracketed.",
        }
    ]


def test_comparison_export_unaligned_provision_has_a_row_without_matter(client, plan):
    extra = f.make_provision(plan["drafts"][1], label="99", body="<p>Unaligned.</p>")
    rows = read_csv(client.get("/compare/plan...counter/export.csv"))
    last = rows[-1]
    assert last["matter"] == "" and last["counter:keys"] == extra.key
    assert last["counter:text"] == "Unaligned."


def test_comparison_export_cell_with_a_split_point(client, plan):
    from apps.alignment.models import MatterEntry

    army2 = plan["provisions"]["army2"]
    MatterEntry.objects.filter(provision=army2).update(relation="split")
    extra = f.make_provision(plan["drafts"][1], label="6a", body="<p>Navy capped too.</p>")
    f.align(plan["matters"][1], extra, "split")
    army = read_csv(client.get("/compare/plan...counter/export.csv"))[1]
    assert army["counter:keys"] == f"{army2.key};{extra.key}"
    assert army["counter:relation"] == "split;split"
    assert army["counter:label"] == "softened;"
    assert army["counter:text"] == "Army capped at 800,000 in peacetime.\n\nNavy capped too."


def test_comparison_export_redirects_to_the_canonical_order(client, plan):
    response = client.get("/compare/counter...plan/export.csv?changed=1")
    assert response.status_code == 302
    assert response["Location"] == "/compare/plan...counter/export.csv?changed=1"


@pytest.mark.parametrize(
    "query",
    ["topic=nowhere", "changed=maybe", "party=nobody", "base=last", "party=e3&topic=%00"],
)
def test_comparison_export_bad_filters_are_400(client, plan, query):
    response = client.get(f"/compare/plan...counter/export.csv?{query}")
    assert response.status_code == 400
    assert b"filter" in response.content


@pytest.mark.parametrize(
    ("spec", "status"),
    [("plan", 400), ("plan...nowhere", 404), ("plan...plan", 400), ("plan...%00x", 404)],
)
def test_comparison_export_bad_specs(client, plan, spec, status):
    assert client.get(f"/compare/{spec}/export.json").status_code == status


# --- Sources -----------------------------------------------------------------------------


def test_sources_csv_one_row_per_citation_with_target_ids(client, plan, position):
    source = f.make_source(
        key="month-src",
        outlet="Wire",
        headline="A month-dated report",
        published_on=datetime.date(2025, 11, 1),
        published_precision="month",
        reliability="A",
        kind="official",
    )
    f.cite(plan["drafts"][0], source=source, stance="differs", locator="para 4")
    f.cite(plan["provisions"]["terr1"], source=source, excerpt="Quoted.")
    rows = read_csv(client.get("/sources/export.csv"))
    mine = [r for r in rows if r["source"] == "month-src"]
    assert [(r["target_type"], r["target_id"], r["target_draft"]) for r in mine] == [
        ("draft", "plan", "plan"),
        ("provision", plan["provisions"]["terr1"].key, "plan"),
    ]
    first = mine[0]
    assert first["published_on"] == "2025-11" and first["published_precision"] == "month"
    assert (first["reliability"], first["kind"], first["stance"]) == ("A", "official", "differs")
    assert first["locator"] == "para 4" and first["outlet"] == "Wire"
    assert first["url"].startswith("https://example.org/")
    cited_position = next(r for r in rows if r["source"] == "pos-src")
    assert cited_position["target_type"] == "position"
    assert cited_position["target_id"] == str(position.pk)


def test_sources_json_nests_citations_under_each_source(client, plan):
    data = read_json(client.get("/sources/export.json"))
    assert len(data["sources"]) == 8
    disputing = [
        s for s in data["sources"] if any(c["stance"] == "disputes" for c in s["citations"])
    ]
    assert len(disputing) == 1
    citation = disputing[0]["citations"][0]
    assert citation["target"]["type"] == "provision"
    assert citation["target"]["id"] == plan["provisions"]["terr1"].key
    assert citation["excerpt"] == "Reports informal recognition only."
    assert "note" not in disputing[0]  # the editors' note on a source stays in the admin


# --- A whole process ---------------------------------------------------------------------


def test_process_export_holds_everything_by_stable_id(client, plan, position):
    response = client.get("/processes/test-process/export.json")
    assert response["Content-Disposition"] == 'attachment; filename="process-test-process.json"'
    data = read_json(response)
    assert data["format"] == "peacetracker-process" and data["version"] == 1
    assert data["process"]["slug"] == "test-process"
    assert [d["slug"] for d in data["drafts"]] == ["plan", "counter", "revision"]
    assert data["drafts"][2]["parents"] == [{"draft": "plan", "kind": "revises"}]
    assert {p["slug"] for p in data["parties"]} == {"united-states", "e3"}
    assert [t["code"] for t in data["topics"]][-1] == "crimea"  # subtopics after topics
    assert len(data["provisions"]) == 7
    assert [m["code"] for m in data["matters"]] == ["A01", "A10", "A16"]
    assert len(data["matters"][2]["entries"]) == 3
    assert data["positions"][0]["matter"] == "A16"
    targets = [c["target"]["type"] for c in data["citations"]]
    assert targets.count("provision") == 8 and targets.count("position") == 1


# --- Formats and the CSV guard -----------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/drafts/plan/export.xml",
        "/drafts/plan/export.CSV",
        "/compare/plan...counter/export.xlsx",
        "/sources/export.tar.gz",
        "/processes/test-process/export.csv",
    ],
)
def test_unknown_formats_are_404_with_a_message(client, plan, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]
    assert "exports come as" in response.content.decode()


def test_unknown_draft_and_process_are_404(client, plan):
    assert client.get("/drafts/nowhere/export.csv").status_code == 404
    assert client.get("/drafts/bad%00slug/export.csv").status_code == 404
    assert client.get("/processes/nowhere/export.json").status_code == 404


def test_exports_are_read_only(client, plan):
    assert client.post("/drafts/plan/export.csv").status_code == 405


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        (7, 7),
        (None, ""),
    ],
)
def test_safe_cell_quotes_formula_starts(value, expected):
    assert safe_cell(value) == expected


def test_csv_injection_guard_in_real_exports(client, plan):
    draft = plan["drafts"][0]
    p = f.make_provision(draft, label="=1+1", heading="=cmd|' /C calc'!A0", body="<p>@SUM(1)</p>")
    source = f.make_source(key="inj", outlet="+Outlet", headline="-Headline")
    f.cite(p, source=source, excerpt="=HYPERLINK(1)", locator="@here")
    row = next(r for r in read_csv(client.get("/drafts/plan/export.csv")) if r["key"] == p.key)
    assert row["label"] == "'=1+1"
    assert row["heading"] == "'=cmd|' /C calc'!A0"
    assert row["text"] == "'@SUM(1)"
    cite = next(r for r in read_csv(client.get("/sources/export.csv")) if r["source"] == "inj")
    assert (cite["outlet"], cite["headline"]) == ("'+Outlet", "'-Headline")
    assert (cite["excerpt"], cite["locator"]) == ("'=HYPERLINK(1)", "'@here")
    compare_rows = read_csv(client.get("/compare/plan...counter/export.csv"))
    assert any(r["plan:text"] == "'@SUM(1)" for r in compare_rows)


def test_csv_is_utf8_with_header(plan):
    data = csv_bytes(["a", "b"], [["Zelensky’s “plan”", "Крим"]])
    assert data.decode("utf-8").splitlines() == ["a,b", "Zelensky’s “plan”,Крим"]


@pytest.mark.parametrize(
    "url",
    [
        "/drafts/plan/export.csv",
        "/compare/plan...counter...revision/export.csv",
        "/sources/export.csv",
        "/processes/test-process/matrix.csv",
    ],
)
def test_every_csv_download_opens_right_in_excel_on_windows(client, plan, url):
    """Excel on Windows takes a CSV without a byte-order mark for the legacy code page
    (cp1252): “quotes” and Cyrillic come out garbled. With the mark, it reads UTF-8."""
    f.make_provision(plan["drafts"][0], heading="Крим — “status”", body="<p>Київ</p>")
    content = client.get(url).content
    assert content.startswith("\ufeff".encode())
    assert content.count(b"\xef\xbb\xbf") == 1
    text = content.decode("utf-8-sig")
    assert not text.startswith("\ufeff")


# --- The publish gate --------------------------------------------------------------------

EXPORTS = [
    "/drafts/plan/export.csv",
    "/drafts/plan/export.json",
    "/drafts/counter/export.json",
    "/drafts/revision/export.json",
    "/compare/plan...counter...revision/export.csv",
    "/compare/plan...counter...revision/export.json",
    "/sources/export.csv",
    "/sources/export.json",
    "/processes/test-process/export.json",
]


@pytest.mark.parametrize("url", EXPORTS)
def test_public_exports_hold_no_unpublished_material(client, unpublished, url):
    response = client.get(url)
    assert response.status_code == 200
    assert_no_secrets(response.getvalue())


@pytest.mark.parametrize(
    "url",
    [
        "/drafts/secret-draft/export.csv",
        "/drafts/secret-draft/export.json",
        "/compare/plan...secret-draft/export.csv",
        "/compare/secret-draft...plan/export.json",
        "/processes/hidden-process/export.json",
    ],
)
def test_unpublished_exports_are_404_for_the_public(client, unpublished, url):
    assert client.get(url).status_code == 404


def test_staff_export_unpublished_material(staff_client, unpublished):
    assert staff_client.get("/drafts/secret-draft/export.csv").status_code == 200
    data = read_json(staff_client.get("/processes/test-process/export.json"))
    assert "secret-draft" in [d["slug"] for d in data["drafts"]]
    assert {d["slug"]: d["published"] for d in data["drafts"]}["secret-draft"] is False
    sources = read_json(staff_client.get("/sources/export.json"))["sources"]
    assert "secret-src" in [s["key"] for s in sources]
    assert staff_client.get("/processes/hidden-process/export.json").status_code == 200
