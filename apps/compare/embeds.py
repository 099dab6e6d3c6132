"""Pages other sites may frame: a comparison, a permanent link and one matter's row.

Each is the public's view (published material only, whoever asks), compact, with the drafts
named and a link back to the full page, and no site header, navigation or footer.
"""

from __future__ import annotations

import copy

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from apps.alignment.models import Matter, MatterEntry
from apps.core.headers import frameable_by_any_site
from apps.drafts.models import Draft

from . import comparison, snapshot
from .comparison import CompareError
from .forms import CompareFilterForm
from .models import FrozenComparison
from .views import _build, _canonical_query, compare_url


def _error(request: HttpRequest, message: str, status: int, back: str = "") -> HttpResponse:
    return render(
        request, "compare/embed/error.html", {"message": message, "back": back}, status=status
    )


def _public_drafts():
    return Draft.objects.visible_to(None)


def _matter_rows(matter: Matter) -> tuple[list[Draft], list]:
    """The published drafts with a provision on `matter` (the newest six), and its row."""
    slugs = (
        MatterEntry.objects.visible_to(None)
        .filter(matter=matter)
        .values_list("provision__draft__slug", flat=True)
    )
    drafts = sorted(_public_drafts().filter(slug__in=slugs), key=comparison.sort_key)
    drafts = drafts[-comparison.MAX_DRAFTS :]
    if not drafts:
        return [], []
    result = comparison.build(drafts, page=None, user=None)
    return drafts, [r for r in result.rows if r.matter and r.matter.pk == matter.pk]


def matter_embed_data(pk) -> tuple[Matter, list[Draft], list] | None:
    matter = Matter.objects.visible_to(None).select_related("process").filter(pk=pk).first()
    if matter is None:
        return None
    drafts, rows = _matter_rows(matter)
    return matter, drafts, rows


@require_safe
@frameable_by_any_site
def compare_embed(request: HttpRequest, spec: str) -> HttpResponse:
    try:
        drafts = comparison.load_drafts(comparison.parse_slugs(spec), _public_drafts())
    except CompareError as exc:
        return _error(request, exc.message, exc.status)
    canonical = comparison.canonical_spec(drafts)
    if canonical != spec:
        url = reverse("compare:embed", args=[canonical])
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{url}?{query}" if query else url)
    form = CompareFilterForm(request.GET, drafts=drafts)
    if not form.is_valid():
        return _error(request, form.error_text(), 400, back=compare_url(drafts))
    result = _build(drafts, form, None)
    note = ""
    if result.pages > 1:
        note = f"Rows {result.first_row_number}–{result.last_row_number} of {result.filtered_rows}."
    return render(
        request,
        "compare/embed/compare.html",
        {
            "cmp": result,
            "drafts": drafts,
            "note": note,
            "full_url": request.build_absolute_uri(compare_url(drafts, _canonical_query(form))),
        },
    )


@require_safe
@frameable_by_any_site
def frozen_embed(request: HttpRequest, frozen_id: str) -> HttpResponse:
    frozen = FrozenComparison.objects.filter(pk=frozen_id).first()
    if frozen is None:
        return _error(request, "There is no permanent link with this id.", 404)
    visible = _public_drafts().filter(slug__in=frozen.draft_slugs)
    if visible.count() < len(frozen.draft_slugs):
        return _error(
            request,
            "This permanent link shows drafts that are no longer published, so it cannot be "
            "shown any more.",
            410,
        )
    payload, withdrawn = snapshot.without_withdrawn(copy.deepcopy(frozen.payload), None)
    cmp = snapshot.with_diffs(payload)
    return render(
        request,
        "compare/embed/frozen.html",
        {
            "cmp": cmp,
            "drafts": cmp["drafts"],
            "frozen": frozen,
            "as_of": f"Permanent link, as of {frozen.created_at.day} {frozen.created_at:%b %Y}",
            "withdrawn": withdrawn,
            "full_url": request.build_absolute_uri(frozen.get_absolute_url()),
        },
    )


@require_safe
@frameable_by_any_site
def matter_embed(request: HttpRequest, pk: int) -> HttpResponse:
    data = matter_embed_data(pk)
    if data is None:
        return _error(request, f"There is no published matter #{pk}.", 404)
    matter, drafts, rows = data
    return render(
        request,
        "compare/embed/matter.html",
        {
            "matter": matter,
            "cmp": {"drafts": drafts, "rows": rows, "title": f"{matter.code} {matter.title}"},
            "drafts": drafts,
            "full_url": request.build_absolute_uri(reverse("positions:matter", args=[pk])),
        },
    )
