from __future__ import annotations

import pytest

from apps.core.html import sanitize_html
from apps.drafts.models import Provision
from tests import factories as f


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<p>a<script>alert(1)</script></p>", "<p>aalert(1)</p>"),
        ('<img src="x" onerror="alert(1)">', ""),
        ('<p onmouseover="x()">t</p>', "<p>t</p>"),
        ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener nofollow">x</a>'),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', '<a rel="noopener nofollow">x</a>'),
        ('<a href="&#106;avascript:alert(1)">x</a>', '<a rel="noopener nofollow">x</a>'),
        ('<a href="data:text/html,<b>x</b>">x</a>', '<a rel="noopener nofollow">x</a>'),
        ("<p><strong>unclosed", "<p><strong>unclosed</strong></p>"),
        ('<div hx-get="/x" hx-trigger="load">t</div>', "t"),
        ('<svg onload="alert(1)"><circle/></svg>', ""),
        ("<!-- comment --><p>x</p>", "<p>x</p>"),
    ],
)
def test_sanitize_neutralises_active_markup(raw, clean):
    assert sanitize_html(raw) == clean


def test_sanitize_keeps_the_editors_markup():
    html = (
        "<p>One <em>two</em> <strong>three</strong><br></p>"
        "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote>q</blockquote>"
    )
    assert sanitize_html(html) == html


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ('<p class="lead" id="top">t</p>', "<p>t</p>"),
        ('<em class="x">e</em><strong id="s">s</strong>', "<em>e</em><strong>s</strong>"),
        ('<ul class="a"><li id="b" title="c">i</li></ul>', "<ul><li>i</li></ul>"),
        ('<blockquote cite="https://x.org" lang="uk">q</blockquote>', "<blockquote>q</blockquote>"),
        (
            '<a href="https://x.org" class="btn" id="l" name="n">x</a>',
            '<a href="https://x.org" rel="noopener nofollow">x</a>',
        ),
    ],
)
def test_sanitize_drops_unlisted_harmless_attributes_on_allowed_tags(raw, clean):
    """Only an `<a>`'s href and title are kept: a class or id would let pasted markup take on
    the site's own styles and anchors."""
    assert sanitize_html(raw) == clean


def test_sanitize_sets_rel_on_links_whatever_the_editor_wrote():
    out = sanitize_html('<a href="https://example.org" rel="opener" target="_blank">x</a>')
    assert out == '<a href="https://example.org" rel="noopener nofollow">x</a>'
    assert sanitize_html('<a href="mailto:desk@example.org">m</a>') == (
        '<a href="mailto:desk@example.org" rel="noopener nofollow">m</a>'
    )


def test_sanitize_is_stable():
    raw = '<p><a href="https://x.org" onclick=1>x</a><script>y</script><em>z'
    once = sanitize_html(raw)
    assert sanitize_html(once) == once


@pytest.mark.django_db
def test_no_write_path_stores_unsanitised_html():
    draft = f.make_draft(summary="<p onclick='x'>s<script>1</script></p>")
    assert draft.summary == "<p>s1</p>"
    p = f.make_provision(draft, body="<script>x</script>")
    Provision.objects.filter(pk=p.pk).update(body='<img src=x onerror="y">z')
    assert Provision.objects.get(pk=p.pk).body == "z"
    [bulk] = Provision.objects.bulk_create(
        [Provision(draft=draft, label="b", body="<iframe src='x'></iframe>ok")]
    )
    assert Provision.objects.get(pk=bulk.pk).body == "ok"
    bulk.body = "<a href='javascript:x'>j</a>"
    Provision.objects.bulk_update([bulk], ["body"])
    assert Provision.objects.get(pk=bulk.pk).body == '<a rel="noopener nofollow">j</a>'


def test_sanitize_is_safe_across_threads():
    """gunicorn's threaded workers sanitise in parallel; results must not mix."""
    from concurrent.futures import ThreadPoolExecutor

    inputs = [
        f"<p>item {i} <script>x</script><a href='https://e.org/{i}'>l</a></p>" for i in range(400)
    ]
    expected = [
        f'<p>item {i} x<a href="https://e.org/{i}" rel="noopener nofollow">l</a></p>'
        for i in range(400)
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(sanitize_html, inputs)) == expected


@pytest.mark.parametrize(
    ("raw", "depth"),
    [
        ("<p><br><em><strong>x</strong></em></p>", 3),  # a void tag opens nothing
        ("<em>a</em></em><ul><li><em>b</em></li></ul>", 3),  # a stray end tag closes nothing
        ("<ul><li><em>a</em></li></ul><ul><li><em>b</em></li></ul>", 3),  # closed is closed
        ("<ul><li>a</li><li><em>b</em></li></ul>", 3),  # one end tag closes one tag
        ("<p>a<p>b<em><strong>c", 3),  # a <p> closes the open <p>; counting goes on
    ],
)
def test_markup_depth_counts_tags_open_at_once(raw, depth):
    from apps.core.html import markup_shape

    assert markup_shape(raw)[0] == depth
