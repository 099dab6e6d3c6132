"""Page furniture: running headers, footers and page numbers found by repetition across page
breaks, removed before the points are read, listed in the preview and put back on request."""

from __future__ import annotations

from django.urls import reverse

from apps.imports.parser import parse
from tests.admin.forms import form_data

# A leaked text as it comes out of a three-page PDF, copied and pasted (no form feeds):
# the header names the page, the footer repeats a date and a page number.
LEAK = """DRAFT — NOT FOR DISTRIBUTION Page 1 of 3
CONFIDENTIAL
Framework for a settlement

Security guarantees

1. Ukraine receives a guarantee modelled on
Article 5 of the Washington Treaty.
2. Europe joins the guarantee.
3. The guarantee lapses if Ukraine
6 December 2026
- 1 -
DRAFT — NOT FOR DISTRIBUTION Page 2 of 3
CONFIDENTIAL
invades Russia.

Territory

4. Crimea is recognised de facto.
5. The line of contact is frozen.
6 December 2026
- 2 -
DRAFT — NOT FOR DISTRIBUTION Page 3 of 3
CONFIDENTIAL
6. Elections are held within 100 days.
6 December 2026
- 3 -
"""


def rows(result):
    return [(p.label, p.heading, p.body) for p in result.proposals]


def test_running_headers_and_footers_are_removed_not_read_as_headings_or_a_preamble():
    result = parse(LEAK)
    assert rows(result) == [
        (
            "1",
            "Security guarantees",
            "<p>Ukraine receives a guarantee modelled on Article 5 of the Washington Treaty.</p>",
        ),
        ("2", "Security guarantees", "<p>Europe joins the guarantee.</p>"),
        # The sentence broken by the page break is whole again.
        ("3", "Security guarantees", "<p>The guarantee lapses if Ukraine invades Russia.</p>"),
        ("4", "Territory", "<p>Crimea is recognised de facto.</p>"),
        ("5", "Territory", "<p>The line of contact is frozen.</p>"),
        ("6", "Territory", "<p>Elections are held within 100 days.</p>"),
    ]
    assert [(f.text, f.count) for f in result.removed] == [
        ("DRAFT — NOT FOR DISTRIBUTION Page 1 of 3", 3),
        ("CONFIDENTIAL", 3),
        ("6 December 2026", 3),
        ("- 1 -", 3),
    ]
    assert result.warnings == [
        "“Framework for a settlement” above the first point was read as the document's title."
    ]


def test_form_feeds_are_page_breaks_and_footers_need_no_page_number():
    pages = [
        "Ministry of Peace · internal\n1. One is\nbroken here\nSECRET // NOFORN\nrev. 4",
        "Ministry of Peace · internal\nacross the page.\n2. Two.\nSECRET // NOFORN\nrev. 4",
        "Ministry of Peace · internal\n3. Three.\nSECRET // NOFORN\nrev. 5",
    ]
    result = parse("\f".join(pages))
    assert rows(result) == [
        ("1", "", "<p>One is broken here across the page.</p>"),
        ("2", "", "<p>Two.</p>"),
        ("3", "", "<p>Three.</p>"),
    ]
    assert {f.text for f in result.removed} == {
        "Ministry of Peace · internal",
        "SECRET // NOFORN",
        "rev. 4",
    }


def test_a_line_on_one_page_only_and_the_points_themselves_stay():
    pages = [
        "HEADER LINE\n1. Alpha.\nSecurity guarantees",
        "HEADER LINE\n2. Beta.",
        "HEADER LINE\n3. Gamma.",
    ]
    result = parse("\f".join(pages))
    assert [f.text for f in result.removed] == ["HEADER LINE"]
    assert result.proposals[0].body == "<p>Alpha.</p><p>Security guarantees</p>"


def test_a_watermark_word_is_removed_wherever_it_stands_on_the_page():
    pages = [
        "1. The first point is long\nDRAFT\nand goes on.\n2. Two.\n3. Three.\n4. Four.",
        "5. Five.\n6. Six.\nDRAFT\n7. Seven.\n8. Eight.\n9. Nine.",
    ]
    result = parse("\f".join(pages))
    assert result.proposals[0].body == "<p>The first point is long and goes on.</p>"
    assert [f.text for f in result.removed] == ["DRAFT"]


def test_a_text_without_page_breaks_loses_nothing_but_bare_page_numbers():
    text = "Notes\n1. Alpha.\nNotes\n2. Beta.\n12\n3. Gamma.\n"
    result = parse(text)
    assert [f.text for f in result.removed] == ["12"]
    assert len(result.proposals) == 3


def test_put_back_lines_stay_in_the_text():
    keys = {f.key for f in parse(LEAK).removed if f.text == "CONFIDENTIAL"}
    result = parse(LEAK, keep=keys)
    assert [f.text for f in result.removed] == [
        "DRAFT — NOT FOR DISTRIBUTION Page 1 of 3",
        "6 December 2026",
        "- 1 -",
    ]
    assert [f.kept for f in result.furniture] == [False, True, False, False]
    assert "CONFIDENTIAL" in result.proposals[2].body


def test_the_preview_shows_the_removed_lines_and_puts_ticked_ones_back(
    editor_client, draft, source
):
    url = reverse("admin:drafts_draft_import", args=[draft.pk])
    page = editor_client.post(url, {"action": "preview", "text": LEAK, "source": source.pk})
    html = page.content.decode()
    assert "Page furniture (4 removed)" in html
    assert "DRAFT — NOT FOR DISTRIBUTION Page 1 of 3" in html
    assert html.count('class="import-row') == 6
    assert "Preamble" not in html

    data = form_data(page)
    back = editor_client.post(
        url,
        {"payload": data["payload"], "action": "furniture", "keep": ["confidential"]},
    )
    html = back.content.decode()
    assert "Page furniture (3 removed)" in html
    assert 'value="confidential" checked' in html
    data = form_data(back)
    assert "CONFIDENTIAL" in data["form-2-body"]

    # The put-back survives the confirmation: the payload carries it.
    done = editor_client.post(url, {**data, "action": "confirm"})
    assert done.status_code == 302
    assert "CONFIDENTIAL" in draft.provisions.get(label="3").body
