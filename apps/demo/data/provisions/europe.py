"""Provisions of the two European documents of 23 November 2025.

E3 mark-up (fact sheet 3): it keeps the US numbering. Points 15, 17, 20, 22, 23, 27 and 28
could not be confirmed in the sources read, so they are left out rather than guessed.

European 24-point plan (fact sheet 4.1): points 1–12 as numbered in the English versions
[S46][S46b]; four more points were retrieved without their numbers (label "—"); the rest
were not retrieved.
"""

from __future__ import annotations

E3 = [
    {
        "key": "e3-1",
        "label": "1",
        "heading": "Sovereignty reconfirmed",
        "topics": ["sovereignty"],
        "state": "known",
        "body": "Ukraine's sovereignty is reconfirmed.",
        "sources": ["s05", "s44"],
    },
    {
        "key": "e3-2",
        "label": "2",
        "heading": "Non-aggression with NATO",
        "topics": ["sovereignty"],
        "state": "known",
        "body": (
            "A full non-aggression agreement between Russia, Ukraine and NATO; the disputes of "
            "the past 30 years are resolved."
        ),
        "sources": ["s05", "s44", "s43"],
    },
    {
        "key": "e3-3",
        "label": "3",
        "heading": "Non-enlargement clause deleted",
        "topics": ["nato", "nato-membership"],
        "state": "deleted",
        "body": (
            "Deleted. The E3 text removes the US clause expecting that Russia will not invade "
            "its neighbours and that NATO will not enlarge further."
        ),
        "sources": ["s05", "s44"],
    },
    {
        "key": "e3-4",
        "label": "4",
        "heading": "Russia–NATO dialogue after signing",
        "topics": ["nato"],
        "state": "known",
        "body": "A dialogue between Russia and NATO convenes after a peace agreement is signed.",
        "sources": ["s05", "s44"],
    },
    {
        "key": "e3-5",
        "label": "5",
        "heading": "Robust security guarantees",
        "topics": ["security-guarantees"],
        "state": "known",
        "body": "Ukraine receives robust security guarantees.",
        "sources": ["s05"],
    },
    {
        "key": "e3-6",
        "label": "6",
        "heading": "Army cap of 800,000 in peacetime",
        "topics": ["military-limits"],
        "state": "known",
        "body": "Ukraine's military is capped at 800,000 in peacetime.",
        "sources": ["s04", "s05", "s06", "s14b"],
    },
    {
        "key": "e3-7",
        "label": "7",
        "heading": "NATO membership by consensus",
        "topics": ["nato", "nato-membership"],
        "state": "known",
        "body": (
            "Ukraine's NATO membership depends on a consensus of the members, which does not "
            "currently exist."
        ),
        "sources": ["s05", "s44", "s48"],
    },
    {
        "key": "e3-8",
        "label": "8",
        "heading": "No permanent NATO troops in peacetime",
        "topics": ["nato", "nato-foreign-forces"],
        "state": "known",
        "body": (
            "NATO does not permanently station troops under its command in Ukraine in peacetime."
        ),
        "sources": ["s05", "s44"],
    },
    {
        "key": "e3-9",
        "label": "9",
        "heading": "NATO jets in Poland",
        "topics": ["nato", "nato-foreign-forces"],
        "state": "known",
        "body": "NATO fighter jets are based in Poland.",
        "sources": ["s05", "s44"],
    },
    {
        "key": "e3-10",
        "label": "10",
        "heading": "US guarantee mirroring Article 5",
        "topics": ["security-guarantees"],
        "state": "known",
        "body": (
            "A US security guarantee mirroring NATO's Article 5: (a) the US is compensated for "
            "it; (b) Ukraine loses it if it invades Russia; (c) a renewed Russian invasion "
            "brings a military response, reinstated sanctions and the loss of the deal's "
            "benefits."
        ),
        "sources": ["s05", "s44", "s43"],
    },
    {
        "key": "e3-11",
        "label": "11",
        "heading": "EU eligibility and market access",
        "topics": ["eu"],
        "state": "known",
        "body": (
            "Ukraine is eligible for EU membership, with short-term preferential access to the "
            "EU market while its application is assessed."
        ),
        "sources": ["s44", "s43"],
    },
    {
        "key": "e3-12",
        "label": "12",
        "heading": "Recovery package",
        "topics": ["reconstruction"],
        "state": "known",
        "body": (
            "A recovery package, including a development fund and a partnership on Ukraine's "
            "gas infrastructure."
        ),
        "sources": ["s43", "s41b"],
    },
    {
        "key": "e3-13",
        "label": "13",
        "heading": "Reintegration and G8 return",
        "topics": ["sanctions"],
        "state": "known",
        "body": (
            "Russia is gradually reintegrated into the global economy and invited back into the G8."
        ),
        "sources": ["s41b", "s42b", "s63b"],
    },
    {
        "key": "e3-14",
        "label": "14",
        "heading": "Assets frozen until Russia compensates",
        "topics": ["frozen-assets"],
        "state": "known",
        "body": (
            "Ukraine is fully rebuilt and compensated, including through Russian sovereign "
            "assets, which stay frozen until Russia compensates Ukraine."
        ),
        "sources": ["s06", "s04", "s45c"],
    },
    {
        "key": "e3-16",
        "label": "16",
        "heading": "Non-aggression written into Russian law",
        "topics": ["sovereignty"],
        "state": "known",
        "body": "Russia writes non-aggression towards Europe and Ukraine into law.",
        "sources": ["s41b"],
    },
    {
        "key": "e3-18",
        "label": "18",
        "heading": "Non-nuclear Ukraine",
        "topics": ["arms-control"],
        "state": "known",
        "body": "Ukraine stays non-nuclear under the Non-Proliferation Treaty.",
        "sources": ["s41b"],
    },
    {
        "key": "e3-19",
        "label": "19",
        "heading": "Zaporizhzhia NPP: 50/50 split",
        "topics": ["nuclear-plant"],
        "state": "known",
        "body": (
            "The Zaporizhzhia nuclear power plant restarts under IAEA supervision, with its "
            "power split 50/50."
        ),
        "sources": ["s11", "s41b"],
    },
    {
        "key": "e3-21",
        "label": "21",
        "heading": "Talks from the line of contact",
        "topics": ["territory"],
        "state": "known",
        "body": (
            "Ukraine commits not to retake occupied land by military means. Negotiations on "
            "territorial swaps start from the line of contact."
        ),
        "sources": ["s06", "s04", "s48b", "s41b", "seed-000"],
    },
    {
        "key": "e3-24",
        "label": "24",
        "heading": "Humanitarian committee",
        "topics": ["humanitarian"],
        "state": "known",
        "body": "A humanitarian committee is set up to settle outstanding issues.",
        "sources": ["s41b"],
    },
    {
        "key": "e3-25",
        "label": "25",
        "heading": "Elections as soon as possible",
        "topics": ["governance"],
        "state": "known",
        "body": "Elections are held as soon as possible after the agreement is signed.",
        "sources": ["s42", "s45d"],
    },
    {
        "key": "e3-26",
        "label": "26",
        "heading": "Amnesty reportedly dropped (unverified)",
        "topics": ["amnesty"],
        # Not "deleted": the deletion was reported by a headline summary and CNN-based
        # comparisons but not verified in the primary text (fact sheet section 3, row 26).
        "state": "paraphrased",
        "body": (
            "Reportedly dropped: a headline summary and CNN-based comparisons say the E3 text "
            "has no full-amnesty clause. This is not verified in the primary text."
        ),
        "sources": ["s41b", "s41", "s42"],
    },
]

EU_24 = [
    {
        "key": "eu24-1",
        "label": "1",
        "heading": "End the war and prevent recurrence",
        "topics": ["sovereignty"],
        "state": "known",
        "body": (
            "End the war, with arrangements that prevent it from recurring, as a lasting basis "
            "for peace and security."
        ),
        "sources": ["s46", "s46b"],
    },
    {
        "key": "eu24-2",
        "label": "2",
        "heading": "Unconditional ceasefire",
        "topics": ["ceasefire"],
        "state": "known",
        "body": "A full, unconditional ceasefire in the air, on land and at sea.",
        "sources": ["s46", "s46b"],
    },
    {
        "key": "eu24-3",
        "label": "3",
        "heading": "Technical talks on monitoring",
        "topics": ["ceasefire"],
        "state": "known",
        "body": "Immediate technical talks on monitoring, with the US and European states.",
        "sources": ["s46"],
    },
    {
        "key": "eu24-4",
        "label": "4",
        "heading": "US-led monitoring",
        "topics": ["ceasefire"],
        "state": "known",
        "body": (
            "US-led international monitoring by Ukraine's partners, mostly remote (satellites, "
            "drones), with a flexible ground element."
        ),
        "sources": ["s46", "s46b"],
    },
    {
        "key": "eu24-5",
        "label": "5",
        "heading": "Violations mechanism",
        "topics": ["ceasefire"],
        "state": "known",
        "body": (
            "A mechanism for reporting and investigating violations and for agreeing remedies."
        ),
        "sources": ["s46"],
    },
    {
        "key": "eu24-6",
        "label": "6",
        "heading": "Return of children",
        "topics": ["humanitarian"],
        "state": "known",
        "body": (
            "Russia returns all deported or displaced Ukrainian children, supported by "
            "international partners."
        ),
        "sources": ["s46"],
    },
    {
        "key": "eu24-7",
        "label": "7",
        "heading": "Prisoner exchange",
        "topics": ["humanitarian"],
        "state": "known",
        "body": (
            "Prisoners of war are exchanged all for all, and Russia frees civilian detainees."
        ),
        "sources": ["s46"],
    },
    {
        "key": "eu24-8",
        "label": "8",
        "heading": "Relief and family visits",
        "topics": ["humanitarian"],
        "state": "known",
        "body": (
            "Once the ceasefire holds, humanitarian relief, including family visits across the "
            "line of contact."
        ),
        "sources": ["s46", "s46b"],
    },
    {
        "key": "eu24-9",
        "label": "9",
        "heading": "No forced neutrality",
        "topics": ["sovereignty"],
        "state": "known",
        "body": "Ukraine's sovereignty is respected, and it is not forced into neutrality.",
        "sources": ["s46"],
    },
    {
        "key": "eu24-10",
        "label": "10",
        "heading": "Article 5-like US guarantee",
        "topics": ["security-guarantees"],
        "state": "known",
        "body": (
            "Robust, legally binding security guarantees, including a US commitment on the "
            "model of NATO's Article 5."
        ),
        "sources": ["s46", "s46b"],
    },
    {
        "key": "eu24-11",
        "label": "11",
        "heading": "No limits on the armed forces",
        "topics": ["military-limits"],
        "state": "known",
        "body": (
            "No limits on Ukraine's armed forces or defence industry, including its "
            "international cooperation."
        ),
        "sources": ["s46", "s46c", "s47b"],
    },
    {
        "key": "eu24-12",
        "label": "12",
        "heading": "Guarantors and friendly forces",
        "topics": ["security-guarantees", "nato-foreign-forces"],
        "state": "known",
        "body": (
            "The guarantors are an ad hoc group of European and non-European states, and "
            "Ukraine may invite friendly forces."
        ),
        "sources": ["s46", "s46b"],
    },
    {
        "key": "eu24-nato",
        "label": "—",
        "heading": "NATO membership by consensus",
        "topics": ["nato", "nato-membership"],
        "state": "known",
        "body": ("NATO accession depends on a consensus within the alliance; it is not excluded."),
        "sources": ["s46c", "s46b"],
    },
    {
        "key": "eu24-territory",
        "label": "—",
        "heading": "Talks from the line of contact",
        "topics": ["territory"],
        "state": "known",
        "body": (
            "Territorial talks start from the current line of contact. Once borders are "
            "agreed, both sides commit not to change them by force."
        ),
        "sources": ["s46d", "s46c"],
    },
    {
        "key": "eu24-npp",
        "label": "—",
        "heading": "Ukraine regains the NPP",
        "topics": ["nuclear-plant"],
        "state": "known",
        "body": (
            "Ukraine regains control of the Zaporizhzhia nuclear power plant and the Kakhovka dam."
        ),
        "sources": ["s46d", "s49b", "s50b"],
    },
    {
        "key": "eu24-navigation",
        "label": "—",
        "heading": "Kinburn Spit and the Dnipro",
        "topics": ["navigation"],
        "state": "known",
        "body": "Ukraine regains the Kinburn Spit and unhindered passage on the Dnipro.",
        "sources": ["s46d", "s50b"],
    },
]
