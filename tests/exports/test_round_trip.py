"""A process exported as JSON and imported into an empty database is the same process."""

from __future__ import annotations

import copy
import io
import json

import pytest
from django.core.management import CommandError, call_command

from apps.alignment.models import Matter, MatterEntry
from apps.compare import comparison
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.sources.models import Citation, Source
from apps.terms.models import KeyTerm
from tests import factories as f

pytestmark = pytest.mark.django_db

DEMO_SPEC = "us-28-point-plan...e3-counter-proposal...geneva-revision"
DOMAIN = [PeaceProcess, Party, Topic, Source, Draft, DraftLink, Provision, Citation]
DOMAIN += [Matter, MatterEntry, Position, KeyTerm]


def comparison_rows(spec: str) -> tuple:
    """What a comparison shows, by stable id: drafts, and per row the matter code and, per
    cell, each provision's key, text, state, relation, label and key terms as shown."""
    drafts = comparison.load_drafts(comparison.parse_slugs(spec), Draft.objects.all())
    result = comparison.build(drafts)
    rows = tuple(
        (
            row.matter.code if row.matter else None,
            tuple(
                (
                    cell.draft.slug,
                    tuple(
                        (
                            item.provision.key,
                            item.text,
                            item.provision.state,
                            item.entry.relation if item.entry else None,
                            item.entry.label if item.entry else None,
                            tuple(tuple(t.as_dict().items()) for t in item.terms),
                        )
                        for item in cell.items
                    ),
                )
                for cell in row.cells
            ),
        )
        for row in result.rows
    )
    return tuple(d.slug for d in drafts), result.total_rows, rows


def clear_domain() -> None:
    """Delete every domain object, dependants first."""
    Citation.objects.all().delete()
    MatterEntry.objects.all().delete()
    Position.objects.all().delete()
    Matter.objects.all().delete()
    DraftLink.objects.all().delete()
    Provision.objects.all().delete()
    Draft.objects.all().delete()
    Source.objects.all().delete()
    Topic.objects.filter(parent__isnull=False).delete()
    Topic.objects.all().delete()
    Party.objects.all().delete()
    PeaceProcess.objects.all().delete()
    assert not any(model.objects.exists() for model in DOMAIN)


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in DOMAIN}


def comparable(export: dict) -> dict:
    """An export without what differs between two databases: the time of export and the
    ids of positions (the only objects without a stable id), numbered in order instead."""
    data = copy.deepcopy(export)
    data.pop("exported_at")
    ids = {p["id"]: n for n, p in enumerate(data["positions"])}
    for p in data["positions"]:
        p["id"] = ids[p["id"]]
    for c in data["citations"]:
        if c["target"]["type"] == "position":
            c["target"]["id"] = ids[c["target"]["id"]]
    return data


def test_demo_process_round_trip_reproduces_the_comparison(client, tmp_path):
    # The first process alone: the database then holds only what its export holds.
    call_command("load_demo", "--process=russia-ukraine-2025", stdout=io.StringIO())
    client.force_login(f.make_user("exporter", group="Editors"))
    before = comparison_rows(DEMO_SPEC)
    before_counts = counts()
    # A source that nothing cites belongs to no process, so no process export holds it.
    before_counts["Source"] = Source.objects.filter(citations__isnull=False).distinct().count()
    assert len(before[2]) > 10

    response = client.get("/processes/russia-ukraine-2025/export.json")
    assert response.status_code == 200
    body = response.getvalue()
    exported = json.loads(body)
    assert exported["positions"] and any(
        c["target"]["type"] == "position" for c in exported["citations"]
    )
    path = tmp_path / "process.json"
    path.write_bytes(body)

    clear_domain()
    with pytest.raises(comparison.CompareError):
        comparison.load_drafts(comparison.parse_slugs(DEMO_SPEC), Draft.objects.all())
    out = io.StringIO()
    call_command("import_process", str(path), stdout=out)
    assert out.getvalue().startswith("Imported 1 process,")

    assert comparison_rows(DEMO_SPEC) == before
    assert counts() == before_counts
    # Exported again, the process is the same document.
    again = json.loads(client.get("/processes/russia-ukraine-2025/export.json").getvalue())
    assert comparable(again) == comparable(exported)


def test_every_field_and_the_publish_flag_survive(client, tmp_path, unpublished, position):
    client.force_login(f.make_user("exporter", group="Editors"))
    Source.objects.filter(key="secret-src").update(note="An editor's note.")
    # Unpublished pieces of each kind keep their flag too.
    Provision.objects.filter(key="secretprov").update(published=False)
    Matter.objects.filter(code="A01").update(published=False)
    Citation.objects.filter(locator="secret locator").update(published=False)
    exported = client.get("/processes/test-process/export.json").getvalue()
    path = tmp_path / "p.json"
    path.write_bytes(exported)
    before = comparison_rows("plan...counter...revision")
    clear_domain()
    call_command("import_process", str(path), stdout=io.StringIO())
    assert comparison_rows("plan...counter...revision") == before
    secret = Draft.objects.get(slug="secret-draft")
    assert secret.published is False and Draft.objects.filter(published=True).count() == 3
    assert Provision.objects.filter(published=False).get().key == "secretprov"
    assert Matter.objects.filter(published=False).get().code == "A01"
    assert Citation.objects.filter(published=False).get().locator == "secret locator"
    assert Source.objects.get(key="secret-src").note == "An editor's note."
    assert set(Draft.objects.get(slug="revision").parents.values_list("slug", flat=True)) == {
        "plan",
        "secret-draft",
    }
    imported = Position.objects.get()
    assert (imported.matter.code, imported.party.slug) == ("A16", "e3")
    assert imported.citations.get().source.key == "pos-src"
    again = json.loads(client.get("/processes/test-process/export.json").getvalue())
    assert comparable(again) == comparable(json.loads(exported))


def test_the_public_export_imports_without_unpublished_material(client, tmp_path, unpublished):
    path = tmp_path / "p.json"
    path.write_bytes(client.get("/processes/test-process/export.json").getvalue())
    clear_domain()
    call_command("import_process", str(path), stdout=io.StringIO())
    assert sorted(Draft.objects.values_list("slug", flat=True)) == ["counter", "plan", "revision"]
    assert not Source.objects.filter(key="secret-src").exists()
    assert Matter.objects.get(code="A16").entries.count() == 3


# --- The importer's refusals -------------------------------------------------------------


@pytest.fixture
def exported(client, plan, position) -> dict:
    """The test process as exported, then the database emptied."""
    data = json.loads(client.get("/processes/test-process/export.json").getvalue())
    clear_domain()
    return data


def run_import(tmp_path, data) -> None:
    path = tmp_path / "import.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    call_command("import_process", str(path), stdout=io.StringIO())


def test_import_into_a_database_with_the_same_ids_is_refused(client, plan, tmp_path):
    data = json.loads(client.get("/processes/test-process/export.json").getvalue())
    before = counts()
    with pytest.raises(CommandError) as exc:
        run_import(tmp_path, data)
    message = str(exc.value)
    assert "already holds objects with the same stable ids" in message
    assert "process (test-process)" in message and "3 drafts" in message
    assert "Nothing" in message
    assert counts() == before


def test_one_taken_id_is_enough_to_refuse(exported, tmp_path):
    f.make_draft(f.make_process(slug="elsewhere"), slug="plan")
    with pytest.raises(CommandError, match=r"1 draft \(plan\)"):
        run_import(tmp_path, exported)
    assert not PeaceProcess.objects.filter(slug="test-process").exists()


def test_a_shared_object_that_differs_is_refused_naming_the_difference(exported, tmp_path):
    f.make_topic(code="crimea", name="Someone else's Crimea")
    with pytest.raises(CommandError, match=r"shared topic crimea has the name"):
        run_import(tmp_path, exported)
    assert not PeaceProcess.objects.filter(slug="test-process").exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{not json", "is not valid JSON: .* \\(line 1, column 2\\)"),
        ("", "is not valid JSON"),
        ("[1, 2]", "one JSON object"),
        ('{"format": "something-else"}', "not a process export"),
        ('{"format": "peacetracker-process", "version": 99}', "Unsupported export version"),
        ('{"format": "peacetracker-process", "version": 1}', "“process” is missing"),
    ],
)
def test_malformed_files_are_a_clear_command_error(db, tmp_path, text, expected):
    with pytest.raises(CommandError, match=expected):
        run_import(tmp_path, text)


def test_a_missing_file_is_a_command_error(db, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_process", str(tmp_path / "nowhere.json"))


def test_a_file_that_is_not_utf8_is_a_command_error(db, tmp_path):
    path = tmp_path / "latin1.json"
    path.write_bytes('{"a": "é"}'.encode("latin-1"))
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("import_process", str(path))


def _break(data: dict, mutate) -> dict:
    broken = copy.deepcopy(data)
    mutate(broken)
    return broken


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        # An unknown reference, late in the file: what came before is rolled back too.
        (
            lambda d: d["citations"][-1]["target"].update(id="nowhere"),
            r"citations\[\d+\]: names the position 'nowhere'",
        ),
        (
            lambda d: d["matters"][0]["entries"][0].update(provision="nowhere"),
            r"matters\[0\]\.entries\[0\]: names the provision 'nowhere'",
        ),
        (
            lambda d: d["provisions"][0].update(state="vanished"),
            r"provisions\[0\] \(provision '.+'\) is invalid: state: Value 'vanished'",
        ),
        (
            lambda d: d["drafts"][0].update(presented_on="2999-01-01"),
            r"drafts\[0\] \(draft 'plan'\) is invalid: presented_on: .*future",
        ),
        (
            lambda d: d["drafts"][0].update(presented_on="20-nov-2025"),
            r"drafts\[0\]: “presented_on” '20-nov-2025' is not a date",
        ),
        (lambda d: d["provisions"][1].update(key=d["provisions"][0]["key"]), "already exists"),
        (lambda d: d["drafts"][0].update(parents=[{"draft": "plan"}]), "cannot revise"),
        (lambda d: d["drafts"][0].pop("slug"), r"drafts\[0\]: “slug” is missing"),
        (lambda d: d["provisions"][0].update(position="1"), "“position” must be int"),
        (lambda d: d.update(topics={"a": 1}), "“topics” must be a list"),
        (lambda d: d["citations"][0]["target"].update(type="party"), "not 'party'"),
        (
            lambda d: d["provisions"][0].update(
                key_terms=[{"code": "army-cap", "name": "Army cap", "value": "600 000"}]
            ),
            r"provisions\[0\], key term 1: “value” must be a number written as text",
        ),
        (
            lambda d: d["provisions"][0].update(key_terms=[{"code": "army-cap", "name": "Cap"}]),
            r"key term 1 \(key term 'army-cap'\) is invalid: value: Give the term a value",
        ),
        (
            lambda d: d["matters"][2]["entries"][1].update(
                provision=d["matters"][2]["entries"][0]["provision"]
            ),
            "already in this matter|same draft",
        ),
    ],
)
def test_invalid_content_is_refused_whole(exported, tmp_path, mutate, expected):
    with pytest.raises(CommandError, match=expected) as exc:
        run_import(tmp_path, _break(exported, mutate))
    assert str(exc.value).startswith("Nothing imported.")
    assert counts() == {model.__name__: 0 for model in DOMAIN}


def test_the_untouched_export_imports(exported, tmp_path):
    run_import(tmp_path, exported)
    assert PeaceProcess.objects.get().slug == "test-process"
    assert Citation.objects.filter(position__isnull=False).count() == 1


def _remove_process(slug: str) -> None:
    """Delete one process and what only it holds, leaving the other process whole."""
    process = PeaceProcess.objects.get(slug=slug)
    Citation.objects.filter(provision__draft__process=process).delete()
    Citation.objects.filter(draft__process=process).delete()
    Citation.objects.filter(position__process=process).delete()
    Position.objects.filter(process=process).delete()
    MatterEntry.objects.filter(matter__process=process).delete()
    Matter.objects.filter(process=process).delete()
    DraftLink.objects.filter(draft__process=process).delete()
    Provision.objects.filter(draft__process=process).delete()
    Draft.objects.filter(process=process).delete()
    Source.objects.filter(citations__isnull=True).delete()
    Topic.objects.filter(process=process, parent__isnull=False).delete()
    Topic.objects.filter(process=process).delete()
    Party.objects.filter(drafts__isnull=True, positions__isnull=True).delete()
    process.delete()


# The Russia–Ukraine process alone round-trips above; beside the other, each process's
# export and import are checked in tests/exports/test_two_processes.py on small data.
@pytest.mark.parametrize(
    ("slug", "spec"), [("gaza-2025", "gaza-us-21-point-plan...gaza-us-20-point-plan")]
)
def test_the_gaza_demo_round_trips_into_a_database_holding_the_other(client, tmp_path, slug, spec):
    call_command("load_demo", stdout=io.StringIO())
    client.force_login(f.make_user("exporter", group="Editors"))
    before = comparison_rows(spec)
    other = "gaza-2025" if slug != "gaza-2025" else "russia-ukraine-2025"
    other_export = comparable(json.loads(client.get(f"/processes/{other}/export.json").getvalue()))
    body = client.get(f"/processes/{slug}/export.json").getvalue()
    exported = json.loads(body)
    path = tmp_path / "process.json"
    path.write_bytes(body)

    _remove_process(slug)
    assert PeaceProcess.objects.filter(slug=other).exists()
    out = io.StringIO()
    call_command("import_process", str(path), stdout=out)
    assert out.getvalue().startswith("Imported 1 process,")

    assert comparison_rows(spec) == before
    again = json.loads(client.get(f"/processes/{slug}/export.json").getvalue())
    assert comparable(again) == comparable(exported)
    # The other process, sharing parties and sources with it, is untouched.
    assert comparable(json.loads(client.get(f"/processes/{other}/export.json").getvalue())) == (
        other_export
    )
