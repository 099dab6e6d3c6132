"""The comparison's claims, measured on the demo data (as the issue measured them).

The lineage is read from the data as stored, so these tests hold whatever lineage an
editor records for a draft.
"""

from __future__ import annotations

import html as html_lib
import re

import pytest

from apps.drafts.models import Draft, DraftLink

pytestmark = pytest.mark.django_db

THREE = "/compare/us-28-point-plan...e3-counter-proposal...geneva-revision/"
TWO = "/compare/us-28-point-plan...e3-counter-proposal/"
SIX = (
    "/compare/us-april-framework...ua-eu-april-counter...us-28-point-plan..."
    "e3-counter-proposal...eu-24-point-plan...geneva-revision/"
)


def rows(html: str) -> list[str]:
    return re.findall(r'class="cmp-row[^"]*" id="([^"]+)"', html)


def column_cells(html: str, index: int) -> list[str]:
    """The cells of column `index` (0-based) in every row."""
    found = []
    for row in html.split('class="cmp-row')[1:]:
        found.append(row.split('role="cell">')[1:][index].split('role="cell">')[0])
    return found


def expected_base(slugs: list[str], slug: str) -> tuple[str, str] | None:
    """(label, kind) of the draft `slug` revises or answers among `slugs`, as stored:
    a "revises" link first, then the latest column."""
    links = [
        (link.parent.slug, link.parent.label, link.kind)
        for link in DraftLink.objects.filter(draft__slug=slug).select_related("parent")
        if link.parent.slug in slugs
    ]
    if not links:
        return None
    parent = min(links, key=lambda x: (x[2] != "revises", -slugs.index(x[0])))
    return parent[1], parent[2]


@pytest.mark.usefixtures("demo_read_only")
class TestDemoComparison:
    def test_reported_only_cells_say_not_reported_never_not_in_this_draft(self, client):
        html = client.get(THREE).content.decode()
        assert "Not in this draft" not in html
        geneva = Draft.objects.get(slug="geneva-revision")
        assert geneva.text_basis != "full"
        empty = [c for c in column_cells(html, 2) if 'class="item' not in c]
        assert len(empty) > 10
        assert all(
            '<p class="cell-status status-not-reported">Not reported</p>' in c for c in empty
        )

    def test_changed_rows_only_leaves_out_rows(self, client):
        for url in (TWO, THREE):
            all_rows = rows(client.get(url).content.decode())
            changed = client.get(url + "?changed=1").content.decode()
            assert 0 < len(rows(changed)) < len(all_rows), url
            assert f"Showing {len(rows(changed))} of {len(all_rows)} rows" in changed

    def test_each_column_is_marked_against_its_lineage_parent_as_stored(self, client):
        slugs = SIX.strip("/").split("/")[1].split("...")
        html = client.get(SIX).content.decode()
        summary = html.split('class="change-summary"')[1].split("</section>")[0]
        for slug in slugs:
            label = Draft.objects.get(slug=slug).label
            column = summary.split(f'<h3 class="summary-draft">{html_lib.escape(label)}</h3>')[1]
            against = column.split('<p class="summary-against">')[1].split("</p>")[0]
            base = expected_base(slugs, slug)
            if base is None:
                assert "no earlier draft in view" in against, slug
            else:
                parent, kind = base
                assert html_lib.unescape(against).startswith(f"against {parent} "), slug
                assert f"(the draft it {kind})" in against, slug

    def test_summary_figures_equal_the_rows_their_links_show(self, client):
        html = client.get(THREE).content.decode()
        summary = html.split('class="change-summary"')[1].split("</section>")[0]
        figures = re.findall(r'<a href="\?([^"]+)"[^>]*><strong>(\d+)</strong>', summary)
        assert len(figures) >= 6
        for query, count in figures:
            shown = rows(client.get(THREE + "?" + html_lib.unescape(query)).content.decode())
            assert len(shown) == int(count), query

    def test_same_relations_on_differing_words_say_so(self, client):
        html = client.get(TWO).content.decode()
        e3 = "".join(column_cells(html, 1))
        assert ">Same substance, wording differs<" in e3
        # A cell still called plain "Same" shows no word marks.
        for cell in column_cells(html, 1):
            if 'class="badge relation-same"' in cell:
                assert "<del>" not in cell and "<ins>" not in cell
