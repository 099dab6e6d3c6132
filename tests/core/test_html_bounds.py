"""Editor HTML is bounded before the sanitiser, sanitised once on save, and rendered as
stored: every page, export and API answer shows the clean HTML without sanitising again."""

from __future__ import annotations

import contextlib
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.test import Client
from django.urls import reverse

from apps.core import html as html_module
from apps.core.fields import SanitizedHTMLField
from apps.core.html import (
    MAX_HTML_LENGTH,
    MAX_MARKUP,
    MAX_NESTING_DEPTH,
    MAX_REOPENED,
    CleanHTML,
    sanitize_html,
)
from apps.drafts.models import Draft, PeaceProcess, Provision
from tests import factories as f
from tests.admin.forms import form_data


@contextlib.contextmanager
def counting_sanitiser():
    """Count the sanitiser's runs (bleach's clean), whoever asks for them."""
    calls = []
    real = html_module._cleaner

    class Counting:
        def clean(self, text):
            calls.append(len(text))
            return real().clean(text)

    html_module._cleaner = Counting
    try:
        yield calls
    finally:
        html_module._cleaner = real


def worst_cases() -> dict[str, str]:
    """Bodies right at the limits: as long, as marked up, as deeply nested and with as
    many formatting tags left open as allowed (as bench/sanitiser.py measures them)."""
    depth = MAX_NESTING_DEPTH - 1  # inside the <p>
    ems = "".join(f'<em title="{i}">' for i in range(depth))
    left_open = MAX_REOPENED // 5
    nested = "<p>" + ems + "x" + "</em>" * depth + "</p>" + "<em>" * 5
    nested += "<p>x</p>" * left_open + "</em>" * 5
    nested += "<p>x</p>" * ((MAX_MARKUP - nested.count("<") - nested.count("=") - 2) // 2)
    bodies = {
        "nested": nested,
        "markup": "<p>" + "&amp;" * (MAX_MARKUP - 2) + "</p>",
        "links": '<p><a href="https://example.org/">x</a></p>' * (MAX_MARKUP // 5),
    }
    return {k: v + "y" * (MAX_HTML_LENGTH - len(v)) for k, v in bodies.items()}


def test_the_worst_case_bodies_are_at_the_limits():
    for name, body in worst_cases().items():
        assert len(body) == MAX_HTML_LENGTH, name
        assert body.count("<") + body.count("&") + body.count("=") <= MAX_MARKUP, name
        depth, reopened = html_module.markup_shape(body)
        assert depth == MAX_NESTING_DEPTH or name != "nested", name
        assert reopened == MAX_REOPENED or name != "nested", name
        assert sanitize_html(body)  # accepted


@pytest.mark.parametrize(
    ("raw", "message", "code"),
    [
        (
            "<em>" * 20_000 + "x",
            f"nests tags more than {MAX_NESTING_DEPTH} levels deep",
            "html_too_deep",
        ),
        (
            "<div><em><strong>" * 7 + "x",
            f"at most {MAX_NESTING_DEPTH} are allowed",
            "html_too_deep",
        ),
        ("x" * (MAX_HTML_LENGTH + 1), f"at most {MAX_HTML_LENGTH:,} are allowed", "html_too_long"),
        ("<br>" * (MAX_MARKUP + 1), f"at most {MAX_MARKUP:,} are allowed", "html_too_much_markup"),
        (
            "<p " + "a=1 " * MAX_MARKUP + ">x</p>",
            "markup characters (<, & and =",
            "html_too_much_markup",
        ),
        ("&amp;" * (MAX_MARKUP + 1), "markup characters (<, & and =", "html_too_much_markup"),
        (
            "<p>" + "".join(f"<b title={i}>" for i in range(18)) + "x</p>" + "<p>y</p>" * 50,
            f"repeated 900 times; at most {MAX_REOPENED} are allowed",
            "html_too_many_reopened",
        ),
    ],
    ids=[
        "nesting-bomb",
        "deep",
        "long",
        "many-tags",
        "many-attributes",
        "many-entities",
        "left-open",
    ],
)
def test_html_over_a_limit_is_refused_before_the_sanitiser_runs(raw, message, code):
    """Each refusal says which limit in words, and by its code, which a form or a client
    can tell apart without reading the words."""
    with counting_sanitiser() as calls, pytest.raises(ValidationError) as refused:
        sanitize_html(raw)
    assert message in " ".join(refused.value.messages)
    assert refused.value.code == code
    assert calls == []


def test_html_at_the_limits_of_nesting_is_accepted():
    assert sanitize_html("<ul><li>" * 10 + "x") == "<ul><li>" * 10 + "x" + "</li></ul>" * 10
    # Paragraphs and items a new one closes do not nest.
    assert sanitize_html("<p>a" * 500) == "<p>a</p>" * 500


@pytest.mark.django_db
def test_saving_a_nesting_bomb_is_refused_and_stores_nothing():
    draft = f.make_draft()
    with pytest.raises(ValidationError, match="levels deep"), transaction.atomic():
        f.make_provision(draft, body="<em>" * 20_000 + "x")
    assert not Provision.objects.exists()
    with pytest.raises(ValidationError, match="levels deep"), transaction.atomic():
        Draft.objects.filter(pk=draft.pk).update(summary="<em>" * 5_000)


@pytest.mark.django_db
def test_the_admin_shows_the_limit_next_to_the_body(client):
    client.force_login(f.make_user("edna", group="Editors"))
    provision = f.make_provision(f.make_draft(), body="<p>Before.</p>")
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = {**form_data(client.get(url)), "body": "<em>" * 20_000 + "x", "_save": "Save"}
    with counting_sanitiser() as calls:
        response = client.post(url, data)
    assert response.status_code == 200
    assert f"This text nests tags more than {MAX_NESTING_DEPTH} levels deep" in response.text, (
        "no message naming the limit"
    )
    assert calls == []
    provision.refresh_from_db()
    assert provision.body == "<p>Before.</p>"


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["nested", "markup", "links"])
def test_a_body_at_the_limits_is_sanitised_exactly_once_on_save(client, case):
    body = worst_cases()[case]
    provision = f.make_provision(f.make_draft(), body="<p>Before.</p>")
    with counting_sanitiser() as calls:
        provision.body = body
        provision.save()
    assert calls == [len(body)]
    # Through the admin form: the same, once.
    client.force_login(f.make_user("edna", group="Editors"))
    url = reverse("admin:drafts_provision_change", args=[provision.pk])
    data = {**form_data(client.get(url)), "body": body + "z", "_save": "Save"}
    data["body"] = data["body"][: MAX_HTML_LENGTH - 1] + "z"
    with counting_sanitiser() as calls:
        response = client.post(url, data)
    assert response.status_code == 302
    assert calls == [MAX_HTML_LENGTH]
    # Saving again without touching the body does not sanitise it again.
    provision.refresh_from_db()
    with counting_sanitiser() as calls:
        provision.heading = "Edited heading"
        provision.save()
    assert calls == []


@pytest.fixture
def heavy(plan):
    """The plan's provisions with worst-case bodies, summaries too, and a frozen link."""
    bodies = list(worst_cases().values())
    for i, provision in enumerate(Provision.objects.order_by("pk")):
        provision.body = bodies[i % len(bodies)]
        provision.save()
    for model in (Draft, PeaceProcess):
        for obj in model.objects.all():
            obj.summary = bodies[0]
            obj.save()
    frozen = Client().post(reverse("compare:freeze", args=["plan...counter...revision"]))
    return {**plan, "frozen": frozen["Location"]}


def _pages(world) -> list[str]:
    key = world["provisions"]["terr1"].key
    matter = world["matters"][0].pk if world.get("matters") else None
    pages = [
        "/",
        "/drafts/plan/",
        "/drafts/counter/",
        f"/provisions/{key}/",
        "/compare/plan...counter...revision/",
        "/compare/plan...counter...revision/?base=first",
        "/compare/plan...counter...revision/print/",
        world["frozen"],
        "/drafts/plan/export.json",
        "/drafts/plan/export.csv",
        "/compare/plan...counter/export.json",
        "/processes/test-process/export.json",
        "/api/v1/drafts/plan/",
        "/api/v1/provisions/",
        f"/api/v1/provisions/{key}/",
        "/api/v1/processes/test-process/",
        "/search/?q=Crimea",
        "/changes/",
        "/changes/feed/",
    ]
    if matter:
        pages.append(f"/matters/{matter}/")
    return pages


@pytest.mark.parametrize("reader", ["anonymous", "editor"])
def test_no_page_runs_the_sanitiser_while_rendering(heavy, reader):
    client = Client()
    if reader == "editor":
        client.force_login(f.make_user("edna", group="Editors"))
    for url in _pages(heavy):
        for headers in ({}, {"HX-Request": "true"}):
            with counting_sanitiser() as calls:
                response = client.get(url, headers=headers)
            assert response.status_code == 200, url
            assert calls == [], f"{url}: the sanitiser ran {len(calls)} times while rendering"
    # Control: the stored HTML is what the pages show.
    page = client.get("/drafts/plan/").content.decode()
    assert '<a href="https://example.org/" rel="noopener nofollow">x</a>' in page


# --- every write path goes through the sanitising field ----------------------------------

DIRTY = '<p onclick="x()">ok<script>alert(1)</script></p><img src=x onerror=y>'
CLEAN = "<p>okalert(1)</p>"


def _written(draft, how) -> str:
    """Write DIRTY into a provision's body one way; return what the database holds."""
    p = f.make_provision(draft, body="<p>start</p>")
    qs = Provision.objects.filter(pk=p.pk)
    if how == "save":
        p.body = DIRTY
        p.save()
    elif how == "create":
        p = Provision.objects.create(draft=draft, label="c", body=DIRTY)
    elif how == "get_or_create":
        p, _ = Provision.objects.get_or_create(draft=draft, label="g", defaults={"body": DIRTY})
    elif how == "update_or_create":
        p, _ = Provision.objects.update_or_create(pk=p.pk, defaults={"body": DIRTY})
    elif how == "bulk_create":
        [p] = Provision.objects.bulk_create([Provision(draft=draft, label="b", body=DIRTY)])
    elif how == "bulk_update":
        p.body = DIRTY
        Provision.objects.bulk_update([p], ["body"])
    elif how == "update":
        qs.update(body=DIRTY)
    elif how == "update_value":
        qs.update(body=Value(DIRTY))
    elif how == "loaddata":
        fixture = [
            {
                "model": "drafts.provision",
                "pk": p.pk,
                "fields": {**_fixture_fields(p), "body": DIRTY},
            }
        ]
        path = draft._fixture_dir / "fixture.json"
        path.write_text(json.dumps(fixture, cls=DjangoJSONEncoder))
        call_command("loaddata", str(path), verbosity=0)
    return Provision.objects.get(pk=p.pk).body


def _fixture_fields(p) -> dict:
    return {
        f.name: getattr(p, f.attname)
        for f in Provision._meta.concrete_fields
        if not f.primary_key and f.name != "draft"
    } | {"draft": p.draft_id}


WAYS = [
    "save",
    "create",
    "get_or_create",
    "update_or_create",
    "bulk_create",
    "bulk_update",
    "update",
    "update_value",
    "loaddata",
]


@pytest.mark.django_db
@pytest.mark.parametrize("how", WAYS)
def test_every_write_path_stores_sanitised_html(how, tmp_path):
    draft = f.make_draft()
    draft._fixture_dir = tmp_path
    stored = _written(draft, how)
    assert stored == CLEAN
    assert isinstance(stored, CleanHTML)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "expression",
    [
        Concat(Value("<script>x</script>"), F("body")),
        F("heading"),
        Concat(F("heading"), Value("")),
    ],
    ids=["concat", "another-column", "computed"],
)
def test_a_database_expression_cannot_write_unsanitised_html(expression):
    """The database would compute HTML the sanitiser never saw: refused."""
    p = f.make_provision(f.make_draft(), heading="<img src=x onerror=y>", body="<p>ok</p>")
    with (
        pytest.raises(TypeError, match="cannot be written with a database expression"),
        transaction.atomic(),
    ):
        Provision.objects.filter(pk=p.pk).update(body=expression)
    assert Provision.objects.get(pk=p.pk).body == "<p>ok</p>"


def test_every_html_field_is_a_sanitising_field():
    """Editor HTML lives in SanitizedHTMLField columns only: the fields the pages render
    with `editor_html` (bodies and summaries) are all of that type."""
    from django.apps import apps

    html_fields = [
        (model.__name__, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.name in {"body", "summary"}
    ]
    assert {("Provision", "body"), ("Draft", "summary"), ("PeaceProcess", "summary")} <= set(
        html_fields
    )
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.name in {"body", "summary"}:
                assert isinstance(field, SanitizedHTMLField), (model.__name__, field.name)


def test_nul_characters_are_dropped_before_the_limits_are_counted():
    """A paste out of a PDF can carry NUL characters: they are dropped, and they do not
    count towards the length limit, so the text just under it is kept whole."""
    text = "x" * (MAX_HTML_LENGTH - 1)
    assert sanitize_html("\x00" + text + "\x00" * 5) == text
