"""Fill the database with the demo content: one dataset per peace process, each a package of
the same shape (`apps.demo.data` for Russia–Ukraine, `apps.demo.data.gaza` for Gaza), loaded in
`DATASETS` order. Processes share what is the same object in both (a party such as the United
States, found by its slug); each has its own topic tree, drafts, matters and positions.

The load only adds: every object is looked up by its natural key (slug, code, key…) and
created when missing; an existing row is never updated or deleted, so an editor's edits and
own objects survive a reload, and loading twice changes nothing. New objects pass
`full_clean()` first, so the demo data obeys the same rules as the admin.
"""

from __future__ import annotations

import datetime
import html
import importlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction

from apps.accounts.roles import EDITORS, PUBLISHERS, VIEWERS
from apps.alignment.models import Matter, MatterEntry, check_entries
from apps.core.dates import Precision, normalise
from apps.demo.data import matters
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.quality.models import QualityNote
from apps.sources.models import Citation, Source
from apps.terms.models import KeyTerm

# The fact sheets' dates carry no year unless it is another one: 2025.
YEAR = 2025


@dataclass(frozen=True)
class Dataset:
    """One process's demo content: a package with the modules parties, topics, sources,
    drafts, provisions, key_terms, matters, positions, disputes and quality. The modules are
    read when the load runs, not when this is made."""

    package: str

    def __getattr__(self, name: str) -> ModuleType:
        if name.startswith("_"):
            raise AttributeError(name)
        return importlib.import_module(f"{self.package}.{name}")

    @property
    def slug(self) -> str:
        return self.parties.PROCESS["slug"]


# Every process of the demo, in load order. `matters` above is the first one's module.
DATASETS = [Dataset("apps.demo.data"), Dataset("apps.demo.data.gaza")]
assert DATASETS[0].matters is matters

# The demo editor also publishes: the demo data is all published, and whatever an editor
# adds while trying the site starts unpublished, so without it nothing new could go public.
DEMO_ACCOUNTS = [
    ("editor", "peacetracker-editor", (EDITORS, PUBLISHERS)),
    ("viewer", "peacetracker-viewer", (VIEWERS,)),
]

# What the summary counts, in its order: (kind, singular, plural).
SUMMARY_ORDER = [
    ("process", "process", "processes"),
    ("party", "party", "parties"),
    ("topic", "topic", "topics"),
    ("source", "source", "sources"),
    ("draft", "draft", "drafts"),
    ("link", "lineage link", "lineage links"),
    ("provision", "provision", "provisions"),
    ("term", "key term", "key terms"),
    ("citation", "citation", "citations"),
    ("matter", "matter", "matters"),
    ("entry", "aligned provision", "aligned provisions"),
    ("position", "position", "positions"),
    ("note", "data-quality note", "data-quality notes"),
    ("account", "demo account", "demo accounts"),
]

_MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}


class DemoDataError(Exception):
    """The demo data cannot be loaded: it breaks a model rule or names a missing object."""


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        for kind, singular, plural in SUMMARY_ORDER:
            total = self.created[kind] + self.present[kind]
            if total:
                parts.append(f"{total} {singular if total == 1 else plural}")
        new, present = self.created.total(), self.present.total()
        return f"Demo data: {', '.join(parts)} ({new} new, {present} already present)."


def load_demo(processes: Iterable[str] | None = None) -> LoadReport:
    """Add whatever part of the demo content is missing, in one transaction: of every process,
    or of those whose slugs are given, in the order given."""
    if processes is None:
        datasets = list(DATASETS)
    else:
        by_slug = {dataset.slug: dataset for dataset in DATASETS}
        unknown = [slug for slug in processes if slug not in by_slug]
        if unknown:
            raise DemoDataError(
                f"No demo process {unknown[0]!r}; there are: {', '.join(sorted(by_slug))}."
            )
        datasets = [by_slug[slug] for slug in processes]
    with transaction.atomic():
        loader = _Loader()
        for dataset in datasets:
            loader.run(dataset)
        loader.load_accounts()
    return loader.report


def parse_fact_sheet_date(text: str) -> tuple[datetime.date | None, str, str]:
    """Read a date as the fact sheet prints it: (date, precision, note on what it said).

    "21 Nov" is a day; a range "20–21 Nov" is stored as its first day, with a note;
    "Nov", "late Nov" and "June" are months; "later 2025" is the year; "—" is no date. A year
    after the day or month ("22 Jan 2026", "Jan 2026") is that year, otherwise it is 2025.
    """
    text = text.strip()
    if text in {"", "—"}:
        return None, Precision.DAY, ""
    if text == f"later {YEAR}":
        return datetime.date(YEAR, 1, 1), Precision.YEAR, f"Dated only “later in {YEAR}”."
    if match := re.fullmatch(r"(\d{1,2})(?:–(\d{1,2}))? ([A-Za-z]{3})(?: (\d{4}))?", text):
        first, last, month, year = match.groups()
        year = int(year or YEAR)
        day = datetime.date(year, _month(month), int(first))
        note = f"Dated {first}–{last} {month} {year}; the first day is shown." if last else ""
        return day, Precision.DAY, note
    if match := re.fullmatch(r"(late )?([A-Za-z]+)(?: (\d{4}))?", text):
        late, month, year = match.groups()
        year = int(year or YEAR)
        note = f"Dated “late {month} {year}”." if late else ""
        return datetime.date(year, _month(month), 1), Precision.MONTH, note
    raise DemoDataError(f"Cannot read the date {text!r}.")


def _month(name: str) -> int:
    try:
        return _MONTHS[name[:3].lower()]
    except KeyError:
        raise DemoDataError(f"Unknown month {name!r}.") from None


def _html(text: str) -> str:
    return f"<p>{html.escape(text, quote=False)}</p>"


def _date(value: tuple[str, str] | None) -> tuple[datetime.date | None, str]:
    if value is None:
        return None, Precision.DAY
    iso, precision = value
    return datetime.date.fromisoformat(iso), precision


class _Loader:
    def __init__(self) -> None:
        self.report = LoadReport()
        self.parties: dict[str, Party] = {}
        self.topics: dict[str, Topic] = {}
        self.sources: dict[str, Source] = {}
        self.drafts: dict[str, Draft] = {}
        self.provisions: dict[str, Provision] = {}
        self.matters: dict[str, Matter] = {}
        self.indexes: dict[tuple[type[models.Model], tuple[str, ...]], dict] = {}
        self.data = DATASETS[0]

    def run(self, dataset: Dataset) -> None:
        """Load one process's dataset. Its names (party slugs, topic codes, source keys…)
        refer to its own rows only; the rows themselves may be another process's (a shared
        party), found by their natural key like any existing row."""
        self.data = dataset
        for table in (self.parties, self.topics, self.sources, self.drafts, self.provisions):
            table.clear()
        self.matters.clear()
        process = self.load_process()
        self.load_parties()
        self.load_topics(process)
        self.load_sources()
        self.load_drafts(process)
        self.load_key_terms()
        self.load_citations()
        self.load_matters(process)
        self.load_positions(process)
        self.load_quality_notes()

    # The one way objects are added.

    def ensure(
        self,
        kind: str,
        model: type[models.Model],
        lookup: dict[str, Any],
        values: dict[str, Any] | None = None,
    ) -> tuple[Any, bool]:
        """Return the object found by `lookup` (its natural key), or create it from lookup +
        values."""
        existing = self.existing(model, tuple(lookup))
        natural_key = tuple(
            value.pk if isinstance(value, models.Model) else value for value in lookup.values()
        )
        found = existing.get(natural_key)
        if found is not None:
            self.report.present[kind] += 1
            return found, False
        obj = model(**lookup, **(values or {}))
        try:
            obj.full_clean()
        except ValidationError as exc:
            raise DemoDataError(f"Demo {kind} {lookup} is invalid: {exc}") from exc
        obj.save()
        existing[natural_key] = obj
        self.report.created[kind] += 1
        return obj, True

    def existing(
        self, model: type[models.Model], fields: tuple[str, ...]
    ) -> dict[tuple[Any, ...], Any]:
        """All rows of `model` by the given natural key, read once (one query, not one per
        demo object)."""
        if (model, fields) not in self.indexes:
            attnames = [model._meta.get_field(name).attname for name in fields]
            self.indexes[(model, fields)] = {
                tuple(getattr(obj, attname) for attname in attnames): obj
                for obj in model._default_manager.all()
            }
        return self.indexes[(model, fields)]

    def lookup(self, table: dict[str, Any], key: str, kind: str) -> Any:
        try:
            return table[key]
        except KeyError:
            raise DemoDataError(f"The demo data names an unknown {kind}: {key!r}.") from None

    # Each kind of content, in dependency order.

    def load_process(self) -> PeaceProcess:
        data = self.data.parties.PROCESS
        process, _ = self.ensure(
            "process",
            PeaceProcess,
            {"slug": data["slug"]},
            {"name": data["name"], "summary": _html(data["summary"])},
        )
        return process

    def load_parties(self) -> None:
        for slug, name, short_name, kind in self.data.parties.PARTIES:
            self.parties[slug], _ = self.ensure(
                "party",
                Party,
                {"slug": slug},
                {"name": name, "short_name": short_name, "kind": kind},
            )

    def load_topics(self, process: PeaceProcess) -> None:
        """The process's own topic tree (its matters are not another process's)."""
        for position, (code, name, covers) in enumerate(self.data.topics.TOPICS, start=1):
            self.topics[code], _ = self.ensure(
                "topic",
                Topic,
                {"code": code},
                {"name": name, "description": covers, "position": position, "process": process},
            )
        subtopics = self.data.topics.SUBTOPICS
        for position, (code, name, parent, covers) in enumerate(subtopics, start=1):
            self.topics[code], _ = self.ensure(
                "topic",
                Topic,
                {"code": code},
                {
                    "name": name,
                    "parent": self.lookup(self.topics, parent, "topic"),
                    "process": process,
                    "description": covers,
                    "position": position,
                },
            )

    def load_sources(self) -> None:
        data = self.data.sources
        languages = getattr(data, "LANGUAGES", {})
        relays = getattr(data, "RELAYS", {})
        for key, outlet, headline, date_text, url, tier in data.SOURCES:
            published_on, precision, date_note = parse_fact_sheet_date(date_text)
            reliability, _, tier_note = tier.partition(" ")
            notes = [
                f"Reliability: {tier_note.strip('()')}." if tier_note else "",
                date_note,
                data.NOTES.get(key, ""),
            ]
            self.sources[key], _ = self.ensure(
                "source",
                Source,
                {"key": key},
                {
                    "outlet": outlet,
                    "headline": headline,
                    "author": data.AUTHORS.get(key, ""),
                    "url": url,
                    "published_on": published_on,
                    "published_precision": precision,
                    "kind": data.KINDS.get(key, Source.Kind.NEWS),
                    "reliability": reliability,
                    "language": languages.get(key, "en"),
                    "relay_of": relays.get(key, ""),
                    "note": " ".join(note for note in notes if note),
                },
            )

    def load_drafts(self, process: PeaceProcess) -> None:
        drafts, provisions = self.data.drafts.DRAFTS, self.data.provisions.PROVISIONS
        for data in drafts:
            presented_on, presented_precision = _date(data["presented"])
            reported_on, reported_precision = _date(data["reported"])
            draft, created = self.ensure(
                "draft",
                Draft,
                {"slug": data["slug"]},
                {
                    "process": process,
                    "title": data["title"],
                    "label": data["label"],
                    "kind": data.get("kind", Draft.Kind.PLAN),
                    "presented_on": presented_on,
                    "presented_precision": presented_precision,
                    "reported_on": reported_on,
                    "reported_precision": reported_precision,
                    "declared_points": data["declared_points"],
                    "status": data["status"],
                    "text_basis": data["text_basis"],
                    "summary": _html(data["summary"]),
                    "published": True,
                },
            )
            if created:
                draft.authors.set(
                    [self.lookup(self.parties, slug, "party") for slug in data["authors"]]
                )
            self.drafts[data["slug"]] = draft
            self.load_provisions(draft, provisions[data["slug"]])
        for data in drafts:
            for parent, kind in data["parents"]:
                self.ensure(
                    "link",
                    DraftLink,
                    {
                        "draft": self.drafts[data["slug"]],
                        "parent": self.lookup(self.drafts, parent, "draft"),
                    },
                    {"kind": kind},
                )

    def load_provisions(self, draft: Draft, rows: list[dict[str, Any]]) -> None:
        for position, data in enumerate(rows, start=1):
            provision, created = self.ensure(
                "provision",
                Provision,
                {"key": data["key"]},
                {
                    "draft": draft,
                    "label": data["label"],
                    "position": position,
                    "heading": data["heading"],
                    "body": _html(data["body"]),
                    "state": data["state"],
                    "published": True,
                },
            )
            if created:
                provision.topics.set(
                    [self.lookup(self.topics, code, "topic") for code in data["topics"]]
                )
            self.provisions[data["key"]] = provision

    def load_key_terms(self) -> None:
        """Found by (provision, code); numbered in the order given, per provision."""
        positions: Counter[str] = Counter()
        for key, code, name, number, text, unit, note in self.data.key_terms.KEY_TERMS:
            positions[key] += 1
            self.ensure(
                "term",
                KeyTerm,
                {"provision": self.lookup(self.provisions, key, "provision"), "code": code},
                {
                    "name": name,
                    "value": number,
                    "value_text": text,
                    "unit": unit,
                    "note": note,
                    "position": positions[key],
                },
            )

    def load_citations(self) -> None:
        for (source, target, stance, locator), values in _citations(self.data).items():
            if target in self.drafts:
                cited = {"draft": self.drafts[target], "provision": None}
            else:
                cited = {
                    "provision": self.lookup(self.provisions, target, "provision"),
                    "draft": None,
                }
            self.ensure(
                "citation",
                Citation,
                {
                    "source": self.lookup(self.sources, source, "source"),
                    **cited,
                    "stance": stance,
                    "locator": locator,
                },
                {**values, "published": True},
            )

    def load_matters(self, process: PeaceProcess) -> None:
        for position, data in enumerate(self.data.matters.MATTERS, start=1):
            matter, _ = self.ensure(
                "matter",
                Matter,
                {"process": process, "code": data["code"]},
                {
                    "title": data["title"],
                    "topic": self.lookup(self.topics, data["topic"], "topic"),
                    "note": data["note"],
                    "position": position,
                    "published": True,
                },
            )
            self.matters[data["code"]] = matter
            self.load_entries(matter, data["entries"])

    def load_entries(self, matter: Matter, entries: list[tuple[str, str]]) -> None:
        rows = [
            (self.lookup(self.provisions, key, "provision"), relation) for key, relation in entries
        ]
        index = self.existing(MatterEntry, ("matter", "provision"))
        missing = [(p.draft_id, relation) for p, relation in rows if (matter.pk, p.pk) not in index]
        if missing:
            # The matter's rows as they will be, editors' own included, must obey the rule.
            current = list(matter.entries.values_list("provision__draft", "relation"))
            try:
                check_entries(current + missing)
            except ValidationError as exc:
                raise DemoDataError(f"Matter {matter.code}: {exc.messages[0]}") from exc
        for provision, relation in rows:
            label, rationale = self.data.matters.LABELS.get((matter.code, provision.key), ("", ""))
            self.ensure(
                "entry",
                MatterEntry,
                {"matter": matter, "provision": provision},
                {"relation": relation, "label": label, "rationale": rationale},
            )

    def load_positions(self, process: PeaceProcess) -> None:
        """Each party's stated positions, found by (process, party, speaker, date stated,
        matter), or by the topic instead of the matter when there is none; then their
        citations, found by (source, position, stance, locator).

        The topic is always set here (the matter's, unless the row names a narrower one), so
        `Position.clean()` stores it as given, and the date is already at the start of its
        month when only the month is known, so a reload finds the row it created.
        """
        matter_topics = {data["code"]: data["topic"] for data in self.data.matters.MATTERS}
        for data in self.data.positions.POSITIONS:
            code = data["matter"]
            matter = self.lookup(self.matters, code, "matter") if code else None
            topic_code = data.get("topic") or matter_topics.get(code)
            if topic_code is None:
                raise DemoDataError(f"Demo position {data['paraphrase']!r} has no matter or topic.")
            topic = self.lookup(self.topics, topic_code, "topic")
            stated_on, precision = _date(data["stated"])
            lookup: dict[str, Any] = {
                "process": process,
                "party": self.lookup(self.parties, data["party"], "party"),
                "speaker": data["speaker"],
                "stated_on": normalise(stated_on, precision),
                "matter": matter,
            }
            values: dict[str, Any] = {
                "speaker_role": data["role"],
                "stance": data["stance"],
                "paraphrase": data["paraphrase"],
                "quotation": data["quotation"],
                "stated_precision": precision,
            }
            # A position on a matter is found by the matter; one without, by its topic.
            if matter is None:
                lookup["topic"] = topic
            else:
                values["topic"] = topic
            position, _ = self.ensure("position", Position, lookup, values)
            for source, excerpt, locator, *differs in data["sources"]:
                # A source that reports the position differently: (…, stance, note).
                stance, note = differs or (self.data.disputes.SUPPORTS, "")
                self.ensure(
                    "citation",
                    Citation,
                    {
                        "source": self.lookup(self.sources, source, "source"),
                        "position": position,
                        "stance": stance,
                        "locator": locator,
                    },
                    {"excerpt": excerpt, "note": note, "published": True},
                )

    def load_quality_notes(self) -> None:
        """Editors' notes on the report items the demo keeps, found by (list, object)."""
        kinds = {"provision": self.provisions, "source": self.sources}
        for check, kind, key, note in self.data.quality.NOTES:
            obj = self.lookup(self.lookup(kinds, kind, "kind of object"), key, kind)
            self.ensure(
                "note",
                QualityNote,
                {
                    "kind": check,
                    "content_type": ContentType.objects.get_for_model(obj),
                    "object_id": obj.pk,
                },
                {"note": note},
            )

    def load_accounts(self) -> None:
        if not settings.DEBUG:
            self.report.notices.append(
                "Demo accounts are not created outside development (DEBUG is off)."
            )
            return
        user_model = get_user_model()
        for username, password, group_names in DEMO_ACCOUNTS:
            if user_model._default_manager.filter(username=username).exists():
                # Someone's account now: never touch its password or groups.
                self.report.present["account"] += 1
                continue
            groups = list(Group.objects.filter(name__in=group_names))
            if len(groups) != len(group_names):
                missing = sorted(set(group_names) - {g.name for g in groups})
                raise DemoDataError(f"The group {missing[0]!r} is missing: run migrate first.")
            user = user_model(username=username, is_staff=True)
            user.set_password(password)
            user.full_clean()
            user.save()
            user.groups.add(*groups)
            self.report.created["account"] += 1


def _citations(data: Dataset) -> dict[tuple[str, str, str, str], dict[str, str]]:
    """Every citation of one dataset's drafts and provisions, by natural key (source, target,
    stance, locator) → its other fields (excerpt, note, and the number its source gave).

    A source in a draft's or a provision's `sources` supports it. A provision's `numbers`
    gives the number a source gave the point, where the sources number it differently (the
    locator is then "point N" in that source's numbering). A row of `disputes.py` adds its
    excerpt and note to the same citation, or is a citation of its own.
    """
    disputes = data.disputes
    drafts, provisions = data.drafts.DRAFTS, data.provisions.PROVISIONS
    numbered = {draft["slug"] for draft in drafts if draft["numbered_by_source"]}
    labels: dict[str, str] = {}
    numbers: dict[tuple[str, str], str] = {}
    citations: dict[tuple[str, str, str, str], dict[str, str]] = {}

    def locator(target: str, source: str) -> str:
        if (target, source) in disputes.LOCATORS:
            return disputes.LOCATORS[(target, source)]
        if (target, source) in numbers:
            return f"point {numbers[(target, source)]}"
        label = labels.get(target, "")
        if label and label != Provision.UNNUMBERED and not source.startswith("seed-"):
            return f"point {label}"
        return ""

    def cite(source: str, target: str, stance: str, excerpt: str, note: str) -> None:
        key = (source, target, stance, locator(target, source))
        citations[key] = {"excerpt": excerpt, "note": note}
        if (target, source) in numbers:
            citations[key]["source_number"] = numbers[(target, source)]

    for draft in drafts:
        for source, excerpt in draft["sources"]:
            cite(source, draft["slug"], disputes.SUPPORTS, excerpt, "")
        for row in provisions[draft["slug"]]:
            if draft["slug"] in numbered:
                labels[row["key"]] = row["label"]
            for source, number in row.get("numbers", {}).items():
                numbers[(row["key"], source)] = number
            for source in row["sources"]:
                cite(source, row["key"], disputes.SUPPORTS, "", "")
    for fact, target, source, stance, excerpt in disputes.CITATIONS:
        cite(source, target, stance, excerpt, disputes.FACTS[fact])
    return citations
