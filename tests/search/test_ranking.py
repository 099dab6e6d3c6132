from __future__ import annotations

import datetime

from tests import factories as f

from .conftest import postgres_only, results

URL = "/search/"


@postgres_only
def test_results_are_ranked_by_weight_on_postgres(client, db):
    """Heading beats body, more matches rank higher; an editors-only source note never matches."""
    draft = f.make_draft(slug="ranked", presented_on=datetime.date(2025, 1, 1))
    newer = f.make_draft(slug="newer", presented_on=datetime.date(2025, 6, 1))
    in_body = f.make_provision(newer, heading="Other", body="<p>The lynx clause.</p>")
    in_heading = f.make_provision(draft, heading="Lynx", body="<p>Nothing here.</p>")
    in_both = f.make_provision(draft, heading="Lynx", body="<p>Lynx and lynx again.</p>")
    source = f.make_source(headline="Report", note="Mentions a lynx in passing.")
    f.cite(in_body, source, excerpt="Plain excerpt.")

    found = results(client.get(URL, {"q": "lynx"}))
    keys = [
        r.kind
        if r.kind != "provision"
        else next(p.key for p in (in_both, in_heading, in_body) if p.key in r.html)
        for r in found
    ]
    assert keys == [in_both.key, in_heading.key, in_body.key]


def test_title_matches_come_first_then_newer_drafts(client, db):
    """On both databases: a heading match ranks above a body match, whatever the date."""
    old = f.make_draft(slug="old", presented_on=datetime.date(2024, 1, 1))
    new = f.make_draft(slug="new", presented_on=datetime.date(2025, 1, 1))
    body_new = f.make_provision(new, heading="Other", body="<p>An ocelot here.</p>")
    heading_old = f.make_provision(old, heading="Ocelot", body="<p>Nothing.</p>")
    body_old = f.make_provision(old, heading="Else", body="<p>An ocelot there.</p>")

    found = results(client.get(URL, {"q": "ocelot"}))
    order = [next(p for p in (heading_old, body_new, body_old) if p.key in r.html) for r in found]
    assert order == [heading_old, body_new, body_old]


def test_a_provision_ranks_above_the_citations_that_quote_it(client, db):
    """On both databases: the provision itself comes first, then the citations quoting it,
    the surest source first, though each citation matches in its excerpt (its title)."""
    draft = f.make_draft(slug="quoted", presented_on=datetime.date(2025, 11, 20))
    provision = f.make_provision(
        draft, heading="Army size", body="<p>The army is capped at 600,000 personnel.</p>"
    )
    quote = "The army is capped at 600,000 personnel."
    partisan = f.make_source(outlet="Partisan Daily", reliability="C")
    wire = f.make_source(outlet="Wire Service", reliability="A")
    f.cite(provision, partisan, excerpt=quote)
    f.cite(provision, wire, excerpt=quote)

    for q in ("capped", "army capped 600000"):
        found = results(client.get(URL, {"q": q, "kind": ""}))
        order = [
            "provision"
            if r.kind == "provision"
            else next(o for o in ("Wire", "Partisan") if f"{o} " in r.text)
            for r in found
            if r.kind != "source"
        ]
        assert order[0] == "provision", q
        assert [o for o in order if o != "provision"] == ["Wire", "Partisan"], (q, order)
