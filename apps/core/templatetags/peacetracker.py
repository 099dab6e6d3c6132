from __future__ import annotations

from django import template
from django.utils.safestring import mark_safe

from apps.core import dates
from apps.core.html import sanitize_html

register = template.Library()


@register.filter
def editor_html(value: str | None) -> str:
    """Render editor HTML, sanitised again on the way out (defence in depth)."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised on the line itself


@register.simple_tag
def fuzzy_date(value, precision) -> str:
    return dates.format_date(value, precision)
