"""The topic taxonomy of fact sheet section 7, in table order, plus a few subtopics."""

from __future__ import annotations

# (code, name, covers); the fact sheet's codes are SOVEREIGNTY, TERRITORY, … in this order.
TOPICS = [
    (
        "sovereignty",
        "Sovereignty & non-aggression",
        "Confirming sovereignty, non-aggression pacts, laws renouncing aggression, "
        "“end of war / non-recurrence”",
    ),
    (
        "territory",
        "Territory & lines",
        "Crimea, Donbas, Kherson/Zaporizhzhia, buffer or demilitarised zones, swaps, "
        "line-of-contact basis, no change by force",
    ),
    (
        "ceasefire",
        "Ceasefire & sequencing",
        "Ceasefire terms, pull-back to agreed positions, monitoring mechanisms, technical talks",
    ),
    (
        "military-limits",
        "Military limits",
        "Army caps, limits (or no limits) on forces, defence industry, long-range weapons",
    ),
    (
        "nato",
        "NATO / alliances & foreign forces",
        "Membership, enlargement, stationing of troops and jets, Russia–NATO dialogue",
    ),
    (
        "security-guarantees",
        "Security guarantees",
        "US or allied guarantees, Article 5-like clauses, guarantor groups, conditions for voiding",
    ),
    ("eu", "EU accession & market access", "Membership path, preferential market access"),
    (
        "reconstruction",
        "Reconstruction & economic development",
        "Development funds, gas infrastructure, minerals deal, compensation (not asset-specific)",
    ),
    (
        "frozen-assets",
        "Frozen Russian assets",
        "Use or retention of immobilised Russian sovereign assets",
    ),
    (
        "sanctions",
        "Sanctions & Russia's reintegration",
        "Sanctions relief or snap-back, G8 return, US–Russia economic cooperation",
    ),
    (
        "nuclear-plant",
        "Zaporizhzhia NPP & critical infrastructure",
        "ZNPP control and power split, Kakhovka dam",
    ),
    (
        "arms-control",
        "Non-nuclear status & arms control",
        "NPT status, START-type treaty extension",
    ),
    ("navigation", "Navigation & trade routes", "Dnipro passage, Black Sea grain, Kinburn Spit"),
    (
        "humanitarian",
        "Humanitarian / prisoners / children",
        "POW exchange, civilian detainees, deported children, family reunification",
    ),
    (
        "identity",
        "Language, religion, education",
        "Minority-language and religious rules, media and education rights, bans on extremist "
        "ideology",
    ),
    ("governance", "Elections & governance", "Election timing; referendum questions"),
    ("amnesty", "Amnesty & accountability", "War-time amnesty, waiver of claims, aid audits"),
    (
        "implementation",
        "Implementation & enforcement",
        "Peace Council or board, legal bindingness, joint working groups, penalties for violations",
    ),
]

# (code, name, parent code, covers)
SUBTOPICS = [
    ("territory-crimea", "Crimea", "territory", "Status and recognition of Crimea"),
    ("territory-donbas", "Donbas", "territory", "Luhansk and Donetsk oblasts"),
    (
        "territory-south",
        "Kherson & Zaporizhzhia",
        "territory",
        "The Russian-held parts of Kherson and Zaporizhzhia oblasts",
    ),
    ("nato-membership", "Membership", "nato", "Ukraine's NATO membership and NATO enlargement"),
    (
        "nato-foreign-forces",
        "Foreign forces & stationing",
        "nato",
        "Stationing of foreign troops and jets, friendly forces in Ukraine",
    ),
]
