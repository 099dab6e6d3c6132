"""The address of a page's link-preview picture (og:image)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django import template

register = template.Library()


@register.filter
def og_image_url(page_url: str) -> str:
    """`https://host/compare/a...b/?topic=x` → `https://host/compare/a...b/og.png?topic=x`:
    each page with a picture serves it as `og.png` under its own address, same filters."""
    parts = urlsplit(page_url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit(parts._replace(path=path + "og.png"))
