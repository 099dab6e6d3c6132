"""A source's publication date is checked against the calendar and stored at the start of
its period; its language tag is named in English; a new source's key follows the series."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from apps.sources.models import Citation, Source, language_name, next_source_key
from tests import factories as f

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


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ([], "s01"),
        (["s07"], "s08"),
        (["s07", "s9", "s52a"], "s53"),  # by number, a lettered key counting as its number
        (["s99", "s100"], "s101"),
        (["reuters-2025", "S80", "sx9", "s12-b", "s05"], "s06"),  # only the s<number> series
    ],
)
def test_the_next_source_key_follows_the_editors_series(keys, expected):
    for key in keys:
        f.make_source(key=key)
    assert next_source_key() == expected


def test_a_citation_is_named_by_its_source_what_it_cites_and_its_stance():
    """As the admin and the history name it, even when what it cited is already gone."""
    draft = f.make_draft(label="Kyiv revision")
    provision = f.make_provision(draft, label="7", heading="Ceasefire")
    source = f.make_source(key="s44")
    assert str(f.cite(provision, source)) == f"s44 → {provision} (supports)"
    assert str(f.cite(draft, source, stance="differs")) == f"s44 → {draft} (reports differently)"
    gone = f.cite(provision, source, stance="disputes")
    gone.provision_id = 10**9  # as when read mid-cascade, its provision's row already gone
    assert str(gone) == f"s44 → provision #{10**9} (deleted) (disputes)"
    for target in ("draft", "position"):
        gone = Citation(source=source, stance="supports", **{f"{target}_id": 10**9})
        assert str(gone) == f"s44 → {target} #{10**9} (deleted) (supports)"
