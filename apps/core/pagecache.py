"""Whole pages rendered once per content version and shared by anonymous visitors.

A page for anonymous visitors differs from one visitor to the next only in its CSRF token.
So the page is rendered with a random placeholder where the token goes (see the
`csrf_placeholder` context processor), stored, and each visitor gets the stored bytes with
their own token put in. A stored page records the content versions it was rendered at and
is served only while they are all unchanged, so nothing has to be invalidated by hand. A
view that says which peace process its page shows (`depends_on`) has its page retired
only by edits to that process or to what processes share; any other page is retired by
every edit.

Signed-in users (staff preview unpublished material) never read or fill this cache.
"""

from __future__ import annotations

import hashlib
import secrets
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from . import versioning
from .htmx import wants_fragment

TIMEOUT = 24 * 3600
# Headers a view sets that belong to the page; the middleware adds the rest on each response.
KEPT_HEADERS = ("Content-Type", "Vary", "HX-Push-Url", "Content-Language")


def _key(request: HttpRequest) -> str:
    ident = "|".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            "fragment" if wants_fragment(request) else "page",
        ]
    )
    digest = hashlib.sha256(ident.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page:{digest}"


def depends_on(request: HttpRequest, *process_ids: int) -> None:
    """The page being rendered shows these processes' material (and shared material only).

    Call it before reading that material: the versions are taken now, so an edit made
    while the page renders retires the rendering.
    """
    scopes = getattr(request, "_page_versions", None)
    if scopes is not None:
        scopes.update(versioning.versions(versioning.scope(pk) for pk in process_ids))
        request._page_scoped = True


def _still_current(entry: dict) -> bool:
    recorded = entry["versions"]
    return cache.get_many(list(recorded)) == recorded


def _cacheable(request: HttpRequest) -> bool:
    return request.method in ("GET", "HEAD") and not request.user.is_authenticated


def _respond(request: HttpRequest, entry: dict) -> HttpResponse:
    token = get_token(request).encode()  # also sets the visitor's CSRF cookie if missing
    response = HttpResponse(entry["content"].replace(entry["placeholder"], token))
    for name, value in entry["headers"].items():
        response[name] = value
    return response


def shared_with_anonymous(view):
    """Serve `view`'s 200 responses to anonymous visitors from the shared page cache.

    The view marks a response it is willing to share with `response.shareable = True`,
    typically only when the request's URL is already the page's canonical URL, so that
    arbitrary query strings cannot fill the cache.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None and _still_current(entry):
            return _respond(request, entry)
        site = versioning.versions([versioning.KEY, versioning.SHARED])
        request._page_versions = {versioning.SHARED: site[versioning.SHARED]}
        request._page_scoped = False
        placeholder = secrets.token_hex(16)
        request.csrf_placeholder = placeholder
        response = view(request, *args, **kwargs)
        del request.csrf_placeholder
        recorded = (
            request._page_versions
            if request._page_scoped
            else {versioning.KEY: site[versioning.KEY]}
        )
        placeholder_bytes = placeholder.encode()
        if (
            response.status_code != 200
            or response.streaming
            or not getattr(response, "shareable", False)
        ):
            # Not stored, but it may still carry the placeholder: give it the real token.
            if not response.streaming and placeholder_bytes in response.content:
                response.content = response.content.replace(
                    placeholder_bytes, get_token(request).encode()
                )
            return response
        entry = {
            "versions": recorded,
            "placeholder": placeholder_bytes,
            "content": response.content,
            "headers": {h: response[h] for h in KEPT_HEADERS if h in response},
        }
        if _still_current(entry):  # else an edit landed while it rendered: serve, keep not
            cache.set(key, entry, timeout=TIMEOUT)
        return _respond(request, entry)

    return wrapped
