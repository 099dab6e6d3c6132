"""Scale benchmark (issue 17): the pages at demo size, then with 200,000 provisions more.

    .venv/bin/python bench/scale.py                  # about 15 minutes; writes bench/scale.md
    .venv/bin/python bench/scale.py --processes 5    # a smaller data set, to try the tool

Like run.py it serves a snapshot of the code with gunicorn under production settings, on
PostgreSQL and Redis, and loads it with wrk. Every page is measured twice, on the same server
and code: with the demo data only, then after `scale_data.build()` has added 50 processes ×
20 drafts × 200 provisions (about 600,000 citations, 20,000 positions). Pages a signed-in
editor sees are never served from the page cache, so the comparison and admin pages are
requested with an editor's session. Editors share a cached grid of their own (retired by any
edit to the process), so the comparison is measured twice: repeat views under wrk, and first
views, one request each to distinct comparisons (other drafts, other filters), whose grid
no one has rendered yet: the uncached figure. Latency is measured with
`--connections` connections (default 2: service time with a little overlap, not a queue), and
the whole-process JSON export's peak worker memory is read from /proc after a fresh start.
"""

from __future__ import annotations

import argparse
import http.client
import io
import os
import shlex
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import loadgen
import run as bench_run
from server import Gunicorn, GunicornConfig, _status_kb

OUTPUT = bench_run.ROOT / "bench" / "scale.md"


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--db", default="peacetracker_scale_bench", help="database to (re)create")
    p.add_argument("--processes", type=int, default=50)
    p.add_argument("--seconds", type=int, default=8, help="wrk duration per page")
    p.add_argument("--connections", type=int, default=2)
    p.add_argument("--redis-url", default=bench_run.DEFAULT_REDIS)
    p.add_argument("--output", type=Path, default=OUTPUT)
    p.add_argument(
        "--build-only",
        action="store_true",
        help="build the data set, keep the database and stop (nothing is measured)",
    )
    p.add_argument(
        "--keep-db", action="store_true", help="leave the database in place, to look into it"
    )
    args = p.parse_args()
    args.cache = "redis"
    if "bench" not in args.db:
        p.error("--db must contain 'bench' (it is dropped)")
    return args


@dataclass
class Page:
    key: str
    name: str
    signed_in: bool
    target_ms: float | None  # p95 target at scale, if the issue sets one
    paths: dict[str, str] = field(default_factory=dict)  # size → path
    first_views: dict[str, list[str]] = field(default_factory=dict)  # size → distinct paths
    # Throughput target at demo size, as a share of the trivial view's, if the issue sets one
    share_target: float | None = None


@dataclass
class Figure:
    status: int
    kb: float
    requests: int
    rps: float
    p50: float
    p95: float
    errors: int


def get(port: int, path: str, headers: dict, timeout: float = 60) -> tuple[int, bytes, float]:
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, body, (time.perf_counter() - started) * 1000


def measure(server: Gunicorn, path: str, headers: dict, args, script: Path) -> Figure:
    try:
        status, body, _ = get(server.port, path, headers)
    except TimeoutError:  # recorded as a failure; the next page still gets measured
        server.restart()
        return Figure(0, 0, 0, 0, 0, 0, 1)
    for _ in range(2):  # every worker has loaded its templates and warmed its connection
        get(server.port, path, headers)
    result = loadgen.run(
        server.url + path,
        script=script,
        threads=1,
        connections=args.connections,
        seconds=args.seconds,
        timeout=60,
        headers=headers,
    )
    return Figure(
        status,
        len(body) / 1024,
        result.requests,
        result.rps,
        result.p50,
        result.p95,
        result.errors,
    )


def measure_first_views(server: Gunicorn, paths: list[str], headers: dict) -> Figure:
    """One request to each path, in turn: each is a page nobody has asked for yet. The
    first WARM_UP are not timed: they load every worker's templates, as measure() does."""
    for path in paths[:WARM_UP]:
        get(server.port, path, headers)
    timings, statuses, kb = [], [], 0.0
    for path in paths[WARM_UP:]:
        try:
            status, body, ms = get(server.port, path, headers)
        except TimeoutError:
            server.restart()
            return Figure(0, 0, 0, 0, 0, 0, 1)
        statuses.append(status)
        timings.append(ms)
        kb = max(kb, len(body) / 1024)
    timings.sort()

    def pct(q: float) -> float:
        return timings[min(len(timings) - 1, round(q * (len(timings) - 1)))]

    errors = sum(1 for s in statuses if s != 200)
    return Figure(
        200 if not errors else next(s for s in statuses if s != 200),
        kb,
        len(timings),
        len(timings) / (sum(timings) / 1000),
        pct(0.5),
        pct(0.95),
        errors,
    )


FIRST_VIEWS = 40
WARM_UP = 3


def first_view_paths(process_slugs: list[str], repeat_view: str) -> list[str]:
    """WARM_UP + FIRST_VIEWS distinct 3-draft comparisons (with and without a filter) in
    these processes, none of them the repeat-view page."""
    from itertools import combinations

    from apps.compare.comparison import sort_key
    from apps.drafts.models import Draft

    by_process: dict[int, list] = {}
    for d in sorted(Draft.objects.filter(process__slug__in=process_slugs), key=sort_key):
        by_process.setdefault(d.process_id, []).append(d.slug)  # in the comparison's order
    paths = []
    for suffix in ("?changed=1", "?view=clean", ""):
        for slugs in by_process.values():
            for three in combinations(slugs, 3):
                path = "/compare/" + "...".join(three) + "/" + suffix
                if path != repeat_view:
                    paths.append(path)
    # Spread over processes and drafts rather than the first few of one.
    wanted = WARM_UP + FIRST_VIEWS
    step = max(1, len(paths) // wanted)
    return paths[::step][:wanted]


def search_pages(quoted: str) -> list[str]:
    """WARM_UP + FIRST_VIEWS distinct pages of one search: each ranks every match anew (past
    the last page, the last is shown)."""
    return [f"/search/?q={quoted}&page={n}" for n in range(2, 2 + WARM_UP + FIRST_VIEWS)]


def page_paths(slug: str | None = None) -> dict:
    """The paths of each page for one process (by default the demo's first)."""
    from apps.alignment.models import Matter
    from apps.drafts.models import Draft, Party, PeaceProcess

    processes = PeaceProcess.objects.order_by("position", "pk")
    process = processes.get(slug=slug) if slug else processes.first()
    drafts = list(Draft.objects.filter(process=process).order_by("presented_on", "pk"))
    three = [drafts[0], drafts[len(drafts) // 2], drafts[-1]]
    matter = Matter.objects.filter(process=process).order_by("position", "pk").first()
    party = three[-1].authors.first() or Party.objects.first()
    compare = "/compare/" + "...".join(d.slug for d in three) + "/"
    return {
        "process": process.slug,
        "compare": compare,
        "first_views": first_view_paths([p.slug for p in processes], compare),
        "draft": f"/drafts/{drafts[-1].slug}/",
        "matter": f"/matters/{matter.pk}/",
        "party": f"/parties/{party.slug}/",
    }


def catalogue(demo: dict, scale: dict) -> list[Page]:
    def both(path_of) -> dict[str, str]:
        return {"demo": path_of(demo), "scale": path_of(scale)}

    def same[T](value: T) -> dict[str, T]:
        return {"demo": value, "scale": value}

    return [
        Page("trivial", "Trivial view", False, None, same("/healthz/")),
        # Results are kept per query and page until an edit: a repeat view is served from
        # them, so the latency target is measured on first views, pages nobody has asked for.
        Page(
            "search-first",
            "Search “prisoners”, first view (uncached)",
            False,
            150,
            same("/search/?q=prisoners"),
            first_views=same(search_pages("prisoners")),
        ),
        Page(
            "search",
            "Search “prisoners”, repeat view",
            False,
            None,
            same("/search/?q=prisoners"),
            share_target=0.15,
        ),
        Page(
            "search-number-first",
            "Search “600,000”, first view (uncached)",
            False,
            150,
            same("/search/?q=600%2C000"),
            first_views=same(search_pages("600%2C000")),
        ),
        Page(
            "compare-first",
            "Comparison, 3 drafts, first view (uncached)",
            True,
            300,
            both(lambda p: p["compare"]),
            first_views={"demo": demo["first_views"], "scale": scale["first_views"]},
        ),
        # No page cache for a signed-in editor: a repeat view is served from the editors'
        # grid cache (rows rendered once per content version), the rest of the page fresh.
        Page(
            "compare",
            "Comparison, 3 drafts, repeat view",
            True,
            None,
            both(lambda p: p["compare"]),
            share_target=0.10,
        ),
        Page("home", "Home (processes and drafts)", False, 100, same("/"), share_target=0.15),
        Page(
            "heatmap",
            "Heat map of a process",
            False,
            300,
            both(lambda p: f"/processes/{p['process']}/heatmap/"),
            share_target=0.15,
        ),
        Page(
            "draft",
            "Draft page (latest draft)",
            False,
            None,
            both(lambda p: p["draft"]),
            share_target=0.15,
        ),
        Page("matter", "Matter page", False, None, both(lambda p: p["matter"]), share_target=0.15),
        Page("party", "Party page", False, None, both(lambda p: p["party"]), share_target=0.15),
        Page("api-processes", "API: processes", False, 100, same("/api/v1/processes/")),
        Page("api-drafts", "API: drafts", False, 100, same("/api/v1/drafts/")),
        Page(
            "api-provisions",
            "API: provisions of a process",
            False,
            100,
            both(lambda p: f"/api/v1/provisions/?process={p['process']}"),
        ),
        Page("api-sources", "API: sources", False, 100, same("/api/v1/sources/")),
        Page("admin-provisions", "Admin: provisions", True, 500, same("/admin/drafts/provision/")),
        Page("admin-citations", "Admin: citations", True, 500, same("/admin/sources/citation/")),
    ]


def export_memory(server: Gunicorn, path: str) -> tuple[int, float, float, float, float]:
    """(status, MiB sent, seconds, growth and peak of the workers' RSS in MiB)."""
    server.restart()  # fresh workers: VmHWM is this request's peak
    before = max(_status_kb(pid).get("VmHWM", 0) for pid in server.worker_pids())
    started = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=600)
    conn.request("GET", path)
    response = conn.getresponse()
    sent = 0
    while chunk := response.read(65536):
        sent += len(chunk)
    conn.close()
    seconds = time.perf_counter() - started
    peak = max(_status_kb(pid).get("VmHWM", 0) for pid in server.worker_pids())
    return response.status, sent / 2**20, seconds, (peak - before) / 1024, peak / 1024


def main() -> int:
    args = parse_args()
    started_at = datetime.now(UTC)
    t0 = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="peacetracker-scale-"))
    source = bench_run.snapshot(workdir / "src")
    source_hash = bench_run.fingerprint(source)
    sys.path.insert(0, str(source))
    os.environ.update(bench_run.production_env(args, workdir / "static"))

    import django

    django.setup()
    import scale_data
    from django.core.management import call_command
    from django.db import connection, connections

    script, _ = loadgen.write_scripts(workdir)
    config = GunicornConfig(3, 2, "gthread")
    server = Gunicorn(
        root=source,
        gunicorn=bench_run.ROOT / ".venv" / "bin" / "gunicorn",
        config=config,
        env=dict(os.environ),
        log=workdir / "gunicorn.log",
    )
    figures: dict[tuple[str, str], Figure] = {}
    exports: dict[str, tuple] = {}
    found: dict[str, dict] = {}
    built = None
    try:
        bench_run.log(f"database {args.db}: create, migrate, load the demo")
        bench_run.drop_database(args.db, create=True)
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo", stdout=io.StringIO())
        call_command("collectstatic", interactive=False, verbosity=0)
        cookie = bench_run.editor_cookie()
        if args.build_only:
            scale_data.build(args.processes, log=bench_run.log)
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")  # nothing left for autovacuum to do mid-run
            bench_run.log(f"built; the database {args.db} is kept")
            return 0
        found["demo"] = page_paths()
        bench_run.clear_cache()
        server.start()
        for size in ("demo", "scale"):
            if size == "scale":
                server.stop()
                connections.close_all()
                built = scale_data.build(args.processes, log=bench_run.log)
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE")  # nothing left for autovacuum to do mid-run
                found["scale"] = page_paths(built.first_slug)
                bench_run.clear_cache()
                server.start()
            for page in catalogue(found["demo"], found.get("scale", found["demo"])):
                path = page.paths[size]
                headers = cookie if page.signed_in else {}
                if page.first_views:
                    figure = measure_first_views(server, page.first_views[size], headers)
                else:
                    figure = measure(server, path, headers, args, script)
                figures[page.key, size] = figure
                bench_run.log(
                    f"{size} {page.name}: {figure.status}, p50 {figure.p50:.0f} ms, "
                    f"p95 {figure.p95:.0f} ms, {figure.rps:.1f} req/s"
                )
                if figure.status != 200:
                    bench_run.log(f"  {path} answered {figure.status}")
            path = f"/processes/{found[size]['process']}/export.json"
            exports[size] = (path, *export_memory(server, path))
            bench_run.log(f"{size} export: {exports[size]}")
    finally:
        server.stop()
        connections.close_all()
        if not (args.keep_db or args.build_only):
            bench_run.drop_database(args.db)
        shutil.rmtree(source, ignore_errors=True)

    pages_ = catalogue(found["demo"], found["scale"])
    markdown = report(args, started_at, t0, source_hash, built, pages_, figures, exports)
    print(markdown)
    args.output.write_text(markdown)
    bench_run.log(f"written to {args.output}")
    return 0


def latency(f: Figure, args) -> str:
    if f.status == 0:
        return "no answer in 60 s"
    if f.requests == 0:
        return f"none done in {args.seconds} s"
    return f"{f.p50:,.0f} / {f.p95:,.0f}"


def report(args, started_at, t0, source_hash, built, pages_, figures, exports) -> str:
    trivial = {size: figures["trivial", size].rps for size in ("demo", "scale")}
    lines = [
        f"# PeaceTracker scale benchmark: {started_at:%Y-%m-%d %H:%M} UTC",
        "",
        f"Command: `{shlex.join(['.venv/bin/python', 'bench/scale.py', *sys.argv[1:]])}` "
        f"(total runtime {time.monotonic() - t0:,.0f} s)",
        "",
        "| | |",
        "|---|---|",
        *(f"| {k} | {v} |" for k, v in bench_run.machine()),
        f"| Code | {bench_run.code_version(source_hash)} |",
        f"| Server | `{GunicornConfig(3, 2, 'gthread').describe()}`, production settings, "
        f"Redis cache |",
        f"| Load | `wrk -t1 -c{args.connections} -d{args.seconds}s` per page after three "
        "warm-up requests; signed-in pages carry an editor's session cookie; first views: one "
        f"request to each of {FIRST_VIEWS} distinct comparisons or search pages, in turn |",
        "| Demo size | `load_demo` (two processes) |",
        f"| Scale size | demo + {built.processes} processes × 20 drafts × "
        f"{built.provisions // max(built.drafts, 1)} provisions: {built.drafts:,} drafts, "
        f"{built.provisions:,} provisions, {built.citations:,} citations, "
        f"{built.positions:,} positions, {built.sources:,} sources; built in "
        f"{built.seconds:,.0f} s |",
        "",
        "## Pages, demo size → scale size",
        "",
        "| Page | Signed in | Demo p50 / p95 ms | Scale p50 / p95 ms | Scale KB | "
        "Scale req/s | × trivial (scale) | Target p95 at scale | Result |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for page in pages_:
        d, s = figures[page.key, "demo"], figures[page.key, "scale"]
        ok = s.status == 200 and s.errors == 0 and s.requests > 0
        if page.target_ms is not None:
            verdict = "**PASS**" if ok and s.p95 < page.target_ms else "**FAIL**"
            target = f"< {page.target_ms:.0f} ms"
        else:
            verdict, target = ("—" if ok else "**FAIL**"), "—"
        lines.append(
            f"| {page.name} | {'yes' if page.signed_in else 'no'} | {latency(d, args)} "
            f"| {latency(s, args)} | {s.kb:,.0f} | {s.rps:,.1f} | "
            f"{s.rps / trivial['scale']:.1%} | {target} | {verdict} |"
        )
    lines += [
        "",
        "## Throughput at demo size, against the trivial view",
        "",
        "Issue 17's shares of the trivial view's throughput, on the demo data, with no page "
        "cache (anonymous pages other than a canonical comparison have none). A repeat view "
        "is served from the page's own cache of its costly part, kept per content version "
        "and audience: the editors' grid on the comparison, the list on the draft, matter and "
        "party pages, the results of a search, the picture of the heat map. Same server, "
        f"same `wrk -c{args.connections}`, one after the other.",
        "",
        "| Page | Demo req/s | × trivial (demo) | Target | Result |",
        "|---|---|---|---|---|",
        f"| Trivial view | {trivial['demo']:,.1f} | 100% | — | — |",
    ]
    for page in pages_:
        if page.share_target is None:
            continue
        d = figures[page.key, "demo"]
        share = d.rps / trivial["demo"] if trivial["demo"] else 0.0
        ok = d.status == 200 and d.errors == 0 and share >= page.share_target
        lines.append(
            f"| {page.name} | {d.rps:,.1f} | {share:.1%} | ≥ {page.share_target:.0%} | "
            f"{'**PASS**' if ok else '**FAIL**'} |"
        )
    lines += [
        "",
        "## Whole-process JSON export",
        "",
        "| Size | Path | Status | MiB sent | Seconds | Worker RSS growth MiB | "
        "Worker peak RSS MiB |",
        "|---|---|---|---|---|---|---|",
    ]
    for size, (path, status, mib, seconds, growth, peak) in exports.items():
        lines.append(
            f"| {size} | `{path}` | {status} | {mib:,.1f} | {seconds:,.1f} | {growth:,.0f} | "
            f"{peak:,.0f} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
