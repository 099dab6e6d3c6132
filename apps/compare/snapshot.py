"""A comparison as plain data: what a frozen permalink stores and later shows again.

The dictionaries mirror the attribute names the comparison templates read
(`row.matter.code`, `item.provision.label`, `item.entry.get_relation_display`…), so the
live page and the frozen page render through the same template.
"""

from __future__ import annotations

import hashlib
import json
from urllib.parse import parse_qs

from apps.core.html import CleanHTML
from apps.drafts.queries import citations_disputing_first

from .comparison import (
    REASON_WORDS,
    STATUS_MEANING,
    STATUS_WORDS,
    Comparison,
    cell_status,
    change_kinds,
    relation_against_base,
)
from .diff import is_rewrite, word_diff

VERSION = 1


def _draft(d) -> dict:
    return {
        "slug": d.slug,
        "label": d.label,
        "title": d.title,
        "status": d.status,
        "get_status_display": d.get_status_display(),
        "kind": d.kind,
        "get_kind_display": d.get_kind_display(),
        "text_basis": d.text_basis,
        "get_text_basis_display": d.get_text_basis_display(),
        "published": True,
        "presented_display": d.presented_display,
        "reported_display": d.reported_display,
        "get_absolute_url": d.get_absolute_url(),
        "is_disputed": d.is_disputed,
    }


def _citation(c) -> dict:
    s = c.source
    return {
        "pk": c.pk,
        "stance": c.stance,
        "get_stance_display": c.get_stance_display(),
        "is_disputing": c.is_disputing,
        "locator": c.locator,
        "source_number": c.source_number,
        "excerpt": c.excerpt,
        "translated": c.translated,
        "note": c.note,
        "source": {
            "key": s.key,
            "outlet": s.outlet,
            "headline": s.headline,
            "url": s.url,
            "reliability": s.reliability,
            "get_reliability_display": s.get_reliability_display(),
            "published_iso": s.published_iso,
            "published_display": s.published_display,
            "language": s.language,
            "language_name": s.language_name,
            "relay_of": s.relay_of,
        },
    }


def to_payload(cmp: Comparison, *, query: str) -> dict:
    """Everything the page shows, citations included, as JSON-ready data."""
    provision_ids = [i.provision.pk for r in cmp.rows for c in r.cells for i in c.items]
    cited: dict[int, list[dict]] = {}
    # A frozen view holds published material only, whoever asked for it.
    for c in citations_disputing_first(None).filter(provision_id__in=provision_ids):
        cited.setdefault(c.provision_id, []).append(_citation(c))
    drafts = [_draft(d) for d in cmp.drafts]
    rows = []
    for row in cmp.rows:
        matter = row.matter
        rows.append(
            {
                "anchor": row.anchor,
                "changed": row.changed,
                "conflict": row.conflict,
                "positions": [_stance(p) for p in row.positions],
                "matter": matter
                and {
                    "pk": matter.pk,
                    "code": matter.code,
                    "title": matter.title,
                    "note": matter.note,
                    "topic": str(matter.topic) if matter.topic_id else "",
                },
                "cells": [
                    {
                        "draft": drafts[index],
                        "items": [_item(item, cited) for item in cell.items],
                    }
                    for index, cell in enumerate(row.cells)
                ],
            }
        )
    payload = {
        "version": VERSION,
        "spec": cmp.spec,
        "query": query,
        "title": cmp.title,
        "description": cmp.description,
        "filter_description": cmp.filter_description,
        "process": {"name": cmp.process.name},
        "total_rows": cmp.total_rows,
        "base": cmp.base,
        "as_of": cmp.as_of.isoformat() if cmp.as_of else None,
        "drafts": drafts,
        "rows": rows,
    }
    if cmp.base not in ("previous", "first"):
        # Which column each one is marked against (the lineage base, or a chosen draft).
        # Links made with the previous or the first column as base stay as they were.
        payload["bases"] = [b.index for b in cmp.bases]
        payload["lineage"] = [b.lineage for b in cmp.bases]
        payload["reasons"] = [b.reason for b in cmp.bases]
    if any(b.parent_label for b in cmp.bases):
        # Which draft each one revises or answers, named where its relations are shown.
        payload["parent_labels"] = [b.parent_label for b in cmp.bases]
    if any(b.parent is not None for b in cmp.bases):
        # Its column, when in view: editors' relations read against it, whatever the base.
        payload["parents"] = [b.parent for b in cmp.bases]
    return payload


def _stance(stance) -> dict:
    p = stance.latest
    return {
        "party": {"name": stance.party.name, "slug": stance.party.slug},
        "latest": {
            "pk": p.pk,
            "matter_id": p.matter_id,
            "stance": p.stance,
            "get_stance_display": p.get_stance_display(),
            "stated_display": p.stated_display,
            "who": p.who,
            "paraphrase": p.paraphrase,
            "quotation": p.quotation,
        },
        "earlier_count": stance.earlier_count,
        "conflict": stance.conflict,
        # Only when marked: links frozen before old marks existed keep their digest.
        **({"old": True} if getattr(stance, "old", False) else {}),
    }


def _item(item, cited) -> dict:
    p, e = item.provision, item.entry
    data = {
        "provision": {
            "key": p.key,
            "label": p.label,
            "heading": p.heading,
            "state": p.state,
            "get_state_display": p.get_state_display(),
            "body": p.body,
            "citation_count": p.citation_count,
            "disputing_count": p.disputing_count,
        },
        "entry": e
        and {
            "relation": e.relation,
            "get_relation_display": e.get_relation_display(),
            "label": e.label,
            "get_label_display": e.get_label_display(),
            "rationale": e.rationale,
        },
        "disputed": item.disputed,
        "text": item.text,
        "base_text": item.base_text,
        "base_draft": item.base_draft and {"label": item.base_draft.label},
        "citations": cited.get(p.pk, []),
    }
    if item.terms:
        # Only when there are some: rows frozen before key terms existed still match.
        data["terms"] = [t.as_dict() for t in item.terms]
    return data


def without_withdrawn(payload: dict, user) -> tuple[dict, int]:
    """The payload less what has been unpublished since the link was made (a matter, a
    provision or a citation that still exists but `user` may no longer see), and how many
    such pieces were left out. Deleted material stays, as the link promised.

    A row whose matter was withdrawn goes whole; a withdrawn provision leaves its cell; a
    citation stored without its id (links made before ids were kept) is left out too.

    A withdrawn provision also leaves what the next cells hold of it: their word marks are
    drawn against the whole base cell (`base_text`) and their key terms against its terms,
    so a cell whose base cell (the previous column, or the first with base=first) had any
    withdrawn item loses its marks and shows its terms as plain values. The base cell is
    found from the row itself, so links made before this rule read the same way.
    """
    from apps.alignment.models import Matter
    from apps.drafts.models import Provision, can_preview
    from apps.sources.models import Citation

    items = [i for r in payload["rows"] for c in r["cells"] for i in c["items"]]
    if can_preview(user):
        return payload, 0
    keys = {i["provision"]["key"] for i in items}
    matter_ids = {r["matter"]["pk"] for r in payload["rows"] if r["matter"]}
    citation_ids = {c["pk"] for i in items for c in i.get("citations", []) if "pk" in c}
    hidden_keys = set(
        Provision.objects.filter(key__in=keys)
        .exclude(pk__in=Provision.objects.published().values("pk"))
        .values_list("key", flat=True)
    )
    hidden_matters = set(
        Matter.objects.filter(pk__in=matter_ids, published=False).values_list("pk", flat=True)
    )
    hidden_citations = set(
        Citation.objects.filter(pk__in=citation_ids)
        .exclude(pk__in=Citation.objects.published().values("pk"))
        .values_list("pk", flat=True)
    )
    live_keys = keys - hidden_keys
    live_matters = matter_ids - hidden_matters
    live_citations = citation_ids - hidden_citations
    withdrawn = 0
    rows = []
    for row in payload["rows"]:
        if row["matter"] and row["matter"]["pk"] not in live_matters:
            withdrawn += 1
            continue
        cells = row["cells"]
        bases = base_columns(payload, len(cells))
        base_gone = [
            bases[index] is not None
            and any(i["provision"]["key"] in hidden_keys for i in cells[bases[index]]["items"])
            for index in range(len(cells))
        ]
        for cell, gone in zip(cells, base_gone, strict=True):
            if gone:
                for item in cell["items"]:
                    _forget_base(item)
            kept = []
            for item in cell["items"]:
                if item["provision"]["key"] not in live_keys:
                    withdrawn += 1
                    continue
                citations = [c for c in item.get("citations", []) if c.get("pk") in live_citations]
                if len(citations) != len(item.get("citations", [])):
                    withdrawn += len(item["citations"]) - len(citations)
                    disputing = sum(1 for c in citations if c["is_disputing"])
                    item["provision"]["citation_count"] = len(citations)
                    item["provision"]["disputing_count"] = disputing
                    item["disputed"] = disputing > 0
                item["citations"] = citations
                kept.append(item)
            cell["items"] = kept
        if any(cell["items"] for cell in row["cells"]):
            rows.append(row)
    payload["rows"] = rows
    return payload, withdrawn


def base_columns(payload: dict, count: int) -> list[int | None]:
    """The base column of each of `count` columns of a frozen view."""
    if "bases" in payload:
        return payload["bases"]
    if payload.get("base") == "first":
        return [None] + [0] * (count - 1)
    return [None] + list(range(count - 1))


def base_reasons(payload: dict, bases: list[int | None]) -> list[str]:
    """Why each column of a frozen view is marked against its base ("answers", "previous"…).
    Links made before the reasons were kept give none for a lineage or chosen base."""
    if "reasons" in payload:
        return payload["reasons"]
    if "bases" in payload:
        return [""] * len(bases)
    mode = "first" if payload.get("base") == "first" else "previous"
    return ["" if base is None else mode for base in bases]


def _forget_base(item: dict) -> None:
    """No word marks nor term comparisons against a base that was withdrawn: the item as
    the live page now stores it (no key of its own added), so the row reads the same."""
    item["base_text"], item["base_draft"] = None, None
    for term in item.get("terms", []):
        term.update(changed=False, base="", against="", difference="")


def digest(payload: dict) -> str:
    canonical = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def row_digests(payload: dict) -> dict[str, str]:
    """One digest per row, of what it holds (not of `changed`, which is worked out from
    the rest, by rules that may be refined)."""
    return {
        row["anchor"]: digest({k: v for k, v in row.items() if k != "changed"})
        for row in payload["rows"]
    }


def with_diffs(payload: dict) -> dict:
    """Recompute each cell's word marks from the stored texts (cached by content), and what
    the page says of each cell (its status, its relation to its base), as the live page
    works them out.

    Bodies were copied from the provisions' sanitised column into a payload that only
    `to_payload` writes: they render as the clean HTML they are, not sanitised again."""
    count = len(payload["drafts"])
    bases = base_columns(payload, count)
    parents = payload.get("parents")
    if parents is not None:
        lineage = [b is not None and b == p for b, p in zip(bases, parents, strict=True)]
    else:
        lineage = payload.get("lineage") or [False] * count
    # Shown as it was shared: clean text when the link was made from the clean view.
    payload["view"] = parse_qs(payload.get("query", "")).get("view", ["marked"])[0]
    reasons = base_reasons(payload, bases)
    parent_labels = payload.get("parent_labels") or [""] * count
    for row in payload["rows"]:
        cells = row["cells"]
        for index, cell in enumerate(cells):
            cell["base"] = {"parent_label": parent_labels[index]}
            cell["base_reason"] = REASON_WORDS.get(reasons[index], "")
            cell["status"] = cell_status(
                cell["draft"]["text_basis"],
                [
                    (i["provision"]["state"], (i["entry"] or {}).get("relation"))
                    for i in cell["items"]
                ],
            )
            cell["status_word"] = STATUS_WORDS[cell["status"]]
            cell["status_meaning"] = STATUS_MEANING.get(cell["status"], "")
        for index, cell in enumerate(cells):
            base = cells[bases[index]] if bases[index] is not None else None
            # What the base says there, shown when there is nothing to mark against.
            cell["base_status"] = base and base["status"]
            cell["base_draft"] = base and base["draft"]
            base_text = _cell_text(base) if base else ""
            relations = []
            for item in cell["items"]:
                item["provision"]["body"] = CleanHTML(item["provision"].get("body") or "")
                stored = item.get("base_text")
                item["diff"] = word_diff(stored, item["text"]) if stored is not None else None
                item["rewrite"] = item["diff"] is not None and is_rewrite(
                    item["diff"], item["text"]
                )
                entry = item["entry"] or {}
                removed = (
                    item["provision"]["state"] == "deleted" or entry.get("relation") == "removed"
                )
                relation = relation_against_base(
                    removed=removed,
                    base_status=base["status"] if base else None,
                    lineage_base=lineage[index],
                    curated=entry.get("relation"),
                    text=item["text"],
                    base_text=base_text,
                )
                relations.append(relation)
                if parents is not None:
                    parent = cells[parents[index]] if parents[index] is not None else None
                    parent_text = _cell_text(parent) if parent and parent["items"] else None
                    differs = parent_text is not None and item["text"] != parent_text
                else:  # links made before the parents were kept
                    differs = lineage[index] and stored is not None and item["text"] != base_text
                item["relation_display"] = (
                    "Same substance, wording differs"
                    if entry.get("relation") == "same" and differs
                    else entry.get("get_relation_display", "")
                )
            cell["kinds"] = change_kinds(
                status=cell["status"],
                relations=relations,
                labels=[(i["entry"] or {}).get("label", "") for i in cell["items"]],
                states=[i["provision"]["state"] for i in cell["items"]],
            )
        row["changed"] = any(c["kinds"] for c in cells)
    payload["labels_used"] = any(
        (i["entry"] or {}).get("label")
        for r in payload["rows"]
        for c in r["cells"]
        for i in c["items"]
    )
    return payload


def _cell_text(cell: dict) -> str:
    return " ".join(i["text"] for i in cell["items"] if i["provision"]["state"] != "deleted")


def differences(frozen: dict, live: dict) -> list[dict]:
    """Rows of the frozen view that read differently now: changed, removed or added."""
    old, new = row_digests(frozen), row_digests(live)
    titles = {r["anchor"]: r for r in frozen["rows"]} | {r["anchor"]: r for r in live["rows"]}
    found = []
    for anchor in [*old, *(a for a in new if a not in old)]:
        if anchor not in new:
            kind = "no longer in the live view"
        elif anchor not in old:
            kind = "added since"
        elif old[anchor] != new[anchor]:
            kind = "changed"
        else:
            continue
        row = titles[anchor]
        name = (
            f"{row['matter']['code']} {row['matter']['title']}"
            if row["matter"]
            else "an unaligned provision"
        )
        found.append({"anchor": anchor, "name": name, "kind": kind})
    return found
