"""Issue 14: two provisions of a draft swap their labels in one save."""

from __future__ import annotations

from django.urls import reverse

from apps.history.models import Change
from tests import factories as f
from tests.admin.forms import form_data


def test_swapping_two_provisions_labels_in_one_save_is_allowed(editor_client):
    draft = f.make_draft()
    first = f.make_provision(draft, label="1", heading="First", position=1)
    second = f.make_provision(draft, label="2", heading="Second", position=2)
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data["provisions-0-label"], data["provisions-1-label"] = "2", "1"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:4000]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.label, second.label) == ("2", "1")
    # Each provision's history says what happened to it, not an intermediate placeholder.
    change = Change.objects.for_object(first).latest("pk")
    assert (change.fields["label"]["before"], change.fields["label"]["after"]) == ("1", "2")
    change = Change.objects.for_object(second).latest("pk")
    assert (change.fields["label"]["before"], change.fields["label"]["after"]) == ("2", "1")


def test_a_label_given_up_by_a_deleted_row_can_be_taken_in_the_same_save(editor_client):
    draft = f.make_draft()
    f.make_provision(draft, label="1", heading="First", position=1)
    second = f.make_provision(draft, label="2", heading="Second", position=2)
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data["provisions-0-DELETE"] = "on"
    data["provisions-1-label"] = "1"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:4000]
    second.refresh_from_db()
    assert second.label == "1"
    assert list(draft.provisions.values_list("label", flat=True)) == ["1"]
