"""Compressed responses: brotli where it is safe and the client accepts it, else gzip.

BREACH recovers a secret from a compressed response's length when an attacker can also
put text of their own in the same response. Django's GZipMiddleware answers it by
padding the gzip header with a random number of bytes, and we keep that padding for every
response that may carry a secret. Brotli has no such padding, so it is used only for a
response that can hold no secret: the request came with no session (so no signed-in
user and nothing from their session is in it) and the response sets no cookie (issuing a
CSRF token, which is then in the page, always sets the CSRF cookie). The CSRF and session
middlewares set their cookies on the way out, so this middleware sits above both.
"""

from __future__ import annotations

import brotli
from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

# Text formats the site sends; images and fonts are compressed already.
COMPRESSED_TYPES = frozenset(
    {"text/html", "application/json", "text/csv", "image/svg+xml", "text/plain"}
)
re_accepts_brotli = _lazy_re_compile(r"\bbr\b")
# Brotli's quality 5 compresses HTML better than gzip -6 at about the same speed.
BROTLI_QUALITY = 5


def _media_type(response) -> str:
    return response.get("Content-Type", "").split(";", 1)[0].strip().lower()


def carries_no_secret(request, response) -> bool:
    """True when the response can hold no CSRF token and nothing of a signed-in user's."""
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and not response.cookies


def _brotli_sequence(chunks):
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        data = compressor.process(chunk)
        if data:
            yield data
    yield compressor.finish()


class CompressionMiddleware(GZipMiddleware):
    """GZipMiddleware (with its BREACH padding) for the site's text formats, and brotli
    instead for responses that carry no secret, when the client accepts it."""

    def process_response(self, request, response):
        if _media_type(response) not in COMPRESSED_TYPES:
            return response
        if response.has_header("Content-Encoding"):
            return response
        accepts = request.META.get("HTTP_ACCEPT_ENCODING", "")
        if (
            not re_accepts_brotli.search(accepts)
            or not carries_no_secret(request, response)
            or getattr(response, "is_async", False)
        ):
            return super().process_response(request, response)
        if not response.streaming and len(response.content) < 200:
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        if response.streaming:
            response.streaming_content = _brotli_sequence(response.streaming_content)
            del response.headers["Content-Length"]
        else:
            compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
            if len(compressed) >= len(response.content):
                return response
            response.content = compressed
            response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        response.headers["Content-Encoding"] = "br"
        return response
