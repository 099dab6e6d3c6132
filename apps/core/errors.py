"""A request id for every request, logged with errors and shown on the 500 page, so a
reader's report ("error abc123…") finds its traceback in the logs."""

from __future__ import annotations

import uuid

from django.http import HttpResponseServerError
from django.template import loader


def request_id(request) -> str:
    rid = getattr(request, "request_id", None)
    if rid is None:
        rid = request.request_id = uuid.uuid4().hex[:16]
    return rid


class RequestIdMiddleware:
    """Give each request an id (also sent as X-Request-ID) before anything can fail."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        rid = request_id(request)
        response = self.get_response(request)
        response.headers.setdefault("X-Request-ID", rid)
        return response


def server_error(request, template_name: str = "500.html"):
    """The 500 page: what happened, and the id the logs carry for this request."""
    rid = request_id(request)
    body = loader.get_template(template_name).render({"request_id": rid})
    response = HttpResponseServerError(body)
    response["X-Request-ID"] = rid
    return response
