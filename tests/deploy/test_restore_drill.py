"""Backup and restore: a PostgreSQL dump restored into a fresh database serves the same
comparisons byte for byte and holds the same history."""

from __future__ import annotations

import io
import shutil

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True)


def _needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("the restore drill restores a PostgreSQL dump: run on PostgreSQL")
    if not shutil.which("pg_dump") or not shutil.which("pg_restore"):
        pytest.skip("pg_dump/pg_restore are not installed")


def test_the_restore_drill_proves_the_restored_site_is_the_same(plan):
    _needs_postgres()
    p = plan["provisions"]["terr1"]
    p.body = "<p>Crimea recognised as Russian, <em>de facto</em>.</p>"
    p.save()  # one more history record
    out = io.StringIO()
    call_command("restore_drill", stdout=out)
    text = out.getvalue()
    assert "identical byte for byte" in text
    assert "history records identical" in text
    assert " 0 comparison responses" not in text


def test_the_drill_refuses_sqlite_with_a_reason(db):
    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the drill runs (test above)")
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("restore_drill")
