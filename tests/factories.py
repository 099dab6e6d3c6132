"""Plain factories for tests: each makes a valid object with no surprises."""

from __future__ import annotations

import datetime
import itertools

from django.contrib.auth.models import Group, User

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.sources.models import Citation, Source

_seq = itertools.count(1)
# Drafts are dated in creation order, one day apart, so comparisons built from factory
# drafts always put them in the order they were made.
_draft_days = itertools.count(1)


def make_process(**kw) -> PeaceProcess:
    n = next(_seq)
    kw.setdefault("name", f"Process {n}")
    kw.setdefault("slug", f"process-{n}")
    return PeaceProcess.objects.create(**kw)


def make_party(**kw) -> Party:
    n = next(_seq)
    kw.setdefault("name", f"Party {n}")
    kw.setdefault("slug", f"party-{n}")
    return Party.objects.create(**kw)


def make_topic(**kw) -> Topic:
    n = next(_seq)
    kw.setdefault("name", f"Topic {n}")
    kw.setdefault("code", f"topic-{n}")
    return Topic.objects.create(**kw)


def make_draft(process: PeaceProcess | None = None, **kw) -> Draft:
    n = next(_seq)
    kw.setdefault("title", f"Draft {n}")
    kw.setdefault("label", f"Draft {n}")
    kw.setdefault("slug", f"draft-{n}")
    kw.setdefault(
        "presented_on", datetime.date(2000, 1, 1) + datetime.timedelta(days=next(_draft_days))
    )
    kw.setdefault("published", True)
    return Draft.objects.create(process=process or make_process(), **kw)


def link(draft: Draft, parent: Draft, kind: str = "revises") -> DraftLink:
    return DraftLink.objects.create(draft=draft, parent=parent, kind=kind)


def make_provision(draft: Draft, **kw) -> Provision:
    n = next(_seq)
    kw.setdefault("label", str(n))
    kw.setdefault("position", n)
    kw.setdefault("heading", f"Heading {n}")
    kw.setdefault("body", f"<p>Provision text {n}.</p>")
    kw.setdefault("published", True)
    return Provision.objects.create(draft=draft, **kw)


def make_source(**kw) -> Source:
    n = next(_seq)
    kw.setdefault("key", f"s{n}")
    kw.setdefault("outlet", f"Outlet {n}")
    kw.setdefault("headline", f"Headline {n}")
    kw.setdefault("url", f"https://example.org/{n}")
    kw.setdefault("published_on", datetime.date(2025, 11, 21))
    kw.setdefault("reliability", "B")
    return Source.objects.create(**kw)


def cite(target, source: Source | None = None, **kw) -> Citation:
    from apps.positions.models import Position

    source = source or make_source()
    field = {Provision: "provision", Draft: "draft", Position: "position"}[type(target)]
    kw.setdefault("published", True)
    return Citation.objects.create(source=source, **{field: target}, **kw)


def make_matter(process: PeaceProcess, **kw) -> Matter:
    n = next(_seq)
    kw.setdefault("code", f"M{n}")
    kw.setdefault("title", f"Matter {n}")
    kw.setdefault("position", n)
    kw.setdefault("published", True)
    return Matter.objects.create(process=process, **kw)


def align(matter: Matter, provision: Provision, relation: str = "same", **kw) -> MatterEntry:
    return MatterEntry.objects.create(matter=matter, provision=provision, relation=relation, **kw)


def make_user(username: str, *, group: str | None = None, superuser: bool = False) -> User:
    user = User.objects.create_user(username, password="pw", is_staff=True, is_superuser=superuser)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
