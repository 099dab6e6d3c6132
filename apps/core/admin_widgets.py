"""Admin helpers shared by the editors' inlines."""

from __future__ import annotations

from django.contrib.admin.widgets import AutocompleteSelect
from django.forms.models import BaseInlineFormSet


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that takes its selected option's label from a preloaded map.

    Django's autocomplete runs one query per rendered form to label the current value;
    in an inline of 30 rows that is 30 queries. The formset below fills `labels` once.
    """

    labels: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        if self.labels is None:
            return super().optgroups(name, value, attr)
        selected = [str(v) for v in value if v not in (None, "")]
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
        objects = field.queryset.filter(pk__in=ids) if ids else []
        labels = {str(obj.pk): field.label_from_instance(obj) for obj in objects}
        for form in forms:
            widget = form.fields[field_name].widget
            inner = getattr(widget, "widget", widget)  # unwrap RelatedFieldWidgetWrapper
            if isinstance(inner, PreloadedAutocompleteSelect):
                inner.labels = labels


class PreloadedAutocompleteInline:
    """Inline mixin: autocomplete fields in `autocomplete_fields` are labelled in bulk."""

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
