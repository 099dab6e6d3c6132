"""Pictures of a process (heat map, timeline) and the print view of a comparison."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import resolve, reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from apps.compare.views import _canonical_query, _resolve, compare_url
from apps.drafts.queries import citations_disputing_first

from . import heatmap as heatmap_module
from . import timeline as timeline_module


@require_safe
def heatmap(request: HttpRequest, slug: str) -> HttpResponse:
    picture = heatmap_module.build(slug)
    return render(
        request,
        "pictures/heatmap.html",
        {
            "map": picture,
            "process": picture.process,
            "canonical_url": request.build_absolute_uri(reverse("pictures:heatmap", args=[slug])),
        },
    )


@require_safe
def timeline(request: HttpRequest, slug: str) -> HttpResponse:
    picture = timeline_module.build(slug)
    return render(
        request,
        "pictures/timeline.html",
        {
            "tl": picture,
            "process": picture.process,
            "canonical_url": request.build_absolute_uri(reverse("pictures:timeline", args=[slug])),
        },
    )


@require_safe
def compare_print(request: HttpRequest, spec: str) -> HttpResponse:
    """Every row of a comparison with its sources written out, laid out for A4 landscape.

    Same drafts, filters and error messages as the comparison itself.
    """
    resolved = _resolve(request, spec, request.GET, request.user)
    if isinstance(resolved, HttpResponseRedirect):
        # Drafts named out of date order: the comparison redirects to its canonical spec;
        # the print view goes to its own canonical address instead.
        location = urlsplit(resolved["Location"])
        canonical = resolve(location.path).kwargs["spec"]
        url = reverse("pictures:compare-print", args=[canonical])
        return HttpResponseRedirect(f"{url}?{location.query}" if location.query else url)
    if isinstance(resolved, HttpResponse):
        return resolved
    result, form = resolved
    items = [item for row in result.rows for cell in row.cells for item in cell.items]
    cited: dict[int, list] = {}
    for citation in citations_disputing_first(request.user).filter(
        provision__in=[i.provision.pk for i in items]
    ):
        cited.setdefault(citation.provision_id, []).append(citation)
    for item in items:
        item.citations = cited.get(item.provision.pk, [])
    query = _canonical_query(form)
    print_url = reverse("pictures:compare-print", args=[result.spec])
    return render(
        request,
        "pictures/print.html",
        {
            "cmp": result,
            "printed_at": timezone.now(),
            "live_url": request.build_absolute_uri(compare_url(result.drafts, query)),
            "canonical_url": request.build_absolute_uri(
                f"{print_url}?{query}" if query else print_url
            ),
        },
    )
