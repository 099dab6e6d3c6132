"""The second demo process: the 2025 Gaza drafts (gaza-factsheet.md), loaded beside the
Russia–Ukraine one with the same rules, sharing the parties that are the same."""

from __future__ import annotations

import datetime
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from apps.alignment.models import Matter, MatterEntry
from apps.core import dates
from apps.demo import loader
from apps.demo.data.gaza import disputes as gaza_disputes
from apps.drafts.models import Draft, Party, PeaceProcess, Provision, Topic
from apps.positions.models import Position
from apps.quality.models import QualityNote
from apps.sources.models import Citation, Source

pytestmark = pytest.mark.django_db

GAZA, RU = "gaza-2025", "russia-ukraine-2025"

# Fact sheet section 0 (D0–D6): slug → (kind, text basis, provisions of sections 1.1–1.4).
DRAFTS = {
    "gaza-arab-muslim-conditions": ("counter-proposal", "reported", 0),
    "gaza-us-21-point-plan": ("plan", "partial", 23),
    "gaza-us-20-point-plan": ("plan", "full", 20),
    "gaza-phase-one-agreement": ("agreement", "reported", 8),
    "gaza-trump-declaration": ("declaration", "reported", 0),
    "gaza-unsc-2803": ("resolution", "reported", 9),
    "gaza-board-of-peace-charter": ("charter", "reported", 0),
}

# What only one process's pages may show: its provision keys (in every provision link) and
# its topic codes (in every topic filter), and words of its subject matter.
MARKERS = {
    GAZA: ["gaza21-", "gaza20-", "gazap1-", "gaza2803-", "gaza-hostages", "Hamas"],
    RU: ["us28-", "eu24-", "usapr-", "territory-crimea", "Zaporizhzhia", "Donbas"],
}


def load(*processes: str) -> str:
    out = StringIO()
    args = [f"--process={slug}" for slug in processes]
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def counts(output: str) -> str:
    return output.splitlines()[0].rsplit(" (", 1)[0]


def gaza_sources():
    return Source.objects.filter(key__regex=r"^g[0-9]+b?$")


@pytest.mark.usefixtures("demo_read_only")
class TestGazaContent:
    def test_the_seven_drafts_with_kind_text_basis_and_provisions(self):
        process = PeaceProcess.objects.get(slug=GAZA)
        drafts = {draft.slug: draft for draft in process.drafts.all()}
        assert set(drafts) == set(DRAFTS)
        for slug, (kind, basis, provisions) in DRAFTS.items():
            draft = drafts[slug]
            assert (draft.kind, draft.text_basis, draft.provisions.count()) == (
                kind,
                basis,
                provisions,
            ), slug
            assert draft.published
        assert drafts["gaza-us-21-point-plan"].declared_points == 21
        assert drafts["gaza-us-20-point-plan"].declared_points == 20
        us20 = drafts["gaza-us-20-point-plan"]
        assert list(us20.provisions.in_order().values_list("label", flat=True)) == [
            str(n) for n in range(1, 21)
        ]
        assert drafts["gaza-board-of-peace-charter"].presented_on == datetime.date(2026, 1, 22)
        # Drafts with no known provision say so in their summary.
        for slug in ("gaza-arab-muslim-conditions", "gaza-trump-declaration"):
            assert "no provision of it is known" in drafts[slug].summary

    def test_lineage(self):
        links = {
            (draft.slug, link.parent.slug, link.kind)
            for draft in Draft.objects.filter(process__slug=GAZA)
            for link in draft.parent_links.select_related("parent")
        }
        assert links == {
            ("gaza-us-21-point-plan", "gaza-arab-muslim-conditions", "answers"),
            ("gaza-us-20-point-plan", "gaza-us-21-point-plan", "revises"),
            ("gaza-phase-one-agreement", "gaza-us-20-point-plan", "revises"),
            ("gaza-trump-declaration", "gaza-phase-one-agreement", "revises"),
            ("gaza-unsc-2803", "gaza-us-20-point-plan", "revises"),
            ("gaza-board-of-peace-charter", "gaza-unsc-2803", "revises"),
        }

    def test_sources_by_grade_language_and_relay(self):
        # Section 6: 159 sources, 20 A, 70 B, 69 C.
        assert Counter(gaza_sources().values_list("reliability", flat=True)) == {
            "A": 20,
            "B": 70,
            "C": 69,
        }
        telegraph = Source.objects.get(key="g20")
        assert (telegraph.language, telegraph.relay_of) == ("pt", "The Telegraph's article")
        assert Source.objects.get(key="g100").language == "bg"
        assert Source.objects.get(key="g26").language == "ar"
        assert Source.objects.get(key="g105").relay_of == ""
        assert Source.objects.get(key="g104b").published_on == datetime.date(2026, 1, 22)
        languages = set(gaza_sources().values_list("language", flat=True))
        assert languages == {"en", "pt", "ar", "es", "de", "bg", "ru", "ro", "sr", "it", "hi", "ur"}

    def test_its_own_topic_tree_and_shared_parties(self):
        process = PeaceProcess.objects.get(slug=GAZA)
        own = set(Topic.objects.filter(process=process).values_list("code", flat=True))
        assert {
            "gaza-hostages",
            "gaza-prisoners",
            "gaza-withdrawal",
            "gaza-amnesty",
            "gaza-aid",
            "gaza-technocratic-committee",
            "gaza-board-of-peace",
            "gaza-stabilization-force",
            "gaza-disarmament",
            "gaza-statehood",
            "gaza-reconstruction",
            "gaza-displacement",
        } <= own
        assert not Topic.objects.filter(process=process, code__in=["territory", "nato"]).exists()
        # Provisions of one process carry only its topics.
        assert (
            not Provision.objects.filter(draft__process=process)
            .exclude(topics__process=process)
            .exists()
        )
        assert Party.objects.filter(slug="united-states").count() == 1
        us = Party.objects.get(slug="united-states")
        assert set(us.drafts.values_list("process__slug", flat=True)) == {GAZA, RU}

    def test_every_provision_is_cited_and_c_only_ones_marked(self):
        provisions = Provision.objects.filter(draft__process__slug=GAZA)
        assert not provisions.filter(citations=None).exists()
        assert not provisions.exclude(citations__stance="supports").exists()
        c_only = {
            p.key
            for p in provisions.prefetch_related("citations__source")
            if all(c.source.reliability == "C" for c in p.citations.all() if c.stance == "supports")
        }
        # The fact sheet's "(C only)" rows are among them.
        assert {"gaza20-14", "gaza20-17", "gaza20-18", "gazap1-h"} <= c_only
        noted = set(
            Provision.objects.filter(
                pk__in=QualityNote.objects.filter(kind="c-only").values("object_id")
            ).values_list("key", flat=True)
        )
        assert c_only <= noted

    def test_the_21_point_plan_carries_both_numberings(self):
        def cited(key: str) -> dict[str, tuple[str, str]]:
            return {
                c.source.key: (c.locator, c.source_number)
                for c in Citation.objects.filter(provision__key=key).select_related("source")
            }

        # ToI point 3 is the Telegraph's point 1 (X02).
        war_ends = cited("gaza21-3")
        assert war_ends["g22"] == ("point 3", "3")
        assert war_ends["g20"] == ("point 1", "1")
        assert cited("gaza21-1")["g20"] == ("point 2", "2")
        # Known only in the Telegraph numbering: unnumbered here, its number on the citation.
        zone = Provision.objects.get(key="gaza21-tel10")
        assert zone.label == Provision.UNNUMBERED
        assert cited("gaza21-tel10")["g20"] == ("point 10", "10")
        # The 20-point plan is cited at its own points.
        assert cited("gaza20-16")["g07"] == ("point 16", "")

    def test_the_26_matters_of_section_2(self):
        matters = Matter.objects.filter(process__slug=GAZA)
        assert list(matters.values_list("code", flat=True)) == [f"M{n:02}" for n in range(1, 27)]
        assert matters.filter(published=True).count() == 26
        # M25 (West Bank annexation) is in no draft's text: its note says what was reported,
        # and it is public all the same (its page: TestScoping).
        assert not matters.get(code="M25").entries.exists()
        assert not matters.exclude(pk__in=Matter.objects.published()).exists()
        # Each matter's topic is of the Gaza tree, and its entries of Gaza drafts only.
        assert not matters.exclude(topic__process__slug=GAZA).exists()
        entries = MatterEntry.objects.filter(matter__process__slug=GAZA)
        assert not entries.exclude(provision__draft__process__slug=GAZA).exists()
        hostages = entries.filter(matter__code="M03").select_related("provision")
        assert sorted((e.provision.key, e.relation) for e in hostages) == [
            ("gaza20-4", "reworded"),
            ("gaza21-4", "new"),
            ("gazap1-c", "reworded"),
        ]
        assert "Softer on Hamas" in hostages.get(provision__key="gaza20-4").rationale
        amnesty = entries.get(matter__code="M06", provision__key="gaza20-6")
        assert amnesty.rationale.startswith("Harder on Hamas")
        assert entries.get(matter__code="M11", provision__key="gaza2803-h").rationale.startswith(
            "Softer for the PA"
        )
        # The Qatar clause: in the 21 points only; its removal is told in the note.
        qatar = matters.get(code="M24")
        assert list(qatar.entries.values_list("provision__key", flat=True)) == ["gaza21-qatar"]
        assert "Removed" in qatar.note
        # Rows where a draft has several provisions are split.
        m21 = entries.filter(matter__code="M21")
        assert set(m21.values_list("relation", flat=True)) == {"split"}
        assert m21.count() == 4

    def test_the_34_dated_positions_of_section_4(self):
        positions = Position.objects.filter(process__slug=GAZA)
        assert positions.count() == 34
        assert not positions.filter(citations=None).exists()
        assert not positions.exclude(citations__stance="supports").exists()
        assert not positions.filter(matter=None, topic=None).exists()
        assert not positions.exclude(topic__process__slug=GAZA).exists()
        assert not positions.exclude(matter=None).exclude(matter__process__slug=GAZA).exists()
        parties = set(positions.values_list("party__slug", flat=True))
        assert {"united-states", "israel", "hamas", "palestinian-authority", "russia"} <= parties
        quotations = [q for q in positions.values_list("quotation", flat=True) if q]
        assert len(quotations) >= 20
        assert max(len(q.split()) for q in quotations) < 20
        cited = Citation.objects.filter(position__process__slug=GAZA)
        assert max(len(e) for e in cited.values_list("excerpt", flat=True)) <= 150
        hamdan = positions.get(speaker="Osama Hamdan")
        assert (hamdan.matter.code, hamdan.stance, hamdan.stated_on) == (
            "M10",
            "rejects",
            datetime.date(2025, 10, 9),
        )
        kushner = positions.get(speaker="Jared Kushner")
        assert (kushner.stated_on, kushner.stated_display) == (
            datetime.date(2026, 1, 1),
            "Jan 2026",
        )
        # Netanyahu on statehood, three times.
        statehood = positions.filter(party__slug="israel", matter__code="M22")
        assert statehood.count() == 3
        assert set(statehood.values_list("stance", flat=True)) == {"rejects"}
        # No position is dated after the sources that report it (at their precision).
        for citation in cited.select_related("position", "source"):
            if citation.source.published_on:
                said = dates.normalise(
                    citation.position.stated_on, citation.source.published_precision
                )
                assert said <= citation.source.published_on, citation.source.key

    def test_every_dispute_of_section_5_is_present(self):
        disputing = Citation.objects.disputing()
        facts = {note for note in disputing.values_list("note", flat=True) if note}
        # X01–X21: each fact is cited, and every one but X18 (one source only) by a source
        # that disputes it or reports it differently.
        for fact in gaza_disputes.SECTION_5:
            note = gaza_disputes.FACTS[fact]
            assert Citation.objects.filter(note=note).exists(), fact
            if fact != "x18":
                assert note in facts, fact
        kallas = Citation.objects.filter(position__speaker="Kaja Kallas", stance="differs")
        assert set(kallas.values_list("source__key", flat=True)) == {"g69", "g70"}
        assert all("(X14)" in note for note in kallas.values_list("note", flat=True))
        # The ToI and Telegraph numberings of the end of the war (X02).
        numbering = Citation.objects.filter(
            note=gaza_disputes.FACTS["x02"], provision__key="gaza21-3"
        )
        assert set(numbering.values_list("source__key", "stance", "locator")) == {
            ("g22", "supports", "point 3"),
            ("g20", "differs", "point 1"),
        }
        # Draft-level disputes: the date of D0's meeting (X21), the charter's signatories (X16).
        d0 = Citation.objects.filter(draft__slug="gaza-arab-muslim-conditions").disputing()
        assert {"g27", "g29", "g44"} <= set(d0.values_list("source__key", flat=True))
        assert Citation.objects.filter(
            draft__slug="gaza-board-of-peace-charter", source__key="g132", stance="disputes"
        ).exists()

    def test_disputes_are_citations(self):
        for fact, target, source, stance, excerpt in gaza_disputes.CITATIONS:
            citations = Citation.objects.filter(
                source__key=source, stance=stance, note=gaza_disputes.FACTS[fact]
            ).select_related("draft", "provision")
            cited = {(c.draft or c.provision, c.excerpt) for c in citations}
            assert any(
                getattr(obj, "slug", None) == target or getattr(obj, "key", None) == target
                for obj, _ in cited
            ), (fact, target, source)
            assert excerpt in {text for _, text in cited}


@pytest.mark.parametrize("order", [(RU, GAZA), (GAZA, RU)])
def test_idempotent_in_either_order(order):
    first = load(order[0])
    assert "1 process" in first
    both = load(order[1])
    assert PeaceProcess.objects.count() == 2
    again = load()

    assert "(0 new," in again
    assert counts(again) == counts(load())
    # The same as one load of both, whatever the order.
    assert "2 processes" in counts(again)
    assert "0 already present" not in both


def test_either_order_gives_the_same_rows():
    def rows():
        return (
            sorted(Draft.objects.values_list("slug", "process__slug")),
            sorted(Topic.objects.values_list("code", "process__slug")),
            Source.objects.count(),
            Citation.objects.count(),
            Party.objects.count(),
        )

    with transaction.atomic():
        load(RU, GAZA)
        ru_first = rows()
        transaction.set_rollback(True)
    load(GAZA, RU)
    assert rows() == ru_first


def test_an_unknown_process_is_refused():
    with pytest.raises(loader.DemoDataError, match="No demo process"):
        loader.load_demo(["atlantis-2025"])


@pytest.mark.usefixtures("demo_read_only")
class TestScoping:
    def pages(self, slug: str) -> dict[str, str]:
        drafts = list(Draft.objects.filter(process__slug=slug).order_by("presented_on"))
        numbered = [d for d in drafts if d.provisions.exists()]
        urls = [reverse("drafts:draft", args=[d.slug]) for d in drafts]
        urls.append(reverse("compare:compare", args=[f"{numbered[0].slug}...{numbered[1].slug}"]))
        urls.append(reverse("positions:matrix", args=[slug]))
        urls.append(reverse("pictures:heatmap", args=[slug]))
        urls.append(reverse("pictures:timeline", args=[slug]))
        matter = Matter.objects.published().filter(process__slug=slug).first()
        urls.append(reverse("positions:matter", args=[matter.pk]))
        # A party of this process only.
        party = "hamas" if slug == GAZA else "ukraine"
        urls.append(reverse("positions:party", args=[party]))
        return {url: url for url in urls}

    @pytest.mark.parametrize(("process", "other"), [(GAZA, RU), (RU, GAZA)])
    def test_no_marker_of_the_other_process(self, client, process, other):
        own = [*MARKERS[process], PeaceProcess.objects.get(slug=process).name]
        for url in self.pages(process):
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            page = response.content.decode()
            assert any(marker in page for marker in own), url
            for marker in MARKERS[other]:
                assert marker not in page, (url, marker)

    def data_urls(self, slug: str) -> list[str]:
        """Every feed, export, API list and search that can be scoped to one process."""
        drafts = list(Draft.objects.filter(process__slug=slug).order_by("presented_on"))
        numbered = [d for d in drafts if d.provisions.exists()]
        spec = f"{numbered[0].slug}...{numbered[1].slug}"
        api = [
            f"/api/v1/{name}/?process={slug}&page_size=100"
            for name in ("drafts", "provisions", "matters", "topics", "sources")
        ]
        return [
            f"/changes/?process={slug}",
            f"/changes/feed/?process={slug}",
            f"/processes/{slug}/export.json",
            f"/processes/{slug}/matrix.csv",
            f"/sources/export.csv?process={slug}",
            f"/sources/export.json?process={slug}",
            f"/compare/{spec}/export.csv",
            f"/compare/{spec}/export.json",
            *(f"/drafts/{d.slug}/export.csv" for d in numbered),
            *api,
            f"/search/?q=the&process={slug}",
            f"/search/?q=the&process={slug}&kind=citation",
            f"/search/?q=the&process={slug}&kind=source",
        ]

    @pytest.mark.parametrize(("process", "other"), [(GAZA, RU), (RU, GAZA)])
    def test_no_marker_of_the_other_process_in_feeds_exports_api_or_search(
        self, client, process, other
    ):
        own = [
            *MARKERS[process],
            *Draft.objects.filter(process__slug=process).values_list("slug", flat=True),
        ]
        for url in self.data_urls(process):
            response = client.get(url, follow=True)
            assert response.status_code == 200, url
            body = b"".join(response) if response.streaming else response.content
            page = body.decode()
            assert any(marker in page for marker in own), url
            for marker in MARKERS[other]:
                assert marker not in page, (url, marker)

    def test_an_unknown_process_in_the_sources_export_is_refused(self, client):
        response = client.get("/sources/export.csv?process=atlantis")
        assert response.status_code == 400
        assert "There is no peace process “atlantis”." in response.content.decode()

    def test_a_matter_no_draft_has_gets_its_public_page(self, client):
        # M25 (West Bank annexation) is reported only: no draft's known text has it.
        matter = Matter.objects.get(process__slug=GAZA, code="M25")
        assert not matter.entries.exists()
        page = client.get(reverse("positions:matter", args=[matter.pk])).content.decode()
        assert "<h1>West Bank annexation</h1>" in page
        assert "reported as a Trump pledge" in page
        assert "No provision of a published draft and no party's statement" in page
        assert "US 20-point plan (D2)</a>: <strong>absent</strong>" in page

    def test_home_shows_both_processes(self, client):
        page = client.get(reverse("drafts:home")).content.decode()
        assert "Gaza 2025" in page
        assert "Russia–Ukraine 2025" in page
