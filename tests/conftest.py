from __future__ import annotations

import datetime
import warnings

import pytest

from tests import factories as f

# One Playwright/Chromium session for every browser test, wherever it lives.
pytest_plugins = ["tests.browser_fixtures"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Rate-limit counters and cached diffs never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_static(settings):
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def plan(db):
    """A small process: a 3-point plan, a counter-proposal and a reported-only revision."""
    process = f.make_process(name="Test process", slug="test-process")
    territory = f.make_topic(name="Territory", code="territory")
    crimea = f.make_topic(name="Crimea", code="crimea", parent=territory)
    army = f.make_topic(name="Military limits", code="military-limits")
    us = f.make_party(name="United States", slug="united-states")
    e3 = f.make_party(name="E3", slug="e3")
    d1 = f.make_draft(process, label="Plan", slug="plan", presented_on=datetime.date(2025, 11, 20))
    d2 = f.make_draft(
        process, label="Counter", slug="counter", presented_on=datetime.date(2025, 11, 23)
    )
    d3 = f.make_draft(
        process,
        label="Revision",
        slug="revision",
        text_basis="reported",
        presented_on=datetime.date(2025, 11, 24),
    )
    d1.authors.set([us])
    d2.authors.set([e3])
    f.link(d2, d1, "answers")
    f.link(d3, d1, "revises")
    p_army1 = f.make_provision(
        d1, label="6", heading="Army cap", body="<p>Army capped at 600,000 personnel.</p>"
    )
    p_army1.topics.set([army])
    p_terr1 = f.make_provision(
        d1, label="21", heading="Territory", body="<p>Crimea recognised as Russian.</p>"
    )
    p_terr1.topics.set([crimea])
    p_sov1 = f.make_provision(
        d1, label="1", heading="Sovereignty", body="<p>Sovereignty confirmed.</p>"
    )
    p_army2 = f.make_provision(
        d2, label="6", heading="Army cap", body="<p>Army capped at 800,000 in peacetime.</p>"
    )
    p_army2.topics.set([army])
    p_terr2 = f.make_provision(
        d2, label="21", heading="Territory", body="<p>Talks start from the line of contact.</p>"
    )
    p_terr2.topics.set([territory])
    p_sov2 = f.make_provision(
        d2, label="1", heading="Sovereignty", body="<p>Sovereignty confirmed.</p>"
    )
    p_terr3 = f.make_provision(
        d3,
        label="—",
        heading="Territory",
        state="bracketed",
        body="<p>Left in brackets for the presidents.</p>",
    )
    for p in (p_army1, p_terr1, p_sov1, p_army2, p_terr2, p_sov2, p_terr3):
        f.cite(p, stance="supports")
    f.cite(p_terr1, stance="disputes", excerpt="Reports informal recognition only.")
    m_sov = f.make_matter(process, code="A01", title="Sovereignty", position=1)
    m_army = f.make_matter(process, code="A10", title="Army size", topic=army, position=2)
    m_terr = f.make_matter(process, code="A16", title="Territory", topic=territory, position=3)
    f.align(m_sov, p_sov1, "new"), f.align(m_sov, p_sov2, "same")
    f.align(m_army, p_army1, "new")
    f.align(m_army, p_army2, "reworded", label="softened", rationale="Higher cap.")
    f.align(m_terr, p_terr1, "new"), f.align(m_terr, p_terr2, "reworded")
    f.align(m_terr, p_terr3, "reworded", label="neutral", rationale="Bracketed.")
    return {
        "process": process,
        "drafts": [d1, d2, d3],
        "matters": [m_sov, m_army, m_terr],
        "territory": territory,
        "us": us,
        "e3": e3,
        "provisions": {"terr1": p_terr1, "army2": p_army2},
    }


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, and at the end no session left on them.

    PostgreSQL refuses to drop a database while another session is connected to it, and
    the drop at the end of a test worker then fails the run. In whole runs a worker was
    sometimes left with one idle session there: the connection its last tests ran on, while
    the teardown held a new one (the cause is not found yet). Such sessions are ended before
    the drop, with a warning that says how many (shown, not failing the run: see
    pyproject.toml), so the leak stays visible."""
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend'"
        )
        (ended,) = cursor.fetchone()
    if ended:
        warnings.warn(f"Database sessions left open by the tests were ended: {ended}", stacklevel=1)
