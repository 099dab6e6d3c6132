from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from apps.alignment.models import MatterEntry
from apps.compare.comparison import SLUG
from apps.core.htmx import render_error, render_page
from apps.sources.models import Citation

from . import queries
from .models import Draft, DraftLink, PeaceProcess, Provision, Topic, can_preview


def _get_draft(request: HttpRequest, slug: str) -> Draft:
    """The draft, if this visitor may see it (published, or any for staff); else 404."""
    return get_object_or_404(
        Draft.objects.visible_to(request.user)
        .select_related("process")
        .prefetch_related("authors"),
        slug=slug,
    )


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    visible = Draft.objects.visible_to(request.user)
    processes = (
        PeaceProcess.objects.filter(drafts__in=visible)
        .distinct()
        .prefetch_related(
            Prefetch(
                "drafts",
                queryset=visible.prefetch_related(
                    "authors",
                    Prefetch(
                        "parent_links",
                        queryset=DraftLink.objects.filter(parent__in=visible).select_related(
                            "parent"
                        ),
                    ),
                ).with_counts(public_only=not can_preview(request.user)),
            )
        )
    )
    return render(
        request,
        "drafts/home.html",
        {"processes": processes, "recent": queries.recent_provisions(request.user)},
    )


@require_safe
def draft_detail(request: HttpRequest, slug: str) -> HttpResponse:
    draft = _get_draft(request, slug)
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
    parent = queries.parent_of(draft)
    if parent is not None and not Draft.objects.visible_to(request.user).filter(pk=parent.pk):
        parent = None
    provisions = list(queries.draft_provisions(draft, request.user, topic))
    relations = queries.relations_to_parent(draft, parent, request.user)
    for provision in provisions:
        provision.alignment = relations.get(provision.pk, [])
    topics = Topic.objects.filter(
        provisions__in=Provision.objects.visible_to(request.user).filter(draft=draft)
    ).distinct()
    return render_page(
        request,
        "drafts/draft.html",
        {
            "draft": draft,
            "parent": parent,
            "provisions": provisions,
            "topic": topic,
            "topics": topics,
            "citations": Citation.objects.visible_to(request.user)
            .filter(draft=draft)
            .select_related("source"),
            "canonical_url": request.build_absolute_uri(
                draft.get_absolute_url() + (f"?topic={topic.code}" if topic else "")
            ),
            "share_description": (
                f"{draft.title}: {len(provisions)} provision{'s' if len(provisions) != 1 else ''}"
                + (f" on {topic}" if topic else "")
                + ", with the sources behind each."
            ),
        },
        fragment="provision-list",
    )


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
