"""Dates known to the day, the month or only the year.

Drafts and sources are often dated only as "November 2025". We store the first day of
the period plus its precision, and show only what is known.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Precision(models.TextChoices):
    DAY = "day", "Exact day"
    MONTH = "month", "Month only"
    YEAR = "year", "Year only"


EARLIEST = datetime.date(1900, 1, 1)


def normalise(value: datetime.date | None, precision: str) -> datetime.date | None:
    """Move a date to the start of its period, so equal periods compare equal."""
    if value is None:
        return None
    if precision == Precision.MONTH:
        return value.replace(day=1)
    if precision == Precision.YEAR:
        return value.replace(month=1, day=1)
    return value


def validate_past_date(value: datetime.date | None, *, label: str) -> None:
    """Reject dates that cannot be real for a reported event: in the future or before 1900."""
    if value is None:
        return
    if value > timezone.localdate():
        raise ValidationError(f"{label} cannot be in the future ({value:%d %b %Y}).")
    if value < EARLIEST:
        raise ValidationError(f"{label} is implausibly early ({value.isoformat()}).")


def format_date(value: datetime.date | None, precision: str) -> str:
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return f"{value.year}"
    if precision == Precision.MONTH:
        return value.strftime("%b %Y")
    return f"{value.day} {value:%b %Y}"


def iso_date(value: datetime.date | None, precision: str) -> str:
    """The date as ISO 8601 cut to its precision: 2025-11-20, 2025-11 or 2025."""
    if value is None:
        return ""
    if precision == Precision.YEAR:
        return f"{value.year:04d}"
    if precision == Precision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def date_fields(verbose: str, *, help_text: str = "") -> tuple[models.DateField, models.CharField]:
    """A (date, precision) pair of fields for a date that may be known only to the month."""
    return (
        models.DateField(verbose, null=True, blank=True, help_text=help_text),
        models.CharField(
            f"{verbose} precision",
            max_length=5,
            choices=Precision.choices,
            default=Precision.DAY,
            help_text="Month only: stored as the 1st of the month and shown as 'Nov 2025'.",
        ),
    )
