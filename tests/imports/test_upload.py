"""Uploading a document in the admin's import and on the command line: the same preview,
and the file kept as the source's attachment with its SHA-256."""

from __future__ import annotations

import hashlib
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from apps.sources.models import Source
from tests import factories as f
from tests.admin.forms import form_data
from tests.imports.corpus import docx_numbered, pdf, pdf_framework


def url_for(draft) -> str:
    return reverse("admin:drafts_draft_import", args=[draft.pk])


def upload(client, draft, name, data, **fields):
    return client.post(
        url_for(draft),
        {"action": "preview", "file": SimpleUploadedFile(name, data), **fields},
    )


def test_a_pdf_upload_is_previewed_without_its_page_furniture_and_attached_on_import(
    editor_client, draft, media_root
):
    data = pdf_framework()
    digest = hashlib.sha256(data).hexdigest()
    page = upload(
        editor_client,
        draft,
        "leak.pdf",
        data,
        new_outlet="Kyiv Post",
        new_headline="The leaked framework",
        new_reliability="B",
    )
    html = page.content.decode()
    assert "Step 2 of 2" in html
    assert html.count('class="import-row') == 6
    assert "leak.pdf</strong> (PDF, 3 pages)" in html
    assert digest in html
    assert "DRAFT - NOT FOR DISTRIBUTION Page 1 of 3" in html  # listed as removed
    data_back = form_data(page)
    assert data_back["form-2-body"] == "<p>The guarantee lapses if Ukraine invades Russia.</p>"

    done = editor_client.post(url_for(draft), {**data_back, "action": "confirm"})
    assert done.status_code == 302
    source = Source.objects.get(outlet="Kyiv Post")
    assert source.attachment_sha256 == digest
    assert source.attachment.name == f"sources/{digest[:2]}/{digest}/leak.pdf"
    assert (media_root / source.attachment.name).read_bytes() == data
    assert draft.provisions.count() == 6


def test_an_existing_source_gets_the_file_unless_it_has_another(editor_client, draft, source):
    page = upload(editor_client, draft, "statement.docx", docx_numbered(), source=source.pk)
    assert "Word document" in page.content.decode()
    editor_client.post(url_for(draft), {**form_data(page), "action": "confirm"})
    source.refresh_from_db()
    assert source.attachment.name.endswith("/statement.docx")

    other = f.make_draft(label="Another", slug="another")
    page = upload(editor_client, other, "leak.pdf", pdf_framework(), source=source.pk)
    again = editor_client.post(url_for(other), {**form_data(page), "action": "confirm"})
    assert "already has another file attached (statement.docx)" in again.content.decode()
    assert not other.provisions.exists()


def test_an_unreadable_upload_is_a_message_on_the_form_not_an_error_page(
    editor_client, draft, source
):
    page = upload(editor_client, draft, "broken.pdf", b"%PDF-1.7\n\x00\x00", source=source.pk)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Step 1 of 2" in html
    assert "broken.pdf is damaged or not a valid PDF: it could not be read." in html
    assert "The pasted text is empty" not in html


def test_the_upload_reference_cannot_be_swapped_for_another_file(editor_client, draft, source):
    page = upload(editor_client, draft, "leak.pdf", pdf([["1. One."]]), source=source.pk)
    data = form_data(page)
    back = editor_client.post(url_for(draft), {**data, "action": "edit"})
    fields = form_data(back)
    fields["upload"] = fields["upload"].replace("a", "b", 1)
    again = editor_client.post(url_for(draft), {**fields, "action": "preview"})
    assert "The uploaded file&#x27;s reference was altered" in again.content.decode()


def test_the_command_imports_a_pdf_and_attaches_it(draft, source, tmp_path, media_root):
    path = tmp_path / "framework.pdf"
    path.write_bytes(pdf_framework())
    out = StringIO()
    call_command(
        "import_text", draft.slug, str(path), source=source.key, interactive=False, stdout=out
    )
    text = out.getvalue()
    assert "Imported 6 provisions" in text
    assert "Removed as page furniture (3×): 6 December 2026" in text
    source.refresh_from_db()
    assert source.attachment_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_source_page_shows_the_attached_file_and_its_fingerprint(editor_client, source):
    source.attachment.name = "sources/ab/abc/leak.pdf"
    source.attachment_sha256 = "ab" * 32
    source.save()
    page = editor_client.get(reverse("admin:sources_source_change", args=[source.pk]))
    html = page.content.decode()
    assert "Imported document" in html
    assert "leak.pdf" in html
    assert "ab" * 32 in html
    assert 'name="attachment_sha256"' not in html  # set by the import only


def test_the_command_reads_a_docx_and_refuses_a_damaged_file_with_a_message(
    draft, source, tmp_path
):
    import pytest
    from django.core.management import CommandError

    path = tmp_path / "statement.docx"
    path.write_bytes(docx_numbered())
    out = StringIO()
    call_command("import_text", draft.slug, str(path), source=source.key, dry_run=True, stdout=out)
    assert "2\n    A commission monitors it:\n    - a) with members from both sides;" in (
        out.getvalue()
    )
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n\x00")
    with pytest.raises(CommandError, match="broken.pdf is damaged or not a valid PDF"):
        call_command("import_text", draft.slug, str(broken), source=source.key, dry_run=True)
