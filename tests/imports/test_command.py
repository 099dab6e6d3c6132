"""`manage.py import_text`: preview, dry run, real run, and clear errors."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from apps.drafts.models import Provision
from apps.sources.models import Citation
from tests import factories as f

TEXT = "Territory\n\n1. Crimea is recognised.\n2. Donbas is demilitarised.\n4. Kherson is frozen.\n"


@pytest.fixture
def text_file(tmp_path):
    path = tmp_path / "leak.md"
    path.write_text(TEXT, encoding="utf-8")
    return path


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import_text", *args, stdout=out, **options)
    return out.getvalue()


def test_dry_run_prints_the_preview_and_warnings_and_creates_nothing(draft, source, text_file):
    out = run(draft.slug, str(text_file), source=source.key, dry_run=True)
    assert "3 provisions for “28-point plan” (plan-28), citing s07:" in out
    assert "1 · Territory\n    Crimea is recognised." in out
    assert "! Numbering jumps from 2 to 4: point 3 is missing." in out
    assert "1 warning:" in out
    assert out.rstrip().endswith("Dry run: nothing was created.")
    assert not Provision.objects.exists()


def test_a_real_run_creates_the_provisions_with_citations(draft, source, text_file):
    out = run(draft.slug, str(text_file), source=source.key, interactive=False)
    assert "Imported 3 provisions into “28-point plan”." in out
    assert list(draft.provisions.values_list("label", "heading", "body")) == [
        ("1", "Territory", "<p>Crimea is recognised.</p>"),
        ("2", "Territory", "<p>Donbas is demilitarised.</p>"),
        ("4", "Territory", "<p>Kherson is frozen.</p>"),
    ]
    assert sorted(Citation.objects.values_list("source__key", "locator")) == [
        ("s07", "point 1"),
        ("s07", "point 2"),
        ("s07", "point 4"),
    ]


def test_it_asks_before_creating_and_a_no_creates_nothing(draft, source, text_file, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    out = run(draft.slug, str(text_file), source=source.key)
    assert "Cancelled: nothing was created." in out
    assert not Provision.objects.exists()


def test_labels_the_draft_already_has_stop_the_import(draft, source, text_file):
    f.make_provision(draft, label="2")
    with pytest.raises(CommandError, match="Nothing imported. The draft already has a point 2."):
        run(draft.slug, str(text_file), source=source.key, interactive=False)
    assert list(draft.provisions.values_list("label", flat=True)) == ["2"]


@pytest.mark.parametrize(
    ("slug", "key", "message"),
    [
        ("no-such-draft", "s07", "There is no draft with the slug “no-such-draft”."),
        ("plan-28", "s999", "There is no source with the key “s999”."),
    ],
)
def test_a_bad_slug_or_source_key_is_a_clear_error(draft, source, text_file, slug, key, message):
    with pytest.raises(CommandError, match=message):
        run(slug, str(text_file), source=key, dry_run=True)


def test_a_missing_empty_or_pointless_file_is_a_clear_error(draft, source, tmp_path):
    with pytest.raises(CommandError, match="Cannot read .*missing.txt: No such file"):
        run(draft.slug, str(tmp_path / "missing.txt"), source=source.key)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(CommandError, match="empty.txt is empty: there is nothing to import."):
        run(draft.slug, str(empty), source=source.key)
    prose = tmp_path / "prose.txt"
    prose.write_text("Officials discussed the plan.", encoding="utf-8")
    with pytest.raises(CommandError, match="Nothing that looks like a numbered point"):
        run(draft.slug, str(prose), source=source.key)
    assert not Provision.objects.exists()


def test_a_file_over_the_limit_is_a_clear_error(draft, source, tmp_path):
    path = tmp_path / "book.txt"
    path.write_text("1. Point.\n" + "x" * 200_000, encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        run("plan-28", str(path), "--source", "s07", "--no-input")
    assert str(refused.value) == (
        f"{path}: The text is too long to import at once (200,010 characters; at most "
        "200,000). Split it."
    )
    assert not Provision.objects.exists()
