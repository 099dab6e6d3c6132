"""Who may write: every admin URL tried by anonymous visitors, Viewers and staff without a
group; CSRF on every form; the admin sign-in throttle; unpublished drafts kept private."""

from __future__ import annotations

import contextlib
import datetime
import re

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.db import models
from django.test import Client
from django.urls import NoReverseMatch, reverse

from apps.history.models import Change
from tests import factories as f
from tests.admin.conftest import build_world
from tests.admin.forms import form_data

from .audit import audit_html

LOGIN = "/admin/login/"


def dump() -> dict[str, list[dict]]:
    """Every row of every table (sessions aside): what "nothing changed" is compared with."""
    data = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label in {"sessions.Session"}:
            continue
        data[model._meta.label] = list(model._base_manager.order_by("pk").values())
    return data


def changed_tables(before: dict, after: dict) -> list[str]:
    return [
        f"{label}: {len(before[label])} -> {len(after[label])} rows"
        if len(before[label]) != len(after[label])
        else f"{label}: values changed"
        for label in before
        if before[label] != after[label]
    ]


def _text_fields(model) -> set[str]:
    return {
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField) and f.editable and not f.choices
    }


def _mutated(model, data: dict) -> dict:
    """The form as the page holds it, with every plain text field edited (a real write)."""
    out = dict(data)
    for name in _text_fields(model) & out.keys():
        value = out[name]
        field = model._meta.get_field(name)
        if not isinstance(value, str) or not value or name in {"password", "url"}:
            continue
        if isinstance(field, models.EmailField | models.URLField):
            continue
        slug_like = isinstance(field, models.SlugField)
        out[name] = value + ("-x" if slug_like or name == "username" else " (edited)")
    return out


class Target:
    """One registered admin model with an existing object and its URLs."""

    def __init__(self, model, model_admin):
        self.model = model
        self.admin = model_admin
        info = (model._meta.app_label, model._meta.model_name)
        self.name = "{}.{}".format(*info)
        self.obj = model._default_manager.order_by("pk").first()
        self.add_url = reverse("admin:{}_{}_add".format(*info))
        self.changelist_url = reverse("admin:{}_{}_changelist".format(*info))
        self.change_url = self.delete_url = None
        if self.obj is not None:
            pk = quote(self.obj.pk)
            self.change_url = reverse("admin:{}_{}_change".format(*info), args=[pk])
            self.delete_url = reverse("admin:{}_{}_delete".format(*info), args=[pk])
        self.change_data: dict = {}
        self.changelist_data: dict = {}
        self.editable = False  # whether a superuser gets a form that saves


@pytest.fixture
def targets(shared_targets, db):
    return shared_targets


@pytest.fixture(scope="module")
def shared_targets(module_db):
    build_world(2)
    superuser = f.make_user("sec-root", superuser=True)
    root = Client()
    root.force_login(superuser)
    found = []
    for model, model_admin in admin.site._registry.items():
        target = Target(model, model_admin)
        if target.change_url:
            page = root.get(target.change_url)
            assert page.status_code == 200, target.name
            target.change_data = _mutated(model, form_data(page))
            target.editable = 'name="_save"' in page.content.decode()
        if model_admin.list_editable:
            page = root.get(target.changelist_url)
            target.changelist_data = {**form_data(page), "_save": "Save"}
            for key, value in list(target.changelist_data.items()):
                if key.endswith("-position") and str(value).isdigit():
                    target.changelist_data[key] = str(int(value) + 7)
        found.append(target)
    assert {t.model for t in found} >= {
        apps.get_model(label) for label in ("drafts.Draft", "drafts.Provision", "auth.User")
    }
    assert all(t.obj is not None for t in found), [t.name for t in found if t.obj is None]
    return found


def _extra_write_urls() -> list[tuple[str, str, dict]]:
    """Write URLs the admin adds beyond add/change/delete."""
    urls = []
    provision_change = Change.objects.filter(content_type__model="provision").first()
    if provision_change:
        urls.append(
            ("revert", reverse("admin:history_change_revert", args=[provision_change.pk]), {})
        )
    user = apps.get_model("auth.User").objects.order_by("pk").first()
    urls.append(
        (
            "password",
            reverse("admin:auth_user_password_change", args=[user.pk]),
            {"password1": "N3w-pass-word!", "password2": "N3w-pass-word!"},
        )
    )
    return urls


def _attempts(targets):
    """(what, method, url, data) for every write a visitor could try."""
    for t in targets:
        yield f"{t.name} add (GET)", "get", t.add_url, None
        yield f"{t.name} add", "post", t.add_url, t.change_data
        if t.change_url:
            yield f"{t.name} change", "post", t.change_url, t.change_data
            yield f"{t.name} delete (GET)", "get", t.delete_url, None
            yield f"{t.name} delete", "post", t.delete_url, {"post": "yes"}
        if t.changelist_data:
            yield f"{t.name} list_editable", "post", t.changelist_url, t.changelist_data
    for what, url, data in _extra_write_urls():
        yield what, "post", url, data


def _try_everything(client, targets, expect) -> list[str]:
    failures = []
    before = dump()
    for what, method, url, data in _attempts(targets):
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        problem = expect(response)
        if problem:
            failures.append(f"{what} {method.upper()} {url}: {problem}")
        after = dump()
        if after != before:
            failures.append(f"{what} {method.upper()} {url} wrote: {changed_tables(before, after)}")
            before = after
    return failures


def _to_login(response) -> str | None:
    if response.status_code != 302:
        return f"status {response.status_code}, expected a redirect to sign in"
    if not response["Location"].startswith(LOGIN):
        return f"redirects to {response['Location']}, not to sign in"
    return None


def _forbidden(response) -> str | None:
    return None if response.status_code == 403 else f"status {response.status_code}, not 403"


def test_anonymous_cannot_write_through_any_admin_url(targets):
    failures = _try_everything(Client(), targets, _to_login)
    assert not failures, "\n".join(failures)


def test_viewers_cannot_write_through_any_admin_url(targets):
    client = Client()
    client.force_login(f.make_user("victor", group="Viewers"))
    failures = _try_everything(client, targets, _forbidden)
    assert not failures, "\n".join(failures)


def test_staff_without_a_group_cannot_write_through_any_admin_url(targets):
    client = Client()
    client.force_login(f.make_user("nogroup"))
    failures = _try_everything(client, targets, _forbidden)
    assert not failures, "\n".join(failures)


def test_admin_actions_do_not_let_viewers_delete(targets):
    client = Client()
    client.force_login(f.make_user("victor", group="Viewers"))
    before = dump()
    for t in targets:
        response = client.post(
            t.changelist_url,
            {"action": "delete_selected", "_selected_action": [t.obj.pk], "post": "yes"},
        )
        assert response.status_code in {200, 302, 403}, (t.name, response.status_code)
    assert changed_tables(before, dump()) == []


def test_the_write_attempts_are_real_writes_for_a_superuser(targets):
    """Control: the same change forms, posted by a superuser, do save (so the refusals above
    come from permissions, not from invalid data)."""
    root = Client()
    root.force_login(apps.get_model("auth.User").objects.get(username="sec-root"))
    refused = []
    tried = 0
    for t in targets:
        if not t.editable:
            continue
        tried += 1
        before = dump()
        response = root.post(t.change_url, t.change_data)
        if response.status_code != 302 or dump() == before:
            refused.append(f"{t.name} change: {response.status_code}")
    for t in targets:
        if t.changelist_data:
            tried += 1
            before = dump()
            response = root.post(t.changelist_url, t.changelist_data)
            if response.status_code != 302 or dump() == before:
                refused.append(f"{t.name} list_editable: {response.status_code}")
    assert not refused, refused
    assert tried >= 8


# --- CSRF -------------------------------------------------------------------------------


def test_admin_post_without_csrf_token_is_refused(db):
    editor = f.make_user("edna", group="Editors")
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("admin:drafts_party_add")
    data = {"name": "Sneaky", "short_name": "SN", "slug": "sneaky", "kind": "state"}
    before = dump()
    assert client.post(url, data).status_code == 403
    assert client.post(url, {**data, "csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert changed_tables(before, dump()) == []
    # Control: with the token the page gives, the same post saves.
    token = form_data(client.get(url))["csrfmiddlewaretoken"]
    assert client.post(url, {**data, "csrfmiddlewaretoken": token}).status_code == 302
    assert apps.get_model("drafts.Party").objects.filter(slug="sneaky").exists()


def test_freeze_without_csrf_token_is_refused(plan):
    client = Client(enforce_csrf_checks=True)
    url = reverse("compare:freeze", args=["plan...counter"])
    assert client.post(url).status_code == 403
    assert client.post(url, {"csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert not apps.get_model("compare.FrozenComparison").objects.exists()
    page = client.get(reverse("compare:compare", args=["plan...counter"]))
    token = form_data(page)["csrfmiddlewaretoken"]
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 303


_POST_FORM = re.compile(r"<form\b[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)


def test_every_public_post_form_carries_a_csrf_token(plan):
    client = Client()
    frozen = client.post(reverse("compare:freeze", args=["plan...counter"]))["Location"]
    key = plan["provisions"]["terr1"].key
    pages = [
        "/",
        "/compare/",
        "/drafts/plan/",
        f"/provisions/{key}/",
        "/compare/plan...counter/",
        frozen,
        "/changes/",
    ]
    post_forms = 0
    for url in pages:
        html = client.get(url).content.decode()
        for body in _POST_FORM.findall(html):
            post_forms += 1
            assert 'name="csrfmiddlewaretoken"' in body, url
    assert post_forms >= 1


# --- admin sign-in throttle ---------------------------------------------------------------


@pytest.fixture
def accounts(db):
    return f.make_user("edna", group="Editors"), f.make_user("victor", group="Viewers")


def _login(client, username, password):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def _fail_until_limit(client, username="edna"):
    for attempt in range(settings.LOGIN_FAILURE_LIMIT):
        response = _login(client, username, f"wrong-{attempt}")
        assert response.status_code == 200, attempt  # the form again, with an error


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_admin_login_is_throttled_after_repeated_failures(accounts):
    client = Client()
    _fail_until_limit(client)
    response = _login(client, "edna", "pw")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert not _signed_in(client)
    # Other names from the same client are not affected.
    assert _login(client, "victor", "pw").status_code == 302
    assert _signed_in(client)


def test_login_throttle_is_not_reset_by_changing_the_case_of_the_name(accounts):
    client = Client()
    _fail_until_limit(client)
    assert _login(client, "EDNA", "wrong").status_code == 429


# The throttle builds cache keys from the raw name; with spaces those keys only warn
# (memcached would refuse them). The warning is not what this test is about.
@pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning")
@pytest.mark.parametrize(
    "variant",
    [" edna", "edna ", "\tedna", "ｅｄｎａ"],
    ids=["leading-space", "trailing-space", "leading-tab", "fullwidth-nfkc"],
)
def test_login_throttle_cannot_be_bypassed_by_a_variant_of_the_name(accounts, variant):
    """The sign-in form strips and NFKC-normalises the name before authenticating, so these
    variants all reach the account "edna": once it is throttled, they must be too."""
    client = Client()
    _fail_until_limit(client)
    guesses = [_login(client, variant, f"guess-{i}").status_code for i in range(3)]
    final = _login(client, variant, "pw")
    assert guesses == [429, 429, 429] and final.status_code == 429, (
        f"username {variant!r}: wrong guesses answered {guesses}, the right password "
        f"{final.status_code} (signed in: {_signed_in(client)})"
    )


# --- unpublished drafts -----------------------------------------------------------------


@pytest.fixture
def unpublished(db):
    """A process with two published drafts and an unpublished one with everything attached.

    Every piece of text of the unpublished material carries a marker "hidden-NN".
    """
    process = f.make_process(name="Open process", slug="open-process")
    topic = f.make_topic(name="Borders", code="borders")
    party = f.make_party(name="Open party", slug="open-party")
    a = f.make_draft(process, label="Alpha", slug="alpha", title="Alpha plan")
    b = f.make_draft(process, label="Beta", slug="beta", title="Beta plan")
    a.authors.set([party])
    b.authors.set([party])
    u = f.make_draft(
        process,
        label="hidden-01 label",
        slug="hidden-02-draft",
        title="hidden-03 title",
        summary="<p>hidden-04 summary</p>",
        published=False,
        presented_on=datetime.date(2025, 11, 30),
    )
    u.authors.set([party])
    f.link(u, b)  # the unpublished draft revises a published one…
    c = f.make_draft(process, label="Gamma", slug="gamma", title="Gamma plan")
    f.link(c, u, "answers")  # …and a published one answers it
    pa = f.make_provision(a, label="1", heading="Open heading A", body="<p>Open body A.</p>")
    pb = f.make_provision(b, label="1", heading="Open heading B", body="<p>Open body B.</p>")
    pa.topics.set([topic])
    pb.topics.set([topic])
    pu = f.make_provision(
        u, label="hidden-05", heading="hidden-06 heading", body="<p>hidden-07 body</p>"
    )
    pu.topics.set([topic])
    hidden_source = f.make_source(
        key="hidden-src", outlet="hidden-08 outlet", headline="hidden-09 headline"
    )
    f.cite(pa)
    f.cite(pu, hidden_source, excerpt="hidden-10 excerpt", locator="hidden-11", note="hidden-12")
    f.cite(u, hidden_source, excerpt="hidden-13 excerpt", locator="hidden-14", note="hidden-15")
    shared = f.make_matter(process, code="S1", title="Shared row", topic=topic)
    f.align(shared, pa, "new")
    f.align(shared, pb, "same")
    f.align(shared, pu, "reworded", label="hardened", rationale="hidden-16 rationale")
    own = f.make_matter(process, code="hidden-17", title="hidden-18 title", note="hidden-19")
    f.align(own, pu, "new")
    # Later edits, so the unpublished material also has "changed" history records.
    pu.heading = "hidden-20 heading edited"
    pu.body = "<p>hidden-21 body edited</p>"
    pu.save()
    return {"process": process, "a": a, "b": b, "u": u, "pu": pu, "shared": shared, "own": own}


HIDDEN = re.compile(r"hidden-\d\d", re.I)


def _surfaces(client, world) -> dict[str, list[str]]:
    pa = world["shared"].entries.order_by("pk").first().provision
    frozen = client.post(reverse("compare:freeze", args=["alpha...beta"]))["Location"]
    surfaces = {
        "home": ["/"],
        "compare picker": ["/compare/"],
        "draft pages": ["/drafts/alpha/", "/drafts/beta/", "/drafts/beta/?topic=borders"]
        + ["/drafts/gamma/"],
        "provision page": [f"/provisions/{pa.key}/"],
        "comparison": [
            "/compare/alpha...beta/",
            "/compare/alpha...beta/?topic=borders&changed=1&base=first",
            "/compare/alpha...beta...gamma/?party=open-party",
        ],
        "frozen link": [frozen],
        "changes page": [
            "/changes/",
            "/changes/?process=open-process",
            "/changes/?topic=borders",
            f"/changes/?matter={world['shared'].pk}",
        ],
        "changes feed": [
            "/changes/feed/",
            "/changes/feed/?process=open-process",
            f"/changes/feed/?matter={world['shared'].pk}",
        ],
    }
    positions = []
    for name, args in (
        ("positions:matter", [world["shared"].pk]),
        ("positions:party", ["open-party"]),
    ):
        # Public pages of the positions feature, where it is installed.
        with contextlib.suppress(NoReverseMatch):
            positions.append(reverse(name, args=args))
    if positions:
        surfaces["positions pages"] = positions
    return surfaces


SURFACES = [
    "home",
    "compare picker",
    "draft pages",
    "provision page",
    "comparison",
    "frozen link",
    "changes page",
    "changes feed",
    "positions pages",
]


@pytest.mark.parametrize("surface", SURFACES)
def test_unpublished_material_appears_on_no_public_page(unpublished, surface):
    client = Client()
    urls = _surfaces(client, unpublished).get(surface)
    if urls is None:
        pytest.skip(f"no {surface} in this build")
    leaks = []
    for url in urls:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            assert response.status_code == 200, (url, response.status_code)
            text = response.content.decode()
            found = sorted(set(HIDDEN.findall(text)))
            if found:
                where = sorted(
                    {
                        m.group(0) + ": …" + text[max(0, m.start() - 60) : m.end() + 20] + "…"
                        for m in HIDDEN.finditer(text)
                    }
                )
                leaks.append(
                    f"{url}{' [htmx]' if headers else ''}: {found}\n    " + "\n    ".join(where)
                )
    assert not leaks, "unpublished text on public pages:\n" + "\n".join(leaks)


def test_unpublished_material_urls_give_404(unpublished):
    client = Client()
    pu = unpublished["pu"]
    for url in [
        "/drafts/hidden-02-draft/",
        "/drafts/hidden-02-draft/?topic=borders",
        f"/provisions/{pu.key}/",
        "/compare/alpha...hidden-02-draft/",
        "/compare/beta...hidden-02-draft/?changed=1",
    ]:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            assert response.status_code == 404, (url, response.status_code)
            assert not HIDDEN.search(response.content.decode().replace("hidden-02-draft", "")), url
    response = client.post(reverse("compare:freeze", args=["alpha...hidden-02-draft"]))
    assert response.status_code == 404
    assert not apps.get_model("compare.FrozenComparison").objects.exists()
    picker = client.get("/compare/?d=alpha&d=hidden-02-draft")
    assert picker.status_code == 400
    assert not HIDDEN.search(picker.content.decode().replace("hidden-02-draft", ""))


def test_a_frozen_link_stops_showing_a_draft_once_it_is_unpublished(unpublished):
    client = Client()
    u = unpublished["u"]
    u.published = True
    u.save()
    frozen = client.post(reverse("compare:freeze", args=["beta...hidden-02-draft"]))
    assert frozen.status_code == 303
    assert HIDDEN.search(client.get(frozen["Location"]).content.decode())
    u.published = False
    u.save()
    response = client.get(frozen["Location"])
    assert response.status_code == 410
    assert not HIDDEN.search(response.content.decode())
    assert audit_html(response.content.decode()) == []
