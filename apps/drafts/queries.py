"""Reads shared by the public draft pages."""

from __future__ import annotations

from django.db.models import Case, Count, IntegerField, Prefetch, Q, Value, When

from apps.alignment.models import MatterEntry
from apps.core.queries import count_of
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
    """Which citations of a provision `user` may see, for provisions `user` may see (all
    callers annotate `Provision.objects.visible_to(user)`): of a public provision, a
    published citation is public (`CitationQuerySet.published`). Said as a condition on the
    joined row, not "in the published citations", which PostgreSQL answers by reading every
    citation there is."""
    return Q() if can_preview(user) else Q(citations__published=True)


def citation_count(user):
    """Annotation on provisions: how many of their citations `user` may see."""
    return Count("citations", filter=_cited(user), distinct=True)


def citation_count_per_row(user):
    """`citation_count` as a correlated subquery, for a paged list: only the page's rows
    are counted, and the list's total and order need no citation (a join groups every
    provision before the page is cut). The same rule as `_cited`, said of the citation."""
    cited = Citation.objects.all() if can_preview(user) else Citation.objects.filter(published=True)
    return count_of(cited, "provision")


def disputing_count(user):
    """Annotation on provisions: how many citations `user` may see dispute or report
    differently."""
    return Count("citations", filter=_cited(user) & ~Q(citations__stance="supports"), distinct=True)


# The fact sheet's rule: grade C (aggregator, mirror, state-affiliated or partisan) is for
# corroboration only. A provision whose supporting sources are all grade C needs an A or B
# source before it can be relied on.
STRONG_GRADES = ("A", "B")
CORROBORATION_NEEDED = "single low-grade source: corroboration needed"


def with_support(provisions, user, *, all_citations: bool = False):
    """Annotate `support_count` (supporting citations `user` may see, or every one with
    `all_citations`) and `strong_support_count` (those of them from a grade A or B source)."""
    supporting = (Q() if all_citations else _cited(user)) & Q(citations__stance="supports")
    return provisions.annotate(
        support_count=Count("citations", filter=supporting, distinct=True),
        strong_support_count=Count(
            "citations",
            filter=supporting & Q(citations__source__reliability__in=STRONG_GRADES),
            distinct=True,
        ),
    )


def needing_corroboration(provisions, user, *, all_citations: bool = False):
    """The provisions that rest on grade-C sources only (at least one, and no A or B)."""
    return with_support(provisions, user, all_citations=all_citations).filter(
        support_count__gt=0, strong_support_count=0
    )


def draft_provisions(draft: Draft, user, topic: Topic | None = None):
    provisions = (
        with_support(Provision.objects.visible_to(user), user)
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


def draft_disputes(draft: Draft, user) -> list[tuple[str, list[Citation]]]:
    """The disputed facts about the draft itself, each as (what is disputed, the citations
    reporting it: disputing and differing ones first, then those that support the version
    shown). A fact is the note its citations share; a disputing citation without a note is
    a fact of its own."""
    facts: dict[str, list[Citation]] = {}
    disputed: set[str] = set()
    for citation in citations_disputing_first(user).filter(draft=draft):
        fact = citation.note or f"Reported differently by {citation.source.outlet}"
        facts.setdefault(fact, []).append(citation)
        if citation.is_disputing:
            disputed.add(fact)
    return [(fact, cited) for fact, cited in facts.items() if fact in disputed]
