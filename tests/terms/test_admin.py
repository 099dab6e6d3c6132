"""Editors record a provision's key terms inline, on the provision's admin page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from apps.terms.models import KeyTerm
from tests import factories as f
from tests.admin.forms import form_data

from .conftest import make_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(f.make_user("edna", group="Editors"))
    return client


def _page(client, provision):
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, response


def _with_new_term(data: dict, **values) -> dict:
    index = int(data["key_terms-TOTAL_FORMS"])
    data["key_terms-TOTAL_FORMS"] = str(index + 1)
    for name in ("position", "name", "code", "value", "value_text", "unit", "note"):
        data[f"key_terms-{index}-{name}"] = str(values.get(name, "0" if name == "position" else ""))
    return data


def test_the_provision_page_lists_its_key_terms_for_editing(editor_client):
    provision = f.make_provision(f.make_draft(), label="6")
    make_term(provision, "army-cap", name="Army cap", value=600000)
    _, page = _page(editor_client, provision)
    html = page.content.decode()
    assert "Key terms (numbers and terms this provision sets" in html
    data = form_data(page)
    assert data["key_terms-0-code"] == "army-cap"
    assert data["key_terms-0-value"] == "600000"  # not 600000.0000 (issue 14)


def test_an_editor_adds_a_term_inline(editor_client):
    provision = f.make_provision(f.make_draft(), label="6")
    url, page = _page(editor_client, provision)
    data = _with_new_term(
        form_data(page), position=1, name="Army cap", code="army-cap", value="600000", unit="troops"
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    term = KeyTerm.objects.get(provision=provision)
    assert (term.code, term.value, term.unit) == ("army-cap", 600000, "troops")


def test_a_term_without_a_value_is_refused_with_the_input_kept(editor_client):
    provision = f.make_provision(f.make_draft(), label="6", heading="Army cap")
    url, page = _page(editor_client, provision)
    data = _with_new_term(form_data(page), name="Army cap", code="army-cap", unit="troops")
    data["heading"] = "Army cap (edited)"
    response = editor_client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give the term a value: a number (e.g. 600000)" in html
    assert "A unit goes with a number" not in html  # one clear message at a time
    assert 'value="Army cap (edited)"' in html and 'value="army-cap"' in html
    assert not KeyTerm.objects.exists()
    provision.refresh_from_db()
    assert provision.heading == "Army cap"


def test_a_unit_unlike_another_drafts_saves_with_a_warning(editor_client):
    make_term(f.make_provision(f.make_draft(), label="6"), "army-cap", value=600000)
    provision = f.make_provision(f.make_draft(), label="6")
    url, page = _page(editor_client, provision)
    data = _with_new_term(
        form_data(page), name="Army cap", code="army-cap", value="800000", unit="personnel"
    )
    response = editor_client.post(url, data, follow=True)
    html = response.content.decode()
    assert KeyTerm.objects.filter(provision=provision, unit="personnel").exists()
    assert "“army-cap” is in “personnel” here but in “troops”" in html


def test_viewers_see_key_terms_but_cannot_change_them(client):
    provision = f.make_provision(f.make_draft(), label="6")
    make_term(provision, "army-cap", value=600000)
    client.force_login(f.make_user("victor", group="Viewers"))
    url, page = _page(client, provision)
    assert "600000" in page.content.decode()
    assert 'name="key_terms-0-value"' not in page.content.decode()
    assert client.post(url, {}).status_code == 403
    assert KeyTerm.objects.get().value == 600000
