"""The `published` flag in the admin: only holders of the model's publish permission set it.

For everyone else the field is read-only, so Django leaves it out of the form and ignores
whatever a crafted POST sends for it: new objects start unpublished and existing ones keep
their state. Publishers also get "Publish selected" / "Unpublish selected" list actions,
which save object by object so that history records each change and the site's content
version moves on (never QuerySet.update()).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction


class PublishFieldMixin:
    """For a ModelAdmin or an inline of a model with a `published` flag."""

    def has_publish_permission(self, request) -> bool:
        opts = self.opts
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request) and "published" not in fields:
            fields.append("published")
        return fields


class PublishAdminMixin(PublishFieldMixin):
    actions = ["publish_selected", "unpublish_selected"]

    @admin.action(permissions=["publish"], description="Publish selected %(verbose_name_plural)s")
    def publish_selected(self, request, queryset):
        self._set_published(request, queryset, True)

    @admin.action(permissions=["publish"], description="Unpublish selected %(verbose_name_plural)s")
    def unpublish_selected(self, request, queryset):
        self._set_published(request, queryset, False)

    def _set_published(self, request, queryset, value: bool) -> None:
        model = queryset.model
        update_fields = ["published"]
        if any(f.name == "updated_at" for f in model._meta.concrete_fields):
            update_fields.append("updated_at")
        changed = []
        selected = list(model._default_manager.filter(pk__in=queryset.values("pk")).order_by("pk"))
        with transaction.atomic():
            for obj in selected:
                if obj.published == value:
                    continue
                obj.published = value
                obj.save(update_fields=update_fields)
                self.log_change(request, obj, [{"changed": {"fields": ["published"]}}])
                changed.append(obj)
        opts = model._meta
        name = opts.verbose_name if len(changed) == 1 else opts.verbose_name_plural
        verb = "published" if value else "unpublished"
        unchanged = len(selected) - len(changed)
        text = f"{len(changed)} {name} {verb}."
        if unchanged:
            text += f" {unchanged} already {'were' if unchanged != 1 else 'was'} {verb}."
        messages.success(request, text)
        if value and changed:
            self._warn_still_hidden(request, model, [obj.pk for obj in selected])

    def _warn_still_hidden(self, request, model, pks: list[int]) -> None:
        """Published, yet not public: a provision of an unpublished draft, a matter with no
        public provision, a citation of something unpublished. Say so, naming a few."""
        hidden = list(
            model._default_manager.filter(pk__in=pks).exclude(
                pk__in=model._default_manager.published().values("pk")
            )[:6]
        )
        if not hidden:
            return
        names = ", ".join(f"“{obj}”" for obj in hidden[:5]) + (", …" if len(hidden) > 5 else "")
        messages.warning(
            request,
            f"Still hidden from the public until what they belong to is published: {names}.",
        )
