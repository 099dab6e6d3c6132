"""Stated positions of the parties on the Gaza drafts (fact sheet section 4)."""

from __future__ import annotations

POSITIONS: list[dict] = []
