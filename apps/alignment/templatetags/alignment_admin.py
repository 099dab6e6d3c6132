from __future__ import annotations

from django import template
from django.urls import reverse

from apps.alignment.suggest_admin import VIEW_PERMISSION

register = template.Library()


@register.simple_tag(takes_context=True)
def alignment_suggestion_links(context, draft) -> list[tuple[str, object]]:
    """(url, parent) for each draft this one revises or answers, for editors who may align."""
    request = context.get("request")
    if draft is None or not draft.pk or request is None:
        return []
    if not request.user.has_perm(VIEW_PERMISSION):
        return []
    return [
        (reverse("admin:alignment_matter_suggest", args=[draft.pk, parent.pk]), parent)
        for parent in draft.parents.order_by("presented_on", "reported_on", "pk")
    ]
