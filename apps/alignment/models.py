from __future__ import annotations

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Q

from apps.drafts.models import PeaceProcess, Provision, Topic, can_preview


class MatterQuerySet(models.QuerySet):
    def published(self) -> MatterQuerySet:
        """Public matters: published, with at least one public provision (a row whose
        provisions are all unpublished would only name unpublished material), or with no
        provision at all: a matter known only from reports and statements (no draft's text
        has it), whose page says so."""
        public_entries = MatterEntry.objects.filter(
            matter=OuterRef("pk"), provision__published=True, provision__draft__published=True
        )
        any_entries = MatterEntry.objects.filter(matter=OuterRef("pk"))
        return self.filter(published=True).filter(Exists(public_entries) | ~Exists(any_entries))

    def is_published(self, matter: str) -> Exists:
        """A condition for other querysets: the matter whose id is at `matter` (a path
        from the outer row, e.g. "position__matter_id") is published.

        Correlated on purpose: "matter_id IN (the published matters)" under an OR makes
        PostgreSQL work out every published matter there is for each query.
        """
        return Exists(self.published().filter(pk=OuterRef(matter)))

    def visible_to(self, user) -> MatterQuerySet:
        """Editors and publishers preview every matter; others see published ones only."""
        if can_preview(user):
            return self.all()
        return self.published()


class Matter(models.Model):
    """One row of the comparison: the corresponding provisions of several drafts."""

    process = models.ForeignKey(PeaceProcess, on_delete=models.PROTECT, related_name="matters")
    code = models.SlugField(max_length=20, help_text="Stable row code, e.g. A16.")
    title = models.CharField(max_length=200)
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="matters"
    )
    note = models.TextField(blank=True, help_text="Where the drafts diverge, in one or two lines.")
    position = models.PositiveIntegerField(default=0)
    provisions = models.ManyToManyField(Provision, through="MatterEntry", related_name="matters")
    published = models.BooleanField(
        default=False, help_text="Shown as a comparison row to the public only once published."
    )

    objects = MatterQuerySet.as_manager()

    class Meta:
        ordering = ["process", "position", "code"]
        permissions = [("publish_matter", "Can publish and unpublish matters")]
        constraints = [
            models.UniqueConstraint(fields=["process", "code"], name="matter_unique_code"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


# A cell's points in their draft's order (Provision.Meta.ordering: position, then id),
# whatever order editors aligned them in; the entry's id only breaks a provision's own ties.
IN_DRAFT_ORDER = ("provision__position", "provision_id", "pk")


class MatterEntryQuerySet(models.QuerySet):
    def published(self) -> MatterEntryQuerySet:
        """Entries the public sees: of a published matter and a public provision."""
        return self.filter(
            matter__published=True, provision__published=True, provision__draft__published=True
        )

    def visible_to(self, user) -> MatterEntryQuerySet:
        if can_preview(user):
            return self.all()
        return self.published()

    def with_staleness(self) -> MatterEntryQuerySet:
        """Annotate `possibly_stale`: the relation (other than "new") was recorded before the
        provision's text, or the text of its counterpart in the draft it revises or
        answers, last changed.

        Entries recorded before the stamps existed (no date) are never flagged.
        """
        return self.annotate(possibly_stale=stale_condition())

    def possibly_stale(self) -> MatterEntryQuerySet:
        return self.filter(stale_condition())


class MatterEntry(models.Model):
    """A provision's place in a matter, and how it relates to the previous draft's wording."""

    class Relation(models.TextChoices):
        SAME = "same", "Same"
        REWORDED = "reworded", "Reworded"
        MOVED = "moved", "Moved / renumbered"
        SPLIT = "split", "Split"
        MERGED = "merged", "Merged"
        NEW = "new", "New"
        REMOVED = "removed", "Removed"

    class Label(models.TextChoices):
        SOFTENED = "softened", "Softened"
        HARDENED = "hardened", "Hardened"
        NEUTRAL = "neutral", "Neutral"

    # Several provisions of one draft may share a row only when a point was split or merged.
    MULTI_RELATIONS = frozenset({Relation.SPLIT, Relation.MERGED})

    matter = models.ForeignKey(Matter, on_delete=models.CASCADE, related_name="entries")
    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="entries")
    relation = models.CharField(max_length=10, choices=Relation.choices, default=Relation.SAME)
    label = models.CharField(max_length=10, choices=Label.choices, blank=True)
    rationale = models.CharField(max_length=200, blank=True, help_text="One line: why this label.")
    # Every save of the entry (an editor recording or confirming its relation) stamps it.
    relation_recorded_at = models.DateTimeField(auto_now=True, null=True, editable=False)

    objects = MatterEntryQuerySet.as_manager()

    class Meta:
        ordering = ["matter", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["matter", "provision"],
                name="matterentry_unique_provision",
                violation_error_message="This provision is already in this matter.",
            ),
        ]
        verbose_name = "aligned provision"

    def __str__(self) -> str:
        return f"{self.matter.code}: {self.provision} ({self.relation})"

    def clean(self) -> None:
        if self.label and not self.rationale:
            raise ValidationError({"rationale": "Say in one line why it is labelled so."})
        if not (self.matter_id and self.provision_id):
            return
        if self.provision.draft.process_id != self.matter.process_id:
            raise ValidationError(
                {"provision": "This provision belongs to a draft of another peace process."}
            )


def stale_condition() -> Q:
    counterpart_changed = MatterEntry.objects.filter(
        matter=OuterRef("matter"),
        provision__draft__child_links__draft=OuterRef("provision__draft"),
        provision__text_changed_at__gt=OuterRef("relation_recorded_at"),
    )
    # A provision recorded as new has no counterpart: no change of text makes that stale.
    return (
        Q(relation_recorded_at__isnull=False)
        & ~Q(relation="new")
        & (
            Q(provision__text_changed_at__gt=F("relation_recorded_at"))
            | Exists(counterpart_changed)
        )
    )


def check_entries(entries: list[tuple[int | None, str]]) -> None:
    """Validate a matter's rows together: (draft id, relation) for each provision.

    A draft may have several provisions in one matter only if each of them is marked
    split or merged.
    """
    per_draft = Counter(draft_id for draft_id, _ in entries if draft_id)
    for draft_id, relation in entries:
        if draft_id and per_draft[draft_id] > 1 and relation not in MatterEntry.MULTI_RELATIONS:
            raise ValidationError(
                "Two provisions of the same draft are in this matter: mark each of them "
                "“split” or “merged”, or move one to another matter."
            )


class RejectedSuggestion(models.Model):
    """An editor said no to “this provision belongs in this matter”: never offered again."""

    provision = models.ForeignKey(
        Provision, on_delete=models.CASCADE, related_name="rejected_suggestions"
    )
    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, related_name="rejected_suggestions"
    )
    rejected_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rejected_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provision", "matter"], name="rejectedsuggestion_unique_pair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provision} ✗ {self.matter.code}"
