"""The one place editor HTML is sanitised.

bleach 6.4 is its last release: everything goes through `sanitize_html`, so the
engine behind it can be swapped (nh3) without touching callers.

The HTML5 parser under bleach takes time quadratic in how deeply tags nest (20,000
nested <em> take seconds), so input is bounded first, in linear time: at most
MAX_HTML_LENGTH characters, MAX_MARKUP tags, entities and attributes, MAX_NESTING_DEPTH
open tags and MAX_REOPENED formatting tags left open. Beyond any, `sanitize_html` refuses
with a ValidationError naming the limit, which forms show next to the field.
Sanitising happens once, when a SanitizedHTMLField is saved; pages render the stored
value as it is (`CleanHTML`).
"""

from __future__ import annotations

import re
import threading

import bleach
from bleach.html5lib_shim import Filter
from django.core.exceptions import ValidationError

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "ul", "ol", "li", "blockquote", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener nofollow"


class _LinkRelFilter(Filter):
    """Give every surviving link rel="noopener nofollow", whatever the editor wrote."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] in ("StartTag", "EmptyTag") and token["name"] == "a":
                attrs = dict(token.get("data") or {})
                attrs[(None, "rel")] = LINK_REL
                token["data"] = attrs
            yield token


# A bleach Cleaner keeps parser state between calls and is not thread-safe: each thread
# (gunicorn gthread workers) gets its own.
_local = threading.local()


def _cleaner() -> bleach.Cleaner:
    cleaner = getattr(_local, "cleaner", None)
    if cleaner is None:
        cleaner = _local.cleaner = bleach.Cleaner(
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            protocols=ALLOWED_PROTOCOLS,
            strip=True,
            strip_comments=True,
            filters=[_LinkRelFilter],
        )
    return cleaner


# The parser's cost grows with the length, with every tag, entity and attribute, and
# with the square of the nesting. The longest provision of a real plan is under 3,000
# characters with a few dozen tags, and editors' lists nest a few levels: these limits
# leave ample room for real text and none for a bomb (bench/sanitiser.py measures them).
MAX_HTML_LENGTH = 20_000
MAX_MARKUP = 1_000  # characters that open markup: <, & and =
MAX_NESTING_DEPTH = 20
MAX_REOPENED = 100  # formatting tags left open, which the parser repeats in each block

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
# Elements that never hold others, and those a new one of the same name closes.
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_SELF_CLOSING = frozenset({"p", "li", "dt", "dd", "option", "tr", "td", "th"})
# What the HTML parser reopens in each block when left open ("active formatting elements").
_FORMATTING = frozenset(
    {"a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong"}
    | {"tt", "u"}
)


class CleanHTML(str):
    """HTML that came out of `sanitize_html` (or out of a SanitizedHTMLField's column,
    which only ever receives such HTML): rendered as it is, never sanitised again."""

    __slots__ = ()


def markup_shape(raw: str, stop_at: int | None = None) -> tuple[int, int]:
    """(depth, reopened): how many tags `raw` holds open at once at most, and how many
    formatting tags the HTML parser will open again, as it sees them.

    Linear in the length of `raw`. A tag counts as open until its own end tag, even where
    the parser would close it earlier (`<p><em>x</p>`): the parser then reopens such
    formatting tags (<em>, <strong>, <a>…) in every block that follows, and `reopened`
    counts those copies. A `<p>` or `<li>` while one is open closes it, as in HTML.
    Counting stops once the depth passes `stop_at`.
    """
    open_tags: dict[str, int] = {}
    depth = deepest = formatting = reopened = 0
    for match in _TAG.finditer(raw):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            continue
        count = open_tags.get(name, 0)
        if closing:
            if count:
                open_tags[name] = count - 1
                depth -= 1
                formatting -= name in _FORMATTING
            continue
        if name in _FORMATTING:
            formatting += 1
        else:
            reopened += formatting
        if name in _SELF_CLOSING and count:
            continue
        open_tags[name] = count + 1
        depth += 1
        if depth > deepest:
            deepest = depth
            if stop_at is not None and deepest > stop_at:
                break
    return deepest, reopened


def check_html_bounds(raw: str) -> None:
    """Refuse HTML too long, too marked up or too deeply nested to sanitise quickly.

    Raises a ValidationError whose message names the limit; linear in the length of `raw`.
    """
    depth, reopened = markup_shape(raw, stop_at=MAX_NESTING_DEPTH)
    if depth > MAX_NESTING_DEPTH:
        raise ValidationError(
            f"This text nests tags more than {MAX_NESTING_DEPTH} levels deep "
            f"(tags inside tags, or tags left open); at most {MAX_NESTING_DEPTH} are allowed.",
            code="html_too_deep",
        )
    if len(raw) > MAX_HTML_LENGTH:
        raise ValidationError(
            f"This text is {len(raw):,} characters long with its markup; "
            f"at most {MAX_HTML_LENGTH:,} are allowed. Split it or shorten it.",
            code="html_too_long",
        )
    markup = raw.count("<") + raw.count("&") + raw.count("=")
    if markup > MAX_MARKUP:
        raise ValidationError(
            f"This text has {markup:,} markup characters (<, & and =, which open tags, "
            f"entities and attributes); at most {MAX_MARKUP:,} are allowed.",
            code="html_too_much_markup",
        )
    if reopened > MAX_REOPENED:
        raise ValidationError(
            f"This text leaves formatting tags (<em>, <strong>, <a>…) open across "
            f"paragraphs or list items, so they would be repeated {reopened:,} times; at most "
            f"{MAX_REOPENED:,} are allowed. Close each such tag where its text ends.",
            code="html_too_many_reopened",
        )


def sanitize_html(raw: str | None) -> CleanHTML:
    """Return `raw` reduced to the editors' allow-list, with rel set on every link.

    Disallowed tags are stripped (their text kept), dangerous URLs lose their href and
    unclosed tags are closed. Sanitising the result again changes nothing. Input beyond
    the limits above is refused (ValidationError naming the limit), never parsed.
    """
    if not raw:
        return CleanHTML("")
    # The parser drops NUL characters, slowly, one parse error each: drop them first.
    raw = str(raw).replace("\x00", "")
    check_html_bounds(raw)
    return CleanHTML(_cleaner().clean(raw))
