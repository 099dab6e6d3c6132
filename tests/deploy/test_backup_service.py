"""The compose backup service dumps on a schedule and keeps N copies (run with sh, no
Docker engine: pg_dump and sleep are stand-ins)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def test_compose_runs_the_backup_script_against_the_database():
    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
    backup = services["backup"]
    assert backup["environment"]["PGHOST"] == "db"
    assert "backups:/backups" in backup["volumes"]
    assert backup["depends_on"]["db"]["condition"] == "service_healthy"


def test_the_backup_script_keeps_the_newest_n_dumps(tmp_path):
    if not shutil.which("sh"):
        pytest.skip("no POSIX shell")
    bin_dir, backups = tmp_path / "bin", tmp_path / "backups"
    bin_dir.mkdir()
    backups.mkdir()
    # pg_dump writes its -f file; sleep ends the loop after three rounds; date ticks.
    (bin_dir / "pg_dump").write_text(
        '#!/bin/sh\nwhile [ "$1" != "-f" ]; do shift; done\necho dump > "$2"\n'
    )
    (bin_dir / "sleep").write_text(
        '#!/bin/sh\nn=$(cat "$COUNTER" 2>/dev/null || echo 0); n=$((n + 1)); echo $n > "$COUNTER"\n'
        "[ $n -ge 3 ] && kill $PPID\nexit 0\n"
    )
    (bin_dir / "date").write_text(
        '#!/bin/sh\necho "20260101T00000$(cat $COUNTER 2>/dev/null || echo 0)Z"\n'
    )
    for tool in bin_dir.iterdir():
        tool.chmod(0o755)
    script = (ROOT / "docker/backup.sh").read_text().replace("/backups", str(backups))
    env = {
        **os.environ,
        "PATH": f"{bin_dir}:{os.environ['PATH']}",
        "PGDATABASE": "peacetracker",
        "BACKUP_KEEP": "2",
        "COUNTER": str(tmp_path / "counter"),
    }
    subprocess.run(["sh", "-c", script], env=env, timeout=30, check=False)
    dumps = sorted(p.name for p in backups.iterdir())
    assert len(dumps) == 2, dumps
    assert all(name.endswith(".dump") for name in dumps)
