"""Turn a pasted leaked text into proposed provisions, with warnings for the editor.

What is recognised, line by line:

* points: "1." "2)" "1 ." "1 )" "(1)" "12a." "Point 7:" "Article 3 –" "§ 4", roman "II.";
  the number is the provision's label. Under an "Article", "(1)" lines are paragraphs.
  Numbers of four digits (1000 on) start a point only in sequence, at most 10 after the
  previous point: otherwise the line ("2025. The parties…", a year after a PDF line break)
  stays text, with a warning;
* sub-points under a point: "a)" "(a)" "(i)" "a. Text", "1.2" and "-" "•" bullets; they
  become a list in that point's body;
* headings: a short line with no closing punctuation, starting a paragraph and followed
  by a point ("Security guarantees"). It heads every following point until the next
  heading; a point whose first line is such a short line followed by more text has its
  own title, which wins. (A document title directly above point 1 is read as a heading
  too; one followed by introductory text ends up in the preamble). "Part II – Territory",
  "Section 3: Economy" always head a section, "II. Territory" when a point follows;
* numbering that starts again under each heading: the labels take the section's number
  first ("II.1", or "2.1" for the second heading when it has none), with a note;
* page furniture (running headers and footers, "Page 2 of 3", banners) is taken out
  first, found by repetition across page breaks (apps/imports/furniture.py); the result
  lists what was removed, and `keep` puts any of it back;
* PDF line breaks: a line that does not end a sentence joins the previous one, and
  "demili-" + "tarised" rejoin;
* blank lines separate paragraphs; Markdown's "## " headings and **bold** markers are
  read as plain lines.

Text before the first point is proposed as an unnumbered provision headed "Preamble"
(label "—"), with a warning, so nothing pasted is silently lost: the editor unticks it
when it is only a note. When it is nothing but a title (short lines that are not
sentences), it is named in a note instead.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from apps.core.html import sanitize_html

from .furniture import Furniture, strip_furniture

PREAMBLE = "Preamble"
UNNUMBERED = "—"  # as Provision.UNNUMBERED
MAX_CHARS = 200_000  # a whole treaty, not a book
LONG_NUMBER_STEP = 10  # a four-digit point follows the previous one by at most this

_POINT = re.compile(
    r"""^(?:
        (?:(?:point|article|clause|item)\s+|§\s*)(?P<named>\d{1,4}[a-z]?)
        (?:\s*[.:)–—-](?:\s+(?P<named_rest>.+))?|\s+(?P<named_bare>(?-i:[A-Z]).*))?
      | \((?P<paren>\d{1,3}[a-z]?)\)(?:\s+(?P<paren_rest>.+))?
      | (?P<number>\d{1,4}[a-z]?)\ ?[.)]
        (?:\s+(?P<rest>.+)|(?P<tight>[^\d\s.,].*))?
      | (?-i:(?P<roman>[IVX]{1,6}))\.\s+(?P<roman_rest>.+)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_SUB_POINT = re.compile(
    r"^(?P<marker>\((?:[a-z]|[ivx]{1,5}|\d{1,3})\)|(?:[a-z]|[ivx]{1,5})\)|[a-z]\.(?=\s+[A-Z])"
    r"|\d{1,3}\.\d{1,3}(?:\.\d{1,3})*\.?)"
    r"\s+(?P<text>.+)$"
)
# A heading that names its section: "Part II – Territory", "Section 3: Economy",
# "Chapter B", or "II. Territory" / "B. Economy" when a point follows (_is_section_heading).
_NAMED_SECTION = re.compile(
    r"^(?:part|section|chapter|title)\s+(?P<number>[IVX]{1,6}|\d{1,3}|[A-H])\b\s*[.:–—-]?\s*"
    r"(?P<title>.*)$",
    re.IGNORECASE,
)
_NUMBERED_SECTION = re.compile(r"^(?P<number>[IVX]{1,6}|[A-H])\.\s+(?P<title>.+)$")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_BULLET = re.compile(r"^(?P<marker>[-–—•·*▪●◦])\s+(?P<text>.+)$")
# .md files: "## Security guarantees" is a heading line, "**1.** Text" a point.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_STRONG = re.compile(r"(\*\*|__)(.+?)\1")
_DATE_LINE = re.compile(r"[\w ,.]{0,30}\b(?:19|20)\d\d", re.ASCII)
_ENDS_SENTENCE = re.compile(r"[.!?:;…][\"'”’)\]]*$")
# A line ending on one of these words was broken mid-sentence: never a heading or title.
_DANGLING = frozenset(
    {
        *("a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have"),
        *("in", "into", "is", "its", "of", "on", "or", "shall", "should", "that", "the"),
        *("their", "to", "which", "will", "with", "within"),
    }
)
MAX_HEADING_WORDS = 12
MAX_HEADING_CHARS = 100


class EmptyPaste(ValueError):
    """Nothing but whitespace was pasted."""


class PasteTooLong(ValueError):
    """More than MAX_CHARS characters were pasted."""


def check_length(text: str | None) -> None:
    """Raise PasteTooLong, with a message for the editor, when the text is over the limit.

    Line endings count as one character, however the browser or the file wrote them.
    """
    length = len((text or "").replace("\r\n", "\n"))
    if length > MAX_CHARS:
        raise PasteTooLong(
            f"The text is too long to import at once ({length:,} characters; at most "
            f"{MAX_CHARS:,}). Split it."
        )


@dataclass
class Proposal:
    """One provision the import would create."""

    label: str
    heading: str = ""
    body: str = ""  # sanitised HTML
    subpoints: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def is_preamble(self) -> bool:
        return self.label == UNNUMBERED and self.heading == PREAMBLE


@dataclass
class ParseResult:
    proposals: list[Proposal]
    notes: list[str] = field(default_factory=list)  # warnings about the text as a whole
    furniture: list[Furniture] = field(default_factory=list)  # found; removed unless kept

    @property
    def removed(self) -> list[Furniture]:
        return [f for f in self.furniture if not f.kept]

    @property
    def warnings(self) -> list[str]:
        """Every warning, the text's own first, then each proposal's in order."""
        return [*self.notes, *(w for p in self.proposals for w in p.warnings)]


def parse(text: str, *, keep: frozenset[str] | set[str] = frozenset()) -> ParseResult:
    """Read pasted text into proposals; raises EmptyPaste when there is nothing to read,
    PasteTooLong when there is too much (see check_length). Form feeds are page breaks;
    the page furniture whose keys are in `keep` is left in the text."""
    check_length(text)
    lines, page_starts = _clean_lines(text)
    if not any(lines):
        raise EmptyPaste("The pasted text is empty: paste the numbered points first.")
    lines, furniture = strip_furniture(
        lines, page_starts, keep=frozenset(keep), is_point=_POINT.match
    )
    blocks = _blocks(lines)
    sections_note = _label_by_section(blocks)
    if not any(block.label is not None for block in blocks):
        return ParseResult(
            [],
            [
                "Nothing that looks like a numbered point was found: points should start "
                "like “1.”, “2)”, “12a.” or “Point 7:”."
            ],
            furniture,
        )
    notes = [sections_note] if sections_note else []
    title = _title_only(blocks[0])
    if title:
        notes.append(f"“{title}” above the first point was read as the document's title.")
        blocks = blocks[1:]
    proposals = [_proposal(b) for b in blocks if b.label is not None or any(b.lines)]
    _check_numbering([p for p in proposals if not p.is_preamble])
    return ParseResult(proposals, notes, furniture)


def _title_only(block: _Block) -> str:
    """The text before the first point, when it is nothing but short heading-like lines
    (a title, "Draft of 6 December"): no preamble to propose, only a title."""
    lines = [line for line in block.lines if line]
    if block.label is not None or not lines or block.warnings:
        return ""
    if all(_headingish(line) or _DATE_LINE.fullmatch(line) for line in lines):
        return " · ".join(lines)
    return ""


# --- Lines -------------------------------------------------------------------------------


def _clean_lines(text: str) -> tuple[list[str], list[int]]:
    """The text's lines, each with its whitespace collapsed, and the indexes of the lines
    that start a page (after a form feed)."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u00ad", "")  # soft hyphens from PDF copy
    lines: list[str] = []
    page_starts: list[int] = []
    for number, page in enumerate(text.split("\f")):
        if number:
            page_starts.append(len(lines))
        for line in page.split("\n"):
            lines.append(
                _MARKDOWN_STRONG.sub(r"\2", _MARKDOWN_HEADING.sub("", " ".join(line.split())))
            )
    return lines, page_starts


def _dangling(line: str) -> bool:
    words = line.split()
    return not words or line.endswith(("-", ",")) or words[-1].lower() in _DANGLING


def _headingish(line: str) -> bool:
    """Short, capitalised, and not a sentence or a sentence cut off by a line break."""
    return (
        0 < len(line) <= MAX_HEADING_CHARS
        and len(line.split()) <= MAX_HEADING_WORDS
        and line[0].isupper()
        and not _ENDS_SENTENCE.search(line)
        and not _dangling(line)  # a comma or a hyphen at the end among them
        and not _POINT.match(line)
    )


def _join(previous: str, line: str) -> str:
    """Rejoin a line broken by a PDF: "demili-" + "tarised", else with a space."""
    # Only the tail: `previous` grows as a long paragraph is rejoined line by line.
    if re.search(r"[^\W\d_]-$", previous[-2:]):
        return previous[:-1] + line if line[:1].islower() else previous + line
    return f"{previous} {line}"


# --- Blocks: one per point -----------------------------------------------------------------


@dataclass
class _Block:
    label: str | None  # None: text before the first point
    section: str = ""  # the heading over this point, if any
    lines: list[str] = field(default_factory=list)  # "" marks a blank line
    warnings: list[str] = field(default_factory=list)
    number: int = 0  # the label's number, for the numbering checks
    section_number: str = ""  # "II" of "II. Territory", if the heading has one
    section_index: int = 0  # 0 before the first section heading, then 1, 2…
    named: bool = False  # started "Article 3": its "(1)" lines are paragraphs, not points


def _blocks(lines: list[str]) -> list[_Block]:
    blocks = [_Block(label=None)]
    section, section_number, section_index = "", "", 0
    previous_number: int | None = None  # of the last point read
    neighbours = _neighbours(lines)
    for index, line in enumerate(lines):
        heading = _section_heading(lines, index, *neighbours[index])
        if heading is not None:
            section, section_number = heading
            section_index += 1
            continue
        point = _POINT.match(line)
        if point and point["paren"] and blocks[-1].named:
            point = None
        if not point:
            blocks[-1].lines.append(line)
            continue
        if point["roman"]:
            label = point["roman"]
            number = _roman(label)
        else:
            raw = point["named"] or point["paren"] or point["number"]
            label = raw.lower().lstrip("0") or "0"
            number = _split(label)[0]
        if number > 999 and not (
            previous_number is not None
            and previous_number <= number <= previous_number + LONG_NUMBER_STEP
        ):
            where = "the preamble" if blocks[-1].label is None else f"point {blocks[-1].label}"
            shown = line if len(line) <= 60 else f"{line[:60]}…"
            blocks[-1].warnings.append(
                f"“{shown}” was kept as text of {where}, not read as point {label}: "
                "a number of four digits starts a point only when it follows the "
                "previous point's number. If it is a point, check the numbering."
            )
            blocks[-1].lines.append(line)
            continue
        previous_number = number
        rest = next(
            (
                point[g]
                for g in ("named_rest", "named_bare", "paren_rest", "rest", "tight", "roman_rest")
                if point[g]
            ),
            "",
        )
        blocks.append(
            _Block(
                label=label,
                section=section,
                lines=[rest] if rest else [],
                number=number,
                section_number=section_number,
                section_index=section_index,
                named=bool(point["named"]),
            )
        )
    return blocks


def _label_by_section(blocks: list[_Block]) -> str:
    """When the numbering starts again under a new heading, prefix each point's label
    with its section's number ("II.1"), or the section's place (2.1) when the heading has
    none, so labels stay unique in the draft; returns a note saying so, or ""."""
    points = [b for b in blocks if b.label is not None]
    restarts = any(
        b.section_index != a.section_index and b.number <= a.number
        for a, b in zip(points, points[1:], strict=False)
    )
    if not restarts:
        return ""
    example = ""
    for block in points:
        if block.section_index:
            prefix = block.section_number or str(block.section_index)
            block.label = f"{prefix}.{block.label}"
            example = example or block.label
    return (
        "The numbering starts again under each heading: points are labelled with their "
        f"section first (“{example}”)."
    )


def _section_heading(
    lines: list[str], index: int, previous: str, following: str
) -> tuple[str, str] | None:
    """(heading, its number or "") when the line introduces a section, else None."""
    line = lines[index]
    named = _NAMED_SECTION.fullmatch(line)
    if (
        named
        and len(line.split()) <= MAX_HEADING_WORDS
        and not _ENDS_SENTENCE.search(line)
        and not _dangling(line)
    ):
        return named["title"] or line, named["number"].upper()
    numbered = _NUMBERED_SECTION.fullmatch(line)
    if numbered and _headingish(numbered["title"]):
        # Between two points numbered 1, 2, 3…, "II. Territory" heads a section even with
        # no blank line before it (a point's number would be of the same kind), once the
        # point before has ended its sentence: "…chaired by / D. Trump" goes on with it.
        between_points = (
            _arabic_point(previous)
            and bool(_ENDS_SENTENCE.search(previous))
            and _arabic_point(following)
        )
        if (between_points or _starts_paragraph(lines, index, previous)) and _introduces_point(
            following
        ):
            return numbered["title"], numbered["number"]
        return None
    if _is_section_heading(lines, index, previous, following):
        return line, ""
    return None


def _introduces_point(following: str) -> bool:
    """The next line starts a point, not a section of its own ("II. Territory")."""
    if not _POINT.match(following):
        return False
    numbered = _NUMBERED_SECTION.fullmatch(following)
    return not (numbered and _headingish(numbered["title"]))


def _arabic_point(line: str) -> bool:
    """The line starts a point numbered in digits ("3.", "(3)", "Article 3")."""
    point = _POINT.match(line)
    return bool(point) and not point["roman"]


def _neighbours(lines: list[str]) -> list[tuple[str, str]]:
    """For each line, the nearest non-empty line before it and after it ("" if none),
    found in two passes rather than by scanning the text again for every line."""
    before, after = [], []
    last = ""
    for line in lines:
        before.append(last)
        last = line or last
    last = ""
    for line in reversed(lines):
        after.append(last)
        last = line or last
    return list(zip(before, reversed(after), strict=True))


def _is_section_heading(lines: list[str], index: int, previous: str, following: str) -> bool:
    """A heading-like line starting a paragraph, with the next thing in the text a point.

    `previous` and `following` are the nearest non-empty lines around it (_neighbours).
    """
    line = lines[index]
    if not _headingish(line):
        return False
    return _starts_paragraph(lines, index, previous) and _introduces_point(following)


def _starts_paragraph(lines: list[str], index: int, previous: str) -> bool:
    if index == 0 or not lines[index - 1] or not previous:
        return True
    return bool(_ENDS_SENTENCE.search(previous)) and not _POINT.match(previous)


# --- Proposals -----------------------------------------------------------------------------


class _Body:
    """Paragraphs and lists, built line by line."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, list[str]]] = []  # ("p", [text]) or ("ul", [items])
        self.subpoints: list[str] = []
        self._last_line = ""
        self._after_blank = True

    def blank(self) -> None:
        self._after_blank = True

    def add(self, line: str) -> None:
        sub = _SUB_POINT.match(line) or _BULLET.match(line)
        if sub:
            item = sub["text"] if sub.re is _BULLET else f"{sub['marker']} {sub['text']}"
            self.subpoints.append(item)
            if self.parts and self.parts[-1][0] == "ul":
                self.parts[-1][1].append(item)  # blank lines between items: still one list
            else:
                self.parts.append(("ul", [item]))
        elif self.parts and not self._after_blank and not self._new_paragraph(line):
            kind, items = self.parts[-1]
            items[-1] = _join(items[-1], line)
            if kind == "ul":
                self.subpoints[-1] = items[-1]
        else:
            self.parts.append(("p", [line]))
        self._last_line = line
        self._after_blank = False

    def _new_paragraph(self, line: str) -> bool:
        # A line that ends a sentence, then a capital: a new paragraph, not a PDF break.
        return bool(_ENDS_SENTENCE.search(self._last_line)) and line[:1].isupper()

    def html(self) -> str:
        out = []
        for kind, items in self.parts:
            if kind == "p":
                out.append(f"<p>{html.escape(items[0], quote=False)}</p>")
            else:
                lis = "".join(f"<li>{html.escape(i, quote=False)}</li>" for i in items)
                out.append(f"<ul>{lis}</ul>")
        return sanitize_html("".join(out))


def _body_html(block: _Block, body: _Body) -> str:
    try:
        return body.html()
    except ValidationError as exc:  # over the sanitiser's limits (apps/core/html.py)
        which = (
            "The text before the first point" if block.label is None else (f"Point {block.label}")
        )
        raise PasteTooLong(f"{which} is too long to import: {' '.join(exc.messages)}") from None


def _proposal(block: _Block) -> Proposal:
    lines = block.lines
    while lines and not lines[0]:
        lines = lines[1:]
    heading = block.section
    if block.label is not None and _has_title(lines):
        heading, lines = lines[0], lines[1:]
    body = _Body()
    for line in lines:
        if line:
            body.add(line)
        else:
            body.blank()
    if block.label is None:
        return Proposal(
            label=UNNUMBERED,
            heading=PREAMBLE,
            body=_body_html(block, body),
            subpoints=body.subpoints,
            warnings=[
                "Text before the first point is proposed as an unnumbered preamble: "
                "untick it if it is not part of the draft.",
                *block.warnings,
            ],
        )
    proposal = Proposal(
        label=block.label,
        heading=heading,
        body=_body_html(block, body),
        subpoints=body.subpoints,
        warnings=list(block.warnings),
    )
    if not body.parts:
        proposal.warnings.append(f"Point {block.label} is empty.")
    return proposal


def _has_title(lines: list[str]) -> bool:
    """The point's first line is a title: heading-like, with more text after it."""
    if len(lines) < 2 or not _headingish(lines[0]):
        return False
    following = next((x for x in lines[1:] if x), "")
    # "Ukraine's sovereignty will be / confirmed." is one sentence broken by a PDF.
    return bool(following) and not following[:1].islower()


def _split(label: str) -> tuple[int, str]:
    """A label's number and letter: "12a" → (12, "a"), "II.3" → (3, ""), "IV" → (4, "")."""
    last = label.rpartition(".")[2]
    match = re.fullmatch(r"(\d+)([a-z]?)", last)
    if match:
        return int(match[1]), match[2]
    return (_roman(last), "") if re.fullmatch(r"[IVX]+", last) else (0, "")


def _roman(numeral: str) -> int:
    total = 0
    for index, letter in enumerate(numeral):
        value = _ROMAN[letter]
        following = _ROMAN[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


_NUMBERING_WARNING = re.compile(
    r"^Numbering (?:jumps|goes back|starts) |^Point \S+ appears twice\.$"
)


def check_numbering_again(rows: list[dict]) -> None:
    """After the preview's row edits: the numbering warnings of `rows` (dicts with label
    and warnings) made anew, the others kept."""
    points = []
    for row in rows:
        row["warnings"] = [w for w in row["warnings"] if not _NUMBERING_WARNING.search(w)]
        if row["label"] and row["label"] != UNNUMBERED:
            points.append((row, Proposal(label=row["label"])))
    _check_numbering([proposal for _, proposal in points])
    for row, proposal in points:
        row["warnings"] = [*row["warnings"], *proposal.warnings]


def _check_numbering(points: list[Proposal]) -> None:
    """Warn on gaps, repeats and backward steps: the signs of a point lost in the paste.
    Labelled by section ("II.3"), each section's points are counted on their own."""
    seen: set[str] = set()
    previous: Proposal | None = None
    for point in points:
        number, suffix = _split(point.label)
        section = point.label.rpartition(".")[0]
        if previous is not None and previous.label.rpartition(".")[0] != section:
            previous = None
            if number == 1:
                seen.add(point.label)
                previous = point
                continue
        if point.label in seen:
            point.warnings.append(f"Point {point.label} appears twice.")
        elif previous is None:
            if number != 1:
                point.warnings.append(f"Numbering starts at {point.label}, not at 1.")
        else:
            before, _ = _split(previous.label)
            if number > before + 1:
                missing = (
                    f"point {before + 1} is missing"
                    if number == before + 2
                    else f"points {before + 1}–{number - 1} are missing"
                )
                point.warnings.append(
                    f"Numbering jumps from {previous.label} to {point.label}: {missing}."
                )
            elif number < before or (number == before and not suffix):
                point.warnings.append(
                    f"Numbering goes back from {previous.label} to {point.label}."
                )
        seen.add(point.label)
        previous = point
