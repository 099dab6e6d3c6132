"""Cross-draft alignment (fact sheet section 8): one matter per row A01–A27.

Each entry is (provision key, relation). The relation compares the provision with its
counterpart in the draft it answers or revises: the US 28-point plan for the E3 mark-up,
the 24-point plan and the Geneva revision; the US April framework for the Ukrainian–European
April counter. Both US plans start their lineage, so their provisions are "new". Where one
draft has several provisions in a row, each is "split". Cells marked "?" or "—" in the
fact sheet have no entry.
"""

from __future__ import annotations

SAME = "same"
REWORDED = "reworded"
SPLIT = "split"
NEW = "new"
REMOVED = "removed"

MATTERS = [
    {
        "code": "A01",
        "title": "Sovereignty confirmed",
        "topic": "sovereignty",
        "note": "",
        "entries": [
            ("us28-1", NEW),
            ("e3-1", SAME),
            ("eu24-9", REWORDED),
            ("gen-sovereignty", SAME),
        ],
    },
    {
        "code": "A02",
        "title": "Non-aggression pact",
        "topic": "sovereignty",
        "note": "",
        "entries": [("us28-2", NEW), ("e3-2", REWORDED), ("eu24-1", REWORDED)],
    },
    {
        "code": "A03",
        "title": "Russia's non-aggression in law",
        "topic": "sovereignty",
        "note": "",
        "entries": [("us28-16", NEW), ("e3-16", SAME)],
    },
    {
        "code": "A04",
        "title": "NATO non-enlargement",
        "topic": "nato",
        "note": "",
        "entries": [("us28-3", NEW), ("e3-3", REMOVED)],
    },
    {
        "code": "A05",
        "title": "Russia–NATO dialogue",
        "topic": "nato",
        "note": "",
        "entries": [("us28-4", NEW), ("e3-4", REWORDED), ("gen-nato", REWORDED)],
    },
    {
        "code": "A06",
        "title": "General security guarantees",
        "topic": "security-guarantees",
        "note": "",
        "entries": [
            ("usapr-3", NEW),
            ("uaeu-5", REWORDED),
            ("us28-5", NEW),
            ("e3-5", SAME),
            ("eu24-10", REWORDED),
            ("gen-guarantees", REWORDED),
        ],
    },
    {
        "code": "A07",
        "title": "US guarantee terms / Article 5",
        "topic": "security-guarantees",
        "note": "",
        "entries": [("uaeu-5", NEW), ("us28-10", NEW), ("e3-10", REWORDED), ("eu24-10", REWORDED)],
    },
    {
        "code": "A08",
        "title": "Guarantor coalition / foreign forces",
        "topic": "security-guarantees",
        "note": "",
        "entries": [
            ("usapr-3", NEW),
            ("uaeu-7", REWORDED),
            ("us28-8", NEW),
            ("e3-8", REWORDED),
            ("eu24-12", REWORDED),
            ("gen-foreign-forces", REWORDED),
        ],
    },
    {
        "code": "A09",
        "title": "Fighter jets in Poland",
        "topic": "nato",
        "note": "",
        "entries": [("us28-9", NEW), ("e3-9", REWORDED)],
    },
    {
        "code": "A10",
        "title": "Army size",
        "topic": "military-limits",
        "note": "Four distinct values: 600,000; 800,000 in peacetime; no limit; and unknown.",
        "entries": [
            ("usapr-15", NEW),
            ("uaeu-6", REWORDED),
            ("us28-6", NEW),
            ("e3-6", REWORDED),
            ("eu24-11", REWORDED),
            # "Reportedly dropped or raised" (section 8): changed, not known to be removed.
            ("gen-army", REWORDED),
        ],
    },
    {
        "code": "A11",
        "title": "NATO membership",
        "topic": "nato",
        "note": "A hard ban versus membership that depends on NATO consensus.",
        "entries": [
            ("usapr-4", NEW),
            ("uaeu-5", REWORDED),
            ("us28-7", NEW),
            ("e3-7", REWORDED),
            ("eu24-nato", REWORDED),
            ("gen-nato", REWORDED),
        ],
    },
    {
        "code": "A12",
        "title": "EU accession",
        "topic": "eu",
        "note": "",
        "entries": [("usapr-5", NEW), ("uaeu-8", SAME), ("us28-11", NEW), ("e3-11", SAME)],
    },
    {
        "code": "A13",
        "title": "Reconstruction package",
        "topic": "reconstruction",
        "note": "",
        "entries": [
            ("usapr-11", SPLIT),
            ("usapr-12", SPLIT),
            ("uaeu-13", SAME),
            ("us28-12", NEW),
            ("e3-12", SAME),
            ("gen-guarantees", REWORDED),
        ],
    },
    {
        "code": "A14",
        "title": "Frozen assets",
        "topic": "frozen-assets",
        "note": "A US-led investment fund versus assets held frozen until Russia compensates.",
        "entries": [
            ("uaeu-14", NEW),
            ("us28-14", NEW),
            ("e3-14", REWORDED),
            ("gen-frozen-assets", REWORDED),
        ],
    },
    {
        "code": "A15",
        "title": "Sanctions relief / G8",
        "topic": "sanctions",
        "note": "",
        "entries": [
            ("usapr-13", SPLIT),
            ("usapr-14", SPLIT),
            ("uaeu-15", REWORDED),
            ("us28-13", NEW),
            ("e3-13", SAME),
        ],
    },
    {
        "code": "A16",
        "title": "Territorial settlement",
        "topic": "territory",
        "note": "Pre-recognition of Russian control versus talks starting from the line of contact.",
        "entries": [
            ("usapr-6", SPLIT),
            ("usapr-7", SPLIT),
            ("usapr-8", SPLIT),
            ("uaeu-9", SPLIT),
            ("uaeu-10", SPLIT),
            ("us28-21", NEW),
            ("e3-21", REWORDED),
            ("eu24-territory", REWORDED),
            ("gen-territory", REWORDED),
        ],
    },
    {
        "code": "A17",
        "title": "No change by force",
        "topic": "territory",
        "note": "",
        # The 24-point plan has the no-change-by-force pledge but not the lapse of guarantees
        # for a side that breaches it.
        "entries": [("us28-22", NEW), ("eu24-territory", REWORDED)],
    },
    {
        "code": "A18",
        "title": "Zaporizhzhia NPP",
        "topic": "nuclear-plant",
        "note": "A 50/50 split under the IAEA, US operation, or Ukrainian control.",
        "entries": [
            ("usapr-9", NEW),
            ("uaeu-11", REWORDED),
            ("us28-19", NEW),
            ("e3-19", SAME),
            ("eu24-npp", REWORDED),
        ],
    },
    {
        "code": "A19",
        "title": "Dnipro / Black Sea / Kinburn",
        "topic": "navigation",
        "note": "",
        "entries": [
            ("usapr-10", NEW),
            ("uaeu-12", SAME),
            ("us28-23", NEW),
            ("eu24-navigation", REWORDED),
            ("gen-navigation", REWORDED),
        ],
    },
    {
        "code": "A20",
        "title": "Non-nuclear status & arms control",
        "topic": "arms-control",
        "note": "",
        "entries": [("us28-17", SPLIT), ("us28-18", SPLIT), ("e3-18", SAME)],
    },
    {
        "code": "A21",
        "title": "Humanitarian",
        "topic": "humanitarian",
        "note": "",
        "entries": [
            ("uaeu-4", NEW),
            ("us28-24", NEW),
            ("e3-24", SAME),
            ("eu24-6", SPLIT),
            ("eu24-7", SPLIT),
            ("eu24-8", SPLIT),
        ],
    },
    {
        "code": "A22",
        "title": "Identity (language, religion, education)",
        "topic": "identity",
        "note": "",
        "entries": [("us28-20", NEW)],
    },
    {
        "code": "A23",
        "title": "Elections",
        "topic": "governance",
        "note": "A 100-day deadline versus “as soon as possible”.",
        "entries": [("usapr-elections", NEW), ("us28-25", NEW), ("e3-25", REWORDED)],
    },
    {
        "code": "A24",
        "title": "Amnesty",
        "topic": "amnesty",
        "note": "Full amnesty versus none.",
        "entries": [("us28-26", NEW), ("e3-26", REMOVED), ("gen-amnesty", REMOVED)],
    },
    {
        "code": "A25",
        "title": "Peace Council / enforcement",
        "topic": "implementation",
        "note": "",
        "entries": [("us28-27", NEW), ("gen-peace-council", SAME)],
    },
    {
        "code": "A26",
        "title": "US–Russia security working group",
        "topic": "implementation",
        "note": "",
        "entries": [("us28-15", NEW)],
    },
    {
        "code": "A27",
        "title": "Ceasefire & monitoring",
        "topic": "ceasefire",
        "note": "",
        "entries": [
            ("usapr-1", SPLIT),
            ("usapr-2", SPLIT),
            ("uaeu-1", SPLIT),
            ("uaeu-2", SPLIT),
            ("uaeu-3", SPLIT),
            ("us28-28", NEW),
            ("eu24-2", SPLIT),
            ("eu24-3", SPLIT),
            ("eu24-4", SPLIT),
            ("eu24-5", SPLIT),
        ],
    },
]

# Editor labels, where the change from the counterpart is clear: (matter, provision) →
# (label, one-line rationale). One convention for every label, stated on the comparison
# page: labels are read from Ukraine's side. "Softened": the terms ask less of Ukraine or
# give it more than the counterpart; "hardened": they ask more of it or give it less;
# "neutral": left open or no change in substance. An empty label with a rationale explains
# a relation without judging it.
LABELS = {
    ("A04", "e3-3"): ("softened", "Drops the US expectation that NATO will not enlarge further."),
    ("A07", "e3-10"): (
        "",
        "Adds the Article 5 framing; the US sub-point (d) on missiles at Moscow or St Petersburg "
        "is not in the reproductions seen.",
    ),
    ("A08", "e3-8"): (
        "softened",
        "Bans only permanent NATO-commanded troops in peacetime, not any stationing; leaves "
        "room for a coalition force.",
    ),
    ("A08", "eu24-12"): (
        "softened",
        "Ukraine may invite friendly forces; the US text bans NATO troops.",
    ),
    ("A10", "e3-6"): (
        "softened",
        "Raises the cap on Ukraine's army from 600,000 to 800,000 in peacetime.",
    ),
    ("A10", "eu24-11"): (
        "softened",
        "No limits at all on Ukraine's forces; the US text caps them at 600,000.",
    ),
    ("A10", "gen-army"): (
        "softened",
        "The 600,000 cap is reportedly dropped or raised; reports differ, and one source still "
        "lists 600,000.",
    ),
    ("A11", "uaeu-5"): (
        "softened",
        "Leaves NATO membership to allied consensus instead of Ukraine pledging not to seek it.",
    ),
    ("A11", "e3-7"): (
        "softened",
        "Membership depends on NATO consensus instead of a constitutional and NATO-statute ban.",
    ),
    ("A11", "eu24-nato"): ("softened", "Accession depends on NATO consensus and is not excluded."),
    ("A05", "gen-nato"): ("neutral", "Left in brackets for the two presidents."),
    ("A11", "gen-nato"): ("neutral", "Left in brackets for the two presidents."),
    ("A14", "e3-14"): (
        "softened",
        "Better for Ukraine: Russian assets stay frozen until Russia compensates it; the US-led "
        "fund and the US–Russia vehicle are dropped.",
    ),
    ("A15", "uaeu-15"): (
        "softened",
        "Better for Ukraine: sanctions are eased only gradually once peace holds, with "
        "snap-back, instead of lifted.",
    ),
    ("A24", "e3-26"): (
        "",
        "Reported removed by summaries; not verified in the primary text.",
    ),
    ("A17", "eu24-territory"): (
        "",
        "Keeps the pledge not to change borders by force, without the lapse of guarantees for "
        "a side that breaches it.",
    ),
    ("A16", "uaeu-9"): (
        "softened",
        "No recognition of Russian control; territory is discussed only after a full ceasefire.",
    ),
    ("A16", "e3-21"): (
        "softened",
        "No pre-recognition of Russian control and no withdrawal from Donbas; talks start from "
        "the line of contact.",
    ),
    ("A16", "eu24-territory"): (
        "softened",
        "Talks start from the line of contact; no area is pre-recognised as Russian.",
    ),
    ("A16", "gen-territory"): (
        "neutral",
        "Bracketed: the territorial terms are left to the two presidents.",
    ),
    ("A18", "uaeu-11"): (
        "softened",
        "Ukraine regains the plant and the Kakhovka dam instead of a US-run plant.",
    ),
    ("A18", "eu24-npp"): (
        "softened",
        "Ukraine regains the plant and the Kakhovka dam instead of a 50/50 split.",
    ),
    ("A23", "e3-25"): (
        "softened",
        "Drops the 100-day deadline: elections as soon as possible after signing.",
    ),
}
