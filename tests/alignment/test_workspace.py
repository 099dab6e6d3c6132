"""The alignment workspace: each cell action saves through the models (history, content
version), is refused on a stale cell and for Viewers; rejected suggestions stay rejected."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from apps.alignment.models import Matter, MatterEntry, RejectedSuggestion
from apps.alignment.workspace import cell_version
from apps.core import versioning
from apps.drafts.models import Provision
from apps.history.models import Change
from tests import factories as f
from tests.alignment.test_suggest_admin import make_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair():
    parent, child, elders, children = make_pair(3, novel=True)
    return {"parent": parent, "child": child, "elders": elders, "children": children}


@pytest.fixture
def editor_client(client):
    client.force_login(f.make_user("edna", group="Editors"))
    return client


@pytest.fixture
def viewer_client(client):
    client.force_login(f.make_user("victor", group="Viewers"))
    return client


def page_url(pair) -> str:
    return reverse(
        "admin:alignment_matter_workspace", args=[f"{pair['parent'].slug}...{pair['child'].slug}"]
    )


def cell_url(pair, matter, draft) -> str:
    spec = f"{pair['parent'].slug}...{pair['child'].slug}"
    return reverse("admin:alignment_matter_workspace_cell", args=[spec, matter.pk, draft.pk])


def matter_of(provision) -> Matter:
    return provision.entries.get().matter


def version(matter, draft) -> str:
    return cell_version(
        list(MatterEntry.objects.filter(matter=matter, provision__draft=draft).order_by("pk"))
    )


def changes_of(model) -> list[Change]:
    return list(Change.objects.filter(content_type__model=model._meta.model_name))


# --- the page --------------------------------------------------------------------------


def test_the_page_shows_matters_as_rows_drafts_as_columns_and_the_tray(editor_client, pair):
    response = editor_client.get(page_url(pair))
    assert response.status_code == 200
    html = response.content.decode()
    for elder in pair["elders"]:
        assert matter_of(elder).title in html
    assert "Tray: provisions in no matter" in html
    assert "Black Sea grain" in html  # the novel provision waits in the tray
    # Each empty cell of the child offers its counterpart, with a score.
    assert html.count("Suggested:") == 3
    assert "score " in html
    assert "ws-put" in html


def test_the_page_answers_in_a_fixed_number_of_queries(
    editor_client, pair, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        editor_client.get(page_url(pair))
    for i in range(5):
        f.make_provision(pair["child"], label=f"x{i}", heading=f"Extra {i}")
        f.make_matter(pair["parent"].process)
    with django_assert_max_num_queries(30):
        editor_client.get(page_url(pair))


def test_a_spec_out_of_order_redirects_to_the_canonical_one(editor_client, pair):
    url = reverse(
        "admin:alignment_matter_workspace", args=[f"{pair['child'].slug}...{pair['parent'].slug}"]
    )
    response = editor_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == page_url(pair)


def test_viewers_see_the_page_without_any_form(viewer_client, pair):
    response = viewer_client.get(page_url(pair))
    assert response.status_code == 200
    html = response.content.decode()
    assert "You can look but not change anything here." in html
    assert 'name="action"' not in html
    assert "New matter from this provision" not in html


# --- put in, take out, relate ----------------------------------------------------------


def test_putting_a_provision_in_saves_it_with_history_and_a_new_content_version(
    editor_client, pair
):
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    before = versioning.current()
    response = editor_client.post(
        cell_url(pair, matter, child),
        {
            "action": "put",
            "version": version(matter, child),
            "provision": pair["children"][0].pk,
            "relation": "reworded",
        },
    )
    assert response.status_code == 302
    entry = MatterEntry.objects.get(matter=matter, provision=pair["children"][0])
    assert entry.relation == "reworded"
    created = Change.objects.get(
        content_type__model="matterentry", object_id=entry.pk, action="created"
    )
    assert created.user_name == "edna"
    assert versioning.current() != before
    page = editor_client.get(response["Location"]).content.decode()
    assert "put in (Reworded)" in page


def test_taking_a_provision_out_deletes_its_entry_through_the_model(editor_client, pair):
    elder = pair["elders"][1]
    matter, parent = matter_of(elder), pair["parent"]
    entry = elder.entries.get()
    response = editor_client.post(
        cell_url(pair, matter, parent),
        {"action": "out", "version": version(matter, parent), "entry": entry.pk},
    )
    assert response.status_code == 302
    assert not MatterEntry.objects.filter(pk=entry.pk).exists()
    assert Change.objects.filter(
        content_type__model="matterentry", object_id=entry.pk, action="deleted"
    ).exists()


def test_setting_relation_label_and_rationale(editor_client, pair):
    elder = pair["elders"][0]
    matter, parent = matter_of(elder), pair["parent"]
    entry = elder.entries.get()
    before = versioning.current()
    response = editor_client.post(
        cell_url(pair, matter, parent),
        {
            "action": "relate",
            "version": version(matter, parent),
            "entry": entry.pk,
            "relation": "reworded",
            "label": "softened",
            "rationale": "Cap raised.",
        },
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.relation, entry.label, entry.rationale) == ("reworded", "softened", "Cap raised.")
    change = Change.objects.filter(content_type__model="matterentry", object_id=entry.pk).first()
    assert change.action == "changed" and change.user_name == "edna"
    assert versioning.current() != before


def test_a_label_without_rationale_is_refused_by_the_model_rule(editor_client, pair):
    elder = pair["elders"][0]
    matter, parent = matter_of(elder), pair["parent"]
    entry = elder.entries.get()
    response = editor_client.post(
        cell_url(pair, matter, parent),
        {
            "action": "relate",
            "version": version(matter, parent),
            "entry": entry.pk,
            "relation": "same",
            "label": "softened",
            "rationale": "",
        },
        follow=True,
    )
    assert "Say in one line why it is labelled so." in response.content.decode()
    entry.refresh_from_db()
    assert entry.label == ""


# --- stale cells -----------------------------------------------------------------------


def stale_post(client, pair, data, *, htmx: bool):
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    return client.post(cell_url(pair, data.pop("matter"), data.pop("draft")), data, **headers)


@pytest.mark.parametrize("htmx", [True, False])
@pytest.mark.parametrize("action", ["put", "out", "relate", "accept", "reject"])
def test_an_edit_to_a_cell_changed_since_page_load_is_refused_showing_their_value(
    editor_client, pair, action, htmx
):
    elder = pair["elders"][0]
    matter = matter_of(elder)
    if action in ("put", "accept", "reject"):
        draft = pair["child"]
        loaded = version(matter, draft)
        # Someone else puts the third child provision in meanwhile.
        f.align(matter, pair["children"][2], "reworded", label="hardened", rationale="Theirs.")
        data = {"action": action, "provision": pair["children"][0].pk, "relation": "same"}
        theirs = pair["children"][2].heading
    else:
        draft = pair["parent"]
        loaded = version(matter, draft)
        entry = elder.entries.get()
        entry.label, entry.rationale = "hardened", "Their reason."
        entry.save()
        data = {"action": action, "entry": entry.pk, "relation": "moved", "label": ""}
        theirs = "Their reason."
    count = MatterEntry.objects.count()
    snapshot = list(MatterEntry.objects.values_list("pk", "relation", "label", "rationale"))
    response = stale_post(
        editor_client,
        pair,
        {**data, "version": loaded, "matter": matter, "draft": draft},
        htmx=htmx,
    )
    assert MatterEntry.objects.count() == count
    assert list(MatterEntry.objects.values_list("pk", "relation", "label", "rationale")) == snapshot
    if htmx:
        assert response.status_code == 409
        html = response.content.decode()
    else:
        assert response.status_code == 302
        html = editor_client.get(response["Location"]).content.decode()
    assert "Someone else changed this cell since you loaded the page" in html
    assert theirs in html
    assert not RejectedSuggestion.objects.exists()


def test_an_entry_deleted_meanwhile_is_refused_as_stale(editor_client, pair):
    elder = pair["elders"][0]
    matter, parent = matter_of(elder), pair["parent"]
    loaded = version(matter, parent)
    entry = elder.entries.get()
    pk = entry.pk
    entry.delete()
    response = editor_client.post(
        cell_url(pair, matter, parent),
        {"action": "relate", "version": loaded, "entry": pk, "relation": "same"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 409
    assert "It now holds: nothing" in response.content.decode()


# --- viewers ---------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["put", "accept", "out", "relate", "reject"])
def test_viewers_cannot_change_a_cell(viewer_client, pair, action):
    elder = pair["elders"][0]
    matter, parent = matter_of(elder), pair["parent"]
    entry = elder.entries.get()
    before = list(MatterEntry.objects.values_list("pk", "relation", "label"))
    response = viewer_client.post(
        cell_url(pair, matter, parent),
        {
            "action": action,
            "version": version(matter, parent),
            "entry": entry.pk,
            "provision": elder.pk,
            "relation": "moved",
        },
    )
    assert response.status_code == 403
    assert list(MatterEntry.objects.values_list("pk", "relation", "label")) == before
    assert not RejectedSuggestion.objects.exists()


def test_viewers_cannot_make_matters_or_reorder(viewer_client, pair):
    spec = f"{pair['parent'].slug}...{pair['child'].slug}"
    novel = pair["children"][-1]
    new = reverse("admin:alignment_matter_workspace_new_matter", args=[spec, novel.pk])
    assert viewer_client.post(new).status_code == 403
    matter = matter_of(pair["elders"][1])
    move = reverse("admin:alignment_matter_workspace_move", args=[spec, matter.pk])
    assert viewer_client.post(move, {"step": "up"}).status_code == 403
    assert not novel.entries.exists()


# --- suggestions -----------------------------------------------------------------------


def test_accepting_a_suggestion_puts_the_provision_in_with_the_suggested_relation(
    editor_client, pair
):
    html = editor_client.get(page_url(pair)).content.decode()
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    cell = html[html.index(f'id="cell-{matter.pk}-{child.pk}"') :]
    provision = int(re.search(r'name="provision" value="(\d+)"', cell).group(1))
    relation = re.search(r'name="relation" value="(\w+)"', cell).group(1)
    assert provision == pair["children"][0].pk
    response = editor_client.post(
        cell_url(pair, matter, child),
        {
            "action": "accept",
            "version": version(matter, child),
            "provision": provision,
            "relation": relation,
        },
    )
    assert response.status_code == 302
    entry = MatterEntry.objects.get(matter=matter, provision_id=provision)
    assert entry.relation == relation
    assert Change.objects.filter(content_type__model="matterentry", object_id=entry.pk).exists()


def test_a_rejected_suggestion_is_remembered_and_not_offered_again(editor_client, pair):
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    provision = pair["children"][0]
    response = editor_client.post(
        cell_url(pair, matter, child),
        {"action": "reject", "version": version(matter, child), "provision": provision.pk},
    )
    assert response.status_code == 302
    rejection = RejectedSuggestion.objects.get()
    assert (rejection.provision, rejection.matter) == (provision, matter)
    assert rejection.rejected_by.username == "edna"
    # Another editor, another session: still not offered for that cell.
    other = f.make_user("olga", group="Editors")
    editor_client.force_login(other)
    html = editor_client.get(page_url(pair)).content.decode()
    cell = html[html.index(f'id="cell-{matter.pk}-{child.pk}"') :]
    cell = cell[: cell.index("</td>")]
    assert "Suggested:" not in cell or f'value="{provision.pk}"' not in cell.split("ws-put")[0]
    assert html.count("Suggested:") == 2
    assert not MatterEntry.objects.filter(provision=provision).exists()


def test_a_rejected_suggestion_is_recorded_in_the_change_history(editor_client, pair):
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    provision = pair["children"][0]
    editor_client.post(
        cell_url(pair, matter, child),
        {"action": "reject", "version": version(matter, child), "provision": provision.pk},
    )
    rejection = RejectedSuggestion.objects.get()
    [change] = changes_of(RejectedSuggestion)
    assert (change.action, change.object_id, change.user.username) == (
        "created",
        rejection.pk,
        "edna",
    )
    assert (change.snapshot["provision_id"], change.snapshot["matter_id"]) == (
        provision.pk,
        matter.pk,
    )
    # Found under its draft and process, and listed among the kinds of the Changes page.
    assert (change.draft_ref, change.process_ref) == (child.pk, child.process_id)
    html = editor_client.get(reverse("admin:history_change_changelist")).content.decode()
    assert "Rejected suggestion" in html
    assert f"✗ {matter.code}" in html


def test_the_suggestion_shows_the_next_best_candidate(editor_client, pair):
    # A second child provision on the same subject competes for the first matter.
    heading = pair["elders"][0].heading
    f.make_provision(
        pair["child"], label="7", heading=heading, body="<p>Ukraine's armed forces capped.</p>"
    )
    html = editor_client.get(page_url(pair)).content.decode()
    assert "Next best:" in html


# --- new matter, reorder ---------------------------------------------------------------


def test_a_new_matter_is_made_from_a_tray_provision(editor_client, pair):
    spec = f"{pair['parent'].slug}...{pair['child'].slug}"
    novel = pair["children"][-1]
    before = versioning.current()
    response = editor_client.post(
        reverse("admin:alignment_matter_workspace_new_matter", args=[spec, novel.pk])
    )
    assert response.status_code == 302
    entry = novel.entries.get()
    assert entry.relation == "new"
    assert entry.matter.title == "Black Sea grain"
    assert entry.matter.published is False  # publishing stays with publishers
    assert Change.objects.filter(
        content_type__model="matter", object_id=entry.matter.pk, action="created"
    ).exists()
    assert versioning.current() != before
    # Twice is refused: it is no longer in the tray.
    again = editor_client.post(
        reverse("admin:alignment_matter_workspace_new_matter", args=[spec, novel.pk]),
        follow=True,
    )
    assert "is in a matter already" in again.content.decode()
    assert novel.entries.count() == 1


def order_version_on(page: str) -> str:
    """The order's version the page's move forms carry."""
    versions = set(re.findall(r'class="ws-move">.*?name="version" value="([^"]+)"', page, re.S))
    assert len(versions) == 1, versions
    return versions.pop()


def test_matters_are_reordered_one_step_at_a_time(editor_client, pair):
    spec = f"{pair['parent'].slug}...{pair['child'].slug}"
    first, second, third = (matter_of(e) for e in pair["elders"])
    version = order_version_on(editor_client.get(page_url(pair)).content.decode())
    response = editor_client.post(
        reverse("admin:alignment_matter_workspace_move", args=[spec, third.pk]),
        {"step": "up", "version": version},
    )
    assert response.status_code == 302
    order = list(
        Matter.objects.filter(process=pair["parent"].process).values_list("code", flat=True)
    )
    assert order == [first.code, third.code, second.code]
    assert Change.objects.filter(content_type__model="matter", object_id=third.pk).exists()


def test_a_move_on_an_order_changed_since_the_page_was_loaded_is_refused(editor_client, pair):
    spec = f"{pair['parent'].slug}...{pair['child'].slug}"
    first, second, third = (matter_of(e) for e in pair["elders"])
    version = order_version_on(editor_client.get(page_url(pair)).content.decode())
    # Meanwhile another editor moves the third matter to the top.
    other = f.make_user("otto", group="Editors")
    other_client = editor_client.__class__()
    other_client.force_login(other)
    move_url = reverse("admin:alignment_matter_workspace_move", args=[spec, third.pk])
    for _ in range(2):
        page = other_client.get(page_url(pair)).content.decode()
        other_client.post(move_url, {"step": "up", "version": order_version_on(page)})
    order = [third.code, first.code, second.code]
    codes = list(
        Matter.objects.filter(process=pair["parent"].process).values_list("code", flat=True)
    )
    assert codes == order
    before = versioning.current()

    # The first editor, on the old page, moves the second matter up (above the first).
    response = editor_client.post(
        reverse("admin:alignment_matter_workspace_move", args=[spec, second.pk]),
        {"step": "up", "version": version},
        follow=True,
    )
    html = response.content.decode()
    assert "Someone else reordered the matters since you loaded the page" in html
    assert f"The order is now: {', '.join(order)}." in html
    assert (
        list(Matter.objects.filter(process=pair["parent"].process).values_list("code", flat=True))
        == order
    )
    assert versioning.current() == before
    # The page now shows the other editor's order; moving from it works.
    response = editor_client.post(
        reverse("admin:alignment_matter_workspace_move", args=[spec, second.pk]),
        {"step": "up", "version": order_version_on(html)},
    )
    assert list(
        Matter.objects.filter(process=pair["parent"].process).values_list("code", flat=True)
    ) == [third.code, second.code, first.code]


# --- stale relations flagged in place ----------------------------------------------------


def test_a_stale_relation_is_flagged_in_its_cell(editor_client, pair):
    import datetime

    elder = pair["elders"][0]
    entry = elder.entries.get()
    MatterEntry.objects.filter(pk=entry.pk).update(
        relation="reworded",
        relation_recorded_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    from apps.drafts.models import Provision

    Provision.objects.filter(pk=elder.pk).update(
        text_changed_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    )
    html = editor_client.get(page_url(pair)).content.decode()
    cell = html[html.index(f'id="cell-{entry.matter_id}-{pair["parent"].pk}"') :]
    assert "Relation possibly stale" in cell[: cell.index("</td>")]


# --- links -----------------------------------------------------------------------------


def test_htmx_answers_with_the_cell_and_the_tray(editor_client, pair):
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    response = editor_client.post(
        cell_url(pair, matter, child),
        {
            "action": "put",
            "version": version(matter, child),
            "provision": pair["children"][0].pk,
            "relation": "same",
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith(f'<div class="ws-cell" id="cell-{matter.pk}-{child.pk}"')
    assert 'id="tray" class="ws-tray" hx-swap-oob="true"' in html
    assert "HX-Request" in response["Vary"]


def test_the_matter_list_links_to_a_workspace_per_draft_and_its_parent(editor_client, pair):
    html = editor_client.get(reverse("admin:alignment_matter_changelist")).content.decode()
    assert f'href="{page_url(pair)}"' in html
    assert f"{pair['child']} against {pair['parent']}" in html


def test_the_comparison_links_to_the_workspace_for_staff_only(client, editor_client, pair):
    from apps.drafts.models import Draft

    Draft.objects.update(published=True)
    url = reverse("compare:compare", args=[f"{pair['parent'].slug}...{pair['child'].slug}"])
    assert f'href="{page_url(pair)}"' in editor_client.get(url).content.decode()
    client.logout()
    assert "workspace" not in client.get(url).content.decode().lower()


def test_accepting_with_a_label_and_rationale_saves_them_in_one_submission(editor_client, pair):
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    response = editor_client.post(
        cell_url(pair, matter, child),
        {
            "action": "accept",
            "version": version(matter, child),
            "provision": pair["children"][0].pk,
            "relation": "same",
            "label": "hardened",
            "rationale": "Stricter.",
        },
    )
    assert response.status_code == 302
    entry = MatterEntry.objects.get(matter=matter, provision=pair["children"][0])
    assert (entry.label, entry.rationale) == ("hardened", "Stricter.")


def _points_in_cell(html: str, matter, draft) -> list[str]:
    """The point labels a workspace cell lists, top to bottom."""
    cell = html.split(f'id="cell-{matter.pk}-{draft.pk}"', 1)[1]
    for after in ('<td class="ws-td"', 'id="tray"', 'class="ws-suggestion"'):
        cell = cell.split(after, 1)[0]
    return re.findall(r'title="Open the provision">([^<]+)</a>', cell)


def test_a_cells_points_read_in_their_drafts_order_not_the_order_they_were_put_in(
    editor_client, pair
):
    """The draft's order is its points' positions, then the order they were added in (two
    points may share a position); neither is the order they were aligned in."""
    matter, child = matter_of(pair["elders"][0]), pair["child"]
    one, two, three = pair["children"][:3]
    Provision.objects.filter(pk=three.pk).update(position=1)  # moved to the top
    Provision.objects.filter(pk__in=[one.pk, two.pk]).update(position=5)  # a tie
    for point in (two, three, one):
        f.align(matter, point, "split")
    in_order = [three, one, two]
    page = editor_client.get(page_url(pair)).content.decode()
    assert _points_in_cell(page, matter, child) == [p.label for p in in_order]
    # A refused edit says what the cell holds now, in the same order, and shows it so.
    holds = "; ".join(f"{p.label} {p.heading} (Split)" for p in in_order)
    for data in (
        {"action": "put", "provision": pair["children"][3].pk},
        {"action": "relate", "entry": 999999, "relation": "same"},  # an entry gone meanwhile
    ):
        response = editor_client.post(
            cell_url(pair, matter, child), {**data, "version": "stale"}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 409
        html = response.content.decode()
        assert f"It now holds: {holds}." in html
        assert _points_in_cell(html, matter, child) == [p.label for p in in_order]
