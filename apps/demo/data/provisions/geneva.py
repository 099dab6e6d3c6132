"""Provisions of the revised US–Ukrainian framework after Geneva (fact sheet 5).

The text is unpublished and its numbering unknown, so every label is "—" and each
provision paraphrases what was reported about it. Sanctions are left out: nothing was
reported about them. On frozen assets and the Peace Council only SEED-002 reports anything
(the revised plan keeps both), so those provisions rest on that one source.
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
        "heading": "Army cap reportedly dropped or raised",
        "topics": ["military-limits"],
        # Reports differ (fact sheet section 8, A10: "reportedly dropped or raised"), so the
        # provision is not marked deleted.
        "state": "paraphrased",
        "body": (
            "Reports differ. The restriction on the size of Ukraine's army was reportedly "
            "omitted from the revised points; a White House official told the New York Times "
            "only that the army-size, territory and NATO-troops clauses had been revised."
        ),
        "sources": ["s33", "s34"],
    },
    {
        "key": "gen-foreign-forces",
        "label": "—",
        "heading": "NATO-troops clause reportedly revised",
        "topics": ["nato", "nato-foreign-forces"],
        "state": "paraphrased",
        "body": (
            "The clause on NATO troops was reportedly revised, according to a White House "
            "official quoted by the New York Times. How it was revised was not reported."
        ),
        "sources": ["s34"],
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
    {
        "key": "gen-frozen-assets",
        "label": "—",
        "heading": "Frozen assets: US$100bn for reconstruction (one report)",
        "topics": ["frozen-assets"],
        "state": "paraphrased",
        "body": (
            "One report says the revised plan still funds reconstruction from US$100bn of "
            "frozen Russian assets. It does not mention the US profit share or a European "
            "contribution."
        ),
        "sources": ["seed-002"],
    },
    {
        "key": "gen-peace-council",
        "label": "—",
        "heading": "Peace Council chaired by Trump (one report)",
        "topics": ["implementation"],
        "state": "paraphrased",
        "body": (
            "One report says the revised plan keeps a Peace Council chaired by President Trump "
            "to oversee it."
        ),
        "sources": ["seed-002"],
    },
]
