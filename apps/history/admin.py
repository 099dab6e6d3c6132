from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from apps.core.admin_widgets import SafeIdsAdminMixin

from .models import Change
from .services import RevertError, can_revert, preview, revert


def _may_revert(request, change: Change) -> bool:
    model = change.content_type.model_class()
    perm = f"{model._meta.app_label}.change_{model._meta.model_name}"
    return can_revert(change) and request.user.has_perm(perm)


class CuratedKindFilter(admin.RelatedFieldListFilter):
    """The kinds of object whose changes are recorded, not every content type (sessions,
    permissions, log entries)."""

    def field_choices(self, field, request, model_admin):
        from django.contrib.contenttypes.models import ContentType

        from .recorder import TRACKED

        kinds = ContentType.objects.get_for_models(*TRACKED).values()
        return sorted(
            ((ct.pk, ct.model_class()._meta.verbose_name.capitalize()) for ct in kinds),
            key=lambda choice: choice[1],
        )


class HistoryAdminMixin:
    """Replaces the admin's History page with the recorded field-level changes."""

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._deleted_history_view(request, object_id, extra_context)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        changes = list(Change.objects.for_object(obj).select_related("content_type")[:300])
        return self._history_page(request, obj, str(obj), changes, extra_context)

    def _deleted_history_view(self, request, object_id, extra_context):
        """A deleted object keeps its history at its old address, with its versions to
        restore; an id never recorded goes home, as the admin does."""
        changes = []
        if str(object_id).isdigit() and int(object_id) < 2**63:
            query = Change.objects.for_object_id(self.model, int(object_id))
            changes = list(query.select_related("content_type")[:300])
        if not changes:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        name = f"{changes[0].object_repr} (deleted)"
        return self._history_page(request, None, name, changes, extra_context)

    def _history_page(self, request, obj, name, changes, extra_context):
        context = {
            **self.admin_site.each_context(request),
            "title": f"History of {name}",
            "object_name": name,
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "changes": changes,
            "can_revert": changes and _may_revert(request, changes[0]),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/history/object_history.html", context)


@admin.register(Change)
class ChangeAdmin(SafeIdsAdminMixin, admin.ModelAdmin):
    """Every recorded change, deleted objects included; read-only."""

    list_display = ["at", "action", "content_type", "object_repr", "user_name", "changed_fields"]
    list_filter = ["action", ("content_type", CuratedKindFilter), "user_name"]
    search_fields = ["object_repr", "user_name"]
    date_hierarchy = "at"
    list_select_related = ["content_type"]
    fields = ["at", "action", "content_type", "object_id", "object_repr", "user_name", "diff"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description="fields")
    def changed_fields(self, obj):
        return ", ".join(f["label"] for f in obj.fields.values()) or "—"

    @admin.display(description="what changed")
    def diff(self, obj):
        from django.template.loader import render_to_string

        html = render_to_string("history/_change.html", {"change": obj})
        if can_revert(obj):
            url = reverse("admin:history_change_revert", args=[obj.pk])
            html += format_html('<p><a class="button" href="{}">Restore this version…</a></p>', url)
        return mark_safe(html)  # noqa: S308 - rendered by an autoescaping template above

    def get_urls(self):
        return [
            path(
                "<int:change_id>/revert/",
                self.admin_site.admin_view(self.revert_view),
                name="history_change_revert",
            ),
            *super().get_urls(),
        ]

    def revert_view(self, request, change_id):
        change = get_object_or_404(Change.objects.select_related("content_type"), pk=change_id)
        if not can_revert(change):
            raise Http404("Only provisions and matters can be reverted.")
        if not _may_revert(request, change):
            raise PermissionDenied
        model = change.content_type.model_class()
        history_url = reverse(
            f"admin:{model._meta.app_label}_{model._meta.model_name}_history",
            args=[change.object_id],
        )
        if request.method == "POST":
            try:
                latest = revert(change, user=request.user)
            except RevertError as exc:
                messages.error(request, str(exc))
                return HttpResponseRedirect(
                    reverse("admin:history_change_change", args=[change.pk])
                )
            messages.success(
                request,
                f"“{change.object_repr}” is back to its version of {change.at:%d %b %Y %H:%M}. "
                "The revert is recorded in its history.",
            )
            restored = getattr(latest, "restored", None)
            if restored and restored.describe():
                messages.success(request, f"Restored with it: {restored.describe()}.")
            return HttpResponseRedirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "title": "Restore this version?",
            "change": change,
            "opts": self.opts,
            "history_url": history_url,
            "now_to_restored": {"fields": preview(change), "action": "changed"},
        }
        return TemplateResponse(request, "admin/history/revert_confirm.html", context)
