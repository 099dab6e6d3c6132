"""Slow down password guessing on the admin sign-in page."""

from __future__ import annotations

import hashlib
import unicodedata

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.urls import reverse

from apps.core.htmx import render_error
from apps.core.ratelimit import client_id


def _key(request, username: str) -> str:
    # The sign-in form strips and NFKC-normalises the name before checking it, so " edna"
    # and "ｅｄｎａ" are the same account: count them under one key. Hashing keeps the
    # key valid for every cache backend, whatever the name contains.
    name = unicodedata.normalize("NFKC", username or "").strip().casefold()
    digest = hashlib.sha256(name.encode()).hexdigest()[:32]
    return f"login-failures:{client_id(request)}:{digest}"


@receiver(user_login_failed)
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    key = _key(request, credentials.get("username", ""))
    window = settings.LOGIN_FAILURE_WINDOW
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=window)


class LoginThrottleMiddleware:
    """After too many failed sign-ins for one name from one client, refuse for a while."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("admin:login"):
            failures = cache.get(_key(request, request.POST.get("username", "")), 0)
            if failures >= settings.LOGIN_FAILURE_LIMIT:
                minutes = settings.LOGIN_FAILURE_WINDOW // 60
                response = render_error(
                    request,
                    "Too many failed sign-in attempts. For safety, signing in with this name "
                    f"is paused for up to {minutes} minutes.",
                    status=429,
                    back=[(reverse("admin:login"), "Back to sign-in")],
                )
                response["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW)
                return response
        return self.get_response(request)
