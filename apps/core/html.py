"""The one place editor HTML is sanitised.

bleach 6.4 is its last release: everything goes through `sanitize_html`, so the
engine behind it can be swapped (nh3) without touching callers.
"""

from __future__ import annotations

import threading

import bleach
from bleach.html5lib_shim import Filter

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


def sanitize_html(raw: str | None) -> str:
    """Return `raw` reduced to the editors' allow-list, with rel set on every link.

    Disallowed tags are stripped (their text kept), dangerous URLs lose their href and
    unclosed tags are closed. Sanitising the result again changes nothing.
    """
    if not raw:
        return ""
    return _cleaner().clean(str(raw))
