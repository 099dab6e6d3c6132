"""The whole-process export is streamed: written as it is read, the same text as before."""

from __future__ import annotations

import datetime
import json

import pytest
from django.core.serializers.json import DjangoJSONEncoder

from apps.exports import streaming
from apps.exports.responses import json_bytes


def test_iter_json_writes_what_json_dumps_writes_reading_generators_as_lists(monkeypatch):
    monkeypatch.setattr(streaming, "CHUNK", 10)  # many chunks, so joins are exercised

    def rows():
        for i in range(3):
            yield {"n": i, "tags": ["a", {"deep": []}], "note": "é \n “q”"}

    data = {
        "empty_list": [],
        "empty_object": {},
        "day": datetime.date(2025, 11, 20),
        "nothing": None,
        "rows": rows(),
        "no_rows": (x for x in ()),
        "nested": {"inner": (x for x in [1, 2])},
        "plain": [[], [{"x": 1}]],
    }
    expected = dict(
        data,
        rows=[{"n": i, "tags": ["a", {"deep": []}], "note": "é \n “q”"} for i in range(3)],
        no_rows=[],
        nested={"inner": [1, 2]},
    )
    chunks = list(streaming.iter_json(data))
    assert len(chunks) > 1
    assert "".join(chunks) == json.dumps(
        expected, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
    assert "".join(chunks).encode() == json_bytes(expected, indent=2)


@pytest.mark.django_db
def test_the_process_export_is_streamed_and_reads_as_one_document(client, plan, position):
    response = client.get("/processes/test-process/export.json")
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.getvalue())
    assert [d["slug"] for d in data["drafts"]] == ["plan", "counter", "revision"]
    assert [p["key"] for p in data["provisions"]][:1] and data["citations"]
    # The long lists keep their order: drafts in order, then each draft's points.
    drafts = [d["slug"] for d in data["drafts"]]
    keys = [(drafts.index(p["draft"]), p["position"]) for p in data["provisions"]]
    assert keys == sorted(keys)
