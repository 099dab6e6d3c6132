"""Restart PostgreSQL in the middle of a load run and check the app rides it out.

What must hold: errors only while the database is down, every request succeeding again
within a few seconds of it coming back, and the same row counts before and after.

Two witnesses: wrk under load, counting good and bad responses per wall-clock second, and a
prober sending one request every 100 ms with its exact time, which also sees connection
errors that wrk's per-second hook cannot. The cluster is restarted with pg_ctlcluster (no
systemd here); a `finally` starts it again whatever happens.
"""

from __future__ import annotations

import contextlib
import http.client
import math
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import loadgen
import psycopg

RECOVERY_LIMIT = 5.0  # seconds after PostgreSQL is back by which everything must succeed


def cluster() -> tuple[str, str]:
    """(version, name) of the local cluster, e.g. ("15", "main")."""
    versions = sorted(Path("/etc/postgresql").iterdir(), key=lambda p: int(p.name))
    version = versions[-1]
    names = sorted(p.name for p in version.iterdir() if p.is_dir())
    return version.name, "main" if "main" in names else names[0]


def pg_ctl(action: str, timeout: float = 90) -> None:
    version, name = cluster()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, action],
        check=True,
        timeout=timeout,
        capture_output=True,
    )


APP_NAME = "peacetracker-bench"  # our own sessions, which other_sessions() leaves out


def pg_ready(admin_url: str, timeout: int = 2) -> bool:
    try:
        with psycopg.connect(admin_url, connect_timeout=timeout, application_name=APP_NAME) as conn:
            conn.execute("SELECT 1")
        return True
    except psycopg.Error:
        return False


def ensure_running(admin_url: str) -> None:
    """Start the cluster if it is not accepting connections (used in `finally`)."""
    if pg_ready(admin_url):
        return
    with contextlib.suppress(subprocess.SubprocessError, OSError):
        pg_ctl("start")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not pg_ready(admin_url):
        time.sleep(0.5)


def other_sessions(admin_url: str, own_db: str) -> list[str]:
    """Client sessions on other databases: someone else's work a restart would cut off."""
    with psycopg.connect(admin_url, autocommit=True, application_name=APP_NAME) as conn:
        rows = conn.execute(
            "SELECT datname, application_name FROM pg_stat_activity "
            "WHERE backend_type = 'client backend' AND datname IS DISTINCT FROM %s "
            "AND application_name IS DISTINCT FROM %s",
            [own_db, APP_NAME],
        ).fetchall()
    return [f"{db} ({app or 'no application name'})" for db, app in rows]


@dataclass
class Probe:
    started: float
    finished: float
    ok: bool
    detail: str


class Prober:
    """One GET every `every` seconds on a fresh connection, each result timestamped."""

    def __init__(self, port: int, path: str, every: float = 0.1):
        self.port, self.path, self.every = port, path, every
        self.probes: list[Probe] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="prober", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.time()
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=3)
            try:
                conn.request("GET", self.path)
                response = conn.getresponse()
                response.read()
                ok, detail = 200 <= response.status < 300, str(response.status)
            except OSError as exc:
                ok, detail = False, type(exc).__name__
            finally:
                conn.close()
            self.probes.append(Probe(started, time.time(), ok, detail))
            self._stop.wait(self.every)


class PgWatcher:
    """Connects every 50 ms to time exactly when PostgreSQL refuses connections."""

    def __init__(self, admin_url: str, every: float = 0.05):
        self.admin_url, self.every = admin_url, every
        self.polls: list[tuple[float, bool]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="pg-watcher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.time()
            self.polls.append((started, pg_ready(self.admin_url, timeout=1)))
            self._stop.wait(self.every)

    def outage(self) -> tuple[float, float]:
        """(first refused poll, first accepted poll after the last refused one), or (0, 0)."""
        refused = [t for t, ok in self.polls if not ok]
        if not refused:
            return 0.0, 0.0
        back = [t for t, ok in self.polls if ok and t > refused[-1]]
        return refused[0], back[0] if back else math.inf


@dataclass
class DrillResult:
    path: str
    load: loadgen.WrkResult
    restart_at: float  # pg_ctlcluster restart started
    restart_done: float  # ... and returned
    refused_from: float  # PostgreSQL refused connections from (0: never seen refusing)
    back_at: float  # ... until
    wrk_started: float
    probes: list[Probe]
    counts_before: dict[str, int]
    counts_after: dict[str, int]
    running_after: bool
    skipped: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def up_at(self) -> float:
        """When PostgreSQL accepted connections again."""
        return self.back_at if self.refused_from else self.restart_done

    @property
    def down_seconds(self) -> float:
        return self.back_at - self.refused_from if self.refused_from else 0.0

    @property
    def failed_probes(self) -> list[Probe]:
        return [p for p in self.probes if not p.ok]

    @property
    def errors_before(self) -> int:
        """Failures that finished before the restart began: there should be none."""
        probes = sum(1 for p in self.failed_probes if p.finished < self.restart_at)
        seconds = sum(
            b["bad"] for s, b in self.load.per_second.items() if s < math.floor(self.restart_at)
        )
        return probes + seconds

    @property
    def recovery_seconds(self) -> float:
        """From PostgreSQL accepting connections to the first success after the last failure."""
        failures = self.failed_probes
        if not failures:
            return 0.0
        last = max(p.finished for p in failures)
        after = [p.finished for p in self.probes if p.ok and p.started > last]
        return max(0.0, min(after) - self.up_at) if after else math.inf

    @property
    def errors_after(self) -> int:
        """Failures later than RECOVERY_LIMIT seconds after PostgreSQL came back."""
        limit = self.up_at + RECOVERY_LIMIT
        probes = sum(1 for p in self.failed_probes if p.started > limit)
        seconds = sum(b["bad"] for s, b in self.load.per_second.items() if s > math.ceil(limit))
        return probes + seconds

    @property
    def data_kept(self) -> bool:
        return self.counts_before == self.counts_after

    @property
    def passed(self) -> bool:
        return (
            not self.skipped
            and self.errors_before == 0
            and self.errors_after == 0
            and self.recovery_seconds <= RECOVERY_LIMIT
            and self.data_kept
            and self.running_after
            and self.load.requests > 0
        )

    def timeline(self) -> list[tuple[int, int, int, str]]:
        """(second from load start, good, bad, database state) around the restart."""
        first = math.floor(self.restart_at) - 3
        last = math.ceil(max(self.up_at, self.restart_done)) + 5
        seconds = set(range(first, last + 1))
        # Any second with errors outside that window is shown too: that is what to look at.
        seconds |= {s for s, b in self.load.per_second.items() if b["bad"]}
        rows = []
        for second in sorted(seconds):
            bucket = self.load.per_second.get(second, {"ok": 0, "bad": 0})
            if self.refused_from and second + 1 > self.refused_from and second < self.back_at:
                state = "refusing connections"
            elif second + 1 > self.restart_at and second < self.restart_done:
                state = "restart command running"
            else:
                state = "up"
            offset = second - math.floor(self.wrk_started)
            rows.append((offset, bucket["ok"], bucket["bad"], state))
        return rows


def _wait_alone(admin_url: str, own_db: str, until: float) -> list[str]:
    """Wait (until the monotonic time `until`) for other sessions to end; [] once alone."""
    others = other_sessions(admin_url, own_db)
    while others and time.monotonic() < until:
        time.sleep(0.5)
        others = other_sessions(admin_url, own_db)
    return sorted(set(others))


def run(
    *,
    server_port: int,
    path: str,
    script: Path,
    admin_url: str,
    own_db: str,
    counts: Callable[[], dict[str, int]],
    seconds: int = 40,
    restart_after: float = 12,
    connections: int = 16,
    wait_for_others: float = 60,
    force: bool = False,
) -> DrillResult:
    """Load `path` for `seconds`, restarting PostgreSQL `restart_after` seconds in.

    The cluster may be shared (another developer's test run): the drill waits until no
    other database has client sessions, first before the load starts, then again just
    before the restart (which may move later, leaving at least 12 s to watch recovery).
    If it is never alone, the drill is reported as skipped, unless `force`.
    """
    _wait_alone(admin_url, own_db, time.monotonic() + wait_for_others)  # best effort
    before = counts()
    url = f"http://127.0.0.1:{server_port}{path}"
    args = loadgen.command(
        url, script=script, threads=2, connections=connections, seconds=seconds, timeout=5
    )
    prober = Prober(server_port, path)
    watcher = PgWatcher(admin_url)
    wrk_started = time.time()
    latest = time.monotonic() + max(restart_after, seconds - 12)
    load = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    restart_at = restart_done = 0.0
    notes: list[str] = []
    skipped = ""
    try:
        prober.start()
        watcher.start()
        time.sleep(restart_after)
        others = _wait_alone(admin_url, own_db, latest)
        if others and not force:
            skipped = "other sessions were using PostgreSQL: " + ", ".join(others)
        else:
            if others:
                notes.append(f"cut off other sessions: {', '.join(others)}")
            restart_at = time.time()
            pg_ctl("restart")
            restart_done = time.time()
        out, err = load.communicate(timeout=seconds + 30)
    finally:
        prober.stop()
        watcher.stop()
        if load.poll() is None:
            load.kill()
            load.wait(timeout=10)
        ensure_running(admin_url)
    if load.returncode != 0:
        raise RuntimeError(f"wrk failed during the drill: {err}")
    refused_from, back_at = watcher.outage()
    return DrillResult(
        path=path,
        load=loadgen.parse(out, timeout_s=5),
        restart_at=restart_at,
        restart_done=restart_done,
        refused_from=refused_from,
        back_at=back_at,
        wrk_started=wrk_started,
        probes=prober.probes,
        counts_before=before,
        counts_after=counts(),
        running_after=pg_ready(admin_url),
        skipped=skipped,
        notes=notes,
    )
