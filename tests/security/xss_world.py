"""A published process whose every editor-writable text field holds XSS vectors.

Plain-text fields are stored as typed (they must be escaped on render); HTML fields are
sanitised by the model on save. Every vector goes through the three HTML fields and, when
it fits the column, through at least one plain-text field; every plain-text field gets
several vectors.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.sources.models import Citation, Source

from .xss_corpus import VECTORS, has_control_chars

# (model, field, max length or None); the order spreads vectors round-robin.
PLAIN_FIELDS: list[tuple[str, str, int | None]] = [
    ("PeaceProcess", "name", 200),
    ("Party", "name", 120),
    ("Party", "short_name", 40),
    ("Topic", "name", 120),
    ("Draft", "title", 250),
    ("Draft", "label", 80),
    ("Provision", "label", 20),
    ("Provision", "heading", 250),
    ("Source", "outlet", 200),
    ("Source", "headline", 400),
    ("Source", "author", 200),
    ("Source", "note", None),
    ("Citation", "excerpt", 600),
    ("Citation", "locator", 120),
    ("Citation", "note", 300),
    ("Matter", "title", 200),
    ("Matter", "note", None),
    ("MatterEntry", "rationale", 200),
]
HTML_FIELDS = [("PeaceProcess", "summary"), ("Draft", "summary"), ("Provision", "body")]
MIN_PER_FIELD = 4

N_PROCESSES = 3  # the main one, and two more with one draft each
N_MAIN_DRAFTS = 6  # the most a comparison shows
PROVISIONS_PER_DRAFT = 7  # the last one of each draft stays unaligned
N_PARTIES = 4
N_TOPICS = 4
N_SOURCES = 4


def _fits(limit: int | None, text: str) -> bool:
    return limit is None or len(text) <= limit


def assign_plain() -> dict[tuple[str, str], list[str]]:
    """Vectors per plain-text field: round-robin, then topped up with short ones."""
    lists: dict[tuple[str, str], list[str]] = {(m, f): [] for m, f, _ in PLAIN_FIELDS}
    n = len(PLAIN_FIELDS)
    plain_vectors = [(m, p) for m, p in VECTORS if not has_control_chars(p)]
    for index, (_, payload) in enumerate(plain_vectors):
        for step in range(n):
            model, name, limit = PLAIN_FIELDS[(index + step) % n]
            if _fits(limit, payload):
                lists[(model, name)].append(payload)
                break
    by_length = sorted((p for _, p in plain_vectors), key=len)
    for model, name, limit in PLAIN_FIELDS:
        chosen = lists[(model, name)]
        for payload in by_length:
            if len(chosen) >= MIN_PER_FIELD:
                break
            if _fits(limit, payload) and payload not in chosen:
                chosen.append(payload)
    return lists


def _pack(payloads: list[str], count: int, limit: int | None) -> list[list[str]]:
    """Spread payloads over `count` objects, several per object while the column allows."""
    slots: list[list[str]] = [[] for _ in range(count)]
    for index, payload in enumerate(payloads):
        for step in range(count):
            slot = slots[(index + step) % count]
            if _fits(limit, " ".join([*slot, payload])):
                slot.append(payload)
                break
    return slots


@dataclass
class World:
    processes: list[PeaceProcess]
    main_drafts: list[Draft]
    other_drafts: list[Draft]
    provisions: list[Provision]
    topics: list[Topic]
    parties: list[Party]
    matters: list[Matter]
    # (model, field) -> payloads that really were stored there.
    stored: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    @property
    def drafts(self) -> list[Draft]:
        return [*self.main_drafts, *self.other_drafts]

    def plain_payloads(self) -> list[str]:
        return sorted({p for (m, f), ps in self.stored.items() for p in ps if (m, f) in _PLAIN})


_PLAIN = {(m, f) for m, f, _ in PLAIN_FIELDS}


# Objects per model, i.e. how many values each of its plain-text fields takes.
N_DRAFTS = N_MAIN_DRAFTS + N_PROCESSES - 1
N_PROVISIONS = N_MAIN_DRAFTS * PROVISIONS_PER_DRAFT
N_MATTERS = PROVISIONS_PER_DRAFT - 1
COUNTS = {
    "PeaceProcess": N_PROCESSES,
    "Party": N_PARTIES,
    "Topic": N_TOPICS,
    "Draft": N_DRAFTS,
    "Provision": N_PROVISIONS,
    "Source": N_SOURCES,
    "Citation": N_PROVISIONS + N_MAIN_DRAFTS,
    "Matter": N_MATTERS,
    "MatterEntry": N_MATTERS * N_MAIN_DRAFTS,
}


def plan_plain() -> dict[tuple[str, str], list[list[str]]]:
    """Payloads per object for every plain-text field; what a full column cannot take goes
    to the unlimited ones, so every vector that fits anywhere lands somewhere."""
    plain = assign_plain()
    planned: dict[tuple[str, str], list[list[str]]] = {}
    leftover: list[str] = []
    limited = [f for f in PLAIN_FIELDS if f[2] is not None]
    unlimited = [f for f in PLAIN_FIELDS if f[2] is None]
    for model, name, limit in limited:
        slots = _pack(plain[(model, name)], COUNTS[model], limit)
        planned[(model, name)] = slots
        kept = {p for slot in slots for p in slot}
        leftover += [p for p in plain[(model, name)] if p not in kept]
    for index, (model, name, limit) in enumerate(unlimited):
        extra = [p for i, p in enumerate(leftover) if i % len(unlimited) == index]
        planned[(model, name)] = _pack(plain[(model, name)] + extra, COUNTS[model], limit)
    return planned


def build() -> World:
    planned = plan_plain()
    stored: dict[tuple[str, str], list[str]] = {}

    def values(model: str, name: str, count: int, fallback: str) -> list[str]:
        slots = planned[(model, name)]
        assert len(slots) == count, (model, name)
        stored[(model, name)] = [p for slot in slots for p in slot]
        return [" ".join(slot) if slot else fallback.format(i=i) for i, slot in enumerate(slots)]

    def html(model: str, name: str, count: int) -> list[str]:
        slots: list[list[str]] = [[] for _ in range(count)]
        for index, (_, payload) in enumerate(VECTORS):
            slots[index % count].append(payload)
        stored[(model, name)] = [p for _, p in VECTORS]
        return ["\n".join(slot) for slot in slots]

    # Processes, parties, topics.
    names = values("PeaceProcess", "name", N_PROCESSES, "Process {i}")
    summaries = html("PeaceProcess", "summary", N_PROCESSES)
    processes = [
        PeaceProcess.objects.create(name=n, slug=f"xss-process-{i}", summary=s, position=i)
        for i, (n, s) in enumerate(zip(names, summaries, strict=True))
    ]
    party_names = values("Party", "name", N_PARTIES, "Party {i}")
    shorts = values("Party", "short_name", N_PARTIES, "P{i}")
    parties = [
        Party.objects.create(name=n, short_name=s, slug=f"xss-party-{i}")
        for i, (n, s) in enumerate(zip(party_names, shorts, strict=True))
    ]
    topic_names = values("Topic", "name", N_TOPICS, "Topic {i}")
    topics: list[Topic] = []
    for i, name in enumerate(topic_names):
        parent = topics[i - 2] if i >= 2 else None
        topics.append(Topic.objects.create(name=name, code=f"xss-topic-{i}", parent=parent))

    # Drafts: six in the main process (compared together), one in each other process.
    n_drafts = N_DRAFTS
    titles = values("Draft", "title", n_drafts, "Draft title {i}")
    labels = values("Draft", "label", n_drafts, "Draft {i}")
    draft_summaries = html("Draft", "summary", n_drafts)
    drafts = []
    for i in range(n_drafts):
        process = processes[0] if i < N_MAIN_DRAFTS else processes[i - N_MAIN_DRAFTS + 1]
        draft = Draft.objects.create(
            process=process,
            title=titles[i],
            label=labels[i],
            slug=f"xss-draft-{i}",
            summary=draft_summaries[i],
            presented_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i),
            published=True,
        )
        drafts.append(draft)
    main, others = drafts[:N_MAIN_DRAFTS], drafts[N_MAIN_DRAFTS:]
    for i, draft in enumerate(main):
        draft.authors.set(parties)
        if i:
            DraftLink.objects.create(draft=draft, parent=main[i - 1], kind="revises")

    # Provisions.
    n_prov = N_PROVISIONS
    prov_labels = values("Provision", "label", n_prov, "P{i}")
    headings = values("Provision", "heading", n_prov, "Heading {i}")
    bodies = html("Provision", "body", n_prov)
    provisions = []
    for i in range(n_prov):
        draft = main[i // PROVISIONS_PER_DRAFT]
        p = Provision.objects.create(
            draft=draft,
            label=prov_labels[i],
            position=i % PROVISIONS_PER_DRAFT + 1,
            heading=headings[i],
            body=bodies[i],
            state=["known", "paraphrased", "bracketed", "known"][i % 4],
            published=True,
        )
        p.topics.set([topics[i % N_TOPICS]])
        provisions.append(p)

    # Sources and citations: one per provision, one per main draft.
    outlets = values("Source", "outlet", N_SOURCES, "Outlet {i}")
    headlines = values("Source", "headline", N_SOURCES, "Headline {i}")
    authors = values("Source", "author", N_SOURCES, "Author {i}")
    notes = values("Source", "note", N_SOURCES, "")
    sources = [
        Source.objects.create(
            key=f"xss-s{i}",
            outlet=outlets[i],
            headline=headlines[i],
            author=authors[i],
            note=notes[i],
            url=f"https://example.org/source-{i}",
            published_on=datetime.date(2025, 1, 1),
            reliability="ABC"[i % 3],
        )
        for i in range(N_SOURCES)
    ]
    n_cit = n_prov + N_MAIN_DRAFTS
    excerpts = values("Citation", "excerpt", n_cit, "")
    locators = values("Citation", "locator", n_cit, "")
    cnotes = values("Citation", "note", n_cit, "")
    for i in range(n_cit):
        target = {"provision": provisions[i]} if i < n_prov else {"draft": main[i - n_prov]}
        Citation.objects.create(
            source=sources[i % N_SOURCES],
            stance=["supports", "disputes", "differs"][i % 3],
            excerpt=excerpts[i],
            locator=locators[i],
            note=cnotes[i],
            published=True,
            **target,
        )

    # Matters: row k aligns provision k of every main draft; the last one stays unaligned.
    n_matters = N_MATTERS
    mtitles = values("Matter", "title", n_matters, "Matter {i}")
    mnotes = values("Matter", "note", n_matters, "")
    matters = [
        Matter.objects.create(
            process=processes[0],
            code=f"X{i:02d}",
            title=mtitles[i],
            note=mnotes[i],
            topic=topics[i % N_TOPICS],
            position=i,
            published=True,
        )
        for i in range(n_matters)
    ]
    n_entries = n_matters * N_MAIN_DRAFTS
    rationales = values("MatterEntry", "rationale", n_entries, "")
    for i in range(n_entries):
        row, column = divmod(i, N_MAIN_DRAFTS)
        MatterEntry.objects.create(
            matter=matters[row],
            provision=provisions[column * PROVISIONS_PER_DRAFT + row],
            relation="new" if column == 0 else "reworded",
            label="" if column == 0 or not rationales[i] else "softened",
            rationale=rationales[i],
        )

    _edit_for_history(provisions, matters, sources)
    return World(
        processes=processes,
        main_drafts=main,
        other_drafts=others,
        provisions=provisions,
        topics=topics,
        parties=parties,
        matters=matters,
        stored=stored,
    )


def _edit_for_history(provisions, matters, sources) -> None:
    """Edits after creation, so recorded changes show vectors as before/after values."""
    for a, b in zip(provisions[:8], provisions[8:16], strict=True):
        a.heading, b.heading = b.heading, a.heading
        a.body = b.body
        a.save()
        b.save()
    for a, b in zip(matters[:3], matters[3:6], strict=True):
        a.title, b.title = b.title, a.title
        a.note, b.note = b.note, a.note
        a.save()
        b.save()
    first, second = sources[0], sources[1]
    first.headline, second.headline = second.headline, first.headline
    first.save()
    second.save()
    citations = list(Citation.objects.filter(provision__in=provisions[:6]).order_by("pk"))
    rotated = [c.locator for c in citations[1:] + citations[:1]]
    for citation, locator in zip(citations, rotated, strict=True):
        citation.locator = locator
        citation.save()
    entries = list(MatterEntry.objects.exclude(rationale="").order_by("pk")[:6])
    rotated = [e.rationale for e in entries[1:] + entries[:1]]
    for entry, rationale in zip(entries, rotated, strict=True):
        entry.rationale = rationale
        entry.save()
