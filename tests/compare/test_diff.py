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
