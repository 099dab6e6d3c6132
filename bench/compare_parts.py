"""Where an uncached comparison's time goes, part by part, in-process.

    .venv/bin/python bench/scale.py --build-only       # keeps peacetracker_scale_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/peacetracker_scale_bench \\
    SECRET_KEY=x DEBUG=false ALLOWED_HOSTS=localhost CACHE_URL=redis://127.0.0.1:6379/13 \\
    SECURE_SSL_REDIRECT=false STATIC_ROOT=/tmp/static \\
        .venv/bin/python bench/compare_parts.py [--tree DIR] [--reps N] PATH...

(run `manage.py collectstatic` into STATIC_ROOT once first.) Each PATH is requested REPS
times by the scale data set's editor, with the cache emptied before each request, so the
grid is built and rendered and every word diff computed, as on a comparison nobody has asked
for. The app's own steps (`comparison.build` and its parts, the grid's rendering, the page's)
are timed; the table gives, per part, the mean over the paths of each path's fastest
request, since on a shared machine the fastest is the least disturbed. `--tree` measures
another checkout (`git worktree add /tmp/before <commit>`) against the same database.
The cache emptied is the one CACHE_URL names: use a Redis database of its own.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from pathlib import Path

PARTS = (
    "_provisions",
    "_entries",
    "_links",
    "_place",
    "_relate",
    "_attach_positions",
    "_diff_rows",
    "_compare_terms",
    "build",
)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("paths", nargs="+")
    p.add_argument("--tree", default=str(Path(__file__).resolve().parent.parent))
    p.add_argument("--reps", type=int, default=5)
    p.add_argument("--user", default="bench-editor")
    args = p.parse_args()
    sys.path.insert(0, args.tree)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peacetracker.settings")

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.test import Client

    from apps.compare import comparison, views

    current: dict[str, float] = {}

    def timed(module, name: str, label: str) -> None:
        original = getattr(module, name)

        @functools.wraps(original)
        def wrapper(*a, **kw):
            started = time.perf_counter()
            try:
                return original(*a, **kw)
            finally:
                elapsed = (time.perf_counter() - started) * 1000
                current[label] = current.get(label, 0.0) + elapsed

        setattr(module, name, wrapper)

    for name in PARTS:
        timed(comparison, name, name)
    timed(views, "render_to_string", "grid rendered (_grid.html, _changes.html)")
    timed(views, "render_page", "page rendered around it (compare.html)")

    client = Client(HTTP_HOST="localhost")
    client.force_login(get_user_model().objects.get(username=args.user))
    fastest: dict[tuple[str, str], float] = {}
    for path in args.paths:
        for _ in range(args.reps):
            current.clear()
            cache.clear()
            started = time.perf_counter()
            status = client.get(path).status_code
            current["whole request"] = (time.perf_counter() - started) * 1000
            if status != 200:
                raise SystemExit(f"{path} answered {status}")
            for label, ms in current.items():
                fastest[path, label] = min(fastest.get((path, label), float("inf")), ms)
    labels = {label for _, label in fastest}
    means = {
        label: sum(fastest.get((path, label), 0.0) for path in args.paths) / len(args.paths)
        for label in labels
    }
    print(f"| Part | ms (mean over {len(args.paths)} paths of each one's fastest of {args.reps}) |")
    print("|---|---|")
    for label, ms in sorted(means.items(), key=lambda item: -item[1]):
        print(f"| {label} | {ms:,.1f} |")


if __name__ == "__main__":
    main()
