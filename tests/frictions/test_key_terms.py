"""Issue 14: key-term codes are picked from the codes in use; values take "800,000" and
show without ".0000"."""

from __future__ import annotations

import re
from decimal import Decimal

from django.urls import reverse

from apps.terms.models import KeyTerm
from tests import factories as f
from tests.admin.forms import form_data
from tests.terms.conftest import make_term


def _new_term(data: dict, **values) -> dict:
    index = int(data["key_terms-TOTAL_FORMS"])
    data["key_terms-TOTAL_FORMS"] = str(index + 1)
    for name in ("position", "name", "code", "value", "value_text", "unit", "note"):
        data[f"key_terms-{index}-{name}"] = str(values.get(name, "0" if name == "position" else ""))
    return data


def test_key_term_codes_in_use_are_offered_to_pick(editor_client):
    make_term(f.make_provision(f.make_draft()), "army-cap", name="Army cap", value=600000)
    make_term(f.make_provision(f.make_draft()), "election-days", name="Elections", value=100)
    provision = f.make_provision(f.make_draft())
    make_term(provision, "army-cap", name="Army cap", value=800000)
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    page = editor_client.get(url).content.decode()
    code_input = re.search(r'<input[^>]*name="key_terms-0-code"[^>]*>', page)[0]
    datalist = re.search(r'list="([^"]+)"', code_input)[1]
    options = re.search(rf'<datalist id="{datalist}">(.*?)</datalist>', page, re.S)[1]
    assert re.findall(r'<option value="([^"]+)"', options) == ["army-cap", "election-days"]


def test_key_term_value_shows_without_trailing_zeros(editor_client):
    provision = f.make_provision(f.make_draft())
    make_term(provision, "army-cap", name="Army cap", value=600000)
    make_term(provision, "fund", name="Fund", value=Decimal("2.5"), position=2)
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = form_data(editor_client.get(url))
    assert (data["key_terms-0-value"], data["key_terms-1-value"]) == ("600000", "2.5")


def test_key_term_typed_as_printed_is_read(editor_client):
    provision = f.make_provision(f.make_draft())
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = _new_term(
        form_data(editor_client.get(url)),
        position=1,
        name="Army cap",
        code="Army cap",
        value="800,000",
        unit="troops",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    term = KeyTerm.objects.get(provision=provision)
    assert (term.code, term.value) == ("army-cap", 800000)
