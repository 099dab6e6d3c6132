from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from apps.core import dates
from apps.core.fields import SanitizedHTMLField
from apps.core.queries import count_of


def new_key() -> str:
    """A short, URL-safe stable id that never changes, whatever the label or order become."""
    return secrets.token_hex(5)


class PeaceProcess(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=80, unique=True)
    summary = SanitizedHTMLField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "peace process"
        verbose_name_plural = "peace processes"

    def __str__(self) -> str:
        return self.name


class Party(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", "State"
        BLOC = "bloc", "Bloc or coalition"
        DELEGATION = "delegation", "Delegation"
        ORGANISATION = "organisation", "International organisation"

    name = models.CharField(max_length=120, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="E.g. US, UA, E3.")
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.STATE)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"

    def __str__(self) -> str:
        return self.name


class TopicManager(models.Manager):
    def get_queryset(self) -> models.QuerySet:
        # A topic's name includes its parent's ("Territory › Crimea"): always fetch both. Its
        # process is fetched where a page shows it (the export, the API, the admin).
        return super().get_queryset().select_related("parent")

    def for_process(self, process) -> models.QuerySet:
        """The topic tree of one process: its own topics and those every process shares."""
        return self.filter(Q(process__isnull=True) | Q(process=process))

    def in_tree_order(self, process=None) -> list[Topic]:
        """Top-level topics, each followed by its subtopics (for menus and filters); only
        those of `process` (and the shared ones) when given."""
        topics = list(self.for_process(process) if process is not None else self.all())
        children: dict[int, list[Topic]] = {}
        for t in topics:
            if t.parent_id:
                children.setdefault(t.parent_id, []).append(t)
        ordered = []
        for t in topics:
            if not t.parent_id:
                ordered.append(t)
                ordered.extend(children.get(t.pk, []))
        return ordered


class Topic(models.Model):
    """Two levels at most: a topic (Territory) and its subtopics (Territory › Crimea).

    One taxonomy with a subset per process: a topic belongs to the process whose matters it
    names (Gaza's hostages are not Ukraine's prisoners of war), or to none when every
    process shares it. Codes stay unique across all of them, so a `?topic=` link means the
    same thing on every page.
    """

    code = models.SlugField(max_length=40, unique=True, help_text="Stable code, e.g. territory.")
    process = models.ForeignKey(
        PeaceProcess,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="topics",
        help_text="The process whose topic tree this is part of; empty when every process "
        "shares it.",
    )
    name = models.CharField(max_length=120)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    objects = TopicManager()

    class Meta:
        ordering = ["position", "name"]

    def __str__(self) -> str:
        if self.parent_id:
            return f"{self.parent.name} › {self.name}"
        return self.name

    def clean(self) -> None:
        if self.parent_id is None:
            return
        if self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": "A topic cannot be its own parent."})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": f"Topics have two levels: “{self.parent}” is already a subtopic."}
            )
        if self.parent.process_id != self.process_id:
            raise ValidationError(
                {"process": f"A subtopic belongs to the process of its topic “{self.parent}”."}
            )
        if self.pk and self.children.exists():
            raise ValidationError(
                {"parent": "This topic has subtopics of its own, so it cannot become one."}
            )


# Who may preview unpublished material on the public pages: those who can edit or publish
# it. Viewers (read-only staff) and anonymous visitors see published material only.
PREVIEW_PERMISSIONS = (
    "drafts.change_draft",
    "drafts.change_provision",
    "drafts.publish_draft",
    "drafts.publish_provision",
)


def can_preview(user) -> bool:
    """True if `user` sees unpublished drafts, provisions, matters and citations on the site."""
    if not (getattr(user, "is_staff", False) and getattr(user, "is_active", False)):
        return False
    return any(user.has_perm(perm) for perm in PREVIEW_PERMISSIONS)


class DraftQuerySet(models.QuerySet):
    def published(self) -> DraftQuerySet:
        return self.filter(published=True)

    def visible_to(self, user) -> DraftQuerySet:
        """Editors and publishers preview everything; others see published drafts only."""
        if can_preview(user):
            return self.all()
        return self.published()

    def with_disputes(self) -> DraftQuerySet:
        """Annotate `has_dispute`: whether a published citation of the draft itself (its
        date, authorship, point count…) disputes it or reports it differently."""
        from apps.sources.models import Citation

        disputing = Citation.objects.filter(draft=OuterRef("pk"), published=True).disputing()
        return self.annotate(has_dispute=Exists(disputing))

    def with_provision_count(self, *, public_only: bool) -> DraftQuerySet:
        """Annotate `provision_count` (published provisions only, with public_only)."""
        provisions = (
            Provision.objects.filter(published=True) if public_only else Provision.objects.all()
        )
        return self.annotate(provision_count=count_of(provisions, "draft"))

    def with_counts(self, *, public_only: bool) -> DraftQuerySet:
        """Annotate provision, citation and matter counts with one query, whatever the rows.

        With public_only, only what the public sees is counted (published provisions,
        matters and citations of public material).
        """
        from apps.alignment.models import MatterEntry
        from apps.sources.models import Citation

        # Counted apart (a citation has one target): "draft = x OR provision.draft = x"
        # cannot use either index and reads every citation once per draft.
        of_draft = Citation.objects.all()
        of_provisions = Citation.objects.all()
        entries = MatterEntry.objects.filter(provision__draft=OuterRef("pk"))
        if public_only:
            of_draft = of_draft.filter(published=True)
            of_provisions = of_provisions.filter(published=True, provision__published=True)
            # A public entry makes its matter public if the matter is published
            # (`MatterQuerySet.published`): no need to ask that of the matter's other entries.
            entries = entries.filter(
                provision__published=True, provision__draft__published=True, matter__published=True
            )
        matters = (
            entries.order_by()
            .annotate(one=models.Value(1))
            .values("one")
            .annotate(n=Count("matter", distinct=True))
        )
        return self.with_provision_count(public_only=public_only).annotate(
            citation_count=count_of(of_draft, "draft")
            + count_of(of_provisions, "provision__draft"),
            matter_count=Coalesce(
                Subquery(matters.values("n")[:1], output_field=models.IntegerField()), 0
            ),
        )


class Draft(models.Model):
    class Status(models.TextChoices):
        LEAKED = "leaked", "Leaked"
        PROPOSED = "proposed", "Proposed"
        NEGOTIATION = "negotiation", "Under negotiation"
        AGREED = "agreed", "Agreed"
        REJECTED = "rejected", "Rejected"
        SUPERSEDED = "superseded", "Superseded"

    class Kind(models.TextChoices):
        PLAN = "plan", "Plan"
        COUNTER = "counter-proposal", "Counter-proposal or conditions"
        AGREEMENT = "agreement", "Signed agreement"
        DECLARATION = "declaration", "Declaration"
        RESOLUTION = "resolution", "UN resolution"
        CHARTER = "charter", "Charter"

    class TextBasis(models.TextChoices):
        FULL = "full", "Full text"
        PARTIAL = "partial", "Partial text"
        REPORTED = "reported", "Reported only"

    process = models.ForeignKey(PeaceProcess, on_delete=models.PROTECT, related_name="drafts")
    title = models.CharField(max_length=250)
    label = models.CharField(max_length=80, help_text="Short name, e.g. “28-point plan”.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Stable; used in comparison links. Do not change."
    )
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.PLAN,
        help_text="What sort of text it is. A resolution's provisions are its operative "
        "paragraphs; an agreement's, its articles.",
    )
    authors = models.ManyToManyField(Party, blank=True, related_name="drafts")
    presented_on, presented_precision = dates.date_fields("date presented")
    reported_on, reported_precision = dates.date_fields("date first reported")
    declared_points = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Number of points the draft is said to have."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.LEAKED)
    text_basis = models.CharField(
        "text known as", max_length=20, choices=TextBasis.choices, default=TextBasis.FULL
    )
    parents = models.ManyToManyField(
        "self",
        through="DraftLink",
        through_fields=("draft", "parent"),
        symmetrical=False,
        related_name="children",
        blank=True,
    )
    summary = SanitizedHTMLField(blank=True)
    published = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        # By the date the draft entered the record (presented, else first reported), so a
        # draft with no known presentation date sits where it was first reported.
        ordering = [
            "process",
            Coalesce("presented_on", "reported_on").asc(nulls_last=True),
            "reported_on",
            "title",
        ]
        permissions = [("publish_draft", "Can publish and unpublish drafts")]

    def __str__(self) -> str:
        return self.label or self.title

    def get_absolute_url(self) -> str:
        # Once per draft and slug: a comparison links each draft from every one of its cells.
        cached = self.__dict__.get("_url")
        if cached is None or cached[0] != self.slug:
            cached = self._url = (self.slug, reverse("drafts:draft", args=[self.slug]))
        return cached[1]

    # Short enough for a column head or a timeline card.
    KIND_SHORT = {Kind.COUNTER: "Counter-proposal", Kind.AGREEMENT: "Agreement"}

    @property
    def kind_short(self) -> str:
        return self.KIND_SHORT.get(self.kind) or self.get_kind_display()

    @property
    def kind_in_sentence(self) -> str:
        """The kind inside a sentence: "a plan", but "a UN resolution" keeps its capitals."""
        shown = self.get_kind_display()
        return shown if shown[:2].isupper() else shown[0].lower() + shown[1:]

    @property
    def sort_date(self):
        """The date the draft entered the record: presented, else first reported."""
        return self.presented_on or self.reported_on

    @property
    def is_disputed(self) -> bool:
        """True if published reports dispute a fact about the draft itself (its date,
        authorship, point count…). Read from `with_disputes()` when annotated."""
        flag = getattr(self, "has_dispute", None)
        if flag is None:
            flag = self.citations.filter(published=True).disputing().exists()
        return bool(flag)

    @property
    def presented_display(self) -> str:
        return dates.format_date(self.presented_on, self.presented_precision)

    @property
    def reported_display(self) -> str:
        return dates.format_date(self.reported_on, self.reported_precision)

    def renumber_provisions(self) -> None:
        """Make positions 1..n in the current order, so inserted rows slot in cleanly.

        Each provision whose position moves is saved on its own (not bulk_update), so the
        save signals run: the history records the move and the content version changes.
        Only the moved rows are written; updated_at is left alone, as the text did not
        change.
        """
        provisions = list(self.provisions.order_by("position", "pk"))
        for index, provision in enumerate(provisions, start=1):
            if provision.position != index:
                provision.position = index
                provision.save(update_fields=["position"])

    def ancestor_ids(self) -> set[int]:
        """Ids of every draft this one descends from, through any number of links."""
        parents: dict[int, set[int]] = {}
        links = DraftLink.objects.filter(draft__process_id=self.process_id)
        for child, parent in links.values_list("draft", "parent"):
            parents.setdefault(child, set()).add(parent)
        seen: set[int] = set()
        todo = list(parents.get(self.pk, ()))
        while todo:
            current = todo.pop()
            if current not in seen:
                seen.add(current)
                todo.extend(parents.get(current, ()))
        return seen

    def clean(self) -> None:
        errors = {}
        for field, label in (
            ("presented_on", "Date presented"),
            ("reported_on", "Date first reported"),
        ):
            try:
                dates.validate_past_date(getattr(self, field), label=label)
            except ValidationError as exc:
                errors[field] = exc
        if errors:
            raise ValidationError(errors)
        self.presented_on = dates.normalise(self.presented_on, self.presented_precision)
        self.reported_on = dates.normalise(self.reported_on, self.reported_precision)


class DraftLink(models.Model):
    """Lineage: this draft revises or answers an earlier one."""

    class Kind(models.TextChoices):
        REVISES = "revises", "revises"
        ANSWERS = "answers", "answers"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="parent_links")
    parent = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="child_links")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.REVISES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["draft", "parent"], name="draftlink_unique_pair"),
            models.CheckConstraint(
                condition=~Q(draft=models.F("parent")), name="draftlink_not_self"
            ),
        ]
        verbose_name = "lineage link"

    def __str__(self) -> str:
        return f"{self.draft} {self.get_kind_display()} {self.parent}"

    def clean(self) -> None:
        if not (self.draft_id and self.parent_id):
            return
        if self.draft_id == self.parent_id:
            raise ValidationError({"parent": "A draft cannot revise or answer itself."})
        if self.parent.process_id != self.draft.process_id:
            raise ValidationError(
                {"parent": "Lineage links drafts of the same peace process only."}
            )
        if self.draft_id in self.parent.ancestor_ids():
            raise ValidationError(
                {"parent": f"“{self.parent}” already descends from “{self.draft}”: no cycles."}
            )


class ProvisionQuerySet(models.QuerySet):
    def in_order(self) -> ProvisionQuerySet:
        return self.order_by("draft", "position", "pk")

    def published(self) -> ProvisionQuerySet:
        """Public provisions: published, in a published draft."""
        return self.filter(published=True, draft__published=True)

    def visible_to(self, user) -> ProvisionQuerySet:
        if can_preview(user):
            return self.all()
        return self.published()


class Provision(models.Model):
    class State(models.TextChoices):
        KNOWN = "known", "Text known"
        PARAPHRASED = "paraphrased", "Paraphrased from reports"
        BRACKETED = "bracketed", "Bracketed / left open"
        DELETED = "deleted", "Deleted in this draft"

    UNNUMBERED = "—"

    draft = models.ForeignKey(Draft, on_delete=models.CASCADE, related_name="provisions")
    key = models.SlugField(
        "stable id",
        max_length=40,
        unique=True,
        default=new_key,
        help_text="Never changes; used in links and exports instead of the label.",
    )
    label = models.CharField(
        max_length=20, help_text="Display number as the draft prints it: “12”, “12a”, or “—”."
    )
    position = models.PositiveIntegerField(default=0, help_text="Order within the draft.")
    heading = models.CharField(max_length=250, blank=True)
    body = SanitizedHTMLField(blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="provisions")
    state = models.CharField(max_length=20, choices=State.choices, default=State.KNOWN)
    published = models.BooleanField(
        default=False, help_text="Shown to the public only once it and its draft are published."
    )
    updated_at = models.DateTimeField(auto_now=True)
    text_changed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When its text or state last changed (not its position nor publish flag).",
    )

    objects = ProvisionQuerySet.as_manager()

    class Meta:
        ordering = ["draft", "position", "pk"]
        permissions = [("publish_provision", "Can publish and unpublish provisions")]
        # The home page's "most recent changes", read without sorting every provision.
        indexes = [models.Index(fields=["-updated_at", "-id"], name="provision_recent")]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "label"],
                condition=~Q(label="—"),
                name="provision_unique_label_in_draft",
                violation_error_message="This draft already has a provision with this label.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.draft} · {self.label}" + (f" {self.heading}" if self.heading else "")

    def save(self, *args, **kwargs) -> None:
        """Stamp `text_changed_at` when the words or the state change, so that a relation an
        editor recorded before then can be flagged as possibly stale."""
        update_fields = kwargs.get("update_fields")
        if update_fields is None or {"body", "state"} & set(update_fields):
            stored = None
            if not self._state.adding and self.pk:
                stored = type(self).objects.filter(pk=self.pk).values_list("body", "state").first()
            # Sanitised here, once, by the field itself (it leaves clean HTML alone).
            self.body = self._meta.get_field("body")._sanitised(self.body or "")
            if stored != (self.body, self.state):
                self.text_changed_at = timezone.now()
                if update_fields is not None:
                    kwargs["update_fields"] = {*update_fields, "text_changed_at"}
        super().save(*args, **kwargs)

    @property
    def numbers_in_sources(self) -> list[tuple[str, list[str]]]:
        """The other numbers sources give this point, where theirs differ from its label:
        [(number, [outlets])]. Reads the citations as fetched (so only those the reader may
        see, when the view prefetched them that way)."""
        found: dict[str, list[str]] = {}
        for citation in self.citations.all():
            number = citation.source_number
            if number and number != self.label:
                outlets = found.setdefault(number, [])
                if citation.source.outlet not in outlets:
                    outlets.append(citation.source.outlet)
        return sorted(found.items())

    @property
    def needs_corroboration(self) -> bool:
        """True if every source supporting it is grade C (read from
        `queries.with_support()`): the fact sheet uses grade C for corroboration only."""
        return getattr(self, "support_count", 0) > 0 and not getattr(
            self, "strong_support_count", 0
        )

    def clean(self) -> None:
        self.label = (self.label or "").strip()
        if self.label in {"-", "–"}:
            self.label = self.UNNUMBERED
        if not self.label:
            raise ValidationError({"label": "Give a label, or “—” for an unnumbered provision."})
