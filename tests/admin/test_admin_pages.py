"""Every editor-facing admin page: who may see it, who may write, and what it costs."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .conftest import build_world

# (admin url name prefix, key of the object in build_world)
MODELS = [
    ("drafts_peaceprocess", "process"),
    ("drafts_party", "party"),
    ("drafts_topic", "topic"),
    ("drafts_draft", "draft"),
    ("drafts_provision", "provision"),
    ("sources_source", "source"),
    ("sources_citation", "citation"),
    ("alignment_matter", "matter"),
    ("positions_position", "position"),
]


def urls_for(world):
    for prefix, key in MODELS:
        obj = world[key]
        yield f"{prefix} changelist", reverse(f"admin:{prefix}_changelist")
        yield f"{prefix} add", reverse(f"admin:{prefix}_add")
        yield f"{prefix} change", reverse(f"admin:{prefix}_change", args=[obj.pk])


@pytest.fixture
def world(db):
    return build_world(3)


@pytest.mark.django_db
def test_every_admin_page_opens_for_an_editor(editor_client, world):
    for name, url in urls_for(world):
        response = editor_client.get(url)
        assert response.status_code == 200, name
        assert b"Server Error" not in response.content, name


@pytest.mark.django_db
def test_anonymous_is_sent_to_login_from_every_admin_page(client, world):
    for name, url in urls_for(world):
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("admin:login")), name


@pytest.mark.django_db
def test_viewer_reads_but_cannot_write(viewer_client, world):
    for prefix, key in MODELS:
        obj = world[key]
        changelist = viewer_client.get(reverse(f"admin:{prefix}_changelist"))
        assert changelist.status_code == 200, prefix
        assert reverse(f"admin:{prefix}_add").encode() not in changelist.content, prefix

        change_url = reverse(f"admin:{prefix}_change", args=[obj.pk])
        page = viewer_client.get(change_url)
        assert page.status_code == 200, prefix
        assert b'name="_save"' not in page.content, prefix
        assert b"readonly" in page.content, prefix

        assert viewer_client.get(reverse(f"admin:{prefix}_add")).status_code == 403, prefix
        before = type(obj).objects.count()
        assert viewer_client.post(change_url, {}).status_code == 403, prefix
        delete_url = reverse(f"admin:{prefix}_delete", args=[obj.pk])
        assert viewer_client.post(delete_url, {"post": "yes"}).status_code == 403, prefix
        assert type(obj).objects.count() == before, prefix


def _queries(client, url) -> int:
    client.get(url)  # warm per-process caches (content types, permissions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_admin_query_counts_do_not_grow_with_rows(editor, client):
    """1 row or 11 rows: the same number of queries on every changelist and change form."""
    client.force_login(editor)
    small = build_world(1)
    small_counts = {}
    for name, url in urls_for(small):
        small_counts[name] = _queries(client, url)

    big = build_world(10)
    for name, url in urls_for(big):
        assert _queries(client, url) == small_counts[name], name
        assert small_counts[name] <= 25, name
