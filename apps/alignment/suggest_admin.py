"""The admin page where an editor reviews alignment suggestions and accepts or rejects them."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from apps.drafts.models import Draft

from .suggest import NoParentError, accept, suggest

VIEW_PERMISSION = "alignment.change_matterentry"
ACCEPT_PERMISSIONS = ("alignment.add_matterentry", "alignment.add_matter")
REPLACE_PERMISSION = "alignment.delete_matterentry"


def suggest_view(model_admin, request, draft_id: int, parent_id: int):
    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    draft = get_object_or_404(Draft.objects.select_related("process"), pk=draft_id)
    parent = get_object_or_404(Draft, pk=parent_id)
    try:
        result = suggest(draft, parent)
    except NoParentError as exc:
        raise Http404(str(exc)) from exc

    if request.method == "POST":
        _handle_post(request, result)
        # Post/redirect/get: a reload never submits twice.
        return HttpResponseRedirect(request.path)

    rows = [
        {
            "row": row,
            "status": result.status(row),
            "others": row.candidates[1:] if row.match else row.candidates,
            "ticked": result.status(row) == "unaligned",
        }
        for row in result.rows
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "title": f"Suggest alignment: {draft} against {parent}",
        "subtitle": None,
        "opts": model_admin.opts,
        "draft": draft,
        "parent": parent,
        "rows": rows,
        "removed": result.removed,
    }
    return TemplateResponse(request, "admin/alignment/suggest.html", context)


def _handle_post(request, result) -> None:
    picked = request.POST.getlist("pick")
    if "_accept" not in request.POST and "_reject" not in request.POST:
        messages.error(request, "Choose “Accept selected” or “Reject selected”.")
        return
    if not picked:
        messages.warning(request, "Nothing was selected: tick the suggestions first.")
        return
    if "_reject" in request.POST:
        n = len(picked)
        messages.info(
            request,
            f"{n} suggestion{'' if n == 1 else 's'} dismissed; nothing was changed. "
            "Dismissals are not remembered: the same suggestions come back next time.",
        )
        return
    replace = {int(v) for v in request.POST.getlist("replace") if v.isdigit()}
    if not request.user.has_perms(ACCEPT_PERMISSIONS) or (
        replace and not request.user.has_perm(REPLACE_PERMISSION)
    ):
        raise PermissionDenied
    report = accept(result, picked, replace)
    if report.aligned:
        n = len(report.aligned)
        made = (
            f" New matters: {', '.join(m.code for m in report.created)}." if report.created else ""
        )
        messages.success(
            request,
            f"Aligned {n} provision{'' if n == 1 else 's'}: {'; '.join(report.aligned)}.{made}",
        )
    for reason in report.skipped:
        messages.warning(request, f"Not applied: {reason}")
