"""Editors' notes on the Gaza items of the data-quality report that stay as they are: the
provisions the fact sheet rests on grade-C sources only (marked "(C only)" there or cited
only to C rows). Rows 1.3 b and 1.4 i rest on C sources in their tables, but the disputes of
section 5 (X10, X17) add B sources that report them. Same shape as the Russia–Ukraine `quality.py`."""

from __future__ import annotations

from apps.demo.data.quality import C_ONLY, SOURCE_URL


def _c_only(section: str, sources: str) -> str:
    return (
        f"The Gaza fact sheet ({section}) cites only grade-C sources for this: {sources}. "
        "Kept marked until an A or B source reports it."
    )


NOTES = [
    (
        C_ONLY,
        "provision",
        "gaza21-stabilization-force",
        _c_only("1.1, ISF row", "G37, G31 (a ToI mirror)"),
    ),
    (C_ONLY, "provision", "gaza20-14", _c_only("1.2, row 14", "G09, G13")),
    (C_ONLY, "provision", "gaza20-17", _c_only("1.2, row 17", "G08, G09")),
    (C_ONLY, "provision", "gaza20-18", _c_only("1.2, row 18", "G09")),
    (C_ONLY, "provision", "gazap1-h", _c_only("1.3, row h", "G96")),
    (C_ONLY, "provision", "gaza2803-h", _c_only("1.4, row h", "G114 (a ToI mirror)")),
    (
        SOURCE_URL,
        "source",
        "g120b",
        "The fact sheet gives only this CDN address of the Saudi Gazette article.",
    ),
]
