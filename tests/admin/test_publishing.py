"""Who may publish: the `published` flag and the publish actions, for each of the four
models that have one. Editors edit but cannot publish; Publishers can; both are checked on
the server, not only in the form."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from apps.alignment.models import Matter
from apps.core import versioning
from apps.drafts.models import Draft, Provision
from apps.history.models import Change
from apps.history.services import revert
from apps.sources.models import Citation
from tests import factories as f

from .conftest import build_world
from .forms import form_data

# (admin url prefix, model, key of the object in build_world)
PUBLISHED = [
    ("drafts_draft", Draft, "draft"),
    ("drafts_provision", Provision, "provision"),
    ("alignment_matter", Matter, "matter"),
    ("sources_citation", Citation, "citation"),
]
IDS = [prefix for prefix, _, _ in PUBLISHED]


@pytest.fixture
def world(db):
    return build_world(2)


@pytest.fixture
def publisher(db):
    user = f.make_user("pia", group="Editors")
    user.groups.add(Group.objects.get(name="Publishers"))
    return user


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


def _change_url(prefix, obj):
    return reverse(f"admin:{prefix}_change", args=[obj.pk])


def _unpublish(obj):
    type(obj).objects.filter(pk=obj.pk).update(published=False)
    obj.refresh_from_db()
    return obj


def test_the_publishers_group_holds_the_four_publish_permissions(db):
    group = Group.objects.get(name="Publishers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"publish_draft", "publish_provision", "publish_matter", "publish_citation"} <= (
        codenames
    )
    # Editors and Viewers do not publish.
    for name in ("Editors", "Viewers"):
        held = Group.objects.get(name=name).permissions.filter(codename__startswith="publish_")
        assert not held.exists(), name
    assert Permission.objects.filter(codename__startswith="publish_").count() == 4


@pytest.mark.parametrize(("prefix", "model", "key"), PUBLISHED, ids=IDS)
def test_an_editor_sees_published_read_only_and_a_crafted_post_cannot_publish(
    editor_client, world, prefix, model, key
):
    obj = _unpublish(world[key])
    url = _change_url(prefix, obj)
    page = editor_client.get(url)
    assert page.status_code == 200
    data = form_data(page)
    assert "published" not in data
    assert 'name="published"' not in page.content.decode()
    # The form as the browser holds it, plus the flag a crafted request adds.
    response = editor_client.post(url, {**data, "published": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    obj.refresh_from_db()
    assert obj.published is False


@pytest.mark.parametrize(("prefix", "model", "key"), PUBLISHED, ids=IDS)
def test_a_publisher_publishes_from_the_change_form(publisher_client, world, prefix, model, key):
    obj = _unpublish(world[key])
    url = _change_url(prefix, obj)
    page = publisher_client.get(url)
    assert 'name="published"' in page.content.decode()
    response = publisher_client.post(url, {**form_data(page), "published": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    obj.refresh_from_db()
    assert obj.published is True


def test_what_an_editor_adds_starts_unpublished_whatever_the_post_says(editor_client, world):
    url = reverse("admin:drafts_provision_add")
    page = editor_client.get(url)
    assert 'name="published"' not in page.content.decode()
    data = form_data(page)  # the inlines' management forms, as the page has them
    data.update(
        {
            "draft": world["draft"].pk,
            "label": "99",
            "position": "99",
            "heading": "Added by an editor",
            "body": "<p>New.</p>",
            "state": "known",
            "published": "on",  # crafted: the page has no such field
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    added = Provision.objects.get(heading="Added by an editor")
    assert added.published is False


@pytest.mark.parametrize(("prefix", "model", "key"), PUBLISHED, ids=IDS)
def test_publish_actions_are_offered_to_publishers_only(
    client, editor, publisher, world, prefix, model, key
):
    url = reverse(f"admin:{prefix}_changelist")
    client.force_login(editor)
    page = client.get(url).content.decode()
    assert "publish_selected" not in page
    assert "published__exact=1" in page  # the list filter
    assert "column-published" in page
    client.force_login(publisher)
    page = client.get(url).content.decode()
    assert 'value="publish_selected"' in page and 'value="unpublish_selected"' in page


@pytest.mark.parametrize(("prefix", "model", "key"), PUBLISHED, ids=IDS)
def test_an_editor_cannot_run_the_publish_action(editor_client, world, prefix, model, key):
    obj = _unpublish(world[key])
    url = reverse(f"admin:{prefix}_changelist")
    editor_client.post(url, {"action": "publish_selected", "_selected_action": [obj.pk]})
    obj.refresh_from_db()
    assert obj.published is False
    assert not Change.objects.for_object(obj).filter(fields__has_key="published").exists()


@pytest.mark.parametrize(("prefix", "model", "key"), PUBLISHED, ids=IDS)
def test_publish_and_unpublish_actions_save_each_object_with_history(
    publisher_client, publisher, world, prefix, model, key
):
    obj = _unpublish(world[key])
    other = model.objects.exclude(pk=obj.pk).order_by("pk").first()
    assert other is not None and other.published  # already published: left alone
    url = reverse(f"admin:{prefix}_changelist")
    version = versioning.current()

    response = publisher_client.post(
        url,
        {"action": "publish_selected", "_selected_action": [obj.pk, other.pk]},
        follow=True,
    )

    assert response.status_code == 200
    text = response.content.decode()
    assert f"1 {model._meta.verbose_name} published. 1 already was published." in text
    obj.refresh_from_db()
    assert obj.published is True
    change = Change.objects.for_object(obj).first()
    assert change.fields["published"] == {"label": "published", "before": "no", "after": "yes"}
    assert change.user == publisher
    assert not Change.objects.for_object(other).filter(fields__has_key="published").exists()
    assert versioning.current() != version

    publisher_client.post(url, {"action": "unpublish_selected", "_selected_action": [obj.pk]})
    obj.refresh_from_db()
    assert obj.published is False
    change = Change.objects.for_object(obj).first()
    assert change.fields["published"]["after"] == "no"


def test_viewers_cannot_publish(viewer_client, world):
    obj = _unpublish(world["provision"])
    url = reverse("admin:drafts_provision_changelist")
    response = viewer_client.post(url, {"action": "publish_selected", "_selected_action": [obj.pk]})
    assert response.status_code in {200, 302, 403}
    obj.refresh_from_db()
    assert obj.published is False


def test_a_revert_does_not_change_what_is_published(world):
    """Reverting restores content, not the publish state (which needs its own permission)."""
    provision = world["provision"]
    provision.heading = "Second version"
    provision.save()
    first = Change.objects.for_object(provision).last()  # created: published
    _unpublish(provision)
    revert(first, user=None)
    provision.refresh_from_db()
    assert provision.heading != "Second version"
    assert provision.published is False


def test_publishing_a_provision_of_an_unpublished_draft_warns_that_it_stays_hidden(
    publisher_client, world
):
    draft = f.make_draft(world["process"], label="Not yet out", published=False)
    provision = f.make_provision(draft, heading="Waiting", published=False)
    response = publisher_client.post(
        reverse("admin:drafts_provision_changelist"),
        {"action": "publish_selected", "_selected_action": [provision.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "1 provision published." in text
    assert "Still hidden from the public until what they belong to is published" in text
    assert "Not yet out" in text
    provision.refresh_from_db()
    assert provision.published is True
    assert not Provision.objects.published().filter(pk=provision.pk).exists()


def test_an_editor_cannot_publish_through_an_inline_either(editor_client, world):
    draft, provision = world["draft"], _unpublish(world["provision"])
    url = _change_url("drafts_draft", draft)
    page = editor_client.get(url)
    data = form_data(page)
    rows = [k[: -len("-id")] for k, v in data.items() if k.endswith("-id") and v]
    row = next(r for r in rows if data[f"{r}-id"] == str(provision.pk) and "provision" in r)
    assert f"{row}-published" not in data
    response = editor_client.post(url, {**data, f"{row}-published": "on"})
    assert response.status_code == 302, response.content.decode()[:2000]
    provision.refresh_from_db()
    assert provision.published is False
