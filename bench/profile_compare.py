"""The uncached demo comparison for a signed-in editor, timed and profiled in-process.

    DEBUG=true DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py migrate
    DEBUG=true DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python manage.py load_demo
    DEBUG=true DATABASE_URL=sqlite:////tmp/demo.sqlite3 .venv/bin/python \\
        bench/profile_compare.py [--profile] [--path /compare/a...b...c/]

`--path` profiles another comparison, e.g. one of bench/scale.py's data set (kept with
`bench/scale.py --build-only`, then DATABASE_URL=postgres://postgres@127.0.0.1/peacetracker_scale_bench).

DEBUG settings (Django's cached template loader is on there too; SQLite, locmem cache);
Django's test client; the editor signs in, so the page cache is not used, and the
process's content version is moved on before each request (as an edit would), so the grid
is rendered every time; word diffs, cached by content, stay cached as they would.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peacetracker.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402

from apps.core import versioning  # noqa: E402
from apps.drafts.models import PeaceProcess  # noqa: E402

DEMO_PATH = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"
RUNS = 40


def _path() -> str:
    if "--path" in sys.argv:
        return sys.argv[sys.argv.index("--path") + 1]
    return DEMO_PATH


def main() -> None:
    path = _path()
    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username="editor"))
    process = PeaceProcess.objects.get(drafts__slug=path.split("/")[2].split("...")[0])

    def uncached_get():
        versioning.bump([process.pk])  # an edit: the editors' cached grid is retired
        return client.get(path)

    for _ in range(5):
        assert uncached_get().status_code == 200
    reset_queries()
    size = len(uncached_get().content)
    queries = len(connection.queries)  # DEBUG keeps them
    times = []
    for _ in range(RUNS):
        versioning.bump([process.pk])
        start = time.perf_counter()
        client.get(path)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(
        f"{path} as editor: median {statistics.median(times):.1f} ms, "
        f"p90 {times[int(RUNS * 0.9)]:.1f} ms, min {times[0]:.1f} ms over {RUNS} runs; "
        f"{queries} queries; {size:,} bytes"
    )
    if "--profile" in sys.argv:
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(10):
            uncached_get()
        profile.disable()
        stats = pstats.Stats(profile).sort_stats("cumulative")
        stats.print_stats(45)


if __name__ == "__main__":
    main()
