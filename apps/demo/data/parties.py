"""The peace process and the parties that author drafts."""

from __future__ import annotations

PROCESS = {
    "name": "Russia–Ukraine 2025",
    "slug": "russia-ukraine-2025",
    "summary": (
        "Drafts of a settlement of the Russia–Ukraine war exchanged in 2025. None of them was "
        "ever officially published in full by a government: every text is a leaked or reported "
        "version, so wording differs between outlets and translations, and point numbers are "
        "those reported by the cited outlet."
    ),
}

# (slug, name, short name, kind)
PARTIES = [
    ("united-states", "United States", "US", "state"),
    ("ukraine", "Ukraine", "UA", "state"),
    ("russia", "Russia", "RU", "state"),
    ("united-kingdom", "United Kingdom", "UK", "state"),
    ("france", "France", "FR", "state"),
    ("germany", "Germany", "DE", "state"),
    ("european-union", "European Union", "EU", "bloc"),
    ("e3", "E3 (United Kingdom, France, Germany)", "E3", "bloc"),
]
