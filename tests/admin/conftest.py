from __future__ import annotations

import pytest

from tests import factories as f


@pytest.fixture
def editor(db):
    return f.make_user("edna", group="Editors")


@pytest.fixture
def viewer(db):
    return f.make_user("victor", group="Viewers")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


def build_world(n: int) -> dict:
    """n of everything, wired together the way editors wire them."""
    process = f.make_process()
    topic = f.make_topic()
    sub = f.make_topic(parent=topic)
    parties = [f.make_party() for _ in range(n)]
    sources = [f.make_source() for _ in range(n)]
    drafts = []
    for _ in range(n):
        draft = f.make_draft(process)
        draft.authors.set(parties)
        if drafts:
            f.link(draft, drafts[-1])
        drafts.append(draft)
    main = drafts[0]
    provisions = []
    for _ in range(n):
        p = f.make_provision(main)
        p.topics.set([topic, sub])
        f.cite(p, sources[0])
        f.cite(main, sources[-1])
        provisions.append(p)
    matters = []
    for i, p in enumerate(provisions):
        m = f.make_matter(process, topic=topic)
        f.align(m, p, relation="new")
        if i == 0:
            for d in drafts[1:]:
                f.align(
                    m,
                    f.make_provision(d),
                    relation="reworded",
                    label="softened",
                    rationale="Less demanding.",
                )
        matters.append(m)
    from apps.positions.models import Position

    position = Position.objects.create(
        process=process,
        party=parties[0],
        matter=matters[0],
        stance="accepts",
        paraphrase="Stated.",
        stated_on=main.presented_on,
    )
    for source in sources:
        f.cite(position, source)
    citation = main.citations.first()
    return {
        "process": process,
        "topic": sub,
        "party": parties[0],
        "source": sources[0],
        "draft": main,
        "provision": provisions[0],
        "matter": matters[0],
        "citation": citation,
        "position": position,
    }
