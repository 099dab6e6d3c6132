"""Publishing a draft with everything in it: its provisions and the citations of both.

Here, on the floor that knows drafts, matters and citations, because the checklist
counts all three.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q

from apps.alignment.models import MatterEntry
from apps.drafts.models import Draft, Provision

from .models import Citation

PERMISSIONS = ("drafts.publish_draft", "drafts.publish_provision", "sources.publish_citation")


@dataclass
class PublishPlan:
    """What publishing `draft` with everything would publish, and what is still missing."""

    draft: Draft
    provisions: list[Provision] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    uncited: list[Provision] = field(default_factory=list)
    unaligned: list[Provision] = field(default_factory=list)

    @property
    def objects(self) -> list[models.Model]:
        draft = [] if self.draft.published else [self.draft]
        return [*draft, *self.provisions, *self.citations]


def may_publish_all(user) -> bool:
    return all(user.has_perm(perm) for perm in PERMISSIONS)


def plan(draft: Draft) -> PublishPlan:
    provisions = list(
        Provision.objects.filter(draft=draft)
        .annotate(
            cited=Exists(Citation.objects.filter(provision=OuterRef("pk"))),
            aligned=Exists(MatterEntry.objects.filter(provision=OuterRef("pk"))),
        )
        .order_by("position", "pk")
    )
    citations = list(
        Citation.objects.filter(Q(draft=draft) | Q(provision__draft=draft), published=False)
        .select_related("source", "provision__draft", "draft")
        .order_by("pk")
    )
    return PublishPlan(
        draft=draft,
        provisions=[p for p in provisions if not p.published],
        citations=citations,
        uncited=[p for p in provisions if not p.cited],
        unaligned=[p for p in provisions if not p.aligned],
    )


@transaction.atomic
def publish_all(publish_plan: PublishPlan) -> int:
    """Publish every object of the plan, each saved on its own (history, content version)."""
    count = 0
    for obj in publish_plan.objects:
        obj.published = True
        fields = ["published"]
        if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
            fields.append("updated_at")
        obj.save(update_fields=fields)
        count += 1
    return count
