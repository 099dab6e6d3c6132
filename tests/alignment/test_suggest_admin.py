"""The admin page where editors review alignment suggestions and accept or reject them."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from apps.alignment.models import Matter, MatterEntry
from apps.core import versioning
from apps.history.models import Change
from tests import factories as f

pytestmark = pytest.mark.django_db

TEXTS = [
    ("Army cap", "Ukraine's armed forces are capped at 600,000 personnel."),
    ("Crimea recognised", "Crimea, Luhansk and Donetsk are recognised as de facto Russian."),
    ("Elections", "Ukraine holds elections within 100 days of signing."),
    ("Amnesty", "Full amnesty for all parties for their actions during the war."),
    ("Nuclear plant", "The Zaporizhzhia nuclear power plant restarts under IAEA supervision."),
    ("Frozen assets", "Frozen Russian assets pay for the reconstruction of Ukraine."),
]


@pytest.fixture
def editor_client(client):
    client.force_login(f.make_user("edna", group="Editors"))
    return client


def make_pair(n: int = 3, *, novel: bool = False):
    """A parent with n provisions, in a matter each; a child with the same n, unaligned."""
    process = f.make_process()
    parent = f.make_draft(process, label="Parent")
    child = f.make_draft(process, label="Child")
    f.link(child, parent, "revises")
    elders, children = [], []
    for i in range(n):
        heading, body = TEXTS[i % len(TEXTS)]
        heading = f"{heading} {i}"
        elder = f.make_provision(parent, label=str(i + 1), heading=heading, body=f"<p>{body}</p>")
        f.align(f.make_matter(process, code=f"A{i + 1:02d}", title=heading), elder, "new")
        elders.append(elder)
        children.append(
            f.make_provision(child, label=str(i + 1), heading=heading, body=f"<p>{body}</p>")
        )
    if novel:
        children.append(
            f.make_provision(
                child, label="99", heading="Black Sea grain", body="<p>Grain ships sail.</p>"
            )
        )
    return parent, child, elders, children


def url(child, parent) -> str:
    return reverse("admin:alignment_matter_suggest", args=[child.pk, parent.pk])


def tokens(response) -> dict[int, str]:
    """Provision id → the value of its checkbox, as the page shows it."""
    found = re.findall(r'name="pick" value="([^"]+)"', response.content.decode())
    return {int(t.split(":")[0]): t for t in found}


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_draft_page_links_to_the_suggestions_for_each_parent(editor_client):
    parent, child, _, _ = make_pair(1)
    page = editor_client.get(reverse("admin:drafts_draft_change", args=[child.pk]))
    assert f'href="{url(child, parent)}"' in page.content.decode()
    assert "Suggest alignment with Parent" in page.content.decode()
    orphan = editor_client.get(reverse("admin:drafts_draft_change", args=[parent.pk]))
    assert "Suggest alignment" not in orphan.content.decode()


def test_a_draft_with_two_parents_gets_a_link_for_each(editor_client):
    parent, child, _, _ = make_pair(1)
    answered = f.make_draft(parent.process, label="Answered")
    f.link(child, answered, "answers")
    html = editor_client.get(reverse("admin:drafts_draft_change", args=[child.pk])).content
    links = re.findall(r'<a href="([^"]+)">Suggest alignment with ([^<]+)</a>', html.decode())
    assert sorted(links) == sorted(
        [(url(child, parent), "Parent"), (url(child, answered), "Answered")]
    )
    assert editor_client.get(url(child, answered)).status_code == 200


def test_the_page_lists_each_provision_with_its_suggestion(editor_client):
    parent, child, elders, children = make_pair(3, novel=True)
    f.align(Matter.objects.get(code="A01"), children[0], "same")
    f.align(Matter.objects.get(code="A03"), children[1], "reworded")
    page = editor_client.get(url(child, parent))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Suggest alignment: Child against Parent" in html
    assert (
        f'<li><a href="{reverse("admin:drafts_draft_change", args=[child.pk])}">Child</a></li>'
        in html
    )
    assert set(tokens(page)) == {p.pk for p in children}
    assert tokens(page)[children[2].pk] == f"{children[2].pk}:{elders[2].pk}:same"
    assert tokens(page)[children[3].pk] == f"{children[3].pk}:new:new"
    rows = re.findall(r'<tr class="suggestion-(\w+)">', html)
    assert rows == ["aligned", "conflicting", "unaligned", "unaligned"]
    assert "Already aligned:" in html and "Conflicting: now in" in html
    assert "Nothing in Parent matches: a new matter." in html
    assert "rejections are not stored" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_accept_aligns_the_selected_provisions_and_records_their_history(editor_client):
    parent, child, elders, children = make_pair(3, novel=True)
    page = editor_client.get(url(child, parent))
    picked = [tokens(page)[children[0].pk], tokens(page)[children[3].pk]]
    version = versioning.current()
    response = editor_client.post(
        url(child, parent), {"pick": picked, "_accept": "Accept selected"}, follow=True
    )
    assert response.redirect_chain == [(url(child, parent), 302)]
    entry = MatterEntry.objects.get(provision=children[0])
    assert (entry.matter.code, entry.relation) == ("A01", "same")
    new = MatterEntry.objects.get(provision=children[3])
    assert (new.matter.code, new.matter.title, new.relation) == ("A04", "Black Sea grain", "new")
    assert not MatterEntry.objects.filter(provision__in=children[1:3]).exists()
    assert versioning.current() != version
    created = Change.objects.for_object(entry).get()
    assert (created.action, created.user_name) == ("created", "edna")
    assert Change.objects.for_object(entry.matter).filter(action="changed").exists()
    assert Change.objects.for_object(new.matter).filter(action="created").exists()
    [message] = messages_of(response)
    assert message.startswith("Aligned 2 provisions: Child · 1 Army cap 0 → A01")
    assert "New matters: A04." in message


def test_accept_gives_a_counterpart_without_a_matter_one(editor_client):
    parent, child, elders, children = make_pair(1)
    MatterEntry.objects.get(provision=elders[0]).delete()
    token = tokens(editor_client.get(url(child, parent)))[children[0].pk]
    editor_client.post(url(child, parent), {"pick": [token], "_accept": "Accept selected"})
    [matter] = Matter.objects.filter(entries__provision=children[0])
    assert matter.code == "A02"
    assert sorted(matter.entries.values_list("provision__draft__label", "relation")) == [
        ("Child", "same"),
        ("Parent", "new"),
    ]


def test_an_aligned_provision_is_kept_unless_replace_is_ticked(editor_client):
    parent, child, elders, children = make_pair(2)
    f.align(Matter.objects.get(code="A02"), children[0], "reworded")
    token = tokens(editor_client.get(url(child, parent)))[children[0].pk]
    data = {"pick": [token], "_accept": "Accept selected"}
    response = editor_client.post(url(child, parent), data, follow=True)
    assert list(MatterEntry.objects.filter(provision=children[0]).values_list("matter__code")) == [
        ("A02",)
    ]
    assert messages_of(response) == [
        "Not applied: Child · 1 Army cap 0: already aligned in A02; tick “replace” to change it."
    ]
    editor_client.post(url(child, parent), {**data, "replace": [str(children[0].pk)]})
    assert list(
        MatterEntry.objects.filter(provision=children[0]).values_list("matter__code", "relation")
    ) == [("A01", "same")]


def test_a_split_that_breaks_the_one_provision_per_draft_rule_is_skipped(editor_client):
    parent, child, elders, children = make_pair(1)
    twin = f.make_provision(
        child, label="1a", heading="Army cap 0", body=f"<p>{TEXTS[0][1]} In peacetime.</p>"
    )
    f.align(Matter.objects.get(code="A01"), children[0], "same")
    picked = tokens(editor_client.get(url(child, parent)))
    assert picked[twin.pk] == f"{twin.pk}:{elders[0].pk}:split"
    response = editor_client.post(
        url(child, parent), {"pick": [picked[twin.pk]], "_accept": "Accept selected"}, follow=True
    )
    assert not MatterEntry.objects.filter(provision=twin).exists()
    assert messages_of(response) == [
        "Not applied: Child · 1a Army cap 0: matter A01 already holds another provision of "
        "this draft; align them by hand (split or merged)."
    ]


def test_reject_changes_nothing_and_says_so(editor_client):
    parent, child, _, children = make_pair(2)
    page = editor_client.get(url(child, parent))
    before = (MatterEntry.objects.count(), Matter.objects.count(), Change.objects.count())
    response = editor_client.post(
        url(child, parent),
        {"pick": list(tokens(page).values()), "_reject": "Reject selected"},
        follow=True,
    )
    assert (MatterEntry.objects.count(), Matter.objects.count(), Change.objects.count()) == before
    assert messages_of(response) == [
        "2 suggestions dismissed; nothing was changed. Dismissals are not remembered: "
        "the same suggestions come back next time."
    ]


def test_a_stale_or_forged_choice_is_skipped_with_a_message(editor_client):
    parent, child, elders, children = make_pair(2)
    forged = f"{children[0].pk}:{elders[1].pk}:same"
    response = editor_client.post(
        url(child, parent), {"pick": [forged, "junk"], "_accept": "Accept selected"}, follow=True
    )
    assert not MatterEntry.objects.filter(provision__in=children).exists()
    assert messages_of(response) == [
        "Not applied: Child · 1 Army cap 0: the suggestion changed since the page was shown; "
        "review it again.",
        "Not applied: a provision: the suggestion changed since the page was shown; "
        "review it again.",
    ]


def test_nothing_ticked_is_a_clear_message(editor_client):
    parent, child, _, _ = make_pair(1)
    response = editor_client.post(url(child, parent), {"_accept": "Accept selected"}, follow=True)
    assert messages_of(response) == ["Nothing was selected: tick the suggestions first."]


def test_viewers_staff_without_rights_and_visitors_are_refused(client):
    parent, child, _, children = make_pair(1)
    token = f"{children[0].pk}:new:new"
    viewer = Client()
    viewer.force_login(f.make_user("victor", group="Viewers"))
    nogroup = Client()
    nogroup.force_login(f.make_user("nogroup"))
    for who in (viewer, nogroup):
        assert who.get(url(child, parent)).status_code == 403
        response = who.post(url(child, parent), {"pick": [token], "_accept": "Accept"})
        assert response.status_code == 403
        page = who.get(reverse("admin:drafts_draft_change", args=[child.pk]))
        assert "Suggest alignment" not in page.content.decode()
    assert client.get(url(child, parent))["Location"].startswith(reverse("admin:login"))
    outsider = Client()
    outsider.force_login(User.objects.create_user("plain", password="pw"))
    assert outsider.get(url(child, parent))["Location"].startswith(reverse("admin:login"))
    assert not MatterEntry.objects.filter(provision__in=children).exists()


def test_a_draft_that_is_not_a_parent_gives_404(editor_client):
    parent, child, _, _ = make_pair(1)
    assert editor_client.get(url(parent, child)).status_code == 404


def test_accept_without_csrf_token_is_refused(db):
    parent, child, _, children = make_pair(1)
    client = Client(enforce_csrf_checks=True)
    client.force_login(f.make_user("edna", group="Editors"))
    token = tokens(client.get(url(child, parent)))[children[0].pk]
    response = client.post(url(child, parent), {"pick": [token], "_accept": "Accept selected"})
    assert response.status_code == 403
    assert not MatterEntry.objects.filter(provision__in=children).exists()


def _queries(client, address) -> int:
    client.get(address)  # warm per-process caches (content types, permissions)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(address)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_the_page_costs_the_same_queries_for_2_or_12_provisions(
    editor_client, django_assert_max_num_queries
):
    small = make_pair(2)
    big = make_pair(12)
    for p in big[3][:6]:
        f.align(Matter.objects.filter(process=p.draft.process).first(), p, "split")
    count = _queries(editor_client, url(small[1], small[0]))
    assert _queries(editor_client, url(big[1], big[0])) == count
    with django_assert_max_num_queries(12):
        editor_client.get(url(big[1], big[0]))
