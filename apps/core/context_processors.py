from __future__ import annotations


def canonical_url(request) -> dict:
    """The page's address without its query string; views with meaningful filters override it."""
    return {"canonical_url": request.build_absolute_uri(request.path)}
