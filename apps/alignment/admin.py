from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.urls import path, re_path

from apps.core.admin_publishing import PublishAdminMixin
from apps.core.admin_widgets import (
    PreloadedAutocompleteInline,
    PreloadedLabelsFormSet,
    SafeIdsAdminMixin,
)
from apps.core.queries import count_of
from apps.drafts.models import Provision
from apps.history.admin import HistoryAdminMixin
from apps.history.concurrency import EditConflictAdminMixin

from . import workspace_admin
from .models import Matter, MatterEntry, check_entries
from .suggest_admin import suggest_view


class MatterEntryFormSet(PreloadedLabelsFormSet):
    def clean(self):
        super().clean()
        rows = []
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or not data.get("provision"):
                continue
            rows.append((data["provision"].draft_id, data.get("relation")))
        try:
            check_entries(rows)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None


class MatterEntryInline(PreloadedAutocompleteInline, SafeIdsAdminMixin, admin.TabularInline):
    model = MatterEntry
    formset = MatterEntryFormSet
    fields = ["provision", "relation", "label", "rationale"]
    autocomplete_fields = ["provision"]
    extra = 1

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["provision"].queryset = Provision.objects.select_related("draft")
        return formset

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("matter", "provision__draft")


class StaleRelationFilter(admin.SimpleListFilter):
    """Matters with a relation recorded before one of its texts last changed."""

    title = "relation check"
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [("1", "Relation possibly stale")]

    def queryset(self, request, queryset):
        if self.value() == "1":
            return queryset.filter(pk__in=MatterEntry.objects.possibly_stale().values("matter"))
        return queryset


@admin.register(Matter)
class MatterAdmin(
    PublishAdminMixin,
    HistoryAdminMixin,
    EditConflictAdminMixin,
    SafeIdsAdminMixin,
    admin.ModelAdmin,
):
    list_display = [
        "code",
        "title",
        "process",
        "topic",
        "published",
        "provision_count",
        "stale_count",
        "position",
    ]
    list_display_links = ["code", "title"]
    list_filter = [
        "process",
        "topic",
        "published",
        "entries__provision__draft",
        "entries__relation",
        StaleRelationFilter,
    ]
    list_select_related = ["process", "topic__parent"]
    list_editable = ["position"]
    search_fields = ["code", "title", "note", "entries__provision__heading"]
    autocomplete_fields = ["topic"]
    inlines = [MatterEntryInline]
    actions = [*PublishAdminMixin.actions, "confirm_relations"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                provision_total=count_of(MatterEntry.objects.all(), "matter"),
                stale_total=count_of(MatterEntry.objects.possibly_stale(), "matter"),
            )
        )

    @admin.display(description="relations possibly stale", ordering="stale_total")
    def stale_count(self, obj):
        return obj.stale_total or ""

    @admin.action(
        description="Confirm that the relations of the selected matters still hold",
        permissions=["change"],
    )
    def confirm_relations(self, request, queryset):
        """Re-record each possibly stale relation as checked now (one save each, so the
        history and the cached pages follow)."""
        entries = MatterEntry.objects.possibly_stale().filter(matter__in=queryset)
        count = 0
        for entry in entries.select_related("matter", "provision"):
            entry.save(update_fields=["relation_recorded_at"])
            count += 1
        self.message_user(request, f"{count} relation{'s' if count != 1 else ''} confirmed.")

    @admin.display(description="provisions", ordering="provision_total")
    def provision_count(self, obj):
        return obj.provision_total

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "workspace_links": workspace_admin.links()}
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        return [
            path(
                "suggest/<int:draft_id>/against/<int:parent_id>/",
                self.admin_site.admin_view(self.suggest_view),
                name="alignment_matter_suggest",
            ),
            re_path(
                r"^workspace/(?P<spec>[^/]+)/$",
                self.admin_site.admin_view(self.workspace_view),
                name="alignment_matter_workspace",
            ),
            re_path(
                r"^workspace/(?P<spec>[^/]+)/cell/(?P<matter_id>[0-9]+)/(?P<draft_id>[0-9]+)/$",
                self.admin_site.admin_view(self.workspace_cell_view),
                name="alignment_matter_workspace_cell",
            ),
            re_path(
                r"^workspace/(?P<spec>[^/]+)/tray/(?P<provision_id>[0-9]+)/new-matter/$",
                self.admin_site.admin_view(self.workspace_new_matter_view),
                name="alignment_matter_workspace_new_matter",
            ),
            re_path(
                r"^workspace/(?P<spec>[^/]+)/move/(?P<matter_id>[0-9]+)/$",
                self.admin_site.admin_view(self.workspace_move_view),
                name="alignment_matter_workspace_move",
            ),
            *super().get_urls(),
        ]

    def suggest_view(self, request, draft_id, parent_id):
        return suggest_view(self, request, draft_id, parent_id)

    def workspace_view(self, request, spec):
        return workspace_admin.page(self, request, spec)

    def workspace_cell_view(self, request, spec, matter_id, draft_id):
        return workspace_admin.cell_action(self, request, spec, int(matter_id), int(draft_id))

    def workspace_new_matter_view(self, request, spec, provision_id):
        return workspace_admin.new_matter(self, request, spec, int(provision_id))

    def workspace_move_view(self, request, spec, matter_id):
        return workspace_admin.move_matter(self, request, spec, int(matter_id))
