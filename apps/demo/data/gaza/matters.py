"""Cross-draft alignment of the Gaza drafts (fact sheet section 2)."""

from __future__ import annotations

MATTERS: list[dict] = []
LABELS: dict[tuple[str, str], tuple[str, str]] = {}
