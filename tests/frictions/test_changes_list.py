"""Issue 14: the Changes list filters by curated content types only, and names what a
deleted citation cited."""

from __future__ import annotations

import re

from django.urls import reverse

from apps.history.models import Change
from apps.sources.models import Citation
from tests import factories as f


def test_changes_filter_lists_only_curated_content_types(editor_client):
    page = editor_client.get(reverse("admin:history_change_changelist")).content.decode()
    kinds = re.findall(r'<a href="\?content_type__id__exact=\d+">([^<]+)</a>', page)
    assert sorted(kinds) == [
        "Aligned provision",
        "Citation",
        "Draft",
        "Key term",
        "Lineage link",
        "Matter",
        "Position",
        "Provision",
        "Rejected suggestion",
        "Source",
    ]


def test_a_citation_deleted_with_its_provision_is_named_in_its_record(editor_client):
    draft = f.make_draft(label="Kyiv revision")
    provision = f.make_provision(draft, label="7", heading="Ceasefire")
    source = f.make_source(key="s44")
    citation = f.cite(provision, source)
    provision.delete()
    change = Change.objects.for_object_id(Citation, citation.pk).get(action="deleted")
    assert "deleted item" not in change.object_repr
    assert change.object_repr.startswith("s44 → Kyiv revision · 7 Ceasefire")


def test_a_citation_deleted_with_its_source_gone_still_names_its_source(db):
    citation = f.cite(f.make_provision(f.make_draft()), f.make_source(key="s45"))
    citation.source_id = 10**9  # as when read mid-cascade, its source row already gone
    assert str(citation).startswith(f"source #{10**9} → ")
    assert "a deleted item" not in str(citation)
