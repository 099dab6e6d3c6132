"""CSV and JSON downloads."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse

from .streaming import iter_json

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str | int:
    """A value as a CSV cell, with a leading quote on text a spreadsheet would evaluate."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return value
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


# A byte-order mark first: Excel on Windows then reads the file as UTF-8, not as the
# system's legacy code page (which garbles “quotes”, Cyrillic and accents).
BOM = "\ufeff"


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence], *, bom: bool = False) -> bytes:
    buffer = io.StringIO()
    if bom:
        buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([safe_cell(h) for h in header])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def json_bytes(data, *, indent: int | None = None) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=indent).encode(
        "utf-8"
    )


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_download(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    """A CSV download in UTF-8 with a byte-order mark (read it with `utf-8-sig`)."""
    response = HttpResponse(
        csv_bytes(header, rows, bom=True), content_type="text/csv; charset=utf-8"
    )
    return _attachment(response, filename)


def json_download(filename: str, data) -> HttpResponse:
    response = HttpResponse(
        json_bytes(data, indent=2), content_type="application/json; charset=utf-8"
    )
    return _attachment(response, filename)


def json_stream(filename: str, data) -> StreamingHttpResponse:
    """A JSON download written as it is read (`streaming.iter_json`): the same text as
    `json_download`, in constant memory however long the lists in `data` are."""
    response = StreamingHttpResponse(
        (chunk.encode("utf-8") for chunk in iter_json(data)),
        content_type="application/json; charset=utf-8",
    )
    return _attachment(response, filename)
