from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from apps.alignment.models import Matter
from apps.core import dates
from apps.drafts.models import Party, PeaceProcess, Topic, can_preview

QUOTATION_LIMIT = 300


class PositionQuerySet(models.QuerySet):
    def as_of(self, day) -> PositionQuerySet:
        """Positions stated on or before `day` (all of them when `day` is None)."""
        return self if day is None else self.filter(stated_on__lte=day)

    def chronological(self) -> PositionQuerySet:
        return self.order_by("stated_on", "pk")

    def visible_to(self, user) -> PositionQuerySet:
        """Positions are public, except those about a matter the visitor may not see."""
        if can_preview(user):
            return self.all()
        return self.filter(models.Q(matter__isnull=True) | Matter.objects.is_published("matter_id"))


class Position(models.Model):
    """What a party said about a matter or a topic, on a date, and where it was reported."""

    class Stance(models.TextChoices):
        ACCEPTS = "accepts", "Accepts"
        REJECTS = "rejects", "Rejects"
        DEMANDS = "demands", "Demands"
        CONDITIONAL = "conditional", "Conditional"
        UNCLEAR = "unclear", "Unclear"

    process = models.ForeignKey(PeaceProcess, on_delete=models.PROTECT, related_name="positions")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="positions")
    speaker = models.CharField(max_length=120, blank=True, help_text="Who said it, e.g. Zelensky.")
    speaker_role = models.CharField(max_length=160, blank=True, help_text="E.g. President.")
    matter = models.ForeignKey(
        Matter, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    stance = models.CharField(max_length=12, choices=Stance.choices)
    paraphrase = models.TextField(help_text="The position in our words.")
    quotation = models.CharField(
        max_length=QUOTATION_LIMIT,
        blank=True,
        help_text=f"Optional short quotation, at most {QUOTATION_LIMIT} characters.",
    )
    quotation_translated = models.BooleanField(
        "quotation translated",
        default=False,
        help_text="The quotation is an editor's translation from the language it was said in.",
    )
    stated_on, stated_precision = dates.date_fields("date stated")
    updated_at = models.DateTimeField(auto_now=True)

    objects = PositionQuerySet.as_manager()

    class Meta:
        ordering = ["-stated_on", "-pk"]
        indexes = [models.Index(fields=["matter", "party", "stated_on"])]

    def __str__(self) -> str:
        about = self.matter or self.topic or "—"
        return f"{self.party}: {self.get_stance_display().lower()} ({about}, {self.stated_display})"

    @property
    def stated_display(self) -> str:
        return dates.format_date(self.stated_on, self.stated_precision)

    @property
    def who(self) -> str:
        if self.speaker and self.speaker_role:
            return f"{self.speaker} ({self.speaker_role})"
        return self.speaker or str(self.party)

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.stated_on is None:
            errors["stated_on"] = "Give the date the position was stated (month is enough)."
        else:
            try:
                dates.validate_past_date(self.stated_on, label="The date stated")
            except ValidationError as exc:
                errors["stated_on"] = exc.messages[0]
        if not self.matter_id and not self.topic_id:
            errors["matter"] = "Say which matter or topic the position is about."
        if self.matter_id and self.process_id and self.matter.process_id != self.process_id:
            errors["matter"] = (
                f"Matter {self.matter.code} belongs to {self.matter.process}, "
                "not to this position's peace process."
            )
        if errors:
            raise ValidationError(errors)
        self.stated_on = dates.normalise(self.stated_on, self.stated_precision)
        if self.matter_id and not self.topic_id:
            self.topic_id = self.matter.topic_id
