"""Turn one benchmark run into the Markdown of bench/results.md.

The trivial view is measured on the same server in the same run as every other page, so
the ratio to it (the headline figure) cancels out most of what differs between machines.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from drill import RECOVERY_LIMIT, DrillResult
from loadgen import WrkResult
from server import PhaseStats

DEMO_RATIO_TARGET = 0.40
P95_TARGET_MS = 300.0
UNCACHED_P95_TARGET_MS = 150.0  # issue 17


@dataclass
class Endpoint:
    key: str
    name: str
    path: str
    size: str


@dataclass
class EndpointResult:
    endpoint: Endpoint
    queries: int
    sql_ms: float
    page_kb: float
    rows: int  # comparison rows on the page (0 for other pages)
    first_ms: float
    cold: WrkResult
    warm: WrkResult
    stats: PhaseStats
    single: WrkResult | None = None  # one connection: service time without queueing


@dataclass
class Profile:
    name: str
    path: str
    cold_ms: float
    warm_ms: float
    repeats: int
    build_cold_ms: float
    build_warm_ms: float
    diffs: int
    top_cold: str
    top_warm: str
    app_warm: str  # the app's own functions by cumulative time, cache filled


@dataclass
class Uncached:
    """Distinct pages nobody had asked for, requested `connections` at a time."""

    statuses: list[int]
    latencies: list[float]  # ms, sorted
    seconds: float
    connections: int

    @property
    def errors(self) -> int:
        return sum(1 for status in self.statuses if status != 200)

    def percentile(self, q: float) -> float:
        if not self.latencies:
            return math.nan
        return self.latencies[
            min(len(self.latencies) - 1, round(q / 100 * (len(self.latencies) - 1)))
        ]

    def describe(self) -> str:
        return (
            f"{len(self.latencies)} requests, {self.connections} at a time: p50 "
            f"{ms(self.percentile(50))} ms, p95 {ms(self.percentile(95))} ms, "
            f"{len(self.latencies) / self.seconds:,.1f} req/s, {self.errors} errors"
        )


@dataclass
class Run:
    started: str
    command: str
    runtime_s: float
    machine: list[tuple[str, str]]
    settings: list[tuple[str, str]]
    data: list[tuple[str, str]]
    results: list[EndpointResult] = field(default_factory=list)
    many: WrkResult | None = None
    many_stats: PhaseStats | None = None
    drill: DrillResult | None = None
    uncached_six: Uncached | None = None
    profiles: list[Profile] = field(default_factory=list)
    phases: list[tuple[str, float, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    log_errors: list[tuple[str, Counter[str]]] = field(default_factory=list)
    quick: bool = False

    def result(self, key: str) -> EndpointResult | None:
        return next((r for r in self.results if r.endpoint.key == key), None)


def ms(value: float) -> str:
    if math.isnan(value):
        return "n/a"
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def ratio(value: WrkResult, trivial: WrkResult | None) -> str:
    if trivial is None or not trivial.rps:
        return "—"
    return f"{value.rps / trivial.rps:.0%}"


def mark(ok: bool) -> str:
    return "**PASS**" if ok else "**FAIL**"


def targets(run: Run) -> list[tuple[str, str, bool]]:
    """(target, measured, passed) for each target of issues 7 and 17 that this run measured."""
    rows = []
    demo, trivial, six = run.result("demo"), run.result("trivial"), run.result("six")
    if demo and trivial:
        value = demo.warm.rps / trivial.warm.rps if trivial.warm.rps else 0.0
        rows.append(
            (
                "Demo comparison ≥ 40% of the trivial view's throughput, caches warm",
                f"{value:.0%} ({demo.warm.rps:,.1f} vs {trivial.warm.rps:,.1f} req/s); "
                f"cold: {ratio(demo.cold, trivial.cold)}",
                value >= DEMO_RATIO_TARGET,
            )
        )
    if six:
        rows.append(
            (
                "p95 < 300 ms for 6 drafts × 500 provisions (warm, 16 connections)",
                f"p95 {six.warm.latency(95)} ms"
                + (f"; one connection: p95 {six.single.latency(95)} ms" if six.single else ""),
                six.warm.requests > 0 and six.warm.p95 < P95_TARGET_MS and not six.warm.errors,
            )
        )
    if run.many:
        rows.append(
            (
                "Zero errors with 64 concurrent connections for 30 s (6-draft comparison)",
                f"{run.many.error_text()} errors in {run.many.requests:,} requests",
                run.many.errors == 0 and run.many.requests > 0,
            )
        )
    if run.uncached_six:
        u = run.uncached_six
        rows.append(
            (
                "Issue 17: p95 < 150 ms for 6 drafts × 500 provisions uncached (distinct "
                "comparisons, signed in, 16 connections)",
                u.describe(),
                bool(u.latencies) and not u.errors and u.percentile(95) < UNCACHED_P95_TARGET_MS,
            )
        )
    if run.drill:
        d = run.drill
        measured = (
            f"skipped: {d.skipped}"
            if d.skipped
            else f"{d.errors_before} errors before, {d.errors_after} after recovery; "
            f"recovered {d.recovery_seconds:.1f} s after restart; rows "
            + ("unchanged" if d.data_kept else "CHANGED")
        )
        rows.append(
            (
                "PostgreSQL restart under load: errors only while down, recovery, no data lost",
                measured,
                d.passed,
            )
        )
    return rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def main_table(run: Run) -> list[str]:
    """The headline table: warm throughput and latency, ratio, queries, memory."""
    trivial = run.result("trivial")
    rows = []
    for r in run.results:
        rows.append(
            [
                f"{r.endpoint.name}",
                r.endpoint.size,
                f"{r.queries} ({ms(r.sql_ms)} ms)",
                f"{r.rows:,}" if r.rows else "—",
                f"{r.warm.requests:,}",
                f"{r.page_kb:,.0f}",
                f"{r.warm.rps:,.1f}",
                ratio(r.warm, trivial and trivial.warm),
                r.warm.latency(50),
                r.warm.latency(95),
                r.warm.latency(99),
                r.warm.error_text(),
                f"{r.stats.worker_hwm:,.0f}",
                f"{r.stats.other_cores:.2f}",
            ]
        )
    header = [
        "Endpoint",
        "Size",
        "SQL queries (time)",
        "Rows shown",
        "Requests",
        "Page KB",
        "Warm req/s",
        "× trivial",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "Errors",
        "Peak worker RSS MiB",
        "Other load (cores)",
    ]
    return _table(header, rows)


def cold_table(run: Run) -> list[str]:
    trivial = run.result("trivial")
    rows = [
        [
            r.endpoint.name,
            ms(r.first_ms),
            f"{r.cold.requests:,}",
            f"{r.cold.rps:,.1f}",
            ratio(r.cold, trivial and trivial.cold),
            r.cold.latency(50),
            r.cold.latency(95),
            r.cold.latency(99),
            r.cold.error_text(),
        ]
        for r in run.results
    ]
    header = [
        "Endpoint",
        "First request ms",
        "Requests",
        "Cold req/s",
        "× trivial",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "Errors",
    ]
    return _table(header, rows)


def render(run: Run, *, wrk_cold: int, wrk_warm: int, wrk_many: int, timeout: int) -> str:
    lines = [f"# PeaceTracker load benchmark: {run.started}", ""]
    if run.quick:
        lines += ["> **Quick run** (shortened durations): a smoke test, not a measurement.", ""]
    lines += [f"Command: `{run.command}` (total runtime {run.runtime_s:.0f} s)", ""]
    lines += [f"> **Note:** {note}\n" for note in run.notes]

    lines += ["## Machine and set-up", ""]
    lines += _table(["", ""], [[k, v] for k, v in run.machine + run.settings + run.data])
    lines.append("")

    checked = targets(run)
    if checked:
        lines += ["## Targets (issue 7, and issue 17's uncached 6-draft comparison)", ""]
        lines += _table(
            ["Target", "Measured", "Result"], [[t, m, mark(ok)] for t, m, ok in checked]
        )
        lines.append("")

    if run.results:
        lines += [
            f"## Warm: `wrk -t2 -c16 -d{wrk_warm}s --timeout={timeout}s` after a warm-up",
            "",
        ]
        lines += main_table(run)
        lines += [
            "",
            "*× trivial*: throughput relative to the trivial view (`/healthz/`, one `SELECT 1`) "
            "on the same server in the same run. *Rows shown*: comparison rows on the page "
            "(the app may paginate). *Requests*: responses completed in the run, the sample "
            "the percentiles come from. *SQL queries*: counted, and their time summed, "
            "in-process with Django's test client under `CaptureQueriesContext` on the same "
            "database (one request, empty cache). "
            "*Errors*: non-2xx responses plus socket errors (connect, read, write, timeout). "
            "*Peak worker RSS*: the largest VmHWM of any one worker while that endpoint ran. "
            "*Other load*: CPU used meanwhile by processes outside the benchmark (not this "
            "script, gunicorn, wrk or PostgreSQL), in cores out of the machine's total.",
            "",
        ]
        six = run.result("six")
        if six and six.single:
            s = six.single
            lines += [
                f"One connection on the 6-draft comparison (`wrk -t1 -c1`, service time "
                f"without queueing): {s.requests:,} requests, {s.rps:,.2f} req/s, "
                f"p50 {s.latency(50)} ms, p95 {s.latency(95)} ms, p99 {s.latency(99)} ms.",
                "",
            ]
        lines += [
            f"## Cold: fresh gunicorn and an empty cache, then `wrk -c16 -d{wrk_cold}s`",
            "",
        ]
        lines += cold_table(run)
        lines += [
            "",
            "*First request*: the first request for the page after the restart, on a new "
            "connection (the readiness check has already sent one `/healthz/`).",
            "",
        ]

    if run.many:
        m = run.many
        lines += [
            f"## 64 connections: `wrk -t2 -c64 -d{wrk_many}s --timeout={timeout}s` "
            "on the 6-draft comparison",
            "",
        ]
        lines += _table(
            ["Requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "Errors"],
            [
                [
                    f"{m.requests:,}",
                    f"{m.rps:,.1f}",
                    m.latency(50),
                    m.latency(95),
                    m.latency(99),
                    ms(m.max),
                    m.error_text(),
                ]
            ],
        )
        if run.many_stats:
            lines += [
                "",
                f"Peak worker RSS {run.many_stats.worker_hwm:,.0f} MiB; peak server RSS "
                f"(master + workers) {run.many_stats.total_rss:,.0f} MiB; other processes "
                f"kept {run.many_stats.other_cores:.2f} cores busy.",
            ]
        lines.append("")

    if run.drill:
        lines += drill_section(run.drill)

    for p in run.profiles:
        best = f" (best of {p.repeats})" if p.repeats > 1 else ""
        lines += [
            f"## Where the time goes: {p.name}, one request in-process",
            "",
            f"`{p.path}`",
            "",
            f"- Whole request, unprofiled: {ms(p.cold_ms)} ms with an empty cache, "
            f"{ms(p.warm_ms)} ms with it filled by the previous request{best}.",
            f"- `comparison.build()` alone (queries, rows and {p.diffs:,} word diffs, "
            f"without rendering): {ms(p.build_cold_ms)} ms with an empty cache, "
            f"{ms(p.build_warm_ms)} ms with the diffs cached{best}.",
            "",
            "Cache filled: top 10 functions by own time (cProfile):",
            "",
            "```",
            p.top_warm,
            "```",
            "",
            "Cache filled: the app's own functions (`apps/`) by cumulative time:",
            "",
            "```",
            p.app_warm,
            "```",
            "",
            "Cache empty: top 10 functions by own time:",
            "",
            "```",
            p.top_cold,
            "```",
            "",
        ]
    errors = [(name, found) for name, found in run.log_errors if found]
    if run.log_errors:
        lines += ["## Server-side errors (gunicorn log)", ""]
        if errors:
            lines += _table(
                ["Phase", "Count", "Error (last line of the traceback)"],
                [
                    [name, f"{count:,}", f"`{text}`"]
                    for name, found in errors
                    for text, count in found.most_common(5)
                ],
            )
        else:
            lines.append("None: no 5xx and no worker timeout in any phase.")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def drill_section(d: DrillResult) -> list[str]:
    lines = ["## Restart drill: PostgreSQL restarted under load", ""]
    if d.skipped:
        return [*lines, f"Skipped: {d.skipped}.", ""]
    load = d.load
    lines += [
        f"`wrk -t2 -c16` on `{d.path}` for {load.seconds:.0f} s; "
        "`pg_ctlcluster --skip-systemctl-redirect <version> main restart` "
        f"{d.restart_at - d.wrk_started:.1f} s in; the command took "
        f"{d.restart_done - d.restart_at:.2f} s, and PostgreSQL refused connections for "
        f"{d.down_seconds:.2f} s of it (polled every 50 ms).",
        "",
        f"- Load: {load.requests:,} requests, {load.error_text()} errors, all of them inside "
        "the restart window"
        if d.errors_before == 0 and d.errors_after == 0
        else f"- Load: {load.requests:,} requests, {load.error_text()} errors, "
        f"{d.errors_before} before the restart and {d.errors_after} after recovery",
        f"- Prober (one request every 100 ms): {len(d.probes)} requests, "
        f"{len(d.failed_probes)} failed"
        + (
            f" ({', '.join(sorted({p.detail for p in d.failed_probes}))})"
            if d.failed_probes
            else ""
        ),
        f"- Recovery: every request succeeds again {d.recovery_seconds:.2f} s after "
        f"PostgreSQL accepts connections (limit {RECOVERY_LIMIT:.0f} s)"
        if math.isfinite(d.recovery_seconds)
        else "- Recovery: requests never succeeded again",
        "- Rows before → after: "
        + ", ".join(f"{k} {n:,} → {d.counts_after.get(k, 0):,}" for k, n in d.counts_before.items())
        + (" (unchanged)" if d.data_kept else " (**changed**)"),
        f"- PostgreSQL running at the end: {'yes' if d.running_after else 'NO'}",
        *[f"- Note: {n}" for n in d.notes],
        "",
        "Responses per second around the restart (wrk's per-second counts):",
        "",
    ]
    lines += _table(
        ["Second", "2xx", "Errors", "PostgreSQL"],
        [[str(s), f"{ok:,}", f"{bad:,}", state] for s, ok, bad, state in d.timeline()],
    )
    lines.append("")
    return lines
