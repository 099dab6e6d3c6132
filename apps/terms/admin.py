from __future__ import annotations

from django.contrib import admin, messages
from django.forms.models import BaseInlineFormSet

from apps.core.admin_widgets import LengthCounterMixin, SafeIdsAdminMixin

from .forms import CodeField, CodeListInput, PrintedNumberField
from .models import KeyTerm


class KeyTermFormSet(BaseInlineFormSet):
    """After saving, warns (without refusing) when a term's unit differs across drafts."""

    request = None  # set per request by KeyTermInline.get_formset

    def save(self, commit=True):
        saved = super().save(commit)
        if self.request is not None:
            for term in saved:
                warning = term.unit_mismatch()
                if warning:
                    messages.warning(self.request, warning)
        return saved


class KeyTermInline(LengthCounterMixin, SafeIdsAdminMixin, admin.TabularInline):
    """Numbers and terms the provision sets, compared across drafts by their code."""

    model = KeyTerm
    formset = KeyTermFormSet
    fields = ["position", "name", "code", "value", "value_text", "unit", "note"]
    extra = 0
    ordering = ["position", "pk"]
    verbose_name = "key term"
    verbose_name_plural = (
        "key terms (numbers and terms this provision sets; the same code in another draft is "
        "compared with it)"
    )

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        return formset

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "code":
            codes = KeyTerm.objects.order_by("code").values_list("code", flat=True).distinct()
            kwargs.update(form_class=CodeField, widget=CodeListInput(list(codes)))
        if db_field.name == "value":
            kwargs["form_class"] = PrintedNumberField
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "position":
            field.widget.attrs.update({"class": "vSmallField"})
        return field
