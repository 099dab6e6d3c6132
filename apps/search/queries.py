"""What a visitor may find, and one page of it, in a fixed number of queries.

Three kinds of result share one ranked list: provisions, citations (of provisions and of
whole drafts) and sources. Citations of party positions are left out: positions have
their own pages, and a source cited only there is not found by search.

A page costs the same queries whatever it shows: one for the page's (kind, id) rows and
the count of each kind, then one fetch per kind present on the page plus the links of its
provisions and the first citing places of its sources and their number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from types import SimpleNamespace

from django.core.paginator import Page, Paginator
from django.db import connections
from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    FloatField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property

from apps.alignment.models import MatterEntry
from apps.compare.comparison import MAX_DRAFTS, canonical_spec, sort_key
from apps.drafts.models import (
    Draft,
    DraftLink,
    Party,
    PeaceProcess,
    Provision,
    Topic,
    can_preview,
)
from apps.sources.models import Citation, Source

from .backends import WEIGHT_VALUES, current_backend
from .text import Query

PAGE_SIZE = 20
KINDS = ("provision", "citation", "source")
KIND_LABELS = {"provision": "Provisions", "citation": "Citations", "source": "Sources"}
CITED_IN_SHOWN = 5
CITATIONS_READ = 4 * CITED_IN_SHOWN  # enough to find CITED_IN_SHOWN places, most times
# A citation is evidence for a provision, not the provision: its excerpt matches as its
# title, yet it should rank as a quotation of the provision's text (weight B against
# the provision's A), and a surer source's quotation above a weaker one's.
EVIDENCE = WEIGHT_VALUES["B"] / WEIGHT_VALUES["A"]
GRADE_FACTORS = {"A": 0.9, "B": 0.8, "C": 0.7}


@dataclass(frozen=True)
class Filters:
    process: PeaceProcess | None = None
    draft: Draft | None = None
    topic: Topic | None = None
    party: Party | None = None
    reliability: str = ""
    state: str = ""
    kind: str = ""

    @property
    def narrows_material(self) -> bool:
        """True when a filter concerns drafts or provisions (not only source grades)."""
        return any((self.process, self.draft, self.topic, self.party, self.state))


# --- What may be found -----------------------------------------------------------------


def visible_drafts(user) -> QuerySet[Draft]:
    return Draft.objects.visible_to(user)


def provisions_for(user, f: Filters) -> QuerySet[Provision]:
    qs = Provision.objects.visible_to(user)
    if f.process:
        qs = qs.filter(draft__process=f.process)
    if f.draft:
        qs = qs.filter(draft=f.draft)
    if f.topic:
        # A topic includes its subtopics; a subquery keeps each provision to one row.
        topics = Topic.objects.filter(Q(pk=f.topic.pk) | Q(parent=f.topic.pk))
        tagged = Provision.topics.through.objects.filter(topic__in=topics).values("provision")
        qs = qs.filter(pk__in=tagged)
    if f.party:
        qs = qs.filter(draft__in=Draft.objects.filter(authors=f.party).values("pk"))
    if f.reliability:
        # Provisions backed by at least one source of that grade.
        graded = (
            Citation.objects.of_drafts_visible_to(user)
            .filter(source__reliability=f.reliability, provision__isnull=False)
            .values("provision")
        )
        qs = qs.filter(pk__in=graded)
    if f.state:
        qs = qs.filter(state=f.state)
    return qs


def visible_citations(user) -> QuerySet[Citation]:
    """Citations of provisions and whole drafts this visitor may see (not of positions)."""
    return Citation.objects.of_drafts_visible_to(user)


def citations_for(user, f: Filters) -> QuerySet[Citation]:
    qs = visible_citations(user)
    drafts = None
    if f.process:
        drafts = Draft.objects.filter(process=f.process)
    if f.draft:
        drafts = Draft.objects.filter(pk=f.draft.pk)
    if f.party:
        by_party = Draft.objects.filter(authors=f.party)
        drafts = by_party if drafts is None else drafts.filter(pk__in=by_party.values("pk"))
    if drafts is not None:
        ids = drafts.values("pk")
        qs = qs.filter(Q(provision__draft__in=ids) | Q(draft__in=ids))
    if f.topic or f.state:
        # These describe provisions: citations of whole drafts drop out.
        qs = qs.filter(provision__in=provisions_for(user, Filters(topic=f.topic, state=f.state)))
    if f.reliability:
        qs = qs.filter(source__reliability=f.reliability)
    return qs


def sources_for(user, f: Filters) -> QuerySet[Source]:
    """Sources cited by material this visitor may see; staff also find uncited sources."""
    if f.narrows_material:
        qs = Source.objects.filter(pk__in=citations_for(user, f).values("source"))
    elif can_preview(user):
        qs = Source.objects.all()
    else:
        qs = Source.objects.cited_in_public_draft_text()
    if f.reliability:
        qs = qs.filter(reliability=f.reliability)
    return qs


# --- One page of results ---------------------------------------------------------------


class _CountedPaginator(Paginator):
    """A paginator told its count, which the per-kind counts already give."""

    def __init__(self, object_list, per_page, *, count: int):
        super().__init__(object_list, per_page)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count


@dataclass
class Hit:
    kind: str
    obj: object
    shown: dict  # field name → safe, highlighted HTML
    links: list[tuple[str, str]] = field(default_factory=list)  # (url, text)
    cited_in: list[tuple[str, str]] = field(default_factory=list)
    cited_in_more: int = 0
    origin: str = ""  # which process, draft and point the result comes from


@dataclass
class Outcome:
    counts: dict[str, int]
    page: Page
    hits: list[Hit]

    @property
    def total(self) -> int:
        return self.page.paginator.count


def _day(*paths: str):
    if len(paths) == 1:
        return F(paths[0])
    return Coalesce(*(F(p) for p in paths), output_field=DateField())


DAYS = {
    "provision": ("draft__presented_on", "draft__reported_on"),
    "citation": (
        "provision__draft__presented_on",
        "provision__draft__reported_on",
        "draft__presented_on",
        "draft__reported_on",
    ),
    "source": ("published_on",),
}


def _rank(kind: str):
    """A result's place in the one list: its text score, a citation's weighed as evidence."""
    if kind != "citation":
        return F("score")
    grade = Case(
        *(When(source__reliability=g, then=Value(v)) for g, v in GRADE_FACTORS.items()),
        default=Value(min(GRADE_FACTORS.values())),
        output_field=FloatField(),
    )
    return ExpressionWrapper(F("score") * EVIDENCE * grade, output_field=FloatField())


def search(query: Query, f: Filters, user, page_number: int) -> Outcome:
    backend = current_backend()
    matched = {
        "provision": backend.match(provisions_for(user, f), "provision", query),
        "citation": backend.match(citations_for(user, f), "citation", query),
        "source": backend.match(sources_for(user, f), "source", query),
    }
    ranked = [
        matched[kind]
        .order_by()
        .annotate(
            hit_kind=Value(kind, output_field=CharField()),
            rank=_rank(kind),
            day=_day(*DAYS[kind]),
        )
        .values("hit_kind", "pk", "rank", "day")
        for kind in KINDS
    ]
    matches = ranked[0].union(*ranked[1:], all=True).order_by()
    number = min(page_number, MAX_PAGE)
    counts, rows = _page_and_counts(matches, f.kind, number)
    total = sum(n for k, n in counts.items() if not f.kind or f.kind == k)
    paginator = _CountedPaginator([], PAGE_SIZE, count=total)
    last = paginator.num_pages
    if number > last:  # past the end shows the last page (rare: a second pass)
        number = last
        counts, rows = _page_and_counts(matches, f.kind, number)
    page = Page(rows, number, paginator)
    return Outcome(counts=counts, page=page, hits=_hits(rows, backend, query, user))


# Past any real last page (20 results a page); keeps the OFFSET a small integer.
MAX_PAGE = 10**9
PAGE_ORDER = "rank DESC, day DESC NULLS LAST, hit_kind, pk"


def _page_and_counts(matches: QuerySet, kind: str, number: int) -> tuple[dict, list[dict]]:
    """One page of the ranked matches, and how many there are of each kind, in one pass.

    A common word matches tens of thousands of rows: counting each kind apart would read
    them all again for every count. The matches are a common table expression read twice
    in one statement, once for the page (a top-N sort) and once for the counts.
    """
    sql, params = matches.query.get_compiler(using=matches.db).as_sql()
    only_kind = "WHERE hit_kind = %s" if kind else ""
    statement = (
        f"WITH matches AS ({sql}) "
        "SELECT hit_kind, pk, rank, day, NULL AS n FROM ("
        f"SELECT hit_kind, pk, rank, day FROM matches {only_kind} "
        f"ORDER BY {PAGE_ORDER} LIMIT %s OFFSET %s"
        ") AS page "
        "UNION ALL "
        "SELECT hit_kind, NULL, NULL, NULL, COUNT(*) FROM matches GROUP BY hit_kind"
    )
    params = [*params, *([kind] if kind else []), PAGE_SIZE, (number - 1) * PAGE_SIZE]
    with connections[matches.db].cursor() as cursor:
        cursor.execute(statement, params)
        fetched = cursor.fetchall()
    counts = dict.fromkeys(KINDS, 0)
    rows = []
    for hit_kind, pk, rank, day, n in fetched:
        if n is None:
            rows.append({"hit_kind": hit_kind, "pk": pk, "rank": rank, "day": day})
        else:
            counts[hit_kind] = n
    # The page's own order (a union's rows come in no promised order): stable sorts,
    # last key first, as PAGE_ORDER reads.
    rows.sort(key=lambda r: (r["hit_kind"], r["pk"]))
    rows.sort(key=lambda r: (r["day"] is not None, r["day"]), reverse=True)
    rows.sort(key=lambda r: r["rank"], reverse=True)
    return counts, rows


def _hits(rows: list[dict], backend, query: Query, user) -> list[Hit]:
    ids = {kind: [r["pk"] for r in rows if r["hit_kind"] == kind] for kind in KINDS}
    found: dict[tuple[str, int], Hit] = {}
    if ids["provision"]:
        provisions = backend.decorate(
            Provision.objects.filter(pk__in=ids["provision"]).select_related("draft__process"),
            "provision",
            query,
        )
        provisions = list(provisions)
        links = comparison_links(provisions, user)
        for p in provisions:
            found["provision", p.pk] = Hit(
                "provision",
                p,
                backend.present(p, "provision", query),
                links=[(provision_url(p), f"{p.draft.label}, provision {p.label}")]
                + links.get(p.pk, []),
                origin=f"From {_place(p)}",
            )
    if ids["citation"]:
        citations = backend.decorate(
            Citation.objects.filter(pk__in=ids["citation"]).select_related(
                "source", "provision__draft__process", "draft__process"
            ),
            "citation",
            query,
        )
        for c in citations:
            origin = (
                f"Cites {_place(c.provision)}"
                if c.provision_id
                else f"Cites {c.draft.process.name} · {c.draft.label}, the draft as a whole"
            )
            found["citation", c.pk] = Hit(
                "citation",
                c,
                backend.present(c, "citation", query),
                links=[_cited_place(c)],
                origin=origin,
            )
    if ids["source"]:
        citing = visible_citations(user).select_related("provision__draft", "draft").order_by("pk")
        places = dict(
            citing.filter(source__in=ids["source"])
            .order_by()
            .values_list("source")
            .annotate(n=Count("provision", distinct=True) + Count("draft", distinct=True))
        )
        sources = backend.decorate(
            Source.objects.filter(pk__in=ids["source"]).prefetch_related(
                # A much-cited source has hundreds of citations: read the first few only.
                Prefetch("citations", queryset=citing[:CITATIONS_READ], to_attr="visible_citations")
            ),
            "source",
            query,
        )
        for s in sources:
            shown = list(dict.fromkeys(_cited_place(c) for c in s.visible_citations))
            shown = shown[:CITED_IN_SHOWN]
            found["source", s.pk] = Hit(
                "source",
                s,
                backend.present(s, "source", query),
                cited_in=shown,
                cited_in_more=max(0, places.get(s.pk, 0) - len(shown)),
            )
    return [found[key] for key in ((r["hit_kind"], r["pk"]) for r in rows) if key in found]


# --- Links -----------------------------------------------------------------------------


def provision_url(provision: Provision) -> str:
    return f"{provision.draft.get_absolute_url()}#provision-{provision.key}"


def _place(provision: Provision) -> str:
    """ "Process · Draft, point 6": where a provision stands."""
    label = provision.label.strip()
    point = f"point {label}" if label and label not in {"—", "-"} else "an unnumbered point"
    return f"{provision.draft.process.name} · {provision.draft.label}, {point}"


def _cited_place(citation: Citation) -> tuple[str, str]:
    if citation.provision_id:
        p = citation.provision
        return provision_url(p), f"{p.draft.label}, provision {p.label}"
    return citation.draft.get_absolute_url(), f"{citation.draft.label} (the draft as a whole)"


def _compare_url(drafts: list, anchor: str) -> str:
    spec = canonical_spec(sorted(drafts, key=sort_key))
    return f"{reverse('compare:compare', args=[spec])}#{anchor}"


def comparison_links(provisions: list[Provision], user) -> dict[int, list[tuple[str, str]]]:
    """Each provision's comparison rows, as (url, text), in three queries for the page.

    A provision's matter is compared across every visible draft that has a provision in
    that matter: the row then tells the whole story of the point (where it came from,
    what answered it, what became of it), which is what a reader arriving from search
    wants, and it works for the first draft of a lineage too. The draft page already links
    the plain draft-against-parent comparison. When the matter is in this draft only, or
    the provision is in no matter, the row falls back to a comparison with the draft's
    parent, which shows the provision as new. With more than six drafts in a row, the
    six around this draft (mostly its predecessors) are compared.
    """
    if not provisions:
        return {}
    visible = visible_drafts(user)
    visible_entries = MatterEntry.objects.visible_to(user)
    entries = list(
        visible_entries.filter(provision__in=provisions)
        .select_related("matter")
        .order_by("matter__position", "matter__code", "pk")
    )
    row_drafts: dict[int, dict[int, SimpleNamespace]] = {}
    for matter_id, pk, slug, presented_on, reported_on in (
        visible_entries.filter(matter__in={e.matter_id for e in entries})
        .values_list(
            "matter_id",
            "provision__draft_id",
            "provision__draft__slug",
            "provision__draft__presented_on",
            "provision__draft__reported_on",
        )
        .distinct()
    ):
        row_drafts.setdefault(matter_id, {})[pk] = SimpleNamespace(
            pk=pk, slug=slug, presented_on=presented_on, reported_on=reported_on
        )
    parents: dict[int, Draft] = {}
    for link in (
        DraftLink.objects.filter(draft__in={p.draft_id for p in provisions}, parent__in=visible)
        .select_related("parent")
        .order_by("draft", "kind", "parent__presented_on", "pk")
    ):
        parents.setdefault(link.draft_id, link.parent)

    links: dict[int, list[tuple[str, str]]] = {}
    by_provision: dict[int, list[MatterEntry]] = {}
    for entry in entries:
        by_provision.setdefault(entry.provision_id, []).append(entry)
    for p in provisions:
        parent = parents.get(p.draft_id)
        for entry in by_provision.get(p.pk, []):
            drafts = dict(row_drafts.get(entry.matter_id, {}))
            drafts.setdefault(p.draft_id, p.draft)
            if len(drafts) < 2 and parent is not None:
                drafts[parent.pk] = parent
            if len(drafts) < 2:
                continue
            ordered = _around(sorted(drafts.values(), key=sort_key), p.draft_id)
            text = f"Compare row {entry.matter.code}: {entry.matter.title}"
            links.setdefault(p.pk, []).append(
                (_compare_url(ordered, f"matter-{entry.matter_id}"), text)
            )
        if p.pk not in by_provision and parent is not None:
            links.setdefault(p.pk, []).append(
                (
                    _compare_url([parent, p.draft], f"provision-{p.key}"),
                    f"Compare with {parent.label}",
                )
            )
    return links


def _around(drafts: list, draft_id: int) -> list:
    if len(drafts) <= MAX_DRAFTS:
        return drafts
    index = next(i for i, d in enumerate(drafts) if d.pk == draft_id)
    start = max(0, min(index - MAX_DRAFTS + 2, len(drafts) - MAX_DRAFTS))
    return drafts[start : start + MAX_DRAFTS]


# --- Filter options --------------------------------------------------------------------


def filter_options(user, process=None) -> dict:
    """The filter selects' options; all lazy, so an htmx swap of the results reads none.
    With a process chosen, its drafts, topics and parties only."""
    visible = visible_drafts(user)
    scoped = visible.filter(process=process) if process is not None else visible
    return {
        "processes": PeaceProcess.objects.filter(drafts__in=visible).distinct(),
        "drafts": scoped.with_disputes()
        .select_related("process")
        .order_by("process__position", "process__name", "presented_on", "reported_on", "title"),
        "topics": partial(Topic.objects.in_tree_order, process),  # the template calls it
        "parties": Party.objects.filter(drafts__in=scoped).distinct(),
        "reliabilities": Source.Reliability.choices,
        "states": Provision.State.choices,
    }
