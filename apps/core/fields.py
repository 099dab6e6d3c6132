from __future__ import annotations

from django.db import models

from .html import sanitize_html


class SanitizedHTMLField(models.TextField):
    """A TextField that can only ever hold sanitised HTML.

    Sanitising happens at the last step before the database (`get_db_prep_save`), which
    save(), bulk_create(), bulk_update() and QuerySet.update() all pass through, so no
    code path (admin, shell, importer, fixtures) can store unsanitised markup.
    `pre_save` also writes the clean value back onto the instance, so what the caller
    holds after save() is what the database holds.
    """

    description = "HTML restricted to the editors' allow-list"

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        if isinstance(value, str):
            value = sanitize_html(value)
        return super().get_db_prep_save(value, connection)
