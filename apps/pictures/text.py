"""Text helpers for SVG labels, which do not wrap by themselves."""

from __future__ import annotations

import re

# Break at spaces, and after a dash, hyphen or slash inside a word ("Ukrainian–European").
_PIECES = re.compile(r"[^\s\-–/]*[\-–/]|[^\s\-–/]+|\s+")


def wrap(text: str, width: int, lines: int) -> list[str]:
    """`text` in at most `lines` lines of about `width` characters; the last one ends with
    an ellipsis if the text is cut."""
    out: list[str] = []
    line = ""
    for piece in _PIECES.findall(text.strip()):
        if piece.isspace():
            if line:
                line += " "
            continue
        if line and len(line.rstrip()) + len(piece) > width:
            out.append(line.rstrip())
            line = ""
        while len(piece) > width:  # a single word longer than a line
            out.append(piece[: width - 1] + "-")
            piece = piece[width - 1 :]
        line += piece
    if line.strip():
        out.append(line.rstrip())
    out = out or [""]
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return out
