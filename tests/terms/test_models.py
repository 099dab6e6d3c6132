"""A key term needs a value, reads as readers expect, and is recorded like the rest."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from apps.history.models import Change
from apps.terms.models import KeyTerm
from apps.terms.values import format_difference, format_number, view
from tests import factories as f

from .conftest import make_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def provision():
    return f.make_provision(f.make_draft(), label="6", heading="Army cap")


def errors(term: KeyTerm) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as exc:
        term.full_clean()
    return exc.value.message_dict


def test_a_term_without_a_number_or_a_text_is_refused(provision):
    term = KeyTerm(provision=provision, code="army-cap", name="Army cap")
    assert errors(term) == {
        "value": [
            "Give the term a value: a number (e.g. 600000), or for a term that is not a "
            "number, a text such as “no limit”."
        ]
    }


def test_a_number_and_a_text_together_are_refused(provision):
    term = KeyTerm(
        provision=provision, code="army-cap", name="Army cap", value=800000, value_text="peace"
    )
    assert "qualifiers such as “in peacetime” go in the note" in errors(term)["value_text"][0]


def test_a_unit_needs_a_number(provision):
    term = KeyTerm(
        provision=provision, code="army-cap", name="Army cap", value_text="no limit", unit="troops"
    )
    assert errors(term) == {
        "unit": ["A unit goes with a number: give the number, or clear the unit."]
    }


def test_one_code_once_per_provision(provision):
    make_term(provision, "army-cap", value=600000)
    twin = KeyTerm(provision=provision, code="army-cap", name="Cap", value=1, unit="troops")
    assert errors(twin) == {"__all__": ["This provision already records a term with this code."]}


def test_codes_are_stored_in_lower_case_and_texts_trimmed(provision):
    term = KeyTerm(provision=provision, code="Army-Cap", name="Army cap", value_text=" no limit ")
    term.full_clean()
    assert (term.code, term.value_text) == ("army-cap", "no limit")


def test_display_separates_thousands_and_drops_trailing_zeros(provision):
    assert make_term(provision, "army-cap", value=600000).display == "600,000 troops"
    assert make_term(provision, "share", value=Decimal("2.5"), unit="%").display == "2.5 %"
    assert make_term(provision, "elections", value_text="as soon as possible").display == (
        "as soon as possible"
    )


def test_number_and_difference_formats():
    assert format_number(Decimal("600000.0000")) == "600,000"
    assert format_number(Decimal("1234.5000")) == "1,234.5"
    assert format_difference(Decimal(200000)) == "+200,000"
    assert format_difference(Decimal(-50)) == "\u221250"


def test_a_term_against_its_base(provision):
    other = f.make_provision(f.make_draft(), label="6")
    base = make_term(provision, "army-cap", value=600000)
    same = make_term(other, "army-cap", value=Decimal("600000.0000"))
    assert view(same, base).changed is False
    same.value = 800000
    changed = view(same, base, against="28-point plan")
    assert (changed.base, changed.value, changed.unit, changed.difference) == (
        "600,000",
        "800,000",
        "troops",
        "+200,000",
    )
    assert changed.against == "28-point plan"
    same.value, same.value_text, same.unit = None, "no limit", ""
    text = view(same, base)
    assert (text.changed, text.base, text.value, text.difference) == (
        True,
        "600,000 troops",
        "no limit",
        "",
    )


def test_a_unit_that_differs_from_another_draft_is_warned_about_not_refused(provision):
    make_term(provision, "army-cap", value=600000, unit="troops")
    other = make_term(
        f.make_provision(f.make_draft(), label="6"), "army-cap", value=800000, unit="personnel"
    )
    other.full_clean()  # not an error: a unit is renamed one draft at a time
    warning = other.unit_mismatch()
    assert "“army-cap” is in “personnel” here but in “troops”" in warning
    assert "use one unit for a term" in warning
    assert view(other, KeyTerm.objects.get(unit="troops")).difference == ""


def test_key_terms_are_recorded_in_history_with_their_draft(provision):
    term = make_term(provision, "army-cap", value=600000)
    term.value = 800000
    term.save()
    change = Change.objects.for_object(term).first()
    assert change.action == "changed"
    assert Decimal(change.fields["value"]["before"]) == 600000
    assert Decimal(change.fields["value"]["after"]) == 800000
    assert change.draft_ref == provision.draft_id
