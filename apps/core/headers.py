"""Response headers Django has no setting for."""

from __future__ import annotations

from functools import wraps

from django.conf import settings

# No page uses the camera, the microphone, geolocation, payments or USB, and none may be
# asked to on its behalf (an embedded frame, an injected script).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)


class SecurityHeadersMiddleware:
    """Permissions-Policy and Cross-Origin-Resource-Policy on every response, static files
    included (so it sits above whitenoise)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


def frameable_by_any_site(view):
    """Let any site frame the view's pages (`frame-ancestors *`, no X-Frame-Options).

    Only the /embed/ pages use this: everything else keeps `frame-ancestors 'none'` and
    `X-Frame-Options: DENY`. The rest of the Content-Security-Policy stays as strict.
    """

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response._csp_config = {**settings.SECURE_CSP, "frame-ancestors": ["*"]}
        response.xframe_options_exempt = True
        # A framing page that requires CORP (COEP: require-corp) may still load it.
        response.headers["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    return wrapped
