"""The documented deployment, without Docker: gunicorn as the Dockerfile runs it, nginx from
docker/nginx.conf in front, PostgreSQL and Redis on this machine.

Everything is read from the shipped files (Dockerfile, docker/entrypoint.sh, .env.example,
docker/nginx.conf), so the smoke test and the deployment cannot drift apart.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "peacetracker.example.org"  # .env.example's ALLOWED_HOSTS and nginx's server_name
VENV_BIN = Path(sys.executable).parent


# --- reading the shipped files ---------------------------------------------------------------


def dockerfile() -> str:
    return (ROOT / "Dockerfile").read_text()


def _json_instruction(name: str) -> list[str]:
    [value] = re.findall(rf"^{name} (\[.*\])$", dockerfile(), re.M)
    return json.loads(value)


def container_command(bind: str) -> list[str]:
    """ENTRYPOINT + CMD of the image, with files mapped to the checkout and gunicorn bound
    to `bind` instead of the container's 0.0.0.0:8000."""
    copies = {
        dest: source for source, dest in re.findall(r"^COPY (\S+) (/\S+)$", dockerfile(), re.M)
    }
    entrypoint = [
        str(ROOT / copies[part]) if part in copies else part
        for part in _json_instruction("ENTRYPOINT")
    ]
    command = _json_instruction("CMD")
    assert command[:1] == ["gunicorn"], command
    where = command.index("--bind") + 1
    assert command[where] == "0.0.0.0:8000", command
    command[where] = bind
    return entrypoint + command


def image_environment() -> dict[str, str]:
    """The Dockerfile's ENV, with the image's virtualenv mapped to this one."""
    [block] = re.findall(r"^ENV ((?:.*\\\n)*.*)$", dockerfile(), re.M)
    env = dict(pair.split("=", 1) for pair in block.replace("\\\n", " ").split())
    env["PATH"] = (
        env["PATH"]
        .replace("/app/.venv/bin", str(VENV_BIN))
        .replace("$PATH", os.environ.get("PATH", "/usr/bin:/bin"))
    )
    return env


def env_file(**filled: str) -> dict[str, str]:
    """.env.example as a deployer fills it in: the given values set, the rest as shipped."""
    values = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = value
    missing = filled.keys() - values.keys()
    assert not missing, f".env.example no longer lists {sorted(missing)}"
    return values | filled


def nginx_site(
    *, http_port: int, https_port: int, upstreams: list[str], cert: Path, key: Path
) -> str:
    """docker/nginx.conf with this machine's ports, gunicorn addresses and certificate."""
    text = (ROOT / "docker/nginx.conf").read_text()
    replacements = [
        (r"listen 80;", f"listen 127.0.0.1:{http_port};"),
        (r"listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl"),
        (r"server 127\.0\.0\.1:8000;", " ".join(f"server {u};" for u in upstreams)),
        (r"ssl_certificate \S+;", f"ssl_certificate {cert};"),
        (r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};"),
    ]
    for pattern, new in replacements:
        text, count = re.subn(pattern, lambda _m, new=new: new, text)
        assert count == 1, f"docker/nginx.conf: expected one {pattern!r}, found {count}"
    return text


# --- processes ------------------------------------------------------------------------------


@dataclass
class Process:
    name: str
    popen: subprocess.Popen
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def stop(self) -> None:
        """Stop the process and everything it started (its own session), bounded in time."""
        if self.popen.poll() is None:
            # SIGINT: quick shutdown for gunicorn and nginx alike; their master stops the
            # workers. Whatever is left after a few seconds is killed, group and all.
            self.popen.send_signal(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.popen.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(timeout=5)


@dataclass
class Stack:
    tmp: Path
    env: dict[str, str]
    processes: list[Process] = field(default_factory=list)

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> Process:
        log = self.tmp / f"{name}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env or self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        process = Process(name, popen, log)
        self.processes.append(process)
        return process

    def run(self, *args: str, timeout: int = 120) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            process.stop()


def base_environment() -> dict[str, str]:
    """This machine's environment minus anything the test run itself set for Django."""
    settings_source = (ROOT / "peacetracker/settings.py").read_text()
    django_vars = set(re.findall(r'env(?:bool|int|secret)?\("([A-Z_]+)"', settings_source))
    drop = (
        django_vars
        | {f"{n}_FILE" for n in django_vars}
        | {
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "FORWARDED_ALLOW_IPS",
        }
    )
    return {k: v for k, v in os.environ.items() if k not in drop}


def free_ports(count: int) -> list[int]:
    """SMOKE_PORT_BASE and the ports after it when set, else ports the system hands out."""
    base = os.environ.get("SMOKE_PORT_BASE")
    if base:
        return [int(base) + n for n in range(count)]
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={HOST}",
            "-addext",
            f"subjectAltName=DNS:{HOST}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key


def nginx_main_config(directory: Path, site: Path) -> str:
    """The parts of Debian's /etc/nginx/nginx.conf the site needs, in a private directory."""
    temp = "\n".join(
        f"    {kind}_temp_path {directory / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"worker_processes 1;\ndaemon off;\npid {directory / 'nginx.pid'};\n"
        f"error_log {directory / 'error.log'} warn;\n"
        "events { worker_connections 128; }\n"
        f"http {{\n    access_log {directory / 'access.log'};\n{temp}\n"
        f"    include {site};\n}}\n"
    )


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next(
        (p for p in ("/usr/sbin/nginx",) if os.access(p, os.X_OK)), None
    )


# --- HTTP -----------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")


def request(
    port: int,
    path: str,
    *,
    method: str = "GET",
    tls: bool = True,
    source: str = "127.0.0.1",
    headers: dict[str, str] | None = None,
    body: bytes | None = None,
    cafile: Path | None = None,
    timeout: float = 15,
) -> Response:
    """One request from the loopback address `source` (so nginx sees distinct clients)."""
    if tls:
        context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        context.check_hostname = False  # we connect to 127.0.0.1; the name is in Host
        conn = http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=timeout, source_address=(source, 0), context=context
        )
    else:
        conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
        )
    try:
        conn.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = conn.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        conn.close()


def wait_until(check, *, timeout: float, what: str, process: Process | None = None):
    """Poll `check` until it returns a true value; fail with the process's output if it dies."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process is not None and process.popen.poll() is not None:
            raise AssertionError(f"{process.name} exited while {what}:\n{process.output()}")
        try:
            value = check()
            if value:
                return value
        except OSError as exc:  # not listening yet
            last = exc
        time.sleep(0.2)
    output = process.output() if process else ""
    raise AssertionError(f"timed out after {timeout}s {what} (last error: {last})\n{output}")
