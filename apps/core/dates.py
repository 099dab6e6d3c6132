"""Dates known to the day, the month or only the year.

Drafts and sources are often dated only as "November 2025". We store the first day of
the period plus its precision, and show only what is known.
"""

from __future__ import annotations

import datetime
import re
from typing import NamedTuple

from dateutil import parser as dateutil_parser
from django import forms
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


# --- Free-form dates, as editors type them ------------------------------------------------

PRECISION_WORDS = {
    Precision.DAY: "exact day",
    Precision.MONTH: "month only",
    Precision.YEAR: "year only",
}
EXAMPLES = "26 Nov 2025, 26.11.2025, 2025-11-26, November 2025 or 2025"
# "late November 2025" keeps what is certain (the month); the qualifier is not stored.
_QUALIFIER = re.compile(
    r"^(?:early|mid|late|end of|the end of|beginning of|start of|the start of)[\s-]+", re.I
)
_YEAR_FIRST = re.compile(r"^\d{4}\D")
# Two defaults that differ in every part: a part the text did not give comes out different.
_DEFAULTS = (datetime.datetime(2000, 1, 1), datetime.datetime(2001, 2, 2))


class ParsedDate(NamedTuple):
    """A date as typed, read to its precision; unpacks as (date, precision)."""

    value: datetime.date
    precision: str

    def describe(self) -> str:
        """“Nov 2025 (month only)”: what was read, shown back to the editor."""
        return f"{format_date(self.value, self.precision)} ({PRECISION_WORDS[self.precision]})"

    def token(self) -> str:
        """“2025-11-01/month”: the reading as a form carries it to confirm it."""
        return f"{self.value.isoformat()}/{self.precision}"


# "1/2/2025", "01.02.25": day and month could be either way round.
_NUMERIC_DAY_MONTH = re.compile(r"^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{2}|\d{4})$")


def ambiguity(text: str | None, parsed: ParsedDate) -> str:
    """For a numeric date whose day and month could be swapped ("1/2/2025", both parts 12
    or less and different), a sentence saying how it was read; "" for any other date."""
    raw = " ".join((text or "").split())
    match = _NUMERIC_DAY_MONTH.match(raw)
    if not match or parsed.precision != Precision.DAY:
        return ""
    first, second = int(match[1]), int(match[3])
    if not (1 <= first <= 12 and 1 <= second <= 12) or first == second:
        return ""
    # Both parts are 12 or less: swapped, they still make a real date.
    swapped = parsed.value.replace(day=parsed.value.month, month=parsed.value.day)
    return (
        f"{raw} could be {parsed.value.day} {parsed.value:%b} or {swapped.day} {swapped:%b}; "
        f"read day first as {format_date(parsed.value, parsed.precision)}. "
        f"Write {parsed.value.isoformat()} to be sure."
    )


def parse_date(text: str | None, *, label: str = "Date") -> ParsedDate:
    """Read a free-form date ("Nov 26, 2025", "26.11.2025", "November 2025", "2025").

    Numeric dates are read day first (26.11.2025), except year-first ones (2025-11-26,
    ISO 8601 with a time included: the date is kept as written). A month or a year alone
    gives month or year precision, stored as the first day of the period. "early/mid/late"
    before a month or year is accepted and dropped. Raises ValidationError with a message
    for the editor on anything else, and on dates in the future or before 1900.
    """
    raw = " ".join((text or "").split())
    if not raw:
        raise ValidationError(f"{label}: enter a date, e.g. {EXAMPLES}.")
    stripped = _QUALIFIER.sub("", raw)
    qualified = stripped != raw
    year_first = bool(_YEAR_FIRST.match(stripped))
    try:
        first, second = (
            dateutil_parser.parse(
                stripped,
                default=default,
                dayfirst=not year_first,
                yearfirst=year_first,
                ignoretz=True,
            )
            for default in _DEFAULTS
        )
    except (ValueError, OverflowError) as exc:
        if "must be in" in str(exc) or "out of range" in str(exc):
            raise ValidationError(
                f"{label}: “{raw}” is not a real date (day or month out of range)."
            ) from None
        raise ValidationError(
            f"{label}: cannot read “{raw}” as a date. Write it like {EXAMPLES}."
        ) from None
    if first.year != second.year:
        raise ValidationError(f"{label}: “{raw}” has no year. Add it, e.g. 26 Nov 2025.")
    if first.month != second.month:
        if first.day == second.day:
            raise ValidationError(f"{label}: “{raw}” has a day but no month.")
        precision = Precision.YEAR
    elif first.day != second.day:
        precision = Precision.MONTH
    else:
        precision = Precision.DAY
    if qualified and precision == Precision.DAY:
        raise ValidationError(
            f"{label}: “{raw}” gives an exact day; drop “early”, “mid” or “late”."
        )
    value = normalise(first.date(), precision)
    validate_past_date(value, label=label)
    return ParsedDate(value, precision)


class FreeDateField(forms.CharField):
    """A text input read by `parse_date`: cleans to a ParsedDate, or None when left blank.

    Forms show how the input was read with `show_reading` after validation.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 60)
        kwargs.setdefault("help_text", f"As printed, e.g. {EXAMPLES}.")
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        return parse_date(value, label=str(self.label or "Date"))


def show_reading(form: forms.Form, name: str) -> None:
    """Put how a FreeDateField was read in its help text ("Read as: Nov 2025 (month only)"),
    so that on a validation round-trip the editor checks it before saving."""
    parsed = getattr(form, "cleaned_data", {}).get(name)
    if parsed and name not in form.errors:
        # The bound field copied the help text when it was created: set it there.
        form[name].help_text = f"Read as: {parsed.describe()}"


CONFIRM_READING = "confirm_reading"


class FreeDatesFormMixin:
    """ModelForm mixin: each (date, precision) pair of model fields is typed as one
    FreeDateField, declared on the form and named in `free_dates`:
    {"presented_date": ("presented_on", "presented_precision")}.

    The stored date is shown as text ("Nov 2025") with its reading. A new or changed date
    is saved at once, unless its day and month could be read either way round ("1/2/2025"):
    then the form comes back once with the question as a note (the error code
    CONFIRM_READING, which DateNoteAdminMixin shows as a note, not as an error) and the
    input rewritten unambiguously ("1 Feb 2025"), so saving again confirms it.
    """

    free_dates: dict[str, tuple[str, str]] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (date_attr, precision_attr) in self.free_dates.items():
            field = self.fields.get(name)
            value = getattr(self.instance, date_attr)
            if field is None or not value:
                continue
            parsed = ParsedDate(value, getattr(self.instance, precision_attr))
            # Also when bound: has_changed compares the typed text with this.
            field.initial = format_date(*parsed)
            if not self.is_bound:
                field.help_text = f"Read as: {parsed.describe()}"

    def add_error(self, field, error):
        # The model's own checks name its date field ("stated_on"): shown on the input.
        if field is None and hasattr(error, "error_dict"):
            renames = {date_attr: name for name, (date_attr, _) in self.free_dates.items()}
            error = ValidationError(
                {renames.get(key, key): value for key, value in error.error_dict.items()}
            )
        super().add_error(field, error)

    def clean(self):
        data = super().clean()
        for name, (date_attr, precision_attr) in self.free_dates.items():
            if name not in self.fields or name in self.errors:
                continue
            parsed = data.get(name)
            setattr(self.instance, date_attr, parsed.value if parsed else None)
            setattr(self.instance, precision_attr, parsed.precision if parsed else Precision.DAY)
            typed = self.data.get(self.add_prefix(name))
            note = ambiguity(typed, parsed) if parsed and name in self.changed_data else ""
            if not note:
                show_reading(self, name)
                continue
            self.data = self.data.copy()
            self.data[self.add_prefix(name)] = format_date(*parsed)
            self.add_error(
                name,
                ValidationError(
                    f"Read as {parsed.describe()}? {note} Save again to confirm, or correct "
                    "the date.",
                    code=CONFIRM_READING,
                ),
            )
        return data
