"""Free-form dates: each format editors type, its precision, and clear refusals."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from apps.core.dates import FreeDateField, ParsedDate, Precision, ambiguity, parse_date

D = datetime.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nov 26, 2025", (D(2025, 11, 26), Precision.DAY)),
        ("26.11.2025", (D(2025, 11, 26), Precision.DAY)),
        ("03.11.2025", (D(2025, 11, 3), Precision.DAY)),  # day first
        ("26/11/2025", (D(2025, 11, 26), Precision.DAY)),
        ("2025-11-03", (D(2025, 11, 3), Precision.DAY)),  # ISO stays year-month-day
        ("2025-11-26T09:00Z", (D(2025, 11, 26), Precision.DAY)),
        ("2025-11-26T23:30:00+05:00", (D(2025, 11, 26), Precision.DAY)),
        ("26 November 2025", (D(2025, 11, 26), Precision.DAY)),
        ("  26   Nov  2025 ", (D(2025, 11, 26), Precision.DAY)),
        ("November 2025", (D(2025, 11, 1), Precision.MONTH)),
        ("Nov 2025", (D(2025, 11, 1), Precision.MONTH)),
        ("2025-11", (D(2025, 11, 1), Precision.MONTH)),
        ("late November 2025", (D(2025, 11, 1), Precision.MONTH)),
        ("mid-Nov 2025", (D(2025, 11, 1), Precision.MONTH)),
        ("2025", (D(2025, 1, 1), Precision.YEAR)),
        ("early 2025", (D(2025, 1, 1), Precision.YEAR)),
    ],
)
def test_each_format_is_read_to_its_precision(text, expected):
    parsed = parse_date(text)
    assert tuple(parsed) == expected
    value, precision = parsed  # unpacks as (date, precision)
    assert (value, precision) == expected


def test_what_was_read_is_described_for_the_editor():
    assert parse_date("November 2025").describe() == "Nov 2025 (month only)"
    assert parse_date("26.11.2025").describe() == "26 Nov 2025 (exact day)"
    assert parse_date("2025").describe() == "2025 (year only)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Publication date: enter a date, e.g. 26 Nov 2025"),
        ("   ", "Publication date: enter a date"),
        ("soon", "Publication date: cannot read “soon” as a date. Write it like"),
        ("32.13.2025", "Publication date: “32.13.2025” is not a real date"),
        ("30.02.2025", "Publication date: “30.02.2025” is not a real date"),
        ("26 Nov", "Publication date: “26 Nov” has no year"),
        ("late 26 November 2025", "gives an exact day; drop “early”, “mid” or “late”"),
        ("2099-01-01", "Publication date cannot be in the future (01 Jan 2099)"),
        ("1850", "Publication date is implausibly early (1850-01-01)"),
    ],
)
def test_garbage_and_impossible_dates_get_a_clear_message(text, message):
    with pytest.raises(ValidationError) as info:
        parse_date(text, label="Publication date")
    assert message in info.value.messages[0]


def test_a_month_in_the_future_is_refused_but_the_current_month_is_not():
    today = datetime.date.today()
    this_month = parse_date(f"{today:%B %Y}")
    assert this_month == ParsedDate(today.replace(day=1), Precision.MONTH)
    next_year = today.year + 1
    with pytest.raises(ValidationError, match="cannot be in the future"):
        parse_date(str(next_year))


def test_the_form_field_reads_the_date_or_gives_none():
    field = FreeDateField(label="Publication date", required=False)
    assert field.clean("") is None
    assert field.clean("Nov 2025") == ParsedDate(D(2025, 11, 1), Precision.MONTH)
    with pytest.raises(ValidationError, match="cannot read “soon”"):
        field.clean("soon")


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "1/2/2025",
            "1/2/2025 could be 1 Feb or 2 Jan; read day first as 1 Feb 2025. "
            "Write 2025-02-01 to be sure.",
        ),
        (
            "03.11.25",
            "03.11.25 could be 3 Nov or 11 Mar; read day first as 3 Nov 2025. "
            "Write 2025-11-03 to be sure.",
        ),
        ("12/31/2025", ""),  # 31 cannot be a month
        ("5.5.2025", ""),  # the same either way
        ("2025-02-01", ""),  # year first: ISO
        ("Nov 2025", ""),
        ("1 Feb 2025", ""),
    ],
)
def test_an_ambiguous_numeric_day_and_month_is_named(text, note):
    assert ambiguity(text, parse_date(text)) == note
