from __future__ import annotations

import pytest

from tests import factories as f


@pytest.fixture
def editor(db):
    return f.make_user("edna", group="Editors")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def draft(db):
    return f.make_draft(label="28-point plan", slug="plan-28")


@pytest.fixture
def source(db):
    return f.make_source(key="s07", outlet="Axios", headline="The full text")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Imported documents are stored in a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
