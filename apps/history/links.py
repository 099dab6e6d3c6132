"""Where each recorded change can be read: the changed object's own public page, or (for an
object deleted or without a page of its own) the public page that held it.

Four queries for a whole page of changes, however many: published provisions, published
drafts, published matters and parties, each fetched once by the ids the snapshots name.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from apps.alignment.models import Matter
from apps.drafts.models import Draft, Party, Provision

from .models import Change


def _kind(change: Change) -> str:
    return change.content_type.model


def attach_urls(changes: list[Change]) -> list[Change]:
    """Set `url` (the changed object's public page, or None) and `context_url` (the public
    page that holds it, or None) on each change."""
    provision_keys, provision_ids, draft_slugs, draft_ids = set(), set(), set(), set()
    matter_ids, party_ids = set(), set()
    for change in changes:
        snap, kind = change.snapshot, _kind(change)
        if change.draft_ref:
            draft_ids.add(change.draft_ref)
        if kind == "provision" and snap.get("key"):
            provision_keys.add(snap["key"])
        elif kind == "draft" and snap.get("slug"):
            draft_slugs.add(snap["slug"])
        elif kind == "citation":
            provision_ids.add(snap.get("provision_id"))
            draft_ids.add(snap.get("draft_id"))
        elif kind == "position":
            matter_ids.add(snap.get("matter_id"))
            party_ids.add(snap.get("party_id"))
    provisions = dict(
        Provision.objects.published()
        .filter(Q(key__in=provision_keys) | Q(pk__in=provision_ids - {None}))
        .values_list("pk", "key")
    )
    drafts = dict(
        Draft.objects.published()
        .filter(Q(slug__in=draft_slugs) | Q(pk__in=draft_ids - {None}))
        .values_list("pk", "slug")
    )
    matters = set(
        Matter.objects.published().filter(pk__in=matter_ids - {None}).values_list("pk", flat=True)
    )
    parties = dict(Party.objects.filter(pk__in=party_ids - {None}).values_list("pk", "slug"))
    public_keys, public_slugs = set(provisions.values()), set(drafts.values())

    def provision_url(key):
        return reverse("drafts:provision", args=[key]) if key in public_keys else None

    def draft_url(slug):
        return reverse("drafts:draft", args=[slug]) if slug in public_slugs else None

    def matter_url(pk):
        return reverse("positions:matter", args=[pk]) if pk in matters else None

    def party_url(pk):
        return reverse("positions:party", args=[parties[pk]]) if pk in parties else None

    for change in changes:
        snap, kind = change.snapshot, _kind(change)
        gone = change.action == Change.Action.DELETED
        url = context = None
        if kind == "provision":
            url = None if gone else provision_url(snap.get("key"))
            context = draft_url(drafts.get(change.draft_ref))
        elif kind == "draft":
            url = None if gone else draft_url(snap.get("slug"))
        elif kind == "citation":
            # A citation is read where it is shown: with its provision, draft or position.
            context = provision_url(provisions.get(snap.get("provision_id"))) or draft_url(
                drafts.get(snap.get("draft_id"))
            )
            url = None if gone else context
        elif kind == "position":
            context = matter_url(snap.get("matter_id")) or party_url(snap.get("party_id"))
            url = None if gone else context
        change.url, change.context_url = url, context or draft_url(drafts.get(change.draft_ref))
    return changes
