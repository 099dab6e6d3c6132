"""What a reader may see: the publish gate shared by every export and API endpoint.

The public sees published drafts, provisions, matters and citations (each through its
model's `visible_to`); editors and publishers preview everything. Parties' positions are
public, as on the site, except those about an unpublished matter.
"""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, PeaceProcess, Provision, Topic, can_preview
from apps.drafts.queries import citation_count_per_row
from apps.positions.models import Position
from apps.sources.models import Citation, Source


def is_staff(user) -> bool:
    """Whether the reader previews unpublished material (editors and publishers)."""
    return can_preview(user)


def drafts(user) -> QuerySet:
    return Draft.objects.visible_to(user)


def provisions(user) -> QuerySet:
    return Provision.objects.visible_to(user)


def serializable_provisions(user) -> QuerySet:
    """Provisions the reader may see, with what `serializers.provision` reads: topics, key
    terms, matter entries in row order, and the count of citations the reader may see."""
    return (
        provisions(user)
        .annotate(citation_count=citation_count_per_row(user))
        .prefetch_related(
            "topics",
            "key_terms",
            Prefetch(
                "entries",
                queryset=matter_entries(user)
                .select_related("matter")
                .order_by("matter__position", "matter__code", "pk"),
            ),
        )
    )


def processes(user) -> QuerySet:
    """Staff see every process; the public those with at least one published draft."""
    if is_staff(user):
        return PeaceProcess.objects.all()
    return PeaceProcess.objects.filter(pk__in=drafts(user).values("process_id"))


def parent_links(user) -> QuerySet:
    """Lineage links to drafts the reader may see, with the parent fetched."""
    return DraftLink.objects.filter(parent__in=drafts(user)).select_related("parent").order_by("pk")


def citations(user) -> QuerySet:
    """Published citations of public provisions, drafts and positions (all, for staff)."""
    return Citation.objects.visible_to(user)


def citations_with_targets(user) -> QuerySet:
    """The citations `user` may see, each with the provision or draft it cites, by id."""
    return citations(user).select_related("provision__draft", "draft").order_by("pk")


def sources(user) -> QuerySet:
    """Staff see every source; the public only sources cited by something it may see."""
    if is_staff(user):
        return Source.objects.all()
    # Asked of each source and answered by its first public citation. As "in the sources of
    # the public citations", PostgreSQL joins every citation there is to learn it (a second
    # at 600,000 citations); a scalar subquery with a LIMIT is never turned into that join.
    first_public = citations(user).filter(source=OuterRef("pk")).order_by().values("pk")[:1]
    return Source.objects.alias(first_public=Subquery(first_public)).filter(
        first_public__isnull=False
    )


def matters(user) -> QuerySet:
    return Matter.objects.visible_to(user).filter(process__in=processes(user))


def positions(user) -> QuerySet:
    return Position.objects.visible_to(user)


def matter_entries(user) -> QuerySet:
    """Aligned provisions the reader may see, with provision and draft, in matter order."""
    return MatterEntry.objects.visible_to(user).select_related("provision__draft").order_by("pk")


def topic_and_subtopics(topic: Topic) -> list[int]:
    return [topic.pk, *Topic.objects.filter(parent=topic).values_list("pk", flat=True)]
