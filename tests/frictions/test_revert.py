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
