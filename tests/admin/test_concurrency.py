"""Two editors on one object: the second save is refused, shown the first, and loses nothing."""

from __future__ import annotations

import datetime
import re
import time

import pytest
from django.contrib.admin.models import LogEntry
from django.core import signing
from django.test import Client
from django.urls import reverse

from apps.drafts.models import Provision
from apps.history.concurrency import SALT, read_token
from apps.history.models import Change
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
    assert "They also changed rows in" not in table  # nor any inline row
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


def _conflict_rows(html: str) -> dict[str, tuple[str, str]]:
    """The conflict table: field → (theirs, yours), as the editor reads them."""
    table = html.split('class="module edit-conflict"')[1].split("</section>")[0]
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>\s*<td>(.*?)</td>', table)
    return {label: (theirs, yours) for label, theirs, yours in rows}


def test_the_conflict_says_what_agrees_what_the_form_cannot_edit_and_how_to_go_back(provision):
    crimea, territory = f.make_topic(name="Crimea"), f.make_topic(name="Territory")
    provision.topics.set([crimea])
    edna = editor("edna")  # an editor: “published” is not hers to change
    url = url_of(provision)
    ednas = opened(edna, url)
    with acting_user(f.make_user("frank", group="Publishers")):
        provision.heading = "Army cap (peacetime)"
        provision.published = False
        provision.save()
        provision.topics.set([crimea, territory])

    ednas.update(heading="Army cap (peacetime)", topics=[crimea.pk])
    response = edna.post(url, ednas)
    html = response.content.decode()
    assert re.search(
        r"<li>frank saved this provision at \d\d:\d\d after you opened it\. Nothing of yours is "
        r"saved yet: what they changed is shown below next to your version, and your input "
        r"is still in the form\. Save again to apply your version over theirs, or reload the "
        r"page to start from the saved provision\.",
        html,
    )
    assert _conflict_rows(html) == {
        "Heading": (
            "Army cap (peacetime)",
            "Army cap (peacetime) <strong>(the same as theirs)</strong>",
        ),
        "Topics": ("Crimea, Territory", "Crimea"),
        "Published": ("no", "(not editable in this form)"),
    }
    assert f'<a href="{url}">Discard my input and open the saved version</a>' in html


def test_a_conflict_over_a_form_with_errors_shows_both(provision):
    """The check runs after the form's own: a field that failed is left out, not a 500."""
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    with acting_user(f.make_user("frank")):
        provision.heading = "Army cap (peacetime)"
        provision.save()
    ednas.update(heading="h" * 251, topics=[10**9])
    response = edna.post(url, ednas)
    html = response.content.decode()
    assert response.status_code == 200
    assert "frank saved this provision" in html
    assert "Ensure this value has at most 250 characters" in html
    assert _conflict_rows(html)["Heading"] == (
        "Army cap (peacetime)",
        "(not valid: see the error below)",
    )


def test_topics_as_they_were_opened_are_no_conflict(provision):
    """The fingerprint of a many-to-many field is the same whether read from the page or
    from the database."""
    provision.topics.set([f.make_topic(name="Crimea"), f.make_topic(name="Territory")])
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    ednas.update(
        heading="Edna's heading", topics=list(provision.topics.values_list("pk", flat=True))
    )
    assert edna.post(url, ednas).status_code == 302
    provision.refresh_from_db()
    assert provision.heading == "Edna's heading"


def test_lineage_links_read_in_any_order_are_no_conflict():
    """A draft with several lineage links, one stored again, saves without a conflict: the
    page lists the links by id, and the database may read them in another order."""
    process = f.make_process()
    first, second = f.make_draft(process), f.make_draft(process)
    draft = f.make_draft(process)
    early = f.link(draft, second, "revises")
    f.link(draft, first, "answers")
    early.kind = "answers"
    early.save()
    edna = editor("edna")
    url = reverse("admin:drafts_draft_change", args=[draft.pk])
    data = opened(edna, url)
    data["title"] = "Edna's title"
    assert edna.post(url, data).status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Edna's title"


def test_the_version_mark_is_never_a_change_in_the_admin_log(provision):
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    ednas["heading"] = "Edna's heading"
    assert edna.post(url, ednas).status_code == 302
    assert LogEntry.objects.latest("action_time").get_change_message() == "Changed Heading."


def test_the_message_names_everyone_who_saved_it_since_and_nobody_else(provision):
    """Not whoever made it, nor whoever saved another row, even one with the same id."""
    with acting_user(f.make_user("carol")):  # before edna opened it
        provision.heading = "Army cap (draft)"
        provision.save()
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    with acting_user(f.make_user("zoe")):
        f.make_provision(provision.draft, label="7").save()
        f.make_source(pk=provision.pk, key="s8").save()
        f.make_matter(provision.draft.process, code="M9", title="Row").save()
    for name, heading in [("frank", "Army cap (1)"), ("grace", "Army cap (2)"), ("henry", "3")]:
        with acting_user(f.make_user(name)):
            provision.heading = heading
            provision.save()
    html = edna.post(url, ednas).content.decode()
    assert re.search(r"<li>frank, grace and henry saved this provision at \d\d:\d\d after", html)
    assert "carol" not in html and "zoe" not in html


def test_a_mark_lost_on_a_form_with_nothing_changed_saves():
    """A damaged mark cannot say when the form was opened; where the form and the row
    still agree (a source: no inline rows that could have changed unseen), nothing is lost
    by saving it. A form sent with no mark at all (opened before the check existed) saves
    as before."""
    source = f.make_source(key="s7", headline="Plan leaked")
    edna = editor("edna")
    url = reverse("admin:sources_source_change", args=[source.pk])
    ednas = opened(edna, url)
    ednas["edit_version"] = "not a version mark"
    assert edna.post(url, ednas).status_code == 302
    del ednas["edit_version"]
    ednas["headline"] = "Plan leaked in full"
    assert edna.post(url, ednas).status_code == 302
    source.refresh_from_db()
    assert source.headline == "Plan leaked in full"


def test_a_third_save_after_the_conflict_is_caught_again(provision):
    """The redisplayed form carries the row as it was shown then, not a pass."""
    edna, frank = editor("edna"), editor("frank")
    url = url_of(provision)
    ednas, franks = opened(edna, url), opened(frank, url)
    franks["heading"] = "Army cap (peacetime)"
    frank.post(url, franks)
    ednas["body"] = "<p>Capped at 800,000.</p>"
    again = form_data(edna.post(url, ednas))
    franks = opened(frank, url)
    franks["label"] = "6a"
    assert frank.post(url, franks).status_code == 302
    response = edna.post(url, again)
    assert response.status_code == 200
    assert _conflict_rows(response.content.decode()) == {"Label": ("6a", "6")}


def test_a_change_form_address_with_no_id_gets_the_admins_own_answer(provision):
    edna = editor("edna")
    data = opened(edna, url_of(provision))
    response = edna.post("/admin/drafts/provision/not-an-id/change/", data)
    assert response.status_code == 302  # the admin's “does not exist”, not the deleted page
    assert response["Location"] == reverse("admin:index")


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
    with acting_user(f.make_user("zoe")):  # rows of other objects, one with the same id
        other = f.make_provision(provision.draft, label="7")
        theirs = KeyTerm.objects.create(
            provision=other, code="ceasefire", name="Ceasefire", value=1
        )
        # The change is found by the key term's own id, which is not the provision's.
        term_id = theirs.pk + provision.pk + 1
        f.make_source(pk=term_id, key="s8")
    with acting_user(f.make_user("grace")):
        KeyTerm.objects.create(
            pk=term_id,
            provision=provision,
            code="army-cap",
            name="Army cap",
            value=600000,
            unit="troops",
        )
    ednas["heading"] = "Edna's heading"
    html = edna.post(url, ednas).content.decode()
    assert "<li>grace saved this provision" in html
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
    assert 'name="csrfmiddlewaretoken"' in html  # rendered for her request: “Log out” works
    Change.objects.filter(action=Change.Action.DELETED).update(
        at=datetime.datetime(2025, 11, 20, 14, 2, tzinfo=datetime.UTC)
    )
    ednas["topics"] = ["not-an-id"]
    html = edna.post(url, ednas).content.decode()
    assert "frank deleted “" in html and "” on 20 Nov 2025 at 14:02, after you opened it." in html
    assert _typed(html)["Topics"] == "not-an-id"
    assert "Nothing of yours was saved." in html
    assert "Edna&#x27;s careful heading" in html
    assert "&lt;p&gt;Capped at 600,000.&lt;/p&gt;" in html  # her body, to copy
    assert "Restore the deleted provision" in html
    assert not Provision.objects.filter(pk=provision.pk).exists()


def _typed(html: str) -> dict[str, str]:
    """The “What you entered” table of the deleted page: label → the cell as written."""
    table = html.split("<caption>What you entered</caption>", 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>', table, re.S))


def test_the_deleted_page_shows_what_was_typed_as_the_editor_reads_it(provision):
    """Names, not ids; choice labels, not codes; a long line in a box to copy from."""
    crimea, territory = f.make_topic(name="Crimea"), f.make_topic(name="Territory")
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    provision.delete()
    ednas.update(topics=[crimea.pk, territory.pk], state="paraphrased", heading="h" * 80)

    response = edna.post(url, ednas)
    html = response.content.decode()
    assert response.status_code == 409
    assert "<h1>This provision was deleted while you were editing it</h1>" in html
    typed = _typed(html)
    assert typed["Topics"] == "Crimea, Territory"
    assert typed["Draft"] == str(provision.draft)
    assert typed["State"] == "Paraphrased from reports"
    assert typed["Heading"] == "h" * 80  # a line of 80 characters stays a line
    assert typed["Body"].startswith("<textarea readonly")  # text is always a box
    back = reverse("admin:drafts_provision_changelist")
    assert f'<a href="{back}">Back to the list of provisions</a>' in html

    ednas["heading"] = "h" * 81
    typed = _typed(edna.post(url, ednas).content.decode())
    assert typed["Heading"].startswith("<textarea readonly")
    assert "h" * 81 + "</textarea>" in typed["Heading"]


def test_no_restore_is_offered_where_there_is_nothing_to_restore(provision):
    """A source cannot be restored from its history; a deletion no longer in the history
    (pruned, or made outside the site) is still said plainly."""
    edna = editor("edna")
    source = f.make_source(key="s7", headline="Plan leaked")
    source_url = reverse("admin:sources_source_change", args=[source.pk])
    typed_source = opened(edna, source_url)
    with acting_user(f.make_user("frank")):
        source.delete()
    html = edna.post(source_url, typed_source).content.decode()
    assert re.search(r"frank deleted “[^”]+” at \d\d:\d\d, after you opened it\.", html)
    assert "Restore the deleted" not in html

    url, pk = url_of(provision), provision.pk
    ednas = opened(edna, url)
    provision.delete()
    Change.objects.filter(object_id=pk, content_type__model="provision").delete()
    response = edna.post(url, ednas)
    html = response.content.decode()
    assert response.status_code == 409
    assert "This provision no longer exists: it was deleted after you opened it." in html
    assert "Restore the deleted" not in html


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


def test_the_change_form_still_links_its_history(provision):
    html = editor("edna").get(url_of(provision)).content.decode()
    assert reverse("admin:drafts_provision_history", args=[provision.pk]) in html


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
    html = response.content.decode()
    assert "Nothing of yours is saved yet" in html
    # With no mark to trust, every field where her form and the row differ is shown.
    assert _conflict_rows(html) == {
        "Heading": ("Army cap (peacetime)", "Army cap"),
        "Body": ("Capped at 600,000.", "Capped at 800,000."),
    }
    provision.refresh_from_db()
    assert (provision.heading, provision.body) == (
        "Army cap (peacetime)",
        "<p>Capped at 600,000.</p>",
    )


def test_changes_recorded_without_a_name_are_someones(provision):
    """History can hold changes with no name (the field may be blank): the message still
    reads as a sentence, naming "someone" once however many there are."""
    edna = editor("edna")
    url = url_of(provision)
    ednas = opened(edna, url)
    for name, heading in [("frank", "Army cap (1)"), ("grace", "Army cap (2)"), ("henry", "3")]:
        with acting_user(f.make_user(name)):
            provision.heading = heading
            provision.save()
    Change.objects.filter(user_name__in=["frank", "grace"]).update(user_name="")
    html = edna.post(url, ednas).content.decode()
    assert re.search(r"<li>Someone and henry saved this provision at \d\d:\d\d after you", html)
    Change.objects.filter(user_name="henry").update(user_name="")
    html = edna.post(url, ednas).content.decode()
    assert re.search(r"<li>Someone saved this provision at \d\d:\d\d after you", html)


def test_the_version_mark_adds_no_empty_box_to_the_form(provision):
    """The mark is a hidden input; its fieldset would otherwise show as an empty box."""
    html = editor("edna").get(url_of(provision)).content.decode()
    fieldset = re.search(
        r'<fieldset class="([^"]*)"[^>]*>((?:(?!</fieldset>).)*)name="edit_version"', html, re.S
    )
    # Its label sits in that hidden fieldset, and nowhere else on the page.
    assert "hidden" in fieldset[1].split()
    assert "Edit version:" in fieldset[2] and html.count("Edit version") == 1
