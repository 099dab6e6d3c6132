"""Pictures of a process (heat map, timeline) and the print view of a comparison."""

from __future__ import annotations

import copy
from urllib.parse import urlsplit

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import resolve, reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from apps.compare import snapshot
from apps.compare.comparison import canonical_spec
from apps.compare.models import FrozenComparison
from apps.compare.views import _build, _canonical_query, _resolve, compare_url
from apps.core import versioning
from apps.core.htmx import render_error
from apps.drafts.models import Draft, PeaceProcess
from apps.drafts.queries import citations_disputing_first
from apps.positions import matrix_views
from apps.positions.matrix import build_at, canonical_query

from . import heatmap as heatmap_module
from . import og, og_cards
from . import timeline as timeline_module

MAP_CACHE_SECONDS = 24 * 3600


@require_safe
def heatmap(request: HttpRequest, slug: str) -> HttpResponse:
    """The heat map is the same picture for everyone (published material only): drawn once
    per content version of its process, so an edit elsewhere leaves it in the cache."""
    process = get_object_or_404(PeaceProcess, slug=slug)
    key = f"heatmap:{versioning.token([process.pk])}:{process.pk}"
    section = cache.get(key)
    if section is None:
        picture = heatmap_module.build(slug)
        section = render_to_string("pictures/_heatmap.html", {"map": picture, "process": process})
        cache.set(key, section, timeout=MAP_CACHE_SECONDS)
    return render(
        request,
        "pictures/heatmap.html",
        {
            "map_section": mark_safe(section),  # noqa: S308 - rendered by an autoescaping template
            "process": process,
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


# --- Link-preview pictures (og:image) --------------------------------------------------------
# Drawn as the public sees the page, whoever asks: a picture is shared beyond the asker.


def _png(png: bytes) -> HttpResponse:
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=3600"
    return response


@require_safe
def compare_og(request: HttpRequest, spec: str) -> HttpResponse:
    resolved = _resolve(request, spec, request.GET, None, build=False)
    if isinstance(resolved, HttpResponseRedirect):
        canonical = resolve(urlsplit(resolved["Location"]).path).kwargs["spec"]
        url = reverse("pictures:compare-og", args=[canonical])
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{url}?{query}" if query else url)
    if isinstance(resolved, HttpResponse):
        return resolved
    drafts, form = resolved
    ident = f"compare:{canonical_spec(drafts)}?{_canonical_query(form)}"
    return _png(
        og.cached_png(
            ident,
            lambda: og_cards.comparison_card(_build(drafts, form, None)),
            [drafts[0].process_id],
        )
    )


@require_safe
def frozen_og(request: HttpRequest, frozen_id: str) -> HttpResponse:
    frozen = FrozenComparison.objects.filter(pk=frozen_id).first()
    if frozen is None:
        return render_error(request, "There is no permanent link with this id.", status=404)
    processes = list(
        Draft.objects.published().filter(slug__in=frozen.draft_slugs).values_list("process_id")
    )
    if len(processes) < len(frozen.draft_slugs):
        return render_error(
            request, "This permanent link shows drafts that are no longer published.", status=410
        )

    def card():
        payload, _ = snapshot.without_withdrawn(copy.deepcopy(frozen.payload), None)
        return og_cards.frozen_card(payload, f"{frozen.created_at:%-d %b %Y}")

    return _png(og.cached_png(f"frozen:{frozen.pk}", card, {pk for (pk,) in processes}))


@require_safe
def matrix_og(request: HttpRequest, slug: str) -> HttpResponse:
    resolved = matrix_views.resolve(request, slug, None, build=False)
    if isinstance(resolved, HttpResponse):
        return resolved
    process, drafts, as_of, since = resolved
    ident = f"matrix:{process.slug}?{canonical_query(drafts, as_of, since)}"
    return _png(
        og.cached_png(
            ident,
            lambda: og_cards.matrix_card(build_at(process, drafts, as_of, since, user=None)),
            [process.pk],
        )
    )
