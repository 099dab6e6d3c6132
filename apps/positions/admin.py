from __future__ import annotations

from django.contrib import admin

from apps.core.admin_publishing import PublishFieldMixin
from apps.core.admin_widgets import (
    DateNoteAdminMixin,
    LengthCounterMixin,
    PreloadedAutocompleteInline,
    SafeIdsAdminMixin,
)
from apps.history.admin import HistoryAdminMixin
from apps.history.concurrency import EditConflictAdminMixin
from apps.sources.models import Citation

from .forms import PositionAdminForm
from .models import Position


class PositionCitationInline(
    LengthCounterMixin,
    PublishFieldMixin,
    PreloadedAutocompleteInline,
    SafeIdsAdminMixin,
    admin.TabularInline,
):
    model = Citation
    fk_name = "position"
    fields = ["source", "stance", "locator", "excerpt", "note", "published"]
    autocomplete_fields = ["source"]
    extra = 1

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "source", "position__party", "position__matter", "position__topic__parent"
            )
        )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "excerpt":
            field.widget.attrs.update(rows=2, cols=40)
        return field


@admin.register(Position)
class PositionAdmin(
    DateNoteAdminMixin,
    LengthCounterMixin,
    HistoryAdminMixin,
    EditConflictAdminMixin,
    SafeIdsAdminMixin,
    admin.ModelAdmin,
):
    list_display = ["stated", "party", "who", "stance", "matter", "topic", "paraphrase_start"]
    list_filter = ["process", "party", "stance", "topic", ("stated_on", admin.DateFieldListFilter)]
    list_select_related = ["party", "matter", "topic__parent"]
    search_fields = ["paraphrase", "quotation", "speaker", "speaker_role", "party__name"]
    autocomplete_fields = ["party", "matter", "topic"]
    date_hierarchy = "stated_on"
    inlines = [PositionCitationInline]
    form = PositionAdminForm
    fieldsets = [
        (None, {"fields": ["process", "party", ("speaker", "speaker_role")]}),
        ("About", {"fields": ["matter", "topic", "stance"]}),
        ("What was said", {"fields": ["paraphrase", "quotation", "quotation_translated"]}),
        ("Date", {"fields": ["stated_date"]}),
    ]

    @admin.display(description="date stated")
    def stated_date(self, obj):
        # Shown instead of the free-form input to those who may only view positions.
        return obj.stated_display or "—"

    @admin.display(description="stated", ordering="stated_on")
    def stated(self, obj):
        return obj.stated_display

    @admin.display(description="paraphrase")
    def paraphrase_start(self, obj):
        return obj.paraphrase[:90] + ("…" if len(obj.paraphrase) > 90 else "")
