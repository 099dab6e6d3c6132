"""The drafts models' rules as an editor and a reader meet them: each refusal on the field
at fault with its own words, who may preview, what the public counts, lineage, order."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from django.core.exceptions import ValidationError

from apps.drafts.models import Draft, DraftLink, Provision, Topic, can_preview
from tests import factories as f

pytestmark = pytest.mark.django_db


def _errors(obj, *, full=False) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as exc:
        obj.full_clean() if full else obj.clean()
    return exc.value.message_dict


# --- Topics ---------------------------------------------------------------------------------


def test_topic_rules_name_the_field_at_fault():
    ukraine, gaza = f.make_process(name="Ukraine"), f.make_process(name="Gaza")
    territory = f.make_topic(name="Territory", code="territory", process=ukraine)
    crimea = f.make_topic(name="Crimea", code="crimea", parent=territory, process=ukraine)

    itself = Topic.objects.get(pk=territory.pk)
    itself.parent = itself
    assert _errors(itself) == {"parent": ["A topic cannot be its own parent."]}
    below_sub = Topic(code="sevastopol", name="Sevastopol", parent=crimea, process=ukraine)
    assert _errors(below_sub) == {
        "parent": ["Topics have two levels: “Territory › Crimea” is already a subtopic."]
    }
    elsewhere = Topic(code="rafah", name="Rafah", parent=territory, process=gaza)
    assert _errors(elsewhere) == {
        "process": ["A subtopic belongs to the process of its topic “Territory”."]
    }
    demoted = Topic.objects.get(pk=territory.pk)
    demoted.parent = f.make_topic(name="Other", code="other", process=ukraine)
    assert _errors(demoted) == {
        "parent": ["This topic has subtopics of its own, so it cannot become one."]
    }
    # A new subtopic, and a subtopic that stays one, are fine.
    Topic(code="donbas", name="Donbas", parent=territory, process=ukraine).clean()
    crimea.clean()


def test_a_process_topic_tree_holds_its_own_and_the_shared_topics_in_tree_order():
    ukraine, gaza = f.make_process(name="Ukraine"), f.make_process(name="Gaza")
    shared = f.make_topic(name="Sanctions", code="sanctions", position=2)
    territory = f.make_topic(name="Territory", code="territory", process=ukraine, position=1)
    crimea = f.make_topic(name="Crimea", code="crimea", parent=territory, process=ukraine)
    hostages = f.make_topic(name="Hostages", code="hostages", process=gaza, position=0)
    relief = f.make_topic(name="Relief", code="relief", parent=shared)

    assert set(Topic.objects.for_process(ukraine)) == {shared, territory, crimea, relief}
    assert set(Topic.objects.for_process(ukraine.pk)) == {shared, territory, crimea, relief}
    assert Topic.objects.in_tree_order(ukraine) == [territory, crimea, shared, relief]
    assert Topic.objects.in_tree_order() == [hostages, territory, crimea, shared, relief]


# --- Drafts and lineage ---------------------------------------------------------------------


def test_draft_dates_in_the_future_are_refused_each_under_its_own_name():
    # Read when the test runs, not when the file is imported: a run may cross midnight.
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    draft = f.make_draft(presented_on=tomorrow, reported_on=tomorrow)
    day = f"{tomorrow:%d %b %Y}"
    assert _errors(draft) == {
        "presented_on": [f"Date presented cannot be in the future ({day})."],
        "reported_on": [f"Date first reported cannot be in the future ({day})."],
    }


def test_month_and_year_dates_are_kept_as_the_start_of_their_period():
    draft = f.make_draft(
        presented_on=datetime.date(2025, 4, 17),
        presented_precision="year",
        reported_on=datetime.date(2025, 11, 21),
        reported_precision="month",
    )
    draft.clean()
    assert (draft.presented_on, draft.reported_on) == (
        datetime.date(2025, 1, 1),
        datetime.date(2025, 11, 1),
    )
    assert (draft.presented_display, draft.reported_display) == ("2025", "Nov 2025")


def test_lineage_rules_name_the_parent_field():
    process = f.make_process()
    a, b, c = (f.make_draft(process, label=x) for x in "ABC")
    f.link(b, a)
    f.link(c, b)
    assert _errors(DraftLink(draft=a, parent=a)) == {
        "parent": ["A draft cannot revise or answer itself."]
    }
    assert _errors(DraftLink(draft=a, parent=f.make_draft())) == {
        "parent": ["Lineage links drafts of the same peace process only."]
    }
    # Two generations up is a cycle as much as one.
    assert _errors(DraftLink(draft=a, parent=c)) == {
        "parent": ["“C” already descends from “A”: no cycles."]
    }
    # A half-filled link is left to the required field's own message.
    DraftLink(draft=a).clean()
    DraftLink(parent=a).clean()


def test_ancestors_are_found_through_every_generation():
    process = f.make_process()
    a, b, c, d = (f.make_draft(process) for _ in range(4))
    f.link(b, a)
    f.link(c, b)
    f.link(d, a, "answers")
    assert a.ancestor_ids() == set()
    assert c.ancestor_ids() == {a.pk, b.pk}
    assert d.ancestor_ids() == {a.pk}


def test_a_drafts_address_follows_a_new_slug():
    draft = f.make_draft(slug="plan")
    assert draft.get_absolute_url() == "/drafts/plan/"
    draft.slug = "plan-28"
    assert draft.get_absolute_url() == "/drafts/plan-28/"
    assert draft.get_absolute_url() == "/drafts/plan-28/"


# --- Who may preview, and what the public counts -----------------------------------------------


def test_only_active_staff_who_edit_or_publish_preview_unpublished_material():
    def user(name, *, group=None, staff=True, active=True):
        u = User.objects.create_user(name, is_staff=staff, is_active=active)
        if group:
            u.groups.add(Group.objects.get(name=group))
        return User.objects.get(pk=u.pk)  # fresh, without a cached permission set

    assert can_preview(user("edna", group="Editors"))
    assert can_preview(user("paul", group="Publishers"))
    assert not can_preview(user("vera", group="Viewers"))
    assert not can_preview(user("gone", group="Editors", active=False))
    assert not can_preview(user("outsider", group="Editors", staff=False))
    assert not can_preview(AnonymousUser())
    assert not can_preview(None)

    hidden = f.make_provision(f.make_draft(), published=False)
    editor = User.objects.get(username="edna")
    assert hidden in Provision.objects.visible_to(editor)
    assert hidden not in Provision.objects.visible_to(User.objects.get(username="outsider"))


def test_public_counts_leave_out_everything_unpublished():
    process = f.make_process()
    draft = f.make_draft(process)
    shown, also_shown = f.make_provision(draft), f.make_provision(draft)
    hidden = f.make_provision(draft, published=False)
    for target, published in [(draft, 2), (shown, 2), (hidden, 3)]:
        for _ in range(published):
            f.cite(target)
    f.cite(draft, published=False), f.cite(shown, published=False)
    public_row = f.make_matter(process)
    f.align(public_row, shown, "split")
    f.align(public_row, also_shown, "split")
    f.align(f.make_matter(process), also_shown)
    f.align(f.make_matter(process, published=False), shown)
    f.align(f.make_matter(process), hidden)
    unpublished_draft = f.make_draft(process, published=False)
    f.align(public_row, f.make_provision(unpublished_draft), "new")
    empty = f.make_draft(process)

    def counts(public_only):
        # Unpublished drafts are not listed to the public, so only these two are read.
        drafts = [draft, empty]
        rows = Draft.objects.with_counts(public_only=public_only).in_bulk([d.pk for d in drafts])
        return [
            (rows[d.pk].provision_count, rows[d.pk].citation_count, rows[d.pk].matter_count)
            for d in drafts
        ]

    assert counts(public_only=False) == [(3, 9, 4), (0, 0, 0)]
    # Provisions: shown and also_shown. Citations: two of the draft, two of shown.
    # Matters: the two published ones with a public provision of the draft.
    assert counts(public_only=True) == [(2, 4, 2), (0, 0, 0)]


# --- Provisions -------------------------------------------------------------------------------


def test_a_provision_label_is_tidied_and_a_missing_one_is_named():
    draft = f.make_draft(label="Plan")
    for typed, kept in (("  7 ", "7"), ("-", "—"), ("–", "—"), ("—", "—")):
        provision = Provision(draft=draft, label=typed)
        provision.clean()
        assert provision.label == kept
    message = {"label": ["Give a label, or “—” for an unnumbered provision."]}
    assert _errors(Provision(draft=draft, label="  ")) == message
    assert _errors(Provision(draft=draft, label=None)) == message


def test_a_provision_is_named_by_draft_label_and_heading_if_any():
    draft = f.make_draft(label="Plan")
    assert str(f.make_provision(draft, label="3", heading="Army")) == "Plan · 3 Army"
    assert str(f.make_provision(draft, label="4", heading="")) == "Plan · 4"


def test_a_provision_is_stamped_when_its_words_or_state_change_and_only_then():
    long_ago = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    provision = f.make_provision(f.make_draft(), body=None)
    assert provision.text_changed_at is not None  # a new provision's text is new
    assert Provision.objects.get(pk=provision.pk).body == ""

    def saved(**changes):
        Provision.objects.filter(pk=provision.pk).update(text_changed_at=long_ago)
        stored = Provision.objects.get(pk=provision.pk)
        update_fields = changes.pop("update_fields", None)
        for name, value in changes.items():
            setattr(stored, name, value)
        stored.save(update_fields=update_fields)
        return Provision.objects.get(pk=provision.pk)

    # Saved whole or in part, a provision whose words and state stay keeps its stamp.
    assert saved(heading="New heading").text_changed_at == long_ago
    assert saved(position=9, update_fields=["position"]).text_changed_at == long_ago
    assert saved(published=False, update_fields=["published"]).text_changed_at == long_ago
    # New words or a new state, saved whole or alone, are stamped and stored sanitised.
    words = saved(body='<p onclick="x()">New words.</p>')
    assert words.text_changed_at > long_ago and words.body == "<p>New words.</p>"
    alone = saved(body="<p>Other words.</p>", heading="Not saved", update_fields=["body"])
    assert alone.text_changed_at > long_ago and alone.body == "<p>Other words.</p>"
    assert alone.heading == "New heading"  # only the fields named are written
    state = saved(state="bracketed", update_fields=["state"])
    assert state.text_changed_at > long_ago and state.state == "bracketed"


def test_provisions_read_draft_by_draft_in_their_order():
    process = f.make_process()
    later = f.make_draft(process, presented_on=datetime.date(2025, 11, 23))
    earlier = f.make_draft(process, presented_on=datetime.date(2025, 11, 20))
    b1 = f.make_provision(later, position=1)
    a3 = f.make_provision(earlier, position=3)
    a1 = f.make_provision(earlier, position=1)
    a1_twin = f.make_provision(earlier, position=1)
    assert list(Provision.objects.in_order()) == [a1, a1_twin, a3, b1]


def test_renumbering_makes_positions_one_to_n_and_leaves_unmoved_rows_alone():
    draft = f.make_draft()
    rows = [f.make_provision(draft, position=p) for p in (9, 5, 2, 5)]
    stamp = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    Provision.objects.filter(draft=draft).update(updated_at=stamp)
    draft.renumber_provisions()
    stored = {p.pk: (p.position, p.updated_at) for p in Provision.objects.filter(draft=draft)}
    assert [stored[p.pk][0] for p in rows] == [4, 2, 1, 3]
    # Only the position was written: the text did not change, so neither did updated_at.
    assert all(updated == stamp for _, updated in stored.values())
