from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from apps.alignment.models import MatterEntry, check_entries
from apps.drafts.models import DraftLink, Provision, Topic
from apps.sources.models import Citation, Source
from tests import factories as f


@pytest.mark.django_db
def test_topics_have_two_levels_at_most():
    territory = f.make_topic(name="Territory")
    crimea = f.make_topic(name="Crimea", parent=territory)
    assert str(crimea) == "Territory › Crimea"
    sevastopol = Topic(code="sevastopol", name="Sevastopol", parent=crimea)
    with pytest.raises(ValidationError, match="already a subtopic"):
        sevastopol.full_clean()
    territory.parent = f.make_topic(name="Other")
    with pytest.raises(ValidationError, match="has subtopics of its own"):
        territory.full_clean()


@pytest.mark.django_db
def test_draft_dates_cannot_be_in_the_future():
    draft = f.make_draft()
    draft.presented_on = datetime.date.today() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as exc:
        draft.full_clean()
    assert "cannot be in the future" in str(exc.value.message_dict["presented_on"])


@pytest.mark.django_db
def test_month_precision_date_shows_only_the_month():
    draft = f.make_draft(presented_on=datetime.date(2025, 4, 17), presented_precision="month")
    draft.full_clean()
    assert draft.presented_on == datetime.date(2025, 4, 1)
    assert draft.presented_display == "Apr 2025"


@pytest.mark.django_db
def test_lineage_refuses_self_other_process_and_cycles():
    process = f.make_process()
    a, b = f.make_draft(process), f.make_draft(process)
    f.link(b, a)
    with pytest.raises(ValidationError, match="cannot revise or answer itself"):
        DraftLink(draft=a, parent=a).full_clean()
    with pytest.raises(ValidationError, match="no cycles"):
        DraftLink(draft=a, parent=b).full_clean()
    with pytest.raises(ValidationError, match="same peace process"):
        DraftLink(draft=a, parent=f.make_draft()).full_clean()


@pytest.mark.django_db
def test_a_draft_may_revise_several_drafts():
    process = f.make_process()
    a, b, c = (f.make_draft(process) for _ in range(3))
    f.link(c, a, "revises")
    f.link(c, b, "answers")
    assert set(c.parents.all()) == {a, b}
    assert c.ancestor_ids() == {a.pk, b.pk}


@pytest.mark.django_db
def test_provision_label_unique_in_draft_but_dash_may_repeat():
    draft = f.make_draft()
    f.make_provision(draft, label="12a")
    with pytest.raises(ValidationError, match="already has a provision with this label"):
        Provision(draft=draft, label="12a").full_clean()
    f.make_provision(f.make_draft(), label="12a")  # another draft: fine
    f.make_provision(draft, label="—")
    dash = Provision(draft=draft, label="-")
    dash.full_clean()
    assert dash.label == "—"
    with transaction.atomic(), pytest.raises(IntegrityError):
        Provision.objects.create(draft=draft, label="12a")


@pytest.mark.django_db
def test_provision_stable_id_is_independent_of_label_and_order():
    provision = f.make_provision(f.make_draft(), label="7", position=7)
    key = provision.key
    provision.label, provision.position = "7a", 1
    provision.save()
    provision.refresh_from_db()
    assert provision.key == key and len(key) == 10


@pytest.mark.django_db
def test_citation_needs_exactly_one_target():
    source = f.make_source()
    with pytest.raises(ValidationError, match="exactly one"):
        Citation(source=source).full_clean()
    draft = f.make_draft()
    provision = f.make_provision(draft)
    with pytest.raises(ValidationError, match="exactly one"):
        Citation(source=source, draft=draft, provision=provision).full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        Citation.objects.create(source=source)


@pytest.mark.django_db
def test_conflicting_reports_are_kept_side_by_side():
    provision = f.make_provision(f.make_draft())
    f.cite(provision, stance="supports")
    f.cite(provision, stance="disputes")
    f.cite(provision, stance="differs")
    assert provision.citations.count() == 3
    assert provision.citations.disputing().count() == 2


def test_source_url_must_be_web():
    source = Source(key="s1", outlet="o", headline="h", reliability="A", url="javascript:x()")
    with pytest.raises(ValidationError) as exc:
        source.full_clean(validate_unique=False, validate_constraints=False)
    assert exc.value.message_dict["url"] == [
        "Enter a web address starting with http:// or https://."
    ]


def test_matter_rows_of_one_draft_must_be_split_or_merged():
    check_entries([(1, "same"), (2, "reworded")])
    check_entries([(1, "split"), (1, "split"), (2, "same")])
    with pytest.raises(ValidationError, match="same draft"):
        check_entries([(1, "same"), (1, "split")])


@pytest.mark.django_db
def test_matter_entry_label_needs_a_rationale():
    process = f.make_process()
    matter = f.make_matter(process)
    entry = MatterEntry(
        matter=matter, provision=f.make_provision(f.make_draft(process)), label="softened"
    )
    with pytest.raises(ValidationError, match="why it is labelled"):
        entry.full_clean()


@pytest.mark.django_db
def test_changelist_counts_come_from_one_query(django_assert_num_queries):
    process = f.make_process()
    draft = f.make_draft(process)
    p1, p2 = f.make_provision(draft), f.make_provision(draft)
    f.cite(p1), f.cite(p1), f.cite(draft)
    m = f.make_matter(process)
    f.align(m, p1, "split"), f.align(m, p2, "split")
    f.align(f.make_matter(process), p2)
    from apps.drafts.models import Draft

    with django_assert_num_queries(1):
        row = Draft.objects.with_counts(public_only=False).get(pk=draft.pk)
    assert (row.provision_count, row.citation_count, row.matter_count) == (2, 3, 2)
