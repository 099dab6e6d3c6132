from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from apps.core import fragments, versioning
from apps.core.htmx import render_error, render_page, wants_fragment
from apps.drafts.models import can_preview

from . import queries
from .backends import current_backend
from .forms import SearchForm
from .queries import KIND_LABELS, KINDS, Filters
from .text import MAX_QUERY_LENGTH, MAX_TERMS, Query

# Anyone can make up queries: their results are kept minutes, not the day a page's part is.
SEARCH_RESULTS_SECONDS = 600


def _params(query: Query, f: Filters, **changes) -> dict[str, str]:
    """The search's tidy query string: only the parameters that say something."""
    params = {
        "q": query.text,
        "process": f.process.slug if f.process else "",
        "draft": f.draft.slug if f.draft else "",
        "topic": f.topic.code if f.topic else "",
        "party": f.party.slug if f.party else "",
        "reliability": f.reliability,
        "state": f.state,
        "kind": f.kind,
    }
    params.update(changes)
    return {k: str(v) for k, v in params.items() if v not in ("", None, 1)}


def _url(params: dict[str, str]) -> str:
    base = reverse("search:search")
    return f"{base}?{urlencode(params)}" if params else base


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    """Search provisions, citations and sources; the results region updates live via htmx."""
    since = versioning.current()  # before anything the results show is read
    form = SearchForm(request.GET, user=request.user)
    if not form.is_valid():
        q = form.cleaned_data.get("q")
        back = [(_url({"q": q.text}), f"Search for “{q.text}” without filters")] if q else []
        back.append((reverse("search:search"), "A new search"))
        return render_error(request, form.error_text(), status=400, back=back)

    query: Query = form.cleaned_data["q"]
    filters = form.filters
    requested_page = form.cleaned_data["page"]
    preview = can_preview(request.user)
    results = fragments.cached(
        "search-results",
        since=since,
        processes=(),
        preview=preview,
        # Results come from every process: any edit anywhere (the site-wide version) may
        # change them. The query as read (with its truncation) and the tidy filters.
        vary=[since, repr(query), *sorted(_params(query, filters, page=requested_page).items())],
        build=lambda: _results(query, filters, requested_page, request.user, preview),
        timeout=SEARCH_RESULTS_SECONDS,
        # Past the last page the last is shown: kept under its own number only, not under
        # every number past the end that someone asks for.
        keep=lambda found: found["page"] == requested_page,
    )
    canonical = _url(_params(query, filters, page=results["page"]))
    response = render_page(
        request,
        "search/search.html",
        {
            "query": query,
            "filters": filters,
            "results": results["html"],
            "supports_syntax": current_backend().supports_syntax,
            "canonical_url": request.build_absolute_uri(canonical),
            "preview": preview,
            "content_version": since,
            **queries.filter_options(request.user, filters.process),
        },
        fragment="search-results",
    )
    if wants_fragment(request):
        # The address bar shows the tidy permalink, not every empty field of the form.
        response["HX-Push-Url"] = canonical
    return response


def _results(query: Query, filters: Filters, page_number: int, user, preview: bool) -> dict:
    """The results region's content (HTML that shows nothing of the visitor but what they
    may see) and the page number it shows, which may be the last when more was asked."""
    outcome = queries.search(query, filters, user, page_number) if query else None
    kinds = []
    if outcome:
        kinds.append(("", "All results", sum(outcome.counts.values())))
        kinds += [(k, KIND_LABELS[k], outcome.counts[k]) for k in KINDS]
    backend = current_backend()
    html = render_to_string(
        "search/search.html#results-body",
        {
            "query": query,
            "filters": filters,
            "outcome": outcome,
            "kind_links": [
                (_url(_params(query, filters, kind=k)), label, n, k == filters.kind)
                for k, label, n in kinds
            ],
            "page_links": _page_links(outcome, query, filters),
            "supports_syntax": backend.supports_syntax,
            "max_length": MAX_QUERY_LENGTH,
            "max_terms": MAX_TERMS,
            "terms_capped": query.terms_truncated and not backend.supports_syntax,
            "preview": preview,
        },
    )
    shown = outcome.page.number if outcome else 1
    return {"html": html, "page": shown}


def _page_links(outcome, query: Query, filters: Filters) -> dict[str, str]:
    if outcome is None or not outcome.page.has_other_pages():
        return {}
    page = outcome.page
    links = {}
    if page.has_previous():
        links["previous"] = _url(_params(query, filters, page=page.previous_page_number()))
    if page.has_next():
        links["next"] = _url(_params(query, filters, page=page.next_page_number()))
    return links
