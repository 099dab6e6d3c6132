"""Issue 14: the draft autocomplete ranks label and title matches above summary matches."""

from __future__ import annotations

import datetime

from django.urls import reverse

from tests import factories as f


def test_draft_autocomplete_ranks_label_matches_first(editor_client):
    process = f.make_process()
    f.make_draft(
        process,
        label="US April framework",
        title="Framework of April",
        summary="<p>Answered later by the Kyiv revision.</p>",
        presented_on=datetime.date(2025, 4, 1),
    )
    f.make_draft(
        process,
        label="Kyiv revision",
        title="Counter-proposal",
        presented_on=datetime.date(2025, 11, 30),
    )
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "drafts", "model_name": "provision", "field_name": "draft", "term": "Kyiv"},
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "Kyiv revision",
        "US April framework",
    ]
