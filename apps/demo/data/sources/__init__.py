"""Every source of fact sheet section 9, one tuple per row, as the fact sheet prints it:

    (key, outlet, headline, date, url, tier)

`key` is the fact sheet's key in lower case (S02b → s02b, SEED-000 → seed-000). `date` is
the fact sheet's own text ("21 Nov", "20–21 Nov", "late Nov", "June", "later 2025", "—"),
read by `apps.demo.loader.parse_fact_sheet_date`; every date is in 2025. `tier` is the
reliability letter, with the fact sheet's parenthetical, if any ("C (mirror of A)"),
which the loader moves to the source's note. URLs are blank where the fact sheet has none.
"""

from __future__ import annotations

from . import april_and_later, europe, geneva, seed, us28

SOURCES = seed.SOURCES + us28.SOURCES + geneva.SOURCES + europe.SOURCES + april_and_later.SOURCES

# Kind of source where it is not a news report (the model's default).
KINDS = {
    "s20b": "analysis",  # "analysis white paper"
}

AUTHORS = {
    "seed-002": "Editor",  # the byline in the file
}

# Facts about a source that its row cannot hold, kept in its note.
NOTES = {
    "seed-000": (
        "Seed article 000_9526d08430a7941e.txt. Outlet inferred from Independent boilerplate in "
        "the file. Cites The Telegraph; also covers Yermak's resignation and Putin's demands "
        "of 27 Nov."
    ),
    "seed-001": (
        "Seed article 001_bd3b8dccead27454.txt. Undated; its content points to about "
        "28–29 Nov 2025. Quotes Yermak to The Atlantic."
    ),
    "seed-002": (
        "Seed article 002_390cdef0d4dc73df.txt. Calls the Geneva result a “revised 28-point "
        "framework”."
    ),
    "seed-003": (
        "Seed article 003_de4e44e288be4eb6.txt. Undated; its content points to 25 Apr 2025. "
        "Contains errors: calls Trump “former President” and dates the Oval Office clash to "
        "“last year”."
    ),
    "seed-004": (
        "Seed article 004_e739565a610091e5.txt. Outlet inferred from an EPA-EFE photo credit "
        "and appended Taiwan news items. About 26 Apr 2025 (“yesterday” = 25 Apr)."
    ),
    "s38": "Same article as S36b; no headline indexed, so its subject is given instead.",
    "s41b": (
        "Relays two Reuters-based articles; the second is at "
        "https://lnginnorthernbc.ca/2025/11/23/"
        "europe-launches-a-counterproposal-to-trumps-peace-plan-these-are-the-changes-it-proposes"
    ),
    "s44c": (
        "Same page as S43, listed for its erroneous summary that the European plan keeps the "
        "army at 600,000. Disregard that figure."
    ),
    "s59b": "Indexed via a mirror.",
    "s29": "The fact sheet's URL is on the Irish Times staging host; no public URL is given.",
    "s73": "The fact sheet's URL is on the Irish Times staging host; no public URL is given.",
    "s67": "The fact sheet's URL is on 112.ua's image host; no article URL is given.",
    "s61": (
        "The fact sheet indexed it via a mirror: https://origin-7.rferl.smart.censorship.guide/"
        "amp/paris-ukraine-peace-talks-rubio-macron-zelenskyy/33388198.html"
    ),
    "s49": "A mirror of a Reuters report; the fact sheet gives no Reuters URL.",
    "s57": "A mirror of a Reuters report; the fact sheet gives no Reuters URL.",
    "s67b": "Indexed via a mirror.",
}
