"""What each shared page's picture says: a comparison, a permanent link, the matrix."""

from __future__ import annotations

from .og import Card

ROW_LEGEND = [("changed", "changed"), ("same", "same in all"), ("conflict", "position conflicts")]
STANCE_LEGEND = [
    ("accepts", "accepts"),
    ("rejects", "rejects"),
    ("demands", "demands"),
    ("conditional", "conditional"),
    ("unclear", "unclear"),
    ("none", "no position"),
]


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _row_state(changed: bool, conflict: bool, aligned: bool) -> str:
    if conflict:
        return "conflict"
    if not aligned:
        return "unaligned"
    return "changed" if changed else "same"


def _figures(rows: int, total: int, changed: int, conflicts: int, drafts: int):
    return [
        (f"{rows}", f"of {total} rows shown" if rows != total else "rows"),
        (f"{changed}", "changed"),
        (f"{conflicts}", "with a position in conflict"),
        (f"{drafts}", "drafts side by side"),
    ]


def comparison_card(cmp) -> Card:
    """`cmp` is a live Comparison."""
    rows = cmp.rows
    return Card(
        kicker=f"Comparison · {cmp.process.name}",
        title=cmp.title,
        subtitle=_sentence(cmp.filter_description),
        figures=_figures(
            len(rows),
            cmp.total_rows,
            sum(1 for r in rows if r.changed),
            sum(1 for r in rows if r.conflict),
            len(cmp.drafts),
        ),
        strip=[_row_state(r.changed, r.conflict, r.matter is not None) for r in rows],
        legend=ROW_LEGEND,
    )


def frozen_card(payload: dict, created_on: str) -> Card:
    """`payload` is a permanent link's stored comparison (withdrawn material left out)."""
    rows = payload["rows"]
    filters = payload.get("filter_description", "")
    return Card(
        kicker=f"Permanent link · {payload['process']['name']} · as of {created_on}",
        title=payload["title"],
        subtitle=_sentence(filters),
        figures=_figures(
            len(rows),
            payload["total_rows"],
            sum(1 for r in rows if r["changed"]),
            sum(1 for r in rows if r["conflict"]),
            len(payload["drafts"]),
        ),
        strip=[_row_state(r["changed"], r["conflict"], bool(r["matter"])) for r in rows],
        legend=ROW_LEGEND,
    )


def matrix_card(m) -> Card:
    """`m` is a parties × matters Matrix."""
    names = [p.short_name or p.name for p in m.parties]
    shown = ", ".join(names[:6]) + (f" and {len(names) - 6} more" if len(names) > 6 else "")
    figures = [
        (f"{len(m.parties)}", "parties"),
        (f"{len(m.rows)}", "matters"),
        (f"{m.conflicts}", "conflict with the draft"),
        (f"{len(m.shifts)}", "shifted") if m.since else (f"{m.stated}", "stated positions"),
    ]
    return Card(
        kicker=f"Who wants what · {m.process.name}",
        title=shown or "No party recorded yet",
        subtitle=_sentence(m.filter_description),
        figures=figures,
        grid=[[c.stance for c in row.cells] for row in m.rows if row.cells],
        legend=STANCE_LEGEND,
    )
