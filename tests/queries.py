"""Counting the queries one page costs, for the tests that keep those counts constant."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    """Queries for one uncached GET of `url`, which must answer 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


# Made anew for each response: the masked CSRF token (forms, htmx headers), the CSP nonce.
_PER_RESPONSE = re.compile(r'(name="csrfmiddlewaretoken" value=|nonce=|"x-csrftoken": )"[^"]+"')


def visit(client, url, headers: dict | None = None) -> tuple[int, str]:
    """(queries, HTML) of one GET of `url`, which must answer 200, keeping the cache; the
    HTML without what each response makes anew, so that two renderings compare equal."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, headers=headers or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries), _PER_RESPONSE.sub(r'\1""', response.content.decode())
