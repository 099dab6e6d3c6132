from __future__ import annotations

import pytest
from django.db import connection


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL setting")
def test_postgresql_does_not_compile_our_queries_to_machine_code():
    """The publishing rules' subqueries give small reads a high estimated cost, and JIT
    compiling then took 40 of a query's 70 ms (bench/scale.md)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
