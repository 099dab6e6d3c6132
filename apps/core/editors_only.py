"""Fields meant for editors alone (where a date came from, which file a source was).

A model lists them in `EDITORS_ONLY_FIELDS`. They are read in the admin and carried by
an editor's own exports; no public page, search result, snippet, export, API answer or
feed shows them to anyone else (tests/security/test_access.py puts a marker in each).
"""

from __future__ import annotations

from django.apps import apps
from django.db import models


def editors_only_fields() -> dict[type[models.Model], tuple[str, ...]]:
    """Every model with editors-only fields, and their names."""
    return {
        model: tuple(model.EDITORS_ONLY_FIELDS)
        for model in apps.get_models()
        if getattr(model, "EDITORS_ONLY_FIELDS", ())
    }
