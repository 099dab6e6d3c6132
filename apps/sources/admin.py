from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from apps.core.admin_publishing import PublishAdminMixin
from apps.core.admin_widgets import DateNoteAdminMixin, LengthCounterMixin, SafeIdsAdminMixin
from apps.history.admin import HistoryAdminMixin
from apps.history.concurrency import EditConflictAdminMixin

from .forms import SourceAdminForm
from .models import Citation, Source


@admin.register(Source)
class SourceAdmin(
    DateNoteAdminMixin,
    HistoryAdminMixin,
    EditConflictAdminMixin,
    SafeIdsAdminMixin,
    admin.ModelAdmin,
):
    form = SourceAdminForm
    list_display = ["key", "outlet", "headline", "published", "kind", "reliability", "citations"]
    list_display_links = ["key", "outlet"]
    list_filter = ["reliability", "kind", "published_precision"]
    search_fields = ["key", "outlet", "headline", "author", "url", "note"]
    fieldsets = [
        (None, {"fields": ["key", "outlet", "headline", "author", "url", "language", "relay_of"]}),
        ("Date", {"fields": ["publication_date"]}),
        ("Assessment", {"fields": ["kind", "reliability", "note"]}),
        ("Imported document", {"fields": ["attachment_name", "attachment_sha256"]}),
    ]
    # Set by the import only: the file the provisions were read from, and its fingerprint.
    readonly_fields = ["attachment_name", "attachment_sha256"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(citation_total=Count("citations"))

    @admin.display(description="published", ordering="published_on")
    def published(self, obj):
        return obj.published_display or "—"

    @admin.display(description="publication date")
    def publication_date(self, obj):
        # Shown instead of the free-form input to those who may only view sources.
        return obj.published_display or "—"

    @admin.display(description="attachment")
    def attachment_name(self, obj):
        return obj.attachment.name.rsplit("/", 1)[-1] if obj and obj.attachment else "—"

    @admin.display(description="citations", ordering="citation_total")
    def citations(self, obj):
        return obj.citation_total


class DraftFilter(admin.SimpleListFilter):
    """Citations of a draft: of the draft itself or of any of its provisions."""

    title = "draft"
    parameter_name = "draft"

    def lookups(self, request, model_admin):
        from apps.drafts.models import Draft

        return [(d.pk, d.label) for d in Draft.objects.only("pk", "label")]

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if not value.isdigit():
            return queryset.none()
        return queryset.filter(provision__draft=value) | queryset.filter(draft=value)


@admin.register(Citation)
class CitationAdmin(
    LengthCounterMixin,
    PublishAdminMixin,
    HistoryAdminMixin,
    EditConflictAdminMixin,
    SafeIdsAdminMixin,
    admin.ModelAdmin,
):
    list_display = ["source", "target", "stance", "locator", "reliability", "published"]
    list_filter = ["stance", "published", "source__reliability", DraftFilter]
    list_select_related = [
        "source",
        "provision__draft",
        "draft",
        "position__party",
        "position__matter",
        "position__topic__parent",
    ]
    search_fields = [
        "source__key",
        "source__outlet",
        "excerpt",
        "locator",
        "provision__heading",
        "draft__label",
    ]
    autocomplete_fields = ["source", "provision", "draft", "position"]
    fields = [
        "source",
        "provision",
        "draft",
        "position",
        "stance",
        "locator",
        "source_number",
        "excerpt",
        "translated",
        "note",
        "published",
    ]

    @admin.display(description="cites")
    def target(self, obj):
        return obj.provision or obj.draft or obj.position

    @admin.display(description="grade", ordering="source__reliability")
    def reliability(self, obj):
        return obj.source.reliability
