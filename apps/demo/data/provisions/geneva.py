"""Provisions of the revised US–Ukrainian framework after Geneva (fact sheet 5).

The text is unpublished and its numbering unknown, so every label is "—" and each
provision paraphrases what was reported about it. Frozen assets and sanctions are left out:
nothing was reported about them.
"""

from __future__ import annotations

GENEVA = [
    {
        "key": "gen-territory",
        "label": "—",
        "heading": "Territory left to the presidents",
        "topics": ["territory"],
        "state": "bracketed",
        "body": (
            "Territory is placed in brackets for the two presidents to decide. Ukraine's team "
            "said it had no mandate to cede land, which under the constitution would need a "
            "referendum."
        ),
        "sources": ["s29", "s29b", "seed-001"],
    },
    {
        "key": "gen-nato",
        "label": "—",
        "heading": "NATO questions left to the presidents",
        "topics": ["nato"],
        "state": "bracketed",
        "body": (
            "Relations among NATO, Russia and the United States are placed in brackets for the "
            "presidents."
        ),
        "sources": ["s29"],
    },
    {
        "key": "gen-army",
        "label": "—",
        "heading": "Army cap omitted",
        "topics": ["military-limits"],
        "state": "deleted",
        "body": (
            "The restriction on the size of Ukraine's army was reportedly omitted from the "
            "revised points. A White House official told the New York Times that the army-size, "
            "territory and NATO-troops clauses had been revised."
        ),
        "sources": ["s33", "s34"],
    },
    {
        "key": "gen-amnesty",
        "label": "—",
        "heading": "Amnesty omitted",
        "topics": ["amnesty"],
        "state": "deleted",
        "body": "The amnesty provision was reportedly omitted.",
        "sources": ["s33"],
    },
    {
        "key": "gen-guarantees",
        "label": "—",
        "heading": "Guarantees and economic recovery",
        "topics": ["security-guarantees", "reconstruction"],
        "state": "paraphrased",
        "body": (
            "Security guarantees, long-term economic development and the protection of "
            "infrastructure are addressed, according to the White House."
        ),
        "sources": ["s28", "s26b"],
    },
    {
        "key": "gen-sovereignty",
        "label": "—",
        "heading": "Sovereignty upheld",
        "topics": ["sovereignty"],
        "state": "paraphrased",
        "body": (
            "Any deal must fully uphold Ukraine's sovereignty, according to the joint US–"
            "Ukrainian statement."
        ),
        "sources": ["s26", "s27"],
    },
    {
        "key": "gen-navigation",
        "label": "—",
        "heading": "Freedom of navigation",
        "topics": ["navigation"],
        "state": "paraphrased",
        "body": "Freedom of navigation is addressed, according to the White House.",
        "sources": ["s28"],
    },
]
