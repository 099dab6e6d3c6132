"""Search results are kept per query, filters, page and audience until anything is edited:
a repeated search costs no search, and never shows what changed since, nor what the visitor
may not see."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories as f

from .conftest import texts

URL = "/search/"


def visit(client, **params) -> tuple[list[str], str, str]:
    """(the SQL run, the results region's text, the whole page)."""
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(URL, params)
    assert response.status_code == 200
    return [q["sql"] for q in ctx.captured_queries], texts(response), response.content.decode()


def region(page: str) -> str:
    """The results region of a page (the rest carries the response's own nonce)."""
    return page.split('id="search-results"')[1]


def searched(sql: list[str]) -> bool:
    return any("UNION" in s for s in sql)


def test_a_repeated_search_is_served_without_searching(
    client, corpus, django_assert_max_num_queries
):
    sql, found, page = visit(client, q="army")
    assert searched(sql) and found
    with django_assert_max_num_queries(2):
        again_sql, again_found, again_page = visit(client, q="army")
    assert not searched(again_sql)
    assert region(again_page) == region(page)


def test_each_query_filter_and_page_has_its_own_results(client, corpus):
    everything = visit(client, q="army")[1]
    assert len(everything) == 2
    assert visit(client, q="army", kind="source")[1] == []
    assert visit(client, q="army", draft="plan")[1] == [everything[1]]
    assert visit(client, q="wombat")[1] != everything
    for n in range(25):
        f.make_provision(corpus["drafts"][0], heading=f"Quokka {n}", label=str(30 + n))
    first, second = (visit(client, q="quokka", page=n)[1] for n in (1, 2))
    assert len(first) == 20 and len(second) == 5


def test_an_edit_in_another_process_shows_in_the_next_search(client, corpus):
    before = visit(client, q="aardwolf")[1]
    assert before == []
    elsewhere = f.make_draft(f.make_process(), label="Elsewhere", slug="elsewhere")
    f.make_provision(elsewhere, heading="Aardwolf clause", body="<p>Aardwolf text.</p>")
    (found,) = visit(client, q="aardwolf")[1]
    assert "Aardwolf clause" in found


def test_unpublishing_takes_a_result_away_at_once(client, corpus):
    army = corpus["provisions"]["army2"]
    assert len(visit(client, q="army")[1]) == 2
    army.published = False
    army.save()
    (left,) = visit(client, q="army")[1]
    assert "600,000" in left


def test_staff_results_never_reach_the_public(client, secret, staff):
    client.force_login(staff)
    assert len(visit(client, q="pangolin")[1]) == 4
    client.logout()
    sql, found, page = visit(client, q="pangolin")
    assert found == [] and "Pangolin" not in region(page)
    # and the public's copy never reaches staff
    client.force_login(staff)
    assert len(visit(client, q="pangolin")[1]) == 4


def test_pages_past_the_last_are_not_kept(client, corpus):
    """Each would be a copy of the last page: anyone could fill the cache with them."""
    for n in range(25):
        f.make_provision(corpus["drafts"][0], heading=f"Quokka {n}", label=str(30 + n))
    assert searched(visit(client, q="quokka", page=99)[0])
    assert searched(visit(client, q="quokka", page=99)[0])
    visit(client, q="quokka", page=2)
    assert not searched(visit(client, q="quokka", page=2)[0])


def test_results_are_kept_minutes_not_a_day(client, corpus, monkeypatch):
    """Anyone can make up searches: their results must leave the cache soon."""
    from apps.core import fragments

    kept = []
    set_ = fragments.cache.set

    def recorded(key, value, timeout=None):
        if key.startswith("fragment:"):
            kept.append(timeout)
        return set_(key, value, timeout)

    monkeypatch.setattr(fragments.cache, "set", recorded)
    visit(client, q="army")
    assert kept and all(0 < t <= 600 for t in kept)
