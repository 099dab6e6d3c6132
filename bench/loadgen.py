"""Drive the server with wrk, and read the figures back from a small Lua reporter.

wrk's own `--latency` output stops at p99 without p95, so a `done()` hook prints every figure
the report needs on one machine-readable line instead. wrk counts responses of status 400
and above as errors (`errors.status`); 3xx would not count, so each page is checked to answer
200 before it is measured. The drill variant also counts responses per wall-clock second,
to show when errors happened, not only how many.
"""

from __future__ import annotations

import http.client
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

WRK = "/usr/bin/wrk"

_SUMMARY = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d connect=%d read=%d write=%d status=%d timeout=%d "
      .. "p50=%d p95=%d p99=%d max=%d\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
  if report_seconds then report_seconds() end
end
"""

# Per-second buckets of good and bad responses, kept per wrk thread and gathered in done().
_PER_SECOND = r"""
local threads = {}
setup = function(thread) table.insert(threads, thread) end
ok, bad = {}, {}
response = function(status, headers, body)
  local s = os.time()
  if status >= 200 and status < 300 then ok[s] = (ok[s] or 0) + 1
  else bad[s] = (bad[s] or 0) + 1 end
end
report_seconds = function()
  for _, t in ipairs(threads) do
    for s, n in pairs(t:get("ok")) do io.write(string.format("SECOND %d ok %d\n", s, n)) end
    for s, n in pairs(t:get("bad")) do io.write(string.format("SECOND %d bad %d\n", s, n)) end
  end
end
"""

_LINE = re.compile(r"^BENCH (.*)$", re.MULTILINE)
_SECOND = re.compile(r"^SECOND (\d+) (ok|bad) (\d+)$", re.MULTILINE)


@dataclass
class WrkResult:
    """One wrk run: throughput, latency percentiles (ms) and errors by kind."""

    requests: int
    seconds: float
    p50: float
    p95: float
    p99: float
    max: float
    connect: int
    read: int
    write: int
    timeout: int
    status: int  # responses with status >= 400
    timeout_s: int = 30
    per_second: dict[int, dict[str, int]] = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def socket_errors(self) -> int:
        return self.connect + self.read + self.write + self.timeout

    @property
    def errors(self) -> int:
        return self.socket_errors + self.status

    def latency(self, percentile: float) -> str:
        """The percentile in ms, or "> timeout" when more requests than that timed out.

        wrk leaves requests slower than its timeout out of the percentiles and counts them
        as timeouts, so a p95 with more than 5% timeouts would be too low.
        """
        value = {50: self.p50, 95: self.p95, 99: self.p99}[int(percentile)]
        attempted = self.requests + self.timeout
        if not attempted:
            return "—"
        if self.timeout and self.timeout / attempted > 1 - percentile / 100:
            return f"> {self.timeout_s * 1000:,.0f}"
        return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"

    def error_text(self) -> str:
        """'0', or the total with its parts, e.g. '12 (timeout 12)'."""
        if not self.errors:
            return "0"
        parts = [
            f"{name} {value}"
            for name, value in (
                ("non-2xx", self.status),
                ("connect", self.connect),
                ("read", self.read),
                ("write", self.write),
                ("timeout", self.timeout),
            )
            if value
        ]
        return f"{self.errors} ({', '.join(parts)})"


def write_scripts(directory: Path) -> tuple[Path, Path]:
    """The summary script, and the summary + per-second script used by the drill."""
    summary = directory / "summary.lua"
    summary.write_text(_SUMMARY)
    per_second = directory / "per_second.lua"
    per_second.write_text(_PER_SECOND + _SUMMARY)
    return summary, per_second


def command(
    url: str,
    *,
    script: Path,
    threads: int,
    connections: int,
    seconds: int,
    timeout: int,
    headers: dict[str, str] | None = None,
) -> list[str]:
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    return [
        WRK,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={timeout}s",
        *extra,
        "-s",
        str(script),
        url,
    ]


def parse(output: str, timeout_s: int = 30) -> WrkResult:
    match = _LINE.search(output)
    if match is None:
        raise RuntimeError(f"wrk printed no summary line:\n{output}")
    values = dict(item.split("=") for item in match.group(1).split())
    per_second: dict[int, dict[str, int]] = {}
    for second, kind, count in _SECOND.findall(output):
        bucket = per_second.setdefault(int(second), {"ok": 0, "bad": 0})
        bucket[kind] += int(count)
    return WrkResult(
        requests=int(values["requests"]),
        seconds=int(values["duration_us"]) / 1e6,
        p50=int(values["p50"]) / 1000,
        p95=int(values["p95"]) / 1000,
        p99=int(values["p99"]) / 1000,
        max=int(values["max"]) / 1000,
        connect=int(values["connect"]),
        read=int(values["read"]),
        write=int(values["write"]),
        timeout=int(values["timeout"]),
        status=int(values["status"]),
        timeout_s=timeout_s,
        per_second=per_second,
    )


def run(
    url: str,
    *,
    script: Path,
    threads: int = 2,
    connections: int = 16,
    seconds: int = 15,
    timeout: int = 30,
    headers: dict[str, str] | None = None,
) -> WrkResult:
    """Run wrk to completion; bounded by its duration plus a margin."""
    threads = min(threads, connections)
    args = command(
        url,
        script=script,
        threads=threads,
        connections=connections,
        seconds=seconds,
        timeout=timeout,
        headers=headers,
    )
    done = subprocess.run(
        args, capture_output=True, text=True, timeout=seconds + timeout + 30, check=True
    )
    return parse(done.stdout, timeout)


def timed_get(
    host: str, port: int, path: str, timeout: float = 60, headers: dict[str, str] | None = None
) -> tuple[int, float, int]:
    """(status, milliseconds to the last byte, body bytes) of one GET on a new connection."""
    started = time.perf_counter()
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    return response.status, (time.perf_counter() - started) * 1000, len(body)


def warm_up(port: int, path: str, concurrency: int, timeout: float = 120) -> list[int]:
    """`concurrency` GETs at once, each waited for, so every worker thread serves the page.

    Unlike a short wrk run, this leaves no request queued behind it to slow the next run.
    Returns the statuses (a 5xx here shows up in the server-side errors of the report).
    """
    with ThreadPoolExecutor(concurrency) as pool:
        return list(
            pool.map(lambda _: timed_get("127.0.0.1", port, path, timeout)[0], range(concurrency))
        )
