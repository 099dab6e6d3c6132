"""The preview's row edits, as plain form actions and as htmx swaps: split a row, merge it
into the row above, promote a sub-point to a row, demote a row to a sub-point; the edits
and the editor's other corrections reach the confirmed import."""

from __future__ import annotations

from django.urls import reverse

from tests.admin.forms import form_data

# "2025." was merged into point 1 as text; "3" lost its line break; "4" has sub-points.
TEXT = """1. Elections are held by the end of
2025. The parties agree.
2. Troops withdraw. 3. Mines are cleared.
4. A commission is set up:
a) with both sides;
b) with observers.
5. Sanctions end.
"""


def url_for(draft) -> str:
    return reverse("admin:drafts_draft_import", args=[draft.pk])


def preview(client, draft, source):
    return client.post(url_for(draft), {"action": "preview", "text": TEXT, "source": source.pk})


def act(client, draft, page, action, htmx=False, **changes):
    data = form_data(page)
    data.update(action=action, **changes)
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(url_for(draft), data, headers=headers)


def rows(page):
    data = form_data(page)
    count = int(data["form-TOTAL_FORMS"])
    return [(data[f"form-{i}-label"], data[f"form-{i}-body"]) for i in range(count)]


def test_split_before_typed_words_without_javascript(editor_client, draft, source):
    page = preview(editor_client, draft, source)
    assert rows(page)[1] == ("2", "<p>Troops withdraw. 3. Mines are cleared.</p>")
    split = act(editor_client, draft, page, "split:1", **{"split_words-1": "3. Mines"})
    assert rows(split)[1:3] == [
        ("2", "<p>Troops withdraw.</p>"),
        ("3", "<p>Mines are cleared.</p>"),
    ]
    assert "<html" in split.content.decode()


def test_split_at_the_cursor_offset_with_htmx_returns_the_form_only(editor_client, draft, source):
    page = preview(editor_client, draft, source)
    body = form_data(page)["form-1-body"]
    split = act(
        editor_client,
        draft,
        page,
        "split:1",
        htmx=True,
        **{"split_offset-1": str(body.index("3. Mines"))},
    )
    html = split.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<form method="post" action="" id="import-form"')
    assert split["Vary"] and "HX-Request" in split["Vary"]
    assert [label for label, _ in rows(split)] == ["1", "2", "3", "4", "5"]


def test_merge_puts_the_label_back_into_the_text(editor_client, draft, source):
    text = "1. Held by the end of\n2. quarter. The parties agree.\n2. Next.\n"
    page = editor_client.post(
        url_for(draft), {"action": "preview", "text": text, "source": source.pk}
    )
    assert [label for label, _ in rows(page)] == ["1", "2", "2"]
    merged = act(editor_client, draft, page, "merge:1")
    assert rows(merged) == [
        ("1", "<p>Held by the end of 2. quarter. The parties agree.</p>"),
        ("2", "<p>Next.</p>"),
    ]
    # The numbering is checked again: point 2 no longer appears twice.
    assert "Point 2 appears twice." in page.content.decode()
    assert "Point 2 appears twice." not in merged.content.decode()


def test_promote_and_demote_a_sub_point(editor_client, draft, source):
    page = preview(editor_client, draft, source)
    promoted = act(editor_client, draft, page, "promote:2:1")
    assert rows(promoted)[2:4] == [
        ("4", "<p>A commission is set up:</p><ul><li>a) with both sides;</li></ul>"),
        ("4b", "<p>with observers.</p>"),
    ]
    demoted = act(editor_client, draft, promoted, "demote:3")
    assert rows(demoted)[2] == (
        "4",
        "<p>A commission is set up:</p><ul><li>a) with both sides;</li>"
        "<li>4b with observers.</li></ul>",
    )


def test_an_edit_that_does_not_apply_is_a_message(editor_client, draft, source):
    page = preview(editor_client, draft, source)
    refused = act(editor_client, draft, page, "split:1", **{"split_words-1": "not there"})
    assert "“not there” is not in the row&#x27;s body" in refused.content.decode()
    assert len(rows(refused)) == 4
    refused = act(editor_client, draft, page, "merge:0")
    assert "The first row has no row above it." in refused.content.decode()


def test_edits_and_other_corrections_are_confirmed_together(editor_client, draft, source):
    page = preview(editor_client, draft, source)
    page = act(editor_client, draft, page, "split:1", **{"split_words-1": "3. Mines"})
    # A correction typed before the next edit is kept through it.
    page = act(editor_client, draft, page, "promote:3:0", **{"form-0-heading": "Elections"})
    assert form_data(page)["form-0-heading"] == "Elections"
    done = act(editor_client, draft, page, "confirm")
    assert done.status_code == 302
    assert list(draft.provisions.values_list("label", "heading")) == [
        ("1", "Elections"),
        ("2", ""),
        ("3", ""),
        ("4", ""),
        ("4a", ""),
        ("5", ""),
    ]
    assert draft.provisions.get(label="4a").body == "<p>with both sides;</p>"
