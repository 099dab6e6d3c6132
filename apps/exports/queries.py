"""What a reader may see: the publish gate shared by every export and API endpoint.

The public sees published drafts, their provisions, and what hangs off them; staff preview
everything (`Draft.objects.visible_to`). Parties' positions are public, as on the site.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, PeaceProcess, Topic
from apps.sources.models import Citation, Source


def is_staff(user) -> bool:
    return bool(getattr(user, "is_staff", False))


def drafts(user) -> QuerySet:
    return Draft.objects.visible_to(user)


def processes(user) -> QuerySet:
    """Staff see every process; the public those with at least one published draft."""
    if is_staff(user):
        return PeaceProcess.objects.all()
    return PeaceProcess.objects.filter(pk__in=drafts(user).values("process_id"))


def parent_links(user) -> QuerySet:
    """Lineage links to drafts the reader may see, with the parent fetched."""
    return DraftLink.objects.filter(parent__in=drafts(user)).select_related("parent").order_by("pk")


def citations(user) -> QuerySet:
    """Citations of visible provisions and drafts, and of positions."""
    if is_staff(user):
        return Citation.objects.all()
    visible = drafts(user)
    return Citation.objects.filter(
        Q(provision__draft__in=visible) | Q(draft__in=visible) | Q(position__isnull=False)
    )


def sources(user) -> QuerySet:
    """Staff see every source; the public only sources cited by something it may see."""
    if is_staff(user):
        return Source.objects.all()
    return Source.objects.filter(pk__in=citations(user).values("source_id"))


def matters(user) -> QuerySet:
    return Matter.objects.filter(process__in=processes(user))


def matter_entries(user) -> QuerySet:
    """Aligned provisions of visible drafts, with provision and draft, in matter order."""
    return (
        MatterEntry.objects.filter(provision__draft__in=drafts(user))
        .select_related("provision__draft")
        .order_by("pk")
    )


def topic_and_subtopics(topic: Topic) -> list[int]:
    return [topic.pk, *Topic.objects.filter(parent=topic).values_list("pk", flat=True)]
