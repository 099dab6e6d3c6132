"""The Gaza peace process and the parties that author its drafts or state positions.

Parties are shared between processes: a slug already used by the Russia–Ukraine data (the
United States, Russia, the European Union) is the same party, with the same name and kind.
"""

from __future__ import annotations

PROCESS = {
    "name": "Gaza 2025",
    "slug": "gaza-2025",
    "summary": (
        "Drafts for ending the Gaza war exchanged in 2025: the Arab and Muslim states' "
        "conditions, the leaked US 21-point plan, the White House 20-point plan, the "
        "phase-one agreement of 9 October, the Sharm el-Sheikh declaration, UN Security "
        "Council resolution 2803 and (lineage only) the Board of Peace charter of January "
        "2026. The official texts were not among the pages consulted: every text is known "
        "through reprints, relays and mirrors, and the 21-point leak circulated in two "
        "different numberings."
    ),
}

# (slug, name, short name, kind)
PARTIES = [
    ("united-states", "United States", "US", "state"),
    ("israel", "Israel", "IL", "state"),
    ("hamas", "Hamas", "Hamas", "delegation"),
    ("palestinian-authority", "Palestinian Authority", "PA", "delegation"),
    ("egypt", "Egypt", "EG", "state"),
    ("qatar", "Qatar", "QA", "state"),
    ("turkiye", "Türkiye", "TR", "state"),
    ("saudi-arabia", "Saudi Arabia", "SA", "state"),
    ("united-arab-emirates", "United Arab Emirates", "AE", "state"),
    ("jordan", "Jordan", "JO", "state"),
    ("indonesia", "Indonesia", "ID", "state"),
    ("pakistan", "Pakistan", "PK", "state"),
    (
        "arab-muslim-states",
        "Arab and Muslim states (Saudi Arabia, UAE, Qatar, Egypt, Jordan, Türkiye, Indonesia, "
        "Pakistan)",
        "Arab/Muslim 8",
        "bloc",
    ),
    ("european-union", "European Union", "EU", "bloc"),
    ("russia", "Russia", "RU", "state"),
    ("china", "China", "CN", "state"),
    ("un-security-council", "UN Security Council", "UNSC", "organisation"),
    ("board-of-peace", "Board of Peace", "BoP", "organisation"),
]
