"""The admin's paste-to-import page for a draft: paste, preview and correct, confirm.

Plain forms throughout (works with JavaScript off): step 1's input travels through the
preview as a signed payload, and the text is parsed again on confirm.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from apps.core.htmx import render_page
from apps.drafts.models import Draft

from .edits import EditRefused, offset_of
from .edits import apply as apply_edit
from .forms import PasteForm, ProposalFormSet
from .importer import ImportFailed, import_rows

ROW_EDITS = {"split", "merge", "promote", "demote"}
REQUIRED_PERMISSIONS = ("drafts.add_provision", "sources.add_citation")


def may_import(user) -> bool:
    return user.is_active and user.is_staff and user.has_perms(REQUIRED_PERMISSIONS)


@require_http_methods(["GET", "POST"])
def import_text(request: HttpRequest, draft_id: int, *, model_admin: ModelAdmin) -> HttpResponse:
    if not may_import(request.user):
        raise PermissionDenied
    draft = get_object_or_404(Draft.objects.select_related("process"), pk=draft_id)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "draft": draft,
        "title": f"Import provisions into “{draft}”",
        "subtitle": None,
    }
    if request.method == "GET":
        return _step_paste(request, context, PasteForm(user=request.user))

    action = request.POST.get("action", "preview")
    if action == "preview":
        form = PasteForm.with_upload(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return _step_paste(request, context, form)
        return _fresh_preview(request, context, form, draft)

    try:
        form = PasteForm.from_payload(request.POST.get("payload", ""), user=request.user)
    except signing.BadSignature:
        messages.error(request, "This preview has expired or was altered: paste the text again.")
        return _step_paste(request, context, PasteForm(user=request.user))
    if action == "furniture":
        form = form.with_furniture_kept(request.POST.getlist("keep"))
    if action == "edit" or not form.is_valid():
        return _step_paste(request, context, form)
    if action == "furniture":
        return _fresh_preview(request, context, form, draft)
    if action.split(":")[0] in ROW_EDITS:
        return _edit_row(request, context, form, draft, action)
    formset = ProposalFormSet(request.POST, draft=draft, proposals=form.rows())
    if formset.is_valid():
        try:
            created = import_rows(
                draft,
                formset.rows(),
                source=form.cleaned_data.get("source"),
                new_source=form.new_source(),
                attachment=form.attachment(),
            )
        except ImportFailed as exc:
            context["import_error"] = str(exc)
        else:
            count = len(created)
            messages.success(request, f"Imported {count} provision{'' if count == 1 else 's'}.")
            return HttpResponseRedirect(reverse("admin:drafts_draft_change", args=[draft.pk]))
    return _step_preview(request, context, form, formset)


def _fresh_preview(request, context, form: PasteForm, draft: Draft) -> HttpResponse:
    rows = form.rows()
    formset = ProposalFormSet(ProposalFormSet.proposed_data(rows), draft=draft, proposals=rows)
    formset.is_valid()  # show clashing labels straight away
    return _step_preview(request, context, form, formset)


def _edit_row(request, context, form: PasteForm, draft: Draft, action: str) -> HttpResponse:
    """Split, merge, promote or demote a row ("split:3"), keeping the editor's other
    corrections; the edit joins the payload so the confirmed rows include it."""
    kind, _, rest = action.partition(":")
    index, _, item = rest.partition(":")
    current = ProposalFormSet.posted_rows(request.POST, len(form.rows()))
    try:
        if not index.isdigit() or (kind == "promote" and not item.isdigit()):
            raise EditRefused("Unknown edit.")
        row = int(index)
        edit: list = [kind, row]
        if kind == "split":
            offset = request.POST.get(f"split_offset-{row}", "")
            body = current[row]["body"] if row < len(current) else ""
            edit.append(
                int(offset)
                if offset.isdigit()
                else offset_of(body, request.POST.get(f"split_words-{row}", ""))
            )
        elif kind == "promote":
            edit.append(int(item))
        rows = apply_edit(current, edit)
    except EditRefused as exc:
        context["edit_error"] = str(exc)
        formset = ProposalFormSet(request.POST, draft=draft, proposals=form.rows())
        formset.is_valid()
        return _step_preview(request, context, form, formset)
    form = form.with_edit(edit)
    form.is_valid()
    formset = ProposalFormSet(
        ProposalFormSet.proposed_data(rows), draft=draft, proposals=form.rows()
    )
    formset.is_valid()
    return _step_preview(request, context, form, formset)


def _step_paste(request, context, form: PasteForm) -> TemplateResponse:
    return TemplateResponse(request, "admin/imports/paste.html", {**context, "form": form})


def _step_preview(request, context, form: PasteForm, formset) -> HttpResponse:
    # A row edit made with htmx swaps only the rows' form; without JS, the whole page.
    return render_page(
        request,
        "admin/imports/preview.html",
        {
            **context,
            "form": form,
            "formset": formset,
            "rows": formset.rows_with_proposals(),
            "result": form.result,
            "warnings": [
                *form.result.notes,
                *(w for row in formset.proposals for w in row["warnings"]),
            ],
            "payload": form.payload(),
            "source_summary": form.source_summary(),
            "published": form.cleaned_data.get("new_published"),
            "upload": form.cleaned_data.get("upload"),
        },
        fragment="import-form",
    )
