"""How long editor HTML takes to sanitise, save and view, by size and by nesting.

A tool, not a test. It sets the project up on a throw-away SQLite database and prints
Markdown tables (pasted into bench/results.md):

    .venv/bin/python bench/sanitiser.py                 # this tree
    .venv/bin/python bench/sanitiser.py --tree /tmp/old # another checkout (e.g. `git archive`)

1. The sanitiser itself (bleach, without the bounds) against nesting depth and size: what
   an unbounded field pays.
2. `sanitize_html` as the tree has it: accepted (and how fast) or refused (and how fast).
3. Saving a provision with each body, then viewing its draft page, provision page, API
   answer, export and comparison: seconds per save and per view.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def timed(fn, *args, repeat: int = 1) -> float:
    best = None
    for _ in range(repeat):
        started = time.perf_counter()
        fn(*args)
        elapsed = time.perf_counter() - started
        best = elapsed if best is None else min(best, elapsed)
    return best


def setup(tree: Path, db: Path) -> None:
    sys.path.insert(0, str(tree))
    os.chdir(tree)
    os.environ.update(
        DEBUG="true",
        DATABASE_URL=f"sqlite:///{db}",
        DJANGO_SETTINGS_MODULE="peacetracker.settings",
        ALLOWED_HOSTS="testserver",
        LOG_LEVEL="ERROR",
    )
    os.environ.pop("CACHE_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def nested(depth: int) -> str:
    return "<em>" * depth + "x"


def sized(chars: int) -> str:
    """Ordinary paragraphs with a link and emphasis every few words, `chars` long."""
    unit = '<p>The parties agree to <em>talks</em> at <a href="https://example.org/">x</a>.</p>'
    return (unit * (chars // len(unit) + 1))[:chars]


def at_limits() -> dict[str, str]:
    """The worst bodies the bounds let through (as tests/core/test_html_bounds.py)."""
    from apps.core import html

    limit = getattr(html, "MAX_HTML_LENGTH", 20_000)
    markup = getattr(html, "MAX_MARKUP", 1_000)
    depth = getattr(html, "MAX_NESTING_DEPTH", 20) - 1
    left_open = getattr(html, "MAX_REOPENED", 100) // 5
    ems = "".join(f'<em title="{i}">' for i in range(depth))
    nested = "<p>" + ems + "x" + "</em>" * depth + "</p>" + "<em>" * 5
    nested += "<p>x</p>" * left_open + "</em>" * 5
    nested += "<p>x</p>" * ((markup - nested.count("<") - nested.count("=") - 2) // 2)
    bodies = {
        "at the limits: nesting, tags left open, paragraphs": nested,
        "at the limits: entities": "<p>" + "&amp;" * (markup - 2) + "</p>",
        "at the limits: links": '<p><a href="https://example.org/">x</a></p>' * (markup // 5),
    }
    return {k: v + "y" * (limit - len(v)) for k, v in bodies.items()}


def sanitiser_tables(quick: bool) -> None:
    from django.core.exceptions import ValidationError

    from apps.core import html

    depths = [100, 1_000, 5_000, 10_000] + ([] if quick else [20_000])
    sizes = [2_000, 20_000, 100_000] + ([] if quick else [200_000])
    print("| Input | Characters | bleach alone, s | `sanitize_html`, s | `sanitize_html` does |")
    print("|---|---|---|---|---|")
    cases = [(f"`<em>` × {d:,}", nested(d)) for d in depths]
    cases += [(f"paragraphs, {s:,} chars", sized(s)) for s in sizes]
    for name, raw in cases:
        bleach_alone = timed(html._cleaner().clean, raw)
        started = time.perf_counter()
        try:
            html.sanitize_html(raw)
            outcome = "sanitises"
        except ValidationError as exc:
            outcome = "refuses: " + exc.messages[0].split(";")[0]
        took = time.perf_counter() - started
        print(f"| {name} | {len(raw):,} | {bleach_alone:.3f} | {took:.4f} | {outcome} |")


def save_and_view(quick: bool) -> None:
    from django.core.cache import cache
    from django.core.exceptions import ValidationError
    from django.test import Client

    from apps.drafts.models import Draft, PeaceProcess, Provision

    process = PeaceProcess.objects.create(name="Sanitiser bench", slug="sanitiser-bench")
    a = Draft.objects.create(process=process, title="A", label="A", slug="bench-a", published=True)
    b = Draft.objects.create(process=process, title="B", label="B", slug="bench-b", published=True)
    Provision.objects.create(draft=b, label="1", body="<p>Other.</p>", published=True)
    provision = Provision.objects.create(draft=a, label="1", body="<p>x</p>", published=True)
    bodies = {"normal (300 chars)": sized(300), **at_limits()}
    bodies[f"`<em>` × {10_000 if quick else 20_000:,} (nesting bomb)"] = nested(
        10_000 if quick else 20_000
    )
    views = {
        "draft page": "/drafts/bench-a/",
        "provision page": f"/provisions/{provision.key}/",
        "API": f"/api/v1/provisions/{provision.key}/",
        "export": "/drafts/bench-a/export.json",
        "comparison": "/compare/bench-a...bench-b/",
    }
    print()
    print("| Body | Characters | Save, s | " + " | ".join(f"{v}, s" for v in views) + " |")
    print("|---|---|---|" + "---|" * len(views))
    client = Client()
    for url in views.values():  # warm up: imports, templates, connections
        client.get(url)
    for name, body in bodies.items():
        provision.refresh_from_db()
        provision.body = body
        started = time.perf_counter()
        try:
            provision.save()
        except ValidationError as exc:
            took = time.perf_counter() - started
            refused = exc.messages[0].split(";")[0]
            cells = " | ".join("—" for _ in views)
            print(f"| {name} | {len(body):,} | refused in {took:.4f}: {refused} | {cells} |")
            continue
        saved = time.perf_counter() - started
        cells = []
        for url in views.values():
            cache.clear()  # no cached page or diff: what each new version costs to show
            started = time.perf_counter()
            assert client.get(url).status_code == 200, url
            cells.append(f"{time.perf_counter() - started:.3f}")
        print(f"| {name} | {len(body):,} | {saved:.3f} | " + " | ".join(cells) + " |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--quick", action="store_true", help="skip the slowest inputs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup(args.tree.resolve(), Path(tmp) / "bench.sqlite3")
        sanitiser_tables(args.quick)
        save_and_view(args.quick)


if __name__ == "__main__":
    main()
