from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from apps.drafts.models import Provision

from .values import format_number


class KeyTerm(models.Model):
    """A number or term a provision sets (army cap 600,000 troops; elections within 100 days).

    `code` names the term the same way in every draft, so the comparison can set one draft's
    army cap beside another's and show the difference.
    """

    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="key_terms")
    code = models.SlugField(
        max_length=40,
        help_text="Stable code, the same in every draft, e.g. army-cap. Terms with the same "
        "code are compared across drafts.",
    )
    name = models.CharField(max_length=80, help_text="As readers see it, e.g. “Army cap”.")
    value = models.DecimalField(
        max_digits=18,
        decimal_places=4,
        null=True,
        blank=True,
        help_text="The number, without separators: 600000. Leave empty for a term that is "
        "not a number.",
    )
    value_text = models.CharField(
        "value as text",
        max_length=120,
        blank=True,
        help_text="Only for a term that is not a number, e.g. “no limit”, “as soon as possible "
        "after signing”.",
    )
    unit = models.CharField(
        max_length=30, blank=True, help_text="Of the number, e.g. troops, days, USD bn."
    )
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within the provision.")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["provision", "position", "pk"]
        verbose_name = "key term"
        constraints = [
            models.UniqueConstraint(
                fields=["provision", "code"],
                name="keyterm_unique_code_in_provision",
                violation_error_message="This provision already records a term with this code.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.display}"

    @property
    def is_number(self) -> bool:
        return self.value is not None

    @property
    def display(self) -> str:
        """The value as readers see it: “600,000 troops”, “no limit”."""
        if self.value is None:
            return self.value_text
        return f"{format_number(self.value)} {self.unit}".strip()

    def clean(self) -> None:
        self.code = (self.code or "").strip().lower()
        self.value_text = (self.value_text or "").strip()
        self.unit = (self.unit or "").strip()
        if self.value is None and not self.value_text:
            raise ValidationError(
                {
                    "value": "Give the term a value: a number (e.g. 600000), or for a term that "
                    "is not a number, a text such as “no limit”."
                }
            )
        if self.value is not None and self.value_text:
            raise ValidationError(
                {
                    "value_text": "Give a number or a text, not both: qualifiers such as "
                    "“in peacetime” go in the note."
                }
            )
        if self.unit and self.value is None:
            raise ValidationError(
                {"unit": "A unit goes with a number: give the number, or clear the unit."}
            )

    def unit_mismatch(self) -> str:
        """A warning when another draft records the same term in another unit ("" if none).

        Not an error: renaming a unit means editing each draft in turn, and the drafts
        disagree in between. The comparison shows no difference across units meanwhile.
        """
        if self.value is None or not self.code:
            return ""
        other = (
            KeyTerm.objects.filter(code=self.code, value__isnull=False)
            .exclude(pk=self.pk)
            .exclude(unit=self.unit)
            .select_related("provision__draft")
            .first()
        )
        if other is None:
            return ""
        unit = f"“{other.unit}”" if other.unit else "no unit"
        mine = f"“{self.unit}”" if self.unit else "no unit"
        return (
            f"“{self.code}” is in {mine} here but in {unit} in “{other.provision}”: use one "
            "unit for a term, or the comparison cannot show the difference."
        )
