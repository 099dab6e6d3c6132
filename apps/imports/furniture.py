"""Page furniture: what a document prints on every page rather than once.

Running headers and footers, classification banners, "Page 2 of 3", "- 3 -", dates in the
margin and watermark words are found by repetition across page breaks, not by a list of
phrases:

* page breaks are form feeds (a PDF's page boundaries arrive as form feeds, see
  apps/imports/files.py) or, in pasted text without any, lines that number the page
  ("Page 2", "Page 2 of 3", "- 2 -", "2/3", also at the end of a longer header line);
* a line is compared with the others in a form with its digits blanked ("Page # of #"),
  so a page number or a date that changes from page to page still repeats;
* a form is furniture when it stands within EDGE lines of a page break on at least two
  pages and on at least half of them; a short all-capital line ("CONFIDENTIAL") counts
  wherever it stands on the page (a watermark comes out of a PDF mid-text);
* a page number alone on a line is furniture even where it does not repeat.

Every pass is one walk over the lines, so the time stays linear in the text's length.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

EDGE = 3  # lines at the top and at the bottom of a page where headers and footers stand
MAX_WORDS = 20  # a longer line is text, whatever repeats
WATERMARK_WORDS = 3

_PAGE_MARK = re.compile(
    r"(?:^|\s)page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$"
    r"|^[-–—]\s*\d{1,4}\s*[-–—]$"
    r"|^\d{1,4}\s*/\s*\d{1,4}$",
    re.IGNORECASE,
)
_BARE_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?\d{1,3}(?:\s*(?:/|of)\s*\d{1,3})?$|^[-–—]\s*\d{1,3}\s*[-–—]$", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")


@dataclass
class Furniture:
    """One repeated line: its form (the key to put it back), as first printed, how often;
    `kept` when the editor put it back into the text."""

    key: str
    text: str
    count: int = 0
    kept: bool = False


def furniture_key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def strip_furniture(
    lines: list[str],
    page_starts: list[int],
    *,
    keep: frozenset[str] = frozenset(),
    is_point: Callable[[str], object] = lambda line: False,
) -> tuple[list[str], list[Furniture]]:
    """The lines without their page furniture, and the furniture found (in order of first
    appearance). `page_starts` are the indexes of lines that begin a new page (form feeds);
    when there are none, page-number lines mark the breaks. Forms in `keep` stay, and so
    do the lines `is_point` says start a point (a "12." alone at the top of two pages is
    a numbering problem to warn about, not a header)."""
    breaks = sorted(set(page_starts)) or [i for i, line in enumerate(lines) if _is_mark(line)]
    breaks = [b for b in breaks if 0 < b < len(lines)]
    furniture = _repeated_forms(lines, breaks, is_point) if breaks else set()
    found: dict[str, Furniture] = {}
    out: list[str] = []
    dropped_since_text = False
    for line in lines:
        key = furniture_key(line) if line else ""
        is_furniture = key in furniture or _BARE_PAGE_NUMBER.fullmatch(line)
        if line and is_furniture and not is_point(line):
            entry = found.setdefault(key, Furniture(key, line, kept=key in keep))
            entry.count += 1
            if not entry.kept:
                # The blank lines around a header are the page break's, not a paragraph's.
                while out and not out[-1]:
                    out.pop()
                dropped_since_text = True
                continue
        if not line and dropped_since_text:
            continue
        dropped_since_text = False
        out.append(line)
    return out, list(found.values())


def _is_mark(line: str) -> bool:
    return bool(line) and len(line.split()) <= MAX_WORDS and bool(_PAGE_MARK.search(line))


def _repeated_forms(lines: list[str], breaks: list[int], is_point) -> set[str]:
    pages_at_edge: dict[str, set[int]] = defaultdict(set)
    pages_anywhere: dict[str, set[int]] = defaultdict(set)
    starts = [0, *breaks]
    ends = [*breaks, len(lines)]
    for page, (start, end) in enumerate(zip(starts, ends, strict=True)):
        text = [i for i in range(start, end) if lines[i]]
        edges = set(text[:EDGE] + text[-EDGE:])
        for i in text:
            line = lines[i]
            if len(line.split()) > MAX_WORDS or is_point(line):
                continue
            key = furniture_key(line)
            if i in edges:
                pages_at_edge[key].add(page)
            if _watermark(line):
                pages_anywhere[key].add(page)
    pages = len(starts)
    needed = max(2, (pages + 1) // 2)
    return {key for key, seen in pages_at_edge.items() if len(seen) >= needed} | {
        key for key, seen in pages_anywhere.items() if len(seen) >= needed
    }


def _watermark(line: str) -> bool:
    return (
        len(line.split()) <= WATERMARK_WORDS
        and line.isupper()
        and not any(c.isdigit() for c in line)
    )
