"""Cross-draft alignment of the Gaza drafts (fact sheet section 2): one matter per row
M01–M26, same shape as the Russia–Ukraine `matters.py`.

Each entry is (provision key, relation). The relation compares the provision with its
counterpart in the draft before it in the fact sheet's columns: the 21-point plan (whose
provisions start the lineage, so they are "new"), the 20-point plan, the phase-one
agreement (which implements it) and resolution 2803. Where one draft has several provisions
in a row, each is "split". Cells "not covered", "not found" or "not applicable" have no
entry; neither do cells that name no provision of a draft (the Sharm el-Sheikh declaration in
M14, whose text is unknown; the 20-point plan in M24 and M25, which lack the clause): the
note says what the fact sheet reports there.
"""

from __future__ import annotations

from apps.demo.data.matters import NEW, REWORDED, SAME, SPLIT


def _matter(code, title, topic, entries, note=""):
    return {"code": code, "title": title, "topic": topic, "note": note, "entries": entries}


MATTERS = [
    _matter(
        "M01",
        "End of war / ceasefire",
        "gaza-ceasefire",
        [
            ("gaza21-3", NEW),
            ("gaza20-3", REWORDED),
            ("gazap1-a", REWORDED),
            ("gaza2803-a", SAME),
        ],
        "The phase-one agreement implements it: in force 10 October at 12:00.",
    ),
    _matter(
        "M02",
        "First withdrawal line",
        "gaza-withdrawal",
        [
            ("gaza21-3", SPLIT),
            ("gaza21-withdrawal", SPLIT),
            ("gaza20-3", NEW),
            ("gazap1-b", REWORDED),
        ],
        "A gradual withdrawal with no timeline, then a first line before the hostage release, "
        "implemented at the “yellow line”. The share of Gaza still held is disputed (X10).",
    ),
    _matter(
        "M03",
        "Hostage release",
        "gaza-hostages",
        [("gaza21-4", NEW), ("gaza20-4", REWORDED), ("gazap1-c", REWORDED)],
        "48 hours, then 72. On 13 October 20 living hostages were freed and 4 bodies returned.",
    ),
    _matter(
        "M04",
        "Prisoner release",
        "gaza-prisoners",
        [("gaza21-5", NEW), ("gaza20-5", REWORDED), ("gazap1-d", REWORDED)],
        "“Several hundred” and “over 1,000”, then 250 and 1,700, then the cabinet's list.",
    ),
    _matter(
        "M05",
        "Remains exchange",
        "gaza-remains",
        [("gaza21-5", NEW), ("gaza20-5", REWORDED), ("gazap1-e", REWORDED)],
    ),
    _matter(
        "M06",
        "Amnesty and safe passage",
        "gaza-amnesty",
        [("gaza21-6", NEW), ("gaza20-6", REWORDED)],
        "Not found in the phase-one material; before the deal Hamas sought guarantees for its "
        "leaders abroad.",
    ),
    _matter(
        "M07",
        "Aid volume",
        "gaza-aid",
        [
            ("gaza21-7", NEW),
            ("gaza20-7", REWORDED),
            ("gazap1-f", REWORDED),
            ("gaza2803-e", REWORDED),
        ],
        "The 600-truck figure is not in the 20-point material.",
    ),
    _matter(
        "M08",
        "Aid channels / Rafah",
        "gaza-aid-channels",
        [
            ("gaza21-8", SPLIT),
            ("gaza21-aid-channels", SPLIT),
            ("gaza20-8", SAME),
            ("gaza2803-e", REWORDED),
        ],
    ),
    _matter(
        "M09",
        "Technocratic Palestinian committee",
        "gaza-technocratic-committee",
        [("gaza21-tel9", NEW), ("gaza20-9", REWORDED), ("gaza2803-i", SAME)],
        "On 3 October Hamas offered to hand over to “independents (technocrats)”. The "
        "committee became the NCAG on 14 January 2026 (15 or 12 members, X17).",
    ),
    _matter(
        "M10",
        "Board of Peace / oversight body",
        "gaza-board-of-peace",
        [
            ("gaza21-tel9", NEW),
            ("gaza20-9", REWORDED),
            ("gaza2803-b", SPLIT),
            ("gaza2803-f", SPLIT),
        ],
        "An unnamed body, then the Board of Peace chaired by Trump, then a UN-endorsed "
        "transitional administration to 31 December 2027. Russia and China wanted it removed.",
    ),
    _matter(
        "M11",
        "PA role and reform",
        "gaza-pa-reform",
        [
            ("gaza21-technocratic-committee", NEW),
            ("gaza20-9", REWORDED),
            ("gaza2803-h", REWORDED),
        ],
        "Axios reported “some involvement” of the PA in the 21 points; Netanyahu pushed back "
        "on the PA's role before the 20-point release.",
    ),
    _matter(
        "M12",
        "Hamas excluded from governance",
        "gaza-hamas-exclusion",
        [("gaza21-hamas-exclusion", NEW), ("gaza20-13", SAME)],
        "Not found in the Council text in the material; repeated by the US in January 2026.",
    ),
    _matter(
        "M13",
        "Disarmament / demilitarisation",
        "gaza-disarmament",
        [
            ("gaza21-disarmament", NEW),
            ("gaza20-13", REWORDED),
            ("gazap1-g", REWORDED),
            ("gaza2803-c", REWORDED),
        ],
        "Whether the 21 points mention disarmament, and whether Hamas agreed to it, are "
        "disputed (X09).",
    ),
    _matter(
        "M14",
        "Guarantees",
        "gaza-guarantees",
        [("gaza20-14", NEW), ("gaza2803-a", SAME)],
        "Not found in the 21-point material. The Sharm el-Sheikh declaration (13 October), "
        "whose text is not known, was signed by the US, Egypt, Qatar and Türkiye as guarantors.",
    ),
    _matter(
        "M15",
        "International Stabilization Force",
        "gaza-stabilization-force",
        [
            ("gaza21-stabilization-force", NEW),
            ("gaza20-15", REWORDED),
            ("gaza2803-c", REWORDED),
        ],
        "Size, command and membership are disputed (X15).",
    ),
    _matter(
        "M16",
        "No annexation; staged IDF withdrawal; perimeter",
        "gaza-no-annexation",
        [
            ("gaza21-3", NEW),
            ("gaza20-16", REWORDED),
            ("gazap1-b", REWORDED),
            ("gaza2803-d", SAME),
        ],
        "What Netanyahu changed on 28 September is disputed (X06).",
    ),
    _matter(
        "M17",
        "Fallback if Hamas refuses",
        "gaza-fallback",
        [("gaza21-fallback", NEW), ("gaza20-17", SAME)],
    ),
    _matter(
        "M18",
        "No forced displacement",
        "gaza-displacement",
        [("gaza21-tel12", NEW), ("gaza20-12", SAME)],
    ),
    _matter(
        "M19",
        "Economic development plan",
        "gaza-economic-plan",
        [("gaza21-tel11", NEW), ("gaza20-10", REWORDED)],
        "Branded the “Trump economic development plan” in the 20 points.",
    ),
    _matter(
        "M20",
        "Special economic zone",
        "gaza-economic-zone",
        [("gaza21-tel10", NEW), ("gaza20-11", SAME)],
    ),
    _matter(
        "M21",
        "Deradicalisation / interfaith",
        "gaza-deradicalisation",
        [
            ("gaza21-1", SPLIT),
            ("gaza21-tel13", SPLIT),
            ("gaza20-1", SPLIT),
            ("gaza20-18", SPLIT),
        ],
        "The same in substance: the interfaith part sits at point 18 of the 20 (C only).",
    ),
    _matter(
        "M22",
        "Palestinian statehood pathway",
        "gaza-statehood",
        [("gaza21-statehood", NEW), ("gaza20-19", REWORDED), ("gaza2803-g", REWORDED)],
        "Added to the US draft resolution on 13 November under Arab and other pressure; "
        "Israel objects.",
    ),
    _matter(
        "M23",
        "US-led political dialogue",
        "gaza-dialogue",
        [("gaza21-dialogue", NEW), ("gaza20-20", SAME)],
        "The same phrasing is quoted from the US draft resolution (G143b).",
    ),
    _matter(
        "M24",
        "Qatar non-attack clause",
        "gaza-qatar",
        [("gaza21-qatar", NEW)],
        "Removed from the 20-point text and moved to a separate Netanyahu apology and a "
        "US–Israel–Qatar “trilateral mechanism”.",
    ),
    _matter(
        "M25",
        "West Bank annexation",
        "gaza-no-annexation",
        [],
        "No draft text: reported as a Trump pledge at the 23 September meeting, and as an Arab "
        "demand to be added; one C source says it is in the 21 points (X13). Not in the "
        "20-point material; the eight ministers welcomed Trump's statement.",
    ),
    _matter(
        "M26",
        "Mandate duration / UN role",
        "gaza-mandate",
        [("gaza20-9", NEW), ("gaza2803-f", NEW)],
        "“Temporary”, with no end date, in the 20 points; until 31 December 2027 with "
        "six-monthly reports in resolution 2803. (The separate GITA idea: 1–5 years under a "
        "UN mandate.)",
    ),
]

# Editor labels, where the fact sheet says "harder" or "softer": (matter, provision) →
# (label, one-line rationale). The comparison's label convention is read from one party's
# side for every process, so the Gaza labels are left empty and the rationale says for whom
# the change is harder or softer, as the fact sheet does.
LABELS = {
    ("M01", "gaza20-3"): (
        "",
        "Harder on Hamas: battle lines stay frozen until the staged-withdrawal conditions are "
        "met, with no immediate pullback.",
    ),
    ("M02", "gaza20-3"): (
        "",
        "New: withdrawal “to the agreed upon line” before the hostage release; the reported "
        "map has three stages.",
    ),
    ("M03", "gaza20-4"): ("", "Softer on Hamas: 72 hours instead of 48."),
    ("M04", "gaza20-5"): ("", "The figures are fixed: 250 lifers and 1,700 Gazans."),
    ("M05", "gaza20-5"): ("", "A ratio: 15 Gazans' remains per deceased hostage."),
    ("M06", "gaza20-6"): (
        "",
        "Harder on Hamas: amnesty also requires decommissioning weapons.",
    ),
    ("M08", "gaza20-8"): ("", "The same channels, and new: the Rafah crossing reopens."),
    ("M11", "gaza2803-h"): (
        "",
        "Softer for the PA: reform “as outlined in” the plan, no longer at the Board's "
        "satisfaction.",
    ),
    ("M12", "gaza20-13"): ("", "Tightened wording: “directly, indirectly, or in any form”."),
    ("M13", "gazap1-g"): ("", "Deferred to phase two (Trump)."),
    ("M16", "gaza20-16"): (
        "",
        "Harder on Hamas: withdrawal tied to demilitarisation milestones Israel and the US "
        "help set, and a new security perimeter.",
    ),
    ("M22", "gaza20-19"): ("", "Hedged: the conditions “may finally be in place”."),
}
