"""Every kind of public page, with the demo data loaded: what the outside checkers read."""

from __future__ import annotations

from django.urls import reverse

from apps.alignment.models import Matter
from apps.drafts.models import Draft, Party, PeaceProcess, Provision

PROCESS = "russia-ukraine-2025"
TWO = "us-28-point-plan...e3-counter-proposal"
THREE = "us-28-point-plan...e3-counter-proposal...geneva-revision"


def compare(spec: str, query: str = "") -> str:
    url = reverse("compare:compare", args=[spec])
    return f"{url}?{query}" if query else url


def public_pages() -> list[tuple[str, str, int]]:
    """(name, URL, expected status) for one or more of every public page, from the url conf.

    Frozen links need a POST first: see `frozen_link`.
    """
    drafts = list(Draft.objects.filter(published=True))  # the comparison's own column order
    provisions = [
        Provision.objects.filter(draft=d, published=True).order_by("position").first()
        for d in drafts
    ]
    # The public matters (a published matter with no provision, such as Gaza's M25, has no page).
    matters = list(Matter.objects.published().order_by("pk"))
    parties = list(Party.objects.order_by("slug"))
    process = PeaceProcess.objects.get(slug=PROCESS)
    matter = matters[0]
    position_party = matter.positions.values_list("party__slug", flat=True).first()
    pages = [
        ("home", reverse("drafts:home"), 200),
        ("compare picker", reverse("compare:pick"), 200),
        ("compare 2", compare(TWO), 200),
        ("compare 3", compare(THREE), 200),
        ("compare 3 filtered", compare(THREE, "topic=territory&changed=1&base=first"), 200),
        ("compare 3 by party", compare(THREE, "party=e3&conflict=1"), 200),
        # All of one process's drafts (drafts of two processes are never compared).
        ("compare all", compare("...".join(d.slug for d in drafts if d.process == process)), 200),
        ("print view", reverse("pictures:compare-print", args=[THREE]), 200),
        ("heat map", reverse("pictures:heatmap", args=[process.slug]), 200),
        ("timeline", reverse("pictures:timeline", args=[process.slug]), 200),
        ("search empty", reverse("search:search"), 200),
        ("search", reverse("search:search") + "?q=army", 200),
        ("search filtered", reverse("search:search") + "?q=territory&reliability=A", 200),
        ("changes", reverse("history:changes"), 200),
        ("changes by topic", reverse("history:changes") + "?topic=territory", 200),
        ("400 search filter", reverse("search:search") + "?topic=nowhere", 400),
        ("404", "/no/such/page/", 404),
        ("404 draft", reverse("drafts:draft", args=["no-such-draft"]), 404),
        ("400 compare filter", compare(TWO, "topic=nowhere"), 400),
        ("400 compare spec", compare("us-28-point-plan"), 400),
        ("follow a process", reverse("alerts:follow", args=["process", process.slug]), 200),
        ("follow a matter", reverse("alerts:follow", args=["matter", matters[0].pk]), 200),
        ("follow: check inbox", reverse("alerts:sent", args=["process", process.slug]), 200),
        ("404 follow", reverse("alerts:follow", args=["draft", "no-such-draft"]), 404),
        ("404 unsubscribe", reverse("alerts:unsubscribe", args=["x" * 22]), 404),
    ]
    pages += [(f"draft {d.slug}", d.get_absolute_url(), 200) for d in drafts]
    pages += [
        (f"draft {drafts[0].slug} by topic", drafts[0].get_absolute_url() + "?topic=territory", 200)
    ]
    pages += [
        (f"provision {p.key}", reverse("drafts:provision", args=[p.key]), 200)
        for p in provisions
        if p is not None
    ]
    pages += [(f"matter {m.code}", reverse("positions:matter", args=[m.pk]), 200) for m in matters]
    pages += [(f"party {p.slug}", reverse("positions:party", args=[p.slug]), 200) for p in parties]
    pages += [
        ("embed compare 3", reverse("compare:embed", args=[THREE]) + "?topic=territory", 200),
        ("embed matter", reverse("compare:matter-embed", args=[matter.pk]), 200),
        ("embed 404", reverse("compare:matter-embed", args=[999999]), 404),
    ]
    if position_party:
        pages.append(
            (
                "party history on a matter",
                reverse("positions:history", args=[matter.pk, position_party]),
                200,
            )
        )
    return pages


def frozen_link(client, spec: str = THREE, **filters) -> str:
    """Make a permanent link of a comparison and return its address."""
    response = client.post(reverse("compare:freeze", args=[spec]), filters)
    assert response.status_code == 303, response.status_code
    return response["Location"]
