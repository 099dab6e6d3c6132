"""The provisions changelist: the latest edits first across drafts, a draft's own order
within one draft."""

from __future__ import annotations

import datetime
import re

from django.urls import reverse

from tests import factories as f

URL = reverse("admin:drafts_provision_changelist")


def headings(response) -> list[str]:
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<t[hd] class="field-heading">(?:<a [^>]*>)?([^<]+)', html)


def test_latest_edits_first_and_a_filtered_draft_in_its_own_order(editor_client, db):
    process = f.make_process()
    early = f.make_draft(process, presented_on=datetime.date(2025, 4, 1))
    late = f.make_draft(process, presented_on=datetime.date(2025, 11, 20))
    first = f.make_provision(early, heading="Early one", position=1)
    f.make_provision(early, heading="Early two", position=2)
    f.make_provision(late, heading="Late one", position=1)
    first.body = "<p>Edited last.</p>"
    first.save()

    assert headings(editor_client.get(URL)) == ["Early one", "Late one", "Early two"]
    in_draft = editor_client.get(URL, {"draft__id__exact": early.pk})
    assert headings(in_draft) == ["Early one", "Early two"]
    # A column the editor sorts by still wins.
    by_heading = editor_client.get(URL, {"o": "2"})
    assert headings(by_heading) == ["Early one", "Early two", "Late one"]
