"""The deployment files agree with each other and with the settings (no Docker engine here)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PROD_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "x7Qm2-production-like-secret-for-tests-only-9fK3pLw8ZrT5vYb1NcHd",
    "ALLOWED_HOSTS": "peacetracker.example.org",
    "DATABASE_URL": f"sqlite:///{ROOT / 'deploy-check.sqlite3'}",
    "CACHE_URL": "redis://127.0.0.1:6379/15",
}


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _env_example() -> dict[str, str]:
    pairs = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value
    return pairs


def _settings_variables() -> set[str]:
    source = (ROOT / "peacetracker/settings.py").read_text()
    names = set(re.findall(r'env(?:bool|int|secret)?\("([A-Z_]+)"', source))
    names |= {f"{n}_FILE" for n in re.findall(r'envsecret\("([A-Z_]+)"', source)}
    return names | {"DATABASE_URL"}  # read by dj_database_url.config()


def test_compose_runs_web_after_a_healthy_database_with_a_volume():
    services = _compose()["services"]
    assert {"db", "web", "cache"} <= services.keys()
    db, web = services["db"], services["web"]
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(v.endswith(":/var/lib/postgresql/data") for v in db["volumes"])
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert web["depends_on"]["cache"]["condition"] == "service_healthy"
    assert web["build"] == "."
    assert web["env_file"] == ".env"
    assert "@db:5432/" in web["environment"]["DATABASE_URL"]
    assert web["environment"]["CACHE_URL"].startswith("redis://cache:6379")


def test_ports_agree_between_compose_dockerfile_and_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    [published] = _compose()["services"]["web"]["ports"]
    container_port = published.split(":")[-1]
    assert f"EXPOSE {container_port}" in dockerfile
    assert f'"0.0.0.0:{container_port}"' in dockerfile
    assert f"http://127.0.0.1:{container_port}/healthz/" in dockerfile


def test_compose_publishes_gunicorn_to_the_local_proxy_only():
    # Published on every interface, clients could bypass the proxy and forge its headers.
    [published] = _compose()["services"]["web"]["ports"]
    assert published.startswith("127.0.0.1:"), published


def test_gunicorn_trusts_forwarded_headers_only_from_the_trusted_proxies():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "--forwarded-allow-ips" not in dockerfile  # "*" trusted every client
    entrypoint = (ROOT / "docker/entrypoint.sh").read_text()
    assert 'export FORWARDED_ALLOW_IPS="${TRUSTED_PROXIES:-}"' in entrypoint


def test_env_example_lists_every_variable_and_only_used_ones():
    example = _env_example()
    compose_text = (ROOT / "docker-compose.yml").read_text()
    compose_vars = set(re.findall(r"\$\{([A-Z_]+)", compose_text))
    entrypoint_vars = set(re.findall(r"\$\{([A-Z_]+)", (ROOT / "docker/entrypoint.sh").read_text()))
    used = _settings_variables() | compose_vars | entrypoint_vars
    assert _settings_variables() <= example.keys(), _settings_variables() - example.keys()
    assert compose_vars <= example.keys(), compose_vars - example.keys()
    assert example.keys() <= used, example.keys() - used


def test_dockerfile_copies_what_exists_and_migrates_on_start():
    dockerfile = (ROOT / "Dockerfile").read_text()
    for source in re.findall(r"^COPY (\S+)", dockerfile, re.M):
        assert (ROOT / source).exists(), source
    assert "collectstatic --noinput" in dockerfile
    assert "migrate --noinput" in (ROOT / "docker/entrypoint.sh").read_text()
    assert os.access(ROOT / "docker/entrypoint.sh", os.X_OK)


def _manage(*args, env: dict[str, str]) -> subprocess.CompletedProcess:
    # Start from a clean slate: nothing the test run itself set may leak into production.
    full_env = {k: v for k, v in os.environ.items() if k not in _settings_variables()}
    for test_only in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        full_env.pop(test_only, None)
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_empty_values_copied_from_env_example_mean_the_defaults():
    """`cp .env.example .env` leaves STATIC_ROOT= empty: that must not serve the working
    directory as static files (nor miss the collected manifest)."""
    result = _manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.STATIC_ROOT, settings.TRUSTED_PROXIES)",
        env=PROD_ENV | {"STATIC_ROOT": "", "TRUSTED_PROXIES": ""},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(ROOT / "staticfiles"), "[]"]


def test_missing_secret_or_hosts_stop_start_up_with_a_clear_error():
    no_secret = {k: v for k, v in PROD_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env=no_secret)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    no_hosts = {k: v for k, v in PROD_ENV.items() if k != "ALLOWED_HOSTS"}
    result = _manage("check", env=no_hosts)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_refuses_to_start_without_a_shared_cache():
    no_cache = {k: v for k, v in PROD_ENV.items() if k != "CACHE_URL"}
    result = _manage("check", env=no_cache)
    assert result.returncode != 0
    assert "CACHE_URL is not set" in result.stderr
    assert "shared cache" in result.stderr
    # Development needs none.
    result = _manage("check", env={**no_cache, "DEBUG": "true"})
    assert result.returncode == 0, result.stderr


def _make_test_plan(**env) -> str:
    """What `make test` would run (`make -n`: printed, not run) under the given environment."""
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "MAKEFLAGS")}
    done = subprocess.run(
        ["make", "-n", "test"], cwd=ROOT, env={**base, **env}, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_make_test_adds_the_postgresql_half_only_without_database_url():
    developer = _make_test_plan(DEV_POSTGRES_URL="postgres://postgres@127.0.0.1:5432/dev")
    assert developer.count("pytest -n auto") == 2
    assert 'DATABASE_URL="postgres://postgres@127.0.0.1:5432/dev"' in developer
    assert "PostgreSQL half NOT run" in developer  # said out loud when none answers
    ci = _make_test_plan(DATABASE_URL="postgres://postgres@127.0.0.1:5432/test")
    assert ci.count("pytest -n auto") == 1
    assert "postgres://postgres@127.0.0.1:5432/peacetracker" not in ci
