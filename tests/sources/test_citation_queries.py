from __future__ import annotations

import pytest

from apps.positions.models import Position
from apps.sources.models import Citation
from tests import factories as f


def _cited_everywhere(process):
    """One citation behind a provision, one behind a whole draft, one behind a position."""
    draft = f.make_draft(process)
    party = f.make_party()
    position = Position.objects.create(
        process=process,
        party=party,
        stance="accepts",
        paraphrase="Stated.",
        stated_on=draft.presented_on,
    )
    return {
        f.cite(f.make_provision(draft)).pk,
        f.cite(draft).pk,
        f.cite(position).pk,
    }


@pytest.mark.django_db
def test_of_process_keeps_the_citations_behind_its_provisions_drafts_and_positions_only():
    ours, theirs = f.make_process(), f.make_process()
    expected = _cited_everywhere(ours)
    _cited_everywhere(theirs)

    found = set(Citation.objects.of_process(ours).values_list("pk", flat=True))

    assert found == expected
