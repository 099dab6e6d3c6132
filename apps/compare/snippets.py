"""The `<iframe>` snippet of an /embed/ page, and what a full page shows to offer it."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

# The size a snippet proposes; the embedding site may change it.
WIDTH, HEIGHT = 800, 600


def iframe_html(src: str, title: str, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The `<iframe>` an article pastes (also the oEmbed `html`)."""
    return format_html(
        '<iframe src="{}" title="{}" width="{}" height="{}" loading="lazy"></iframe>',
        src,
        title,
        width,
        height,
    )


def frozen_title(frozen) -> str:
    """A permanent link's title as its snippet and oEmbed give it: what it shows, and when."""
    when = f"{frozen.created_at.day} {frozen.created_at:%b %Y}"
    return f"Compare: {frozen.payload.get('title', frozen.spec)} (as of {when})"


def embed_context(request: HttpRequest, page_url: str, embed_path: str, title: str) -> dict:
    """What a full page needs for its "Embed" control and its oEmbed discovery link."""
    src = request.build_absolute_uri(embed_path)
    oembed = (
        request.build_absolute_uri(reverse("oembed"))
        + "?"
        + urlencode({"url": page_url, "format": "json"})
    )
    return {"src": src, "snippet": iframe_html(src, title), "oembed_url": oembed, "title": title}
