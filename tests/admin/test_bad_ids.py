"""No 500 from any admin input: a malformed, unknown or out-of-range id in any select or
autocomplete field, of a form or of an inline row, is a form error on both databases."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from tests import factories as f
from tests.admin.conftest import build_world
from tests.admin.forms import form_data

# A word for a number, past 64 bits, negative, and a well-formed id that does not exist.
BAD_IDS = ["abc", "9999999999999999999999", "-1", "999999999"]
_SELECT = re.compile(r'<select\b[^>]*\sname="([^"]+)"')


def _forms(root) -> list[tuple[str, str]]:
    """(what, url) for every admin add and change form."""
    found = []
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        found.append((f"{model._meta.label} add", reverse("admin:{}_{}_add".format(*info))))
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            url = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
            found.append((f"{model._meta.label} change", url))
    return found


@pytest.mark.django_db
def test_bad_ids_in_every_admin_select_give_a_form_error_not_a_500():
    build_world(2)
    root = Client(raise_request_exception=False)
    root.force_login(f.make_user("root", superuser=True))
    failures, tried, inline_fields = [], 0, set()
    for what, url in _forms(root):
        page = root.get(url)
        if page.status_code != 200 or 'name="_save"' not in page.text:
            continue  # read-only (history)
        data = form_data(page)
        for name in dict.fromkeys(_SELECT.findall(page.text)):
            extra = {}
            if "__prefix__" in name:
                # A new inline row, as "Add another" makes it.
                prefix = name.split("-__prefix__-")[0]
                index = int(data[f"{prefix}-TOTAL_FORMS"])
                name = name.replace("__prefix__", str(index))
                extra = {f"{prefix}-TOTAL_FORMS": str(index + 1)}
            if re.match(r".+-\d+-", name):
                inline_fields.add(name)
            for bad in BAD_IDS:
                tried += 1
                response = root.post(url, {**data, **extra, name: bad})
                if response.status_code >= 500:
                    failures.append(f"{what}: {name}={bad} -> {response.status_code}")
                elif name in {"citations-0-source", "parent_links-0-parent"} and (
                    response.status_code != 200 or "errorlist" not in response.text
                ):
                    # Nothing saved with a bad id: the form comes back with an error.
                    failures.append(f"{what}: {name}={bad} was not refused")
    assert not failures, "\n".join(failures)
    # The sweep reached the inlines the issue names.
    assert {"citations-0-source", "parent_links-0-parent", "entries-0-provision"} <= {
        re.sub(r"^.*?(\w+-0-\w+)$", r"\1", n) for n in inline_fields
    }, sorted(inline_fields)
    assert tried > 100
