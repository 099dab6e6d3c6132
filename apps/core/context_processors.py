from __future__ import annotations

from django.core.exceptions import DisallowedHost


def canonical_url(request) -> dict:
    """The page's address without its query string; views with meaningful filters override it."""
    try:
        return {"canonical_url": request.build_absolute_uri(request.path)}
    except DisallowedHost:
        # Rendering the 400 page for a bad Host header must not fail on the same header.
        return {"canonical_url": request.path}


def csrf_placeholder(request) -> dict:
    """While a page is rendered for the shared cache, a placeholder stands for the CSRF token.

    `pagecache` puts each visitor's own token in its place; this processor runs after
    Django's built-in CSRF one, so it overrides it.
    """
    placeholder = getattr(request, "csrf_placeholder", None)
    return {"csrf_token": placeholder} if placeholder else {}
