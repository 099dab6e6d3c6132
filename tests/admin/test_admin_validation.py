"""Bad input in the admin: a clear message, and nothing saved half-way."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.alignment.models import MatterEntry
from apps.drafts.models import Draft, Provision
from apps.sources.models import Citation, Source
from tests import factories as f

from .forms import form_data


def _errors(response) -> str:
    assert response.status_code == 200, "the form should be shown again, not saved"
    return response.content.decode()


@pytest.mark.django_db
def test_impossible_date_is_refused_with_a_message(editor_client):
    draft = f.make_draft(title="Original title")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(title="Changed title", presented_date="2025-02-30")
    page = _errors(editor_client.post(url, data))
    assert "is not a real date" in page
    draft.refresh_from_db()
    assert draft.title == "Original title"


@pytest.mark.django_db
def test_future_date_is_refused_with_a_message(editor_client):
    draft = f.make_draft()
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(reported_date="2099-01-01")
    page = _errors(editor_client.post(url, data))
    assert "Date first reported cannot be in the future" in page
    assert Draft.objects.get(pk=draft.pk).reported_on is None


@pytest.mark.django_db
def test_month_precision_is_stored_as_the_first_of_the_month(editor_client):
    draft = f.make_draft()
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(presented_date="Nov 2025")
    response = editor_client.post(url, data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.presented_on.isoformat() == "2025-11-01"
    assert draft.presented_display == "Nov 2025"


@pytest.mark.django_db
def test_two_provisions_with_one_label_are_refused_and_nothing_is_saved(editor_client):
    draft = f.make_draft(title="Original title")
    first = f.make_provision(draft, label="1", heading="First")
    f.make_provision(draft, label="2", heading="Second")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data["title"] = "Changed title"
    data["provisions-0-heading"] = "First, edited"
    data["provisions-1-label"] = "1"
    page = _errors(editor_client.post(url, data))
    assert "two provisions of one draft cannot share a label" in page
    first.refresh_from_db()
    assert first.heading == "First"
    assert Draft.objects.get(pk=draft.pk).title == "Original title"


@pytest.mark.django_db
def test_a_new_row_reusing_a_saved_label_is_refused(editor_client):
    draft = f.make_draft()
    f.make_provision(draft, label="12a")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "provisions-TOTAL_FORMS": "2",
            "provisions-1-label": "12a",
            "provisions-1-position": "2",
            "provisions-1-state": "known",
            "provisions-1-heading": "Duplicate",
        }
    )
    page = _errors(editor_client.post(url, data))
    assert "12a" in page and "share a label" in page
    assert draft.provisions.count() == 1


@pytest.mark.django_db
def test_unnumbered_provisions_may_share_the_dash(editor_client):
    draft = f.make_draft()
    f.make_provision(draft, label="—")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "provisions-TOTAL_FORMS": "2",
            "provisions-1-label": "-",
            "provisions-1-position": "2",
            "provisions-1-state": "paraphrased",
        }
    )
    assert editor_client.post(url, data).status_code == 302
    assert list(draft.provisions.values_list("label", flat=True)) == ["—", "—"]


@pytest.mark.django_db
def test_reordering_renumbers_positions(editor_client):
    draft = f.make_draft()
    a = f.make_provision(draft, label="1", position=1)
    b = f.make_provision(draft, label="2", position=2)
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = form_data(editor_client.get(url))
    data["provisions-0-position"] = "30"
    data["provisions-1-position"] = "10"
    assert editor_client.post(url, data).status_code == 302
    assert list(draft.provisions.order_by("position").values_list("pk", "position")) == [
        (b.pk, 1),
        (a.pk, 2),
    ]


@pytest.mark.django_db
def test_matter_with_two_provisions_of_one_draft_needs_split_or_merged(editor_client):
    process = f.make_process()
    draft = f.make_draft(process)
    p1, p2 = f.make_provision(draft), f.make_provision(draft)
    matter = f.make_matter(process, title="Army size")
    f.align(matter, p1, relation="new")
    url = reverse("admin:alignment_matter_change", args=[matter.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "title": "Army size (edited)",
            "entries-TOTAL_FORMS": "2",
            "entries-1-provision": str(p2.pk),
            "entries-1-relation": "same",
        }
    )
    page = _errors(editor_client.post(url, data))
    assert "Two provisions of the same draft are in this matter" in page
    assert matter.entries.count() == 1
    matter.refresh_from_db()
    assert matter.title == "Army size"

    data["entries-0-relation"] = "split"
    data["entries-1-relation"] = "split"
    assert editor_client.post(url, data).status_code == 302
    assert set(matter.entries.values_list("relation", flat=True)) == {"split"}


@pytest.mark.django_db
def test_matter_refuses_a_provision_of_another_process(editor_client):
    matter = f.make_matter(f.make_process())
    foreign = f.make_provision(f.make_draft(f.make_process()))
    url = reverse("admin:alignment_matter_change", args=[matter.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "entries-TOTAL_FORMS": "1",
            "entries-0-provision": str(foreign.pk),
            "entries-0-relation": "new",
        }
    )
    page = _errors(editor_client.post(url, data))
    assert "belongs to a draft of another peace process" in page
    assert not MatterEntry.objects.exists()


@pytest.mark.django_db
def test_citation_without_provision_or_draft_is_refused(editor_client):
    source = f.make_source()
    url = reverse("admin:sources_citation_add")
    data = form_data(editor_client.get(url))
    data.update(source=str(source.pk), stance="supports")
    page = _errors(editor_client.post(url, data))
    assert "must be attached to a provision, a draft or a position" in page
    assert not Citation.objects.exists()


@pytest.mark.django_db
def test_javascript_url_on_a_source_is_refused(editor_client):
    url = reverse("admin:sources_source_add")
    data = form_data(editor_client.get(url))
    data.update(
        key="s99",
        outlet="Outlet",
        headline="Headline",
        url="javascript:alert(1)",
        reliability="A",
        kind="news",
        published_precision="day",
    )
    page = _errors(editor_client.post(url, data))
    assert "Enter a web address starting with http:// or https://." in page
    assert not Source.objects.filter(key="s99").exists()


@pytest.mark.django_db
def test_editor_html_is_sanitised_when_saved_through_the_admin(editor_client):
    draft = f.make_draft()
    provision = f.make_provision(draft)
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = form_data(editor_client.get(url))
    data["body"] = '<p onclick="x()">Kept <script>alert(1)</script><a href="javascript:x">l</a></p>'
    assert editor_client.post(url, data).status_code == 302
    provision.refresh_from_db()
    assert provision.body == '<p>Kept alert(1)<a rel="noopener nofollow">l</a></p>'
    assert Provision.objects.filter(body__contains="<script").count() == 0


@pytest.mark.django_db
def test_provision_page_also_enforces_one_draft_per_matter(editor_client):
    process = f.make_process()
    draft = f.make_draft(process)
    p1, p2 = f.make_provision(draft), f.make_provision(draft)
    matter = f.make_matter(process, code="A10")
    f.align(matter, p1, relation="new")
    url = reverse("admin:drafts_provision_change", args=[p2.pk])
    data = form_data(editor_client.get(url))
    data.update(
        {
            "entries-TOTAL_FORMS": "1",
            "entries-0-matter": str(matter.pk),
            "entries-0-relation": "same",
        }
    )
    page = _errors(editor_client.post(url, data))
    assert "Matter A10: Two provisions of the same draft are in this matter" in page
    assert matter.entries.count() == 1


@pytest.mark.django_db
def test_draft_slug_cannot_change_once_saved(editor_client):
    draft = f.make_draft(slug="stable-slug")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    page = editor_client.get(url).content.decode()
    assert 'name="slug"' not in page
    data = form_data(editor_client.get(url))
    data["slug"] = "changed-slug"
    assert editor_client.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.slug == "stable-slug"
