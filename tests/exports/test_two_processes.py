"""Two processes in one database: each exports and imports beside the other, sharing the
parties and sources they have in common, each keeping its own topic tree."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from apps.alignment.models import Matter, MatterEntry
from apps.drafts.models import Draft, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.sources.models import Citation, Source
from tests import factories as f

pytestmark = pytest.mark.django_db


def _process(slug: str, us: Party, shared_source: Source, kind: str) -> PeaceProcess:
    process = f.make_process(slug=slug, name=slug.title())
    own = f.make_topic(code=f"{slug}-topic", name=f"{slug} matters", process=process)
    draft = f.make_draft(process, slug=f"{slug}-draft", kind=kind)
    draft.authors.set([us])
    provision = f.make_provision(draft, key=f"{slug}-p1", label="1", body="<p>One.</p>")
    provision.topics.set([own])
    f.cite(provision, shared_source, source_number="3", translated=True, excerpt="Uno.")
    f.cite(provision, f.make_source(key=f"{slug}-own-src", language="pt", relay_of="AP's text"))
    matter = f.make_matter(process, code="M1", title="Row", topic=own)
    f.align(matter, provision, "new")
    position = Position.objects.create(
        process=process,
        party=us,
        matter=matter,
        topic=own,
        stance="demands",
        paraphrase="Wants it.",
        quotation="Ya.",
        quotation_translated=True,
        stated_on=datetime.date(2025, 10, 3),
    )
    f.cite(position, shared_source)
    return process


def _remove(process: PeaceProcess) -> None:
    Citation.objects.filter(provision__draft__process=process).delete()
    Citation.objects.filter(position__process=process).delete()
    Position.objects.filter(process=process).delete()
    MatterEntry.objects.filter(matter__process=process).delete()
    Matter.objects.filter(process=process).delete()
    Provision.objects.filter(draft__process=process).delete()
    Draft.objects.filter(process=process).delete()
    Source.objects.filter(citations__isnull=True).delete()
    Topic.objects.filter(process=process).delete()
    process.delete()


@pytest.fixture
def two(client):
    us = f.make_party(slug="united-states", name="United States", short_name="US")
    shared = f.make_source(key="wire-1", outlet="Wire", headline="Both plans")
    gaza = _process("gaza", us, shared, Draft.Kind.RESOLUTION)
    ukraine = _process("ukraine", us, shared, Draft.Kind.PLAN)
    client.force_login(f.make_user("exporter", group="Editors"))
    return {"gaza": gaza, "ukraine": ukraine}


@pytest.mark.parametrize("first", ["gaza", "ukraine"])
def test_each_process_imports_into_a_database_that_holds_the_other(client, two, tmp_path, first):
    exported = client.get(f"/processes/{first}/export.json").getvalue()
    _remove(two[first])
    path = tmp_path / "p.json"
    path.write_bytes(exported)
    call_command("import_process", str(path), stdout=io.StringIO())

    assert set(PeaceProcess.objects.values_list("slug", flat=True)) == {"gaza", "ukraine"}
    assert Party.objects.filter(slug="united-states").count() == 1
    assert Source.objects.filter(key="wire-1").count() == 1
    topic = Topic.objects.get(code=f"{first}-topic")
    assert topic.process.slug == first
    again = json.loads(client.get(f"/processes/{first}/export.json").getvalue())
    before = json.loads(exported)
    for data in (again, before):
        data.pop("exported_at")
        for p in data["positions"]:
            p.pop("id")
        for c in data["citations"]:
            if c["target"]["type"] == "position":
                c["target"].pop("id")
    assert again == before


def test_the_new_fields_travel_through_the_export(client, two):
    data = json.loads(client.get("/processes/gaza/export.json").getvalue())
    assert data["drafts"][0]["kind"] == "resolution"
    assert {t["code"]: t["process"] for t in data["topics"]} == {"gaza-topic": "gaza"}
    sources = {s["key"]: s for s in data["sources"]}
    assert (sources["gaza-own-src"]["language"], sources["gaza-own-src"]["relay_of"]) == (
        "pt",
        "AP's text",
    )
    cited = [c for c in data["citations"] if c["source"] == "wire-1"]
    assert {(c["source_number"], c["translated"]) for c in cited} == {("3", True), ("", False)}
    assert data["positions"][0]["quotation_translated"] is True


def test_a_file_whose_shared_party_differs_is_refused_whole(client, two, tmp_path):
    exported = json.loads(client.get("/processes/gaza/export.json").getvalue())
    _remove(two["gaza"])
    exported["parties"][0]["name"] = "USA"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    with pytest.raises(CommandError, match=r"party united-states has the name"):
        call_command("import_process", str(path), stdout=io.StringIO())
    assert not PeaceProcess.objects.filter(slug="gaza").exists()


def test_a_subtopic_belongs_to_its_topics_process(two):
    from django.core.exceptions import ValidationError

    child = Topic(code="child", name="Child", parent=Topic.objects.get(code="gaza-topic"))
    with pytest.raises(ValidationError, match="belongs to the process of its topic"):
        child.full_clean()
    child.process = two["gaza"]
    child.full_clean()


def test_shared_records_are_looked_up_once_not_once_each(client, two):
    """The United States and the shared wire are found in one query per kind while the file is
    checked; reusing them then costs nothing, however many shared records a process has."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from apps.exports.process_io import load_process

    data = json.loads(client.get("/processes/gaza/export.json").getvalue())
    _remove(two["gaza"])
    with CaptureQueriesContext(connection) as ctx:
        load_process(data)
    one_by_one = [
        q["sql"]
        for q in ctx.captured_queries
        if "'united-states'" in q["sql"]
        and " IN (" not in q["sql"]
        or "'wire-1'" in q["sql"]
        and " IN (" not in q["sql"]
    ]
    assert one_by_one == []
    assert Source.objects.filter(key="wire-1").count() == 1
