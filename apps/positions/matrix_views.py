"""The parties × matters matrix of a process, its CSV download and its link-preview picture."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from apps.core import dates
from apps.core.htmx import render_error, render_page, wants_fragment
from apps.core.pagecache import depends_on, shared_with_anonymous
from apps.drafts.models import PeaceProcess
from apps.exports.responses import csv_download

from . import matrix as matrix_module
from .matrix import MatrixError


def matrix_url(process: PeaceProcess, query: str = "", name: str = "positions:matrix") -> str:
    url = reverse(name, args=[process.slug])
    return f"{url}?{query}" if query else url


def resolve(request: HttpRequest, slug: str, user, *, build: bool = True):
    """The matrix for the URL as `user` may see it, or a 4xx page that says what was wrong
    and offers a way back. With build=False: (process, drafts, as_of, since) instead."""
    process = PeaceProcess.objects.filter(slug=slug).first()
    if process is None:
        return render_error(
            request,
            f"There is no peace process with the id “{slug}”.",
            status=404,
            back=[(reverse("drafts:home"), "All peace processes and their drafts")],
        )
    depends_on(request, process.pk)
    back = [(matrix_url(process), f"Who wants what in {process.name}, as of the newest draft")]
    try:
        points = matrix_module.resolve_points(process, request.GET, user)
    except MatrixError as exc:
        return render_error(request, exc.message, status=exc.status, back=back)
    if not build:
        return (process, *points)
    return matrix_module.build_at(process, *points, user=user)


@require_safe
@shared_with_anonymous
def matrix(request: HttpRequest, slug: str) -> HttpResponse:
    result = resolve(request, slug, request.user)
    if isinstance(result, HttpResponse):
        return result
    query = result.query()
    canonical = matrix_url(result.process, query)
    fragment = wants_fragment(request)
    if not fragment and request.get_full_path() != canonical:
        # A submitted form or an untidy link: one view, one address.
        return HttpResponseRedirect(canonical)
    response = render_page(
        request,
        "positions/matrix.html",
        {
            "m": result,
            "process": result.process,
            "canonical_url": request.build_absolute_uri(canonical),
            "csv_url": matrix_url(result.process, query, "positions:matrix-csv"),
            "is_fragment": fragment,
            "today_iso": timezone.localdate().isoformat(),
        },
        fragment="matrix",
    )
    if fragment:
        response["HX-Push-Url"] = canonical
    response.shareable = request.get_full_path() == canonical
    return response


@require_safe
def matrix_csv(request: HttpRequest, slug: str) -> HttpResponse:
    """One row per matter and party: the stance as of the point asked for, and its marks."""
    result = resolve(request, slug, request.user)
    if isinstance(result, HttpResponse):
        return result
    header = [
        "topic",
        "matter",
        "matter_title",
        "party",
        "party_name",
        "stance",
        "stated_on",
        "speaker",
        "paraphrase",
        "earlier_positions",
        "conflict",
        "old",
        "as_of",
        "as_of_draft",
    ]
    if result.since:
        header += ["since", "stance_since", "shifted"]
    rows = []
    for group in result.groups:
        for row in group.rows:
            for cell in row.cells:
                p = cell.latest
                values = [
                    group.title,
                    row.matter.code,
                    row.matter.title,
                    cell.party.slug,
                    cell.party.name,
                    cell.stance,
                    dates.iso_date(p.stated_on, p.stated_precision) if p else "",
                    p.who if p else "",
                    p.paraphrase if p else "",
                    cell.earlier_count,
                    cell.conflict,
                    cell.old,
                    result.as_of.day.isoformat(),
                    result.as_of.draft.slug if result.as_of.draft else "",
                ]
                if result.since:
                    values += [result.since.day.isoformat(), cell.since_stance, cell.shifted]
                rows.append(values)
    filename = f"matrix-{result.process.slug}-{result.as_of.day.isoformat()}.csv"
    return csv_download(filename, header, rows)
