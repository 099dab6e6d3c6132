"""Disputed and divergent facts of the Gaza fact sheet (section 5, X01–X21, and the ⚠ flags
of sections 0–4). Same shape and rules as the Russia–Ukraine `disputes.py`: a disputed fact is
never written into a provision's text; each report of it is a citation that supports the
version shown, disputes it or reports it differently, and carries the fact's note.

Rows: (fact, target, source, stance, excerpt). The target is a draft slug or a provision key.
"""

from __future__ import annotations

from apps.demo.data.disputes import DIFFERS, DISPUTES, SUPPORTS

__all__ = ["CITATIONS", "DIFFERS", "DISPUTES", "FACTS", "LOCATORS", "SUPPORTS"]

FACTS = {
    "x11": "Disputed: how many deceased hostages (X11)",
}

# Where a citation needs a locator other than the one the loader gives: (target, source) → locator.
LOCATORS: dict[tuple[str, str], str] = {}

CITATIONS = [
    (
        "x11",
        "gazap1-c",
        "g89",
        DIFFERS,
        "NewsBytes: “at least 26” deceased hostages, not 28.",
    ),
]
