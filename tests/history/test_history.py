"""Every edit is recorded with who, when, which fields; provisions and matters revert."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.alignment.models import MatterEntry
from apps.drafts.models import Provision
from apps.history.models import Change
from tests import factories as f
from tests.admin.forms import form_data


@pytest.fixture
def editor(db):
    return f.make_user("edna", group="Editors")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def _edit_provision(client, provision, **changes):
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = form_data(client.get(url))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.mark.django_db
def test_admin_edit_is_recorded_with_user_and_changed_fields(editor_client, editor):
    provision = f.make_provision(f.make_draft(), heading="Army cap", body="<p>600,000.</p>")
    _edit_provision(
        editor_client, provision, heading="Army cap (peacetime)", body="<p>800,000.</p>"
    )
    change = Change.objects.for_object(provision).first()
    assert change.action == "changed"
    assert change.user == editor and change.user_name == "edna"
    assert change.fields["heading"] == {
        "label": "heading",
        "before": "Army cap",
        "after": "Army cap (peacetime)",
    }
    assert change.fields["body"]["before"] == "600,000."
    assert change.fields["body"]["after"] == "800,000."
    assert set(change.fields) == {"heading", "body"}


@pytest.mark.django_db
def test_every_curated_model_is_recorded():
    process = f.make_process()
    draft = f.make_draft(process)
    provision = f.make_provision(draft)
    source = f.make_source()
    citation = f.cite(provision, source)
    matter = f.make_matter(process)
    entry = f.align(matter, provision)
    for obj in (draft, provision, source, citation, matter, entry):
        assert Change.objects.for_object(obj).filter(action="created").exists(), obj
    source.outlet = "Renamed outlet"
    source.save()
    assert Change.objects.for_object(source).first().fields["outlet"]["after"] == "Renamed outlet"
    topic = f.make_topic(name="Crimea")
    provision.topics.add(topic)
    assert Change.objects.for_object(provision).first().fields["topics"]["after"] == "Crimea"


@pytest.mark.django_db
def test_history_page_shows_a_readable_field_diff(editor_client):
    provision = f.make_provision(f.make_draft(), body="<p>Army capped at 600,000.</p>")
    _edit_provision(editor_client, provision, body="<p>Army capped at 800,000.</p>")
    page = editor_client.get(reverse("admin:drafts_provision_history", args=[provision.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "by edna" in html
    assert '<del><span class="sr-only">[deleted: </span>600,000' in html
    assert '<ins><span class="sr-only">[inserted: </span>800,000' in html
    assert "Revert to this version" in html


@pytest.mark.django_db
def test_revert_restores_a_provision_and_is_recorded(editor_client, editor):
    provision = f.make_provision(f.make_draft(), heading="Original", body="<p>First text.</p>")
    original = Change.objects.for_object(provision).first()
    _edit_provision(editor_client, provision, heading="Edited", body="<p>Second text.</p>")
    url = reverse("admin:history_change_revert", args=[original.pk])
    confirm = editor_client.get(url)
    assert "Restore this version?" in confirm.content.decode()
    response = editor_client.post(url)
    assert response.status_code == 302
    provision.refresh_from_db()
    assert (provision.heading, provision.body) == ("Original", "<p>First text.</p>")
    latest = Change.objects.for_object(provision).first()
    assert latest.action == "reverted" and latest.user == editor
    assert latest.reverted_from == original
    assert latest.fields["heading"]["after"] == "Original"


@pytest.mark.django_db
def test_deleting_a_provision_keeps_its_history_and_it_can_be_restored(editor_client):
    draft = f.make_draft()
    provision = f.make_provision(draft, label="7", heading="Kept")
    pk = provision.pk
    url = reverse("admin:drafts_provision_delete", args=[pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 302
    assert not Provision.objects.filter(pk=pk).exists()
    rows = Change.objects.for_object_id(Provision, pk)
    assert [c.action for c in rows] == ["deleted", "created"]
    deleted = rows.first()
    listing = editor_client.get(reverse("admin:history_change_changelist") + "?action=deleted")
    assert "Kept" in listing.content.decode()
    editor_client.post(reverse("admin:history_change_revert", args=[deleted.pk]))
    restored = Provision.objects.get(pk=pk)
    assert (restored.label, restored.heading, restored.draft_id) == ("7", "Kept", draft.pk)


@pytest.mark.django_db
def test_revert_to_a_version_whose_draft_was_deleted_changes_nothing(editor_client):
    draft = f.make_draft(label="Gone draft")
    provision = f.make_provision(draft)
    version = Change.objects.for_object(provision).first()
    draft.delete()
    before = Change.objects.count()
    response = editor_client.post(
        reverse("admin:history_change_revert", args=[version.pk]), follow=True
    )
    html = response.content.decode()
    assert "has been deleted, so the provision cannot be restored. Nothing was changed." in html
    assert not Provision.objects.filter(pk=provision.pk).exists()
    assert Change.objects.count() == before


@pytest.mark.django_db
def test_matter_alignment_changes_are_recorded_and_revertible(editor_client):
    process = f.make_process()
    d1, d2 = f.make_draft(process), f.make_draft(process)
    p1, p2 = f.make_provision(d1), f.make_provision(d2)
    matter = f.make_matter(process, title="Army size")
    f.align(matter, p1, "new")
    version = Change.objects.for_object(matter).first()
    assert version.fields["entries"]["label"] == "aligned provisions"
    f.align(matter, p2, "reworded", label="softened", rationale="Higher cap.")
    matter.title = "Army size and structure"
    matter.save()
    history = editor_client.get(reverse("admin:alignment_matter_history", args=[matter.pk]))
    assert "Aligned provisions" in history.content.decode()

    editor_client.post(reverse("admin:history_change_revert", args=[version.pk]))
    matter.refresh_from_db()
    assert matter.title == "Army size"
    assert list(MatterEntry.objects.filter(matter=matter).values_list("provision", flat=True)) == [
        p1.pk
    ]
    latest = Change.objects.for_object(matter).first()
    assert latest.action == "reverted"
    assert latest.fields["title"]["before"] == "Army size and structure"
    assert Change.objects.for_object(matter).filter(action="reverted").count() == 1


@pytest.mark.django_db
def test_viewers_read_history_but_cannot_revert(client):
    viewer = f.make_user("victor", group="Viewers")
    client.force_login(viewer)
    provision = f.make_provision(f.make_draft())
    version = Change.objects.for_object(provision).first()
    page = client.get(reverse("admin:drafts_provision_history", args=[provision.pk]))
    assert page.status_code == 200
    assert "Revert to this version" not in page.content.decode()
    url = reverse("admin:history_change_revert", args=[version.pk])
    assert client.post(url).status_code == 403
    assert client.get(reverse("admin:history_change_changelist")).status_code == 200
