"""gunicorn under the benchmark's control, and a sampler of its workers' memory.

The server is restarted before each endpoint's cold measurement, so every endpoint starts
from fresh worker processes (empty in-process caches, no open database connections, no
compiled templates). Memory is read from /proc: VmHWM is the kernel's own peak resident set
of a process, so a 0.5 s sampling interval cannot miss a short spike in a worker; the sum of
VmRSS over master and workers is sampled for the whole server's footprint.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class GunicornConfig:
    """The Dockerfile's production command line, less worker recycling, plus a short grace.

    Requests still queued when a wrk run ends are abandoned by their client; a 5 s grace
    period keeps each restart from waiting up to 30 s for them.
    """

    workers: int = 3
    threads: int = 2
    worker_class: str = "gthread"
    timeout: int = 30
    max_requests: int = 0  # the Dockerfile's 1000 would recycle workers mid-run (see README)
    graceful_timeout: int = 5

    def args(self) -> list[str]:
        return [
            "-w",
            str(self.workers),
            "-k",
            self.worker_class,
            "--threads",
            str(self.threads),
            "--timeout",
            str(self.timeout),
            "--access-logfile",
            "-",
            "--graceful-timeout",
            str(self.graceful_timeout),
        ] + (
            ["--max-requests", str(self.max_requests), "--max-requests-jitter", "100"]
            if self.max_requests
            else []
        )

    def describe(self) -> str:
        return f"gunicorn peacetracker.wsgi {' '.join(self.args())}"


class Gunicorn:
    """One gunicorn master on 127.0.0.1:<port>, started in its own session."""

    def __init__(self, *, root: Path, gunicorn: Path, config: GunicornConfig, env: dict, log: Path):
        self.root = root
        self.gunicorn = gunicorn
        self.config = config
        self.env = env
        self.log = log
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, ready_within: float = 60) -> None:
        """Start, then wait (bounded) until /healthz/ answers 200."""
        args = [
            str(self.gunicorn),
            "peacetracker.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--chdir",
            str(self.root),
            # A control socket in $HOME could collide with another gunicorn on the machine.
            "--no-control-socket",
            *self.config.args(),
        ]
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                args,
                cwd=self.root,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + ready_within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn exited with {self.process.returncode}; see {self.log}"
                )
            with contextlib.suppress(OSError):
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                try:
                    conn.request("GET", "/healthz/")
                    if conn.getresponse().status == 200 and len(self.worker_pids()) > 0:
                        return
                finally:
                    conn.close()
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz/ within {ready_within:.0f} s")

    def stop(self, within: float = 35) -> None:
        """Graceful stop (SIGTERM to the master), then SIGKILL to its group if it hangs."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=within)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)

    def restart(self) -> None:
        self.stop()
        self.port = free_port()
        self.start()

    def wait_idle(self, within: float = 40, busy: float = 0.05) -> float:
        """Wait until the workers use under `busy` of a core; return the seconds waited.

        When wrk stops, requests it had sent are still queued in the workers and would be
        served (to nobody) during the next run; waiting for them keeps runs apart.
        """
        started = time.monotonic()
        tick = os.sysconf("SC_CLK_TCK")
        before = self._cpu_ticks()
        while time.monotonic() - started < within:
            time.sleep(0.5)
            after = self._cpu_ticks()
            if (after - before) / tick / 0.5 < busy:
                break
            before = after
        return time.monotonic() - started

    def _cpu_ticks(self) -> int:
        total = 0
        for pid in self.worker_pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            total += int(fields[11]) + int(fields[12])  # utime + stime
        return total

    def master_pid(self) -> int | None:
        return self.process.pid if self.process and self.process.poll() is None else None

    def worker_pids(self) -> list[int]:
        pid = self.master_pid()
        if pid is None:
            return []
        try:
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            return []
        return [int(c) for c in children]


def _exception_line(text: str) -> str:
    """The "module.Error: message" line of a traceback (its message may run on below)."""
    lines = [
        line
        for line in text.strip().splitlines()
        if line
        and not line[0].isspace()
        and not line.startswith(("Traceback", "During handling", "The above exception"))
    ]
    return (lines[-1] if lines else "?")[:160]


def log_errors(log: Path, since: float, until: float) -> Counter[str]:
    """Exceptions the app logged between two wall-clock times, by their last line.

    Django logs every 5xx with its traceback (as one JSON object per line, see
    apps/core/logs.py); gunicorn's own complaints (worker timeouts) are plain lines.
    """
    found: Counter[str] = Counter()
    if not log.exists():
        return found
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            try:
                entry = json.loads(line)
                at = datetime.fromisoformat(entry["time"]).timestamp()
            except (ValueError, KeyError):
                continue
            if since <= at <= until and entry.get("level") in ("ERROR", "CRITICAL"):
                found[_exception_line(entry.get("exception") or entry.get("message", ""))] += 1
        elif "WORKER TIMEOUT" in line or "was sent SIGKILL" in line:
            match = re.match(r"\[([^\]]+)\]", line)
            if match:
                at = datetime.strptime(match.group(1), "%Y-%m-%d %H:%M:%S %z").timestamp()
                if since - 1 <= at <= until + 1:
                    found["gunicorn: " + line.split("] ", 3)[-1][:140]] += 1
    return found


def _status_kb(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in kB ({} if it has gone)."""
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0])
    except (OSError, ValueError, IndexError):
        return {}
    return values


def _processes() -> dict[int, tuple[int, str, int]]:
    """pid -> (parent pid, command name, CPU ticks used so far) for every process.

    A PostgreSQL backend's name is its process title ("postgres: 15/main: postgres mydb
    127.0.0.1(5432) SELECT"), so the database it serves can be told apart.
    """
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            raw = Path(entry.path, "stat").read_text()
            comm = raw[raw.find("(") + 1 : raw.rfind(")")]
            if comm.startswith("postgres"):
                title = Path(entry.path, "cmdline").read_bytes().replace(b"\0", b" ")
                comm = title.decode(errors="replace").strip() or comm
        except OSError:
            continue
        fields = raw[raw.rfind(")") + 2 :].split()
        found[int(entry.name)] = (int(fields[1]), comm, int(fields[11]) + int(fields[12]))
    return found


def _other_database(comm: str, own_db: str) -> bool:
    """True for a PostgreSQL backend serving a database other than ours."""
    parts = comm.split()
    client = len(parts) >= 5 and (parts[4] == "[local]" or re.fullmatch(r"\S+\(\d+\)", parts[4]))
    return comm.startswith("postgres: ") and bool(client) and parts[3] != own_db


@dataclass
class PhaseStats:
    """Peaks of one phase (MiB), and the CPU that processes outside the benchmark used."""

    worker_hwm: float = 0.0  # the largest VmHWM of any single worker
    total_rss: float = 0.0  # the largest simultaneous sum of VmRSS, master + workers
    other_ticks: int = 0
    seconds: float = 0.0

    @property
    def other_cores(self) -> float:
        """Cores busy with other work (another developer's tests…) on average."""
        return self.other_ticks / os.sysconf("SC_CLK_TCK") / self.seconds if self.seconds else 0.0


class Sampler:
    """Background thread sampling, every `interval` seconds, per phase of the run:

    - the memory of the server's processes;
    - the CPU time of every process that is not ours (ours: this script, its children such
      as gunicorn and wrk, and PostgreSQL except backends of other databases), since the
      machine may be shared and its two cores are the whole budget: a busy neighbour shows
      up here instead of as a mystery.
    """

    def __init__(self, server: Gunicorn, own_db: str, interval: float = 0.5):
        self.server = server
        self.own_db = own_db
        self.interval = interval
        self.phase = "setup"
        self.stats: dict[str, PhaseStats] = {}
        self._ticks: dict[int, int] = {}
        self._last = 0.0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)

    def start(self) -> None:
        self.sample()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def mark(self, phase: str) -> None:
        """Attribute the following samples to `phase` (an endpoint or a run)."""
        self.sample()
        with self._lock:
            self.phase = phase

    def get(self, phase: str) -> PhaseStats:
        self.sample()
        with self._lock:
            return self.stats.get(phase, PhaseStats())

    def sample(self) -> None:
        with self._lock:
            stats = self.stats.setdefault(self.phase, PhaseStats())
            self._sample_cpu(stats)
            master = self.server.master_pid()
            if master is None:
                return
            workers = self.server.worker_pids()
            memory = {pid: _status_kb(pid) for pid in [master, *workers]}
            total = sum(m.get("VmRSS", 0) for m in memory.values()) / 1024
            hwm = max((memory[w].get("VmHWM", 0) for w in workers), default=0) / 1024
            stats.worker_hwm = max(stats.worker_hwm, hwm)
            stats.total_rss = max(stats.total_rss, total)

    def _sample_cpu(self, stats: PhaseStats) -> None:
        now = time.monotonic()
        processes = _processes()
        ours = {os.getpid()}
        grew = True
        while grew:  # descendants of this script
            before = len(ours)
            ours |= {pid for pid, (ppid, _, _) in processes.items() if ppid in ours}
            grew = len(ours) > before
        first = not self._ticks
        other = 0
        for pid, (_, comm, ticks) in processes.items():
            theirs = _other_database(comm, self.own_db) or not comm.startswith("postgres")
            if not first and pid not in ours and theirs:
                other += ticks - self._ticks.get(pid, 0)
        self._ticks = {pid: ticks for pid, (_, _, ticks) in processes.items()}
        if not first:
            stats.other_ticks += max(0, other)
            stats.seconds += now - self._last
        self._last = now

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            with contextlib.suppress(Exception):
                self.sample()
