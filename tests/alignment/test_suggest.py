"""The suggester on small drafts built by hand: what it pairs, and the relation it names."""

from __future__ import annotations

import pytest

from apps.alignment.suggest import NoParentError, parent_of, suggest
from tests import factories as f

pytestmark = pytest.mark.django_db

TEXTS = [
    ("Army cap", "Ukraine's armed forces are capped at 600,000 personnel."),
    ("Crimea recognised", "Crimea, Luhansk and Donetsk are recognised as de facto Russian."),
    ("Elections", "Ukraine holds elections within 100 days of signing."),
    ("Amnesty", "Full amnesty for all parties for their actions during the war."),
    ("Nuclear plant", "The Zaporizhzhia nuclear power plant restarts under IAEA supervision."),
    ("Frozen assets", "Frozen Russian assets pay for the reconstruction of Ukraine."),
]


def make_pair(child_texts, *, labels=None):
    """A parent with the six TEXTS, and a child with `child_texts` (heading, body) in order."""
    process = f.make_process()
    parent = f.make_draft(process, label="Parent")
    child = f.make_draft(process, label="Child")
    f.link(child, parent, "revises")
    elders = [
        f.make_provision(parent, label=str(n), position=n, heading=h, body=f"<p>{b}</p>")
        for n, (h, b) in enumerate(TEXTS, start=1)
    ]
    labels = labels or [str(n) for n in range(1, len(child_texts) + 1)]
    children = [
        f.make_provision(child, label=label, position=n, heading=h, body=f"<p>{b}</p>")
        for n, (label, (h, b)) in enumerate(zip(labels, child_texts, strict=True), start=1)
    ]
    return parent, child, elders, children


def by_heading(result):
    return {row.provision.heading: row for row in result.rows}


def test_identical_provisions_are_the_same():
    parent, child, elders, _ = make_pair(TEXTS)
    result = suggest(child)
    assert result.parent == parent
    assert [(r.match.provision, r.relation) for r in result.rows] == [(e, "same") for e in elders]
    assert all(r.match.score > 0.95 for r in result.rows)
    assert result.removed == []


def test_reworded_provision_is_reworded_and_a_changed_number_is_not_the_same():
    texts = list(TEXTS)
    texts[2] = ("Elections", "Elections are held as soon as possible after the signing.")
    texts[0] = ("Army cap", "Ukraine's armed forces are capped at 800,000 personnel.")
    _, child, elders, _ = make_pair(texts)
    rows = by_heading(suggest(child))
    assert rows["Elections"].match.provision == elders[2]
    assert rows["Elections"].relation == "reworded"
    assert rows["Army cap"].match.provision == elders[0]
    assert rows["Army cap"].relation == "reworded"
    assert rows["Amnesty"].relation == "same"
    assert rows["Elections"].match.score < rows["Amnesty"].match.score


def test_shuffled_provisions_are_moved_to_their_counterparts():
    order = [5, 3, 0, 4, 1, 2]
    _, child, elders, _ = make_pair([TEXTS[i] for i in order])
    result = suggest(child)
    assert [r.match.provision for r in result.rows] == [elders[i] for i in order]
    assert [r.relation for r in result.rows] == ["moved"] * 6


def test_a_novel_provision_is_new_and_a_dropped_one_removed():
    texts = [
        *TEXTS[:3],
        ("Black Sea grain", "Free grain shipping across the Black Sea."),
        *TEXTS[4:],
    ]
    _, child, elders, children = make_pair(texts)
    result = suggest(child)
    rows = by_heading(result)
    assert rows["Black Sea grain"].relation == "new"
    assert rows["Black Sea grain"].match is None
    assert [r.provision for r in result.removed] == [elders[3]]
    assert [r.relation for r in result.removed] == ["removed"]


def test_a_provision_marked_deleted_records_the_removal_of_its_counterpart():
    texts = list(TEXTS)
    texts[3] = ("Amnesty dropped", "Deleted: no full amnesty for all parties.")
    _, child, elders, children = make_pair(texts)
    children[3].state = "deleted"
    children[3].save()
    row = by_heading(suggest(child))["Amnesty dropped"]
    assert (row.match.provision, row.relation) == (elders[3], "removed")


def test_topics_pick_the_counterpart_when_the_words_differ():
    process = f.make_process()
    nato = f.make_topic(code="nato-t")
    army = f.make_topic(code="army-t")
    parent = f.make_draft(process)
    child = f.make_draft(process)
    f.link(child, parent)
    p_nato = f.make_provision(parent, heading="Alliance", body="<p>No accession ever.</p>")
    p_nato.topics.set([nato])
    p_army = f.make_provision(parent, heading="Forces", body="<p>A ceiling on soldiers.</p>")
    p_army.topics.set([army])
    c = f.make_provision(child, heading="Membership", body="<p>Depends on consensus.</p>")
    c.topics.set([nato])
    c2 = f.make_provision(child, heading="Troops", body="<p>No limit on soldiers.</p>")
    c2.topics.set([army])
    rows = {r.provision: r for r in suggest(child).rows}
    assert rows[c].match.provision == p_nato
    assert rows[c2].match.provision == p_army


def test_suggestions_load_in_a_constant_number_of_queries(django_assert_max_num_queries):
    _, child, _, _ = make_pair(TEXTS)
    with django_assert_max_num_queries(4):
        result = suggest(child)
        [(r.provision.draft, r.entries, r.candidates) for r in result.rows]


def test_parent_of_prefers_the_draft_revised_and_checks_against():
    process = f.make_process()
    answered = f.make_draft(process, label="Answered")
    revised = f.make_draft(process, label="Revised")
    other = f.make_draft(process, label="Other")
    child = f.make_draft(process, label="Child")
    f.link(child, answered, "answers")
    f.link(child, revised, "revises")
    assert parent_of(child) == revised
    assert parent_of(child, answered) == answered
    with pytest.raises(NoParentError, match="does not revise or answer “Other”"):
        parent_of(child, other)
    with pytest.raises(NoParentError, match="revises or answers no other draft"):
        suggest(other)
