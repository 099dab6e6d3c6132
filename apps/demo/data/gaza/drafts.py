"""The seven Gaza drafts (fact sheet section 0, D0–D6), oldest first.

Same shape as the Russia–Ukraine `drafts.py`. `kind` is what sort of text it is. Drafts known
only from reports are "reported"; the Arab/Muslim conditions, the declaration and the charter
have no known provisions at all, and their summaries say so. The 21-point plan's provisions
carry, per citation, the number their source gave the point (the Times of Israel and the
Telegraph numbered it differently); see `provisions/us21.py`.
"""

from __future__ import annotations

DRAFTS = [
    {
        "slug": "gaza-arab-muslim-conditions",
        "kind": "counter-proposal",
        "title": "Arab and Muslim states' draft / conditions",
        "label": "Arab/Muslim conditions (D0)",
        "authors": ["arab-muslim-states"],
        # Dar dates the meeting 22 Sep, the CNN and Axios relays 23 Sep (disputes.py).
        "presented": ("2025-09-22", "day"),
        "reported": ("2025-09-24", "day"),
        "declared_points": None,
        "status": "superseded",
        "text_basis": "reported",
        "numbered_by_source": False,
        "parents": [],
        "summary": (
            "Reported only; no provision of it is known as text. Eight states (Saudi Arabia, "
            "the UAE, Qatar, Egypt, Jordan, Türkiye, Indonesia and Pakistan) gave it to Trump "
            "at a New York meeting during the UN General Assembly. Pakistan's foreign minister "
            "Ishaq Dar said it sought a full Israeli withdrawal; Axios and CNN reported the "
            "leaders' requested additions: no annexation of the West Bank, the status quo in "
            "Jerusalem and al-Aqsa, no occupation or settlements in Gaza, and an aid surge. "
            "Dar said the published 20 points differ from it."
        ),
        "sources": [
            ("g16", "Dar: the published 20 points are not the draft the Muslim states gave."),
            ("g27", "CNN text: the Arab and Muslim leaders' requested additions."),
            ("g29", "Axios reprint: the eight states at the New York meeting."),
            ("g30", "Axios relay: the Arab conditions."),
        ],
    },
    {
        "slug": "gaza-us-21-point-plan",
        "title": "“Trump 21-point plan for peace in the Mideast, in Gaza”",
        "label": "US 21-point plan (D1)",
        "authors": ["united-states"],
        "presented": ("2025-09-23", "day"),
        "reported": ("2025-09-25", "day"),
        "declared_points": 21,
        "status": "superseded",
        "text_basis": "partial",
        # Numbered per citation (`numbers` in its provisions), not by its label.
        "numbered_by_source": False,
        "parents": [("gaza-arab-muslim-conditions", "answers")],
        "summary": (
            "Leaked. Presented by the US to Arab and Muslim leaders at the UN General Assembly "
            "on 23 September and named publicly by envoy Steve Witkoff the next day; drafted "
            "largely by Witkoff, updating ideas of Jared Kushner and Tony Blair. Two renderings "
            "circulated: the Times of Israel's, paraphrased at its sources' request, and the "
            "Telegraph's, relayed by Diário de Notícias. They number the points differently: "
            "the labels here follow the Times of Israel, and each citation shows the number "
            "its source gave. Points 9–21 of the Times of Israel numbering were not found; "
            "several elements were reported without a number. Superseded by the 20-point plan "
            "on 29 September; one point (the Qatar clause) was reportedly dropped."
        ),
        "sources": [
            ("g27", "Witkoff named the “Trump 21-point plan” on 24 September."),
            ("g28", "Ynet, 25 September: Witkoff presented 21 points."),
            ("g22", "The Times of Israel text, paraphrased at its sources' request."),
            ("g20", "The Telegraph's 21 points, relayed by Diário de Notícias."),
        ],
    },
    {
        "slug": "gaza-us-20-point-plan",
        "title": "Comprehensive Plan to End the Gaza Conflict (White House 20-point plan)",
        "label": "US 20-point plan (D2)",
        "authors": ["united-states"],
        "presented": ("2025-09-29", "day"),
        "reported": ("2025-09-29", "day"),
        "declared_points": 20,
        "status": "agreed",
        "text_basis": "full",
        "numbered_by_source": True,
        "parents": [("gaza-us-21-point-plan", "revises")],
        "summary": (
            "“President Donald J. Trump's Comprehensive Plan to End the Gaza Conflict”, "
            "released by the White House on 29 September, minutes before the Trump–Netanyahu "
            "press conference, after Witkoff and Kushner met Netanyahu and Ron Dermer on 28 "
            "September. The full text was published; the points here are reconstructed from "
            "outlets that reprinted it, since the White House page was not among the pages "
            "consulted. Israel accepted it on 29 September and Hamas parts of it on 3 October; "
            "it is annex 1 of UN Security Council resolution 2803."
        ),
        "sources": [
            ("g15", "The document's title; released before the press conference."),
            ("g01", "Reprints the released text."),
            ("g114", "The plan is annexed to resolution 2803."),
        ],
    },
    {
        "slug": "gaza-phase-one-agreement",
        "kind": "agreement",
        "title": "First-phase agreement: ceasefire and hostage–prisoner exchange",
        "label": "Phase-one agreement (D3)",
        "authors": ["israel", "hamas"],
        "presented": ("2025-10-09", "day"),
        "reported": ("2025-10-08", "day"),
        "declared_points": None,
        "status": "agreed",
        "text_basis": "reported",
        "numbered_by_source": False,
        "parents": [("gaza-us-20-point-plan", "revises")],
        "summary": (
            "Reported only: the agreement's text was not found; the Israeli cabinet decision is "
            "quoted in part. Negotiated indirectly at Sharm el-Sheikh through the US, Egypt, "
            "Qatar and Türkiye, announced by Trump on the night of 8–9 October and signed on "
            "9 October. Israel ratified it that night; it came into force at 12:00 on 10 "
            "October. The letters of its provisions are ours."
        ),
        "sources": [
            ("g82", "Signed on 9 October (Reuters)."),
            ("g85", "The Israeli cabinet decision, quoted in part."),
            ("g89", "In force at 12:00 on 10 October."),
        ],
    },
    {
        "slug": "gaza-trump-declaration",
        "kind": "declaration",
        "title": "Trump Declaration for Enduring Peace and Prosperity",
        "label": "Sharm el-Sheikh declaration (D4)",
        "authors": ["united-states", "egypt", "qatar", "turkiye"],
        "presented": ("2025-10-13", "day"),
        "reported": ("2025-10-13", "day"),
        "declared_points": None,
        "status": "agreed",
        "text_basis": "reported",
        "numbered_by_source": False,
        "parents": [("gaza-phase-one-agreement", "revises")],
        "summary": (
            "Reported only; no provision of it is known. Signed at the Sharm el-Sheikh Peace "
            "Summit on 13 October by the US, Egypt, Qatar and Türkiye as guarantors; the name "
            "is as quoted from the preamble of resolution 2803, which welcomes it. Its content "
            "was reported as not disclosed; the White House later published it, but without "
            "concrete details."
        ),
        "sources": [
            ("g98", "The four guarantors signed at the Sharm el-Sheikh summit."),
            ("g100", "The declaration's content was not disclosed."),
            ("g104", "Named as quoted from the preamble of resolution 2803."),
        ],
    },
    {
        "slug": "gaza-unsc-2803",
        "kind": "resolution",
        "title": "UN Security Council Resolution 2803 (2025)",
        "label": "UNSC resolution 2803 (D5)",
        "authors": ["united-states", "un-security-council"],
        "presented": ("2025-11-17", "day"),
        "reported": ("2025-11-17", "day"),
        "declared_points": None,
        "status": "agreed",
        "text_basis": "reported",
        "numbered_by_source": False,
        "parents": [("gaza-us-20-point-plan", "revises")],
        "summary": (
            "Adopted on 17 November by 13 votes to none, China and Russia abstaining, from a "
            "US draft circulated on 3, 10 and 13 November (Russia tabled a counter-draft on 13 "
            "November). Known here through the UN meeting coverage and the press: the full "
            "text was not in the material, its operative paragraphs are not numbered there, "
            "and the letters here are ours. Annex 1 is the 20-point plan. The Board of Peace "
            "and the stabilization force are authorised until 31 December 2027."
        ),
        "sources": [
            ("g105", "UN meeting coverage of the adoption, 13–0–2."),
            ("g107", "Chronology of the US drafts of 3, 10 and 13 November."),
            ("g108", "Adopted 17 November."),
        ],
    },
    {
        "slug": "gaza-board-of-peace-charter",
        "kind": "charter",
        "title": "Board of Peace charter",
        "label": "Board of Peace charter (D6)",
        "authors": ["board-of-peace"],
        "presented": ("2026-01-22", "day"),
        "reported": ("2026-01-22", "day"),
        "declared_points": None,
        "status": "agreed",
        "text_basis": "reported",
        "numbered_by_source": False,
        "parents": [("gaza-unsc-2803", "revises")],
        "summary": (
            "Lineage only, outside 2025; reported only, no provision of it is known. An "
            "11-page charter signed at Davos on 22 January 2026 with Trump as chair; which "
            "states signed is disputed. It reportedly makes no direct reference to Gaza."
        ),
        "sources": [
            ("g129", "An 11-page charter signed at Davos; no direct reference to Gaza."),
            ("g104b", "Trump announced and signed the charter in Davos."),
        ],
    },
]
