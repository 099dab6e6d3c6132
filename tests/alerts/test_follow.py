"""Following with double opt-in, and the bad input around it: clear 4xx, nothing half-way."""

from __future__ import annotations

import time
from unittest import mock

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from apps.alerts import tokens
from apps.alerts.digests import run
from apps.alerts.models import Subscription
from tests import factories as f

from .conftest import SITE_URL, as_received, links, outbox, path_of, subscribe, text_of

ADDRESS = "Reader@Example.ORG"
STORED = "reader@example.org"


def follow_url(kind: str, ref) -> str:
    return reverse("alerts:follow", args=[kind, ref])


def post_follow(client, kind, ref, email=ADDRESS, frequency="daily", **extra):
    return client.post(follow_url(kind, ref), {"email": email, "frequency": frequency}, **extra)


def confirm_link() -> str:
    [message] = outbox()
    [link] = [u for u in links(text_of(as_received(message))) if "/alerts/confirm/" in u]
    return path_of(link)


@pytest.fixture
def targets(plan):
    draft = plan["drafts"][0]
    matter = plan["matters"][2]
    return {
        "draft": (draft.slug, draft.get_absolute_url()),
        "matter": (matter.pk, reverse("positions:matter", args=[matter.pk])),
        "party": ("united-states", reverse("positions:party", args=["united-states"])),
        "process": ("test-process", reverse("positions:matrix", args=["test-process"])),
    }


@pytest.mark.parametrize("kind", ["draft", "matter", "party", "process"])
def test_each_public_page_has_a_follow_form_that_works_without_javascript(client, targets, kind):
    ref, page = targets[kind]
    html = client.get(page).content.decode()
    action = follow_url(kind, ref)
    assert f'<form class="follow-form" method="post" action="{action}">' in html
    assert 'name="csrfmiddlewaretoken"' in html.split(action, 1)[1].split("</form>", 1)[0]

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(page)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        action, {"email": ADDRESS, "frequency": "weekly", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("alerts:sent", args=[kind, ref])
    assert len(outbox()) == 1
    # Without the token the post is refused.
    assert Client(enforce_csrf_checks=True).post(action, {"email": ADDRESS}).status_code == 403


def test_double_opt_in_stores_nothing_and_sends_nothing_else_before_confirmation(
    client, plan, targets
):
    ref, page = targets["matter"]
    response = post_follow(client, "matter", ref, follow=True)
    assert "Check your inbox" in response.content.decode()
    [message] = outbox()
    received = as_received(message)
    assert received["To"] == STORED
    assert received["Subject"] == "Confirm: follow matter A16 Territory on PeaceTracker"
    assert f"{SITE_URL}{page}" in text_of(received)
    assert Subscription.objects.count() == 0

    # A change to the followed matter, and a digest run: still only the confirmation.
    provision = plan["provisions"]["terr1"]
    provision.body = "<p>Crimea recognised de facto.</p>"
    provision.save()
    run()
    assert len(outbox()) == 1

    # Opening the link only asks; a mail scanner's GET confirms nothing.
    link = confirm_link()
    page_html = client.get(link).content.decode()
    assert "Confirm: follow matter A16 Territory" in page_html
    assert Subscription.objects.count() == 0

    response = client.post(link)
    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.kind, subscription.object_id) == (
        STORED,
        "matter",
        plan["matters"][2].pk,
    )
    assert subscription.frequency == "daily"
    assert "You follow matter A16 Territory" in client.get(response["Location"]).content.decode()


def test_an_expired_confirmation_link_is_a_410_and_stores_nothing(client, targets):
    ref, _ = targets["draft"]
    with mock.patch("time.time", return_value=time.time() - 4 * 86400):
        post_follow(client, "draft", ref)
    link = confirm_link()
    for response in (client.get(link), client.post(link)):
        assert response.status_code == 410
        assert "This confirmation link has expired" in response.content.decode()
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize(
    "tamper",
    [
        lambda t: t[:-3] + ("aaa" if not t.endswith("aaa") else "bbb"),  # signature changed
        lambda t: t[:20],  # cut short
        lambda t: "." + t[1:].replace("e", "f", 1),  # payload changed
        lambda t: "not-a-token",
        lambda t: signing.dumps(1, salt="alerts.unsubscribe"),  # another kind of signed value
        lambda t: signing.dumps({"e": "x@example.org"}, salt=tokens.CONFIRM_SALT),  # incomplete
    ],
)
def test_a_tampered_confirmation_link_is_a_400_and_stores_nothing(client, targets, tamper):
    ref, _ = targets["draft"]
    post_follow(client, "draft", ref)
    link = confirm_link()
    token = link.split("/")[-2]
    bad = reverse("alerts:confirm", args=[tamper(token)])
    for response in (client.get(bad), client.post(bad)):
        assert response.status_code == 400
        assert "not valid" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_a_second_subscription_for_the_same_address_and_object_is_a_409(client, plan, targets):
    ref, _ = targets["draft"]
    post_follow(client, "draft", ref)
    link = confirm_link()
    client.post(link)
    outbox().clear()

    # Asking again (any spelling of the address): refused, no email.
    response = post_follow(client, "draft", ref, email="READER@example.org")
    assert response.status_code == 409
    assert "already follows the draft Plan" in response.content.decode()
    assert outbox() == []
    # Confirming the same link again: refused, still one row.
    response = client.post(link)
    assert response.status_code == 409
    assert Subscription.objects.count() == 1
    # The same address may follow another object.
    assert post_follow(client, "draft", "counter").status_code == 302


def test_two_pending_links_for_the_same_object_store_one_subscription(client, targets):
    ref, _ = targets["party"]
    post_follow(client, "party", ref)
    post_follow(client, "party", ref, frequency="weekly")
    first, second = (
        path_of(next(u for u in links(text_of(as_received(m))) if "/confirm/" in u))
        for m in outbox()
    )
    assert client.post(first).status_code == 302
    assert client.post(second).status_code == 409
    assert Subscription.objects.get().frequency == "daily"


@pytest.mark.parametrize(
    "kind, ref",
    [
        ("draft", "no-such-draft"),
        ("matter", "999999"),
        ("matter", "a16"),
        ("party", "nobody"),
        ("process", "no-process"),
        ("provision", "abc"),
        ("topic", "territory"),
    ],
)
def test_an_unknown_object_is_a_404_page_and_sends_nothing(client, plan, kind, ref):
    for response in (client.get(follow_url(kind, ref)), post_follow(client, kind, ref)):
        assert response.status_code == 404
        assert "There is nothing published to follow" in response.content.decode()
    assert outbox() == []


def test_unpublished_material_cannot_be_followed_nor_confirmed(client, plan, targets):
    hidden = f.make_draft(plan["process"], label="Secret", slug="secret", published=False)
    assert post_follow(client, "draft", hidden.slug).status_code == 404
    assert outbox() == []

    # A link asked for while the draft was public, confirmed after it was unpublished.
    ref, _ = targets["draft"]
    post_follow(client, "draft", ref)
    link = confirm_link()
    plan["drafts"][0].published = False
    plan["drafts"][0].save()
    assert client.post(link).status_code == 404
    assert Subscription.objects.count() == 0


@pytest.mark.parametrize(
    "data, error",
    [
        ({"email": "not an address", "frequency": "daily"}, "Enter a valid email address."),
        ({"email": "", "frequency": "daily"}, "This field is required."),
        ({"email": "a@example.org", "frequency": "hourly"}, "Select a valid choice."),
        ({"email": "a@example.org" + "x" * 300, "frequency": "daily"}, "at most 254"),
    ],
)
def test_a_bad_form_is_a_400_page_saying_what_is_wrong(client, targets, data, error):
    ref, _ = targets["draft"]
    response = client.post(follow_url("draft", ref), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert error in html
    # The address typed is not written back into the page.
    assert data["email"] not in html or not data["email"]
    assert outbox() == []


def test_follow_requests_are_limited_per_client(client, targets, settings):
    settings.ALERT_RATE_LIMIT = 2
    ref, _ = targets["draft"]
    assert post_follow(client, "draft", ref, email="a@example.org").status_code == 302
    assert post_follow(client, "draft", ref, email="b@example.org").status_code == 302
    response = post_follow(client, "draft", ref, email="c@example.org")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Too many follow requests from here" in response.content.decode()
    assert len(outbox()) == 2
    # Another client is not affected.
    other = post_follow(client, "draft", ref, email="c@example.org", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_follow_requests_are_limited_per_address_whatever_the_client(client, targets, settings):
    settings.ALERT_ADDRESS_RATE_LIMIT = 2
    ref, _ = targets["draft"]
    for n, kind_ref in enumerate([("draft", ref), ("party", "e3")]):
        response = post_follow(client, *kind_ref, REMOTE_ADDR=f"10.0.0.{n + 1}")
        assert response.status_code == 302
    response = post_follow(client, "process", "test-process", REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    assert "Too many follow requests for this address" in response.content.decode()
    assert len(outbox()) == 2
    # Another address from the same client is not affected.
    response = post_follow(client, "process", "test-process", email="other@example.org")
    assert response.status_code == 302


def test_a_mail_server_failure_is_a_503_page_and_stores_nothing(client, targets, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": 9, "timeout": 2},
        }
    }
    ref, _ = targets["draft"]
    response = post_follow(client, "draft", ref)
    assert response.status_code == 503
    assert "could not be sent just now" in response.content.decode()
    assert Subscription.objects.count() == 0


def test_unsubscribe_asks_on_get_and_deletes_the_address_on_post(client, plan):
    draft, matter = plan["drafts"][0], plan["matters"][0]
    mine = subscribe(STORED, "draft", draft)
    subscribe(STORED, "matter", matter, "weekly")
    theirs = subscribe("other@example.org", "draft", draft)
    url = reverse("alerts:unsubscribe", args=[mine.unsubscribe_key])

    html = client.get(url).content.decode()
    assert "Stop all alerts to this address?" in html
    assert Subscription.objects.count() == 3

    # RFC 8058: the mail client posts "List-Unsubscribe=One-Click", with no CSRF token.
    one_click = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200
    assert "Unsubscribed" in one_click.content.decode()
    assert list(Subscription.objects.values_list("pk", flat=True)) == [theirs.pk]
    # Again: the link matches no address any more.
    again = client.post(url)
    assert again.status_code == 404
    assert "it was used already" in again.content.decode()


@pytest.mark.parametrize("change", [lambda k: k[:-1], lambda k: k[:-1] + "!", lambda k: "x" * 22])
def test_a_tampered_unsubscribe_link_is_a_4xx_and_deletes_nothing(client, plan, change):
    key = subscribe(STORED, "draft", plan["drafts"][0]).unsubscribe_key
    url = f"/alerts/u/{change(key)}/"
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 404
    assert Subscription.objects.count() == 1


def test_the_address_is_never_on_a_page_export_or_feed(client, plan, targets):
    ref, page = targets["draft"]
    post_follow(client, "draft", ref)
    link = confirm_link()
    pages = [link, reverse("alerts:sent", args=["draft", ref])]
    client.post(link)
    subscription = Subscription.objects.get()
    pages += [
        reverse("alerts:confirmed", args=["draft", ref]),
        reverse("alerts:unsubscribe", args=[subscription.unsubscribe_key]),
        page,
        "/",
        reverse("history:changes"),
        reverse("history:feed"),
        reverse("exports:process", args=["test-process", "json"]),
        *(p for _, p in targets.values()),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.getvalue().decode().lower()
        assert STORED not in body, url
        assert "reader%40example.org" not in body, url
