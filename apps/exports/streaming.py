"""JSON written piece by piece, so a long list never has to be held whole in memory.

`iter_json(data)` yields the same text as `json.dumps(data, indent=2)` (our downloads'
layout), except that any generator or iterator in `data` is read one item at a time and
written as a list. Pieces are gathered into chunks of about CHUNK characters, so a
streamed response sends a few large writes rather than one per item.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from types import GeneratorType

from django.core.serializers.json import DjangoJSONEncoder

INDENT = "  "
CHUNK = 64 * 1024


def _dumps(value, level: int) -> str:
    text = json.dumps(value, cls=DjangoJSONEncoder, ensure_ascii=False, indent=len(INDENT))
    # JSON text holds no raw newline inside a string, so every newline is layout.
    return text.replace("\n", "\n" + INDENT * level) if level else text


def _streams(value) -> bool:
    if isinstance(value, GeneratorType | map | filter):
        return True
    if isinstance(value, dict):
        return any(_streams(v) for v in value.values())
    return False


def _pieces(value, level: int) -> Iterator[str]:
    if isinstance(value, dict) and _streams(value):
        inner = INDENT * (level + 1)
        yield "{"
        for i, (key, item) in enumerate(value.items()):
            yield ("," if i else "") + "\n" + inner + json.dumps(key, ensure_ascii=False) + ": "
            yield from _pieces(item, level + 1)
        yield "\n" + INDENT * level + "}" if value else "}"
    elif _streams(value):
        inner = INDENT * (level + 1)
        empty = True
        for item in value:
            yield ("[\n" if empty else ",\n") + inner
            empty = False
            yield from _pieces(item, level + 1)
        yield "[]" if empty else "\n" + INDENT * level + "]"
    else:
        yield _dumps(value, level)


def iter_json(data) -> Iterator[str]:
    """`data` as indented JSON text, in chunks of about CHUNK characters."""
    buffer: list[str] = []
    size = 0
    for piece in _pieces(data, 0):
        buffer.append(piece)
        size += len(piece)
        if size >= CHUNK:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)
