"""Issue 14: reverting — a deleted object's history stays at its old admin URL."""

from __future__ import annotations

from django.urls import reverse

from tests import factories as f


def test_a_deleted_provisions_history_stays_at_its_admin_url(editor_client):
    draft = f.make_draft(label="Kyiv revision")
    provision = f.make_provision(draft, label="7", heading="Ceasefire")
    provision.heading = "Ceasefire now"
    provision.save()
    pk = provision.pk
    provision.delete()
    response = editor_client.get(reverse("admin:drafts_provision_history", args=[pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kyiv revision · 7 Ceasefire now (deleted)" in html
    assert "Deleted" in html and "Revert to this version…" in html


def test_an_unknown_objects_history_still_redirects(editor_client):
    response = editor_client.get(reverse("admin:drafts_provision_history", args=[999999]))
    assert response.status_code == 302


def test_restoring_a_deleted_provision_brings_back_its_citations_and_matter_entries(
    editor_client,
):
    from apps.alignment.models import MatterEntry
    from apps.drafts.models import Provision
    from apps.history.models import Change
    from apps.sources.models import Citation

    draft = f.make_draft(label="Kyiv revision")
    provision = f.make_provision(draft, label="7", heading="Ceasefire")
    cited = [f.cite(provision, f.make_source()), f.cite(provision, f.make_source())]
    matter = f.make_matter(draft.process)
    f.align(matter, provision, relation="new")
    pk = provision.pk
    created = Change.objects.for_object(provision).get(action="created")
    provision.delete()
    assert not Citation.objects.filter(pk__in=[c.pk for c in cited]).exists()

    url = reverse("admin:history_change_revert", args=[created.pk])
    response = editor_client.post(url)
    assert response.status_code == 302
    restored = Provision.objects.get(pk=pk)
    assert sorted(restored.citations.values_list("pk", flat=True)) == sorted(c.pk for c in cited)
    assert MatterEntry.objects.filter(provision=restored, matter=matter).exists()
    page = editor_client.get(response.url).content.decode()
    assert "2 citations and 1 matter entry" in page


def test_revert_confirmation_shows_what_changes_from_now_to_the_restored_version(editor_client):
    from apps.history.models import Change

    provision = f.make_provision(f.make_draft(), heading="One")
    provision.heading = "Two"
    provision.save()
    to_two = Change.objects.for_object(provision).latest("pk")
    provision.heading = "Three"
    provision.save()
    page = editor_client.get(reverse("admin:history_change_revert", args=[to_two.pk]))
    html = page.content.decode()
    assert "Now → after the revert" in html
    assert '<td class="before">Three</td>' in html
    assert '<td class="before">One</td>' not in html  # not the chosen entry's own change
