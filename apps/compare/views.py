from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from apps.core.htmx import render_error, render_page, wants_fragment
from apps.drafts.models import Draft, Party, PeaceProcess, Topic

from . import comparison
from .comparison import CompareError
from .forms import CompareFilterForm


def compare_url(drafts_or_spec, query: str = "") -> str:
    spec = (
        drafts_or_spec
        if isinstance(drafts_or_spec, str)
        else comparison.canonical_spec(list(drafts_or_spec))
    )
    url = reverse("compare:compare", args=[spec])
    return f"{url}?{query}" if query else url


@require_GET
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
    visible = Draft.objects.visible_to(request.user)
    processes = (
        PeaceProcess.objects.filter(drafts__in=visible).distinct().prefetch_related("drafts")
    )
    return render(
        request,
        "compare/pick.html",
        {"processes": processes, "chosen": chosen, "error": error},
        status=400 if error else 200,
    )


@require_GET
def compare(request: HttpRequest, spec: str) -> HttpResponse:
    back = [
        (reverse("compare:pick"), "Choose drafts to compare"),
        (reverse("drafts:home"), "All drafts"),
    ]
    try:
        slugs = comparison.parse_slugs(spec)
        drafts = comparison.load_drafts(slugs, Draft.objects.visible_to(request.user))
    except CompareError as exc:
        return render_error(request, exc.message, status=exc.status, back=back)

    canonical = comparison.canonical_spec(drafts)
    if canonical != spec:
        # One comparison, one address: columns always run from the earliest draft.
        return HttpResponseRedirect(compare_url(canonical, request.GET.urlencode()))

    form = CompareFilterForm(request.GET, drafts=drafts)
    if not form.is_valid():
        back.insert(0, (compare_url(drafts), "This comparison without filters"))
        return render_error(request, form.error_text(), status=400, back=back)

    result = comparison.build(
        drafts,
        topic=form.cleaned_data["topic"],
        party=form.cleaned_data["party"],
        changed_only=form.cleaned_data["changed"],
        base=form.cleaned_data["base"],
    )
    canonical = compare_url(drafts, _canonical_query(form))
    response = render_page(
        request,
        "compare/compare.html",
        {
            "cmp": result,
            "topics": _topic_options(),
            "parties": Party.objects.filter(drafts__in=drafts).distinct(),
            "url_without_filters": compare_url(drafts),
            "canonical_url": request.build_absolute_uri(canonical),
        },
        fragment="compare-table",
    )
    if wants_fragment(request):
        # The address bar shows the tidy permalink, not the raw form submission.
        response["HX-Push-Url"] = canonical
    return response


def _topic_options() -> list[Topic]:
    """Top-level topics, each followed by its subtopics."""
    topics = list(Topic.objects.all())
    children: dict[int, list[Topic]] = {}
    for t in topics:
        if t.parent_id:
            children.setdefault(t.parent_id, []).append(t)
    ordered = []
    for t in topics:
        if not t.parent_id:
            ordered.append(t)
            ordered.extend(children.get(t.pk, []))
    return ordered


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
    if data["base"] != "previous":
        parts.append(f"base={data['base']}")
    return "&".join(parts)
