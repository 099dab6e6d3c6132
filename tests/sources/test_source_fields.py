"""A source's publication date is checked against the calendar and stored at the start of
its period; its language tag is named in English."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.sources.models import Source, language_name

pytestmark = pytest.mark.django_db


def _source(**kw) -> Source:
    return Source(key="s99", outlet="Reuters", headline="Plan leaked", reliability="A", **kw)


def test_a_publication_date_in_the_future_is_refused_on_its_own_field():
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        _source(published_on=tomorrow).full_clean()
    assert refused.value.message_dict["published_on"] == [
        f"Publication date cannot be in the future ({tomorrow:%d %b %Y})."
    ]


@pytest.mark.parametrize(
    ("precision", "stored"),
    [
        ("day", datetime.date(2025, 11, 20)),
        ("month", datetime.date(2025, 11, 1)),
        ("year", datetime.date(2025, 1, 1)),
    ],
)
def test_a_publication_date_is_stored_at_the_start_of_its_period(precision, stored):
    source = _source(published_on=datetime.date(2025, 11, 20), published_precision=precision)
    source.full_clean()
    assert source.published_on == stored


@pytest.mark.parametrize(
    ("tag", "name"),
    [
        ("pt", "Portuguese"),
        ("pt-BR", "Brazilian Portuguese"),
        ("zh-Hans", "Simplified Chinese"),
        ("en-ZZ", "English"),  # an unknown region: the language alone
        ("ar", "Arabic"),
        ("xx", "xx"),  # unknown: the tag as written
        ("xx-YY", "xx-YY"),
    ],
)
def test_a_language_tag_is_named_in_english(tag, name):
    """As precisely as Django knows it: a regional or script variant by its own name."""
    assert language_name(tag) == name
