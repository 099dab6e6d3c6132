"""Suggest how a draft's provisions align with those of the draft it revises or answers.

Pure Python: each provision becomes word tokens (HTML stripped, numbers kept, so "600,000"
and "800,000" differ), compared by TF-IDF cosine over both drafts, with its topics and its
place in the draft. Everything is loaded in a constant number of queries, whatever the
number of provisions. The suggestions are for an editor to accept or reject: nothing here
writes, except `accept`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from apps.compare.diff import plain_text
from apps.drafts.models import Draft, DraftLink, Provision, Topic

from .models import Matter, MatterEntry, check_entries

Relation = MatterEntry.Relation

# Weights of the three signals in a pair's score; a signal missing on either side (no
# topics) is left out and the others renormalised.
TEXT_WEIGHT = 0.6
TOPIC_WEIGHT = 0.25
PLACE_WEIGHT = 0.15
# Below this score nothing in the parent is a counterpart: the provision is new. (Tuned on
# the demo drafts: a shared topic alone, far from its place, is just enough.)
MATCH_THRESHOLD = 0.25
# Text at least this similar, with the same numbers, at the same place, is the same provision.
SAME_TEXT = 0.8
# Text at least this similar, at a clearly different place, has moved.
MOVED_TEXT = 0.45
# Two provisions sit at the same place when they share a numbered label, or when their
# relative positions (0 = first, 1 = last) differ by at most this.
PLACE_TOLERANCE = 0.1
# How many candidates each suggestion lists, best first.
CANDIDATES = 3

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
# Words too common to tell two provisions apart.
_STOPWORD_TEXT = """
    a about after all also an and any are as at be been before both but by can do does for
    from has have if in into is it its it’s may more most no not of on once or other our over
    own s so such than that the their them then there these they this those to under until up
    was we were what when where which while who will with within would
"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


class NoParentError(ValueError):
    """The draft revises or answers nothing, or not the draft named."""


def tokens(provision: Provision) -> list[str]:
    """Content words and numbers of a provision; the heading counts twice."""
    text = f"{provision.heading} {provision.heading} {plain_text(provision.body)}"
    words = []
    for raw in _TOKEN.findall(text.lower()):
        if raw[0].isdigit():
            words.append("#" + raw.replace(",", "").replace(".", ""))
        elif raw not in _STOPWORDS and len(raw) > 1:
            words.append(_stem(raw))
    return words


def _stem(word: str) -> str:
    """A crude suffix stripper: enough for "guarantees"/"guarantee", "capped"/"cap"."""
    for suffix, keep in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + keep
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # capped → capp → cap
    return word


def _tfidf(docs: list[list[str]]) -> list[dict[str, float]]:
    df = Counter(t for doc in docs for t in set(doc))
    n = len(docs)
    vectors = []
    for doc in docs:
        weights = {
            t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1)
            for t, c in Counter(doc).items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def _topic_weights(topics: list[Topic]) -> dict[int, float]:
    """A provision's topics, each weighing 1; a subtopic's parent weighs half."""
    weights: dict[int, float] = {}
    for topic in topics:
        weights[topic.pk] = 1.0
        if topic.parent_id:
            weights.setdefault(topic.parent_id, 0.5)
    return weights


def _topic_similarity(a: dict[int, float], b: dict[int, float]) -> float | None:
    if not a or not b:
        return None
    # Overlap over the smaller set, not Jaccard: "Territory" and "Territory, Crimea, Donbas"
    # are the same matter, told in more or less detail.
    shared = sum(min(weight, b.get(k, 0)) for k, weight in a.items())
    return shared / min(sum(a.values()), sum(b.values()))


@dataclass(frozen=True)
class Candidate:
    """A parent provision that may be the counterpart, and why."""

    provision: Provision
    score: float
    text: float
    topics: float | None
    same_place: bool
    same_numbers: bool


@dataclass
class Suggestion:
    """One provision of the draft (or, when `removed`, of the parent) and its counterpart."""

    provision: Provision
    relation: str
    candidates: list[Candidate] = field(default_factory=list)
    # The provision's current matter entries, matters loaded.
    entries: list[MatterEntry] = field(default_factory=list)

    @property
    def match(self) -> Candidate | None:
        return self.candidates[0] if self.candidates and self.relation != Relation.NEW else None

    @property
    def score(self) -> float:
        return self.candidates[0].score if self.candidates else 0.0

    @property
    def relation_display(self) -> str:
        return Relation(self.relation).label

    @property
    def token(self) -> str:
        """What the editor saw: accepting checks that the suggestion is still the same."""
        match = self.match
        return f"{self.provision.pk}:{match.provision.pk if match else 'new'}:{self.relation}"


@dataclass
class Suggestions:
    draft: Draft
    parent: Draft
    rows: list[Suggestion]
    removed: list[Suggestion]
    # Provision id → its matter entries (matter loaded), for the provisions of both drafts.
    entries_of: dict[int, list[MatterEntry]]
    parent_ids: list[int]

    @cached_property
    def matters_of(self) -> dict[int, set[int]]:
        return {pk: {e.matter_id for e in entries} for pk, entries in self.entries_of.items()}

    def status(self, row: Suggestion) -> str:
        """How the suggestion compares with what is curated now."""
        if not row.entries:
            return "unaligned"
        return "aligned" if self.agrees(row) else "conflicting"

    def agrees(self, row: Suggestion) -> bool:
        """The top match shares a curated matter with the provision; or the provision is
        suggested new and no parent provision shares a matter with it."""
        matters_of = self.matters_of
        mine = matters_of.get(row.provision.pk, set())
        if row.match is None:
            return not any(mine & matters_of.get(pk, set()) for pk in self.parent_ids)
        return bool(mine & matters_of.get(row.match.provision.pk, set()))

    def agreement(self) -> tuple[int, int]:
        return sum(1 for row in self.rows if self.agrees(row)), len(self.rows)

    def relation_agreement(self) -> tuple[int, int]:
        """Among agreeing matches, how often the curated relation is the one suggested."""
        agreed = total = 0
        for row in self.rows:
            if row.match is None or not self.agrees(row):
                continue
            shared = self.matters_of.get(row.match.provision.pk, set())
            for entry in row.entries:
                if entry.matter_id in shared:
                    total += 1
                    agreed += entry.relation == row.relation
                    break
        return agreed, total


def parent_of(draft: Draft, against: Draft | None = None) -> Draft:
    """The draft to compare with: `against` if it is a parent, else the only parent, else the
    one this draft revises (rather than answers), else the oldest."""
    links = list(DraftLink.objects.filter(draft=draft).select_related("parent"))
    parents = [link.parent for link in links]
    if not parents:
        raise NoParentError(f"“{draft}” revises or answers no other draft.")
    if against is not None:
        if against.pk not in {p.pk for p in parents}:
            names = ", ".join(f"“{p}” ({p.slug})" for p in parents)
            raise NoParentError(f"“{draft}” does not revise or answer “{against}”; try {names}.")
        return against
    links.sort(
        key=lambda link: (
            link.kind != DraftLink.Kind.REVISES,
            link.parent.sort_date is None,
            link.parent.sort_date or 0,
            link.parent.pk,
        )
    )
    return links[0].parent


def suggest(draft: Draft, parent: Draft | None = None) -> Suggestions:
    """Suggestions for every provision of `draft` against `parent` (default: see parent_of)."""
    parent = parent_of(draft, parent)
    provisions = list(
        Provision.objects.filter(draft__in=[draft, parent])
        .select_related("draft")
        .prefetch_related("topics")
        .order_by("position", "pk")
    )
    children = [p for p in provisions if p.draft_id == draft.pk]
    elders = [p for p in provisions if p.draft_id == parent.pk]
    entries = list(
        MatterEntry.objects.filter(provision__in=[p.pk for p in provisions])
        .select_related("matter")
        .order_by("matter__position", "matter__code", "pk")
    )
    entries_of: dict[int, list[MatterEntry]] = {}
    for entry in entries:
        entries_of.setdefault(entry.provision_id, []).append(entry)

    scores = _score(children, elders)
    chosen = _assign(scores, len(children), len(elders))
    shared = Counter(chosen.values())

    rows = []
    for i, child in enumerate(children):
        ranked = sorted(range(len(elders)), key=lambda j: -scores[i][j].score)
        if i in chosen:
            best = chosen[i]
            ranked.remove(best)
            ranked.insert(0, best)
            relation = _relation(child, scores[i][best], shared[best] > 1)
        else:
            relation = Relation.NEW
        candidates = [scores[i][j] for j in ranked[:CANDIDATES] if scores[i][j].score > 0]
        rows.append(Suggestion(child, relation, candidates, entries_of.get(child.pk, [])))
    matched = set(chosen.values())
    removed = [
        Suggestion(elder, Relation.REMOVED, [], entries_of.get(elder.pk, []))
        for j, elder in enumerate(elders)
        if j not in matched
    ]
    return Suggestions(draft, parent, rows, removed, entries_of, [p.pk for p in elders])


def _score(children: list[Provision], elders: list[Provision]) -> list[list[Candidate]]:
    words = [tokens(p) for p in children + elders]
    numbers = [{t for t in doc if t.startswith("#")} for doc in words]
    vectors = _tfidf(words)
    child_vectors, elder_vectors = vectors[: len(children)], vectors[len(children) :]
    child_topics = [_topic_weights(list(p.topics.all())) for p in children]
    elder_topics = [_topic_weights(list(p.topics.all())) for p in elders]

    def place(index: int, count: int) -> float:
        return index / (count - 1) if count > 1 else 0.0

    matrix = []
    for i, child in enumerate(children):
        row = []
        for j, elder in enumerate(elders):
            text = _cosine(child_vectors[i], elder_vectors[j])
            topics = _topic_similarity(child_topics[i], elder_topics[j])
            same_label = child.label == elder.label and child.label != Provision.UNNUMBERED
            distance = abs(place(i, len(children)) - place(j, len(elders)))
            closeness = 1.0 if same_label else 1.0 - distance
            parts = [(TEXT_WEIGHT, text), (PLACE_WEIGHT, closeness)]
            if topics is not None:
                parts.append((TOPIC_WEIGHT, topics))
            score = sum(w * v for w, v in parts) / sum(w for w, _ in parts)
            same_place = same_label or distance <= PLACE_TOLERANCE
            same_numbers = numbers[i] == numbers[len(children) + j]
            row.append(
                Candidate(elder, round(score, 3), round(text, 3), topics, same_place, same_numbers)
            )
        matrix.append(row)
    return matrix


def _assign(scores: list[list[Candidate]], n_children: int, n_elders: int) -> dict[int, int]:
    """Child index → parent index: best pairs first, one to one; then a provision left
    without a free counterpart shares its best one (the parent's point was split)."""
    pairs = sorted(
        ((scores[i][j].score, i, j) for i in range(n_children) for j in range(n_elders)),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for score, i, j in pairs:
        if score < MATCH_THRESHOLD:
            break
        if i not in chosen and j not in taken:
            chosen[i] = j
            taken.add(j)
    for i in range(n_children):
        if i in chosen or not n_elders:
            continue
        j = max(range(n_elders), key=lambda j: (scores[i][j].score, -j))
        if scores[i][j].score >= MATCH_THRESHOLD:
            chosen[i] = j
    return chosen


def _relation(child: Provision, candidate: Candidate, shared: bool) -> str:
    if child.state == Provision.State.DELETED:
        return Relation.REMOVED
    if shared:
        return Relation.SPLIT
    if candidate.same_place and candidate.same_numbers and candidate.text >= SAME_TEXT:
        return Relation.SAME
    if not candidate.same_place and candidate.text >= MOVED_TEXT:
        return Relation.MOVED
    return Relation.REWORDED


@dataclass
class AcceptReport:
    aligned: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    created: list[Matter] = field(default_factory=list)


def accept(suggestions: Suggestions, picked: list[str], replace: set[int]) -> AcceptReport:
    """Apply the suggestions the editor ticked, in one transaction, through model saves.

    `picked` holds the suggestions' tokens as the editor saw them: one that no longer
    matches (the data changed since) is skipped. A provision already in a matter is left
    alone unless its id is in `replace`; then it leaves its other matters. The draft's
    provision joins its counterpart's matter with the suggested relation; a counterpart
    without a matter gets one (as "new": nothing earlier is aligned with it), and a new
    provision gets a matter of its own titled from its heading.
    """
    report = AcceptReport()
    rows = {row.provision.pk: row for row in suggestions.rows}
    with transaction.atomic():
        matters = Matter.objects.filter(process_id=suggestions.draft.process_id)
        codes = set(matters.values_list("code", flat=True))
        position = matters.aggregate(top=Max("position"))["top"] or 0
        entries_of = {pk: list(entries) for pk, entries in suggestions.entries_of.items()}
        made_for: dict[int, Matter] = {}  # parent provision id → matter made in this batch

        def make_matter(provision: Provision) -> Matter:
            nonlocal position
            position += 1
            topic = next(iter(provision.topics.all()), None)
            code = _next_code(codes)
            codes.add(code)
            matter = Matter(
                process_id=suggestions.draft.process_id,
                code=code,
                title=(provision.heading or f"{provision.draft} · {provision.label}")[:200],
                topic_id=(topic.parent_id or topic.pk) if topic else None,
                position=position,
            )
            matter.full_clean()
            matter.save()
            report.created.append(matter)
            return matter

        def join(matter: Matter, provision: Provision, relation: str) -> MatterEntry:
            entry = MatterEntry(matter=matter, provision=provision, relation=relation)
            entry.full_clean()
            entry.save()
            entries_of.setdefault(provision.pk, []).append(entry)
            return entry

        for token in dict.fromkeys(picked):
            pk = _token_pk(token)
            row = rows.get(pk)
            if row is None or row.token != token:
                name = row.provision if row else "a provision"
                report.skipped.append(
                    f"{name}: the suggestion changed since the page was shown; review it again."
                )
                continue
            provision, match = row.provision, row.match
            current = entries_of.get(provision.pk, [])
            if current and provision.pk not in replace:
                where = ", ".join(e.matter.code for e in current)
                report.skipped.append(
                    f"{provision}: already aligned in {where}; tick “replace” to change it."
                )
                continue
            target = None
            if match is not None:
                theirs = entries_of.get(match.provision.pk, [])
                target = theirs[0].matter if theirs else made_for.get(match.provision.pk)
            if target is not None:
                siblings = [
                    (provision.draft_id, e.relation)
                    for pk, entries in entries_of.items()
                    if pk != provision.pk and pk in rows
                    for e in entries
                    if e.matter_id == target.pk
                ]
                try:
                    check_entries([*siblings, (provision.draft_id, row.relation)])
                except ValidationError:
                    report.skipped.append(
                        f"{provision}: matter {target.code} already holds another provision "
                        "of this draft; align them by hand (split or merged)."
                    )
                    continue
            # Each row in a savepoint: one that breaks a rule is skipped, the others apply.
            touched = [provision.pk] + ([match.provision.pk] if match else [])
            saved = {pk: list(entries_of.get(pk, [])) for pk in touched}
            made_before, created_before = dict(made_for), len(report.created)
            try:
                with transaction.atomic():
                    target = _apply_row(row, current, target, make_matter, join, made_for)
            except ValidationError as exc:
                entries_of.update(saved)
                made_for.clear()
                made_for.update(made_before)
                del report.created[created_before:]
                report.skipped.append(f"{provision}: {' '.join(exc.messages)}")
                continue
            # What is left of its entries: the one in the target matter.
            entries_of[provision.pk] = [
                e for e in entries_of.get(provision.pk, []) if e.matter_id == target.pk
            ]
            report.aligned.append(
                f"{provision} → {target.code} {target.title} ({row.relation_display})"
            )
    return report


def _apply_row(row, current, target, make_matter, join, made_for) -> Matter:
    """Move one provision into its suggested matter; returns the matter."""
    provision, match = row.provision, row.match
    for entry in current:
        if target is None or entry.matter_id != target.pk:
            entry.delete()
    kept = [e for e in current if target is not None and e.matter_id == target.pk]
    if target is None:
        if match is None:
            target = make_matter(provision)
        else:
            target = made_for[match.provision.pk] = make_matter(match.provision)
            join(target, match.provision, Relation.NEW)
    if kept:
        kept[0].relation = row.relation
        kept[0].full_clean()
        kept[0].save()
    else:
        join(target, provision, row.relation)
    return target


def _token_pk(token: str) -> int | None:
    head = token.split(":", 1)[0]
    return int(head) if head.isdigit() else None


def _next_code(codes: set[str]) -> str:
    """The next free code in the process's own pattern: A27 → A28; M for a bare process."""
    numbered = [m.groups() for c in codes if (m := re.fullmatch(r"([A-Za-z]*)(\d+)", c))]
    if numbered:
        (prefix, width), _ = Counter((p, len(n)) for p, n in numbered).most_common(1)[0]
        number = max(int(n) for p, n in numbered if p == prefix)
    else:
        prefix, width, number = "M", 2, 0
    while True:
        number += 1
        code = f"{prefix}{number:0{width}d}"
        if code not in codes:
            return code
