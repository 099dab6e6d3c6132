"""A copy of every table's rows, taken once and written back in bulk (the demo fixture).

`loaddata` saves the demo row by row through the ORM, about 6.6 s a test on this hardware;
writing the same rows back table by table, with PostgreSQL's COPY or SQLite's executemany,
takes a fraction of that. Content types, permissions and groups are copied too: the flush
between live-server tests recreates them with new ids, so the copy's own ids must come back
with the rows that point at them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction


def _tables():
    """Each managed table with the columns its model writes: a generated column (a
    `GeneratedField`, or the stored search column, which is no model field) is computed by
    the database from the others, so it is never written."""
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        if not opts.managed or opts.proxy:
            continue
        columns = [f.column for f in opts.local_concrete_fields if not f.generated]
        yield model, opts.db_table, columns


@dataclass
class Snapshot:
    tables: list[tuple[type, str, str, object]] = field(default_factory=list)

    @classmethod
    def take(cls) -> Snapshot:
        snapshot = cls()
        with connection.cursor() as cursor:
            raw = cursor.cursor
            for model, table, columns in _tables():
                names = ", ".join(connection.ops.quote_name(c) for c in columns)
                quoted = connection.ops.quote_name(table)
                if connection.vendor == "postgresql":
                    with raw.copy(f"COPY {quoted} ({names}) TO STDOUT") as copy:
                        rows = b"".join(bytes(block) for block in copy)
                else:
                    rows = raw.execute(f"SELECT {names} FROM {quoted}").fetchall()
                snapshot.tables.append((model, quoted, names, rows))
        return snapshot

    def restore(self) -> None:
        """Replace every table's rows by the copy's, in one transaction."""
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor
            # Foreign keys are checked at commit (Django declares them deferrable on both
            # databases), so the tables can be emptied and filled in any order.
            for _model, table, _names, _rows in self.tables:
                raw.execute(f"DELETE FROM {table}")
            for _model, table, names, rows in self.tables:
                if not rows:
                    continue
                if connection.vendor == "postgresql":
                    with raw.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        copy.write(rows)
                else:
                    marks = ", ".join("?" * len(rows[0]))
                    raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
        self.reset_counters()

    @contextmanager
    def restored_until_rollback(self) -> Iterator[None]:
        """The copy's rows for as long as the block lasts, then the rows there were before."""
        with transaction.atomic():
            self.restore()
            yield
            transaction.set_rollback(True)
        # PostgreSQL's id counters are not rolled back; they are set from the rows again.
        self.reset_counters()

    def reset_counters(self) -> None:
        """New rows must not collide with the rows' ids (SQLite keeps its counters itself)."""
        models = [model for model, *_ in self.tables]
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(sql)
        ContentType.objects.clear_cache()
