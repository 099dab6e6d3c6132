from __future__ import annotations

from django.db import models
from django.db.models import Case, Value
from django.db.models.functions import Cast

from .html import CleanHTML, check_html_bounds, sanitize_html


def validate_html_bounds(value) -> None:
    """Forms (the admin, the importers' full_clean) show the limit next to the field."""
    if isinstance(value, str) and not isinstance(value, CleanHTML):
        check_html_bounds(value.replace("\x00", ""))


def _results(case: Case):
    """The values a CASE expression may write (not its conditions)."""
    for when in case.cases:
        yield when.result
    yield case.default


def _prepared_by_field(value) -> bool:
    """A Value that the database layer passes through a SanitizedHTMLField's
    get_db_prep_save before writing it (as bulk_update() builds them)."""
    return isinstance(value, Value) and (
        value.value is None or isinstance(value.__dict__.get("output_field"), SanitizedHTMLField)
    )


class SanitizedHTMLField(models.TextField):
    """A TextField that can only ever hold sanitised HTML, sanitised once.

    Sanitising happens at the last step before the database (`get_db_prep_save`), which
    save(), bulk_create(), bulk_update() and QuerySet.update() all pass through, so no
    code path (admin, shell, importer, fixtures) can store unsanitised markup.
    `pre_save` also writes the clean value back onto the instance, so what the caller
    holds after save() is what the database holds.

    Clean values are `CleanHTML` (what `sanitize_html` returns and what this field reads
    back from its column): they are not sanitised again, neither on a later save nor when
    a page renders them (`editor_html`). Input over the sanitiser's limits is refused
    with a ValidationError naming the limit, by forms and by save() alike.
    """

    description = "HTML restricted to the editors' allow-list"
    default_validators = [validate_html_bounds]

    def from_db_value(self, value, expression, connection):
        return None if value is None else CleanHTML(value)

    def to_python(self, value):
        if isinstance(value, CleanHTML) or value is None:
            return value
        return super().to_python(value)

    def _sanitised(self, value):
        if value is None or isinstance(value, CleanHTML):
            return value
        if isinstance(value, Value) and isinstance(value.value, str | None):
            return Value(sanitize_html(value.value), output_field=self)
        # bulk_update() writes CASE WHEN pk=… THEN Value(…) (inside a CAST on PostgreSQL),
        # and Django prepares each Value with this field, so each is sanitised.
        case = value.get_source_expressions()[0] if isinstance(value, Cast) else value
        if isinstance(case, Case) and all(_prepared_by_field(v) for v in _results(case)):
            return value
        if hasattr(value, "resolve_expression"):
            # F(), Concat(), a subquery…: the database would compute HTML the sanitiser
            # never saw.
            raise TypeError(
                f"{self.model.__name__}.{self.name} holds sanitised HTML and cannot be "
                f"written with a database expression ({value!r}); give it a string."
            )
        return sanitize_html(value)

    def pre_save(self, model_instance, add):
        value = self._sanitised(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def get_db_prep_save(self, value, connection):
        return super().get_db_prep_save(self._sanitised(value), connection)
