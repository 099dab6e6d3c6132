from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction

from apps.alignment.models import Matter, MatterEntry
from apps.core import dates
from apps.demo import loader
from apps.demo.data import disputes, positions
from apps.drafts.models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.quality.models import QualityNote
from apps.sources.models import Citation, Source

pytestmark = pytest.mark.django_db

User = get_user_model()

DEMO_MODELS = [
    PeaceProcess,
    Party,
    Topic,
    Source,
    Draft,
    DraftLink,
    Draft.authors.through,
    Provision,
    Provision.topics.through,
    Citation,
    Matter,
    MatterEntry,
    Position,
    QualityNote,
    User,
    User.groups.through,
]


# The first process; the Gaza process (tests/demo/test_gaza_demo.py) loads beside it.
RU = "russia-ukraine-2025"
EUROPEAN_PARTIES = {"united-kingdom", "france", "germany", "european-union", "e3"}


def load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def snapshot() -> dict[str, list[dict]]:
    """Every row of every model the loader writes, field by field."""
    return {
        model._meta.label: list(model._default_manager.order_by("pk").values())
        for model in DEMO_MODELS
    }


def counts(output: str) -> str:
    """The counts of the summary line, without the new / already present part."""
    return output.splitlines()[0].rsplit(" (", 1)[0]


def stance_shifts() -> set[tuple[str, str]]:
    """(party, matter) pairs where a party's stance differs from its previous one."""
    previous: dict[tuple[str, str], str] = {}
    shifted = set()
    for position in (
        Position.objects.exclude(matter=None).select_related("party", "matter").chronological()
    ):
        key = (position.party.slug, position.matter.code)
        if key in previous and previous[key] != position.stance:
            shifted.add(key)
        previous[key] = position.stance
    return shifted


@pytest.fixture(scope="class")
def demo(django_db_setup, django_db_blocker):
    """The demo data, loaded once for a class of read-only tests and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


@pytest.mark.usefixtures("demo")
class TestDemoContent:
    def test_it_loads_the_six_drafts_with_their_provisions(self):
        assert set(Draft.objects.filter(process__slug=RU).values_list("slug", flat=True)) == {
            "us-april-framework",
            "ua-eu-april-counter",
            "us-28-point-plan",
            "e3-counter-proposal",
            "eu-24-point-plan",
            "geneva-revision",
        }
        assert not Draft.objects.filter(published=False).exists()
        # Everything else is published too, so the whole demo is public.
        assert Provision.objects.published().count() == Provision.objects.count() > 0
        # (Gaza's M25 is in no draft's text, so it has no public page: test_gaza_demo.py.)
        ru_matters = Matter.objects.filter(process__slug=RU)
        assert ru_matters.published().count() == ru_matters.count() > 0
        assert Citation.objects.published().count() == Citation.objects.count() > 0
        us28 = Draft.objects.get(slug="us-28-point-plan")
        assert list(us28.provisions.in_order().values_list("label", flat=True)) == [
            str(n) for n in range(1, 29)
        ]
        assert us28.declared_points == 28
        assert us28.reported_on == datetime.date(2025, 11, 19)
        assert (
            Provision.objects.get(key="us28-21").topics.filter(parent__code="territory").count()
            == 3
        )

    def test_it_loads_topics_sources_and_matters(self):
        assert Topic.objects.filter(parent=None, process__slug=RU).count() == 18
        assert Topic.objects.get(code="territory-crimea").parent.code == "territory"
        assert Source.objects.count() >= 80
        assert Source.objects.get(key="s02b").outlet == "press.lv"
        ru_matters = Matter.objects.filter(process__slug=RU)
        assert ru_matters.count() == 27
        assert list(ru_matters.values_list("code", flat=True)[:2]) == ["A01", "A02"]

    def test_the_geneva_revision_is_reported_only_and_its_point_count_disputed(self):
        geneva = Draft.objects.get(slug="geneva-revision")
        assert geneva.text_basis == Draft.TextBasis.REPORTED
        assert sorted(geneva.parent_links.values_list("parent__slug", "kind")) == [
            ("us-28-point-plan", "revises"),
        ]
        point_count = geneva.citations.filter(note__icontains="number of points")
        assert set(point_count.values_list("stance", flat=True)) == {"supports", "differs"}
        assert set(point_count.values_list("source__key", flat=True)) >= {"s29", "s35", "seed-002"}

    def test_every_provision_cites_a_source(self):
        assert list(Provision.objects.filter(citations=None).values_list("key", flat=True)) == []

    def test_every_disputed_fact_of_the_fact_sheet_is_cited(self):
        disputing = Citation.objects.disputing()
        assert disputing.count() >= 14
        for fact in disputes.SECTION_10:
            assert disputing.filter(note=disputes.FACTS[fact]).exists(), fact
        crimea = Citation.objects.filter(provision__key="usapr-6")
        assert set(crimea.disputing().values_list("source__key", flat=True)) == {"s56", "s65"}
        assert set(crimea.filter(stance="supports").values_list("source__key", flat=True)) >= {
            "s52",
            "s54",
        }

    def test_citations_are_short_and_point_to_the_numbered_point(self):
        assert (
            max(len(excerpt) for excerpt in Citation.objects.values_list("excerpt", flat=True))
            <= 200
        )
        assert (
            Citation.objects.get(provision__key="us28-21", source__key="s08").locator == "point 21"
        )
        # The Censor.net rendering numbers the European points differently.
        europe = Citation.objects.get(provision__key="eu24-territory", source__key="s46c")
        assert europe.locator == "point 8"

    def test_aligned_provisions_carry_relation_and_label(self):
        army = MatterEntry.objects.get(matter__code="A10", provision__key="e3-6")
        assert (army.relation, army.label) == ("reworded", "softened")
        assert "800,000" in army.rationale
        territory = MatterEntry.objects.filter(
            matter__code="A16", provision__draft__slug="us-april-framework"
        )
        assert set(territory.values_list("relation", flat=True)) == {"split"}
        assert MatterEntry.objects.filter(provision__key="usapr-3").count() == 2

    def test_it_loads_the_stated_positions_of_each_side(self, demo):
        assert Position.objects.filter(process__slug=RU).count() == len(positions.POSITIONS) >= 15
        assert f"{Position.objects.count()} positions" in demo
        parties = set(Position.objects.values_list("party__slug", flat=True))
        assert parties >= {"united-states", "ukraine", "russia"}
        assert parties & EUROPEAN_PARTIES
        matters = set(Position.objects.values_list("matter__code", flat=True))
        assert matters >= {"A16", "A11", "A10", "A15", "A27"}
        assert matters & {"A06", "A07"}
        assert not Position.objects.filter(matter=None, topic=None).exists()

    def test_positions_keep_speaker_date_precision_and_topic(self):
        putin = Position.objects.get(party__slug="russia", matter__code="A27", speaker="Putin")
        assert (putin.stance, putin.stated_on) == ("demands", datetime.date(2025, 11, 27))
        assert putin.quotation.startswith("Ukrainian troops must withdraw")
        crimea = Position.objects.get(speaker="Trump", stated_on=datetime.date(2025, 4, 25))
        assert (crimea.matter.code, crimea.topic.code) == ("A16", "territory-crimea")
        # Only the month is known: stored as its first day, shown as the month.
        yermak = Position.objects.get(speaker="Yermak")
        assert (yermak.stated_on, yermak.stated_display) == (datetime.date(2025, 11, 1), "Nov 2025")
        # A position on a topic without a matter.
        zelensky = Position.objects.get(matter=None, process__slug=RU)
        assert (zelensky.topic.code, zelensky.party.slug) == ("territory-south", "ukraine")
        # Without a narrower topic, a position takes its matter's.
        army = Position.objects.filter(matter__code="A10")
        assert set(army.values_list("topic__code", flat=True)) == {"military-limits"}

    def test_every_position_cites_a_supporting_source_briefly(self):
        assert list(Position.objects.filter(citations=None)) == []
        cited = Citation.objects.filter(position__isnull=False)
        assert cited.count() >= Position.objects.count()
        assert set(cited.values_list("stance", flat=True)) == {"supports", "differs"}
        assert not Position.objects.exclude(citations__stance="supports").exists()
        assert max(len(excerpt) for excerpt in cited.values_list("excerpt", flat=True)) <= 150
        assert Citation.objects.get(position__speaker="Witkoff", source__key="seed-004")

    def test_quotations_are_short(self):
        quotations = [q for q in Position.objects.values_list("quotation", flat=True) if q]
        assert quotations
        assert max(len(q) for q in quotations) <= 300
        assert max(len(q.split()) for q in quotations) < 20

    def test_positions_are_dated_in_2025_and_not_after_their_sources(self):
        for citation in Citation.objects.filter(position__process__slug=RU).select_related(
            "position", "source"
        ):
            stated_on, source = citation.position.stated_on, citation.source
            assert stated_on.year == 2025
            # Compared at the source's precision: a source dated "Apr" covers 25 April.
            said = dates.normalise(stated_on, source.published_precision)
            assert said <= source.published_on, (str(citation.position), source.key)

    def test_some_parties_change_their_stance_over_time(self):
        shifted = stance_shifts()
        assert len(shifted) >= 2
        assert shifted >= {("united-states", "A16"), ("ukraine", "A27")}
        us_territory = Position.objects.filter(party__slug="united-states", matter__code="A16")
        assert list(us_territory.chronological().values_list("stance", flat=True)) == [
            "accepts",
            "accepts",
            "accepts",
            "unclear",
            "accepts",
        ]


def test_loading_twice_changes_nothing():
    first_output = load_demo()
    before = snapshot()

    second_output = load_demo()

    assert snapshot() == before
    assert "(0 new," in second_output
    assert counts(second_output) == counts(first_output)
    assert Position.objects.exists()


def test_reloading_keeps_editors_changes_and_objects():
    load_demo()
    provision = Provision.objects.get(key="us28-6")
    provision.body = "<p>Edited by an editor.</p>"
    provision.save()
    us28 = Draft.objects.get(slug="us-28-point-plan")
    Provision.objects.create(draft=us28, key="editor-own", label="28a", body="<p>Own.</p>")
    Source.objects.create(key="editor-source", outlet="Own outlet", headline="Own", reliability="B")

    load_demo()

    assert Provision.objects.get(key="us28-6").body == "<p>Edited by an editor.</p>"
    assert Provision.objects.filter(key="editor-own", draft=us28).exists()
    assert Source.objects.filter(key="editor-source").exists()


def test_reloading_adds_back_what_is_missing():
    load_demo()
    Citation.objects.filter(provision__key="us28-17", source__key="s13").delete()
    Provision.objects.filter(key="gen-amnesty").delete()

    output = load_demo()

    assert Citation.objects.filter(provision__key="us28-17", source__key="s13").exists()
    assert MatterEntry.objects.filter(matter__code="A24", provision__key="gen-amnesty").exists()
    assert "(0 new," not in output


def test_reloading_keeps_edited_positions_and_adds_back_deleted_ones():
    load_demo()
    edited = Position.objects.get(party__slug="united-states", speaker="Vance")
    edited.stance = "demands"
    edited.paraphrase = "Edited by an editor."
    edited.save()
    yermak = Position.objects.get(speaker="Yermak")
    yermak.citations.all().delete()
    yermak.delete()
    Citation.objects.filter(position__speaker="Macron", position__matter__code="A27").delete()
    total = Position.objects.count()

    output = load_demo()

    edited.refresh_from_db()
    assert (edited.stance, edited.paraphrase) == ("demands", "Edited by an editor.")
    yermak = Position.objects.get(speaker="Yermak")
    assert set(yermak.citations.values_list("source__key", flat=True)) == {"seed-001", "seed-000"}
    assert Citation.objects.filter(position__speaker="Macron", source__key="seed-002").exists()
    assert Position.objects.count() == total + 1
    assert "(4 new," in output


def test_demo_accounts_are_created_in_development(settings):
    settings.DEBUG = True

    output = load_demo()

    editor = User.objects.get(username="editor")
    assert editor.is_staff
    assert editor.check_password("peacetracker-editor")
    assert sorted(editor.groups.values_list("name", flat=True)) == ["Editors", "Publishers"]
    assert editor.has_perm("drafts.publish_provision") and editor.has_perm("drafts.change_draft")
    viewer = User.objects.get(username="viewer")
    assert viewer.is_staff
    assert viewer.check_password("peacetracker-viewer")
    assert list(viewer.groups.values_list("name", flat=True)) == ["Viewers"]
    assert not viewer.has_perm("drafts.publish_draft")
    assert "2 demo accounts" in output


def test_no_demo_accounts_outside_development(settings):
    settings.DEBUG = False

    output = load_demo()

    assert not User.objects.exists()
    assert "Demo accounts are not created outside development" in output


def test_an_existing_editor_keeps_its_password(settings):
    settings.DEBUG = True
    User.objects.create_user("editor", password="someone-elses-password")

    load_demo()

    editor = User.objects.get(username="editor")
    assert editor.check_password("someone-elses-password")
    assert not editor.is_staff
    assert User.objects.get(username="viewer").check_password("peacetracker-viewer")


def test_a_load_that_breaks_a_rule_leaves_nothing_behind(monkeypatch):
    # Two provisions of one draft in a matter, neither marked split or merged.
    bad = {
        "code": "A99",
        "title": "Bad",
        "topic": "nato",
        "note": "",
        "entries": [("us28-7", "same"), ("us28-8", "same")],
    }
    monkeypatch.setattr(loader.matters, "MATTERS", [*loader.matters.MATTERS, bad])

    with pytest.raises(CommandError, match="A99"):
        load_demo()

    assert not Draft.objects.exists()
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 Nov", (datetime.date(2025, 11, 21), "day")),
        ("20–21 Nov", (datetime.date(2025, 11, 20), "day")),
        ("late Nov", (datetime.date(2025, 11, 1), "month")),
        ("June", (datetime.date(2025, 6, 1), "month")),
        ("later 2025", (datetime.date(2025, 1, 1), "year")),
        ("—", (None, "day")),
    ],
)
def test_fact_sheet_dates_are_read_with_their_precision(text, expected):
    published_on, precision, _ = loader.parse_fact_sheet_date(text)

    assert (published_on, precision) == expected
