"""Query cleaning and safe highlighting: plain Python, no database.

Every snippet shown on the search page is built here, and always the same way: the text
is split at the matches, each piece is escaped, and only then are `<mark>` tags put
around the matched pieces. Nothing an editor or a visitor typed reaches the page
unescaped.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from apps.compare.diff import plain_text

__all__ = [
    "Query",
    "parse_query",
    "plain_text",
    "mark_terms",
    "snippet",
    "from_markers",
    "join_numbers",
]

MAX_QUERY_LENGTH = 200
MAX_TERMS = 20

# Control characters (NUL included) can only come from a crafted URL; PostgreSQL
# rejects NUL in text, so they become spaces before anything else sees the query.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ue000\ue001]")
_WORD = re.compile(r"\w+")

# PostgreSQL's ts_headline wraps matches in these; they are private-use characters,
# which no editor types, and `from_markers` copes with stray ones anyway.
START_SEL, STOP_SEL = "\ue000", "\ue001"
_MARKED = re.compile(f"{START_SEL}(.*?){STOP_SEL}", re.DOTALL)


# Thousands separators: "600,000", "600 000" (also with a no-break, narrow no-break or thin
# space, as characters or HTML entities) are read as "600000" by search, on both databases.
NUMBER_SEPARATORS = (",", " ", "\u00a0", "\u202f", "\u2009", "&nbsp;", "&#160;", "&#8239;")
_SEP = "(?:" + "|".join(re.escape(s) for s in NUMBER_SEPARATORS) + ")"
_GROUPED_NUMBER = re.compile(rf"(?<!\d)\d{{1,3}}(?:{_SEP}\d{{3}})+(?!\d)")
_ANY_SEP = re.compile(_SEP)
# The same rule for PostgreSQL's regexp_replace, whose lookbehind may vary in length: a
# separator between a group of 1-3 digits (after groups of 3) and a group of exactly 3.
PG_NUMBER_SEPARATOR = (
    f"(?<=(?:^|[^0-9])[0-9]{{1,3}}(?:{_SEP}[0-9]{{3}})*){_SEP}(?=[0-9]{{3}}(?![0-9]))"
)


def join_numbers(value: str) -> str:
    """Numbers written with thousands separators, written without: "1,000,000" -> "1000000"."""
    return _GROUPED_NUMBER.sub(lambda m: _ANY_SEP.sub("", m.group()), value)


def grouped(number: str) -> str:
    """ "600000" -> "600 000": the digit groups of a long number, for phrase matching."""
    head = len(number) % 3 or 3
    return " ".join([number[:head]] + [number[i : i + 3] for i in range(head, len(number), 3)])


def is_long_number(term: str) -> bool:
    return term.isdigit() and len(term) > 3


@dataclass(frozen=True)
class Query:
    text: str  # cleaned and capped: what the database sees
    terms: tuple[str, ...]  # its words, for the fallback search and Python highlighting
    truncated: bool = False  # the visitor typed more than MAX_QUERY_LENGTH characters
    terms_truncated: bool = False  # ... or more than MAX_TERMS words

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def search_text(self) -> str:
        """The text as the database matches it: numbers without thousands separators."""
        return join_numbers(self.text)


def parse_query(raw: str | None) -> Query:
    """Clean what the visitor typed: no control characters, one space between words, capped."""
    text = " ".join(_CONTROL.sub(" ", raw or "").split())
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    words: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(join_numbers(text)):
        if word.casefold() not in seen:
            seen.add(word.casefold())
            words.append(word)
    return Query(
        text=text,
        terms=tuple(words[:MAX_TERMS]),
        truncated=truncated,
        terms_truncated=len(words) > MAX_TERMS,
    )


def _terms_pattern(terms) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = sorted({t.casefold() for t in terms}, key=len, reverse=True)
    return re.compile("|".join(_term_pattern(t) for t in alternatives), re.IGNORECASE)


def _term_pattern(term: str) -> str:
    """A term as a pattern; a long number also as it is written with separators."""
    if not is_long_number(term):
        return re.escape(term)
    return f"{_SEP}?".join(re.escape(group) for group in grouped(term).split())


def mark_terms(text: str, terms) -> SafeString:
    """`text` escaped, with every occurrence of a term wrapped in <mark>."""
    pattern = _terms_pattern(terms)
    if pattern is None:
        return escape(text)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above


def snippet(
    text: str, terms, *, before: int = 80, after: int = 180, whole_up_to: int = 300
) -> SafeString:
    """A window of `text` around its first match, marked; the start of the text if none."""
    text = " ".join(text.split())
    if len(text) <= whole_up_to:
        return mark_terms(text, terms)
    pattern = _terms_pattern(terms)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > before:
        start = text.rfind(" ", 0, match.start() - before) + 1
    end = start + before + after
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > start else end
    else:
        end = len(text)
    shown = mark_terms(text[start:end], terms)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(f"{prefix}{shown}{suffix}")  # noqa: S308 - shown is escaped and marked


def from_markers(
    headline: str | None, *, entities: bool = False, full_text: str | None = None
) -> SafeString:
    """Turn a ts_headline result (matches between START_SEL/STOP_SEL) into safe HTML.

    When the headline was cut from HTML text, its `entities` (&amp;lt; …) are decoded
    first, so the visitor reads the text as the draft page shows it; then every piece
    is escaped and only the marked pieces are wrapped in <mark>. Given the `full_text`
    it was cut from, an ellipsis shows where text was left out.
    """
    text = headline or ""
    if entities:
        text = html.unescape(text)
    text = " ".join(text.split())
    out, last = [], 0
    for match in _MARKED.finditer(text):
        out.append(escape(_unmarked(text[last : match.start()])))
        out.append(f"<mark>{escape(_unmarked(match.group(1)))}</mark>")
        last = match.end()
    out.append(escape(_unmarked(text[last:])))
    # ts_headline marks each word of a phrase: "<mark>army</mark> <mark>cap</mark>" reads
    # better as one mark.
    shown = "".join(out).replace("</mark> <mark>", " ")
    # ... and so does "<mark>600</mark>,<mark>000</mark>", a number PostgreSQL reads as two.
    shown = _SPLIT_NUMBER_MARK.sub(r"\1\2\3", shown)
    if full_text is not None:
        prefix, suffix = _cuts(_unmarked(text), " ".join(full_text.split()))
        shown = f"{prefix}{shown}{suffix}"
    return mark_safe(shown)  # noqa: S308 - every piece escaped above


_SPLIT_NUMBER_MARK = re.compile(r"(\d)</mark>(,|\u00a0|\u202f|\u2009)<mark>(\d)")
_TRAILING = re.compile(r"\W+$")


def _cuts(part: str, full: str) -> tuple[str, str]:
    """Ellipses for the ends of `part` that are not the ends of `full`."""
    if not part or not full:
        return "", ""
    prefix = "" if full.startswith(part[:30]) else "… "
    part_end = _TRAILING.sub("", part)[-30:]
    suffix = "" if _TRAILING.sub("", full).endswith(part_end) else " …"
    return prefix, suffix


def _unmarked(text: str) -> str:
    return text.replace(START_SEL, "").replace(STOP_SEL, "")
