"""Provisions of the US 28-point plan (fact sheet 2.2), numbered as in the Axios/AP texts.

Sources that report a point differently are not listed here but in `disputes.py`. SEED-002
is cited on points 14 and 27 only for what it says about the *revised* plan (fact sheet 2.2,
corrected rows 14 and 27): `disputes.LOCATORS` says so on those citations.
"""

from __future__ import annotations

US_28 = [
    {
        "key": "us28-1",
        "label": "1",
        "heading": "Sovereignty confirmed",
        "topics": ["sovereignty"],
        "state": "known",
        "body": "Ukraine's sovereignty is confirmed.",
        "sources": ["s01", "s02", "s03"],
    },
    {
        "key": "us28-2",
        "label": "2",
        "heading": "Non-aggression agreement",
        "topics": ["sovereignty"],
        "state": "known",
        "body": (
            "Russia, Ukraine and Europe conclude a comprehensive non-aggression agreement, and "
            "the disputes of the past 30 years are treated as settled."
        ),
        "sources": ["s01", "s02"],
    },
    {
        "key": "us28-3",
        "label": "3",
        "heading": "No invasion, no NATO enlargement",
        "topics": ["nato", "nato-membership"],
        "state": "known",
        "body": (
            "An expectation that Russia will not invade its neighbours and that NATO will not "
            "enlarge further."
        ),
        "sources": ["s01", "s02"],
    },
    {
        "key": "us28-4",
        "label": "4",
        "heading": "Russia–NATO dialogue",
        "topics": ["nato"],
        "state": "known",
        "body": (
            "A US-mediated dialogue between Russia and NATO on all security issues, "
            "de-escalation and future economic cooperation."
        ),
        "sources": ["s01", "s02"],
    },
    {
        "key": "us28-5",
        "label": "5",
        "heading": "Reliable security guarantees",
        "topics": ["security-guarantees"],
        "state": "known",
        "body": "Ukraine receives reliable security guarantees, which are not specified.",
        "sources": ["s01", "s10"],
    },
    {
        "key": "us28-6",
        "label": "6",
        "heading": "Army cap of 600,000",
        "topics": ["military-limits"],
        "state": "known",
        "body": (
            "Ukraine's armed forces are capped at 600,000 personnel, below their current strength."
        ),
        "sources": ["s01", "s10"],
    },
    {
        "key": "us28-7",
        "label": "7",
        "heading": "NATO membership ruled out",
        "topics": ["nato", "nato-membership"],
        "state": "known",
        "body": (
            "Ukraine writes non-membership of NATO into its constitution, and NATO writes into "
            "its statutes that Ukraine will never be admitted."
        ),
        "sources": ["s01", "s02"],
    },
    {
        "key": "us28-8",
        "label": "8",
        "heading": "No NATO troops in Ukraine",
        "topics": ["nato", "nato-foreign-forces"],
        "state": "known",
        "body": "NATO undertakes not to station troops in Ukraine.",
        "sources": ["s01", "s02"],
    },
    {
        "key": "us28-9",
        "label": "9",
        "heading": "European jets in Poland",
        "topics": ["nato", "nato-foreign-forces"],
        "state": "known",
        "body": "European fighter jets are based in Poland.",
        "sources": ["s01", "s02"],
    },
    {
        "key": "us28-10",
        "label": "10",
        "heading": "Terms of the US guarantee",
        "topics": ["security-guarantees"],
        "state": "known",
        "body": (
            "Terms of the US guarantee: (a) the US is compensated for it; (b) Ukraine loses it "
            "if it invades Russia; (c) if Russia invades again, there is a coordinated "
            "military response, all global sanctions return, and recognition of the new "
            "territory and the deal's other benefits are revoked; (d) an unprovoked Ukrainian "
            "missile launch at Moscow or St Petersburg voids the guarantee."
        ),
        "sources": ["s01", "s02", "s03"],
    },
    {
        "key": "us28-11",
        "label": "11",
        "heading": "EU eligibility and market access",
        "topics": ["eu"],
        "state": "known",
        "body": (
            "Ukraine is eligible for EU membership and gets short-term preferential access to "
            "the EU market while its case is considered."
        ),
        "sources": ["s01", "s12b"],
    },
    {
        "key": "us28-12",
        "label": "12",
        "heading": "Global rebuilding package",
        "topics": ["reconstruction"],
        "state": "known",
        "body": (
            "A large global rebuilding package: a Ukraine development fund for high-growth "
            "sectors, US–Ukraine cooperation on rebuilding and running gas infrastructure "
            "(pipelines, storage), and reconstruction of war-damaged areas. The sub-points "
            "were only partly retrieved."
        ),
        "sources": ["s10", "s03b"],
    },
    {
        "key": "us28-13",
        "label": "13",
        "heading": "Russia's reintegration and G8",
        "topics": ["sanctions"],
        "state": "known",
        "body": (
            "Russia is reintegrated into the world economy: sanctions relief comes in stages; "
            "a long-term US–Russia economic cooperation agreement covers energy, rare-earth "
            "extraction in the Arctic and other sectors; and Russia is invited back into the "
            "G8."
        ),
        "sources": ["s10", "s20"],
    },
    {
        "key": "us28-14",
        "label": "14",
        "heading": "Frozen assets: US$100bn fund",
        "topics": ["frozen-assets"],
        "state": "known",
        "body": (
            "US$100bn of frozen Russian assets go into US-led reconstruction and investment in "
            "Ukraine, with the US taking 50% of the profit, and Europe adds US$100bn. Frozen "
            "European funds are unfrozen. The rest of the Russian funds go into a separate "
            "US–Russian investment vehicle meant to give both sides a stake in not returning "
            "to war."
        ),
        "sources": ["s07", "s07b", "s07c", "seed-002"],
    },
    {
        "key": "us28-15",
        "label": "15",
        "heading": "US–Russian security working group",
        "topics": ["implementation"],
        "state": "known",
        "body": "A joint US–Russian working group on security promotes and enforces the agreement.",
        "sources": ["s09", "s12c"],
    },
    {
        "key": "us28-16",
        "label": "16",
        "heading": "Non-aggression written into Russian law",
        "topics": ["sovereignty"],
        "state": "known",
        "body": "Russia writes a policy of non-aggression towards Europe and Ukraine into law.",
        "sources": ["s09", "s12c"],
    },
    {
        "key": "us28-17",
        "label": "17",
        "heading": "Arms-control treaties extended",
        "topics": ["arms-control"],
        "state": "known",
        "body": ("The US and Russia extend nuclear non-proliferation and arms-control treaties."),
        "sources": ["s09", "s13"],
    },
    {
        "key": "us28-18",
        "label": "18",
        "heading": "Non-nuclear Ukraine",
        "topics": ["arms-control"],
        "state": "known",
        "body": "Ukraine stays a non-nuclear state under the Non-Proliferation Treaty.",
        "sources": ["s09", "s10"],
    },
    {
        "key": "us28-19",
        "label": "19",
        "heading": "Zaporizhzhia NPP: 50/50 split",
        "topics": ["nuclear-plant"],
        "state": "known",
        "body": (
            "The Zaporizhzhia nuclear power plant is restarted under IAEA supervision, and its "
            "power is split 50/50 between Russia and Ukraine."
        ),
        "sources": ["s09", "s11", "s12"],
    },
    {
        "key": "us28-20",
        "label": "20",
        "heading": "Tolerance, languages and religion",
        "topics": ["identity"],
        "state": "known",
        "body": (
            "Both countries run school and public programmes that promote tolerance and reject "
            "racism: (a) Ukraine adopts EU rules on religious tolerance and the protection of "
            "linguistic minorities; (b) both lift discriminatory measures and guarantee rights "
            "for Ukrainian and Russian media and education; (c) Nazi ideology and activity are "
            "rejected and banned."
        ),
        "sources": ["s09", "s09c"],
    },
    {
        "key": "us28-21",
        "label": "21",
        "heading": "Crimea, Donbas, Kherson and Zaporizhzhia",
        "topics": ["territory", "territory-crimea", "territory-donbas", "territory-south"],
        "state": "known",
        "body": (
            "(a) Crimea, Luhansk and Donetsk are recognised as de facto Russian, including by "
            "the United States. (b) Kherson and Zaporizhzhia are frozen along the line of "
            "contact, which amounts to de facto recognition along that line. (c) Russia gives "
            "up the other areas it holds outside those five regions. (d) Ukraine withdraws "
            "from the part of Donetsk oblast it holds; that area becomes a neutral "
            "demilitarised buffer zone, internationally recognised as Russian, which Russian "
            "troops will not enter."
        ),
        "sources": ["s08", "s09b", "s02b", "seed-000"],
    },
    {
        "key": "us28-22",
        "label": "22",
        "heading": "No change by force",
        "topics": ["territory"],
        "state": "known",
        "body": (
            "Once future territorial arrangements are agreed, both sides commit not to change "
            "them by force. Security guarantees lapse for a side that breaches this."
        ),
        "sources": ["s08", "s09b"],
    },
    {
        "key": "us28-23",
        "label": "23",
        "heading": "Dnipro and Black Sea grain",
        "topics": ["navigation"],
        "state": "known",
        "body": (
            "Russia does not obstruct Ukraine's commercial use of the Dnipro, and there are "
            "arrangements for free grain shipping across the Black Sea."
        ),
        "sources": ["s08", "s09b"],
    },
    {
        "key": "us28-24",
        "label": "24",
        "heading": "Humanitarian committee",
        "topics": ["humanitarian"],
        "state": "known",
        "body": (
            "A humanitarian committee: all-for-all exchange of prisoners and remains; return "
            "of all civilian detainees and hostages, including children; family reunification; "
            "and measures for victims."
        ),
        "sources": ["s08"],
    },
    {
        "key": "us28-25",
        "label": "25",
        "heading": "Elections within 100 days",
        "topics": ["governance"],
        "state": "known",
        "body": "Ukraine holds elections within 100 days.",
        "sources": ["s08", "s10"],
    },
    {
        "key": "us28-26",
        "label": "26",
        "heading": "Full amnesty",
        "topics": ["amnesty"],
        "state": "known",
        "body": (
            "Full amnesty for all parties for their actions during the war, and a waiver of "
            "future claims and complaints."
        ),
        "sources": ["s08"],
    },
    {
        "key": "us28-27",
        "label": "27",
        "heading": "Peace Council chaired by Trump",
        "topics": ["implementation"],
        "state": "known",
        "body": (
            "The agreement is legally binding. A “Peace Council” chaired by President Trump "
            "(also rendered “Board of Peace”) monitors and guarantees it, and violators face "
            "sanctions."
        ),
        "sources": ["s08", "s12d", "seed-002"],
    },
    {
        "key": "us28-28",
        "label": "28",
        "heading": "Ceasefire on pull-back",
        "topics": ["ceasefire"],
        "state": "known",
        "body": (
            "Once all parties agree, the ceasefire takes effect immediately after both sides "
            "pull back to agreed positions to start implementation."
        ),
        "sources": ["s08", "s12e"],
    },
]
