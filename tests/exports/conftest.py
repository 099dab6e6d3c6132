from __future__ import annotations

import datetime

import pytest

from apps.positions.models import Position
from tests import factories as f

# Every string below marks unpublished material: none may reach the public.
SECRET_MARKERS = ("secret", "hidden")


@pytest.fixture
def unpublished(plan):
    """Unpublished material next to the published `plan`, reachable from it in every way:
    a draft of the same process (in a matter row, a parent of a published draft, cited by
    a source cited nowhere else), and a process with no published draft at all."""
    process = plan["process"]
    counter = plan["drafts"][1]
    revision = plan["drafts"][2]
    secret = f.make_draft(
        process,
        label="Secret draft",
        title="Secret draft title",
        slug="secret-draft",
        published=False,
        summary="<p>Secret summary.</p>",
    )
    secret.authors.set([plan["us"]])
    f.link(secret, counter, "revises")
    f.link(revision, secret, "revises")
    provision = f.make_provision(
        secret, key="secretprov", label="9", heading="Secret heading", body="<p>Secret text.</p>"
    )
    provision.topics.set([plan["territory"]])
    source = f.make_source(key="secret-src", outlet="Secret outlet", headline="Secret headline")
    f.cite(provision, source=source, excerpt="Secret excerpt.")
    f.cite(secret, source=source, locator="secret locator")
    f.align(plan["matters"][2], provision, "reworded", label="hardened", rationale="Secret why.")

    hidden = f.make_process(name="Hidden process", slug="hidden-process")
    hidden_draft = f.make_draft(hidden, label="Hidden", slug="hidden-draft", published=False)
    f.make_provision(hidden_draft, key="hiddenprov", body="<p>Hidden text.</p>")
    f.make_matter(hidden, code="H1", title="Hidden matter")
    return {"draft": secret, "provision": provision, "source": source, "process": hidden}


@pytest.fixture
def staff_client(client, db):
    user = f.make_user("staffer", group="Editors")
    client.force_login(user)
    return client


@pytest.fixture
def position(plan):
    """A party's stated position on the territory matter, cited by a source."""
    p = Position.objects.create(
        process=plan["process"],
        party=plan["e3"],
        speaker="A minister",
        matter=plan["matters"][2],
        topic=plan["territory"],
        stance="rejects",
        paraphrase="Rejects recognising Crimea.",
        stated_on=datetime.date(2025, 11, 25),
    )
    f.cite(p, source=f.make_source(key="pos-src"), excerpt="Said so on TV.", locator="min 3")
    return p


def assert_no_secrets(content: bytes) -> None:
    text = content.decode("utf-8").lower()
    for marker in SECRET_MARKERS:
        assert marker not in text, f"unpublished material ({marker!r}) leaked"
