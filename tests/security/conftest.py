from __future__ import annotations

import pytest
from django.db import transaction
from django.test import override_settings

# As tests/conftest.py's `_fast_static`, for data built before the function fixtures run.
_PLAIN_STATIC = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Data built once for a whole module, inside a transaction rolled back at its end.

    Each test still takes `db`, which nests a savepoint inside this transaction, so what a
    test writes is undone after it and the shared data stays as built.
    """
    with (
        override_settings(STORAGES=_PLAIN_STATIC),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        yield
        transaction.set_rollback(True)
