"""The admin pages of the alignment workspace (see `workspace.py` for what each edit does).

Every cell is a plain form that posts and comes back to the page (post/redirect/get, with a
message); with htmx the same form swaps only its cell (and the tray), and a stale cell
answers 409 with the cell as it is now.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers

from apps.compare import comparison
from apps.compare.comparison import CompareError
from apps.core.htmx import wants_fragment
from apps.drafts.models import Draft, DraftLink, Provision

from . import workspace
from .models import IN_DRAFT_ORDER, Matter, MatterEntry

TEMPLATE = "admin/alignment/workspace.html"
# What each cell action needs, beyond seeing the page.
ACTION_PERMISSIONS = {
    "put": ("alignment.add_matterentry",),
    "accept": ("alignment.add_matterentry",),
    "out": ("alignment.delete_matterentry",),
    "relate": ("alignment.change_matterentry",),
    "reject": ("alignment.change_matterentry",),
}
NEW_MATTER_PERMISSIONS = ("alignment.add_matter", "alignment.add_matterentry")
MOVE_PERMISSIONS = ("alignment.change_matter",)


class CellForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTION_PERMISSIONS])
    version = forms.CharField(max_length=64)
    provision = forms.IntegerField(required=False, min_value=1)
    entry = forms.IntegerField(required=False, min_value=1)
    relation = forms.ChoiceField(choices=MatterEntry.Relation.choices, required=False)
    label = forms.ChoiceField(choices=[("", "—"), *MatterEntry.Label.choices], required=False)
    rationale = forms.CharField(max_length=200, required=False)


def workspace_url(drafts_or_spec) -> str:
    spec = (
        drafts_or_spec
        if isinstance(drafts_or_spec, str)
        else comparison.canonical_spec(list(drafts_or_spec))
    )
    return reverse("admin:alignment_matter_workspace", args=[spec])


def links() -> list[tuple[str, str]]:
    """A workspace for each draft with the draft it revises or answers, newest first."""
    found = []
    pairs = DraftLink.objects.select_related("draft", "parent").order_by("-draft__pk", "pk")
    for link in pairs:
        drafts = sorted([link.parent, link.draft], key=comparison.sort_key)
        found.append((workspace_url(drafts), f"{link.draft} against {link.parent}"))
    return found


def _drafts(spec: str) -> list[Draft]:
    try:
        return comparison.load_drafts(comparison.parse_slugs(spec), Draft.objects.all())
    except CompareError as exc:
        raise Http404(exc.message) from exc


def _can_edit(user) -> bool:
    return user.has_perms(("alignment.add_matterentry", "alignment.change_matterentry"))


def _context(model_admin, request, drafts, ws, **extra) -> dict:
    user = request.user
    return {
        **model_admin.admin_site.each_context(request),
        "title": "Alignment workspace: " + " · ".join(str(d) for d in drafts),
        "subtitle": None,
        "opts": model_admin.opts,
        "ws": ws,
        "spec": comparison.canonical_spec(drafts),
        "compare_url": reverse("compare:compare", args=[comparison.canonical_spec(drafts)]),
        "can_edit": _can_edit(user),
        "can_remove": user.has_perm("alignment.delete_matterentry"),
        "can_add_matter": user.has_perms(NEW_MATTER_PERMISSIONS),
        "can_move": user.has_perms(MOVE_PERMISSIONS),
        "relations": MatterEntry.Relation.choices,
        "labels": MatterEntry.Label.choices,
        **extra,
    }


def page(model_admin, request, spec: str):
    if not request.user.has_perm("alignment.view_matter"):
        raise PermissionDenied
    drafts = _drafts(spec)
    canonical = comparison.canonical_spec(drafts)
    if canonical != spec:
        return HttpResponseRedirect(workspace_url(canonical))
    ws = workspace.build(drafts)
    response = TemplateResponse(request, TEMPLATE, _context(model_admin, request, drafts, ws))
    patch_vary_headers(response, ["HX-Request"])
    return response


def _answer(model_admin, request, drafts, cell_key: str, *, error: str = "", status=200):
    """htmx: the cell as it is now (and the tray, out of band); otherwise back to the page."""
    if wants_fragment(request):
        ws = workspace.build(drafts)
        cell = next((c for row in ws.rows for c in row.cells if c.key == cell_key), None)
        context = _context(model_admin, request, drafts, ws, cell=cell, cell_error=error)
        html = render_to_string(f"{TEMPLATE}#cell", context, request) if cell else ""
        html += render_to_string(f"{TEMPLATE}#tray", {**context, "oob": True}, request)
        response = HttpResponse(html, status=status)
        patch_vary_headers(response, ["HX-Request"])
        return response
    if error:
        messages.error(request, error)
    anchor = f"#cell-{cell_key}" if cell_key else ""
    return HttpResponseRedirect(workspace_url(drafts) + anchor)


def cell_action(model_admin, request, spec: str, matter_id: int, draft_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    drafts = _drafts(spec)
    draft = next((d for d in drafts if d.pk == draft_id), None)
    matter = get_object_or_404(Matter, pk=matter_id, process_id=drafts[0].process_id)
    if draft is None:
        raise Http404("This draft is not a column of this workspace.")
    form = CellForm(request.POST)
    if not form.is_valid():
        if not request.user.has_perm("alignment.change_matterentry"):
            raise PermissionDenied
        errors = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        return _answer(
            model_admin, request, drafts, f"{matter.pk}-{draft.pk}", error=errors, status=400
        )
    data = form.cleaned_data
    action = data["action"]
    if not request.user.has_perms(ACTION_PERMISSIONS[action]):
        raise PermissionDenied
    key = f"{matter.pk}-{draft.pk}"
    try:
        done = _apply(request, matter, draft, data)
    except workspace.StaleCell as exc:
        return _answer(model_admin, request, drafts, key, error=str(exc), status=409)
    except ValidationError as exc:
        return _answer(model_admin, request, drafts, key, error=" ".join(exc.messages), status=400)
    if not wants_fragment(request):
        messages.success(request, f"{matter.code}, {draft}: {done}")
    return _answer(model_admin, request, drafts, key)


def _provision(draft: Draft, pk: int | None) -> Provision:
    if not pk:
        raise ValidationError("Choose a provision.")
    provision = Provision.objects.filter(pk=pk, draft=draft).select_related("draft").first()
    if provision is None:
        raise ValidationError("That provision is not one of this draft’s.")
    return provision


def _entry(matter: Matter, draft: Draft, pk: int | None, version: str) -> MatterEntry:
    entry = (
        MatterEntry.objects.filter(pk=pk, matter=matter, provision__draft=draft)
        .select_related("matter", "provision__draft")
        .first()
        if pk
        else None
    )
    if entry is None:
        # Gone meanwhile (or never here): say what the cell holds now.
        raise workspace.StaleCell(
            list(
                MatterEntry.objects.filter(matter=matter, provision__draft=draft)
                .select_related("provision")
                .order_by(*IN_DRAFT_ORDER)
            )
        )
    return entry


def _apply(request, matter: Matter, draft: Draft, data: dict) -> str:
    action, version = data["action"], data["version"]
    if action in ("put", "accept"):
        provision = _provision(draft, data["provision"])
        entry = workspace.put(
            matter,
            draft,
            provision,
            version=version,
            relation=data["relation"] or MatterEntry.Relation.SAME,
            label=data["label"],
            rationale=data["rationale"],
        )
        return f"{provision.label} {provision.heading} put in ({entry.get_relation_display()})."
    if action == "reject":
        provision = _provision(draft, data["provision"])
        workspace.reject(matter, provision, request.user, version=version)
        return f"suggestion of {provision.label} {provision.heading} rejected; not offered again."
    entry = _entry(matter, draft, data["entry"], version)
    if action == "out":
        workspace.take_out(entry, version=version)
        return f"{entry.provision.label} {entry.provision.heading} taken out."
    entry = workspace.relate(
        entry,
        version=version,
        relation=data["relation"] or entry.relation,
        label=data["label"],
        rationale=data["rationale"],
    )
    return f"{entry.provision.label} {entry.provision.heading}: {entry.get_relation_display()}."


def new_matter(model_admin, request, spec: str, provision_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    drafts = _drafts(spec)
    if not request.user.has_perms(NEW_MATTER_PERMISSIONS):
        raise PermissionDenied
    provision = get_object_or_404(
        Provision.objects.select_related("draft"), pk=provision_id, draft__in=drafts
    )
    try:
        matter = workspace.new_matter(provision)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return HttpResponseRedirect(workspace_url(drafts) + "#tray")
    messages.success(
        request,
        f"New matter {matter.code} “{matter.title}” (unpublished) made from "
        f"{provision.label} {provision.heading}.",
    )
    return HttpResponseRedirect(workspace_url(drafts) + f"#matter-{matter.pk}")


def move_matter(model_admin, request, spec: str, matter_id: int):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    drafts = _drafts(spec)
    if not request.user.has_perms(MOVE_PERMISSIONS):
        raise PermissionDenied
    matter = get_object_or_404(Matter, pk=matter_id, process_id=drafts[0].process_id)
    step = -1 if request.POST.get("step") == "up" else 1
    # A form without the order's version (a page from before it had one) is refused too.
    version = request.POST.get("version", "")
    try:
        moved = workspace.move(matter, step, version=version)
    except workspace.StaleOrder as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(workspace_url(drafts) + f"#matter-{matter.pk}")
    if not moved:
        messages.info(request, f"{matter.code} is already {'first' if step < 0 else 'last'}.")
    return HttpResponseRedirect(workspace_url(drafts) + f"#matter-{matter.pk}")
