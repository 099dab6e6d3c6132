"""Two editors on one object: the second save is refused, shown the first, and loses nothing."""

from __future__ import annotations

import re
import time

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from apps.drafts.models import Provision
from apps.history.concurrency import SALT, read_token
from apps.history.recorder import acting_user
from apps.terms.models import KeyTerm
from tests import factories as f

from .conftest import build_world
from .forms import form_data

pytestmark = pytest.mark.django_db

CONFLICT = re.compile(r"(\w+) saved this provision at \d\d:\d\d after you opened it\.")


def editor(name: str) -> Client:
    client = Client()
    client.force_login(f.make_user(name, group="Editors"))
    return client


@pytest.fixture
def provision():
    return f.make_provision(
        f.make_draft(), label="6", heading="Army cap", body="<p>Capped at 600,000.</p>"
    )


def url_of(provision) -> str:
    return reverse("admin:drafts_provision_change", args=[provision.pk])


def opened(client, url) -> dict:
    page = client.get(url)
    assert page.status_code == 200
    return form_data(page)


def test_the_second_save_is_refused_with_the_first_shown_and_nothing_overwritten(provision):
    edna, frank = editor("edna"), editor("frank")
    url = url_of(provision)
    ednas, franks = opened(edna, url), opened(frank, url)

    franks["heading"] = "Army cap (peacetime)"
    assert frank.post(url, franks).status_code == 302

    ednas["body"] = "<p>Capped at 800,000.</p>"
    response = edna.post(url, ednas)
    html = response.content.decode()

    assert response.status_code == 200
    assert CONFLICT.search(html).group(1) == "frank"
    assert "Nothing of yours is saved yet" in html
    # Their change beside hers, field by field.
    table = html.split('class="module edit-conflict"')[1].split("</section>")[0]
    assert re.search(
        r"<th scope=\"row\">Heading</th>\s*<td>Army cap \(peacetime\)</td>\s*<td>Army cap</td>",
        table,
    )
    assert "Body" not in table  # frank did not touch it
    # Nothing overwritten: frank's heading stays, edna's body is not saved.
    provision.refresh_from_db()
    assert provision.heading == "Army cap (peacetime)"
    assert provision.body == "<p>Capped at 600,000.</p>"
    # Her input is still in the form.
    assert form_data(response)["body"] == "<p>Capped at 800,000.</p>"


def test_saving_again_after_seeing_the_conflict_applies_it(provision):
    edna, frank = editor("edna"), editor("frank")
    url = url_of(provision)
    ednas, franks = opened(edna, url), opened(frank, url)
    franks["heading"] = "Army cap (peacetime)"
    frank.post(url, franks)
    ednas["body"] = "<p>Capped at 800,000.</p>"
    refused = edna.post(url, ednas)

    again = form_data(refused)
    again["heading"] = "Army cap (peacetime)"  # she keeps his heading, and her body
    assert edna.post(url, again).status_code == 302

    provision.refresh_from_db()
    assert (provision.heading, provision.body) == (
        "Army cap (peacetime)",
        "<p>Capped at 800,000.</p>",
    )


def test_no_conflict_when_nobody_else_saved(provision):
    edna = editor("edna")
    url = url_of(provision)
    data = opened(edna, url)
    data["heading"] = "First edit"
    assert edna.post(url, data).status_code == 302
    data = opened(edna, url)
    data["heading"] = "Second edit"
    assert edna.post(url, data).status_code == 302
    provision.refresh_from_db()
    assert provision.heading == "Second edit"


def test_no_conflict_from_a_save_that_changed_nothing_or_from_another_object(provision):
    edna, frank = editor("edna"), editor("frank")
    url = url_of(provision)
    other = f.make_provision(provision.draft, label="7")
    ednas, franks = opened(edna, url), opened(frank, url)
    assert frank.post(url, franks).status_code == 302  # saved as it was
    others = opened(frank, url_of(other))
    others["heading"] = "Another provision"
    assert frank.post(url_of(other), others).status_code == 302

    ednas["heading"] = "Edna's heading"
    assert edna.post(url, ednas).status_code == 302
    provision.refresh_from_db()
    assert provision.heading == "Edna's heading"


def test_a_change_to_an_inline_row_is_a_conflict_too(provision):
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    with acting_user(f.make_user("grace")):
        KeyTerm.objects.create(
            provision=provision, code="army-cap", name="Army cap", value=600000, unit="troops"
        )
    ednas["heading"] = "Edna's heading"
    html = edna.post(url, ednas).content.decode()
    assert "grace saved this provision" in html
    assert "They also changed rows in: key terms" in html
    provision.refresh_from_db()
    assert provision.heading == "Army cap"


def test_the_same_editor_in_another_tab_is_told_so(provision):
    edna = editor("edna")
    url = url_of(provision)
    first_tab, second_tab = opened(edna, url), opened(edna, url)
    first_tab["heading"] = "From the first tab"
    edna.post(url, first_tab)
    second_tab["heading"] = "From the second tab"
    html = edna.post(url, second_tab).content.decode()
    assert "You (in another tab or window) saved this provision" in html


def test_a_provision_deleted_while_editing_gets_a_clear_page_with_the_input(provision):
    edna, frank = editor("edna"), editor("frank")
    url = url_of(provision)
    ednas = opened(edna, url)
    delete_url = reverse("admin:drafts_provision_delete", args=[provision.pk])
    assert frank.post(delete_url, {"post": "yes"}).status_code == 302

    ednas["heading"] = "Edna's careful heading"
    response = edna.post(url, ednas)
    html = response.content.decode()
    assert response.status_code == 409
    assert re.search(r"frank deleted “[^”]+” at \d\d:\d\d, after you opened it\.", html)
    assert "Nothing of yours was saved." in html
    assert "Edna&#x27;s careful heading" in html
    assert "&lt;p&gt;Capped at 600,000.&lt;/p&gt;" in html  # her body, to copy
    assert "Restore the deleted provision" in html
    assert not Provision.objects.filter(pk=provision.pk).exists()


WORLD = [
    ("drafts_draft", "draft", "title"),
    ("drafts_provision", "provision", "heading"),
    ("sources_source", "source", "headline"),
    ("sources_citation", "citation", "excerpt"),
    ("alignment_matter", "matter", "title"),
    ("positions_position", "position", "paraphrase"),
]


@pytest.mark.parametrize(("prefix", "key", "text_field"), WORLD)
def test_every_curated_admin_refuses_a_stale_save(prefix, key, text_field):
    obj = build_world(1)[key]
    url = reverse(f"admin:{prefix}_change", args=[obj.pk])
    edna = editor("edna")
    data = opened(edna, url)
    assert data.get("edit_version")

    with acting_user(f.make_user("frank")):
        setattr(obj, text_field, "Saved by frank meanwhile")
        obj.save()
    data[text_field] = "Typed by edna"
    response = edna.post(url, data)
    html = response.content.decode()
    name = type(obj)._meta.verbose_name
    assert response.status_code == 200, prefix
    assert f"frank saved this {name} at" in html, prefix
    obj.refresh_from_db()
    assert getattr(obj, text_field) == "Saved by frank meanwhile"

    assert edna.post(url, form_data(response)).status_code == 302, prefix
    obj.refresh_from_db()
    assert getattr(obj, text_field) == "Typed by edna"


def test_viewers_get_no_version_field(provision):
    viewer = Client()
    viewer.force_login(f.make_user("victor", group="Viewers"))
    page = viewer.get(url_of(provision))
    assert page.status_code == 200
    assert "edit_version" not in page.content.decode()


def _forged(state: dict) -> str:
    """A mark signed with another key, as a visitor without the secret would make one."""
    return signing.dumps({**state, "t": time.time()}, key="not-the-secret", salt=SALT)


@pytest.mark.parametrize(
    "mark",
    [
        pytest.param(lambda good: good[:-6] + "AAAAAA", id="damaged-signature"),
        pytest.param(lambda good: "not a version mark", id="garbage"),
        pytest.param(lambda good: _forged(read_token(good)), id="forged-key"),
        pytest.param(lambda good: signing.dumps({"f": {}}, salt=SALT), id="signed-but-incomplete"),
    ],
)
def test_a_damaged_or_forged_version_mark_still_gets_the_conflict_check(provision, mark):
    edna, frank = editor("edna"), editor("frank")
    url = url_of(provision)
    ednas, franks = opened(edna, url), opened(frank, url)
    franks["heading"] = "Army cap (peacetime)"
    assert frank.post(url, franks).status_code == 302

    ednas["edit_version"] = mark(ednas["edit_version"])
    ednas["body"] = "<p>Capped at 800,000.</p>"
    response = edna.post(url, ednas)
    assert response.status_code == 200
    assert "Nothing of yours is saved yet" in response.content.decode()
    provision.refresh_from_db()
    assert (provision.heading, provision.body) == (
        "Army cap (peacetime)",
        "<p>Capped at 600,000.</p>",
    )
