"""Bytes on the wire for the demo 3-draft comparison, in-process with Django's test client.

DEBUG=true DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py migrate
DEBUG=true DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py load_demo
DEBUG=true DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python bench/wire.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peacetracker.settings")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

PATHS = [
    "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/",
    "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/export.json",
    "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/export.csv",
]


def main() -> None:
    setup_test_environment()
    print("| Response | Raw bytes | On the wire (`gzip, br` offered) | Encoding | Ratio |")
    print("|---|---|---|---|---|")
    for path in PATHS:
        raw = len(Client().get(path).content)
        runs = [Client().get(path, headers={"Accept-Encoding": "gzip, br"}) for _ in range(5)]
        wire = max(len(r.content) for r in runs)
        encoding = runs[0].get("Content-Encoding", "identity")
        print(f"| `{path}` | {raw:,} | {wire:,} (largest of 5) | {encoding} | 1/{raw / wire:.1f} |")


if __name__ == "__main__":
    main()
