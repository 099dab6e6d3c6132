from __future__ import annotations

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path

from .models import QualityNote
from .report import build_report, unexplained_count


@admin.register(QualityNote)
class QualityNoteAdmin(admin.ModelAdmin):
    list_display = ["kind", "item_link", "note", "updated_at"]
    list_filter = ["kind"]
    search_fields = ["note"]
    change_list_template = "admin/quality/qualitynote/change_list.html"

    @admin.display(description="item")
    def item_link(self, obj: QualityNote) -> str:
        return str(obj.item) if obj.item is not None else f"(deleted #{obj.object_id})"

    def get_urls(self):
        report = path(
            "report/",
            self.admin_site.admin_view(self.report_view),
            name="quality_qualitynote_report",
        )
        return [report, *super().get_urls()]

    def report_view(self, request):
        """The data-quality report: readable by anyone who may view the notes."""
        if not self.has_view_permission(request):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        sections = build_report()
        context = {
            **self.admin_site.each_context(request),
            "title": "Data-quality report",
            "sections": sections,
            "unexplained": unexplained_count(sections),
            "opts": self.model._meta,
            "can_add_note": self.has_add_permission(request),
        }
        return TemplateResponse(request, "admin/quality/report.html", context)
