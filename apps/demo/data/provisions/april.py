"""Provisions of the two April 2025 drafts (fact sheet 1.1 and 1.2).

Neither text is numbered: the labels are the fact sheet's own row numbers, in table order.
Each provision: key (stable id), label, heading, topics (codes), state, body (plain text,
a paraphrase), sources (keys of the sources that support it).
"""

from __future__ import annotations

US_APRIL = [
    {
        "key": "usapr-1",
        "label": "1",
        "heading": "Permanent ceasefire",
        "topics": ["ceasefire"],
        "state": "known",
        "body": "A permanent ceasefire.",
        "sources": ["s54"],
    },
    {
        "key": "usapr-2",
        "label": "2",
        "heading": "Technical negotiations",
        "topics": ["ceasefire"],
        "state": "known",
        "body": "Both sides immediately start negotiations on the technical implementation.",
        "sources": ["s54"],
    },
    {
        "key": "usapr-3",
        "label": "3",
        "heading": "Security guarantee",
        "topics": ["security-guarantees"],
        "state": "known",
        "body": (
            "Ukraine gets a security guarantee the text calls “robust”. The guarantors would be "
            "an ad hoc group of European states plus willing non-European states. The US role "
            "is unclear."
        ),
        "sources": ["s52", "s53", "s54"],
    },
    {
        "key": "usapr-4",
        "label": "4",
        "heading": "No NATO membership",
        "topics": ["nato", "nato-membership"],
        "state": "known",
        "body": (
            "Ukraine will not seek NATO membership. Axios reported this as a binding promise."
        ),
        "sources": ["s52", "s54", "seed-004"],
    },
    {
        "key": "usapr-5",
        "label": "5",
        "heading": "EU membership allowed",
        "topics": ["eu"],
        "state": "known",
        "body": "Ukraine may pursue EU membership.",
        "sources": ["s52", "s54"],
    },
    {
        "key": "usapr-6",
        "label": "6",
        "heading": "US recognition of Crimea",
        "topics": ["territory", "territory-crimea"],
        "state": "known",
        "body": (
            "The United States recognises Russian control of Crimea de jure. The recognition "
            "is by the United States, not by Ukraine."
        ),
        "sources": ["s52", "s54", "seed-004"],
    },
    {
        "key": "usapr-7",
        "label": "7",
        "heading": "Freeze along current lines",
        "topics": ["territory", "territory-donbas", "territory-south"],
        "state": "known",
        "body": (
            "De facto US recognition of Russian control of (nearly all of) Luhansk and of the "
            "Russian-held parts of Donetsk, Zaporizhzhia and Kherson. In effect this freezes "
            "the war along the current lines."
        ),
        "sources": ["s52", "s54", "seed-003", "seed-004"],
    },
    {
        "key": "usapr-8",
        "label": "8",
        "heading": "Kharkiv area returned",
        "topics": ["territory"],
        "state": "known",
        "body": "Ukraine gets back the small Russian-held area of Kharkiv oblast.",
        "sources": ["s53", "s54"],
    },
    {
        "key": "usapr-9",
        "label": "9",
        "heading": "US-run Zaporizhzhia NPP",
        "topics": ["nuclear-plant"],
        "state": "known",
        "body": (
            "The Zaporizhzhia nuclear power plant is treated as Ukrainian territory but run by "
            "the United States, and supplies power to both Ukraine and Russia."
        ),
        "sources": ["s54", "s53b"],
    },
    {
        "key": "usapr-10",
        "label": "10",
        "heading": "Dnipro passage",
        "topics": ["navigation"],
        "state": "known",
        "body": (
            "Unhindered Ukrainian passage on the Dnipro river. Reuters' text also mentions "
            "control of the Kinburn Spit."
        ),
        "sources": ["s53", "s54"],
    },
    {
        "key": "usapr-11",
        "label": "11",
        "heading": "Minerals agreement",
        "topics": ["reconstruction"],
        "state": "known",
        "body": (
            "The US–Ukraine minerals and economic cooperation agreement is implemented. The "
            "minerals deal itself was finalised at the end of April."
        ),
        # The end-of-April date is supported by S58c/S58d (fact sheet section 6), cited with
        # their excerpts in `disputes.py` ("minerals-timing").
        "sources": ["s54", "s53b"],
    },
    {
        "key": "usapr-12",
        "label": "12",
        "heading": "Reconstruction and compensation",
        "topics": ["reconstruction"],
        "state": "known",
        "body": (
            "Ukraine is reconstructed and compensated financially. The source of the money is "
            "not specified."
        ),
        "sources": ["s53", "s54"],
    },
    {
        "key": "usapr-13",
        "label": "13",
        "heading": "Sanctions lifted",
        "topics": ["sanctions"],
        "state": "known",
        "body": "Sanctions imposed on Russia since 2014 are lifted.",
        # SEED-003 says "since the war began", not 2014: a differing report in `disputes.py`.
        "sources": ["s52", "s54"],
    },
    {
        "key": "usapr-14",
        "label": "14",
        "heading": "US–Russia economic cooperation",
        "topics": ["sanctions"],
        "state": "known",
        "body": "Closer US–Russia economic cooperation, especially in energy and industry.",
        "sources": ["s52", "s54"],
    },
    {
        "key": "usapr-15",
        "label": "15",
        "heading": "Right to an army",
        "topics": ["military-limits"],
        "state": "paraphrased",
        "body": (
            "A reported US position rather than a line of the text: the US was to press Putin "
            "to accept that Ukraine keeps the right to build its own army and defence industry."
        ),
        "sources": ["seed-004"],
    },
    {
        "key": "usapr-elections",
        "label": "—",
        "heading": "Elections demand dropped",
        "topics": ["governance"],
        "state": "paraphrased",
        "body": (
            "An early US demand for new Ukrainian elections reportedly disappeared from US "
            "talking points by late April, according to a relay of European media."
        ),
        "sources": ["s66"],
    },
]

UA_EU_APRIL = [
    {
        "key": "uaeu-1",
        "label": "1",
        "heading": "Unconditional ceasefire",
        "topics": ["ceasefire"],
        "state": "known",
        "body": "A full, unconditional ceasefire in the air, on land and at sea.",
        "sources": ["s58", "s57b"],
    },
    {
        "key": "uaeu-2",
        "label": "2",
        "heading": "Technical talks",
        "topics": ["ceasefire"],
        "state": "known",
        "body": (
            "Immediate technical talks with US and European participation, alongside "
            "preparation of a full peace deal."
        ),
        "sources": ["s58"],
    },
    {
        "key": "uaeu-3",
        "label": "3",
        "heading": "US-led monitoring",
        "topics": ["ceasefire"],
        "state": "known",
        "body": "Ceasefire monitoring led by the US and supported by third countries.",
        "sources": ["s58", "s57b"],
    },
    {
        "key": "uaeu-4",
        "label": "4",
        "heading": "Children, prisoners and civilians",
        "topics": ["humanitarian"],
        "state": "known",
        "body": (
            "Russia returns all deported or illegally displaced Ukrainian children; prisoners "
            "of war are exchanged all for all; Russia frees all civilian prisoners."
        ),
        "sources": ["s58", "s57b"],
    },
    {
        "key": "uaeu-5",
        "label": "5",
        "heading": "Guarantees including the US",
        "topics": ["security-guarantees", "nato-membership"],
        "state": "known",
        "body": (
            "Robust security guarantees, including from the United States, on the model of "
            "NATO's Article 5. The text notes that allies have no consensus on Ukraine's NATO "
            "membership."
        ),
        "sources": ["s58", "s58b"],
    },
    {
        "key": "uaeu-6",
        "label": "6",
        "heading": "No limits on defence forces",
        "topics": ["military-limits"],
        "state": "known",
        "body": "No restrictions on Ukraine's defence forces.",
        "sources": ["s58"],
    },
    {
        "key": "uaeu-7",
        "label": "7",
        "heading": "Guarantors and friendly forces",
        "topics": ["security-guarantees", "nato-foreign-forces"],
        "state": "known",
        "body": (
            "The guarantors are an ad hoc group of European and willing non-European states. "
            "There are no limits on the presence, weapons or operations of friendly foreign "
            "forces in Ukraine."
        ),
        "sources": ["s58"],
    },
    {
        "key": "uaeu-8",
        "label": "8",
        "heading": "EU accession",
        "topics": ["eu"],
        "state": "known",
        "body": "Ukraine pursues EU accession.",
        "sources": ["s58"],
    },
    {
        "key": "uaeu-9",
        "label": "9",
        "heading": "Territory after the ceasefire",
        "topics": ["territory"],
        "state": "known",
        "body": (
            "Territorial issues are discussed and settled only after a full, unconditional "
            "ceasefire. The text says nothing about recognising Russian sovereignty, de jure or "
            "de facto, over any territory."
        ),
        "sources": ["s58", "s58b"],
    },
    {
        "key": "uaeu-10",
        "label": "10",
        "heading": "Talks from the line of control",
        "topics": ["territory"],
        "state": "known",
        "body": "Territorial talks start from the line of control.",
        "sources": ["s54", "s57b"],
    },
    {
        "key": "uaeu-11",
        "label": "11",
        "heading": "Ukraine regains the NPP",
        "topics": ["nuclear-plant"],
        "state": "known",
        "body": (
            "Ukraine regains the Zaporizhzhia nuclear power plant, with US involvement, and "
            "the Kakhovka dam."
        ),
        "sources": ["s54", "s57b"],
    },
    {
        "key": "uaeu-12",
        "label": "12",
        "heading": "Dnipro and Kinburn Spit",
        "topics": ["navigation"],
        "state": "known",
        "body": "Unhindered Ukrainian passage on the Dnipro and control of the Kinburn Spit.",
        "sources": ["s54", "s57b"],
    },
    {
        "key": "uaeu-13",
        "label": "13",
        "heading": "Minerals agreement",
        "topics": ["reconstruction"],
        "state": "known",
        "body": "The US–Ukraine economic cooperation (minerals) agreement is implemented.",
        "sources": ["s54", "s58b"],
    },
    {
        "key": "uaeu-14",
        "label": "14",
        "heading": "Assets frozen until Russia pays",
        "topics": ["frozen-assets"],
        "state": "known",
        "body": (
            "Full reconstruction and compensation, including through Russian sovereign "
            "assets, which stay frozen until Russia pays for the damage."
        ),
        "sources": ["s54", "s58b"],
    },
    {
        "key": "uaeu-15",
        "label": "15",
        "heading": "Gradual easing with snap-back",
        "topics": ["sanctions"],
        "state": "known",
        "body": (
            "US sanctions imposed since 2014 may be eased gradually once a sustainable peace "
            "exists, with snap-back if Russia breaches the deal."
        ),
        "sources": ["s54", "s58b", "s59b"],
    },
]
