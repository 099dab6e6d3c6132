from __future__ import annotations

import copy
import hashlib
from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST, require_safe

from apps.core import ratelimit, versioning
from apps.core.htmx import render_error, render_page, wants_fragment
from apps.core.pagecache import depends_on, shared_with_anonymous
from apps.drafts.models import Draft, PeaceProcess, Topic, can_preview
from apps.positions.band import filter_parties

from . import comparison, snapshot
from .comparison import CompareError
from .forms import CompareFilterForm
from .models import FrozenComparison
from .snippets import embed_context, frozen_title


def compare_url(drafts_or_spec, query: str = "") -> str:
    spec = (
        drafts_or_spec
        if isinstance(drafts_or_spec, str)
        else comparison.canonical_spec(list(drafts_or_spec))
    )
    url = reverse("compare:compare", args=[spec])
    return f"{url}?{query}" if query else url


@require_safe
def pick(request: HttpRequest) -> HttpResponse:
    """Choose drafts to compare; a GET form, so it works without JavaScript."""
    chosen = request.GET.getlist("d")
    error = ""
    if chosen:
        try:
            slugs = comparison.parse_slugs(comparison.SEPARATOR.join(chosen))
            drafts = comparison.load_drafts(slugs, Draft.objects.visible_to(request.user))
            return HttpResponseRedirect(compare_url(drafts))
        except CompareError as exc:
            error = exc.message
    visible = Draft.objects.visible_to(request.user).with_disputes()
    processes = (
        PeaceProcess.objects.filter(drafts__in=visible)
        .distinct()
        .prefetch_related(Prefetch("drafts", queryset=visible))
    )
    return render(
        request,
        "compare/pick.html",
        {"processes": processes, "chosen": chosen, "error": error},
        status=400 if error else 200,
    )


def _resolve(request: HttpRequest, spec: str, params, user, *, build: bool = True):
    """(comparison, filter form) for the URL's drafts and filters, as `user` may see them
    (None: as the public does), or a 4xx/redirect response.

    With build=False, (drafts, form): the caller builds, or serves a cached rendering.
    """
    drafts_qs = Draft.objects.visible_to(user)
    back = [
        (reverse("compare:pick"), "Choose drafts to compare"),
        (reverse("drafts:home"), "All drafts"),
    ]
    try:
        drafts = comparison.load_drafts(comparison.parse_slugs(spec), drafts_qs)
    except CompareError as exc:
        return render_error(request, exc.message, status=exc.status, back=back)

    canonical = comparison.canonical_spec(drafts)
    if canonical != spec:
        # One comparison, one address: columns always run from the earliest draft.
        return HttpResponseRedirect(compare_url(canonical, request.GET.urlencode()))

    form = CompareFilterForm(params, drafts=drafts)
    if not form.is_valid():
        back.insert(0, (compare_url(drafts), "This comparison without filters"))
        return render_error(request, form.error_text(), status=400, back=back)

    if not build:
        return drafts, form
    return _build(drafts, form, user), form


def _build(drafts, form: CompareFilterForm, user, *, page: int | None = 0):
    data = form.cleaned_data
    result = comparison.build(
        drafts,
        topic=data["topic"],
        party=data["party"],
        changed_only=data["changed"],
        base=data["base"],
        conflicts_only=data["conflict"],
        change=data["change"],
        change_in=data["in"],
        view=data["view"],
        page=(data["page"] or 1) if page == 0 else page,
        user=user,
    )
    _link_summary(result, form)
    return result


def _link_summary(result: comparison.Comparison, form: CompareFilterForm) -> None:
    """Each summary figure links to the rows it counts: the same topic, party and base, with
    the change filter (and nothing that would narrow the rows further)."""
    kept = QueryDict(_canonical_query(form), mutable=True)
    for name in ("changed", "conflict", "change", "in", "page"):
        kept.pop(name, None)
    for column in result.summary:
        for figure in column.figures:
            query = kept.copy()
            query["change"], query["in"] = figure.kind, column.draft.slug
            figure.query = query.urlencode()
    conflicts = kept.copy()
    conflicts["conflict"] = "1"
    result.conflict_query = conflicts.urlencode()
    changed = kept.copy()
    changed["changed"] = "1"
    result.changed_query = changed.urlencode()


GRID_CACHE_SECONDS = 24 * 3600


def _cached_grid(request: HttpRequest, drafts, form: CompareFilterForm) -> SimpleNamespace:
    """The comparison's rows, rendered once per content version and shared by visitors.

    There are two audiences, each with its own copy: the public, and those who preview
    unpublished material (editors and publishers), who all see the same thing, since
    `visible_to` gives previewers everything and the grid shows nothing else of the
    user. Any edit to the process's material or to shared material, publishing included,
    changes the key's content versions, so a cached grid is never stale.
    """
    audience = "preview" if can_preview(request.user) else "public"
    ident = f"{comparison.canonical_spec(drafts)}?{_canonical_query(form)}"
    digest = hashlib.sha256(ident.encode()).hexdigest()
    key = f"cmp-grid:{audience}:{versioning.token([drafts[0].process_id])}:{digest}"
    cached = cache.get(key)
    if cached is not None:
        return SimpleNamespace(**cached)
    result = _build(drafts, form, request.user)
    context = {
        "cmp": result,
        "frozen": False,
        "url_without_filters": compare_url(drafts),
        "show_stale": can_preview(request.user),
    }
    grid = render_to_string("compare/_grid.html", context, request)
    changes = render_to_string("compare/_changes.html", context, request)
    summary = {
        "grid": mark_safe(grid),  # noqa: S308 - rendered by an autoescaping template
        "changes": mark_safe(changes),  # noqa: S308 - rendered by an autoescaping template
        "changed_rows": result.changed_rows,
        "labels_used": result.labels_used,
        "title": result.title,
        "description": result.description,
        "filter_description": result.filter_description,
        "shown": result.shown,
        "total_rows": result.total_rows,
        "filtered_rows": result.filtered_rows,
        "first_row_number": result.first_row_number,
        "last_row_number": result.last_row_number,
        "page": result.page,
        "pages": result.pages,
    }
    cache.set(key, summary, timeout=GRID_CACHE_SECONDS)
    return SimpleNamespace(**summary)


def _resolve_form(request: HttpRequest, spec: str, params, user):
    """Like `_resolve`, without building the comparison: (drafts, form) or a response."""
    return _resolve(request, spec, params, user, build=False)


@require_safe
@shared_with_anonymous
def compare(request: HttpRequest, spec: str) -> HttpResponse:
    resolved = _resolve_form(request, spec, request.GET, request.user)
    if isinstance(resolved, HttpResponse):
        return resolved
    drafts, form = resolved
    depends_on(request, drafts[0].process_id)
    data = form.cleaned_data
    shown = _cached_grid(request, drafts, form)
    result = SimpleNamespace(
        **vars(shown),
        drafts=drafts,
        process=drafts[0].process,
        spec=comparison.canonical_spec(drafts),
        topic=data["topic"],
        party=data["party"],
        changed_only=data["changed"],
        conflicts_only=data["conflict"],
        base=data["base"],
        change=data["change"],
        change_in=data["in"],
        view=data["view"],
    )
    canonical = compare_url(drafts, _canonical_query(form))
    filters = _canonical_query(form)
    embed_path = reverse("compare:embed", args=[result.spec]) + (f"?{filters}" if filters else "")
    response = render_page(
        request,
        "compare/compare.html",
        {
            "cmp": result,
            "pager": _pager(drafts, form, result),
            "topics": Topic.objects.in_tree_order(result.process),
            "parties": filter_parties(drafts),
            "url_without_filters": compare_url(drafts),
            "canonical_url": request.build_absolute_uri(canonical),
            "freeze_fields": _freeze_fields(form),
            "filters_query": _canonical_query(form),
            "embed": embed_context(
                request,
                request.build_absolute_uri(canonical),
                embed_path,
                f"Compare: {result.title}",
            ),
        },
        fragment="compare-table",
    )
    if wants_fragment(request):
        # The address bar shows the tidy permalink, not the raw form submission.
        response["HX-Push-Url"] = canonical
    response.shareable = request.get_full_path() == canonical
    return response


def _pager(drafts, form: CompareFilterForm, shown) -> list[tuple[int, str, bool]]:
    """(page number, URL, is current) for each page of rows; empty for a single page."""
    if shown.pages <= 1:
        return []
    query = QueryDict(_canonical_query(form), mutable=True)
    links = []
    for number in range(1, shown.pages + 1):
        if number == 1:
            query.pop("page", None)
        else:
            query["page"] = str(number)
        links.append((number, compare_url(drafts, query.urlencode()), number == shown.page))
    return links


@require_POST
def freeze(request: HttpRequest, spec: str) -> HttpResponse:
    """Store what the comparison shows now under a short permanent URL.

    Only published material can be frozen, whoever asks. The same content always gets the
    same link; only links for new content count against the client's rate limit.
    """
    resolved = _resolve(request, spec, request.POST, None)
    if isinstance(resolved, HttpResponse):
        return resolved
    result, form = resolved
    payload = snapshot.to_payload(result, query=_canonical_query(form))
    digest = snapshot.digest(payload)
    frozen = FrozenComparison.objects.filter(digest=digest).first()
    if frozen is None:
        wait = ratelimit.hit(
            request,
            "freeze",
            limit=settings.FREEZE_RATE_LIMIT,
            window=settings.FREEZE_RATE_WINDOW,
        )
        if wait is not None:
            minutes = max(1, round(wait / 60))
            response = render_error(
                request,
                "You have created many permanent links in a short time. "
                f"Please try again in about {minutes} minute{'s' if minutes != 1 else ''}.",
                status=429,
                back=[(compare_url(result.drafts, _canonical_query(form)), "Back")],
            )
            response["Retry-After"] = str(wait)
            return response
        frozen, _ = FrozenComparison.objects.get_or_create(
            digest=digest,
            defaults={"spec": result.spec, "query": payload["query"], "payload": payload},
        )
    return HttpResponseRedirect(frozen.get_absolute_url(), status=303)


@require_safe
@shared_with_anonymous
def frozen_view(request: HttpRequest, frozen_id: str) -> HttpResponse:
    frozen = get_object_or_404(FrozenComparison, pk=frozen_id)
    visible = Draft.objects.visible_to(request.user).filter(slug__in=frozen.draft_slugs)
    processes = list(visible.values_list("process_id", flat=True))
    depends_on(request, *processes)
    if len(processes) < len(frozen.draft_slugs):
        return render_error(
            request,
            "This permanent link shows drafts that are no longer published, so it cannot be "
            "shown any more.",
            status=410,
        )
    # Material unpublished since the link was made is left out, not shown from the copy.
    payload, withdrawn = snapshot.without_withdrawn(copy.deepcopy(frozen.payload), request.user)
    live_url, changes, live_problem = None, [], ""
    resolved = _resolve(request, frozen.spec, _live_query(frozen), None)
    if isinstance(resolved, HttpResponse):
        live_problem = "The live comparison of these drafts is no longer available."
    else:
        result, form = resolved
        live_payload = snapshot.to_payload(result, query=frozen.query)
        changes = snapshot.differences(payload, live_payload)
        live_url = compare_url(result.drafts, _live_query(frozen).urlencode())
    response = render(
        request,
        "compare/frozen.html",
        {
            "frozen": frozen,
            "cmp": snapshot.with_diffs(payload),
            "changes": changes,
            "withdrawn": withdrawn,
            "live_url": live_url,
            "live_problem": live_problem,
            "canonical_url": request.build_absolute_uri(frozen.get_absolute_url()),
            "embed": embed_context(
                request,
                request.build_absolute_uri(frozen.get_absolute_url()),
                reverse("compare:frozen-embed", args=[frozen.pk]),
                frozen_title(frozen),
            ),
        },
    )
    response.shareable = request.get_full_path() == frozen.get_absolute_url()
    return response


def _live_query(frozen: FrozenComparison) -> QueryDict:
    """The frozen view's filters for today's comparison. Links made when the previous
    column was the default base stored no `base`: they keep that base."""
    query = QueryDict(frozen.query, mutable=True)
    if "base" not in query and frozen.payload.get("base") == comparison.PREVIOUS:
        query["base"] = comparison.PREVIOUS
    return query


def _freeze_fields(form: CompareFilterForm) -> list[tuple[str, str]]:
    """The active filters as hidden fields of the “Permanent link” form."""
    return [(k, v) for k, v in QueryDict(_canonical_query(form)).items()]


def _canonical_query(form: CompareFilterForm) -> str:
    """The filters in a fixed order, defaults left out, so equal views share one URL."""
    data = form.cleaned_data
    parts = []
    if data["topic"]:
        parts.append(f"topic={data['topic'].code}")
    if data["changed"]:
        parts.append("changed=1")
    if data["party"]:
        parts.append(f"party={data['party'].slug}")
    if data["base"] != comparison.LINEAGE:
        parts.append(f"base={data['base']}")
    if data["conflict"]:
        parts.append("conflict=1")
    if data["change"]:
        parts.append(f"change={data['change']}")
    if data["in"]:
        parts.append(f"in={data['in'].slug}")
    if data["view"] != "marked":
        parts.append(f"view={data['view']}")
    if data.get("page") and data["page"] > 1:
        parts.append(f"page={data['page']}")
    return "&".join(parts)
