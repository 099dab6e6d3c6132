"""Two writers at the same moment, on two database connections: the edit-conflict check locks
the row, so a save that starts while another is being written waits for it and then sees it.

Only PostgreSQL has row locks (`select_for_update`); SQLite locks the whole database file.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction
from django.test import Client
from django.urls import reverse

from apps.drafts.models import Provision
from apps.history.recorder import acting_user
from tests import factories as f

from .forms import form_data

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="row locks (select_for_update) exist on PostgreSQL only",
    ),
]


def test_a_save_waits_for_a_concurrent_save_of_the_row_and_then_reports_the_conflict():
    provision = f.make_provision(
        f.make_draft(), label="6", heading="Army cap", body="<p>Capped at 600,000.</p>"
    )
    frank = f.make_user("frank", group="Editors")
    edna = Client()
    edna.force_login(f.make_user("edna", group="Editors"))
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    ednas = form_data(edna.get(url))
    ednas["body"] = "<p>Capped at 800,000.</p>"

    franks_row_locked, let_frank_commit = threading.Event(), threading.Event()
    errors: list[BaseException] = []
    answer = {}

    def franks_save():  # frank's save, on its own connection, held open before it commits
        try:
            with acting_user(frank), transaction.atomic():
                row = Provision.objects.select_for_update().get(pk=provision.pk)
                row.heading = "Army cap (peacetime)"
                row.save()
                franks_row_locked.set()
                assert let_frank_commit.wait(30)
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            connections.close_all()

    def ednas_save():  # edna's admin save, on another connection
        try:
            answer["response"] = edna.post(url, ednas)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    writer = threading.Thread(target=franks_save)
    writer.start()
    assert franks_row_locked.wait(30)
    second = threading.Thread(target=ednas_save)
    second.start()
    second.join(timeout=2)
    blocked = second.is_alive()
    let_frank_commit.set()
    writer.join(30)
    second.join(30)
    assert not errors, errors
    assert blocked, "edna's save did not wait for frank's uncommitted save of the same row"

    response = answer["response"]
    assert response.status_code == 200  # refused, not saved over frank's heading
    html = response.content.decode()
    assert "frank saved this provision" in html
    assert "Nothing of yours is saved yet" in html
    provision.refresh_from_db()
    assert (provision.heading, provision.body) == (
        "Army cap (peacetime)",
        "<p>Capped at 600,000.</p>",
    )
