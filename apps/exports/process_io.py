"""A whole peace process as one JSON document, and back.

`dump_process` writes what a reader may see of a process: its parties, topics, sources,
drafts with lineage, provisions with their key terms, citations (of provisions, drafts and
positions), matters with their aligned provisions, and parties' positions. `load_process`
creates all of it in an empty database, in one transaction, each object checked with
`full_clean()` first.
Objects refer to each other by stable id only (slugs, keys, codes); positions, which have
none, by the `id` they had in the exported database.
"""

from __future__ import annotations

import datetime
from collections import Counter
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Case, Prefetch, Q, Value, When
from django.utils import timezone

from apps.alignment.models import Matter, MatterEntry, check_entries
from apps.compare.comparison import sort_key
from apps.core.dates import Precision
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.sources.models import Citation, Source
from apps.terms.models import KeyTerm

from . import queries
from . import serializers as s

FORMAT = "peacetracker-process"
VERSION = 1


# --- Export ------------------------------------------------------------------------------


def dump_process(process: PeaceProcess, user) -> dict:
    """The export as a dict whose long lists (provisions, matters, positions, citations)
    are generators: `streaming.iter_json` writes it in constant memory, CHUNK rows at a
    time. The short lists (parties, topics, drafts) are worked out by queries of their
    own, not from the long ones."""
    visible = queries.drafts(user).filter(process=process)
    drafts = sorted(
        visible.select_related("process").prefetch_related(
            "authors", Prefetch("parent_links", queryset=queries.parent_links(user))
        ),
        key=sort_key,
    )
    provisions = queries.provisions(user).filter(draft__in=visible)
    matters = queries.matters(user).filter(process=process)
    positions = queries.positions(user).filter(process=process)
    citations = queries.citations(user).of_process(process)

    parties = {a for d in drafts for a in d.authors.all()}
    parties.update(Party.objects.filter(pk__in=positions.values("party_id")))
    used = (
        set(
            Provision.topics.through.objects.filter(provision__in=provisions)
            .values_list("topic_id", flat=True)
            .distinct()
        )
        | set(matters.exclude(topic=None).values_list("topic_id", flat=True).distinct())
        | set(positions.exclude(topic=None).values_list("topic_id", flat=True).distinct())
    )
    topics = Topic.objects.filter(Q(pk__in=used) | Q(children__in=used)).distinct()
    sources = Source.objects.filter(pk__in=citations.values("source_id")).order_by("key")
    staff = queries.is_staff(user)

    # The drafts' order (`sort_key`, worked out in Python) as a sort key the query can use.
    draft_order = Case(
        *(When(draft_id=d.pk, then=Value(i)) for i, d in enumerate(drafts)),
        default=Value(len(drafts)),
        output_field=models.IntegerField(),
    )
    slugs = {d.pk: d.slug for d in drafts}
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().isoformat(timespec="seconds"),
        "process": s.process(process),
        "parties": [s.party(p) for p in sorted(parties, key=lambda p: p.slug)],
        "topics": [
            s.topic(t)
            for t in sorted(
                topics.select_related("process", "parent__process"),
                key=lambda t: (t.parent_id is not None, t.position, t.code),
            )
        ],
        "sources": (s.source(x, with_note=staff) for x in sources.iterator(chunk_size=CHUNK)),
        "drafts": [s.draft(d, d.parent_links.all()) for d in drafts],
        "provisions": (
            _provision(p, slugs[p.draft_id])
            for p in provisions.alias(draft_order=draft_order)
            .prefetch_related("topics", "key_terms")
            .order_by("draft_order", "position", "pk")
            .iterator(chunk_size=CHUNK)
        ),
        "matters": (
            _matter(m)
            for m in matters.select_related("topic")
            .prefetch_related(
                Prefetch(
                    "entries",
                    queryset=queries.matter_entries(user).filter(provision__draft__in=visible),
                )
            )
            .order_by("position", "code", "pk")
            .iterator(chunk_size=CHUNK)
        ),
        "positions": (
            s.position(p)
            for p in positions.select_related(
                "party", "matter", "topic__process", "topic__parent__process"
            )
            .order_by("pk")
            .iterator(chunk_size=CHUNK)
        ),
        "citations": (
            {**s.citation(c), "published": c.published}
            for c in citations.select_related("source", "provision__draft", "draft")
            .order_by("pk")
            .iterator(chunk_size=CHUNK)
        ),
    }


CHUNK = 2000  # rows per fetch of a long list


def _provision(p: Provision, draft_slug: str) -> dict:
    return {
        "key": p.key,
        "draft": draft_slug,
        "label": p.label,
        "position": p.position,
        "heading": p.heading,
        "body_html": p.body,
        "state": p.state,
        "topics": [t.code for t in p.topics.all()],
        "published": p.published,
        "key_terms": [s.key_term(t) for t in p.key_terms.all()],
    }


def _matter(m: Matter) -> dict:
    return {
        "code": m.code,
        "title": m.title,
        "topic": m.topic.code if m.topic_id else None,
        "note": m.note,
        "position": m.position,
        "published": m.published,
        "entries": [
            {
                "provision": e.provision.key,
                "relation": e.relation,
                "label": e.label,
                "rationale": e.rationale,
            }
            for e in m.entries.all()
        ],
    }


# --- Import ------------------------------------------------------------------------------


class ImportFailed(Exception):
    """The document cannot be imported; the message says where and why."""


def load_process(data: Any) -> Counter:
    """Create the process the document describes; nothing at all if any part is wrong."""
    if not isinstance(data, dict):
        raise ImportFailed("The file must hold one JSON object (a process export).")
    if data.get("format") != FORMAT:
        raise ImportFailed(
            f"This is not a process export: its “format” is {data.get('format')!r}, "
            f"expected {FORMAT!r} (get one from /processes/<slug>/export.json)."
        )
    if data.get("version") != VERSION:
        raise ImportFailed(
            f"Unsupported export version {data.get('version')!r}; this importer reads "
            f"version {VERSION}."
        )
    importer = _Importer(data)
    with transaction.atomic():
        importer.run()
    return importer.counts


def _describe(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in exc.message_dict.items()
        )
    return " ".join(exc.messages)


class _Importer:
    def __init__(self, data: dict) -> None:
        self.data = data
        self.counts: Counter = Counter()
        self.parties: dict[str, Party] = {}
        self.topics: dict[str, Topic] = {}
        self.sources: dict[str, Source] = {}
        self.drafts: dict[str, Draft] = {}
        self.provisions: dict[str, Provision] = {}
        self.matters: dict[str, Matter] = {}
        self.positions: dict[int, Position] = {}
        # Shared rows already in the database, found once by check_shared(): model -> id -> row.
        self.found: dict[type, dict[str, object]] = {}

    # Reading the document.

    def records(self, name: str, *, required: bool = True) -> list[tuple[str, dict]]:
        value = self.data.get(name, None if required else [])
        if not isinstance(value, list):
            raise ImportFailed(f"“{name}” must be a list of objects.")
        result = []
        for index, record in enumerate(value):
            if not isinstance(record, dict):
                raise ImportFailed(f"{name}[{index}] must be an object.")
            result.append((f"{name}[{index}]", record))
        return result

    @staticmethod
    def field(record: dict, name: str, where: str, kind: type | tuple = str, *, default=...):
        if name not in record or record[name] is None:
            if default is ...:
                raise ImportFailed(f"{where}: “{name}” is missing.")
            return default
        value = record[name]
        # bool is an int in Python; a count given as true is still a mistake.
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise ImportFailed(f"{where}: “{name}” must be {names}, not {value!r}.")
        return value

    def text(self, record: dict, name: str, where: str, *, default: Any = ...) -> str:
        return self.field(record, name, where, str, default=default)

    def number(self, record: dict, name: str, where: str, *, default: Any = ...) -> int:
        return self.field(record, name, where, int, default=default)

    def date(self, record: dict, name: str, where: str) -> tuple[datetime.date | None, str]:
        """A date written cut to its precision (2025, 2025-11, 2025-11-20) and the precision."""
        value = self.text(record, name, where, default=None)
        precision = self.text(record, f"{name[:-3]}_precision", where, default=Precision.DAY)
        if value is None:
            return None, precision
        parts = value.split("-")
        try:
            numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
            if len(parts) > 3:
                raise ValueError
            return datetime.date(*numbers), precision
        except (ValueError, TypeError):
            raise ImportFailed(
                f"{where}: “{name}” {value!r} is not a date (2025, 2025-11 or 2025-11-20)."
            ) from None

    def strings(self, record: dict, name: str, where: str) -> list[str]:
        values = self.field(record, name, where, list, default=[])
        if not all(isinstance(v, str) for v in values):
            raise ImportFailed(f"{where}: “{name}” must be a list of ids (strings).")
        return values

    @staticmethod
    def ref(table: dict, key, kind: str, where: str):
        try:
            return table[key]
        except (KeyError, TypeError):
            raise ImportFailed(
                f"{where}: names {kind} {key!r}, which the file does not hold."
            ) from None

    # Writing to the database.

    def save(self, obj: models.Model, kind: str, where: str, name: str) -> Any:
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise ImportFailed(f"{where} ({kind} {name!r}) is invalid: {_describe(exc)}") from None
        obj.save()
        self.counts[kind] += 1
        return obj

    def run(self) -> None:
        process_record = self.field(self.data, "process", "The file", dict)
        self.check_empty(process_record)
        process = self.process = self.load_process(process_record)
        self.load_parties()
        self.load_topics()
        self.load_sources()
        self.load_drafts(process)
        self.load_provisions()
        self.load_matters(process)
        self.load_positions(process)
        self.load_citations()

    def check_empty(self, process_record: dict) -> None:
        """Refuse before writing anything if any stable id of the process's own objects is
        already taken. Parties, shared topics and sources may already be there (another
        process cites them too): `check_shared` compares those."""
        wanted = [
            ("process", PeaceProcess, "slug", [process_record.get("slug")]),
            (
                "topic of this process",
                Topic,
                "code",
                [r.get("code") for _, r in self.records("topics") if r.get("process")],
            ),
            ("draft", Draft, "slug", [r.get("slug") for _, r in self.records("drafts")]),
            ("provision", Provision, "key", [r.get("key") for _, r in self.records("provisions")]),
        ]
        taken = []
        for kind, model, field, ids in wanted:
            ids = [i for i in ids if isinstance(i, str)]
            found = sorted(
                model._default_manager.filter(**{f"{field}__in": ids}).values_list(field, flat=True)
            )
            if found:
                shown = ", ".join(found[:5]) + (f" and {len(found) - 5} more" if found[5:] else "")
                taken.append(f"{len(found)} {kind}{'s' if len(found) > 1 else ''} ({shown})")
        if taken:
            raise ImportFailed(
                "The database already holds objects with the same stable ids: "
                + "; ".join(taken)
                + ". import_process adds a process that the database does not hold yet: "
                "remove them first, or import into another database. Nothing was imported."
            )
        self.check_shared()

    # What a shared object must match to be reused: (name in messages, model, id field,
    # fields compared).
    SHARED = (
        ("parties", "party", Party, "slug", ("name", "short_name", "kind")),
        ("topics", "shared topic", Topic, "code", ("name",)),
        ("sources", "source", Source, "key", ("outlet", "headline", "url", "reliability")),
    )

    def check_shared(self) -> None:
        """A party, shared topic or source already in the database is reused when it is the
        same as the file's (two processes share the United States, or a source reporting on
        both); one that differs is refused, naming the difference."""
        different = []
        for records, kind, model, id_field, compared in self.SHARED:
            wanted = {
                r.get(id_field): r
                for _, r in self.records(records)
                if isinstance(r.get(id_field), str) and not r.get("process")
            }
            found = self.found.setdefault(model, {})
            for obj in model._default_manager.filter(**{f"{id_field}__in": list(wanted)}):
                found[getattr(obj, id_field)] = obj
                if records == "topics" and obj.process_id is not None:
                    different.append(
                        f"topic {obj.code} belongs to the process “{obj.process}” in this "
                        "database, but is shared in the file"
                    )
                    continue
                record = wanted[getattr(obj, id_field)]
                for name in compared:
                    mine, theirs = getattr(obj, name), record.get(name, getattr(obj, name))
                    if mine != theirs:
                        different.append(
                            f"{kind} {getattr(obj, id_field)} has the {name} {mine!r} here "
                            f"but {theirs!r} in the file"
                        )
                        break
        if different:
            shown = "; ".join(different[:5])
            more = f" and {len(different) - 5} more" if different[5:] else ""
            raise ImportFailed(
                f"Objects the database already holds differ from the file's: {shown}{more}. "
                "Make them the same in the file or in the database. Nothing was imported."
            )

    def existing(self, model, value: str):
        """The shared row already in the database that the file's record means, if any (as
        check_shared() found it, so reusing rows costs no query per record)."""
        return self.found.get(model, {}).get(value)

    def load_process(self, record: dict) -> PeaceProcess:
        where = "process"
        slug = self.text(record, "slug", where)
        process = PeaceProcess(
            slug=slug,
            name=self.text(record, "name", where),
            summary=self.text(record, "summary_html", where, default=""),
            position=self.number(record, "position", where, default=0),
        )
        return self.save(process, "process", where, slug)

    def load_parties(self) -> None:
        for where, r in self.records("parties"):
            slug = self.text(r, "slug", where)
            if found := self.existing(Party, slug):
                self.parties[slug] = found
                continue
            party = Party(
                slug=slug,
                name=self.text(r, "name", where),
                short_name=self.text(r, "short_name", where, default=""),
                kind=self.text(r, "kind", where, default=Party.Kind.STATE),
            )
            self.parties[slug] = self.save(party, "party", where, slug)

    def load_topics(self) -> None:
        records = self.records("topics")
        # Topics first, then subtopics, whatever the order in the file.
        for where, r in sorted(records, key=lambda item: item[1].get("parent") is not None):
            code = self.text(r, "code", where)
            parent_code = self.text(r, "parent", where, default=None)
            own = self.text(r, "process", where, default=None)
            if own is None and (found := self.existing(Topic, code)):
                self.topics[code] = found
                continue
            if own is not None and own != self.process.slug:
                raise ImportFailed(
                    f"{where}: the topic belongs to the process {own!r}, not to the one "
                    f"this file holds ({self.process.slug!r})."
                )
            topic = Topic(
                code=code,
                process=self.process if own else None,
                name=self.text(r, "name", where),
                parent=self.ref(self.topics, parent_code, "the topic", where)
                if parent_code
                else None,
                description=self.text(r, "description", where, default=""),
                position=self.number(r, "position", where, default=0),
            )
            self.topics[code] = self.save(topic, "topic", where, code)

    def load_sources(self) -> None:
        for where, r in self.records("sources"):
            key = self.text(r, "key", where)
            if found := self.existing(Source, key):
                self.sources[key] = found
                continue
            published_on, precision = self.date(r, "published_on", where)
            source = Source(
                key=key,
                outlet=self.text(r, "outlet", where),
                headline=self.text(r, "headline", where),
                author=self.text(r, "author", where, default=""),
                url=self.text(r, "url", where, default=""),
                published_on=published_on,
                published_precision=precision,
                kind=self.text(r, "kind", where, default=Source.Kind.NEWS),
                reliability=self.text(r, "reliability", where),
                language=self.text(r, "language", where, default="en"),
                relay_of=self.text(r, "relay_of", where, default=""),
                note=self.text(r, "note", where, default=""),
            )
            self.sources[key] = self.save(source, "source", where, key)

    def load_drafts(self, process: PeaceProcess) -> None:
        records = self.records("drafts")
        for where, r in records:
            slug = self.text(r, "slug", where)
            presented_on, presented_precision = self.date(r, "presented_on", where)
            reported_on, reported_precision = self.date(r, "reported_on", where)
            draft = Draft(
                process=process,
                slug=slug,
                title=self.text(r, "title", where),
                label=self.text(r, "label", where),
                kind=self.text(r, "kind", where, default=Draft.Kind.PLAN),
                status=self.text(r, "status", where, default=Draft.Status.LEAKED),
                text_basis=self.text(r, "text_basis", where, default=Draft.TextBasis.FULL),
                presented_on=presented_on,
                presented_precision=presented_precision,
                reported_on=reported_on,
                reported_precision=reported_precision,
                declared_points=self.number(r, "declared_points", where, default=None),
                summary=self.text(r, "summary_html", where, default=""),
                published=self.field(r, "published", where, bool, default=False),
            )
            self.drafts[slug] = self.save(draft, "draft", where, slug)
            authors = [
                self.ref(self.parties, a, "the party", where)
                for a in self.strings(r, "authors", where)
            ]
            draft.authors.set(authors)
        # Lineage once every draft exists, so a link may point to any of them.
        for where, r in records:
            draft = self.drafts[r["slug"]]
            parents = self.field(r, "parents", where, list, default=[])
            for index, link in enumerate(parents):
                at = f"{where}.parents[{index}]"
                if not isinstance(link, dict):
                    raise ImportFailed(f"{at} must be an object.")
                parent_slug = self.text(link, "draft", at)
                parent = self.ref(self.drafts, parent_slug, "the draft", at)
                kind = self.text(link, "kind", at, default=DraftLink.Kind.REVISES)
                link_obj = DraftLink(draft=draft, parent=parent, kind=kind)
                self.save(link_obj, "lineage link", at, f"{draft.slug} → {parent_slug}")

    def load_provisions(self) -> None:
        for where, r in self.records("provisions"):
            key = self.text(r, "key", where)
            provision = Provision(
                key=key,
                draft=self.ref(self.drafts, self.text(r, "draft", where), "the draft", where),
                label=self.text(r, "label", where),
                position=self.number(r, "position", where, default=0),
                heading=self.text(r, "heading", where, default=""),
                body=self.text(r, "body_html", where, default=""),
                state=self.text(r, "state", where, default=Provision.State.KNOWN),
                published=self.field(r, "published", where, bool, default=False),
            )
            self.provisions[key] = self.save(provision, "provision", where, key)
            codes = self.strings(r, "topics", where)
            provision.topics.set([self.ref(self.topics, c, "the topic", where) for c in codes])
            self.load_key_terms(provision, r, where)

    def load_key_terms(self, provision: Provision, record: dict, where: str) -> None:
        terms = self.field(record, "key_terms", where, list, default=[])
        for i, t in enumerate(terms):
            at = f"{where}, key term {i + 1}"
            if not isinstance(t, dict):
                raise ImportFailed(f"{at} must be an object.")
            value = self.field(t, "value", at, str, default=None)
            try:
                number = None if value is None else Decimal(value)
            except InvalidOperation:
                raise ImportFailed(
                    f'{at}: “value” must be a number written as text, e.g. "600000", not {value!r}.'
                ) from None
            term = KeyTerm(
                provision=provision,
                code=self.text(t, "code", at),
                name=self.text(t, "name", at),
                value=number,
                value_text=self.text(t, "value_text", at, default=""),
                unit=self.text(t, "unit", at, default=""),
                position=self.number(t, "position", at, default=0),
                note=self.text(t, "note", at, default=""),
            )
            self.save(term, "key term", at, term.code)

    def load_matters(self, process: PeaceProcess) -> None:
        for where, r in self.records("matters"):
            code = self.text(r, "code", where)
            topic_code = self.text(r, "topic", where, default=None)
            matter = Matter(
                process=process,
                code=code,
                title=self.text(r, "title", where),
                topic=self.ref(self.topics, topic_code, "the topic", where) if topic_code else None,
                note=self.text(r, "note", where, default=""),
                position=self.number(r, "position", where, default=0),
                published=self.field(r, "published", where, bool, default=False),
            )
            self.matters[code] = self.save(matter, "matter", where, code)
            entries = []
            for index, e in enumerate(self.field(r, "entries", where, list, default=[])):
                at = f"{where}.entries[{index}]"
                if not isinstance(e, dict):
                    raise ImportFailed(f"{at} must be an object.")
                key = self.text(e, "provision", at)
                entry = MatterEntry(
                    matter=matter,
                    provision=self.ref(self.provisions, key, "the provision", at),
                    relation=self.text(e, "relation", at, default=MatterEntry.Relation.SAME),
                    label=self.text(e, "label", at, default=""),
                    rationale=self.text(e, "rationale", at, default=""),
                )
                entries.append((entry, at, key))
            try:
                check_entries([(e.provision.draft_id, e.relation) for e, _, _ in entries])
            except ValidationError as exc:
                raise ImportFailed(f"{where} (matter {code!r}): {_describe(exc)}") from None
            for entry, at, key in entries:
                self.save(entry, "aligned provision", at, f"{code} ← {key}")

    def load_positions(self, process: PeaceProcess) -> None:
        for where, r in self.records("positions", required=False):
            position_id = self.number(r, "id", where)
            if position_id in self.positions:
                raise ImportFailed(f"{where}: the position id {position_id} is used twice.")
            matter_code = self.text(r, "matter", where, default=None)
            topic_code = self.text(r, "topic", where, default=None)
            stated_on, precision = self.date(r, "stated_on", where)
            position = Position(
                process=process,
                party=self.ref(self.parties, self.text(r, "party", where), "the party", where),
                speaker=self.text(r, "speaker", where, default=""),
                speaker_role=self.text(r, "speaker_role", where, default=""),
                matter=self.ref(self.matters, matter_code, "the matter", where)
                if matter_code
                else None,
                topic=self.ref(self.topics, topic_code, "the topic", where) if topic_code else None,
                stance=self.text(r, "stance", where),
                paraphrase=self.text(r, "paraphrase", where),
                quotation=self.text(r, "quotation", where, default=""),
                quotation_translated=self.field(
                    r, "quotation_translated", where, bool, default=False
                ),
                stated_on=stated_on,
                stated_precision=precision,
            )
            self.positions[position_id] = self.save(position, "position", where, position_id)

    def load_citations(self) -> None:
        tables = {
            "provision": (self.provisions, "the provision"),
            "draft": (self.drafts, "the draft"),
            "position": (self.positions, "the position"),
        }
        for where, r in self.records("citations"):
            target = self.field(r, "target", where, dict)
            kind = self.text(target, "type", f"{where}.target")
            if kind not in tables:
                raise ImportFailed(
                    f"{where}: a citation cites a provision, a draft or a position, not {kind!r}."
                )
            table, name = tables[kind]
            cited = self.ref(table, target.get("id"), name, where)
            citation = Citation(
                source=self.ref(self.sources, self.text(r, "source", where), "the source", where),
                **{kind: cited},
                stance=self.text(r, "stance", where, default=Citation.Stance.SUPPORTS),
                excerpt=self.text(r, "excerpt", where, default=""),
                translated=self.field(r, "translated", where, bool, default=False),
                locator=self.text(r, "locator", where, default=""),
                source_number=self.text(r, "source_number", where, default=""),
                note=self.text(r, "note", where, default=""),
                published=self.field(r, "published", where, bool, default=False),
            )
            self.save(citation, "citation", where, f"{citation.source.key} → {kind} {cited}")
