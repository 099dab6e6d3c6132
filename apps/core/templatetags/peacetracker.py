from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.safestring import mark_safe

from apps.core import dates
from apps.core.html import CleanHTML, sanitize_html

register = template.Library()


@register.filter
def editor_html(value: str | None) -> str:
    """Render editor HTML: stored HTML (`CleanHTML`, sanitised when it was saved) as it
    is; anything else is sanitised here."""
    if isinstance(value, CleanHTML):
        return mark_safe(value)  # noqa: S308 - only the sanitiser and its field make CleanHTML
    return mark_safe(sanitize_html(value))  # noqa: S308 - sanitised on the line itself


@register.simple_tag
def fuzzy_date(value, precision) -> str:
    return dates.format_date(value, precision)


@register.simple_tag(name="word_diff")
def word_diff_tag(before: str, after: str) -> str:
    """`after` with its words marked against `before` (escaped, then marked up)."""
    from apps.compare.diff import word_diff

    return word_diff(str(before), str(after))


@register.filter
def join_slugs(drafts) -> str:
    """Drafts as a comparison path segment: slug...slug (at most six, earliest first)."""
    return "...".join(d.slug for d in list(drafts)[:6])


@register.filter
def datetime_attr(value) -> str:
    """A moment as a valid `<time datetime>` value: UTC, to the second ("…T09:05:12Z").

    The "c" date format keeps microseconds, which HTML does not allow (at most 3 digits).
    """
    if not isinstance(value, datetime.datetime):
        return ""
    if timezone.is_aware(value):
        value = value.astimezone(datetime.UTC)
    return value.replace(tzinfo=None).isoformat(timespec="seconds") + (
        "Z" if timezone.is_aware(value) else ""
    )
