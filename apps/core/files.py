"""Reading the text files that management commands are given."""

from __future__ import annotations

import sys

from django.core.management.base import CommandError


def read_text(file: str, *, stdin_dash: bool = False) -> str:
    """The file's text as UTF-8 (or standard input for "-"), or a CommandError saying why not."""
    try:
        if stdin_dash and file == "-":
            return sys.stdin.read()
        with open(file, encoding="utf-8") as handle:
            return handle.read()
    except OSError as exc:
        raise CommandError(f"Cannot read {file}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(f"{file} is not UTF-8 text ({exc.reason}).") from exc
