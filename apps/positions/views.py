from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_safe

from apps.alignment.models import IN_DRAFT_ORDER, Matter, MatterEntry
from apps.compare.comparison import cell_status, sort_key
from apps.compare.snippets import embed_context
from apps.core import fragments, versioning
from apps.core.htmx import render_page
from apps.core.templatetags.peacetracker import join_slugs
from apps.drafts.models import Draft, Party, can_preview
from apps.drafts.queries import citations_disputing_first

from .models import Position


def _positions(user):
    """Positions `user` may see, with the citations they may see."""
    return (
        Position.objects.visible_to(user)
        .select_related("party", "matter", "topic__parent")
        .prefetch_related(Prefetch("citations", queryset=citations_disputing_first(user)))
    )


def _matters(user):
    return Matter.objects.visible_to(user).select_related("process", "topic__parent")


def mark_shifts(positions: list[Position]) -> list[Position]:
    """Set `shifted_from` on each position whose stance differs from the same party's
    previous position on the same matter (or topic, for positions without a matter)."""
    last: dict[tuple, Position] = {}
    for position in sorted(positions, key=lambda p: (p.stated_on, p.pk)):
        key = (position.party_id, position.matter_id or f"topic-{position.topic_id}")
        previous = last.get(key)
        position.shifted_from = (
            previous if previous is not None and previous.stance != position.stance else None
        )
        last[key] = position
    return positions


@require_safe
def party_detail(request: HttpRequest, slug: str) -> HttpResponse:
    since = versioning.current()  # before reading what the cached part shows
    party = get_object_or_404(Party, slug=slug)
    # Every process the party has a position in, shown or not, so publishing one retires the
    # list (and adding one in another process makes a new key).
    processes = Position.objects.filter(party=party).values_list("process_id", flat=True)
    listing = fragments.cached(
        "party-positions",
        since=since,
        processes=set(processes),
        preview=can_preview(request.user),
        vary=[party.pk],
        build=lambda: _party_positions(request.user, party),
    )
    drafts = Draft.objects.visible_to(request.user).filter(authors=party)
    party_url = reverse("positions:party", args=[party.slug])
    return render(
        request,
        "positions/party.html",
        {
            "party": party,
            "listing": listing,
            "drafts": drafts,
            "canonical_url": request.build_absolute_uri(party_url),
        },
    )


def _party_positions(user, party: Party) -> dict:
    """The party page's positions as HTML, how many, and how many shifted."""
    positions = mark_shifts(list(_positions(user).filter(party=party).chronological()))
    return {
        "html": render_to_string(
            "positions/party.html#positions", {"party": party, "positions": positions}
        ),
        "count": len(positions),
        "shifts": sum(1 for p in positions if p.shifted_from),
    }


@require_safe
def matter_detail(request: HttpRequest, pk: int) -> HttpResponse:
    since = versioning.current()  # before reading what the cached part shows
    matter = get_object_or_404(_matters(request.user), pk=pk)
    listing = fragments.cached(
        "matter-timeline",
        since=since,
        processes=[matter.process_id],
        preview=can_preview(request.user),
        vary=[matter.pk],
        build=lambda: _matter_timeline(request.user, matter),
    )
    url = request.build_absolute_uri(reverse("positions:matter", args=[matter.pk]))
    return render(
        request,
        "positions/matter.html",
        {
            "matter": matter,
            "listing": listing,
            "canonical_url": url,
            "embed": embed_context(
                request,
                url,
                reverse("compare:matter-embed", args=[matter.pk]),
                f"{matter.code} {matter.title}",
            ),
        },
    )


def _matter_timeline(user, matter: Matter) -> dict:
    """The matter page's drafts without it and its timeline as HTML, and the drafts with it
    (how many, and the path of their comparison)."""
    entries = (
        MatterEntry.objects.visible_to(user)
        .filter(matter=matter)
        .select_related("provision__draft")
        .order_by("provision__draft__presented_on", *IN_DRAFT_ORDER)
    )
    positions = mark_shifts(list(_positions(user).filter(matter=matter)))
    timeline = [
        {"kind": "draft", "date": e.provision.draft.sort_date, "entry": e} for e in entries
    ] + [{"kind": "position", "date": p.stated_on, "position": p} for p in positions]
    timeline.sort(key=lambda item: (item["date"] is None, item["date"], item["kind"]))
    drafts = sorted(
        {e.provision.draft for e in entries}, key=lambda d: (d.sort_date is None, d.sort_date)
    )
    # The drafts with nothing on this matter: unknown where their text is known only in
    # part, absent where it is a full text.
    others = (
        Draft.objects.visible_to(user)
        .filter(process_id=matter.process_id)
        .exclude(pk__in=[d.pk for d in drafts])
    )
    gaps = [(d, cell_status(d.text_basis, [])) for d in sorted(others, key=sort_key)]
    html = render_to_string(
        "positions/matter.html#timeline", {"matter": matter, "timeline": timeline, "gaps": gaps}
    )
    return {"html": html, "compared": len(drafts), "compare_path": join_slugs(drafts)}


@require_safe
def party_matter_history(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """Every position one party stated on one matter, oldest first.

    `?before=<position id>` keeps only those stated before that one: the comparison band
    asks for the positions earlier than the latest one it already shows.
    """
    matter = get_object_or_404(_matters(request.user), pk=pk)
    party = get_object_or_404(Party, slug=slug)
    positions = mark_shifts(
        list(_positions(request.user).filter(matter=matter, party=party).chronological())
    )
    before = request.GET.get("before", "")
    if before.isdigit():
        cut = next((i for i, p in enumerate(positions) if p.pk == int(before)), len(positions))
        positions = positions[:cut]
    return render_page(
        request,
        "positions/history.html",
        {"matter": matter, "party": party, "positions": positions},
        fragment="position-history",
    )
