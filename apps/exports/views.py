"""CSV and JSON exports of a draft, a comparison, the sources and a whole process.

Only what the reader may see is exported: published material for the public, everything for
editors and publishers (the gate in `queries.py`). Every object is named by its stable id.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_safe

from apps.compare import comparison
from apps.compare.comparison import SLUG, CompareError
from apps.compare.forms import CompareFilterForm
from apps.core.htmx import render_error

from . import queries
from . import serializers as s
from .process_io import dump_process
from .responses import csv_download, json_download, json_stream

FORMATS = ("csv", "json")


def _unknown_format(request: HttpRequest, fmt: str, formats=FORMATS) -> HttpResponse:
    shown = _printable(fmt, 20)
    offered = " or ".join(f".{f}" for f in formats)
    return render_error(
        request,
        f"There is no “.{shown}” export: exports come as {offered}.",
        status=404,
    )


def _not_found(request: HttpRequest, message: str) -> HttpResponse:
    return render_error(request, message, status=404)


def _printable(text: str, limit: int = 60) -> str:
    return "".join(c if c.isprintable() else "?" for c in text[:limit])


# --- A draft -----------------------------------------------------------------------------

DRAFT_COLUMNS = [
    "key",
    "draft",
    "draft_kind",
    "label",
    "position",
    "heading",
    "text",
    "state",
    "topics",
    "matters",
    "citations",
    "url",
    "source_urls",
]


def _source_urls(citations) -> str:
    """The addresses of the sources behind a provision, each once, separated by spaces
    (a URL may itself hold `;`)."""
    urls = dict.fromkeys(c.source.url for c in citations if c.source.url)
    return " ".join(urls)


def _matters_cell(entries) -> str:
    """The provision's matters as `code:relation:label`, separated by `;`."""
    return ";".join(f"{e['matter']}:{e['relation']}:{e['label']}" for e in entries)


@require_safe
def draft_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        return _unknown_format(request, fmt)
    visible = queries.drafts(request.user)
    draft = (
        visible.filter(slug=slug)
        .select_related("process")
        .prefetch_related(
            "authors", Prefetch("parent_links", queryset=queries.parent_links(request.user))
        )
        .first()
        if SLUG.fullmatch(slug)
        else None
    )
    if draft is None:
        return _not_found(request, f"No published draft has the id “{_printable(slug)}”.")
    citations = queries.citations(request.user).select_related(
        "source", "provision__draft", "draft"
    )
    provisions = list(
        queries.serializable_provisions(request.user)
        .filter(draft=draft)
        .prefetch_related(Prefetch("citations", queryset=citations.order_by("pk")))
        .order_by("position", "pk")
    )
    rows = []
    for p in provisions:
        data = s.provision(p, draft.slug)
        data["citation_count"] = p.citation_count
        data["citations"] = [s.citation(c, with_target=False) for c in p.citations.all()]
        data["source_urls"] = _source_urls(p.citations.all())
        data["url"] = request.build_absolute_uri(reverse("drafts:provision", args=[p.key]))
        rows.append(data)

    if fmt == "csv":
        return csv_download(
            f"draft-{draft.slug}.csv",
            DRAFT_COLUMNS,
            (
                [
                    r["key"],
                    r["draft"],
                    draft.kind,
                    r["label"],
                    r["position"],
                    r["heading"],
                    r["text"],
                    r["state"],
                    ";".join(r["topics"]),
                    _matters_cell(r["matters"]),
                    r["citation_count"],
                    r["url"],
                    r["source_urls"],
                ]
                for r in rows
            ),
        )
    meta = s.draft(draft, draft.parent_links.all())
    meta["process"] = {"slug": draft.process.slug, "name": draft.process.name}
    meta["url"] = request.build_absolute_uri(draft.get_absolute_url())
    return json_download(
        f"draft-{draft.slug}.json",
        {
            "draft": meta,
            "citations": [
                s.citation(c, with_target=False)
                for c in citations.filter(draft=draft).order_by("pk")
            ],
            "provisions": rows,
        },
    )


# --- A comparison ------------------------------------------------------------------------

# The CSV repeats each draft's kind on every row, so a row read alone still says it.
PER_DRAFT = ("kind", "cell", "keys", "text", "state", "relation", "label", "source_urls")


@require_safe
def compare_export(request: HttpRequest, spec: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        return _unknown_format(request, fmt)
    try:
        slugs = comparison.parse_slugs(spec)
        drafts = comparison.load_drafts(slugs, queries.drafts(request.user))
    except CompareError as exc:
        return render_error(request, exc.message, status=exc.status)
    canonical = comparison.canonical_spec(drafts)
    if canonical != spec:
        url = reverse("exports:compare", args=[canonical, fmt])
        query = request.GET.urlencode()
        return HttpResponseRedirect(f"{url}?{query}" if query else url)
    form = CompareFilterForm(request.GET, drafts=drafts)
    if not form.is_valid():
        return render_error(request, form.error_text(), status=400)
    data = form.cleaned_data
    result = comparison.build(
        drafts,
        topic=data["topic"],
        party=data["party"],
        changed_only=data["changed"],
        base=data["base"],
        conflicts_only=data["conflict"],
        change=data["change"],
        change_in=data["in"],
        page=None,
        user=request.user,
    )
    rows = [_comparison_row(row) for row in result.rows]
    filename = "compare-" + "-vs-".join(d.slug for d in drafts)

    if fmt == "csv":
        header = ["matter", "matter_title", "topic"]
        for d in drafts:
            header += [f"{d.slug}:{column}" for column in PER_DRAFT]
        header.append("url")
        cited = _cited_sources(request.user, result.rows)
        table = []
        for row, shown in zip(rows, result.rows, strict=True):
            matter = row["matter"] or {}
            line = [matter.get("code", ""), matter.get("title", ""), matter.get("topic") or ""]
            for d in drafts:
                items = row["cells"][d.slug]
                # Several provisions in one cell (a split or merged point): `;` between
                # their keys, states, relations and labels, a blank line between texts.
                line += [
                    d.kind,
                    row["cell_states"][d.slug],
                    ";".join(i["key"] for i in items),
                    "\n\n".join(i["text"] for i in items),
                    ";".join(i["state"] for i in items),
                    ";".join(i["relation"] for i in items),
                    ";".join(i["label"] for i in items),
                    " ".join(dict.fromkeys(u for i in items for u in cited.get(i["key"], []))),
                ]
            line.append(request.build_absolute_uri(_row_page(shown)))
            table.append(line)
        return csv_download(f"{filename}.csv", header, table)

    return json_download(
        f"{filename}.json",
        {
            "spec": result.spec,
            "process": result.process.slug,
            "drafts": [
                {
                    "slug": d.slug,
                    "label": d.label,
                    "title": d.title,
                    "kind": d.kind,
                    "presented_on": s.iso(d.presented_on, d.presented_precision),
                    "reported_on": s.iso(d.reported_on, d.reported_precision),
                }
                for d in drafts
            ],
            "filters": {
                "topic": data["topic"].code if data["topic"] else None,
                "party": data["party"].slug if data["party"] else None,
                "changed": data["changed"],
                "base": data["base"],
                "conflict": data["conflict"],
                "change": data["change"] or None,
                "in": data["in"].slug if data["in"] else None,
            },
            "total_rows": result.total_rows,
            "rows": rows,
        },
    )


def _row_page(row) -> str:
    """A comparison row's own page: its matter's, or the unaligned provision's."""
    if row.matter:
        return reverse("positions:matter", args=[row.matter.pk])
    return reverse("drafts:provision", args=[row.cells_with_items[0].items[0].provision.key])


def _cited_sources(user, rows) -> dict[str, list[str]]:
    """Provision key -> the URLs of its visible citations' sources (one query)."""
    keys = {i.provision.key for row in rows for cell in row.cells for i in cell.items}
    found: dict[str, list[str]] = {}
    for key, url in (
        queries.citations(user)
        .filter(provision__key__in=keys)
        .exclude(source__url="")
        .order_by("pk")
        .values_list("provision__key", "source__url")
    ):
        found.setdefault(key, []).append(url)
    return found


def _comparison_row(row) -> dict:
    m = row.matter
    return {
        "matter": {
            "id": m.pk,
            "code": m.code,
            "title": m.title,
            "topic": m.topic.code if m.topic_id else None,
        }
        if m
        else None,
        # present / not-reported (text unknown) / absent (a full text has none) / removed
        "cell_states": {cell.draft.slug: cell.status for cell in row.cells},
        "cells": {
            cell.draft.slug: [
                {
                    "key": item.provision.key,
                    "text": item.text,
                    "state": item.provision.state,
                    "relation": item.entry.relation if item.entry else "",
                    "label": item.entry.label if item.entry else "",
                    "rationale": item.entry.rationale if item.entry else "",
                }
                for item in cell.items
            ]
            for cell in row.cells
        },
    }


# --- Sources with their citations --------------------------------------------------------

SOURCE_COLUMNS = [
    "source",
    "outlet",
    "headline",
    "author",
    "published_on",
    "published_precision",
    "reliability",
    "kind",
    "url",
    "stance",
    "target_type",
    "target_id",
    "target_draft",
    "excerpt",
    "locator",
    "note",
]


@require_safe
def sources_export(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        return _unknown_format(request, fmt)
    citations = queries.citations_with_targets(request.user)
    found = queries.sources(request.user)
    name = "sources"
    # ?process=<slug>: the sources cited on one process, with those citations only.
    if slug := request.GET.get("process", "").strip():
        process = (
            queries.processes(request.user).filter(slug=slug).first()
            if SLUG.fullmatch(slug)
            else None
        )
        if process is None:
            return render_error(
                request, f"There is no peace process “{_printable(slug, 80)}”.", status=400
            )
        citations = citations.of_process(process)
        found = found.filter(pk__in=citations.values("source_id"))
        name = f"sources-{process.slug}"
    sources = [
        {
            **s.source(x, with_note=False),
            "citations": [s.citation(c, with_source=False) for c in x.visible_citations],
        }
        for x in found.prefetch_related(
            Prefetch("citations", queryset=citations, to_attr="visible_citations")
        ).order_by("key")
    ]
    if fmt == "json":
        return json_download(f"{name}.json", {"sources": sources})
    table = []
    for x in sources:
        about = [
            x["key"],
            x["outlet"],
            x["headline"],
            x["author"],
            x["published_on"],
            x["published_precision"],
            x["reliability"],
            x["kind"],
            x["url"],
        ]
        if not x["citations"]:
            table.append(about + [""] * 7)
        for c in x["citations"]:
            target = c["target"]
            table.append(
                about
                + [
                    c["stance"],
                    target["type"],
                    target["id"],
                    target["draft"],
                    c["excerpt"],
                    c["locator"],
                    c["note"],
                ]
            )
    return csv_download(f"{name}.csv", SOURCE_COLUMNS, table)


# --- A whole process ---------------------------------------------------------------------


@require_safe
def process_export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt != "json":
        return _unknown_format(request, fmt, formats=("json",))
    process = (
        queries.processes(request.user).filter(slug=slug).first() if SLUG.fullmatch(slug) else None
    )
    if process is None:
        return _not_found(
            request, f"No peace process with published drafts has the id “{_printable(slug)}”."
        )
    return json_stream(f"process-{process.slug}.json", dump_process(process, request.user))
