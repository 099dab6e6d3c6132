from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers


def wants_fragment(request: HttpRequest) -> bool:
    """An htmx swap gets the fragment; a direct load or a history restore gets the page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request


def render_page(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    fragment: str,
    status: int = 200,
) -> HttpResponse:
    """Render `template`, or only its `{% partialdef fragment %}` for an htmx swap.

    Both renderings share one URL, so the response varies on HX-Request.
    """
    name = f"{template}#{fragment}" if wants_fragment(request) else template
    response = render(request, name, context, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def render_error(
    request: HttpRequest, message: str, *, status: int = 400, back: list | None = None
) -> HttpResponse:
    """A 4xx page that says what was wrong and offers a way back."""
    response = render(
        request,
        "error.html",
        {"status": status, "message": message, "back": back or []},
        status=status,
    )
    patch_vary_headers(response, ["HX-Request"])
    return response
