"""Disputed and divergent facts (fact sheet section 10 and the ⚠ flags of sections 1–5).

A disputed fact is never written into a provision's text. Each report of it is a citation:
the sources that support the version shown, and the ones that dispute it or report it
differently. Every citation of a fact carries the fact's note, so the disputes read as one
table on the site.

Rows: (fact, target, source, stance, excerpt). The target is a draft slug (a fact about
the whole draft: its date, authorship, point count) or a provision key.
"""

from __future__ import annotations

SUPPORTS = "supports"
DISPUTES = "disputes"
DIFFERS = "differs"

# Fact id → the note every citation of it carries.
FACTS = {
    # Section 10, items 1–14.
    "authorship": "Disputed: who wrote the 28 points",
    "first-report": "Disputed: when the 28 points were first reported",
    "geneva-count": "Disputed: number of points after Geneva",
    "geneva-content": "Disputed: content of the Geneva draft",
    "e3-count": "Disputed: number of points in the E3 mark-up",
    "two-documents": "Disputed: E3 mark-up and 24-point plan are two documents, often conflated",
    "crimea-april": "Disputed: type of US recognition of Crimea in April",
    "april-count": "Disputed: number of points in the April US plan",
    "south-recognition": "Disputed: recognition of Kherson and Zaporizhzhia in the 28 points",
    "amnesty-origin": "Disputed: origin of the amnesty clause",
    "deadline": "Disputed: deadline for Ukraine's answer to the 28 points",
    "envoys": "Disputed: where Witkoff and Kushner were around 28 November",
    "treaty": "Disputed: treaty named in point 17",
    "army-size": "Disputed: Ukraine's current army size",
    # Other flags of sections 1–5.
    "leak": "Disputed: who leaked the 28 points",
    "early-versions": "Disputed: early press versions of the 28 points",
    "election-deadline": "Disputed: when the 100 days for elections start",
    "kakhovka": "Disputed: whether the Kakhovka dam belongs to this point",
    "e3-wording": "Disputed: wording of the E3 text",
    "e3-sanctions": "Disputed: conditions on sanctions relief in the E3 text",
    "e3-amnesty": "Unverified: reported by summaries, not verified in the primary text",
    "e3-territory": "Disputed: the European position on territory",
    "e3-status": "Disputed: whether Europe backed its own text or the US one",
    "eu24-numbering": "Disputed: numbering of the 24-point plan",
    "interpretation": "The outlet's interpretation, not text",
    "geneva-agreed": "Disputed: whether Ukraine agreed to the revised terms",
    "single-source": "Reported by one low-confidence source only",
    "eu24-lineage": "Disputed: whether the 24-point plan answers the 28-point plan",
    "sanctions-since": "Differs: since when the sanctions to be lifted were imposed",
    "minerals-timing": "Context, not text of the draft: when the minerals deal was finalised",
    "common-understanding": "Differs: the date of the “common understanding” after Geneva",
}

# The 14 facts of section 10, in its order.
SECTION_10 = [
    "authorship",
    "first-report",
    "geneva-count",
    "geneva-content",
    "e3-count",
    "two-documents",
    "crimea-april",
    "april-count",
    "south-recognition",
    "amnesty-origin",
    "deadline",
    "envoys",
    "treaty",
    "army-size",
]

# Where a source numbers a point differently from the draft's label: (target, source) → locator.
# Otherwise a provision of a draft whose outlets number its points is cited as "point N".
LOCATORS = {
    ("eu24-8", "s46c"): "point 9",
    ("eu24-territory", "s46c"): "point 8",
    # SEED-002 describes the *revised* plan, not the original points (fact sheet 2.2,
    # corrected rows 14 and 27).
    ("us28-14", "seed-002"): "on the revised plan, not the original point 14",
    ("us28-27", "seed-002"): "on the revised plan, not the original point 27",
}

CITATIONS = [
    # 1. Authorship of the 28 points.
    (
        "authorship",
        "us-28-point-plan",
        "s18",
        SUPPORTS,
        "Rubio said the plan was US-authored, with input from both sides.",
    ),
    (
        "authorship",
        "us-28-point-plan",
        "s17",
        DIFFERS,
        "Three Reuters sources: it drew on a Russian “non-paper” handed to US officials in "
        "mid-October.",
    ),
    (
        "authorship",
        "us-28-point-plan",
        "s19",
        DISPUTES,
        "Senators Rounds, King and Shaheen said Rubio called it a Russian “wish list”, not the "
        "US plan. The State Department called their account false.",
    ),
    # 2. First-report date of the 28 points.
    (
        "first-report",
        "us-28-point-plan",
        "s16",
        SUPPORTS,
        "Axios first reported the plan on 19 November.",
    ),
    (
        "first-report",
        "us-28-point-plan",
        "s16b",
        DIFFERS,
        "Dates the first report to 18 November.",
    ),
    (
        "first-report",
        "us-28-point-plan",
        "s01",
        DIFFERS,
        "The full text was published on 20 November.",
    ),
    # 3. Number of points after Geneva.
    (
        "geneva-count",
        "geneva-revision",
        "s29",
        SUPPORTS,
        "FT: 19 points, according to first deputy foreign minister Sergiy Kyslytsya and others.",
    ),
    (
        "geneva-count",
        "geneva-revision",
        "s30",
        SUPPORTS,
        "Zelensky, 24 November: there are now fewer points, no longer 28.",
    ),
    (
        "geneva-count",
        "geneva-revision",
        "s35",
        DIFFERS,
        "Trump, 25 November: the 28 points were being worked down to 22.",
    ),
    (
        "geneva-count",
        "geneva-revision",
        "seed-002",
        DIFFERS,
        "Calls the Geneva result a “revised 28-point framework”.",
    ),
    # 4. Content of the Geneva draft.
    (
        "geneva-content",
        "gen-army",
        "s33",
        SUPPORTS,
        "ABC-sourced: the 19 points omit the limits on Ukraine's army and the amnesty.",
    ),
    (
        "geneva-content",
        "gen-army",
        "seed-002",
        DISPUTES,
        "Still lists the 600,000 cap on Ukraine's army in the revised plan.",
    ),
    (
        "geneva-content",
        "gen-territory",
        "seed-002",
        DISPUTES,
        "Says the revised plan still requires Ukraine to cede Donbas and Crimea.",
    ),
    # 5. Number of points in the E3 mark-up.
    (
        "e3-count",
        "e3-counter-proposal",
        "s41b",
        SUPPORTS,
        "Relays the Reuters text, which keeps the US numbering 1–28 with point 3 deleted.",
    ),
    (
        "e3-count",
        "e3-counter-proposal",
        "s45b",
        DIFFERS,
        "Describes the Reuters counter-plan as 27 points.",
    ),
    # 6. Two European documents, often conflated.
    (
        "two-documents",
        "eu-24-point-plan",
        "s45b",
        SUPPORTS,
        "Treats the Telegraph plan (24 points) and the Reuters mark-up (27 points) as two "
        "documents.",
    ),
    (
        "two-documents",
        "eu-24-point-plan",
        "s48",
        DIFFERS,
        "Merges the Reuters (E3) and Telegraph versions of the European plan.",
    ),
    (
        "two-documents",
        "eu24-11",
        "s45",
        DIFFERS,
        "Gives the European counter-proposal an 800,000 army, the E3 figure.",
    ),
    (
        "two-documents",
        "eu24-11",
        "s44c",
        DIFFERS,
        "Wrongly says the European plan keeps the army at 600,000.",
    ),
    (
        "two-documents",
        "e3-19",
        "s46d",
        DIFFERS,
        "The 24-point European plan has Ukraine regain the plant instead.",
    ),
    # 7. Type of US recognition of Crimea in April.
    (
        "crimea-april",
        "usapr-6",
        "s52",
        SUPPORTS,
        "Axios: de jure (legal) US recognition of Crimea as Russian.",
    ),
    (
        "crimea-april",
        "usapr-6",
        "s54",
        SUPPORTS,
        "Reuters' text: de jure US recognition of Russian control of Crimea.",
    ),
    (
        "crimea-april",
        "usapr-6",
        "s56",
        DIFFERS,
        "Politico Europe describes the US recognition as informal.",
    ),
    (
        "crimea-april",
        "usapr-6",
        "s65",
        DIFFERS,
        "Trump wrote on 23 April that nobody was asking Zelensky to recognise Crimea as Russian.",
    ),
    # 8. Number of points in the April US plan.
    (
        "april-count",
        "us-april-framework",
        "s54",
        SUPPORTS,
        "The Reuters text: about 16 unnumbered bullet items.",
    ),
    (
        "april-count",
        "us-april-framework",
        "s59",
        DIFFERS,
        "Calls the US proposal a “seven-point plan”.",
    ),
    # 9. Kherson and Zaporizhzhia in the 28 points.
    (
        "south-recognition",
        "us28-21",
        "seed-000",
        SUPPORTS,
        "Those areas would be de facto Russian along frozen front lines.",
    ),
    (
        "south-recognition",
        "us28-21",
        "seed-001",
        DIFFERS,
        "Says the first draft suggested legal recognition of Russian-held Kherson and "
        "Zaporizhzhia once a ceasefire was in place.",
    ),
    # 10. Origin of the amnesty clause.
    (
        "amnesty-origin",
        "us28-26",
        "s21",
        DIFFERS,
        "WSJ: Ukraine changed a clause on auditing foreign aid into the full-amnesty wording.",
    ),
    (
        "amnesty-origin",
        "us28-26",
        "s22",
        DISPUTES,
        "Umerov denied having approved any point of the plan.",
    ),
    # 11. Deadline.
    (
        "deadline",
        "us-28-point-plan",
        "s23",
        SUPPORTS,
        "Trump called Thursday 27 November an “appropriate” deadline.",
    ),
    (
        "deadline",
        "us-28-point-plan",
        "s34b",
        DIFFERS,
        "Gives the deadline as 28 November.",
    ),
    (
        "deadline",
        "us-28-point-plan",
        "s35",
        SUPPORTS,
        "On 25 November Trump dropped the deadline.",
    ),
    # 12. Where Witkoff and Kushner were around 28 November.
    (
        "envoys",
        "geneva-revision",
        "seed-000",
        SUPPORTS,
        "The envoys' visit to Moscow was planned for the following week.",
    ),
    (
        "envoys",
        "geneva-revision",
        "seed-002",
        SUPPORTS,
        "Ushakov confirmed Witkoff would visit the Kremlin the following week.",
    ),
    (
        "envoys",
        "geneva-revision",
        "seed-001",
        DIFFERS,
        "Says Witkoff and Kushner were reportedly in Moscow by about 28 November.",
    ),
    # 13. Treaty named in point 17.
    (
        "treaty",
        "us28-17",
        "s09",
        SUPPORTS,
        "Translation: the treaty is rendered as “START I”.",
    ),
    (
        "treaty",
        "us28-17",
        "s13",
        DIFFERS,
        "Links the treaty extension to the 2010 New START.",
    ),
    # 14. Ukraine's current army size.
    (
        "army-size",
        "us28-6",
        "s34c",
        DIFFERS,
        "Estimates of Ukraine's current strength differ by outlet, from about 800,000 to 880,000.",
    ),
    # Other flags: the 28 points.
    (
        "leak",
        "us-28-point-plan",
        "s16",
        DIFFERS,
        "A leaked Ushakov–Dmitriev call suggests Dmitriev proposed leaking a paper; Dmitriev "
        "called the recording fake.",
    ),
    (
        "early-versions",
        "us-28-point-plan",
        "s21",
        DIFFERS,
        "Early Telegraph and Bloomberg summaries described terms not in the Axios text, such "
        "as Russian “rent” for Donbas.",
    ),
    (
        "early-versions",
        "us28-20",
        "s09c",
        SUPPORTS,
        "Russian commentators noted the Axios text has no clause making Russian a state language.",
    ),
    (
        "election-deadline",
        "us28-25",
        "s13",
        DIFFERS,
        "Elections within 100 days after the deal takes effect.",
    ),
    # Other flags: the April drafts.
    (
        "kakhovka",
        "usapr-9",
        "s54",
        DIFFERS,
        "This summary also places the Kakhovka dam under this point.",
    ),
    (
        "interpretation",
        "uaeu-10",
        "s59",
        DIFFERS,
        "Reads the counter-offer as implying a “temporary” loss of control of the occupied areas.",
    ),
    # Other flags: the E3 mark-up.
    (
        "e3-wording",
        "e3-2",
        "s45b",
        DIFFERS,
        "This Russian rendering keeps “Europe” rather than NATO as a party.",
    ),
    (
        "e3-sanctions",
        "e3-13",
        "s50b",
        DIFFERS,
        "Bloomberg: other sanctions are lifted in stages only if Russia complies, with snap-back.",
    ),
    (
        "e3-amnesty",
        "e3-26",
        "s41b",
        SUPPORTS,
        "Headline summary: the European draft has no point on full amnesty.",
    ),
    (
        "e3-amnesty",
        "e3-26",
        "s41",
        SUPPORTS,
        "Comparing the drafts, lists the full amnesty among the points the Europeans left out.",
    ),
    (
        "e3-amnesty",
        "e3-26",
        "s42",
        SUPPORTS,
        "CNN-based comparison of the two proposals.",
    ),
    (
        "e3-territory",
        "e3-21",
        "seed-000",
        SUPPORTS,
        "The European text proposed starting negotiations from the frozen lines.",
    ),
    (
        "e3-territory",
        "e3-21",
        "seed-001",
        DIFFERS,
        "Says the European counter-proposal discusses territory only after a complete, "
        "unconditional ceasefire.",
    ),
    (
        "e3-status",
        "e3-counter-proposal",
        "s63",
        DIFFERS,
        "Starmer reportedly said Europe would work on the existing US text rather than a "
        "rival one.",
    ),
    # Other flags: the 24-point plan.
    (
        "eu24-numbering",
        "eu24-8",
        "s46c",
        DIFFERS,
        "Numbers this point 9, and puts territorial talks from the line of contact at 8.",
    ),
    # Other flags: the Geneva revision.
    (
        "geneva-agreed",
        "geneva-revision",
        "s31",
        SUPPORTS,
        "Umerov: the sides reached a common understanding on the core terms.",
    ),
    (
        "geneva-agreed",
        "geneva-revision",
        "s32",
        DIFFERS,
        "A US official said Ukraine had agreed to the deal, with minor details left.",
    ),
    (
        "single-source",
        "gen-nato",
        "s38",
        SUPPORTS,
        "Rubio reportedly said EU-integration and NATO issues would go to separate tracks with "
        "the Europeans.",
    ),
    (
        "single-source",
        "gen-amnesty",
        "s33",
        SUPPORTS,
        "ABC-sourced: the 19 points omit the amnesty.",
    ),
    # The 24-point plan's lineage (fact sheet 4.2).
    (
        "eu24-lineage",
        "eu-24-point-plan",
        "s45b",
        SUPPORTS,
        "Presents the Telegraph's 24 points as one of two European counter-plans to the US plan.",
    ),
    (
        "eu24-lineage",
        "eu-24-point-plan",
        "s47",
        DIFFERS,
        "Says the 24-point plan was drawn up earlier in the year, before the 28 points.",
    ),
    # The April US framework (fact sheet 1.1, rows 11 and 13; section 6, end of April).
    (
        "sanctions-since",
        "usapr-13",
        "seed-003",
        DIFFERS,
        "Speaks of lifting the sanctions placed on Russia since the war began, not since 2014.",
    ),
    (
        "minerals-timing",
        "usapr-11",
        "s58c",
        SUPPORTS,
        "Reuters, 30 April: Ukraine and the US say the minerals deal is ready.",
    ),
    (
        "minerals-timing",
        "usapr-11",
        "s58d",
        SUPPORTS,
        "Reports the minerals agreement as concluded at the end of April.",
    ),
]
