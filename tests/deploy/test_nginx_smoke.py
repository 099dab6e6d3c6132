"""The README's deployment, run for real: gunicorn under production settings behind nginx.

Two gunicorn processes run the Dockerfile's command line through docker/entrypoint.sh (the
first migrates the empty database, the second finds nothing to do), with a copy of
.env.example filled in as a deployer would, PostgreSQL and Redis on this machine, and
Debian's nginx in front, configured from docker/nginx.conf on loopback ports.

Needs PostgreSQL (DATABASE_URL), nginx and openssl (`make test` installs nginx with apt) and
Redis (SMOKE_REDIS_URL, default redis://127.0.0.1:6379/0); skipped with the reason otherwise.
SMOKE_PORT_BASE picks the five ports it uses (default: free ones).
"""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlencode

import dj_database_url
import pytest

from tests.deploy import stack
from tests.deploy.stack import HOST, request, wait_until

REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/0")
FREEZE_LIMIT = 3
LOGIN_LIMIT = 5  # .env.example's LOGIN_FAILURE_LIMIT
DRAFTS = [f"smoke-{n}" for n in range(1, 6)]
PAIRS = [f"{a}...{b}" for i, a in enumerate(DRAFTS) for b in DRAFTS[i + 1 :]]

# Five published drafts, enough different comparisons to reach the link limit.
SEED = f"""
import datetime
from tests import factories as f
process = f.make_process(name="Smoke process", slug="smoke")
for n, slug in enumerate({DRAFTS!r}, start=1):
    draft = f.make_draft(process, label=f"Smoke draft {{n}}", slug=slug,
                         presented_on=datetime.date(2025, 11, n))
    f.make_provision(draft, label="6", heading="Army cap",
                     body=f"<p>Army capped at {{n}}00,000 personnel.</p>")
"""


def _skip_reason(database_url: str) -> str | None:
    if not database_url.startswith(("postgres://", "postgresql://")):
        return "the deployment smoke test needs PostgreSQL (DATABASE_URL=postgres://…)"
    if not stack.nginx_binary():
        return "nginx is not installed (`make test` installs it with apt-get)"
    if not shutil.which("openssl"):
        return "openssl is not installed"
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_timeout=2).ping()
    except redis.RedisError as exc:
        return f"Redis is not reachable at {REDIS_URL} (SMOKE_REDIS_URL): {exc}"
    return None


def _client_address() -> str:
    """A fresh loopback address: each is a different client to nginx."""
    return f"127.{random.randint(1, 254)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Deployment:
    def __init__(self, tmp: Path, ports: list[int]):
        self.tmp = tmp
        self.http_port, self.https_port, self.port_a, self.port_b, self.port_c = ports
        self.stack: stack.Stack | None = None
        self.nginx: stack.Process | None = None
        self.cert: Path | None = None

    def get(self, path: str, **kw) -> stack.Response:
        return request(self.https_port, path, cafile=self.cert, **kw)

    def post(self, path: str, data: dict[str, str], *, source: str, csrf: str, **kw):
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={csrf[0]}",
            "Origin": f"https://{HOST}",
            **kw.pop("headers", {}),
        }
        body = urlencode({**data, "csrfmiddlewaretoken": csrf[1]}).encode()
        return self.get(path, method="POST", source=source, headers=headers, body=body, **kw)

    def csrf(self, source: str) -> tuple[str, str]:
        """The CSRF cookie and form token, from the sign-in page."""
        page = self.get("/admin/login/", source=source)
        cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"]).group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return cookie, token

    def app_logs(self) -> str:
        return self.gunicorn_a.output() + self.gunicorn_b.output()

    def write_nginx_site(self, upstreams: list[int]) -> None:
        site = stack.nginx_site(
            http_port=self.http_port,
            https_port=self.https_port,
            upstreams=[f"127.0.0.1:{p}" for p in upstreams],
            cert=self.cert,
            key=self.key,
        )
        (self.tmp / "nginx" / "peacetracker.conf").write_text(site)

    def nginx_command(self, *extra: str) -> list[str]:
        directory = self.tmp / "nginx"
        return [
            stack.nginx_binary(),
            "-e",
            str(directory / "error.log"),
            "-p",
            str(directory),
            "-c",
            str(directory / "nginx.conf"),
            *extra,
        ]


def _healthy(port: int):
    def check():
        return request(port, "/healthz/", tls=False, timeout=2).status == 200

    return check


@pytest.fixture(scope="module")
def deployment():
    database_url = os.environ.get("DATABASE_URL", "")
    reason = _skip_reason(database_url)
    if reason:
        pytest.skip(reason)
    import psycopg

    admin = dj_database_url.parse(database_url)
    smoke_db = f"{admin['NAME']}_deploy_{os.getpid()}"
    smoke_url = dj_database_url.parse(database_url)  # same server and role, own database
    url = database_url.rsplit("/", 1)[0] + f"/{smoke_db}"
    conninfo = {
        "host": smoke_url["HOST"] or None,
        "port": smoke_url["PORT"] or None,
        "user": smoke_url["USER"] or None,
        "password": smoke_url["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
        "connect_timeout": 10,
    }
    tmp = Path(tempfile.mkdtemp(prefix="peacetracker-smoke-"))
    tmp.chmod(0o711)  # nginx workers (nobody) reach their own directory below
    deployment = Deployment(tmp, stack.free_ports(5))
    with psycopg.connect(**conninfo) as conn:
        conn.execute(f'CREATE DATABASE "{smoke_db}"')
    try:
        filled = stack.env_file(
            SECRET_KEY=secrets.token_urlsafe(50),
            DATABASE_URL=url,
            CACHE_URL=REDIS_URL,
            TRUSTED_PROXIES="127.0.0.1",  # nginx connects to gunicorn from there
            STATIC_ROOT=str(tmp / "static"),  # the image's build step writes here
            FREEZE_RATE_LIMIT=str(FREEZE_LIMIT),  # a small limit keeps the test short
        )
        env = stack.base_environment() | stack.image_environment() | filled
        deployment.stack = run = stack.Stack(tmp, env)
        deployment.env = env

        # The image's build step, and the first container start against the empty database.
        # Built before any container starts, as in the image: whitenoise indexes the files
        # (.gz and the slower .br) when gunicorn starts, so a start during the build would
        # serve what was written so far.
        collect = run.start(
            "collectstatic",
            [env["PATH"].split(":")[0] + "/python", "manage.py", "collectstatic", "--noinput"],
        )
        assert collect.popen.wait(timeout=180) == 0, collect.output()
        a = deployment.gunicorn_a = run.start(
            "gunicorn-a", stack.container_command(f"127.0.0.1:{deployment.port_a}")
        )
        wait_until(_healthy(deployment.port_a), timeout=90, what="starting gunicorn A", process=a)
        # A second start: the entrypoint's migrate has nothing left to do.
        b = deployment.gunicorn_b = run.start(
            "gunicorn-b", stack.container_command(f"127.0.0.1:{deployment.port_b}")
        )
        # A third, whose database port is wrong, for the failing health check (last test).
        wrong = re.sub(r":(\d+)/", f":{deployment.port_c + 1}/", url)
        assert wrong != url
        deployment.gunicorn_c = run.start(
            "gunicorn-c",
            stack.container_command(f"127.0.0.1:{deployment.port_c}"),
            env | {"DATABASE_URL": wrong, "MIGRATE_ON_START": "false"},
        )
        run.run("shell", "--verbosity=0", "-c", SEED)
        wait_until(_healthy(deployment.port_b), timeout=60, what="starting gunicorn B", process=b)

        nginx_dir = tmp / "nginx"
        nginx_dir.mkdir(mode=0o755)
        deployment.cert, deployment.key = stack.self_signed_certificate(tmp)
        deployment.write_nginx_site([deployment.port_a, deployment.port_b])
        (nginx_dir / "nginx.conf").write_text(
            stack.nginx_main_config(nginx_dir, nginx_dir / "peacetracker.conf")
        )
        deployment.nginx = run.start("nginx", deployment.nginx_command())
        wait_until(
            lambda: deployment.get("/healthz/", timeout=2).status == 200,
            timeout=20,
            what="starting nginx",
            process=deployment.nginx,
        )
        yield deployment
    finally:
        if deployment.stack:
            deployment.stack.stop_all()
        with psycopg.connect(**conninfo) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{smoke_db}" WITH (FORCE)')
        shutil.rmtree(tmp, ignore_errors=True)


# --- the checks -------------------------------------------------------------------------------


def test_entrypoint_migrates_an_empty_database_then_does_nothing(deployment):
    first, second = deployment.gunicorn_a.output(), deployment.gunicorn_b.output()
    assert "Applying drafts.0001_initial... OK" in first
    assert "No migrations to apply." in second
    assert "Applying" not in second


def test_site_and_admin_answer_through_nginx(deployment):
    home = deployment.get("/")
    assert home.status == 200
    assert "Smoke draft 1" in home.text
    compare = deployment.get(f"/compare/{PAIRS[0]}/")
    assert compare.status == 200
    assert "Army capped at 100,000" in compare.text
    # Links name the public address: https, the host, no port of nginx's or gunicorn's.
    canonical = re.search(r'rel="canonical" href="([^"]+)"', compare.text).group(1)
    assert canonical == f"https://{HOST}/compare/{PAIRS[0]}/"
    api = json.loads(deployment.get("/api/v1/drafts/").body)
    assert {d["api_url"] for d in api["results"]} == {
        f"https://{HOST}/api/v1/drafts/{slug}/" for slug in DRAFTS
    }
    login = deployment.get("/admin/login/")
    assert login.status == 200
    assert "PeaceTracker editors" in login.text
    admin = deployment.get("/admin/")
    assert admin.status == 302
    assert admin.headers["Location"] == "/admin/login/?next=/admin/"


def test_static_files_are_hashed_compressed_and_cached_for_long(deployment):
    home = deployment.get("/").text
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', home)
    css = [a for a in assets if a.endswith(".css")]
    assert css and all(re.search(r"\.[0-9a-f]{12}\.(css|js|svg)$", a) for a in assets), assets
    for encoding in ("gzip", "br"):  # whitenoise writes .br files: brotli is installed
        response = deployment.get(css[0], headers={"Accept-Encoding": encoding})
        assert response.status == 200
        assert response.headers["Content-Encoding"] == encoding
        cache = response.headers["Cache-Control"]
        assert "max-age=315360000" in cache and "immutable" in cache, cache


def test_plain_http_redirects_to_https_and_https_sends_hsts(deployment):
    plain = request(deployment.http_port, "/compare/smoke-1...smoke-2/?changed=1", tls=False)
    assert plain.status == 301
    assert plain.headers["Location"] == f"https://{HOST}/compare/smoke-1...smoke-2/?changed=1"
    assert "Strict-Transport-Security" not in plain.headers
    # Health checks are answered over plain HTTP, without a redirect.
    assert request(deployment.http_port, "/healthz/", tls=False).status == 200
    hsts = deployment.get("/").headers["Strict-Transport-Security"]
    assert hsts == "max-age=31536000; includeSubDomains; preload"
    secure = deployment.get("/admin/login/").headers["Set-Cookie"]
    assert "Secure" in secure


def test_a_foreign_host_gets_400_and_no_error_line(deployment):
    for host in ("evil.example", "203.0.113.9", "127.0.0.1"):
        response = deployment.get("/", headers={"Host": host})
        assert response.status == 400, host
        assert host not in response.text
    wait_until(
        lambda: '"logger": "django.security.DisallowedHost"' in deployment.app_logs(),
        timeout=10,
        what="waiting for the warning",
    )
    lines = deployment.app_logs().splitlines()
    warnings = [line for line in lines if "django.security.DisallowedHost" in line]
    assert warnings and all('"level": "WARNING"' in line for line in warnings), warnings
    errors = [line for line in lines if '"level": "ERROR"' in line or "[ERROR]" in line]
    assert not errors, errors


def test_health_check_through_nginx_and_as_the_container_asks(deployment):
    response = deployment.get("/healthz/")
    assert response.status == 200
    assert json.loads(response.body) == {"status": "ok", "database": "ok"}
    # The Dockerfile's HEALTHCHECK asks gunicorn by IP address, a Host nobody allows.
    [url] = re.findall(r"urlopen\('(http://[^']+)'\)", stack.dockerfile())
    assert url == "http://127.0.0.1:8000/healthz/"
    direct = request(deployment.port_a, "/healthz/", tls=False, headers={"Host": "127.0.0.1:8000"})
    assert direct.status == 200


def _freeze(deployment, pair: str, *, source: str, csrf, **kw) -> int:
    return deployment.post(f"/compare/{pair}/freeze/", {}, source=source, csrf=csrf, **kw).status


def test_two_processes_share_one_link_limit_per_real_client(deployment):
    import redis

    alice, bob = _client_address(), _client_address()
    csrf = deployment.csrf(alice)
    # nginx alternates between the two gunicorn processes: one shared count in Redis.
    made = [_freeze(deployment, pair, source=alice, csrf=csrf) for pair in PAIRS[:FREEZE_LIMIT]]
    assert made == [303] * FREEZE_LIMIT
    assert _freeze(deployment, PAIRS[FREEZE_LIMIT], source=alice, csrf=csrf) == 429
    for process in (deployment.gunicorn_a, deployment.gunicorn_b):
        assert '/freeze/ HTTP/1.0" 303' in process.output() or (
            '/freeze/ HTTP/1.1" 303' in process.output()
        ), f"{process.name} served no permanent link"
    # A forged X-Forwarded-For does not make Alice someone else.
    forged = {"X-Forwarded-For": "198.51.100.77"}
    assert _freeze(deployment, PAIRS[FREEZE_LIMIT], source=alice, csrf=csrf, headers=forged) == 429
    # Bob, behind the same proxy, has his own allowance.
    assert _freeze(deployment, PAIRS[FREEZE_LIMIT], source=bob, csrf=deployment.csrf(bob)) == 303
    # The app counted under the addresses nginx received, never the forged one.
    cache = redis.Redis.from_url(REDIS_URL)
    assert cache.keys(f"*rate:freeze:{alice}:*") and cache.keys(f"*rate:freeze:{bob}:*")
    assert not cache.keys("*rate:freeze:198.51.100.77:*")


def test_two_processes_share_one_login_lockout_per_client(deployment):
    stranger, editor = _client_address(), _client_address()
    csrf = deployment.csrf(stranger)
    name = f"smoke-editor-{secrets.token_hex(4)}"
    tries = [
        deployment.post(
            "/admin/login/",
            {"username": name, "password": f"wrong-{n}", "next": "/admin/"},
            source=stranger,
            csrf=csrf,
        ).status
        for n in range(LOGIN_LIMIT + 1)
    ]
    assert tries == [200] * LOGIN_LIMIT + [429], tries
    # Someone else behind the same proxy can still sign in with that name.
    other = deployment.post(
        "/admin/login/",
        {"username": name, "password": "wrong", "next": "/admin/"},
        source=editor,
        csrf=deployment.csrf(editor),
    )
    assert other.status == 200


def test_a_forged_x_forwarded_proto_sent_straight_to_gunicorn_is_not_https(deployment):
    client = _client_address()  # not the trusted proxy
    for port in (deployment.port_a, deployment.port_b):
        response = request(
            port, "/", tls=False, source=client, headers={"X-Forwarded-Proto": "https"}
        )
        assert response.status == 301, port
        assert response.headers["Location"] == f"https://{HOST}/"


def test_health_check_turns_503_when_postgresql_is_unreachable(deployment):
    """Last: points nginx at a third gunicorn whose database port is wrong."""
    run, c = deployment.stack, deployment.gunicorn_c

    def answers_503():
        return request(deployment.port_c, "/healthz/", tls=False, timeout=5).status == 503

    wait_until(answers_503, timeout=60, what="starting gunicorn C", process=c)
    deployment.write_nginx_site([deployment.port_c])
    reload = run.start("nginx-reload", deployment.nginx_command("-s", "reload"))
    assert reload.popen.wait(timeout=20) == 0, reload.output()
    response = wait_until(
        lambda: (r := deployment.get("/healthz/", timeout=5)).status == 503 and r,
        timeout=20,
        what="waiting for nginx to reach gunicorn C",
    )
    body = json.loads(response.body)
    assert body["status"] == "error" and body["database"] == "OperationalError"
