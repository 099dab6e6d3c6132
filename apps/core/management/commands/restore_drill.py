"""Restore drill: restore a PostgreSQL dump into a fresh database and prove the restored
site serves the same comparisons, byte for byte, and the same history.

    python manage.py restore_drill                      # dump the live database first
    python manage.py restore_drill --dump backup.dump   # a dump the backup service made

The fresh database is dropped afterwards (--keep to keep it). Exit status 1 on any
difference, naming the addresses that differ.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def _url(db: dict, name: str) -> str:
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _pg_env(db: dict) -> dict[str, str]:
    env = {**os.environ, "PGHOST": db["HOST"] or "127.0.0.1", "PGPORT": str(db["PORT"] or 5432)}
    env["PGUSER"] = db["USER"]
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def fingerprint(database_url: str) -> dict:
    """What a site on `database_url` serves (apps/core site_fingerprint), in a new process."""
    env = {**os.environ, "DATABASE_URL": database_url}
    result = subprocess.run(
        [sys.executable, "manage.py", "site_fingerprint"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise CommandError(f"Reading the site on {database_url} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


class Command(BaseCommand):
    help = __doc__.split("\n")[0]

    def add_arguments(self, parser):
        parser.add_argument("--dump", type=Path, help="a pg_dump -Fc file (default: dump now)")
        parser.add_argument("--keep", action="store_true", help="keep the restored database")

    def handle(self, *args, dump=None, keep=False, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The restore drill needs PostgreSQL (DATABASE_URL=postgres://…).")
        db = settings.DATABASES["default"]
        env = _pg_env(db)
        fresh = f"{db['NAME']}_restore_drill"[:63]
        with tempfile.TemporaryDirectory() as tmp:
            if dump is None:
                dump = Path(tmp) / "drill.dump"
                subprocess.run(
                    ["pg_dump", "-Fc", "--no-owner", "-f", str(dump), db["NAME"]],
                    env=env,
                    check=True,
                )
            subprocess.run(["dropdb", "--if-exists", fresh], env=env, check=True)
            subprocess.run(["createdb", fresh], env=env, check=True)
            try:
                subprocess.run(
                    ["pg_restore", "--no-owner", "--exit-on-error", "-d", fresh, str(dump)],
                    env=env,
                    check=True,
                )
                live = fingerprint(_url(db, db["NAME"]))
                restored = fingerprint(_url(db, fresh))
            finally:
                if not keep:
                    subprocess.run(["dropdb", "--if-exists", fresh], env=env, check=True)
        differ = sorted(
            url
            for url in live["served"].keys() | restored["served"].keys()
            if live["served"].get(url) != restored["served"].get(url)
        )
        if live["history"] != restored["history"]:
            differ.append("history")
        if differ:
            raise CommandError("The restored site differs: " + ", ".join(differ))
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored into {fresh}: {len(live['served'])} comparison responses identical "
                f"byte for byte, {live['history'][0]} history records identical."
            )
        )
