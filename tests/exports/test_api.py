from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

from .conftest import assert_no_secrets

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response["Content-Type"] == "application/json", response.content[:300]
    return response


def ok(client, url) -> dict:
    response = get(client, url)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def error(client, url, status: int, method: str = "get") -> dict:
    response = getattr(client, method)(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["message"]
    return body["error"]


# --- Lists, details and stable ids -------------------------------------------------------


def test_index_lists_every_endpoint(client, plan):
    data = ok(client, "/api/v1/")
    assert set(data["endpoints"]) == {
        "processes",
        "drafts",
        "provisions",
        "matters",
        "topics",
        "sources",
    }
    for url in data["endpoints"].values():
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    ("resource", "count"),
    [
        ("processes", 1),
        ("drafts", 3),
        ("provisions", 7),
        ("matters", 3),
        ("topics", 3),
        ("sources", 8),
    ],
)
def test_lists_have_count_links_and_results(client, plan, resource, count):
    data = ok(client, f"/api/v1/{resource}/")
    assert set(data) == {"count", "next", "previous", "results"}
    assert data["count"] == count == len(data["results"])
    assert data["next"] is None and data["previous"] is None
    # Each result names its own detail address, which serves the same object (a source's
    # with its citations too).
    first = data["results"][0]
    detail = ok(client, first["api_url"])
    assert detail == first | ({"citations": detail["citations"]} if resource == "sources" else {})


def test_details_by_stable_id(client, plan):
    terr1 = plan["provisions"]["terr1"]
    a16 = plan["matters"][2]
    assert ok(client, "/api/v1/processes/test-process/")["drafts"] == [
        "counter",
        "plan",
        "revision",
    ]
    draft = ok(client, "/api/v1/drafts/revision/")
    assert draft["parents"] == [{"draft": "plan", "kind": "revises"}]
    assert draft["provision_count"] == 1 and draft["text_basis"] == "reported"
    provision = ok(client, f"/api/v1/provisions/{terr1.key}/")
    assert provision["label"] == "21" and provision["topics"] == ["crimea"]
    assert provision["matters"][0]["matter"] == "A16"
    assert provision["citation_count"] == 2
    matter = ok(client, f"/api/v1/matters/{a16.pk}/")
    assert matter == ok(client, "/api/v1/processes/test-process/matters/A16/")
    assert [e["draft"] for e in matter["entries"]] == ["plan", "counter", "revision"]
    assert ok(client, "/api/v1/topics/territory/")["subtopics"] == ["crimea"]
    assert ok(client, "/api/v1/topics/crimea/")["parent"] == "territory"
    source_key = terr1.citations.first().source.key
    source = ok(client, f"/api/v1/sources/{source_key}/")
    assert source["citations"][0]["target"] == {
        "type": "provision",
        "id": terr1.key,
        "draft": "plan",
    }


def test_trailing_slash_is_optional(client, plan):
    assert ok(client, "/api/v1/drafts") == ok(client, "/api/v1/drafts/")
    assert ok(client, "/api/v1/drafts/plan") == ok(client, "/api/v1/drafts/plan/")
    assert ok(client, "/api/v1") == ok(client, "/api/v1/")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/processes/nowhere/",
        "/api/v1/drafts/nowhere/",
        "/api/v1/provisions/nowhere/",
        "/api/v1/matters/999999/",
        "/api/v1/matters/A16/",
        "/api/v1/processes/test-process/matters/Z99/",
        "/api/v1/processes/nowhere/matters/A16/",
        "/api/v1/topics/nowhere/",
        "/api/v1/sources/nowhere/",
        "/api/v1/drafts/bad%00id/",
        "/api/v1/drafts/%E2%80%94/",
    ],
)
def test_unknown_ids_are_json_404(client, plan, url):
    assert "no" in error(client, url, 404)["message"].lower()


@pytest.mark.parametrize(
    "url",
    ["/api/", "/api", "/api/v2/drafts/", "/api/v1/drafts/plan/extra/", "/api/v1/nothing"],
)
def test_unknown_endpoints_are_json_404(client, plan, url):
    assert "endpoint" in error(client, url, 404)["message"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/drafts/", "/api/v1/drafts/plan/", "/api/v1/"])
def test_writes_are_json_405(client, plan, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert json.loads(response.content)["error"]["status"] == 405


def test_405_even_without_a_csrf_token(plan):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/api/v1/drafts/").status_code == 405


def test_head_is_allowed(client, plan):
    got = client.get("/api/v1/drafts/")
    head = client.head("/api/v1/drafts/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["Content-Type"] == got["Content-Type"] == "application/json"
    # The same headers as GET, with the length of the body a GET would get.
    for name in ("Vary", "Cache-Control", "ETag", "Content-Length"):
        assert head[name] == got[name], name
    assert head["Content-Length"] == str(len(got.content))
    # The ETag revalidates a HEAD too.
    again = client.head("/api/v1/drafts/", headers={"if-none-match": got["ETag"]})
    assert again.status_code == 304 and again.content == b""


# --- Pagination --------------------------------------------------------------------------


def test_paging_walks_every_result_once(client, plan):
    first = ok(client, "/api/v1/provisions/?page_size=3")
    assert first["count"] == 7 and len(first["results"]) == 3
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/provisions/?page_size=3&page=2"
    second = ok(client, first["next"])
    assert second["previous"] == "http://testserver/api/v1/provisions/?page_size=3&page=1"
    third = ok(client, second["next"])
    assert third["next"] is None and len(third["results"]) == 1
    keys = [p["key"] for page in (first, second, third) for p in page["results"]]
    assert len(set(keys)) == 7


def test_paging_keeps_the_filters(client, plan):
    data = ok(client, "/api/v1/provisions/?draft=plan&page_size=2")
    assert "draft=plan" in data["next"] and data["count"] == 3


def test_page_size_maximum_is_accepted(client, plan):
    assert ok(client, "/api/v1/drafts/?page_size=200")["count"] == 3


def test_empty_list_has_a_first_page(client, db):
    assert ok(client, "/api/v1/drafts/") == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=1.5", "page"),
        ("page=%D9%A3", "page"),  # an Arabic-Indic digit is not a page number
        ("page_size=201", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=ten", "page_size"),
    ],
)
def test_bad_paging_is_400_naming_the_parameter(client, plan, query, parameter):
    assert error(client, f"/api/v1/drafts/?{query}", 400)["parameter"] == parameter


def test_page_past_the_end_is_404(client, plan):
    err = error(client, "/api/v1/drafts/?page=2", 404)
    assert err["parameter"] == "page"
    assert "1 page" in err["message"]


# --- Filters -----------------------------------------------------------------------------


def test_filter_by_process(client, plan):
    other = f.make_process(slug="other")
    f.make_draft(other, slug="elsewhere")
    assert ok(client, "/api/v1/drafts/")["count"] == 4
    drafts = ok(client, "/api/v1/drafts/?process=test-process")["results"]
    assert [d["slug"] for d in drafts] == ["plan", "counter", "revision"]
    assert ok(client, "/api/v1/provisions/?process=other")["count"] == 0
    assert ok(client, "/api/v1/matters/?process=test-process")["count"] == 3


def test_filter_by_draft(client, plan):
    provisions = ok(client, "/api/v1/provisions/?draft=revision")["results"]
    assert [p["state"] for p in provisions] == ["bracketed"]
    matters = ok(client, "/api/v1/matters/?draft=revision")["results"]
    assert [m["code"] for m in matters] == ["A16"]
    sources = ok(client, "/api/v1/sources/?draft=revision")["results"]
    assert len(sources) == 1


def test_filter_by_topic_includes_subtopics(client, plan):
    territory = ok(client, "/api/v1/provisions/?topic=territory")["results"]
    assert sorted(p["topics"][0] for p in territory) == ["crimea", "territory"]
    crimea = ok(client, "/api/v1/provisions/?topic=crimea")["results"]
    assert [p["key"] for p in crimea] == [plan["provisions"]["terr1"].key]
    assert [m["code"] for m in ok(client, "/api/v1/matters/?topic=territory")["results"]] == ["A16"]
    drafts = ok(client, "/api/v1/drafts/?topic=crimea")["results"]
    assert [d["slug"] for d in drafts] == ["plan"]
    assert ok(client, "/api/v1/sources/?topic=crimea")["count"] == 2
    subtopics = ok(client, "/api/v1/topics/?parent=territory")["results"]
    assert [t["code"] for t in subtopics] == ["crimea"]


def test_filters_combine(client, plan):
    data = ok(client, "/api/v1/provisions/?process=test-process&draft=counter&topic=territory")
    assert data["count"] == 1


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/drafts/?process=nowhere", "process"),
        ("/api/v1/drafts/?topic=nowhere", "topic"),
        ("/api/v1/provisions/?draft=nowhere", "draft"),
        ("/api/v1/provisions/?draft=bad%00value", "draft"),
        ("/api/v1/matters/?topic=" + "x" * 500, "topic"),
        ("/api/v1/sources/?process=nowhere", "process"),
        ("/api/v1/topics/?parent=nowhere", "parent"),
    ],
)
def test_unknown_filter_values_are_400(client, plan, url, parameter):
    err = error(client, url, 400)
    assert err["parameter"] == parameter
    assert err["message"].startswith("There is no")


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/drafts/?colour=red", "colour"),
        ("/api/v1/drafts/?draft=plan", "draft"),  # drafts are not filtered by draft
        ("/api/v1/processes/?topic=territory", "topic"),
        ("/api/v1/drafts/plan/?page=1", "page"),  # details take no parameters
        ("/api/v1/topics/?draft=plan", "draft"),
    ],
)
def test_unknown_parameters_are_400(client, plan, url, parameter):
    err = error(client, url, 400)
    assert err["parameter"] == parameter
    assert "Unknown query parameter" in err["message"]


def test_a_repeated_parameter_is_400(client, plan):
    assert error(client, "/api/v1/drafts/?process=a&process=b", 400)["parameter"] == "process"


# --- ETag and conditional GET ------------------------------------------------------------


def test_every_get_has_an_etag_and_a_matching_if_none_match_gets_304(client, plan):
    for url in (
        "/api/v1/",
        "/api/v1/drafts/",
        "/api/v1/drafts/plan/",
        "/api/v1/provisions/?page_size=2",
        "/api/v1/topics/territory/",
    ):
        response = get(client, url)
        etag = response["ETag"]
        assert etag.startswith('"') and etag.endswith('"')
        again = client.get(url, headers={"if-none-match": etag})
        assert again.status_code == 304
        assert again.content == b""
        assert again["ETag"] == etag
        assert "Accept" in again["Vary"]


def test_etag_is_stable_and_changes_with_the_data(client, plan):
    first = get(client, "/api/v1/drafts/plan/")["ETag"]
    assert get(client, "/api/v1/drafts/plan/")["ETag"] == first
    draft = plan["drafts"][0]
    draft.title = "Retitled"
    draft.save()
    response = client.get("/api/v1/drafts/plan/", headers={"if-none-match": first})
    assert response.status_code == 200
    assert response["ETag"] != first
    assert json.loads(response.content)["title"] == "Retitled"


def test_if_none_match_with_a_list_a_weak_tag_or_a_star(client, plan):
    etag = get(client, "/api/v1/drafts/")["ETag"]
    for header in (f'"nope", {etag}', f"W/{etag}", "*"):
        assert client.get("/api/v1/drafts/", headers={"if-none-match": header}).status_code == 304
    assert client.get("/api/v1/drafts/", headers={"if-none-match": '"nope"'}).status_code == 200


def test_caching_headers(client, plan):
    response = get(client, "/api/v1/drafts/")
    assert "Accept" in response["Vary"] and "Cookie" in response["Vary"]
    assert "no-cache" in response["Cache-Control"] and "public" in response["Cache-Control"]
    failure = client.get("/api/v1/drafts/nowhere/")
    assert "no-store" in failure["Cache-Control"] and not failure.has_header("ETag")
    client.force_login(f.make_user("cached-staff", group="Editors"))
    staff = get(client, "/api/v1/drafts/")
    assert "private" in staff["Cache-Control"] and "public" not in staff["Cache-Control"]


# --- The publish gate --------------------------------------------------------------------

PUBLIC_API = [
    "/api/v1/",
    "/api/v1/processes/",
    "/api/v1/processes/test-process/",
    "/api/v1/drafts/",
    "/api/v1/drafts/revision/",
    "/api/v1/drafts/counter/",
    "/api/v1/drafts/?topic=territory",
    "/api/v1/provisions/",
    "/api/v1/provisions/?topic=territory",
    "/api/v1/matters/",
    "/api/v1/processes/test-process/matters/A16/",
    "/api/v1/topics/",
    "/api/v1/sources/",
    "/api/v1/sources/?topic=territory",
]


@pytest.mark.parametrize("url", PUBLIC_API)
def test_public_api_holds_no_unpublished_material(client, unpublished, url):
    response = get(client, url)
    assert response.status_code == 200
    assert_no_secrets(response.content)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/processes/hidden-process/",
        "/api/v1/drafts/secret-draft/",
        "/api/v1/drafts/hidden-draft/",
        "/api/v1/provisions/secretprov/",
        "/api/v1/provisions/hiddenprov/",
        "/api/v1/sources/secret-src/",
        "/api/v1/processes/hidden-process/matters/H1/",
    ],
)
def test_unpublished_ids_are_404_for_the_public(client, unpublished, url):
    error(client, url, 404)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/provisions/?draft=secret-draft",
        "/api/v1/drafts/?process=hidden-process",
        "/api/v1/matters/?process=hidden-process",
    ],
)
def test_unpublished_filter_values_are_unknown_for_the_public(client, unpublished, url):
    error(client, url, 400)


def test_staff_see_unpublished_material(staff_client, unpublished):
    assert ok(staff_client, "/api/v1/drafts/secret-draft/")["published"] is False
    assert ok(staff_client, "/api/v1/provisions/secretprov/")["draft"] == "secret-draft"
    assert ok(staff_client, "/api/v1/sources/secret-src/")["citation_count"] == 2
    assert ok(staff_client, "/api/v1/processes/")["count"] == 2
    revision = ok(staff_client, "/api/v1/drafts/revision/")
    assert {"draft": "secret-draft", "kind": "revises"} in revision["parents"]


def test_a_matter_detail_by_id_hides_unpublished_entries(client, unpublished, plan):
    a16 = plan["matters"][2]
    matter = ok(client, f"/api/v1/matters/{a16.pk}/")
    assert "secret-draft" not in [e["draft"] for e in matter["entries"]]
    hidden_matter = unpublished["process"].matters.get()
    error(client, f"/api/v1/matters/{hidden_matter.pk}/", 404)


# --- Queries do not grow with the data ---------------------------------------------------


def _grow(process, n: int, start: int) -> None:
    """n more published drafts, each with a lineage link, an author, a cited provision on a
    subtopic, a draft-level citation, a matter row and a source."""
    parent = process.drafts.order_by("pk").last()
    for i in range(start, start + n):
        party = f.make_party()
        topic = f.make_topic(parent=f.make_topic())
        draft = f.make_draft(process, slug=f"grown-{i}")
        draft.authors.set([party])
        if parent is not None:
            f.link(draft, parent)
        provision = f.make_provision(draft)
        provision.topics.set([topic])
        f.cite(provision)
        f.cite(draft)
        f.align(f.make_matter(process, code=f"G{i}"), provision, "new")
        parent = draft


def test_provisions_carry_their_key_terms_with_exact_values(client, plan):
    from apps.terms.models import KeyTerm

    army2 = plan["provisions"]["army2"]
    KeyTerm.objects.create(
        provision=army2, code="army-cap", name="Army cap", value=800000, unit="troops"
    )
    KeyTerm.objects.create(provision=army2, code="review", name="Review", value_text="yearly")
    terms = ok(client, f"/api/v1/provisions/{army2.key}/")["key_terms"]
    assert [(t["code"], t["value"], t["value_text"], t["unit"]) for t in terms] == [
        ("army-cap", "800000", "", "troops"),
        ("review", None, "yearly", ""),
    ]
    exported = json.loads(client.get(f"/drafts/{army2.draft.slug}/export.json").content)
    row = next(r for r in exported["provisions"] if r["key"] == army2.key)
    assert row["key_terms"] == terms


LISTS = [
    "/api/v1/processes/",
    "/api/v1/drafts/",
    "/api/v1/provisions/",
    "/api/v1/matters/",
    "/api/v1/topics/",
    "/api/v1/sources/",
    "/api/v1/provisions/?topic=territory",
    "/api/v1/sources/?process=queries",
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        assert response.status_code == 200
        response.getvalue()  # a streamed export makes its queries as it is read
    return len(ctx.captured_queries)


@pytest.mark.parametrize("who", ["public", "staff"])
def test_list_queries_are_constant_for_1_and_10_items(client, db, who):
    if who == "staff":
        client.force_login(f.make_user("counter-staff", group="Editors"))
    process = f.make_process(slug="queries")
    f.make_topic(code="territory")
    _grow(process, 1, 0)
    before = {url: _queries(client, url) for url in LISTS}
    for i in range(9):  # nine more processes with drafts, so every list grows to 10
        _grow(f.make_process(), 1, 100 + i)
    _grow(process, 9, 1)
    after = {url: _queries(client, url) for url in LISTS}
    assert after == before
    assert ok(client, "/api/v1/drafts/?process=queries")["count"] == 10


def test_export_queries_are_constant_for_1_and_10_provisions(client, db):
    process = f.make_process(slug="queries")
    _grow(process, 1, 0)
    urls = [
        "/drafts/grown-0/export.json",
        "/drafts/grown-0/export.csv",
        "/sources/export.json",
        "/processes/queries/export.json",
    ]
    before = {url: _queries(client, url) for url in urls}
    draft = process.drafts.get(slug="grown-0")
    for _ in range(9):
        p = f.make_provision(draft)
        p.topics.set([f.make_topic()])
        f.cite(p)
    _grow(process, 9, 1)
    after = {url: _queries(client, url) for url in urls}
    assert after == before


def test_paging_the_provisions_counts_them_without_reading_their_citations(client, plan):
    """Each row's citation count is for the rows of the page: the list's total, and the
    ordering before the page is cut, need no citation at all (at 600,000 citations a join
    to them made the unfiltered list take about a second)."""
    terr1 = plan["provisions"]["terr1"]
    f.cite(terr1, published=False, excerpt="Not yet checked.")
    with CaptureQueriesContext(connection) as ctx:
        page = ok(client, "/api/v1/provisions/?page_size=2")
    total, rows = [q["sql"] for q in ctx.captured_queries if "drafts_provision" in q["sql"]][:2]
    assert "COUNT(" in total.upper() and "sources_citation" not in total
    assert 'JOIN "sources_citation"' not in rows  # each row's count is a subquery
    assert page["count"] == 7 and len(page["results"]) == 2
    counts = {p["key"]: p["citation_count"] for p in ok(client, "/api/v1/provisions/")["results"]}
    assert counts[terr1.key] == 2  # its two published citations, not the unpublished one
    assert sorted(counts.values()) == [1, 1, 1, 1, 1, 1, 2]


def test_a_page_of_processes_names_their_drafts_in_two_queries(client, plan):
    """The count and the page: each process's draft slugs come with it, in order, and
    only the drafts the reader may see (a draft per row read made 1,000 objects at scale)."""
    f.make_draft(plan["process"], slug="a-hidden-draft", published=False)
    f.make_process(slug="empty-process")  # no draft: not listed for the public
    with CaptureQueriesContext(connection) as ctx:
        data = ok(client, "/api/v1/processes/")
    assert len(ctx.captured_queries) == 2
    assert [(p["slug"], p["drafts"]) for p in data["results"]] == [
        ("test-process", ["counter", "plan", "revision"])
    ]
    client.force_login(f.make_user("slug-staff", group="Editors"))
    staff = {p["slug"]: p["drafts"] for p in ok(client, "/api/v1/processes/")["results"]}
    assert staff == {
        "test-process": ["a-hidden-draft", "counter", "plan", "revision"],
        "empty-process": [],
    }


def test_a_page_of_sources_counts_their_citations_and_leaves_them_to_each_source(client, plan):
    """A page of sources says how many citations the reader may see of each, and each
    source's own address lists them: at 600,000 citations a page that embedded every one
    was 4 MB and took two and a half seconds. The count and the page are two queries,
    whatever the number of citations."""
    terr1 = plan["provisions"]["terr1"]
    source = terr1.citations.first().source
    f.cite(plan["provisions"]["army2"], source=source)
    f.cite(terr1, source=source, published=False, excerpt="Not yet checked.")
    with CaptureQueriesContext(connection) as ctx:
        page = ok(client, "/api/v1/sources/")
    assert len(ctx.captured_queries) == 2
    assert [x for x in page["results"] if "citations" in x] == []
    row = next(x for x in page["results"] if x["key"] == source.key)
    detail = ok(client, row["api_url"])
    assert row["citation_count"] == len(detail["citations"]) == 2  # not the unpublished one
    assert {k: v for k, v in detail.items() if k != "citations"} == row
    assert sorted(x["citation_count"] for x in page["results"]) == [1] * 7 + [2]


def test_a_public_source_counts_and_lists_only_its_citations_of_public_material(
    client, unpublished, plan
):
    """A source cited on public and on unpublished material: the public sees it, with the
    citations of public material only, in the list's count and in its own listing."""
    terr1 = plan["provisions"]["terr1"]
    source = terr1.citations.first().source
    f.cite(unpublished["provision"], source=source, excerpt="Secret excerpt again.")
    f.cite(unpublished["draft"], source=source, locator="hidden locator")
    f.cite(terr1, source=source, published=False, excerpt="A secret note not yet checked.")
    listed = ok(client, "/api/v1/sources/")
    detail = get(client, f"/api/v1/sources/{source.key}/")
    assert_no_secrets(detail.content)
    row = next(x for x in listed["results"] if x["key"] == source.key)
    assert row["citation_count"] == len(json.loads(detail.content)["citations"]) == 1
