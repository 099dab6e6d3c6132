"""Key terms the fact sheet gives (sections 1–5): numbers and terms, by provision key.

Each row: (provision key, code, name, number or None, text for a term that is not a number,
unit, note). The same code in two drafts is compared side by side, so a term keeps its code
and unit in every draft.
"""

from __future__ import annotations

ARMY = ("army-cap", "Army cap")
ELECTIONS = ("elections-within", "Elections within")
FUND = ("frozen-assets-us-fund", "Frozen Russian assets into a US-led fund")
PROFIT = ("us-profit-share", "US share of the fund's profit")
EUROPE = ("european-contribution", "European contribution")
ZNPP = ("znpp-power-to-ukraine", "Zaporizhzhia NPP power to Ukraine")

KEY_TERMS = [
    # Army size (fact sheet 1.2 point 6, 2.2 point 6, 3 point 6, 4.1 point 11, 5).
    ("uaeu-6", *ARMY, None, "no limit", "", "No restrictions on Ukraine's defence forces."),
    (
        "us28-6",
        *ARMY,
        600000,
        "",
        "troops",
        "Current strength is reported as about 800,000–880,000 (estimates vary).",
    ),
    ("e3-6", *ARMY, 800000, "", "troops", "In peacetime."),
    ("eu24-11", *ARMY, None, "no limit", "", "Including the defence industry."),
    ("gen-army", *ARMY, None, "omitted (reported)", "", "Conflicts with SEED-002 (600,000)."),
    # Elections (2.2 point 25, 3 point 25).
    (
        "us28-25",
        *ELECTIONS,
        100,
        "",
        "days",
        "Some outlets: 100 days after the deal takes effect or after approval.",
    ),
    ("e3-25", *ELECTIONS, None, "as soon as possible after signing", "", ""),
    # Frozen Russian assets (2.2 point 14, 3 point 14).
    ("us28-14", *FUND, 100, "", "USD bn", ""),
    ("us28-14", *PROFIT, 50, "", "%", ""),
    ("us28-14", *EUROPE, 100, "", "USD bn", ""),
    ("e3-14", *FUND, None, "dropped", "", "Assets stay frozen until Russia compensates."),
    ("e3-14", *PROFIT, None, "dropped", "", ""),
    ("uaeu-14", *FUND, None, "none", "", "Assets stay frozen until Russia pays for the damage."),
    # Zaporizhzhia NPP (2.2 point 19, 3 point 19, 4.1).
    ("us28-19", *ZNPP, 50, "", "%", "Split 50/50 with Russia, under IAEA supervision."),
    ("e3-19", *ZNPP, 50, "", "%", "Split 50/50 with Russia, under IAEA supervision."),
    ("eu24-npp", *ZNPP, None, "full control", "", "Ukraine regains the plant."),
]
