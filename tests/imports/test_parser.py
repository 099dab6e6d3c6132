"""The paste parser on messy texts, as editors receive them."""

from __future__ import annotations

import time

import pytest

from apps.imports.parser import EmptyPaste, PasteTooLong, check_numbering_again, parse


def labels(result) -> list[str]:
    return [p.label for p in result.proposals]


def test_plain_numbered_points_become_one_proposal_each():
    result = parse("1. Sovereignty is confirmed.\n2. Borders are frozen.\n3. Elections follow.\n")
    assert labels(result) == ["1", "2", "3"]
    assert result.proposals[1].body == "<p>Borders are frozen.</p>"
    assert result.warnings == []


def test_numbering_styles_are_all_recognised():
    text = "1. One.\n2) Two.\nPoint 3: Three.\n3a. Three a.\n4.Four, tight.\npoint 5 – Five.\n"
    result = parse(text)
    assert labels(result) == ["1", "2", "3", "3a", "4", "5"]
    assert result.proposals[2].body == "<p>Three.</p>"
    assert result.proposals[4].body == "<p>Four, tight.</p>"
    assert result.warnings == []


def test_numbering_gaps_repeats_and_empty_points_are_warned_about():
    text = "1. One.\n2. Two.\n4. Four.\n4. Four again.\n5.\n6. Six.\n9. Nine.\n"
    result = parse(text)
    assert labels(result) == ["1", "2", "4", "4", "5", "6", "9"]
    assert result.warnings == [
        "Numbering jumps from 2 to 4: point 3 is missing.",
        "Point 4 appears twice.",
        "Point 5 is empty.",
        "Numbering jumps from 6 to 9: points 7–8 are missing.",
    ]
    # Each warning sits on the point it concerns, for the preview's row.
    assert result.proposals[3].warnings == ["Point 4 appears twice."]


def test_numbering_that_goes_back_is_warned_about():
    result = parse("1. One.\n2. Two.\n3. Three.\n2a. Two a.\n3b. Three b.\n3. Three again?\n")
    assert labels(result) == ["1", "2", "3", "2a", "3b", "3"]
    assert result.warnings == [
        "Numbering goes back from 3 to 2a.",
        "Point 3 appears twice.",
    ]
    assert result.proposals[3].warnings == ["Numbering goes back from 3 to 2a."]
    # A number repeated without a letter after it goes back too; a letter moves on.
    assert parse("1. One.\n1a. One a.\n1. One?\n").warnings == ["Point 1 appears twice."]
    assert parse("1. One.\n2. Two.\n2. Two?\n").warnings == ["Point 2 appears twice."]
    assert parse("1a. One a.\n1b. One b.\n1. One.\n").warnings == [
        "Numbering goes back from 1b to 1."
    ]


def test_sub_points_and_bullets_become_a_list_in_their_point():
    text = """
7. Ukraine receives guarantees:
a) a joint commission
   that meets monthly;
(b) a hotline.
(i) with a fallback
8. Economy
- sanctions lifted in stages
• frozen assets invested
9. Elections are held.
"""
    result = parse(text)
    seven, eight, nine = result.proposals
    assert seven.subpoints == [
        "a) a joint commission that meets monthly;",
        "(b) a hotline.",
        "(i) with a fallback",
    ]
    assert seven.body == (
        "<p>Ukraine receives guarantees:</p><ul><li>a) a joint commission that meets monthly;"
        "</li><li>(b) a hotline.</li><li>(i) with a fallback</li></ul>"
    )
    # "Economy" followed by bullets is the point's title.
    assert eight.heading == "Economy"
    assert eight.subpoints == ["sanctions lifted in stages", "frozen assets invested"]
    assert eight.body == (
        "<ul><li>sanctions lifted in stages</li><li>frozen assets invested</li></ul>"
    )
    assert nine.subpoints == []


def test_section_headings_head_the_following_points_and_titles_win():
    text = """Security guarantees

10. The United States gives a guarantee.
11. Europe gives a guarantee.

Territory
12. Crimea
Recognised de facto.
13. The line of contact is frozen.
"""
    result = parse(text)
    assert [(p.label, p.heading) for p in result.proposals] == [
        ("10", "Security guarantees"),
        ("11", "Security guarantees"),
        ("12", "Crimea"),
        ("13", "Territory"),
    ]
    assert result.proposals[2].body == "<p>Recognised de facto.</p>"
    # No preamble: the headings were not text before the first point.
    assert "Preamble" not in [p.heading for p in result.proposals]


def test_pdf_line_breaks_and_hyphenation_are_rejoined():
    text = """1. Ukraine's armed forces will be
limited to 600,000 personnel in a demili-
tarised zone along the Russia-
Ukraine border.
A second paragraph starts here.

2. The page number below is dropped.
   14
and the sentence goes on.
"""
    result = parse(text)
    one, two = result.proposals
    assert one.heading == ""
    assert one.body == (
        "<p>Ukraine's armed forces will be limited to 600,000 personnel in a demilitarised "
        "zone along the Russia-Ukraine border.</p><p>A second paragraph starts here.</p>"
    )
    assert two.body == "<p>The page number below is dropped. and the sentence goes on.</p>"


def test_a_broken_first_line_is_not_mistaken_for_a_title():
    result = parse("1. Sovereignty will be confirmed by\nRussia and Ukraine.\n")
    assert result.proposals[0].heading == ""
    assert result.proposals[0].body == (
        "<p>Sovereignty will be confirmed by Russia and Ukraine.</p>"
    )


def test_text_before_the_first_point_is_proposed_as_a_preamble():
    text = "The parties, wishing for peace,\nagree as follows.\n\n1. Ceasefire.\n"
    result = parse(text)
    preamble, one = result.proposals
    assert (preamble.label, preamble.heading) == ("—", "Preamble")
    assert preamble.body == "<p>The parties, wishing for peace, agree as follows.</p>"
    assert "untick it" in preamble.warnings[0]
    assert one.label == "1"


def test_a_title_followed_by_introductory_text_goes_to_the_preamble():
    result = parse("Leaked 28-point plan\n\nThe parties agree:\n\n1. Ceasefire.\n2. Elections.\n")
    assert [p.heading for p in result.proposals] == ["Preamble", "", ""]
    assert result.proposals[0].body == ("<p>Leaked 28-point plan</p><p>The parties agree:</p>")


def test_markup_in_the_paste_is_escaped_not_kept():
    result = parse('1. <script>alert(1)</script> & <b onclick="x">bold</b>\n')
    body = result.proposals[0].body
    assert "<script" not in body and "<b" not in body
    assert body == (
        '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick="x"&gt;bold&lt;/b&gt;</p>'
    )


def test_text_without_numbered_points_gives_no_proposals_and_says_so():
    result = parse("Officials said the plan was discussed.\nNo text was released.")
    assert result.proposals == []
    assert result.warnings == [
        "Nothing that looks like a numbered point was found: points should start "
        "like “1.”, “2)”, “12a.” or “Point 7:”."
    ]


@pytest.mark.parametrize("text", ["", "   \n\n\t  \n", None])
def test_an_empty_paste_is_a_clear_error(text):
    with pytest.raises(EmptyPaste) as error:
        parse(text)
    assert str(error.value) == "The pasted text is empty: paste the numbered points first."


def test_windows_line_endings_and_non_breaking_spaces_are_handled():
    result = parse("1.\u00a0One is\r\nbroken.\r\n2. Two.\r\n")
    assert [p.body for p in result.proposals] == ["<p>One is broken.</p>", "<p>Two.</p>"]


def test_markdown_headings_and_bold_numbers_are_read_as_plain_lines():
    text = "## Economy\n\n**11.** Sanctions are lifted.\n\n**12.** Assets are invested.\n"
    result = parse(text)
    assert [(p.label, p.heading, p.body) for p in result.proposals] == [
        ("11", "Economy", "<p>Sanctions are lifted.</p>"),
        ("12", "Economy", "<p>Assets are invested.</p>"),
    ]


def test_a_long_paste_parses_in_linear_time():
    """A guard against quadratic blow-up (a 175k-character paste once took 15 s), not a
    benchmark: one point rejoined from 3,000 PDF lines (as long as a point may be), then
    1,999 headed points."""
    long_point = "1. The parties agree\n" + "so on\n" * 3_000
    rest = "".join(
        f"\nSection {n}\n\n{n}. The parties agree to point {n} in full, "
        "with all its parts, agreed.\n"
        for n in range(2, 2001)
    )
    text = long_point + rest
    assert 190_000 < len(text) <= 200_000
    started = time.perf_counter()
    result = parse(text)
    elapsed = time.perf_counter() - started
    assert len(result.proposals) == 2000
    assert labels(result)[-2:] == ["1999", "2000"]
    assert result.proposals[0].body.startswith("<p>The parties agree so on so on")
    assert result.proposals[-1].heading == "Section 2000"
    assert elapsed < 5, f"parsing took {elapsed:.1f} s"


def test_a_point_over_the_sanitisers_limit_is_refused_with_the_limit():
    with pytest.raises(PasteTooLong) as refused:
        parse("1. Short.\n2. " + "so on " * 4_000)
    assert str(refused.value) == (
        "Point 2 is too long to import: This text is 24,006 characters long with its "
        "markup; at most 20,000 are allowed. Split it or shorten it."
    )


def test_a_paste_over_the_limit_is_refused_with_its_length():
    with pytest.raises(PasteTooLong) as refused:
        parse("1. " + "x" * 200_000)
    assert str(refused.value) == (
        "The text is too long to import at once (200,003 characters; at most 200,000). Split it."
    )
    # A line ending counts once, though a browser sends it as CRLF.
    points = "".join(f"{n}. {'x' * 93}\n" for n in range(2, 2001))  # each under the limits
    crlf = "1. Point.\r\n" + points + "x" * (199_990 - len(points))
    assert len(crlf) == 200_001
    assert parse(crlf).proposals


def test_points_above_999_are_read_in_sequence():
    text = "".join(f"{n}. Point {n}.\n" for n in range(997, 1003))
    result = parse(text + "Point 1003: The last.\n1003a. An addition.\n")
    assert labels(result) == ["997", "998", "999", "1000", "1001", "1002", "1003", "1003a"]
    assert result.proposals[3].body == "<p>Point 1000.</p>"
    assert result.warnings == ["Numbering starts at 997, not at 1."]


def test_a_four_digit_number_out_of_sequence_stays_text_with_a_warning():
    result = parse("1. Elections are held by the end of\n2025. The parties agree.\n2. Next.\n")
    assert labels(result) == ["1", "2"]
    assert result.proposals[0].body == (
        "<p>Elections are held by the end of 2025. The parties agree.</p>"
    )
    assert result.proposals[0].warnings == [
        "“2025. The parties agree.” was kept as text of point 1, not read as point 2025: "
        "a number of four digits starts a point only when it follows the previous point's "
        "number. If it is a point, check the numbering."
    ]


def kept_as_text(shown: str, where: str, number: str) -> str:
    return (
        f"“{shown}” was kept as text of {where}, not read as point {number}: a number of four "
        "digits starts a point only when it follows the previous point's number. If it is a "
        "point, check the numbering."
    )


def test_a_four_digit_number_before_any_point_stays_in_the_preamble():
    result = parse("1000. A year, not a point.\n1. First.\n")
    assert labels(result) == ["—", "1"]
    assert kept_as_text("1000. A year, not a point.", "the preamble", "1000") in (
        result.proposals[0].warnings
    )


def test_999_is_read_as_a_point_wherever_it_stands():
    assert labels(parse("999. The last point.\n")) == ["999"]


def test_a_four_digit_point_follows_the_previous_one_by_ten_at_most():
    result = parse("995. A.\n1005. B.\n1016. C.\n")
    assert labels(result) == ["995", "1005"]
    assert result.proposals[0].warnings == ["Numbering starts at 995, not at 1."]
    assert kept_as_text("1016. C.", "point 1005", "1016") in result.proposals[1].warnings


def test_a_line_kept_as_text_is_quoted_whole_up_to_sixty_characters():
    sixty = "2025. " + "word " * 10 + "end."  # 60 characters
    assert len(sixty) == 60
    whole = parse("1. First.\n" + sixty + "\n")
    assert kept_as_text(sixty, "point 1", "2025") in whole.proposals[0].warnings
    cut = parse("1. First.\n" + sixty + "!\n")
    assert kept_as_text(sixty + "…", "point 1", "2025") in cut.proposals[0].warnings


def test_leading_zeros_are_dropped_from_labels_but_zero_stays_zero():
    assert labels(parse("0. Zero.\n007. Seven.\n")) == ["0", "7"]


def test_the_preamble_is_proposed_with_its_warnings_in_full():
    result = parse("1000. A year, not a point.\n1. First.\n")
    assert result.proposals[0].warnings == [
        "Text before the first point is proposed as an unnumbered preamble: untick it if it "
        "is not part of the draft.",
        kept_as_text("1000. A year, not a point.", "the preamble", "1000"),
    ]


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("1. One.\r2. Two.\r", "<p>One.</p>"),  # old Mac line endings
        ("1. Army\u00a0cap of 600,000.\n", "<p>Army cap of 600,000.</p>"),
        ("1. Demili\u00adtarised zone.\n", "<p>Demilitarised zone.</p>"),  # a soft hyphen
        (
            '1. The terms:\n- the "line" holds\n- talks go on\n',
            '<p>The terms:</p><ul><li>the "line" holds</li><li>talks go on</li></ul>',
        ),
    ],
)
def test_text_copied_from_pdfs_and_old_editors_reads_clean(text, body):
    assert parse(text).proposals[0].body == body


def test_numbering_that_starts_again_at_the_same_number_is_labelled_by_section():
    text = (
        "Part I: Security\n1. Guarantees.\n2. Forces.\nPart II: Territory\n2. Lines.\n3. Crimea.\n"
    )
    result = parse(text)
    assert labels(result) == ["I.1", "I.2", "II.2", "II.3"]
    assert result.warnings == [
        "The numbering starts again under each heading: points are labelled with their "
        "section first (“I.1”).",
        "Numbering starts at II.2, not at 1.",  # each section counts from 1
    ]
    lower = parse("Part ii: Security\n1. Guarantees.\nPart iii: Land\n1. Lines.\n")
    assert labels(lower) == ["II.1", "III.1"]


def test_roman_numbered_points_count_up_without_a_warning():
    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI"]
    result = parse("".join(f"{n}. Point.\n" for n in numerals))
    assert labels(result) == numerals
    assert result.warnings == []


def test_a_preamble_over_the_sanitisers_limit_is_refused_and_named():
    with pytest.raises(PasteTooLong) as refused:
        parse("Intro " * 4_000 + "\n1. One.\n")
    assert str(refused.value).startswith(
        "The text before the first point is too long to import: This text is "
    )


def test_row_edits_renumber_the_warnings_of_numbered_rows_only():
    rows = [
        {"label": "1", "warnings": ["Numbering starts at 3, not at 1.", "Other."]},
        {"label": "—", "warnings": []},
        {"label": "", "warnings": []},
        {"label": "3", "warnings": []},
        {"label": "Annex", "warnings": []},
    ]
    check_numbering_again(rows)
    assert [row["warnings"] for row in rows] == [
        ["Other."],
        [],
        [],
        ["Numbering jumps from 1 to 3: point 2 is missing."],
        ["Numbering goes back from 3 to Annex."],
    ]
    alone = [{"label": "Annex", "warnings": []}]
    check_numbering_again(alone)
    assert alone[0]["warnings"] == ["Numbering starts at Annex, not at 1."]


def test_a_title_of_two_lines_is_read_as_one_title():
    result = parse("Peace Plan\nDraft of 6 December\n1. One.\n")
    assert labels(result) == ["1"]
    assert result.warnings == [
        "“Peace Plan · Draft of 6 December” above the first point was read as the document's title."
    ]


def test_a_preamble_keeps_its_list_as_subpoints():
    result = parse("The parties agree on these aims:\n- a lasting peace\n- open borders\n1. One.\n")
    assert result.proposals[0].subpoints == ["a lasting peace", "open borders"]


def _heading_and_preamble(text: str) -> tuple[str, list[str]]:
    """What a line above the first point became: that point's heading, and the labels."""
    result = parse(f"{text}\n1. The parties agree.")
    return result.proposals[-1].heading, labels(result)


@pytest.mark.parametrize(
    ("line", "is_heading"),
    [
        ("Z", True),  # one letter may head a section
        (" ".join(["Word"] * 12), True),  # the word limit
        (" ".join(["Word"] * 13), False),
        ("H" * 100, True),  # the length limit
        ("H" * 101, False),
        # Cut off by a line break: a sentence goes on, so it is preamble, not a heading.
        ("Draft of the peace plan,", False),
        ("Draft of the peace plan -", False),
        ("Draft of the peace plan of", False),
    ],
    ids=["one-letter", "12-words", "13-words", "100-chars", "101-chars", "comma", "dash", "of"],
)
def test_a_line_above_a_point_heads_it_only_when_short_and_whole(line, is_heading):
    heading, found = _heading_and_preamble(line)
    if is_heading:
        assert (heading, found) == (line, ["1"])
    else:
        assert (heading, found) == ("", ["—", "1"])  # proposed as an unnumbered preamble


def test_a_point_of_one_short_line_is_its_text_not_a_heading_over_nothing():
    result = parse("1. Sovereignty is confirmed.\n2. Territory\n\n")
    assert [(p.heading, p.body) for p in result.proposals] == [
        ("", "<p>Sovereignty is confirmed.</p>"),
        ("", "<p>Territory</p>"),
    ]


def test_a_heading_like_last_line_stays_in_the_last_point():
    result = parse("1. Sovereignty is confirmed.\n\nAnnex")
    assert [p.body for p in result.proposals] == ["<p>Sovereignty is confirmed.</p><p>Annex</p>"]


def test_point_numbers_alone_at_the_top_of_each_page_are_points_not_page_numbers():
    result = parse("1.\nThe parties agree.\f2.\nSanctions are lifted.\f3.\nAssets are freed.")
    assert labels(result) == ["1", "2", "3"]
    assert result.furniture == []


def test_page_furniture_is_reported_even_when_no_point_is_found():
    result = parse("Leaked text\fPage 2\nno points here\fPage 3\nstill none")
    assert result.proposals == []
    assert [(f.key, f.text, f.count, f.kept) for f in result.furniture] == [
        ("page #", "Page 2", 2, False)
    ]


def test_a_named_section_heading_of_twelve_words_is_read_as_one():
    words = "Sovereignty borders security economy assets elections amnesty and the talks"
    heading, found = _heading_and_preamble(f"Section 2: {words}")
    assert (heading, found) == (words, ["1"])
