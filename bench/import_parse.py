"""Is parsing an imported document linear in its length? Times the importer's parser (page
furniture detection, numbering, sections) on a synthetic leak of N pages and of 10×N pages,
and the PDF reader (pypdf text layer) on the same, and prints the ratios.

A tool, not a test (tests/imports/test_parser.py guards against quadratic blow-up):

    .venv/bin/python bench/import_parse.py            # 20 and 200 pages
    .venv/bin/python bench/import_parse.py --pages 10

Ratios near 10 mean linear; a quadratic step would show near 100.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def leak(pages: int) -> str:
    """Pages of 9 points each under a running header and a footer; a sentence broken
    across every page break; a section heading every third page."""
    out, number = [], 0
    for page in range(1, pages + 1):
        lines = [f"DRAFT - NOT FOR DISTRIBUTION    Page {page} of {pages}", "CONFIDENTIAL"]
        if page > 1:
            lines.append("the page before.")
        if page % 3 == 1:
            lines += ["", f"Section {page // 3 + 1}", ""]
        for _ in range(8):
            number += 1
            lines.append(f"{number}. The parties agree to point {number} in full, with all")
            lines.append("its parts, as negotiated.")
        number += 1
        lines.append(f"{number}. This point runs on beyond")
        lines += ["6 December 2026", f"- {page} -"]
        out.append("\n".join(lines))
    return "\f".join(out)


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peacetracker.settings")
    os.environ.setdefault("DEBUG", "true")
    import django

    django.setup()
    from django.conf import settings

    from apps.imports import parser as parsing
    from apps.imports.files import extract

    parsing.MAX_CHARS = 10**9  # the bench measures beyond the paste limit
    settings.IMPORT_MAX_PAGES = 10**6
    settings.IMPORT_MAX_FILE_BYTES = 10**9
    print("| input | characters | points | parse (s) | PDF read (s) |")
    print("|---|---:|---:|---:|---:|")
    extract("warm-up.pdf", _pdf(leak(1)))  # pypdf's first use loads its modules
    rows = []
    for pages in (args.pages, args.pages * 10):
        text = leak(pages)
        result = parsing.parse(text)
        assert len(result.proposals) == pages * 9, len(result.proposals)
        assert not result.removed or result.removed[0].text.startswith("DRAFT")
        parse_time = best_of(lambda text=text: parsing.parse(text))
        pdf = _pdf(text)
        read_time = best_of(lambda pdf=pdf: extract("leak.pdf", pdf), repeat=1)
        rows.append((parse_time, read_time))
        print(
            f"| {pages} pages | {len(text):,} | {len(result.proposals):,} | "
            f"{parse_time:.3f} | {read_time:.2f} |"
        )
    (small_parse, small_read), (big_parse, big_read) = rows
    print(
        f"\n10× the input: parsing took {big_parse / small_parse:.1f}× as long, "
        f"reading the PDF {big_read / small_read:.1f}× as long."
    )


def _pdf(text: str) -> bytes:
    from fpdf import FPDF

    document = FPDF()
    document.set_auto_page_break(False)
    document.set_font("helvetica", size=8)
    for page in text.split("\f"):
        document.add_page()
        for line in page.split("\n"):
            document.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(document.output())


if __name__ == "__main__":
    main()
