from __future__ import annotations

import re

import pytest

from tests import factories as f


def test_home_lists_drafts_with_lineage_status_and_recent_changes(client, plan):
    hidden = f.make_draft(plan["process"], label="Secret draft", published=False)
    html = client.get("/").content.decode()
    assert "Test process" in html
    for label in ("Plan", "Counter", "Revision"):
        assert f">{label}</a>" in html
    assert 'Answers <a href="/drafts/plan/">Plan</a>' in html
    assert 'href="/compare/plan...counter/"' in html
    assert "Reported only" in html
    assert "Most recent changes" in html
    assert hidden.label not in html


def test_home_is_drawn_once_per_audience_until_an_edit(client, plan):
    """A repeat visit reads only the count of processes; previewers get their own copy
    (with unpublished drafts), never the public's, and an edit shows at once."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    f.make_draft(plan["process"], label="Secret draft", published=False)
    editor = Client()
    editor.force_login(f.make_user("editor", group="Editors"))

    def visit(who=client) -> tuple[int, str]:
        with CaptureQueriesContext(connection) as ctx:
            html = who.get("/").content.decode()
        return len(ctx.captured_queries), html

    assert "Secret draft" in visit(editor)[1]
    first, html = visit()
    assert "Secret draft" not in html
    again, html = visit()
    assert again <= 1 < first, (first, again)
    assert ">Counter</a>" in html and "Most recent changes" in html
    assert "Secret draft" not in html and "Secret draft" in visit(editor)[1]

    counter = plan["drafts"][1]
    counter.label = "Counter-proposal"
    counter.save()
    html = visit()[1]
    assert ">Counter-proposal</a>" in html and ">Counter</a>" not in html


def test_home_with_a_second_process_of_one_draft(client, plan):
    other = f.make_process(name="Second process")
    f.make_draft(other, label="Lone draft", slug="lone")
    html = client.get("/").content.decode()
    assert "Second process" in html and "Lone draft" in html
    page = client.get("/drafts/lone/")
    assert page.status_code == 200


def test_draft_page_lists_provisions_in_order_with_citations(client, plan):
    html = client.get("/drafts/plan/").content.decode()
    labels = re.findall(r'<span class="label">([^<]+)</span>', html)
    assert labels == ["6", "21", "1"]
    assert 'Sources (2) · <span class="badge disputed">Disputed by 1</span>' in html
    assert "Reports informal recognition only." in html
    assert "Grade B" in html


def test_draft_page_links_each_provision_to_its_comparison_row(client, plan):
    html = client.get("/drafts/counter/").content.decode()
    m_army = plan["matters"][1]
    assert f'href="/compare/plan...counter/#matter-{m_army.pk}"' in html
    assert "Reworded" in html and "Softened" in html


def test_draft_page_topic_filter_and_fragment(client, plan):
    html = client.get("/drafts/plan/?topic=territory").content.decode()
    assert re.findall(r'<span class="label">([^<]+)</span>', html) == ["21"]
    fragment = client.get("/drafts/plan/?topic=territory", headers={"HX-Request": "true"})
    body = fragment.content.decode()
    assert "<html" not in body and body.lstrip().startswith('<section id="provision-list"')
    assert "HX-Request" in fragment["Vary"]
    restore = client.get(
        "/drafts/plan/?topic=territory",
        headers={"HX-Request": "true", "HX-History-Restore-Request": "true"},
    )
    assert "<html" in restore.content.decode()


def test_draft_page_unknown_topic_is_a_400_with_a_way_back(client, plan):
    response = client.get("/drafts/plan/?topic=nowhere")
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is no topic “nowhere”" in html
    assert 'href="/drafts/plan/"' in html


def test_draft_page_topic_with_nul_bytes_is_a_400(client, plan):
    response = client.get("/drafts/plan/?topic=a%00b")
    assert response.status_code == 400
    assert "There is no topic" in response.content.decode()


def test_every_public_page_has_canonical_and_preview_tags(client, plan):
    key = plan["provisions"]["terr1"].key
    for url in [
        "/",
        "/compare/",
        "/drafts/plan/",
        f"/provisions/{key}/",
        "/compare/plan...counter/",
    ]:
        html = client.get(url).content.decode()
        assert '<link rel="canonical" href="http://testserver/' in html, url
        for tag in ('property="og:title"', 'property="og:description"', 'name="twitter:title"'):
            assert tag in html, (url, tag)


def test_unpublished_and_unknown_drafts_are_404_for_the_public(client, plan):
    draft = plan["drafts"][0]
    draft.published = False
    draft.save()
    assert client.get("/drafts/plan/").status_code == 404
    key = plan["provisions"]["terr1"].key
    assert client.get(f"/provisions/{key}/").status_code == 404
    missing = client.get("/drafts/nowhere/")
    assert missing.status_code == 404
    assert "Back to all drafts" in missing.content.decode()
    client.force_login(f.make_user("staff", group="Editors"))
    assert "Unpublished (staff preview)" in client.get("/drafts/plan/").content.decode()


def test_provision_sources_page_and_fragment(client, plan):
    key = plan["provisions"]["terr1"].key
    page = client.get(f"/provisions/{key}/").content.decode()
    assert "<html" in page and "Reports informal recognition only." in page
    fragment = client.get(f"/provisions/{key}/", headers={"HX-Request": "true"})
    body = fragment.content.decode()
    assert "<html" not in body
    assert body.lstrip().startswith('<section id="citations"')
    # disputing reports come first
    assert body.index("Disputes") < body.index("Supports")


@pytest.mark.django_db
def test_draft_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    process = f.make_process()
    draft = f.make_draft(process)
    topic = f.make_topic()
    for _ in range(30):
        p = f.make_provision(draft)
        p.topics.set([topic])
        f.cite(p), f.cite(p, stance="disputes")
        f.align(f.make_matter(process), p, "new")
    with django_assert_max_num_queries(12):
        assert client.get(draft.get_absolute_url()).status_code == 200


@pytest.mark.django_db
def test_home_shows_processes_a_page_at_a_time_in_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    def add(n):
        for _ in range(n):
            process = f.make_process(name=f"Process {len(names) + 1:02d}", position=len(names))
            names.append(process.name)
            parent = f.make_draft(process, label=f"First of {process.name}")
            f.link(f.make_draft(process, label=f"Second of {process.name}"), parent)

    names: list[str] = []
    add(3)
    with django_assert_max_num_queries(12) as few:
        client.get("/")
    add(4)
    with django_assert_max_num_queries(len(few.captured_queries)):
        first = client.get("/").content.decode()

    assert [n for n in names if f">{n}</h2>" in first] == names[:5]
    assert "Processes 1–5 of 7" in first
    assert 'href="?page=2" rel="next">More processes</a>' in first
    second = client.get("/", {"page": 2}).content.decode()
    assert [n for n in names if f">{n}</h2>" in second] == names[5:]
    assert "First of Process 07" in second and "Second of Process 07" in second
    assert 'href="?page=1" rel="prev"' in second
    # A page number out of range or not a number shows a page that exists.
    assert "Processes 6–7 of 7" in client.get("/", {"page": 99}).content.decode()
    assert "Processes 1–5 of 7" in client.get("/", {"page": "x"}).content.decode()
