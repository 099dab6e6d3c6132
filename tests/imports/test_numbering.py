"""Every numbering style a leaked draft uses, sections whose numbering restarts, and the
warnings for gaps, repeats and backward steps."""

from __future__ import annotations

import pytest

from apps.imports.parser import parse


def rows(text):
    return [(p.label, p.heading, p.body) for p in parse(text).proposals]


def labels(text):
    return [p.label for p in parse(text).proposals]


def test_a_space_before_the_dot_or_bracket_still_starts_a_point():
    text = "10. Ten.\n11 . Eleven, as typed.\n12 ) Twelve.\n"
    result = parse(text)
    assert [(p.label, p.body) for p in result.proposals] == [
        ("10", "<p>Ten.</p>"),
        ("11", "<p>Eleven, as typed.</p>"),
        ("12", "<p>Twelve.</p>"),
    ]
    # Not "point 11 is missing": only the start is unusual.
    assert result.warnings == ["Numbering starts at 10, not at 1."]


@pytest.mark.parametrize(
    "text",
    [
        "(1) One.\n(2) Two.\n(3) Three.\n",
        "Point 1: One.\nPoint 2: Two.\nPoint 3: Three.\n",
        "Article 1. One.\nArticle 2 – Two.\nArticle 3: Three.\n",
        "§ 1 One.\n§2. Two.\n§ 3. Three.\n",
        "1) One.\n2) Two.\n3) Three.\n",
        "1 ) One.\n2 ) Two.\n3 ) Three.\n",
    ],
)
def test_each_point_style_gives_the_same_three_points(text):
    result = parse(text)
    assert [(p.label, p.body) for p in result.proposals] == [
        ("1", "<p>One.</p>"),
        ("2", "<p>Two.</p>"),
        ("3", "<p>Three.</p>"),
    ]
    assert result.warnings == []


def test_decimal_sub_points_belong_to_their_point():
    result = parse("1. Security\n1.1 A joint commission.\n1.2. A hotline.\n2. Economy.\n")
    one, two = result.proposals
    assert one.subpoints == ["1.1 A joint commission.", "1.2. A hotline."]
    assert one.heading == "Security"
    assert two.label == "2"


def test_article_paragraphs_numbered_in_brackets_stay_in_their_article():
    result = parse("Article 1\n(1) The parties agree.\n(2) They meet.\nArticle 2\nDone.\n")
    assert [p.label for p in result.proposals] == ["1", "2"]
    assert result.proposals[0].subpoints == ["(1) The parties agree.", "(2) They meet."]


@pytest.mark.parametrize("marker", ["a)", "(a)", "a."])
def test_lettered_sub_points_in_each_style(marker):
    second = marker.replace("a", "b")
    result = parse(f"1. The parties:\n{marker} Meet.\n{second} Agree.\n2. Next.\n")
    assert result.proposals[0].subpoints == [f"{marker} Meet.", f"{second} Agree."]


def test_roman_numerals_as_points():
    text = "I. The parties agree to a ceasefire.\nII. Prisoners are exchanged.\nIV. Done.\n"
    result = parse(text)
    assert [p.label for p in result.proposals] == ["I", "II", "IV"]
    assert result.warnings == ["Numbering jumps from II to IV: point 3 is missing."]


def test_roman_section_headings_with_numbering_restarting_in_each():
    text = """I. Security guarantees
1. A guarantee is given.
2. Europe joins it.

II. Territory
1. Crimea is recognised.
2. The line is frozen.
4. Four, after a gap.
"""
    result = parse(text)
    assert [(p.label, p.heading) for p in result.proposals] == [
        ("I.1", "Security guarantees"),
        ("I.2", "Security guarantees"),
        ("II.1", "Territory"),
        ("II.2", "Territory"),
        ("II.4", "Territory"),
    ]
    assert result.warnings == [
        "The numbering starts again under each heading: points are labelled with their "
        "section first (“I.1”).",
        "Numbering jumps from II.2 to II.4: point 3 is missing.",
    ]


def test_a_numbered_section_line_between_two_points_heads_a_section():
    """ "II. Territory" straight after a point, with no blank line, is the next section's
    heading, as it is after a blank line: not a point "II" whose text is "Territory"."""
    text = (
        "I. Security guarantees\n1. A guarantee is given.\n2. Europe joins it.\n"
        "II. Territory\n1. Crimea is recognised.\n"
    )
    result = parse(text)
    assert [(p.label, p.heading) for p in result.proposals] == [
        ("I.1", "Security guarantees"),
        ("I.2", "Security guarantees"),
        ("II.1", "Territory"),
    ]
    running = parse("1. One.\n2. Two.\nB. Economy\n3. Three.\n")
    assert [(p.label, p.heading) for p in running.proposals] == [
        ("1", ""),
        ("2", ""),
        ("3", "Economy"),
    ]
    assert running.warnings == []


def test_a_point_wrapped_before_an_initial_keeps_its_text():
    """A line break before "D. Trump" or "B. Territorial lines" inside an unfinished
    point is the point's text going on, not a section heading between two points."""
    text = (
        "1. A ceasefire holds.\n2. The Board of Peace is chaired by\nD. Trump\n"
        "3. Hostages are released.\n"
    )
    result = parse(text)
    assert [(p.label, p.heading) for p in result.proposals] == [("1", ""), ("2", ""), ("3", "")]
    assert "chaired by D. Trump" in result.proposals[1].body


def test_short_roman_points_stay_points():
    """Short Roman-numbered lines are points when the points around them are Roman too:
    only between points numbered in digits does such a line head a section."""
    result = parse("I. Ceasefire\nII. Prisoners\nIII. Elections\n")
    assert [p.label for p in result.proposals] == ["I", "II", "III"]
    mixed = parse("I. A ceasefire is agreed.\nII. Prisoners\n1. All for all.\n")
    assert [p.label for p in mixed.proposals] == ["I", "II", "1"]


def test_unnumbered_headings_with_restarting_numbers_are_labelled_by_their_place():
    text = "Security\n\n1. One.\n2. Two.\n\nTerritory\n\n1. One again.\n1. Repeated.\n"
    result = parse(text)
    assert [(p.label, p.heading) for p in result.proposals] == [
        ("1.1", "Security"),
        ("1.2", "Security"),
        ("2.1", "Territory"),
        ("2.1", "Territory"),
    ]
    assert result.proposals[3].warnings == ["Point 2.1 appears twice."]


def test_named_parts_head_their_points():
    text = "Part A – Security\n1. One.\nSection 2: Economy\n3. Three.\n2. Back.\n"
    result = parse(text)
    assert [(p.label, p.heading) for p in result.proposals] == [
        ("1", "Security"),
        ("3", "Economy"),
        ("2", "Economy"),
    ]
    # 3 then 2 in one section is a step back, not a restart.
    assert "Numbering goes back from 3 to 2." in result.warnings
    assert "Numbering jumps from 1 to 3: point 2 is missing." in result.warnings


def test_bullets_stay_a_list():
    result = parse("1. Steps:\n• first\n- second\n▪ third\n")
    assert result.proposals[0].subpoints == ["first", "second", "third"]


def test_continuous_numbering_across_headings_is_not_a_restart():
    assert labels("Security\n\n1. One.\n2. Two.\n\nTerritory\n\n3. Three.\n") == ["1", "2", "3"]
