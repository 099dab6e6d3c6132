"""Counting the queries one page costs, for the tests that keep those counts constant."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    """Queries for one uncached GET of `url`, which must answer 200."""
    cache.clear()
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)
