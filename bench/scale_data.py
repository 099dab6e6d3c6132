"""The scale data set of issue 17: many processes, as large as a busy year of peace plans.

Default: 50 processes × 20 drafts × 200 provisions = 200,000 provisions, about 600,000
citations (three per provision, from 2,000 shared sources) and 20,000 positions (400 per
process), all published. Like synthetic.py it writes with bulk_create and direct inserts into
the many-to-many through tables (no history rows), one process per transaction so memory
stays bounded, with texts from a fixed seed. Citation excerpts quote the provision they cite,
as real ones do, so search meets a provision and the citations that quote it.
"""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass

import synthetic
from django.db import transaction

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.sources.models import Citation, Source

PROCESSES = 50
DRAFTS = 20
PROVISIONS = 200  # per draft; one matter per point
CITATIONS_PER_PROVISION = 3
POSITIONS = 400  # per process
SOURCES = 2000
SEED = 20261206
BATCH = 5000
# A figure written three ways across the texts, for the search's number matching.
TROOPS = ("600000", "600,000", "600 000")


@dataclass
class ScaleBuilt:
    processes: int
    drafts: int
    provisions: int
    citations: int
    positions: int
    sources: int
    seconds: float
    first_slug: str  # the first process, whose pages are measured
    draft_slugs: list[str]  # its drafts, oldest first


def slug(p: int) -> str:
    return f"scale-{p + 1:02d}"


def draft_slug(p: int, d: int) -> str:
    return f"{slug(p)}-d{d + 1:02d}"


def _sources(rng: random.Random) -> list[Source]:
    start = datetime.date(2024, 1, 1)
    return Source.objects.bulk_create(
        (
            Source(
                key=f"SCALE-S{s + 1:04d}",
                outlet=rng.choice(synthetic.OUTLETS),
                headline=f"Report {s + 1} on the talks: {rng.choice(synthetic.OBJECTS)}",
                url=f"https://example.org/scale/{s + 1}",
                published_on=start + datetime.timedelta(days=s % 700),
                kind=rng.choice(list(Source.Kind.values)),
                reliability=rng.choice(list(Source.Reliability.values)),
            )
            for s in range(SOURCES)
        ),
        batch_size=BATCH,
    )


@transaction.atomic
def _process(p: int, rng, parties, topics, sources) -> tuple[int, int, int]:
    process = PeaceProcess.objects.create(
        name=f"Scale process {p + 1}",
        slug=slug(p),
        summary=f"<p>Synthetic process {p + 1} of {PROCESSES}, for bench/scale.py.</p>",
        position=100 + p,
    )
    start = datetime.date(2024, 1, 8) + datetime.timedelta(days=p)
    drafts = Draft.objects.bulk_create(
        Draft(
            process=process,
            title=f"Scale process {p + 1}, draft {d + 1}",
            label=f"P{p + 1} D{d + 1:02d}",
            slug=draft_slug(p, d),
            presented_on=start + datetime.timedelta(days=14 * d),
            declared_points=PROVISIONS,
            status=Draft.Status.NEGOTIATION if d == DRAFTS - 1 else Draft.Status.SUPERSEDED,
            summary=f"<p>Synthetic draft {d + 1}.</p>",
            published=True,
        )
        for d in range(DRAFTS)
    )
    Draft.authors.through.objects.bulk_create(
        Draft.authors.through(draft_id=d.pk, party_id=parties[(p + n) % len(parties)].pk)
        for n, d in enumerate(drafts)
    )
    DraftLink.objects.bulk_create(
        DraftLink(draft=drafts[d], parent=drafts[d - 1], kind=DraftLink.Kind.REVISES)
        for d in range(1, DRAFTS)
    )
    matters = Matter.objects.bulk_create(
        Matter(
            process=process,
            code=f"S{m + 1:03d}",
            title=f"Scale matter {m + 1}",
            topic=topics[m % len(topics)],
            position=m + 1,
            published=True,
        )
        for m in range(PROVISIONS)
    )
    texts = synthetic._texts(rng, matters=PROVISIONS, drafts=DRAFTS)
    for m in range(0, PROVISIONS, 37):  # a few points state the army ceiling
        text, relation = texts[m][0]
        texts[m][0] = (f"{text} Armed forces are capped at {rng.choice(TROOPS)}.", relation)
    provisions = Provision.objects.bulk_create(
        (
            Provision(
                draft=draft,
                key=f"{draft.slug}-{m + 1:03d}",
                label=str(m + 1),
                position=m + 1,
                heading=f"Matter {m + 1}" if m % 4 == 0 else "",
                body=f"<p>{texts[m][d][0]}</p>",
                published=True,
            )
            for d, draft in enumerate(drafts)
            for m in range(PROVISIONS)
        ),
        batch_size=BATCH,
    )
    Provision.topics.through.objects.bulk_create(
        (
            Provision.topics.through(provision_id=x.pk, topic_id=matters[x.position - 1].topic_id)
            for x in provisions
        ),
        batch_size=BATCH,
    )
    by_cell = {(x.draft_id, x.position): x for x in provisions}
    MatterEntry.objects.bulk_create(
        (
            MatterEntry(
                matter=matter,
                provision=by_cell[(draft.pk, m + 1)],
                relation=texts[m][d][1],
            )
            for m, matter in enumerate(matters)
            for d, draft in enumerate(drafts)
        ),
        batch_size=BATCH,
    )
    stances = [Citation.Stance.SUPPORTS] * 8 + [Citation.Stance.DIFFERS, Citation.Stance.DISPUTES]
    citations = Citation.objects.bulk_create(
        (
            Citation(
                source=source,
                provision=x,
                stance=rng.choice(stances),
                excerpt=" ".join(x.body[3:-4].split()[:12]),
                locator=f"point {x.label}",
                published=True,
            )
            for x in provisions
            for source in rng.sample(sources, CITATIONS_PER_PROVISION)
        ),
        batch_size=BATCH,
    )
    day = datetime.timedelta(days=1)
    positions = Position.objects.bulk_create(
        (
            Position(
                process=process,
                party=parties[n % len(parties)],
                matter=matters[n % PROVISIONS],
                stance=rng.choice(list(Position.Stance.values)),
                paraphrase=f"Position {n + 1} on scale matter {n % PROVISIONS + 1}.",
                stated_on=start + day * (n % 280),
            )
            for n in range(POSITIONS)
        ),
        batch_size=BATCH,
    )
    Citation.objects.bulk_create(
        (Citation(source=rng.choice(sources), position=x, published=True) for x in positions[::4]),
        batch_size=BATCH,
    )
    return len(provisions), len(citations) + len(positions[::4]), len(positions)


def build(processes: int = PROCESSES, log=print) -> ScaleBuilt:
    started = time.monotonic()
    rng = random.Random(SEED)
    parties = list(Party.objects.all())
    topics = list(Topic.objects.filter(parent__isnull=False)) or list(Topic.objects.all())
    if not parties or not topics:
        raise SystemExit("the scale data needs the demo's parties and topics: load_demo first")
    sources = _sources(rng)
    totals = [0, 0, 0]
    for p in range(processes):
        for i, n in enumerate(_process(p, rng, parties, topics, sources)):
            totals[i] += n
        if (p + 1) % 10 == 0 or p + 1 == processes:
            log(f"scale data: {p + 1}/{processes} processes, {totals[0]:,} provisions")
    return ScaleBuilt(
        processes=processes,
        drafts=processes * DRAFTS,
        provisions=totals[0],
        citations=totals[1],
        positions=totals[2],
        sources=len(sources),
        seconds=time.monotonic() - started,
        first_slug=slug(0),
        draft_slugs=[draft_slug(0, d) for d in range(DRAFTS)],
    )
