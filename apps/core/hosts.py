"""The Host header: health checks for any host, a plain 400 for foreign ones, no odd ports."""

from __future__ import annotations

import logging

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest
from django.http.request import split_domain_port

from apps.core.views import healthz

logger = logging.getLogger("django.security.DisallowedHost")


class HostMiddleware:
    """Placed before everything that reads the host (SSL redirect, canonical links).

    - `/healthz/` answers whatever the Host, so a container or load-balancer health check
      that asks by IP address works; no other page does.
    - A Host that is not in ALLOWED_HOSTS gets a plain 400 that needs no template, logged as
      a warning: bots probing the server's address are not server errors.
    - A port in the Host header stays only when it is the port the request really arrived
      on (the proxy's X-Forwarded-Port, else the server's own), so links, og:url and the
      API's URLs never carry a port a client made up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz/":
            return healthz(request)
        try:
            host = request.get_host()
        except DisallowedHost as exc:
            logger.warning(str(exc), extra={"status_code": 400, "request": request})
            return HttpResponseBadRequest(
                "Bad request: this server does not answer for that host name.\n",
                content_type="text/plain; charset=utf-8",
            )
        _, port = split_domain_port(host)
        if port and port != str(request.get_port()) and "HTTP_HOST" in request.META:
            request.META["HTTP_HOST"] = host.removesuffix(f":{port}")
        return self.get_response(request)
