from __future__ import annotations

from django.core.cache import cache

from apps.compare import diff


def test_plain_text_drops_markup_and_collapses_space():
    assert diff.plain_text("<p>Army  capped</p><ul><li>at 600,000</li></ul>") == (
        "Army capped at 600,000"
    )


def test_word_diff_marks_insertions_and_deletions_for_screen_readers_too():
    out = diff.word_diff("capped at 600,000 personnel", "capped at 800,000 in peacetime")
    assert '<del><span class="sr-only">[deleted: </span>600,000' in out
    assert '<ins><span class="sr-only">[inserted: </span>800,000' in out
    assert out.startswith("capped at ")


def test_word_diff_of_equal_texts_has_no_marks():
    assert diff.word_diff("Same words.", "Same words.") == "Same words."


def test_word_diff_escapes_text():
    out = diff.word_diff("a <b>", "a <script>alert(1)</script>")
    assert "<script>" not in out and "</script>" not in out
    assert "&lt;/script&gt;" in out


def test_word_diff_is_computed_once_per_pair(monkeypatch):
    cache.clear()
    calls = []
    real = diff._render

    def counting(base, text):
        calls.append((base, text))
        return real(base, text)

    monkeypatch.setattr(diff, "_render", counting)
    first = diff.word_diff("one two", "one three")
    second = diff.word_diff("one two", "one three")
    assert first == second
    assert calls == [("one two", "one three")]
    diff.word_diff("one two", "one four")
    assert len(calls) == 2


# --- What a reader sees marked (del/ins written [-…-] and {+…+} here) -------------------


def marks(html: str) -> str:
    """The marks of a diff, without the words spoken to screen readers."""
    marked = (("del", "deleted", "[-", "-]"), ("ins", "inserted", "{+", "+}"))
    for tag, spoken, start, end in marked:
        html = html.replace(f'<{tag}><span class="sr-only">[{spoken}: </span>', start)
        html = html.replace(f'<span class="sr-only">]</span></{tag}>', end)
    return html


def test_a_removed_phrase_is_marked_deleted_and_nothing_else():
    out = diff.word_diff("capped at 600,000 personnel in peacetime", "capped at 600,000 personnel")
    assert marks(out) == "capped at 600,000 personnel[- in peacetime-]"


def test_an_added_word_is_marked_inserted_and_nothing_else():
    assert marks(diff.word_diff("the army is capped", "the large army is capped")) == (
        "the{+ large+} army is capped"
    )


def test_one_or_two_unchanged_words_between_changes_join_them_into_one_change():
    two = diff.word_diff("one two three four five six seven", "ONE two three FOUR five six seven")
    assert marks(two) == "[-one two three four-]{+ONE two three FOUR+} five six seven"
    one = diff.word_diff("one two three four five six", "ONE two THREE four five six")
    assert marks(one) == "[-one two three-]{+ONE two THREE+} four five six"
    at_the_end = diff.word_diff("one two three", "ONE two THREE")
    assert marks(at_the_end) == "[-one two three-]{+ONE two THREE+}"
    # Punctuation is not a word: "two, three" is an island of two.
    comma = diff.word_diff("one, two three four five", "ONE, two three FOUR five")
    assert marks(comma) == "[-one, two three four-]{+ONE, two three FOUR+} five"


def test_three_unchanged_words_keep_two_changes_apart():
    out = diff.word_diff("one two three four five six", "ONE two three four FIVE six")
    assert marks(out) == "[-one-]{+ONE+} two three four [-five-]{+FIVE+} six"


def test_unchanged_words_at_either_end_stay_unmarked_however_few():
    assert marks(diff.word_diff("a b c d", "a X c d")) == "a [-b-]{+X+} c d"


def test_a_text_sharing_under_a_quarter_of_its_base_is_replaced_whole():
    assert marks(diff.word_diff("alpha", "one two")) == "[-alpha-]{+one two+}"
    # Exactly a quarter in common (one token of eight) is still marked word by word.
    assert marks(diff.word_diff("x", "x b c d")) == "x{+ b c d+}"


def test_a_change_of_spacing_alone_is_not_marked():
    assert diff.word_diff("x  b", "x b") == "x b"
    assert diff.word_diff("a;b", "a; b") == "a; b"


def test_one_word_changed_in_a_long_text_is_the_only_mark():
    """Long texts are diffed like short ones: no token is set aside as too common."""
    base = " ".join(f"w{i}" for i in range(150))
    out = marks(diff.word_diff(base, base.replace("w75", "changed")))
    assert out == base.replace("w75", "[-w75-]{+changed+}")


def test_plain_text_reads_entities_and_keeps_words_split_by_inline_markup_whole():
    assert diff.plain_text("un<b>fair</b> &amp; <i>odd</i>") == "unfair & odd"
    assert diff.plain_text("<p>one</p><p>two</p><br>three") == "one two three"
    assert diff.plain_text(None) == ""


def test_word_diffs_marks_many_pairs_as_word_diff_does_and_computes_each_once(monkeypatch):
    cache.clear()
    pairs = [("the army is capped", "the large army is capped"), ("x  b", "x b")]
    calls = []
    real = diff._render
    monkeypatch.setattr(diff, "_render", lambda a, b: calls.append((a, b)) or real(a, b))
    first = diff.word_diffs(pairs)
    assert [marks(m) for m in first] == ["the{+ large+} army is capped", "x b"]
    assert diff.word_diffs(pairs) == first and diff.word_diff(*pairs[0]) == first[0]
    assert calls == pairs  # the second call and word_diff read the cache


REWRITTEN = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron"


def test_a_cell_mostly_rewritten_reads_as_a_rewrite():
    base = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    assert diff.is_rewrite(diff.word_diff(base, REWRITTEN), REWRITTEN)


def test_short_texts_additions_and_small_edits_are_not_rewrites():
    short = "alpha beta gamma"
    assert not diff.is_rewrite(diff.word_diff("one two three", short), short)
    added = REWRITTEN + " " + REWRITTEN.upper()  # nothing deleted: an addition, however long
    assert not diff.is_rewrite(diff.word_diff(REWRITTEN, added), added)
    edited = REWRITTEN.replace("gamma delta", "GAMMA DELTA")
    assert not diff.is_rewrite(diff.word_diff(REWRITTEN, edited), edited)


def test_a_rewrite_is_at_least_three_fifths_of_the_words_new():
    base = " ".join(f"w{i}" for i in range(1, 21))
    new = dict.fromkeys([*range(1, 7), *range(13, 19)], "A")
    twelve = " ".join(f"{new.get(i, 'w')}{i}" for i in range(1, 21))  # 12 of 20 in two places
    assert diff.is_rewrite(diff.word_diff(base, twelve), twelve)
    eleven = twelve.replace("A18", "w18")
    assert not diff.is_rewrite(diff.word_diff(base, eleven), eleven)
    # Nine words rewritten and five added at the end: 14 of 25 new, under three fifths.
    appended = " ".join(["N"] * 9 + [f"w{i}" for i in range(10, 21)] + ["E"] * 5)
    assert not diff.is_rewrite(diff.word_diff(base, appended), appended)


def _edited_pairs(count: int) -> list[tuple[str, str]]:
    """(base, text) pairs as drafts change them: words inserted, dropped and replaced,
    with the repeated words and punctuation where two matchers could break ties apart."""
    import random

    rng = random.Random(17)
    words = [
        "the",
        "parties",
        "shall",
        "the",
        "of",
        "and",
        "Ukraine",
        "Russia",
        "army",
        "600,000",
        "troops",
        "NATO",
        "shall",
        "not",
        "join",
        "sanctions",
        "lifted",
        "frozen",
        "assets",
        "$100bn",
        "US-led",
        "reconstruction",
        "Donbas",
        "demilitarised",
        "zone,",
        "ceasefire;",
        "elections",
        "within",
        "100",
        "days",
        "(amnesty)",
        "the",
        "the",
    ]
    pairs = []
    for _ in range(count):
        # Most points are a sentence or two; one in ten is a long article of 200–400 words.
        length = rng.randint(200, 400) if rng.random() < 0.1 else rng.randint(1, 70)
        base = [rng.choice(words) for _ in range(length)]
        text = list(base)
        for _ in range(rng.randint(0, 8)):
            at = rng.randrange(len(text) + 1)
            edit = rng.choice(("insert", "drop", "replace"))
            if edit == "insert" or not text:
                text[at:at] = [rng.choice(words) for _ in range(rng.randint(1, 4))]
            elif edit == "drop":
                del text[at : at + rng.randint(1, 4)]
            else:
                text[at : at + 1] = [rng.choice(words)]
        pairs.append((" ".join(base), " ".join(text)))
    return pairs


def test_the_compiled_matcher_marks_exactly_what_difflib_would(monkeypatch):
    """The word marks come from cydifflib, for speed; they must stay difflib's marks, or
    a cached or frozen comparison and a fresh one would disagree on the same two texts."""
    import difflib

    pairs = _edited_pairs(2000)
    fast = [diff._render(base, text) for base, text in pairs]
    monkeypatch.setattr(diff, "SequenceMatcher", difflib.SequenceMatcher)
    reference = [diff._render(base, text) for base, text in pairs]
    assert sum(1 for marked in reference if "<ins>" in marked or "<del>" in marked) > 1500
    assert fast == reference
