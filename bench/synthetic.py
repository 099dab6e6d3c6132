"""The synthetic "Benchmark process": 20 drafts × 500 aligned, cited provisions.

Written with bulk_create and direct inserts into the many-to-many through tables, so the
history signals (one Change row per save) are bypassed: this is a load fixture, not curated
content, and saving 40,000 rows one by one would take minutes.

Texts are generated from a fixed seed so every run measures the same pages. Each matter
starts as 30–60 words of treaty-like prose; every later draft keeps the previous wording
(relation "same") or rewords it with one to three clause-level edits (a condition, object or
actor changed, a word swapped, a sentence added or dropped: relation "reworded"), now and then
a full rewrite, so the word diffs on the comparison page are real work.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.sources.models import Citation, Source

PROCESS_NAME = "Benchmark process"
PROCESS_SLUG = "benchmark-process"
DRAFTS = 20
MATTERS = 500
SOURCES = 300
SEED = 20251120
BATCH = 2000

ACTORS = [
    "the Parties",
    "Ukraine",
    "the Russian Federation",
    "the guarantor states",
    "the United States",
    "the European Union",
    "the monitoring mission",
    "the joint commission",
    "both sides",
    "the signatories",
]
VERBS = [
    "shall guarantee",
    "shall refrain from",
    "undertake to respect",
    "will establish",
    "agree to negotiate",
    "shall ensure",
    "commit to restoring",
    "will jointly monitor",
    "shall not obstruct",
    "recognise in principle",
]
OBJECTS = [
    "the line of contact as of the date of signature",
    "a demilitarised zone along the agreed boundary",
    "the exchange of all prisoners of war",
    "safe passage for civilian shipping on the Dnipro",
    "the return of deported children to their families",
    "a ceiling on active-duty armed forces",
    "the reconstruction fund for affected regions",
    "the gradual lifting of sectoral sanctions",
    "free and fair elections within one hundred days",
    "the protection of minority languages and religious communities",
    "international inspection of the nuclear power plant",
    "the stationing of foreign troops on its territory",
    "a mechanism to settle disputes over implementation",
    "the use of immobilised sovereign assets",
    "non-aggression between all signatories",
]
CONDITIONS = [
    "within thirty days of entry into force",
    "subject to verification by the monitoring mission",
    "unless otherwise agreed in writing",
    "in accordance with international law",
    "without prejudice to the final status talks",
    "under the supervision of the joint commission",
    "for a period of not less than ten years",
    "as soon as the ceasefire holds for sixty days",
    "on a reciprocal and verifiable basis",
    "after consultation with the guarantor states",
]
SWAPS = {
    "shall": "will",
    "will": "shall",
    "guarantee": "secure",
    "ensure": "facilitate",
    "respect": "uphold",
    "all": "the remaining",
    "thirty": "sixty",
    "ten": "twenty",
    "international": "applicable international",
    "agreed": "mutually agreed",
    "free": "internationally observed",
    "gradual": "phased",
    "joint": "trilateral",
    "reciprocal": "mutual",
    "civilian": "commercial",
}
OUTLETS = ["Reuters", "AP", "Financial Times", "Kyiv Independent", "Le Monde", "Axios", "TASS"]
RATIONALES = {
    "softened": "Obligation turned into an aim; deadline relaxed.",
    "hardened": "Deadline shortened and verification added.",
    "neutral": "Drafting change with no effect on obligations.",
}


@dataclass
class Built:
    """What the benchmark needs to know about the synthetic process."""

    process_id: int
    slugs: list[str]
    provisions: int
    citations: int
    matters: int


Clause = list[str]  # [actor, verb, object, condition or ""]


def _clause(rng: random.Random) -> Clause:
    condition = rng.choice(CONDITIONS) if rng.random() < 0.7 else ""
    return [rng.choice(ACTORS), rng.choice(VERBS), rng.choice(OBJECTS), condition]


def _render(clauses: list[Clause]) -> str:
    sentences = []
    for actor, verb, obj, condition in clauses:
        text = f"{actor} {verb} {obj}" + (f", {condition}" if condition else "")
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)


def _words(clauses: list[Clause]) -> int:
    return len(_render(clauses).split())


def _fit(rng: random.Random, clauses: list[Clause]) -> list[Clause]:
    """Add or drop sentences until the text is 30–60 words long."""
    while _words(clauses) < 30:
        clauses.append(_clause(rng))
    while _words(clauses) > 60 and len(clauses) > 1:
        clauses.pop(rng.randrange(len(clauses)))
    return clauses


def _fresh(rng: random.Random) -> list[Clause]:
    """A provision drafted from scratch: two to four sentences of treaty-like prose."""
    return _fit(rng, [_clause(rng) for _ in range(rng.randint(2, 4))])


def _reword(rng: random.Random, clauses: list[Clause]) -> list[Clause]:
    """What a later draft does to a point: one to three clause-level edits."""
    clauses = [list(c) for c in clauses]
    for _ in range(rng.randint(1, 3)):
        clause = rng.choice(clauses)
        edit = rng.random()
        if edit < 0.3:
            part = rng.randrange(4)
            words = clause[part].split()
            swappable = [i for i, w in enumerate(words) if w in SWAPS]
            if swappable:
                i = rng.choice(swappable)
                words[i] = SWAPS[words[i]]
                clause[part] = " ".join(words)
        elif edit < 0.55:
            clause[3] = rng.choice(CONDITIONS)
        elif edit < 0.7:
            clause[3] = ""
        elif edit < 0.85:
            clause[2] = rng.choice(OBJECTS)
        elif edit < 0.95:
            clause[0] = rng.choice(ACTORS)
        elif rng.random() < 0.5:
            clauses.insert(rng.randrange(len(clauses) + 1), _clause(rng))
        elif len(clauses) > 1:
            clauses.remove(clause)
    return _fit(rng, clauses)


def _texts(
    rng: random.Random, matters: int = MATTERS, drafts: int = DRAFTS
) -> list[list[tuple[str, str]]]:
    """texts[matter][draft] = (plain text, relation to the previous draft)."""
    result = []
    for _ in range(matters):
        clauses = _fresh(rng)
        row = [(_render(clauses), MatterEntry.Relation.NEW)]
        for _ in range(1, drafts):
            roll = rng.random()
            if roll < 0.45:
                relation = MatterEntry.Relation.SAME
            elif roll < 0.97:
                clauses, relation = _reword(rng, clauses), MatterEntry.Relation.REWORDED
            else:
                clauses, relation = _fresh(rng), MatterEntry.Relation.REWORDED
            row.append((_render(clauses), relation))
        result.append(row)
    return result


@transaction.atomic
def build() -> Built:
    """Create the process, its drafts, provisions, matters, sources and citations."""
    rng = random.Random(SEED)
    process = PeaceProcess.objects.create(
        name=PROCESS_NAME, slug=PROCESS_SLUG, summary="<p>Synthetic data for bench/run.py.</p>"
    )
    parties = list(Party.objects.all())
    subtopics = list(Topic.objects.filter(parent__isnull=False)) or list(Topic.objects.all())
    topics = list(Topic.objects.all())

    start = datetime.date(2024, 1, 8)
    drafts = Draft.objects.bulk_create(
        Draft(
            process=process,
            title=f"Benchmark draft {n + 1} of {DRAFTS}",
            label=f"Bench {n + 1:02d}",
            slug=f"bench-{n + 1:02d}",
            presented_on=start + datetime.timedelta(days=14 * n),
            declared_points=MATTERS,
            status=Draft.Status.NEGOTIATION if n == DRAFTS - 1 else Draft.Status.SUPERSEDED,
            summary=f"<p>Synthetic draft {n + 1}.</p>",
            published=True,
        )
        for n in range(DRAFTS)
    )
    Draft.authors.through.objects.bulk_create(
        Draft.authors.through(draft_id=d.pk, party_id=parties[n % len(parties)].pk)
        for n, d in enumerate(drafts)
        if parties
    )
    DraftLink.objects.bulk_create(
        DraftLink(draft=drafts[n], parent=drafts[n - 1], kind=DraftLink.Kind.REVISES)
        for n in range(1, DRAFTS)
    )

    matters = Matter.objects.bulk_create(
        Matter(
            process=process,
            code=f"B{m + 1:03d}",
            title=f"Benchmark matter {m + 1}",
            topic=subtopics[m % len(subtopics)] if subtopics else None,
            note="Synthetic row." if m % 10 == 0 else "",
            position=m + 1,
            published=True,
        )
        for m in range(MATTERS)
    )

    texts = _texts(rng)
    states = [Provision.State.KNOWN] * 17 + [Provision.State.PARAPHRASED] * 2
    states.append(Provision.State.BRACKETED)
    provisions = Provision.objects.bulk_create(
        (
            Provision(
                draft=draft,
                key=f"bench-{d + 1:02d}-{m + 1:03d}",
                label=str(m + 1),
                position=m + 1,
                heading=f"Matter {m + 1}" if m % 4 == 0 else "",
                body=f"<p>{texts[m][d][0]}</p>",
                state=rng.choice(states),
                published=True,
            )
            for d, draft in enumerate(drafts)
            for m in range(MATTERS)
        ),
        batch_size=BATCH,
    )
    by_cell = {(p.draft_id, p.position): p for p in provisions}

    Provision.topics.through.objects.bulk_create(
        (
            Provision.topics.through(provision_id=p.pk, topic_id=t.pk)
            for p in provisions
            for t in {
                matters[p.position - 1].topic or topics[0],
                *([rng.choice(topics)] if rng.random() < 0.3 else []),
            }
        ),
        batch_size=BATCH,
    )

    entries = []
    for m, matter in enumerate(matters):
        for d, draft in enumerate(drafts):
            relation = texts[m][d][1]
            label = ""
            if relation == MatterEntry.Relation.REWORDED and rng.random() < 0.3:
                label = rng.choice(list(RATIONALES))
            entries.append(
                MatterEntry(
                    matter=matter,
                    provision=by_cell[(draft.pk, m + 1)],
                    relation=relation,
                    label=label,
                    rationale=RATIONALES.get(label, ""),
                )
            )
    MatterEntry.objects.bulk_create(entries, batch_size=BATCH)

    sources = Source.objects.bulk_create(
        Source(
            key=f"BENCH-S{s + 1:03d}",
            outlet=rng.choice(OUTLETS),
            headline=f"Report {s + 1} on the benchmark negotiations",
            url=f"https://example.org/bench/{s + 1}",
            published_on=start + datetime.timedelta(days=s),
            kind=rng.choice(list(Source.Kind.values)),
            reliability=rng.choice(list(Source.Reliability.values)),
        )
        for s in range(SOURCES)
    )
    stances = [Citation.Stance.SUPPORTS] * 17 + [Citation.Stance.DIFFERS] * 2
    stances.append(Citation.Stance.DISPUTES)
    citations = [
        Citation(
            source=source,
            provision=p,
            stance=rng.choice(stances),
            excerpt=f"Reported wording of point {p.label}.",
            locator=f"point {p.label}",
            published=True,
        )
        for p in provisions
        for source in rng.sample(sources, rng.choice((1, 1, 1, 2, 2)))
    ]
    Citation.objects.bulk_create(citations, batch_size=BATCH)
    return Built(
        process_id=process.pk,
        slugs=[d.slug for d in drafts],
        provisions=len(provisions),
        citations=len(citations),
        matters=len(matters),
    )
