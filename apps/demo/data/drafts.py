"""The six drafts of the demo (fact sheet sections 0–5), oldest first.

`kind` is what sort of text it is (a plan when not given). Dates are (ISO date,
precision), or None where no date is known. `numbered_by_source`: the cited outlets number
the points themselves, so a provision's citations get the locator "point N". `parents` is the lineage
as (parent slug, "revises" or "answers"). `sources` are the draft-level citations that
support it (its first report, its text); the reports that contradict its date, authorship
or point count are in `disputes.py`. The provisions are in `provisions/`.
"""

from __future__ import annotations

DRAFTS = [
    {
        "slug": "us-april-framework",
        "title": "US “final offer” peace framework",
        "label": "US April framework",
        "authors": ["united-states"],
        "presented": ("2025-04-17", "day"),
        "reported": ("2025-04-22", "day"),
        "declared_points": None,
        "status": "superseded",
        # Reuters published the full text on 25 April (fact sheet section 0, [S54]).
        "text_basis": "full",
        "numbered_by_source": False,
        "parents": [],
        "summary": (
            "A one-page US document that, according to Axios, the US described as Trump's "
            "“final offer”. It followed Witkoff's meeting with Putin in early April and was "
            "presented to Ukrainian and European officials in Paris on 17 April. Washington "
            "expected Ukraine's answer on 23 April. Reuters published the text on 25 April; "
            "its items are not numbered, so the numbers here are ours. Kyiv rejected legal "
            "recognition of Crimea, and the framework was superseded."
        ),
        "sources": [
            (
                "s52",
                "Axios report relayed: the one-page US “final offer”, with a deadline of 23 April.",
            ),
            ("s53", "Axios: what Russia and Ukraine would gain under the US proposal."),
            ("s60", "On 17 April in Paris the US presented an outline of a durable peace."),
        ],
    },
    {
        "slug": "ua-eu-april-counter",
        "kind": "counter-proposal",
        "title": "Russia–Ukraine Deal Framework: Ukrainian–European counter-proposal",
        "label": "Ukrainian–European April counter",
        "authors": ["ukraine", "united-kingdom", "france", "germany"],
        "presented": ("2025-04-23", "day"),
        "reported": ("2025-04-25", "day"),
        "declared_points": None,
        "status": "superseded",
        # Reuters published the full text on 25 April (fact sheet section 0, [S54][S58]).
        "text_basis": "full",
        "numbered_by_source": False,
        "parents": [("us-april-framework", "answers")],
        "summary": (
            "Ukraine's answer to the US framework, prepared with British, French and German "
            "officials and handed to the US side at the downgraded London talks on 23 April. "
            "It mirrors the US structure in four sections (ceasefire, security guarantees, "
            "territory, economy) but says nothing about recognising Russian sovereignty over "
            "any territory. Reuters published the text on 25 April; the numbers here are ours. "
            "There was no published US reply to it as a text."
        ),
        "sources": [
            ("s58", "Full text of the Ukrainian and European proposals, via Reuters."),
            ("s54", "The Reuters text of the counter-proposal, published 25 April."),
            (
                "s57",
                "The London meeting was downgraded after Ukraine circulated a paper ruling out "
                "territorial talks before a full ceasefire.",
            ),
        ],
    },
    {
        "slug": "us-28-point-plan",
        "title": "US 28-point peace plan (“Witkoff–Dmitriev plan”)",
        "label": "US 28-point plan",
        "authors": ["united-states"],
        "presented": ("2025-11-20", "day"),
        "reported": ("2025-11-19", "day"),
        "declared_points": 28,
        "status": "superseded",
        "text_basis": "full",
        "numbered_by_source": True,
        "parents": [],
        "summary": (
            "Drafted by Witkoff, with Kushner and Rubio involved, after talks with Kirill "
            "Dmitriev of the Russian Direct Investment Fund. Army Secretary Dan Driscoll handed "
            "it to Zelensky in Kyiv on 20 November, and Axios published the full text the same "
            "day. Its authorship and first-report date are disputed. Trump set Thursday "
            "27 November as a deadline, then dropped it on 25 November. Axios also reported a "
            "separate draft US security-guarantee framework. Superseded by the Geneva revision."
        ),
        "sources": [
            (
                "s02",
                "Axios published the full 28 points; drafted by Witkoff after talks with Dmitriev.",
            ),
            (
                "s14",
                "Army Secretary Dan Driscoll handed the plan to Zelensky in Kyiv on 20 November.",
            ),
            ("s20", "Axios also reported a separate draft US security-guarantee framework."),
        ],
    },
    {
        "slug": "e3-counter-proposal",
        "kind": "counter-proposal",
        "title": "E3 (UK–France–Germany) counter-proposal to the US 28 points",
        "label": "E3 counter-proposal",
        "authors": ["united-kingdom", "france", "germany", "e3"],
        "presented": ("2025-11-23", "day"),
        "reported": ("2025-11-23", "day"),
        "declared_points": 28,
        "status": "rejected",
        "text_basis": "partial",
        "numbered_by_source": True,
        "parents": [("us-28-point-plan", "answers")],
        "summary": (
            "A marked-up edit of the US 28 points by the British, French and German national "
            "security advisers, drafted for the Geneva talks. It keeps the US numbering with "
            "point 3 deleted. Reuters saw the text on 23 November; the Kremlin rejected it on "
            "24 November. Only some points could be confirmed in the sources read: points 15, "
            "17, 20, 22, 23, 27 and 28 are not shown."
        ),
        "sources": [
            ("s05", "Reuters' full text of the European counter-proposal."),
            ("s44", "Reuters publishes the Europeans' amendments to the 28 points."),
            ("s36", "Kremlin aide Ushakov rejected the counter-proposal on 24 November."),
        ],
    },
    {
        "slug": "eu-24-point-plan",
        "title": "European 24-point plan (published by The Telegraph)",
        "label": "European 24-point plan",
        "authors": ["united-kingdom", "european-union"],
        # Only "circulated around 23 Nov" (fact sheet section 0): no presentation date is
        # known, so none is stored; the Telegraph published it on 23 Nov [S45][S46].
        "presented": None,
        "reported": ("2025-11-23", "day"),
        "declared_points": 24,
        "status": "proposed",
        "text_basis": "partial",
        "numbered_by_source": True,
        # The fact sheet's lineage puts it after the 28 points, but it was reportedly drawn
        # up earlier in 2025 [S47] (section 4.2): the link is kept and disputed in
        # `disputes.py` ("eu24-lineage").
        "parents": [("us-28-point-plan", "answers")],
        "summary": (
            "A European plan, reported as UK- and EU-led, circulated around 23 November and "
            "published by The Telegraph that day. It is a separate document from the E3 mark-up, reportedly drafted "
            "earlier in 2025, and close to the April Ukrainian–European framework: ceasefire "
            "first, no army limits, Ukraine regains the Zaporizhzhia plant. Points 1–12 and "
            "four unnumbered points were retrieved; the rest were not. It was not adopted."
        ),
        "sources": [
            ("s46", "The 24 points of the European plan, after The Telegraph."),
            ("s46b", "The European counterplan for Ukraine published, 24 points."),
            ("s47", "The 24-point plan was reportedly drawn up earlier in the year."),
        ],
    },
    {
        "slug": "geneva-revision",
        "title": "Revised US–Ukrainian framework after Geneva",
        # The point count is disputed (19 FT / 22 Trump / "revised 28" SEED-002): not in the label.
        "label": "Geneva revision",
        "authors": ["united-states", "ukraine"],
        "presented": ("2025-11-23", "day"),
        "reported": ("2025-11-24", "day"),
        "declared_points": 19,
        "status": "negotiation",
        "text_basis": "reported",
        "numbered_by_source": False,
        # Drafted in Geneva on the US text (section 5). No source says it answers the E3
        # mark-up, so its relations are coded against the 28 points only.
        "parents": [("us-28-point-plan", "revises")],
        "summary": (
            "Drafted by the US and Ukrainian delegations in Geneva on 23 November. Their joint "
            "statement spoke of an “updated and refined peace framework” that must fully uphold "
            "Ukraine's sovereignty, with the final decisions left to the two presidents. The "
            "text is unpublished; the most sensitive issues were left in brackets. It was "
            "reportedly shown to Russian officials in Abu Dhabi on 25 November, and the Kremlin "
            "acknowledged a revised US proposal on 28 November."
        ),
        "sources": [
            ("s26", "US and Ukrainian delegations met in Geneva on 23 November; joint statement."),
            ("s29b", "Belga: the US and Ukraine drafted a new 19-point peace plan."),
        ],
    },
]
