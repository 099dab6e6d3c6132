"""Reads shared by the public draft pages."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When

from apps.alignment.models import MatterEntry
from apps.sources.models import Citation

from .models import Draft, Provision, Topic, can_preview


def citations_disputing_first(user):
    """Citations `user` may see (None: the public), with their sources, disputing and
    differing reports before supporting ones."""
    return (
        Citation.objects.visible_to(user)
        .select_related("source")
        .order_by(
            Case(
                When(stance="supports", then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            "source__published_on",
            "pk",
        )
    )


def _cited(user) -> Q:
    return Q() if can_preview(user) else Q(citations__in=Citation.objects.published())


def citation_count(user):
    """Annotation on provisions: how many of their citations `user` may see."""
    return Count("citations", filter=_cited(user), distinct=True)


def disputing_count(user):
    """Annotation on provisions: how many citations `user` may see dispute or report
    differently."""
    return Count("citations", filter=_cited(user) & ~Q(citations__stance="supports"), distinct=True)


def draft_provisions(draft: Draft, user, topic: Topic | None = None):
    provisions = (
        Provision.objects.visible_to(user)
        .filter(draft=draft)
        .in_order()
        .annotate(disputing_count=disputing_count(user))
        .prefetch_related("topics", Prefetch("citations", queryset=citations_disputing_first(user)))
    )
    if topic is not None:
        provisions = provisions.filter(topics__in=[topic, *topic.children.all()]).distinct()
    return provisions


def parent_of(draft: Draft) -> Draft | None:
    """The draft this one revises or answers (the first such link), if it is visible."""
    link = (
        draft.parent_links.select_related("parent")
        .order_by("kind", "parent__presented_on", "pk")
        .first()
    )
    return link.parent if link else None


def relations_to_parent(draft: Draft, parent: Draft | None, user) -> dict[int, list[MatterEntry]]:
    """Each provision's matter entries; `entry.parent_in_row` is True if the parent shares it."""
    visible = MatterEntry.objects.visible_to(user)
    entries = list(visible.filter(provision__draft=draft).select_related("matter"))
    shared: set[int] = set()
    if parent is not None:
        shared = set(
            visible.filter(
                matter__in={e.matter_id for e in entries}, provision__draft=parent
            ).values_list("matter_id", flat=True)
        )
    result: dict[int, list[MatterEntry]] = {}
    for entry in entries:
        entry.parent_in_row = entry.matter_id in shared
        result.setdefault(entry.provision_id, []).append(entry)
    return result


def recent_provisions(user, limit: int = 8):
    return (
        Provision.objects.visible_to(user)
        .select_related("draft")
        .order_by("-updated_at", "-pk")[:limit]
    )
