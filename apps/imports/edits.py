"""The preview's row edits: split a row, merge a row into the one above, promote a sub-point
to a row of its own, demote a row to a sub-point of the one above.

An edit is a small list ("split", row, offset), ("merge", row), ("promote", row, item),
("demote", row). The preview keeps the list in its signed payload, so the rows confirmed
are always the parsed text with these edits applied; each edit is also applied once to the
rows as the editor last posted them, so corrections made meanwhile are kept.

Rows are dicts with label, heading, body (sanitised HTML), include, subpoints, warnings.
"""

from __future__ import annotations

import html
import re

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags

from apps.core.html import sanitize_html

from .parser import UNNUMBERED, Proposal

_LEADING_POINT = re.compile(
    r"^(?P<tags>\s*(?:<[^>]+>\s*)*)(?P<label>\d{1,4}[a-z]?)\s?[.)]\s+", re.IGNORECASE
)
_ITEM = re.compile(r"<li>(.*?)</li>", re.DOTALL)
_MARKER = re.compile(
    r"^\(?(?P<letter>[a-z]|[ivx]{1,5})\)|^(?P<letter2>[a-z])\.(?=\s)|^(?P<decimal>\d{1,3}(?:\.\d{1,3})+)\.?"
)


class EditRefused(ValueError):
    """The edit does not apply (no such row, nothing to split); the message says why."""


def rows_from_proposals(proposals: list[Proposal]) -> list[dict]:
    return [
        {
            "label": p.label,
            "heading": p.heading,
            "body": p.body,
            "include": True,
            "subpoints": list(p.subpoints),
            "warnings": list(p.warnings),
        }
        for p in proposals
    ]


def apply(rows: list[dict], edit: list, *, strict: bool = True) -> list[dict]:
    """The rows with `edit` made; raises EditRefused. Not `strict`, a split or promotion
    that no longer fits (the editor changed the body since) still adds its row, empty, so
    the rows stay in step with those the editor posted."""
    kind, index = edit[0], edit[1]
    if not 0 <= index < len(rows):
        raise EditRefused("That row is no longer in the preview.")
    rows = [dict(row) for row in rows]
    if kind == "split":
        try:
            return _split(rows, index, int(edit[2]))
        except EditRefused:
            if strict:
                raise
            return [*rows[: index + 1], _blank(), *rows[index + 1 :]]
    if index == 0 and kind in {"merge", "demote"}:
        raise EditRefused("The first row has no row above it.")
    if kind == "merge":
        return _merge(rows, index)
    if kind == "demote":
        return _demote(rows, index)
    if kind == "promote":
        try:
            return _promote(rows, index, int(edit[2]))
        except EditRefused:
            if strict:
                raise
            return [*rows[: index + 1], _blank(), *rows[index + 1 :]]
    raise EditRefused("Unknown edit.")


def apply_all(rows: list[dict], edits: list[list]) -> list[dict]:
    for edit in edits:
        rows = apply(rows, edit, strict=False)
    return rows


def _blank() -> dict:
    return {
        "label": "",
        "heading": "",
        "body": "",
        "include": True,
        "subpoints": [],
        "warnings": [],
    }


def offset_of(body: str, words: str) -> int:
    """Where the editor's `words` start in the body (for a split without JavaScript)."""
    words = (words or "").strip()
    if not words:
        raise EditRefused("Type the words the new row starts with, then press Split.")
    index = body.find(words)
    if index < 0:
        index = body.find(html.escape(words, quote=False))
    if index <= 0:
        raise EditRefused(f"“{words}” is not in the row's body (after its start).")
    return index


def _clean(fragment: str) -> str:
    try:
        return sanitize_html(fragment)
    except ValidationError as exc:
        raise EditRefused(" ".join(exc.messages)) from None


def _items(body: str) -> list[str]:
    return [html.unescape(strip_tags(item)) for item in _ITEM.findall(body)]


def _split(rows: list[dict], index: int, offset: int) -> list[dict]:
    row = rows[index]
    body = row["body"]
    if not 0 < offset < len(body):
        raise EditRefused("Put the cursor inside the body, where the new row starts.")
    first, second = _balanced(body[:offset], body[offset:])
    # The space before the cut ends nothing: "<p>Troops withdraw. </p>" → "…withdraw.</p>".
    first = re.sub(r"\s+((?:</[a-z0-9]+>)+)$", r"\1", first, flags=re.IGNORECASE)
    first, second = _clean(first), _clean(second)
    if not strip_tags(first).strip() or not strip_tags(second).strip():
        raise EditRefused("Put the cursor inside the body, where the new row starts.")
    label = ""
    leading = _LEADING_POINT.match(second)
    if leading:
        label = leading["label"].lower()
        second = _clean(leading["tags"] + second[leading.end() :])
    elif not second.lstrip().startswith("<"):
        second = _clean(f"<p>{second}</p>")
    row["body"], row["subpoints"] = first, _items(first)
    new = {
        "label": label,
        "heading": "",
        "body": second,
        "include": True,
        "subpoints": _items(second),
        "warnings": [],
    }
    return [*rows[: index + 1], new, *rows[index + 1 :]]


_TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*>", re.IGNORECASE)


def _balanced(first: str, second: str) -> tuple[str, str]:
    """Cut HTML in two: the elements open at the cut are closed in the first part and
    opened again in the second ("<p>A B</p>" at B: "<p>A </p>", "<p>B</p>")."""
    if first.rfind("<") > first.rfind(">"):  # the cut falls inside a tag: cut before it
        at = first.rfind("<")
        first, second = first[:at], first[at:] + second
    stack: list[tuple[str, str]] = []
    for match in _TAG.finditer(first):
        name = match[2].lower()
        if match[1]:
            while stack and stack.pop()[0] != name:
                pass
        elif name not in {"br", "hr", "img"}:
            stack.append((name, match[0]))
    closing = "".join(f"</{name}>" for name, _ in reversed(stack))
    opening = "".join(tag for _, tag in stack)
    return first + closing, opening + second


def _merge(rows: list[dict], index: int) -> list[dict]:
    above, row = rows[index - 1], rows[index]
    body = row["body"]
    if row["label"] and row["label"] != UNNUMBERED:
        # The label goes back into the text it was taken from ("2025. The parties…").
        label = html.escape(row["label"])
        body = (
            re.sub(r"^<p>", f"<p>{label}. ", body, count=1)
            if body.startswith("<p>")
            else f"<p>{label}.</p>{body}"
        )
    joined = above["body"] + body
    last = above["body"][: -len("</p>")]
    if above["body"].endswith("</p>") and body.startswith("<p>") and not _ends_sentence(last):
        # A sentence cut in two by a false point: one paragraph again.
        joined = last + " " + body[len("<p>") :]
    above["body"] = _clean(joined)
    above["subpoints"] = above["subpoints"] + row["subpoints"]
    above["warnings"] = above["warnings"] + row["warnings"]
    above["include"] = above["include"] or row["include"]
    return [*rows[:index], *rows[index + 1 :]]


def _ends_sentence(html_text: str) -> bool:
    return bool(re.search(r"[.!?:;…][\"'”’)\]]*$", strip_tags(html_text).strip()))


def _demote(rows: list[dict], index: int) -> list[dict]:
    above, row = rows[index - 1], rows[index]
    inner = re.sub(r"</?(?:p|ul|ol)>", " ", row["body"]).replace("<li>", "").replace("</li>", ";")
    inner = " ".join(inner.split()).rstrip(";")
    marker = f"{row['label']} " if row["label"] and row["label"] != UNNUMBERED else ""
    item = f"<li>{html.escape(marker)}{inner}</li>"
    body = above["body"]
    body = (
        body[: -len("</ul>")] + item + "</ul>"
        if body.endswith("</ul>")
        else body + f"<ul>{item}</ul>"
    )
    above["body"] = _clean(body)
    above["subpoints"] = _items(above["body"])
    above["warnings"] = above["warnings"] + row["warnings"]
    return [*rows[:index], *rows[index + 1 :]]


def _promote(rows: list[dict], index: int, item: int) -> list[dict]:
    row = rows[index]
    matches = list(_ITEM.finditer(row["body"]))
    if not 0 <= item < len(matches):
        raise EditRefused("That sub-point is no longer in the row.")
    found = matches[item]
    body = row["body"][: found.start()] + row["body"][found.end() :]
    body = body.replace("<ul></ul>", "").replace("<ol></ol>", "")
    text = found[1].strip()
    plain = html.unescape(strip_tags(text))
    marker = _MARKER.match(plain)
    label = ""
    if marker:
        letter = marker["letter"] or marker["letter2"]
        base = row["label"] if row["label"] != UNNUMBERED else ""
        label = marker["decimal"] or f"{base}{letter}"
        text = _clean(text).split(marker.group(0), 1)[-1].strip() if marker else text
    row["body"], row["subpoints"] = _clean(body), _items(body)
    new = {
        "label": label,
        "heading": row["heading"],
        "body": _clean(f"<p>{text}</p>"),
        "include": True,
        "subpoints": [],
        "warnings": [],
    }
    return [*rows[: index + 1], new, *rows[index + 1 :]]
