from __future__ import annotations

from .recorder import acting_user


class HistoryUserMiddleware:
    """Attribute every change made during a request to the signed-in user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with acting_user(getattr(request, "user", None)):
            return self.get_response(request)
