from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from apps.core.htmx import render_error
from apps.core.ratelimit import hit

from . import services
from .forms import FollowForm
from .models import Subscription
from .targets import Target, find

_NOT_FOUND = "There is nothing published to follow at this address."


def _error(request: HttpRequest, exc: services.FollowError, back=None) -> HttpResponse:
    response = render_error(request, exc.message, status=exc.status, back=back)
    if exc.retry_after is not None:
        response["Retry-After"] = str(exc.retry_after)
    return response


def _page(request, target: Target, form: FollowForm, status: int = 200) -> HttpResponse:
    return render(request, "alerts/follow.html", {"target": target, "form": form}, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
def follow(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    target = find(kind, ref)
    if target is None:
        return render_error(request, _NOT_FOUND, status=404)
    if request.method != "POST":
        return _page(request, target, FollowForm())
    # Every attempt counts against the client, valid or not.
    wait = hit(
        request,
        "alerts-follow",
        limit=settings.ALERT_RATE_LIMIT,
        window=settings.ALERT_RATE_WINDOW,
    )
    if wait is not None:
        return _error(
            request,
            services.FollowError("Too many follow requests from here. Try again later.", 429, wait),
            back=[(target.path, f"Back to {target.name}")],
        )
    form = FollowForm(request.POST)
    if not form.is_valid():
        return _page(request, target, form, status=400)
    try:
        services.request_follow(target, form.cleaned_data["email"], form.cleaned_data["frequency"])
    except services.FollowError as exc:
        return _error(request, exc, back=[(target.path, f"Back to {target.name}")])
    return redirect(reverse("alerts:sent", args=[target.kind, target.ref]))


@require_safe
def sent(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    target = find(kind, ref)
    if target is None:
        return render_error(request, _NOT_FOUND, status=404)
    return render(request, "alerts/sent.html", {"target": target})


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    # A GET only asks: mail scanners that open every link must not confirm on their own.
    try:
        if request.method != "POST":
            return render(
                request, "alerts/confirm.html", {"target": services.peek(token), "token": token}
            )
        target, _ = services.confirm(token)
    except services.FollowError as exc:
        return _error(request, exc)
    return redirect(reverse("alerts:confirmed", args=[target.kind, target.ref]))


@require_safe
def confirmed(request: HttpRequest, kind: str, ref: str) -> HttpResponse:
    target = find(kind, ref)
    if target is None:
        return render_error(request, _NOT_FOUND, status=404)
    return render(request, "alerts/confirmed.html", {"target": target})


_NO_ADDRESS = (
    "No alerts go to an address with this link: it was used already, or it is not complete "
    "(copy the whole link from the email)."
)


# RFC 8058: a mail client's one-click POST carries no CSRF token; the link's random key is
# the authority, and all it can do is stop mail to the address it was sent to.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, key: str) -> HttpResponse:
    if request.method != "POST":
        # A GET only asks: a link scanner must not unsubscribe anyone.
        if not Subscription.objects.filter(unsubscribe_key=key).exists():
            return render_error(request, _NO_ADDRESS, status=404)
        return render(request, "alerts/unsubscribe.html", {"key": key, "done": False})
    if not services.unsubscribe(key):
        return render_error(request, _NO_ADDRESS, status=404)
    return render(request, "alerts/unsubscribe.html", {"done": True})
