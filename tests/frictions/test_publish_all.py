"""Issue 14: "Publish with everything" publishes a draft with its provisions and citations,
after a checklist of what it will publish and what is still missing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests import factories as f


@pytest.fixture
def publisher_client(client, db):
    user = f.make_user("pia", group="Editors")
    user.groups.add(Group.objects.get(name="Publishers"))
    client.force_login(user)
    return client


@pytest.fixture
def unpublished(db):
    draft = f.make_draft(label="Kyiv revision", published=False)
    cited = f.make_provision(draft, label="1", heading="Ceasefire", published=False)
    uncited = f.make_provision(draft, label="2", heading="Elections", published=False)
    citation = f.cite(cited, f.make_source(key="s50"), published=False)
    draft_citation = f.cite(draft, f.make_source(key="s51"), published=False)
    f.align(f.make_matter(draft.process), cited, relation="new")
    return {
        "draft": draft,
        "cited": cited,
        "uncited": uncited,
        "citations": [citation, draft_citation],
    }


def test_publish_with_everything_shows_a_checklist_then_publishes(publisher_client, unpublished):
    draft = unpublished["draft"]
    change = publisher_client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    url = reverse("admin:drafts_draft_publish_all", args=[draft.pk])
    assert url in change.content.decode()
    html = publisher_client.get(url).content.decode()
    assert "2 provisions" in html and "2 citations" in html
    assert "Not cited: 2 Elections" in html
    assert "In no matter: 2 Elections" in html
    response = publisher_client.post(url)
    assert response.status_code == 302
    for obj in [draft, unpublished["cited"], unpublished["uncited"], *unpublished["citations"]]:
        obj.refresh_from_db()
        assert obj.published, obj


def test_editors_who_cannot_publish_are_refused(editor_client, unpublished):
    url = reverse("admin:drafts_draft_publish_all", args=[unpublished["draft"].pk])
    assert editor_client.post(url).status_code == 403
    unpublished["draft"].refresh_from_db()
    assert not unpublished["draft"].published
