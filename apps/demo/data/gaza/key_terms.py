"""Key terms of the Gaza provisions: none yet (the fact sheet's figures are in the texts)."""

from __future__ import annotations

KEY_TERMS: list[tuple] = []
