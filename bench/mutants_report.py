"""Write mutmut's counts per module into bench/mutants.md, between its two marker lines.

Run by `make mutants` after `mutmut run`; reads `mutmut results --all true`. Survivors are
listed by name: each is either killed by a test added afterwards or explained in the note.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPORT = Path(__file__).with_name("mutants.md")
BEGIN, END = "<!-- mutmut:begin -->", "<!-- mutmut:end -->"
LINE = re.compile(r"^\s*(?P<name>[\w.ǁ]+)__mutmut_\d+: (?P<status>.+)$")
COLUMNS = ("killed", "survived", "timeout", "suspicious", "no tests", "skipped", "not checked")


def module_of(name: str) -> str:
    return name.split(".x", 1)[0] if ".x" in name else name.rsplit(".", 1)[0]


def table(results: str) -> str:
    counts: dict[str, Counter] = defaultdict(Counter)
    survivors: list[str] = []
    for line in results.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        status = match["status"].strip()
        counts[module_of(match["name"])][status] += 1
        if status == "survived":
            survivors.append(line.strip().rsplit(":", 1)[0])
    head = "| module | mutants | " + " | ".join(COLUMNS) + " | killed of those run |"
    rows = [head, "|---" * (len(COLUMNS) + 3) + "|"]
    for module, c in sorted(counts.items()):
        run = sum(c[s] for s in ("killed", "survived", "timeout", "suspicious"))
        share = f"{100 * (c['killed'] + c['timeout']) / run:.0f}%" if run else "–"
        cells = " | ".join(str(c[s]) for s in COLUMNS)
        rows.append(f"| `{module}` | {sum(c.values())} | {cells} | {share} |")
    rows += ["", "Survivors:", ""] + [f"- `{s}`" for s in survivors] if survivors else []
    return "\n".join(rows)


def main() -> int:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        capture_output=True,
        text=True,
        check=True,
    )
    text = REPORT.read_text()
    before, rest = text.split(BEGIN, 1)
    _, after = rest.split(END, 1)
    REPORT.write_text(f"{before}{BEGIN}\n{table(done.stdout)}\n{END}{after}")
    print(table(done.stdout))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
