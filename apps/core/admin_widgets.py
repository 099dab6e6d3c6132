"""Admin helpers shared by the editors' inlines."""

from __future__ import annotations

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from .fields import SanitizedHTMLField
from .html import ALLOWED_ATTRIBUTES, ALLOWED_PROTOCOLS, ALLOWED_TAGS


class PreloadedAutocompleteSelect(AutocompleteSelect):  # made safe below
    """An autocomplete that takes its selected option's label from a preloaded map.

    Django's autocomplete runs one query per rendered form to label the current value;
    in an inline of 30 rows that is 30 queries. The formset below fills `labels` once.
    """

    labels: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        if self.labels is None:
            return super().optgroups(name, _valid_values(self, value), attr)
        selected = [str(v) for v in value if v not in (None, "") and str(v) in self.labels]
        options = [
            self.create_option(name, pk, self.labels[pk], True, index)
            for index, pk in enumerate(selected)
            if pk in self.labels
        ]
        if not self.is_required and not self.allow_multiple_selected:
            options.insert(0, self.create_option(name, "", "", not options, 0))
        return [(None, options, 0)]


class PreloadedLabelsFormSet(BaseInlineFormSet):
    """Label every row's autocomplete value with one query per field, not one per row."""

    preload_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field_name in self.preload_fields:
            self._preload(field_name)

    def _preload(self, field_name: str) -> None:
        forms = self.forms
        if not forms or field_name not in forms[0].fields:
            return
        field = forms[0].fields[field_name]
        ids = {form[field_name].value() for form in forms} - {None, ""}
        # A malformed or out-of-range id posted for a row is that row's form error, not
        # a query the database refuses.
        ids = {i for i in ids if is_valid_id(field.queryset, field.to_field_name, i)}
        objects = field.queryset.filter(pk__in=ids) if ids else []
        labels = {str(obj.pk): field.label_from_instance(obj) for obj in objects}
        for form in forms:
            widget = form.fields[field_name].widget
            inner = getattr(widget, "widget", widget)  # unwrap RelatedFieldWidgetWrapper
            if isinstance(inner, PreloadedAutocompleteSelect):
                inner.labels = labels


class PreloadedAutocompleteInline:
    """Inline mixin: autocomplete fields in `autocomplete_fields` are labelled in bulk
    (use with SafeIdsAdminMixin, as every admin here does)."""

    formset = PreloadedLabelsFormSet

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.preload_fields = tuple(self.autocomplete_fields)
        return formset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.autocomplete_fields:
            kwargs["widget"] = PreloadedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- ids from the request: malformed, unknown or out of range is a form error, not a 500 ---

_BIGINT = (-(2**63), 2**63 - 1)


def _target_field(queryset, to_field_name: str | None):
    opts = queryset.model._meta
    return opts.get_field(to_field_name) if to_field_name else opts.pk


def is_valid_id(queryset, to_field_name: str | None, value) -> bool:
    """Whether `value` can be looked up as an id of `queryset`'s model without the database
    refusing it (a word for a number, a number past 64 bits)."""
    try:
        python = _target_field(queryset, to_field_name).to_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return not isinstance(python, int) or _BIGINT[0] <= python <= _BIGINT[1]


class SafeModelChoiceField(forms.ModelChoiceField):
    def to_python(self, value):
        if value not in self.empty_values and not is_valid_id(
            self.queryset, self.to_field_name, value
        ):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class SafeModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not is_valid_id(self.queryset, self.to_field_name, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


def _valid_values(widget, value) -> list:
    field = widget.choices.field
    return [v for v in value if is_valid_id(field.queryset, field.to_field_name, v)]


class SafeAutocompleteSelect(AutocompleteSelect):
    """Re-showing a form whose id was refused does not look the bad id up."""

    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, _valid_values(self, value), attr)


class SafeAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    def optgroups(self, name, value, attr=None):
        return super().optgroups(name, _valid_values(self, value), attr)


class SafeIdsAdminMixin:
    """ModelAdmin / inline mixin: every foreign key and many-to-many field of the admin's
    forms refuses a malformed or out-of-range id with a form error."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelChoiceField)
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = SafeAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", SafeModelMultipleChoiceField)
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = SafeAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# --- long text: a counter instead of the browser cutting pasted text ---------------------

COUNTED_FROM = 200  # shorter inputs (codes, labels, units) keep the browser's maxlength


def _length_limit(db_field) -> int | None:
    limits = [db_field.max_length or 0]
    limits += [v.limit_value for v in db_field.validators if hasattr(v, "limit_value")]
    limits = [n for n in limits if isinstance(n, int) and n > 0]
    return min(limits) if limits else None


class LengthCounterMixin:
    """ModelAdmin / inline mixin: long text inputs (quotations, excerpts, notes) are not cut
    by the browser's maxlength at paste, without a word. They carry `data-limit`;
    admin-counter.js shows "312 / 300 characters" beside them, and the server's message
    says what is too long."""

    class Media:
        js = ["peacetracker/admin-counter.js"]
        css = {"all": ["peacetracker/admin.css"]}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        limit = _length_limit(db_field)
        if field is not None and limit and limit >= COUNTED_FROM:
            widget = getattr(field.widget, "widget", field.widget)
            widget.attrs.pop("maxlength", None)
            widget.attrs["data-limit"] = str(limit)
        return field


# --- a date reading to confirm is a note, not an error -------------------------------------


class DateNoteAdminMixin:
    """ModelAdmin mixin for forms with FreeDatesFormMixin: a date reading to confirm
    ("Read as 1 Feb 2025?") is shown as the input's note, and alone it does not bring up
    "Please correct the error below"."""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        from django.contrib.admin.helpers import AdminErrorList

        from apps.core.dates import CONFIRM_READING

        form = getattr(context.get("adminform"), "form", None)
        if form is not None and form.is_bound:
            notes = {
                name: errors.as_data()
                for name, errors in form.errors.items()
                if all(e.code == CONFIRM_READING for e in errors.as_data())
            }
            for name, errors in notes.items():
                del form.errors[name]
                form[name].help_text = " ".join(m for e in errors for m in e.messages)
            if notes:
                formsets = [f.formset for f in context.get("inline_admin_formsets", [])]
                context["errors"] = AdminErrorList(form, formsets)
        return super().render_change_form(request, context, add, change, form_url, obj)


# --- editor HTML: a rich-text editor limited to the sanitiser's allow-list -----------------


class HTMLEditorWidget(AdminProseEditorWidget):
    """A textarea that html-editor.js turns into a ProseMirror editor offering exactly the
    tags and link attributes `sanitize_html` keeps (read from apps.core.html, so the two
    cannot drift), and nothing else: the editor cannot produce markup the server would
    strip. The server still sanitises on save. Without JavaScript it stays a textarea.

    Its media is a js_asset.Media with an import map (`<script type="importmap">`, inline):
    the admin renders form media with `{% csp_nonce_attr media %}`, which gives every tag,
    the import map included, the request's CSP nonce."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"class": "vLargeTextField", **(attrs or {})},
            preset="peacetracker",
            config={
                "tags": sorted(ALLOWED_TAGS),
                "attributes": {tag: sorted(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
                "protocols": sorted(ALLOWED_PROTOCOLS),
            },
        )

    @property
    def media(self):
        # The ProseMirror base rules that tiptap would otherwise inject as an inline <style>,
        # which the CSP (style-src 'self') refuses.
        return super().media + Media(css={"all": ["peacetracker/html-editor.css"]})


class HTMLEditorAdminMixin:
    """ModelAdmin mixin: every SanitizedHTMLField of the change form gets the HTML editor."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, SanitizedHTMLField):
            kwargs["widget"] = HTMLEditorWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)
