from tests.admin.conftest import editor, editor_client, viewer, viewer_client  # noqa: F401
