"""The data-quality report for editors: one list per kind of weakness in the data, each
item linked to the object to fix, with the editor's note where one explains why it stays.

The admin page and the `quality_report` command both print `build_report()`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Max, Q
from django.urls import reverse

from apps.alignment.models import MatterEntry
from apps.drafts.models import Draft, Provision
from apps.drafts.queries import needing_corroboration
from apps.history.models import Change
from apps.positions.models import Position
from apps.sources.models import Citation, Source

from .models import Check, QualityNote

# Hosts that serve a copy of an article rather than the outlet's own page: staging and
# origin servers, image hosts, and the mirror sites the fact sheet names.
NON_CANONICAL_HOST = re.compile(
    r"^(staging|origin(-\d+)?|gs-img|img|images|cdn|static)\.|(^|\.)(squidsite02\.com|censorship\.guide)$"
)

EXPLANATIONS = {
    Check.UNCITED: "Every provision needs at least one source.",
    Check.C_ONLY: (
        "Grade C (aggregator, mirror, state-affiliated or partisan) is for corroboration "
        "only: find an A or B source, or say why none exists."
    ),
    Check.EMPTY_EXCERPT: (
        "A citation that disputes or reports differently, cites a draft or a position, or "
        "carries a note states a claim of its own: its excerpt must say what the source says."
    ),
    Check.STALE_RELATION: (
        "The text of a provision in the row changed after the relation or label was "
        "recorded: check the relation still holds, then save it."
    ),
    Check.SOURCE_URL: "Readers follow the URL: give the outlet's own page, or say why not.",
    Check.DRAFT_UNSOURCED: (
        "A draft's dates, authors and point count need a source that supports them."
    ),
    Check.SPEAKERLESS_QUOTE: "A quotation needs the name of who said it.",
}


@dataclass
class Item:
    obj: models.Model
    label: str
    problem: str
    note: str = ""
    content_type_id: int | None = None

    @property
    def url(self) -> str:
        """The admin page to fix it on: its own, or its matter's for an aligned provision
        (edited inline there)."""
        target = self.obj.matter if isinstance(self.obj, MatterEntry) else self.obj
        meta = target._meta
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[target.pk])


@dataclass
class Section:
    check: Check
    items: list[Item] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.check.label

    @property
    def explanation(self) -> str:
        return EXPLANATIONS[self.check]

    @property
    def unexplained(self) -> list[Item]:
        return [item for item in self.items if not item.note]


def build_report() -> list[Section]:
    """Every list of the report, in `Check` order, each with its editor's notes attached."""
    sections = [
        Section(Check.UNCITED, _uncited()),
        Section(Check.C_ONLY, _c_only()),
        Section(Check.EMPTY_EXCERPT, _empty_excerpts()),
        Section(Check.STALE_RELATION, _stale_relations()),
        Section(Check.SOURCE_URL, _source_urls()),
        Section(Check.DRAFT_UNSOURCED, _unsourced_drafts()),
        Section(Check.SPEAKERLESS_QUOTE, _speakerless_quotes()),
    ]
    notes = {(n.kind, n.content_type_id, n.object_id): n.note for n in QualityNote.objects.all()}
    types: dict[type, int] = {}
    for section in sections:
        for item in section.items:
            model = type(item.obj)
            if model not in types:
                types[model] = ContentType.objects.get_for_model(model).pk
            item.content_type_id = types[model]
            item.note = notes.get((section.check.value, types[model], item.obj.pk), "")
    return sections


def unexplained_count(sections: list[Section]) -> int:
    return sum(len(s.unexplained) for s in sections)


# --- The lists ----------------------------------------------------------------------------


def _provision_label(p: Provision) -> str:
    return f"{p.draft.label}, point {p.label} ({p.key})" + (f": {p.heading}" if p.heading else "")


def _uncited() -> list[Item]:
    provisions = Provision.objects.filter(citations=None).select_related("draft").in_order()
    return [Item(p, _provision_label(p), "no citation") for p in provisions]


def _c_only() -> list[Item]:
    provisions = (
        needing_corroboration(Provision.objects.all(), None, all_citations=True)
        .select_related("draft")
        .in_order()
    )
    return [Item(p, _provision_label(p), "every supporting source is grade C") for p in provisions]


def _empty_excerpts() -> list[Item]:
    claims = (
        ~Q(stance=Citation.Stance.SUPPORTS)
        | Q(draft__isnull=False)
        | Q(position__isnull=False)
        | ~Q(note="")
    )
    citations = (
        Citation.objects.filter(excerpt="")
        .filter(claims)
        .select_related("source", "provision__draft", "draft", "position__party")
        .order_by("pk")
    )
    return [Item(c, str(c), "empty excerpt") for c in citations]


def _stale_relations() -> list[Item]:
    """Entries whose last recorded change is older than the last text change (creation or
    edit of the body) of a provision in the same row."""
    entry_type = ContentType.objects.get_for_model(MatterEntry)
    provision_type = ContentType.objects.get_for_model(Provision)
    recorded = dict(
        Change.objects.filter(content_type=entry_type)
        .values("object_id")
        .annotate(at=Max("at"))
        .values_list("object_id", "at")
    )
    text_changed = dict(
        Change.objects.filter(content_type=provision_type)
        .filter(Q(action=Change.Action.CREATED) | Q(fields__has_key="body"))
        .values("object_id")
        .annotate(at=Max("at"))
        .values_list("object_id", "at")
    )
    entries = list(
        MatterEntry.objects.select_related("matter", "provision__draft").order_by(
            "matter__position", "pk"
        )
    )
    row_changed: dict[int, list] = defaultdict(list)
    for entry in entries:
        if entry.provision_id in text_changed:
            row_changed[entry.matter_id].append(text_changed[entry.provision_id])
    items = []
    for entry in entries:
        at = recorded.get(entry.pk)
        latest = max(row_changed[entry.matter_id], default=None)
        if at is not None and latest is not None and latest > at:
            row = f"{entry.matter.code} {entry.matter.title}"
            items.append(
                Item(
                    entry,
                    f"{row}: {_provision_label(entry.provision)}",
                    f"relation “{entry.get_relation_display()}” recorded before the row's text "
                    "last changed",
                )
            )
    return items


def non_canonical(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return bool(NON_CANONICAL_HOST.search(host))


def _source_urls() -> list[Item]:
    items = []
    for source in Source.objects.order_by("key"):
        if not source.url:
            problem = "no URL"
        elif non_canonical(source.url):
            problem = f"URL on {urlsplit(source.url).hostname}"
        else:
            continue
        items.append(Item(source, f"{source.key}: {source}", problem))
    return items


def _unsourced_drafts() -> list[Item]:
    drafts = Draft.objects.exclude(
        pk__in=Citation.objects.filter(draft__isnull=False, stance=Citation.Stance.SUPPORTS).values(
            "draft"
        )
    ).order_by("process", "slug")
    return [
        Item(d, f"{d.label} ({d.slug})", "no source supports its date, authors or point count")
        for d in drafts
    ]


def _speakerless_quotes() -> list[Item]:
    positions = (
        Position.objects.exclude(quotation="")
        .filter(speaker="")
        .select_related("party", "matter", "topic")
        .order_by("stated_on", "pk")
    )
    return [Item(p, str(p), "a quotation without a speaker") for p in positions]
