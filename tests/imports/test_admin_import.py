"""The admin's paste-to-import: preview with warnings, confirm in one transaction, refusals."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from apps.drafts.models import Provision
from apps.imports.forms import max_rows
from apps.imports.importer import ImportFailed, Row, import_rows
from apps.sources.models import Citation, Source
from tests import factories as f
from tests.admin.forms import form_data

TEXT = """Security guarantees

1. Ukraine receives a guarantee
modelled on Article 5.
2. Europe joins the guarantee.
4. The guarantee lapses
if Ukraine invades Russia.
a) as decided by the board
b) after a review
"""


def url_for(draft) -> str:
    return reverse("admin:drafts_draft_import", args=[draft.pk])


def preview(client, draft, **data):
    data = {"action": "preview", "text": TEXT, **data}
    return client.post(url_for(draft), data)


def confirm(client, preview_page, **changes):
    """Submit the preview as the editor sees it (with `changes`), pressing Import."""
    data = form_data(preview_page)
    data.update(action="confirm", **changes)
    return client.post(preview_page.wsgi_request.path, data)


def test_the_draft_page_links_to_the_import(editor_client, draft):
    page = editor_client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    assert "Import provisions from pasted text" in page.content.decode()
    assert url_for(draft) in page.content.decode()


def test_step_one_asks_for_the_text_and_the_source(editor_client, draft, source):
    page = editor_client.get(url_for(draft)).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert '<textarea name="text"' in page
    assert "s07 · Axios: The full text" in page
    assert 'name="new_published"' in page
    assert "Import provisions" in page  # breadcrumbs
    assert reverse("admin:drafts_draft_change", args=[draft.pk]) in page


def test_preview_lists_every_provision_with_its_warnings_and_creates_nothing(
    editor_client, draft, source, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        page = preview(editor_client, draft, source=source.pk)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Step 2 of 2" in html
    assert html.count('class="import-row') == 3
    assert "Numbering jumps from 2 to 4: point 3 is missing." in html
    assert "a) as decided by the board" in html
    assert "Security guarantees" in html
    assert "s07 · Axios: The full text" in html
    assert "<strong>21 Nov 2025</strong> (exact day)" in html
    data = form_data(page)
    assert [data[f"form-{i}-label"] for i in range(3)] == ["1", "2", "4"]
    assert data["form-0-body"] == ("<p>Ukraine receives a guarantee modelled on Article 5.</p>")
    assert not Provision.objects.exists()


def test_preview_query_count_does_not_grow_with_the_rows(
    editor_client, draft, source, django_assert_max_num_queries
):
    long_text = "\n".join(f"{n}. Point number {n}." for n in range(1, 41))
    with django_assert_max_num_queries(8):
        page = preview(editor_client, draft, source=source.pk, text=long_text)
    assert page.content.decode().count('class="import-row') == 40


def test_confirm_creates_every_provision_and_a_citation_of_the_source_on_each(
    editor_client, draft, source
):
    f.make_provision(draft, label="28", position=1)
    page = preview(editor_client, draft, source=source.pk)
    response = confirm(editor_client, page)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:drafts_draft_change", args=[draft.pk])
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Imported 3 provisions."]
    created = list(draft.provisions.exclude(label="28").order_by("position"))
    assert [(p.label, p.heading, p.position) for p in created] == [
        ("1", "Security guarantees", 2),
        ("2", "Security guarantees", 3),
        ("4", "Security guarantees", 4),
    ]
    assert created[2].body == (
        "<p>The guarantee lapses if Ukraine invades Russia.</p>"
        "<ul><li>a) as decided by the board</li><li>b) after a review</li></ul>"
    )
    citations = Citation.objects.filter(provision__in=created).order_by("provision__position")
    assert [(c.source_id, c.locator) for c in citations] == [
        (source.pk, "point 1"),
        (source.pk, "point 2"),
        (source.pk, "point 4"),
    ]


def test_corrections_and_unticked_rows_are_respected(editor_client, draft, source):
    page = preview(editor_client, draft, source=source.pk)
    data = form_data(page)
    del data["form-1-include"]  # untick point 2
    data.update(
        {
            "action": "confirm",
            "form-2-label": "3",
            "form-2-heading": "Lapse",
            "form-2-body": '<p onclick="x()">Lapses.<script>alert(1)</script></p>',
        }
    )
    response = editor_client.post(url_for(draft), data)
    assert response.status_code == 302
    rows = list(draft.provisions.values_list("label", "heading", "body"))
    assert rows == [
        ("1", "Security guarantees", "<p>Ukraine receives a guarantee modelled on Article 5.</p>"),
        ("3", "Lapse", "<p>Lapses.alert(1)</p>"),
    ]


def test_a_new_source_is_created_with_the_date_as_typed(editor_client, draft):
    f.make_source(key="s52")
    page = preview(
        editor_client,
        draft,
        new_outlet="Kyiv Post",
        new_headline="Leaked: the plan",
        new_url="https://example.org/plan",
        new_reliability="B",
        new_published="late November 2025",
    )
    html = page.content.decode()
    assert "read as <strong>Nov 2025 (month only)</strong>" in html
    assert "s53 (new) · Kyiv Post: Leaked: the plan" in html
    assert not Source.objects.filter(outlet="Kyiv Post").exists()

    assert confirm(editor_client, page).status_code == 302
    new = Source.objects.get(outlet="Kyiv Post")
    assert (new.key, new.published_on, new.published_precision) == (
        "s53",
        datetime.date(2025, 11, 1),
        "month",
    )
    assert Citation.objects.filter(source=new).count() == 3


def test_a_bad_new_source_is_refused_on_step_one_with_the_text_kept(editor_client, draft):
    page = preview(
        editor_client,
        draft,
        new_outlet="Kyiv Post",
        new_url="javascript:alert(1)",
        new_published="soon",
    )
    html = page.content.decode()
    assert "Step 1 of 2" in html
    assert "Needed for a new source" in html  # headline and reliability missing
    assert "Publication date: cannot read “soon” as a date." in html
    assert "Ukraine receives a guarantee" in html  # the paste is not lost
    assert not Source.objects.filter(outlet="Kyiv Post").exists()


def test_a_future_publication_date_is_refused(editor_client, draft):
    page = preview(
        editor_client,
        draft,
        new_outlet="Kyiv Post",
        new_headline="Leaked",
        new_reliability="A",
        new_published="2099",
    )
    assert "Publication date cannot be in the future" in page.content.decode()


def test_picking_a_source_and_describing_a_new_one_is_refused(editor_client, draft, source):
    page = preview(editor_client, draft, source=source.pk, new_outlet="Other")
    assert "Pick an existing source or describe a new one, not both" in page.content.decode()


def test_a_label_the_draft_already_has_is_a_clear_error_and_nothing_is_created(
    editor_client, draft, source
):
    f.make_provision(draft, label="2", heading="Existing point")
    page = preview(editor_client, draft, source=source.pk)
    html = page.content.decode()
    assert "This draft already has a point 2 (“Existing point”)" in html
    assert "Nothing is overwritten." in html
    response = confirm(editor_client, page)
    assert response.status_code == 200
    assert "This draft already has a point 2" in response.content.decode()
    assert list(draft.provisions.values_list("label", "heading")) == [("2", "Existing point")]
    assert (
        not Citation.objects.filter(provision__draft=draft).exclude(provision__label="2").exists()
    )


def test_a_point_appearing_twice_must_be_relabelled_before_the_import(editor_client, draft, source):
    page = preview(editor_client, draft, source=source.pk, text="1. One.\n2. Two.\n2. Again.\n")
    assert "Point 2 appears twice." in page.content.decode()
    assert "Row 2 already has the label “2”" in page.content.decode()
    assert confirm(editor_client, page).status_code == 200
    assert not Provision.objects.exists()
    assert confirm(editor_client, page, **{"form-2-label": "2a"}).status_code == 302
    assert list(draft.provisions.values_list("label", flat=True)) == ["1", "2", "2a"]


def test_a_label_taken_between_preview_and_confirm_creates_nothing(editor_client, draft):
    page = preview(
        editor_client,
        draft,
        new_outlet="Kyiv Post",
        new_headline="Leaked",
        new_reliability="A",
    )
    f.make_provision(draft, label="4", heading="Added meanwhile")
    response = confirm(editor_client, page)
    assert "This draft already has a point 4" in response.content.decode()
    assert list(draft.provisions.values_list("label", flat=True)) == ["4"]
    assert not Source.objects.filter(outlet="Kyiv Post").exists()


def test_the_importer_rolls_everything_back_on_a_failure(draft):
    f.make_provision(draft, label="2")
    rows = [Row("1", "", "<p>One.</p>"), Row("2", "", "<p>Clash.</p>")]
    new_source = Source(outlet="Kyiv Post", headline="Leaked", reliability="A")
    with pytest.raises(ImportFailed, match="Point 2: This draft already has a provision"):
        import_rows(draft, rows, new_source=new_source)
    assert list(draft.provisions.values_list("label", flat=True)) == ["2"]
    assert not Source.objects.filter(outlet="Kyiv Post").exists()
    assert not Citation.objects.exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "The pasted text is empty: paste the numbered points first."),
        ("   \n  ", "The pasted text is empty: paste the numbered points first."),
        ("Officials said the plan was discussed.", "Nothing that looks like a numbered point"),
    ],
)
def test_an_empty_or_pointless_paste_is_a_clear_error(editor_client, draft, source, text, message):
    page = preview(editor_client, draft, source=source.pk, text=text)
    assert page.status_code == 200
    assert message in page.content.decode()
    assert "Step 1 of 2" in page.content.decode()


def test_back_to_the_text_keeps_what_was_pasted(editor_client, draft, source):
    page = preview(editor_client, draft, source=source.pk)
    data = form_data(page)
    data["action"] = "edit"
    back = editor_client.post(url_for(draft), data)
    html = back.content.decode()
    assert "Step 1 of 2" in html
    assert "Ukraine receives a guarantee\nmodelled on Article 5." in html
    assert f'<option value="{source.pk}" selected>' in html


def test_an_altered_preview_is_refused_and_creates_nothing(editor_client, draft, source):
    page = preview(editor_client, draft, source=source.pk)
    data = form_data(page)
    data.update(action="confirm", payload=data["payload"][:-3] + "xyz")
    response = editor_client.post(url_for(draft), data, follow=True)
    assert "This preview has expired or was altered" in response.content.decode()
    assert not Provision.objects.exists()


def test_anonymous_and_non_staff_are_sent_to_sign_in(client, draft, source):
    user = f.make_user("nina")
    user.is_staff = False
    user.save()
    for visitor in (None, user):
        if visitor:
            client.force_login(visitor)
        for response in (client.get(url_for(draft)), preview(client, draft, source=source.pk)):
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("admin:login"))
    assert not Provision.objects.exists()


@pytest.mark.parametrize("group", ["Viewers", None])
def test_staff_without_the_add_provision_permission_are_refused(client, draft, source, group):
    client.force_login(f.make_user("victor", group=group))
    assert client.get(url_for(draft)).status_code == 403
    assert preview(client, draft, source=source.pk).status_code == 403
    page = client.get(reverse("admin:drafts_draft_change", args=[draft.pk]))
    assert "Import provisions from pasted text" not in page.content.decode()
    assert not Provision.objects.exists()


def test_every_form_needs_the_csrf_token(editor, draft, source):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert preview(client, draft, source=source.pk).status_code == 403
    assert not Provision.objects.exists()


def test_an_unknown_draft_is_not_found(editor_client):
    assert editor_client.get("/admin/drafts/draft/999999/import/").status_code == 404


def test_step_one_round_trip_shows_how_the_new_date_was_read(editor_client, draft):
    page = preview(editor_client, draft, new_outlet="Kyiv Post", new_published="26.11.2025")
    html = page.content.decode()
    assert "Needed for a new source" in html
    assert "Read as: 26 Nov 2025 (exact day)" in html


def test_staff_who_may_not_add_sources_must_pick_an_existing_one(client, draft, source):
    from django.contrib.auth.models import Permission

    user = f.make_user("paula")
    user.user_permissions.set(
        Permission.objects.filter(codename__in=["add_provision", "add_citation"])
    )
    client.force_login(user)
    page = preview(client, draft, new_outlet="Kyiv Post", new_headline="H", new_reliability="A")
    assert "Pick an existing source: you may not create sources." in page.content.decode()
    assert "Step 2 of 2" in preview(client, draft, source=source.pk).content.decode()
    assert not Source.objects.filter(outlet="Kyiv Post").exists()


def test_a_citation_that_does_not_validate_is_an_import_failure(draft, source, monkeypatch):
    def refuse(citation):
        raise ValidationError("Citations of this source are closed.")

    monkeypatch.setattr(Citation, "clean", refuse)
    rows = [Row("1", "", "<p>One.</p>")]
    with pytest.raises(ImportFailed) as failed:
        import_rows(draft, rows, source=source)
    assert str(failed.value) == (
        "Point 1: the citation of s07 is not valid: Citations of this source are closed."
    )
    assert not draft.provisions.exists()
    assert not Citation.objects.exists()


def test_a_new_source_key_taken_meanwhile_is_an_import_failure(draft, monkeypatch):
    f.make_source(key="s12")
    # Another import took the key between this one's pick and its save.
    monkeypatch.setattr("apps.imports.importer.next_source_key", lambda: "s12")
    new_source = Source(outlet="Kyiv Post", headline="Leaked", reliability="A")
    with pytest.raises(ImportFailed) as failed:
        import_rows(draft, [Row("1", "", "<p>One.</p>")], new_source=new_source)
    assert str(failed.value) == "The source key s12 was taken meanwhile; try again."
    assert not draft.provisions.exists()
    assert list(Source.objects.values_list("key", flat=True)) == ["s12"]


def test_a_source_key_race_on_confirm_is_a_message_not_a_server_error(
    editor_client, draft, monkeypatch
):
    page = preview(
        editor_client, draft, new_outlet="Kyiv Post", new_headline="Leaked", new_reliability="A"
    )
    f.make_source(key="s12")
    monkeypatch.setattr("apps.imports.importer.next_source_key", lambda: "s12")
    response = confirm(editor_client, page)
    assert response.status_code == 200
    assert (
        "Nothing was imported. The source key s12 was taken meanwhile; try again."
        in response.content.decode()
    )
    assert not draft.provisions.exists()
    assert not Source.objects.filter(outlet="Kyiv Post").exists()


def test_a_label_taken_between_the_check_and_the_save_is_an_import_failure(
    draft, source, monkeypatch
):
    # Another editor saves point 2 after this import validated it: the database refuses.
    monkeypatch.setattr(Provision, "validate_constraints", lambda self, exclude=None: None)
    f.make_provision(draft, label="2", position=1)
    rows = [Row("1", "", "<p>One.</p>"), Row("2", "", "<p>Two.</p>")]
    with pytest.raises(ImportFailed) as failed:
        import_rows(draft, rows, source=source)
    assert str(failed.value) == (
        "Point 2 was added to the draft meanwhile; nothing was imported. Try again."
    )
    assert list(draft.provisions.values_list("label", flat=True)) == ["2"]
    assert not Citation.objects.exists()


def test_a_paste_over_the_limit_is_refused_on_step_one(editor_client, draft, source):
    text = "1. Point.\n" + "x" * 200_000
    page = preview(editor_client, draft, source=source.pk, text=text)
    html = page.content.decode()
    assert "Step 1 of 2" in html
    assert (
        "The text is too long to import at once (200,010 characters; at most 200,000). Split it."
    ) in html
    assert "maxlength" not in html.split('name="text"')[1].split(">")[0]  # no silent cut


def test_more_rows_than_a_preview_can_post_back_are_refused_on_step_one(
    editor_client, draft, source
):
    # 1,000 fields per request at most (Django's default): 163 rows of six fields
    # (include, label, heading, body, and where to split the row).
    assert max_rows() == 163
    text = "\n".join(f"{n}. Point number {n}." for n in range(1, 165))
    html = preview(editor_client, draft, source=source.pk, text=text).content.decode()
    assert "Step 1 of 2" in html
    assert (
        "The text has 164 provisions; at most 163 can be previewed and imported at once here. "
        "Split it, or import the file with manage.py import_text."
    ) in html


def test_a_preview_of_the_most_rows_allowed_can_be_confirmed(editor_client, draft, source):
    text = "\n".join(f"{n}. Point number {n}." for n in range(1, 164))
    page = preview(editor_client, draft, source=source.pk, text=text)
    response = confirm(editor_client, page)
    assert response.status_code == 302
    assert draft.provisions.count() == 163
