"""Editors' notes on the items of the data-quality report that stay as they are in the demo
(`apps.quality`): why each one cannot be fixed from the fact sheet.

Rows: (list, kind of object, natural key, note). The list is a `apps.quality.models.Check`
value; the kind is "provision" (found by key) or "source" (found by key).
"""

from __future__ import annotations

C_ONLY = "c-only"
SOURCE_URL = "source-url"


def _c_only(section: str, sources: str) -> str:
    return (
        f"The fact sheet ({section}) cites only grade-C sources for this: {sources}. "
        "Kept marked until an A or B source reports it."
    )


_REUTERS_COPY = (
    "S54 relays the Reuters text of 25 April (a copy of an A source), but is itself grade C"
)

NOTES = [
    (C_ONLY, "provision", "usapr-1", _c_only("1.1, row 1", f"S54. {_REUTERS_COPY}")),
    (C_ONLY, "provision", "usapr-2", _c_only("1.1, row 2", f"S54. {_REUTERS_COPY}")),
    (C_ONLY, "provision", "usapr-5", _c_only("1.1, row 5", "S52 (a copy of Axios), S54")),
    (C_ONLY, "provision", "usapr-9", _c_only("1.1, row 9", "S54, S53b")),
    (C_ONLY, "provision", "usapr-13", _c_only("1.1, row 13", "S52, S54; SEED-003 differs")),
    (C_ONLY, "provision", "usapr-14", _c_only("1.1, row 14", "S52, S54")),
    (C_ONLY, "provision", "usapr-elections", _c_only("1.1, last row", "S66, a relay")),
    (C_ONLY, "provision", "us28-12", _c_only("2.2, row 12", "S10, S03b, cf. S41b")),
    (C_ONLY, "provision", "us28-13", _c_only("2.2, corrected row 13", "S10, S20")),
    (C_ONLY, "provision", "us28-14", _c_only("2.2, corrected row 14", "S07, S07b, S07c")),
    (C_ONLY, "provision", "us28-18", _c_only("2.2, row 18", "S09, S10")),
    (C_ONLY, "provision", "us28-20", _c_only("2.2, row 20", "S09, S09c")),
    (C_ONLY, "provision", "e3-12", _c_only("3, row 12", "S43, S41b")),
    (C_ONLY, "provision", "e3-13", _c_only("3, row 13", "S41b, S42b, S63b, S50b")),
    (C_ONLY, "provision", "e3-16", _c_only("3, row 16", "S41b")),
    (C_ONLY, "provision", "e3-18", _c_only("3, row 18", "S41b")),
    (C_ONLY, "provision", "e3-19", _c_only("3, row 19", "S11, S41b")),
    (C_ONLY, "provision", "e3-24", _c_only("3, row 24", "S41b")),
    (C_ONLY, "provision", "eu24-npp", _c_only("4.1, unnumbered", "S46d, S49b, S50b")),
    (C_ONLY, "provision", "eu24-navigation", _c_only("4.1, unnumbered", "S46d, S50b")),
    (C_ONLY, "provision", "gen-army", _c_only("5, army size", "S33, S34 (C relays)")),
    (C_ONLY, "provision", "gen-foreign-forces", _c_only("5, army size row", "S34")),
    (C_ONLY, "provision", "gen-amnesty", _c_only("5, amnesty", "S33")),
    (C_ONLY, "provision", "gen-guarantees", _c_only("5, guarantees", "S28, S26b")),
    (C_ONLY, "provision", "gen-navigation", _c_only("5, White House readout", "S28")),
    (C_ONLY, "provision", "gen-frozen-assets", _c_only("5, frozen assets", "SEED-002")),
    (C_ONLY, "provision", "gen-peace-council", _c_only("2.2 row 27 and 5", "SEED-002")),
    (
        SOURCE_URL,
        "source",
        "s29",
        "The fact sheet gives only this staging-host URL; marked in the outlet as a copy.",
    ),
    (
        SOURCE_URL,
        "source",
        "s73",
        "The fact sheet gives only this staging-host URL; marked in the outlet as a copy.",
    ),
    (
        SOURCE_URL,
        "source",
        "s67",
        "The fact sheet gives only this image-host URL; marked in the outlet as a copy.",
    ),
    (
        SOURCE_URL,
        "source",
        "s49",
        "A mirror of a Reuters report; the fact sheet gives no Reuters URL. Marked as a mirror.",
    ),
    (
        SOURCE_URL,
        "source",
        "s57",
        "A mirror of a Reuters report; the fact sheet gives no Reuters URL. Marked as a mirror.",
    ),
    *[
        (
            SOURCE_URL,
            "source",
            f"seed-00{n}",
            "A seed article supplied as a file in the reference articles; it has no URL.",
        )
        for n in range(5)
    ],
]
