from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_safe

from apps.alignment.models import MatterEntry
from apps.compare.comparison import SLUG
from apps.core import fragments, versioning
from apps.core.htmx import render_error, render_page
from apps.sources.models import Citation

from . import queries
from .models import Draft, DraftLink, PeaceProcess, Provision, Topic, can_preview

PROCESSES_PER_PAGE = 5


def _draft_shown(user, pk: int) -> Draft:
    """The draft with what its page says of it: authors, and whether it is disputed."""
    return get_object_or_404(
        Draft.objects.visible_to(user)
        .with_disputes()
        .select_related("process")
        .prefetch_related("authors"),
        pk=pk,
    )


def _query(**params: str) -> str:
    """`?a=1&b=2` of the non-empty parameters, or nothing."""
    shown = urlencode({k: v for k, v in params.items() if v})
    return f"?{shown}" if shown else ""


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    visible = Draft.objects.visible_to(request.user)
    preview = can_preview(request.user)
    processes = PeaceProcess.objects.filter(pk__in=visible.values("process")).order_by(
        "position", "name", "pk"
    )
    # A page of processes, each with all its drafts: with many processes the home page
    # would otherwise list every draft there is.
    page = Paginator(processes, PROCESSES_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "drafts/home.html",
        {
            # Read by the template only when its cached rendering is out of date: the
            # drafts' queries are not even built on most visits.
            "processes": SimpleLazyObject(
                lambda: list(_with_drafts(page.object_list, visible, preview))
            ),
            "page": page,
            "recent": SimpleLazyObject(lambda: list(queries.recent_provisions(request.user))),
            "content_version": versioning.current(),
            "preview": preview,
        },
    )


def _with_drafts(processes, visible, preview: bool):
    return processes.prefetch_related(
        Prefetch(
            "drafts",
            queryset=visible.prefetch_related(
                "authors",
                Prefetch(
                    "parent_links",
                    queryset=DraftLink.objects.filter(parent__in=visible).select_related("parent"),
                ),
            )
            .with_provision_count(public_only=not preview)
            .with_disputes(),
        )
    )


@require_safe
def draft_detail(request: HttpRequest, slug: str) -> HttpResponse:
    since = versioning.current()  # before reading what the cached part shows
    draft = get_object_or_404(
        Draft.objects.visible_to(request.user).select_related("process"), slug=slug
    )
    topic = None
    code = request.GET.get("topic", "")
    if code:
        topic = Topic.objects.filter(code=code).first() if SLUG.fullmatch(code) else None
        if topic is None:
            return render_error(
                request,
                f"There is no topic “{code[:60]}”.",
                status=400,
                back=[(draft.get_absolute_url(), f"All provisions of {draft}")],
            )
    corroboration = request.GET.get("corroboration", "")
    if corroboration not in ("", "needed"):
        return render_error(
            request,
            f"“{corroboration[:60]}” is not a filter: use corroboration=needed.",
            status=400,
            back=[(draft.get_absolute_url(), f"All provisions of {draft}")],
        )
    listing = fragments.cached(
        "draft-page",
        since=since,
        # The draft it follows is of the same process (Draft.clean), so that process's
        # version covers the lineage line too.
        processes=[draft.process_id],
        preview=can_preview(request.user),
        vary=[draft.pk, topic.pk if topic else "", corroboration],
        build=lambda: _draft_content(request.user, draft.pk, topic, corroboration),
    )
    return render_page(
        request,
        "drafts/draft.html",
        {
            "draft": draft,
            "listing": listing,
            "topic": topic,
            "corroboration": corroboration,
            "canonical_url": request.build_absolute_uri(
                draft.get_absolute_url()
                + _query(topic=topic.code if topic else "", corroboration=corroboration)
            ),
            "share_description": (
                f"{draft.title}: {listing['count']} provision{'s' if listing['count'] != 1 else ''}"
                + (f" on {topic}" if topic else "")
                + ", with the sources behind each."
            ),
        },
        fragment="provision-list",
    )


def _draft_content(user, pk: int, topic, corroboration: str) -> dict:
    """What the draft page shows of the material: the facts about the draft and its lineage,
    the sources on the draft itself, the filters, the list of provisions (as HTML) and how
    many provisions it lists."""
    draft = _draft_shown(user, pk)
    parent = queries.parent_of(draft)
    if parent is not None and not Draft.objects.visible_to(user).filter(pk=parent.pk):
        parent = None
    provisions = list(queries.draft_provisions(draft, user, topic))
    # Counted before the filter, so the page says how many there are either way.
    needing_corroboration = sum(p.needs_corroboration for p in provisions)
    if corroboration:
        provisions = [p for p in provisions if p.needs_corroboration]
    relations = queries.relations_to_parent(draft, parent, user)
    for provision in provisions:
        provision.alignment = relations.get(provision.pk, [])
    context = {
        "draft": draft,
        "parent": parent,
        "disputes": queries.draft_disputes(draft, user),
        "citations": Citation.objects.visible_to(user).filter(draft=draft).select_related("source"),
        "topics": Topic.objects.filter(
            provisions__in=Provision.objects.visible_to(user).filter(draft=draft)
        ).distinct(),
        "provisions": provisions,
        "topic": topic,
        "corroboration": corroboration,
        "needing_corroboration": needing_corroboration,
        "corroboration_mark": queries.CORROBORATION_NEEDED,
    }
    return {
        "facts": render_to_string("drafts/draft.html#draft-facts", context),
        "sources": render_to_string("drafts/draft.html#draft-sources", context),
        "filters": render_to_string("drafts/draft.html#filters", context),
        "provisions": render_to_string("drafts/draft.html#provisions", context),
        "count": len(provisions),
    }


@require_safe
def provision_detail(request: HttpRequest, key: str) -> HttpResponse:
    provision = get_object_or_404(
        Provision.objects.visible_to(request.user).select_related("draft__process"),
        key=key,
    )
    citations = queries.citations_disputing_first(request.user).filter(provision=provision)
    entries = (
        MatterEntry.objects.visible_to(request.user)
        .filter(provision=provision)
        .select_related("matter")
    )
    return render_page(
        request,
        "drafts/provision.html",
        {"provision": provision, "citations": citations, "entries": entries},
        fragment="citations",
    )
