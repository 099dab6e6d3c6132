"""Which matters the public sees."""

from __future__ import annotations

from apps.alignment.models import Matter
from tests import factories as f


def test_a_published_matter_with_no_provision_is_public_but_one_with_only_hidden_ones_is_not(
    db,
):
    process = f.make_process(slug="p")
    reported_only = f.make_matter(process, code="M1", title="Reported only")
    hidden_only = f.make_matter(process, code="M2", title="Hidden provisions only")
    draft = f.make_draft(process, slug="d")
    f.align(hidden_only, f.make_provision(draft, published=False), "new")
    unpublished = f.make_matter(process, code="M3", title="Not published", published=False)
    assert set(Matter.objects.published()) == {reported_only}
    assert {hidden_only, unpublished} <= set(
        Matter.objects.visible_to(f.make_user("e", group="Editors"))
    )
