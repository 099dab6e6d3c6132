"""Sources: the five seed articles (fact sheet 9.1), keyed by their file in `articles/`.

The fact sheet gives no reliability tier for them; the tiers below apply its definitions
to the apparent outlet (The Independent: A; Taipei Times: B; unidentified outlets: C).
Undated articles are stored to the month their content points to.
"""

from __future__ import annotations

# (key, outlet, headline, date, url, tier): see the package docstring.
SOURCES = [
    (
        "seed-000",
        "The Independent (UK), apparent",
        "[No headline in file] Trump could recognise Crimea and other occupied areas",
        "28 Nov",
        "",
        "A",
    ),
    (
        "seed-001",
        "Unidentified outlet (rewrite of Telegraph reporting)",
        "[No headline in file] US recognition, the 28→19 point change and the revised plan",
        "Nov",
        "",
        "C",
    ),
    (
        "seed-002",
        "Unidentified outlet",
        "Trump's Envoy to Meet Putin on Russia - Ukraine Peace Plan",
        "26 Nov",
        "",
        "C",
    ),
    (
        "seed-003",
        "Unidentified outlet",
        "[No headline in file] Zelensky holds the line on Crimea; Witkoff–Putin meeting",
        "Apr",
        "",
        "C",
    ),
    (
        "seed-004",
        "Taipei Times, apparent",
        "[No headline in file] Witkoff meets Putin; US wants Ukraine to keep its army",
        "Apr",
        "",
        "B",
    ),
]
