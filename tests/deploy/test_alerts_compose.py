"""docker-compose runs the digest command on a schedule, and catches mail in development."""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def _services() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def test_the_scheduler_runs_send_alert_digests_with_the_web_settings():
    services = _services()
    scheduler, web = services["scheduler"], services["web"]
    assert scheduler["build"] == web["build"] and scheduler["env_file"] == web["env_file"]
    assert scheduler["environment"]["DATABASE_URL"] == web["environment"]["DATABASE_URL"]
    assert scheduler["environment"]["CACHE_URL"] == web["environment"]["CACHE_URL"]
    # The web container migrates; the scheduler starts once it is healthy.
    assert scheduler["environment"]["MIGRATE_ON_START"] == "false"
    assert scheduler["depends_on"]["web"]["condition"] == "service_healthy"
    assert "ports" not in scheduler
    script = scheduler["command"][-1]
    assert "python manage.py send_alert_digests" in script
    assert 'sleep "$$ALERT_DIGEST_INTERVAL"' in script


def test_the_scheduler_loop_keeps_going_after_a_failed_run(tmp_path):
    """The loop as compose runs it (`$$` is compose's escape for `$`), with a stand-in
    manage.py that fails: the next round still comes."""
    script = _services()["scheduler"]["command"][-1].replace("$$", "$")
    (tmp_path / "manage.py").write_text(
        "import pathlib, sys\n"
        "log = pathlib.Path('runs')\n"
        "log.write_text(log.read_text() + 'x' if log.exists() else 'x')\n"
        "sys.exit(9 if log.read_text() == 'x' else 0)\n"  # the first run fails
    )
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "sleep").write_text(
        '#!/bin/sh\n[ "$(cat runs)" = "xxx" ] && kill $PPID\nexit 0\n'
    )
    (tmp_path / "bin" / "sleep").chmod(0o755)
    (tmp_path / "bin" / "python").symlink_to(Path(subprocess.sys.executable))
    subprocess.run(
        ["sh", "-c", script],
        cwd=tmp_path,
        env={"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "ALERT_DIGEST_INTERVAL": "1"},
        timeout=30,
        check=False,
    )
    assert (tmp_path / "runs").read_text() == "xxx"


def test_the_mail_catcher_is_for_development_only_and_on_loopback():
    mailpit = _services()["mailpit"]
    assert mailpit["profiles"] == ["dev"]
    assert mailpit["image"].startswith("axllent/mailpit:")
    assert all(p.startswith("127.0.0.1:") for p in mailpit["ports"])
