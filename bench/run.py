"""Load-test PeaceTracker on PostgreSQL with gunicorn and wrk; write bench/results.md.

A tool, not a test: `.venv/bin/python bench/run.py` (see bench/README.md). It builds a fresh
database (demo data plus a synthetic process of 20 drafts × 500 provisions), serves it with
gunicorn under production settings on a free loopback port, measures a trivial view, the
demo comparison and synthetic comparisons of 2, 4 and 6 drafts cold and warm, runs 64
connections against the 6-draft comparison, restarts PostgreSQL under load, and prints and
writes the results. Every wait is bounded; the database and the server are removed at the
end, and PostgreSQL is started again whatever happens.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import hashlib
import io
import math
import os
import platform
import pstats
import re
import secrets
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import drill
import loadgen
import psycopg
import report
import server as server_module
from psycopg import sql
from report import Endpoint, EndpointResult, Profile, Run
from server import Gunicorn, GunicornConfig, Sampler

ROOT = Path(__file__).resolve().parent.parent
# What the app is made of: copied at the start, so edits made during a run cannot mix two
# versions of the code in one set of figures.
SOURCES = ["manage.py", "peacetracker", "apps", "templates", "static"]

ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
DEFAULT_REDIS = "redis://127.0.0.1:6379/12"
RESULTS = ROOT / "bench" / "results.md"
DEMO_SLUGS = ["us-28-point-plan", "e3-counter-proposal", "geneva-revision"]
DEMO_PATH = "/compare/" + "...".join(DEMO_SLUGS) + "/"
# A light page that reads the database through the ORM (the drafts picker).
DRILL_PATH = "/compare/"
# Evenly spread over the 20 synthetic drafts, so each column differs from its neighbour.
SYNTHETIC = {"two": (1, 20), "four": (1, 7, 14, 20), "six": (1, 5, 9, 12, 16, 20)}
# Issue 17: 6-draft comparisons nobody has asked for yet, for a signed-in editor (no page
# cache), UNCACHED_CONNECTIONS at once; the first UNCACHED_WARM_UP are not timed.
UNCACHED_CONNECTIONS, UNCACHED_REQUESTS, UNCACHED_WARM_UP = 16, 64, 16


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="peacetracker_bench", help="database to (re)create and drop")
    p.add_argument("--workers", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--worker-class", default="gthread")
    p.add_argument(
        "--cache",
        choices=["redis", "locmem"],
        default="redis",
        help="redis (as docker-compose deploys; its database is flushed) or per-process memory",
    )
    p.add_argument("--redis-url", default=DEFAULT_REDIS)
    p.add_argument("--connections", type=int, default=16)
    p.add_argument("--cold-seconds", type=int, default=5)
    p.add_argument("--warm-seconds", type=int, default=15)
    p.add_argument("--single-seconds", type=int, default=10)
    p.add_argument("--many-seconds", type=int, default=30)
    p.add_argument("--drill-seconds", type=int, default=40)
    p.add_argument(
        "--wrk-timeout",
        type=int,
        default=30,
        help="seconds before wrk gives up on a response (default: gunicorn's worker timeout)",
    )
    p.add_argument(
        "--endpoints",
        default="trivial,demo,two,four,six",
        help="comma-separated subset of: trivial, demo, two, four, six",
    )
    p.add_argument(
        "--wait-quiet",
        type=int,
        default=0,
        metavar="SECONDS",
        help="before each phase, wait up to this long for other processes to leave the CPU "
        "(under 0.25 cores); for shared machines",
    )
    p.add_argument("--quick", action="store_true", help="short runs: a smoke test of the tool")
    p.add_argument(
        "--restart-drill", action="store_true", help="run only the PostgreSQL restart drill"
    )
    p.add_argument("--no-restart-drill", action="store_true", help="skip the restart drill")
    p.add_argument(
        "--drill-force",
        action="store_true",
        help="restart PostgreSQL even if other sessions are using it (after waiting)",
    )
    p.add_argument(
        "--output",
        type=Path,
        help="Markdown file to write (default: bench/results.md for a "
        "full run; nothing for --quick or --restart-drill)",
    )
    args = p.parse_args()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*bench[a-z0-9_]*", args.db):
        p.error("--db must be a plain lower-case name containing 'bench' (it is dropped)")
    if args.quick:
        args.cold_seconds, args.warm_seconds = 2, 4
        args.single_seconds, args.many_seconds, args.drill_seconds = 3, 6, 20
    if args.output is None and not (args.quick or args.restart_drill):
        args.output = RESULTS
    return args


STARTED = time.monotonic()


def log(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


def production_env(args: argparse.Namespace, static_root: Path) -> dict[str, str]:
    """Production settings, as deployed, except plain HTTP on loopback."""
    env = {
        "DJANGO_SETTINGS_MODULE": "peacetracker.settings",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
        "STATIC_ROOT": str(static_root),
    }
    if args.cache == "redis":
        env["CACHE_URL"] = args.redis_url
    return env


def snapshot(into: Path) -> Path:
    """Copy the app's source into `into`; gunicorn and the in-process checks run that copy."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    into.mkdir(parents=True)
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, into / name, ignore=ignore)
        else:
            shutil.copy2(source, into / name)
    return into


def fingerprint(root: Path) -> str:
    """A hash of the app's source files under `root` (paths and contents)."""
    digest = hashlib.sha256()
    for name in SOURCES:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if "__pycache__" in path.parts or path.suffix == ".pyc":
                continue
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def code_version(snapshot_hash: str) -> str:
    """The commit, how many app files differ from it, and the hash of what was measured."""
    git = ["git", "-C", str(ROOT)]
    head = subprocess.run(
        [*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True, timeout=10
    ).stdout.strip()
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--", *SOURCES], capture_output=True, text=True, timeout=10
    ).stdout.splitlines()
    return (
        f"commit `{head or '?'}` + {len(changed)} uncommitted file(s) in the app; "
        f"snapshot `{snapshot_hash}` taken at the start and served for the whole run"
    )


def drop_database(name: str, *, create: bool = False) -> None:
    """Drop the benchmark database (closing its sessions), and create it afresh if asked."""
    with psycopg.connect(ADMIN_URL, autocommit=True) as conn:
        db = sql.Identifier(name)
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(db))
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(db))


def machine() -> list[tuple[str, str]]:
    import django
    import gunicorn

    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    mem = re.search(r"^MemTotal:\s*(\d+)", Path("/proc/meminfo").read_text(), re.MULTILINE)
    with psycopg.connect(ADMIN_URL) as conn:
        pg = conn.execute("SHOW server_version").fetchone()[0]
    wrk = subprocess.run([loadgen.WRK, "-v"], capture_output=True, text=True, timeout=10)
    return [
        ("CPU", f"{os.cpu_count()} × {model.group(1) if model else 'unknown'}"),
        ("Memory", f"{int(mem.group(1)) / 1024 / 1024:.1f} GiB" if mem else "unknown"),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("PostgreSQL", pg),
        ("Python", platform.python_version()),
        ("Django", django.get_version()),
        ("gunicorn", gunicorn.__version__),
        ("wrk", (wrk.stdout or wrk.stderr).split("[")[0].strip()),
    ]


def endpoints() -> list[Endpoint]:
    def spec(numbers: tuple[int, ...]) -> str:
        return "/compare/" + "...".join(f"bench-{n:02d}" for n in numbers) + "/"

    return [
        Endpoint("trivial", "Trivial view", "/healthz/", "`SELECT 1`"),
        Endpoint("demo", "Demo comparison", DEMO_PATH, "3 drafts × 27 matters"),
        Endpoint("two", "Synthetic, 2 drafts", spec(SYNTHETIC["two"]), "2 × 500"),
        Endpoint("four", "Synthetic, 4 drafts", spec(SYNTHETIC["four"]), "4 × 500"),
        Endpoint("six", "Synthetic, 6 drafts", spec(SYNTHETIC["six"]), "6 × 500"),
    ]


def uncached_six_paths(count: int) -> list[str]:
    """`count` distinct 6-draft comparisons of the synthetic process, spread over its drafts
    (bench-01 is the earliest, so each path is already in the comparison's own order)."""
    from itertools import combinations

    combos = list(combinations([f"bench-{n:02d}" for n in range(1, 21)], 6))
    step = max(1, len(combos) // count)
    return ["/compare/" + "...".join(c) + "/" for c in combos[::step][:count]]


def editor_cookie() -> dict[str, str]:
    """A signed-in editor's session cookie: such a visitor is never served a cached page."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    user, _ = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    name = settings.SESSION_COOKIE_NAME
    return {"Cookie": f"{name}={client.cookies[name].value}"}


def count_queries(path: str) -> tuple[int, float, float, int]:
    """(SQL queries, their total ms, page KB, comparison rows shown) of one in-process GET."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}, not 200")
    sql_ms = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
    rows = response.content.count(b'class="cmp-row')
    return len(ctx.captured_queries), sql_ms, len(response.content) / 1024, rows


def _top(profiler: cProfile.Profile, order: str = "tottime", only: str = "") -> str:
    """The top 10 functions by `order`, optionally only paths matching `only`, shortened."""
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats(order)
    if only:
        stats.print_stats(only, 10)
    else:
        stats.print_stats(10)
    text = out.getvalue()
    text = re.sub(r"/\S*/site-packages/", "", text)
    text = re.sub(r"/\S*/lib/python3\.\d+/", "", text)
    text = re.sub(r"/\S*/peacetracker-bench-[^/]+/src/", "", text)
    start = text.find("   ncalls")
    return "\n".join(line.rstrip() for line in text[start:].strip().splitlines())


def profile_page(name: str, path: str, slugs: list[str], repeats: int = 1) -> Profile:
    """Time and profile `path` in-process, with an empty then a filled cache.

    Timings without the profiler are the best of `repeats` (the machine may be shared);
    `comparison.build()` is timed alone to split data and diffs from template rendering.
    """
    from django.core.cache import cache
    from django.test import Client

    from apps.compare import comparison
    from apps.drafts.models import Draft

    client = Client(HTTP_HOST="127.0.0.1")

    def timed(fn: Callable[[], object]) -> float:
        started = time.perf_counter()
        fn()
        return (time.perf_counter() - started) * 1000

    def build() -> comparison.Comparison:
        return comparison.build(comparison.load_drafts(slugs, Draft.objects.published()))

    cache.clear()
    cold_ms = timed(lambda: client.get(path))
    warm_ms = min(timed(lambda: client.get(path)) for _ in range(repeats))
    build_cold_ms = build_warm_ms = math.nan
    diffs = 0
    cache.clear()
    try:  # apps.compare's internals may change; the timings above do not depend on them
        build_cold_ms = timed(build)
        build_warm_ms = min(timed(build) for _ in range(repeats))
        built = build()
        diffs = sum(1 for row in built.rows for c in row.cells for i in c.items if i.diff)
    except (TypeError, AttributeError) as exc:
        log(f"comparison.build() not timed: {exc!r}")

    profilers = []
    cache.clear()
    for _ in range(2):
        profiler = cProfile.Profile()
        profiler.runcall(client.get, path)
        profilers.append(profiler)
    cache.clear()
    return Profile(
        name=name,
        path=path,
        cold_ms=cold_ms,
        warm_ms=warm_ms,
        repeats=repeats,
        build_cold_ms=build_cold_ms,
        build_warm_ms=build_warm_ms,
        diffs=diffs,
        top_cold=_top(profilers[0]),
        top_warm=_top(profilers[1]),
        app_warm=_top(profilers[1], "cumulative", r"/apps/"),
    )


def row_counts() -> dict[str, int]:
    """Rows that must survive the restart drill (a fresh connection: the old one is gone)."""
    from django.db import connections

    from apps.alignment.models import MatterEntry
    from apps.drafts.models import Draft, Provision
    from apps.sources.models import Citation

    connections.close_all()
    return {
        "drafts": Draft.objects.count(),
        "provisions": Provision.objects.count(),
        "citations": Citation.objects.count(),
        "aligned provisions": MatterEntry.objects.count(),
    }


def clear_cache() -> None:
    """Empty the diff cache gunicorn uses (redis); a restart empties per-process memory."""
    from django.core.cache import cache

    cache.clear()


def wait_quiet(sampler: Sampler, within: float, below: float = 0.25) -> None:
    """Wait (at most `within` s) until other processes use under `below` cores for 3 s."""
    if within <= 0:
        return
    sampler.mark("waiting")
    deadline = time.monotonic() + within
    tick = os.sysconf("SC_CLK_TCK")
    cores = math.nan
    while time.monotonic() < deadline:
        before = sampler.get("waiting")
        ticks, seconds = before.other_ticks, before.seconds
        time.sleep(3)
        after = sampler.get("waiting")
        cores = (after.other_ticks - ticks) / tick / max(after.seconds - seconds, 0.1)
        if cores < below:
            return
    log(f"the machine stayed busy (other processes: {cores:.2f} cores); measuring anyway")


def _stop_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


class Bench:
    """One run: the server, the sampler and the figures gathered so far."""

    def __init__(self, args: argparse.Namespace, workdir: Path, source: Path):
        self.args = args
        self.workdir = workdir
        self.summary_lua, self.per_second_lua = loadgen.write_scripts(workdir)
        self.config = GunicornConfig(args.workers, args.threads, args.worker_class)
        self.server = Gunicorn(
            root=source,
            gunicorn=ROOT / ".venv" / "bin" / "gunicorn",
            config=self.config,
            env=dict(os.environ),
            log=workdir / "gunicorn.log",
        )
        self.sampler = Sampler(self.server, args.db)
        self.wrk = {"script": self.summary_lua, "timeout": args.wrk_timeout}
        self.measured: dict[str, tuple[int, float, float, int]] = {}
        self.phases: list[tuple[str, float, float]] = []  # (name, start, end), wall clock

    def build_database(self, run: Run) -> None:
        import synthetic
        from django.core.management import call_command

        log(f"database {self.args.db}: create, migrate, load the demo")
        drop_database(self.args.db, create=True)
        call_command("migrate", verbosity=0, interactive=False)
        demo_out = io.StringIO()
        call_command("load_demo", stdout=demo_out)
        log(demo_out.getvalue().splitlines()[0])
        built = synthetic.build()
        log(
            f"synthetic: {len(built.slugs)} drafts, {built.provisions:,} provisions, "
            f"{built.matters} matters, {built.citations:,} citations"
        )
        run.data.append(
            (
                "Data",
                f"demo data (`load_demo`) + “{synthetic.PROCESS_NAME}”: {len(built.slugs)} "
                f"drafts × {synthetic.MATTERS} provisions, {built.matters} matters, "
                f"{built.citations:,} citations",
            )
        )
        call_command("collectstatic", interactive=False, verbosity=0)

    def in_process(self, run: Run, targets: list[Endpoint]) -> None:
        """SQL queries of every page, and profiles of the demo and 6-draft comparisons."""
        from django.db import connections

        clear_cache()  # nothing left over from an earlier run
        for e in targets:
            self.measured[e.key] = queries, _, kb, rows = count_queries(e.path)
            log(f"{e.name}: {queries} SQL queries, {kb:,.0f} KB")
            if e.key != "trivial" and not rows:
                # An empty comparison is fast and meaningless: the data is not public.
                raise SystemExit(f"{e.name} shows no rows at {e.path}: is the data published?")
        to_profile = {
            "demo": (DEMO_SLUGS, 5),
            "six": ([f"bench-{n:02d}" for n in SYNTHETIC["six"]], 1),
        }
        for e in targets:
            if e.key in to_profile:
                slugs, repeats = to_profile[e.key]
                profile = profile_page(e.name, e.path, slugs, repeats)
                run.profiles.append(profile)
                log(
                    f"profile of {e.name}: in-process {profile.cold_ms:,.0f} ms cold, "
                    f"{profile.warm_ms:,.0f} ms warm"
                )
        connections.close_all()

    def settle(self) -> None:
        """Get rid of the requests the last wrk run left queued in the workers.

        With a shared cache a restart does it at once and keeps the diffs cached;
        per-process caches would be lost, so then wait (bounded) for the queue to drain.
        """
        if self.args.cache == "redis":
            self.server.restart()
        else:
            self.server.wait_idle(within=60)

    def endpoint(self, e: Endpoint) -> EndpointResult:
        """Cold (fresh server, empty cache), then warm, figures of one page."""
        args, server = self.args, self.server
        wait_quiet(self.sampler, args.wait_quiet)
        clear_cache()
        server.restart()
        self.sampler.mark(e.key)
        started = time.time()
        status, first_ms, _ = loadgen.timed_get("127.0.0.1", server.port, e.path)
        if status != 200:
            raise RuntimeError(f"{e.path} answered {status}")
        c = args.connections
        cold = loadgen.run(
            server.url + e.path, connections=c, seconds=args.cold_seconds, **self.wrk
        )
        self.settle()
        statuses = loadgen.warm_up(server.port, e.path, self.config.workers * self.config.threads)
        if any(status != 200 for status in statuses):
            log(f"{e.name}: warm-up answered {statuses}")
        warm = loadgen.run(
            server.url + e.path, connections=c, seconds=args.warm_seconds, **self.wrk
        )
        single = None
        if e.key == "six":
            self.settle()
            loadgen.warm_up(server.port, e.path, self.config.workers)
            single = loadgen.run(
                server.url + e.path,
                threads=1,
                connections=1,
                seconds=args.single_seconds,
                **self.wrk,
            )
        queries, sql_ms, page_kb, rows = self.measured[e.key]
        stats = self.sampler.get(e.key)
        self.phases.append((e.name, started, time.time()))
        log(
            f"{e.name}: first {first_ms:,.0f} ms; cold {cold.rps:,.1f} req/s; warm "
            f"{warm.rps:,.1f} req/s, p95 {warm.latency(95)} ms, errors {warm.error_text()}; "
            f"other processes {stats.other_cores:.2f} cores"
        )
        return EndpointResult(
            e, queries, sql_ms, page_kb, rows, first_ms, cold, warm, stats, single
        )

    def many(self, run: Run, path: str) -> None:
        """64 connections for `--many-seconds` on `path`."""
        self.server.wait_idle(within=30)  # the one-connection run leaves at most one request
        wait_quiet(self.sampler, self.args.wait_quiet)
        self.sampler.mark("many")
        started = time.time()
        run.many = loadgen.run(
            self.server.url + path, connections=64, seconds=self.args.many_seconds, **self.wrk
        )
        run.many_stats = self.sampler.get("many")
        self.phases.append(("64 connections", started, time.time()))
        log(f"64 connections: {run.many.rps:,.1f} req/s, errors {run.many.error_text()}")

    def uncached_six(self, run: Run) -> None:
        """Distinct 6-draft comparisons for an editor, UNCACHED_CONNECTIONS at once: every
        request renders its grid (the word diffs, cached by content, may be shared)."""
        from concurrent.futures import ThreadPoolExecutor

        self.server.wait_idle(within=30)
        wait_quiet(self.sampler, self.args.wait_quiet)
        headers = editor_cookie()
        paths = uncached_six_paths(UNCACHED_WARM_UP + UNCACHED_REQUESTS)
        # Signed in, or the pages would be the public's (and the public's may be cached).
        with urllib.request.urlopen(
            urllib.request.Request(self.server.url + "/", headers=headers), timeout=60
        ) as response:
            if "Editors’ admin" not in response.read().decode():
                raise RuntimeError("the editor's session cookie did not sign the bench in")
        self.sampler.mark("uncached-six")
        started = time.time()

        def get(path: str) -> tuple[int, float, int]:
            return loadgen.timed_get("127.0.0.1", self.server.port, path, 120, headers)

        with ThreadPoolExecutor(UNCACHED_CONNECTIONS) as pool:
            list(pool.map(get, paths[:UNCACHED_WARM_UP]))  # every worker has its templates
            t0 = time.perf_counter()
            answers = list(pool.map(get, paths[UNCACHED_WARM_UP:]))
            seconds = time.perf_counter() - t0
        self.phases.append(("Uncached 6-draft comparisons", started, time.time()))
        run.uncached_six = report.Uncached(
            statuses=[status for status, _, _ in answers],
            latencies=sorted(ms for _, ms, _ in answers),
            seconds=seconds,
            connections=UNCACHED_CONNECTIONS,
        )
        log(f"uncached 6-draft comparisons: {run.uncached_six.describe()}")

    def restart_drill(self, run: Run) -> None:
        from django.db import connections

        args = self.args
        wait_quiet(self.sampler, args.wait_quiet)
        self.sampler.mark("drill")
        log(f"restart drill: {args.drill_seconds} s of load on {DRILL_PATH}")
        connections.close_all()
        self.server.restart()  # drops whatever the previous runs left queued
        started = time.time()
        for _attempt in range(2):  # once more if someone else was using PostgreSQL
            run.drill = drill.run(
                server_port=self.server.port,
                path=DRILL_PATH,
                script=self.per_second_lua,
                admin_url=ADMIN_URL,
                own_db=args.db,
                counts=row_counts,
                seconds=args.drill_seconds,
                restart_after=min(8, args.drill_seconds / 4),
                connections=args.connections,
                force=args.drill_force,
            )
            if not run.drill.skipped:
                break
            log(f"restart drill skipped: {run.drill.skipped}")
        self.phases.append(("Restart drill", started, time.time()))
        outcome = "skipped" if run.drill.skipped else "done"
        log(f"restart drill: {outcome}; passed={run.drill.passed}")

    def cleanup(self) -> None:
        """Stop everything this run started; PostgreSQL must be left running."""
        from django.db import connections

        self.sampler.stop()
        self.server.stop()
        drill.ensure_running(ADMIN_URL)
        with contextlib.suppress(Exception):
            connections.close_all()
        with contextlib.suppress(Exception):
            drop_database(self.args.db)
        if self.args.cache == "redis":
            with contextlib.suppress(Exception):
                clear_cache()


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    started_at = datetime.now(UTC)
    workdir = Path(tempfile.mkdtemp(prefix="peacetracker-bench-"))
    source = snapshot(workdir / "src")
    source_hash = fingerprint(source)
    sys.path.insert(0, str(source))
    os.environ.update(production_env(args, workdir / "static"))
    if args.cache == "locmem":
        os.environ["CACHE_URL"] = "locmem://"

    import django

    django.setup()
    bench = Bench(args, workdir, source)
    run = Run(
        started=started_at.strftime("%Y-%m-%d %H:%M UTC"),
        command=shlex.join([".venv/bin/python", "bench/run.py", *sys.argv[1:]]),
        runtime_s=0,
        machine=machine(),
        settings=[
            ("Code", code_version(source_hash)),
            (
                "Server",
                f"`{bench.config.describe()}` on 127.0.0.1, production settings (DEBUG off)",
            ),
            (
                "Cache",
                f"Redis `{args.redis_url}` (as docker-compose deploys it)"
                if args.cache == "redis"
                else "per-process local memory (no `CACHE_URL`)",
            ),
            ("Load generator", "wrk on the same 2 cores as the server and PostgreSQL"),
        ],
        data=[],
        quick=args.quick,
    )
    wanted = set(args.endpoints.split(","))
    targets = [] if args.restart_drill else [e for e in endpoints() if e.key in wanted]
    ok = False
    try:
        bench.build_database(run)
        bench.in_process(run, targets)
        bench.sampler.start()
        log(f"gunicorn: {bench.config.describe()}")
        for e in targets:
            run.results.append(bench.endpoint(e))
        if "six" in wanted and targets:
            bench.many(run, endpoints()[-1].path)
            bench.uncached_six(run)
        if not args.no_restart_drill:
            bench.restart_drill(run)
        ok = True
    finally:
        bench.cleanup()
        if not ok:
            log(f"run failed; gunicorn log kept in {bench.server.log}")

    run.phases = bench.phases
    run.log_errors = [
        (name, server_module.log_errors(bench.server.log, since, until))
        for name, since, until in bench.phases
    ]
    if fingerprint(ROOT) != source_hash:
        run.notes.append(
            "The app's source changed in the working tree during the run; these figures are "
            f"for the snapshot `{source_hash}` taken at the start."
        )
    passed = all(passed for _, _, passed in report.targets(run))
    # Keep only the gunicorn log, and only when something failed.
    shutil.rmtree(source, ignore_errors=True)
    shutil.rmtree(workdir / "static", ignore_errors=True)
    if passed:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        log(f"a target failed; gunicorn log kept in {bench.server.log}")
    run.runtime_s = time.monotonic() - STARTED
    markdown = report.render(
        run,
        wrk_cold=args.cold_seconds,
        wrk_warm=args.warm_seconds,
        wrk_many=args.many_seconds,
        timeout=args.wrk_timeout,
    )
    print()
    print(markdown)
    if args.output:
        args.output.write_text(markdown)
        log(f"written to {args.output}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
