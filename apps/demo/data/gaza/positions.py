"""Stated positions of the parties on the Gaza drafts (fact sheet section 4, P01–P32 with
P06a and P21a: 34 rows), oldest first. Same shape and rules as the Russia–Ukraine
`positions.py`: `matter` is a code of `matters.py` where the position is about one matter,
otherwise None with a `topic`; quotations are the fact sheet's, each the speaker's own
words; each source's excerpt is a short paraphrase of what it reports.
"""

from __future__ import annotations

from apps.demo.data.positions import ACCEPTS, CONDITIONAL, DEMANDS, REJECTS, UNCLEAR


def _position(party, speaker, role, matter, stance, stated, paraphrase, sources, **extra):
    row = {
        "party": party,
        "speaker": speaker,
        "role": role,
        "matter": matter,
        "stance": stance,
        "stated": stated,
        "paraphrase": paraphrase,
        "quotation": extra.pop("quotation", ""),
        "sources": sources,
    }
    row.update(extra)
    return row


def _day(iso: str) -> tuple[str, str]:
    return (iso, "day")


PLAN = "gaza-principles"

# Section 5, X14: the one dispute about a position, not a draft.
X14 = ("differs", "Disputed: date of the EU statement by Kallas (X14)")

POSITIONS = [
    _position(
        "united-states",
        "Steve Witkoff",
        "Special envoy",
        None,
        ACCEPTS,
        _day("2025-09-24"),
        "Presented the 21-point plan as the proposer. Said it addresses Israel's concerns and "
        "its neighbours', and that he was confident of a breakthrough.",
        [
            ("g27", "Witkoff at the Concordia summit: the US presented the 21-point plan.", ""),
            ("g28", "Witkoff presented 21 points and expects a breakthrough.", ""),
        ],
        topic=PLAN,
        quotation=(
            "We presented what we call the Trump 21-point plan for peace in the Mideast, in Gaza."
        ),
    ),
    _position(
        "arab-muslim-states",
        "Leaders at the New York meeting",
        "Eight Arab and Muslim states",
        None,
        CONDITIONAL,
        _day("2025-09-23"),
        "Endorsed large parts of the plan but wanted additions: no West Bank annexation, the "
        "Jerusalem status quo, no occupation or settlements in Gaza, more aid.",
        [
            ("g27", "CNN: the leaders' requested additions.", ""),
            ("g30", "Axios relay: the Arab conditions.", ""),
            ("g29", "Axios: the leaders endorsed much of the plan.", ""),
        ],
        topic=PLAN,
    ),
    _position(
        "israel",
        "Benjamin Netanyahu",
        "Prime minister, at the UN General Assembly",
        "M22",
        REJECTS,
        _day("2025-09-26"),
        "Said accepting a Palestinian state would be national suicide and vowed to finish the "
        "job in Gaza.",
        [("g35", "AFP: Netanyahu at the UNGA on a Palestinian state.", "")],
    ),
    _position(
        "united-states",
        "Donald Trump",
        "President",
        None,
        DEMANDS,
        _day("2025-09-29"),
        "Said Israel and the others had accepted and Hamas was the only one left; if Hamas "
        "refuses, Israel would have full US backing.",
        [("g15", "Trump at the press conference with Netanyahu.", "")],
        topic=PLAN,
        quotation="they're the only one left, everyone else has accepted it.",
    ),
    _position(
        "israel",
        "Benjamin Netanyahu",
        "Prime minister",
        None,
        ACCEPTS,
        _day("2025-09-29"),
        "Backed the plan as meeting Israel's war aims; warned it would be done the easy way or "
        "the hard way.",
        [
            ("g75", "Netanyahu's statements at the White House.", ""),
            ("g15", "Netanyahu backed the plan at the press conference.", ""),
        ],
        topic=PLAN,
        quotation="I support your plan to end the war in Gaza, which achieves our war aims.",
    ),
    _position(
        "arab-muslim-states",
        "Foreign ministers of the eight states",
        "Joint statement",
        "M16",
        CONDITIONAL,
        _day("2025-09-29"),
        "Welcomed Trump's efforts and were ready to engage toward finalising the deal; insisted "
        "on full withdrawal and a two-state path with Gaza joined to the West Bank. AP notes "
        "they did not say they agree with the plan as presented.",
        [
            ("g66", "AP text of the eight ministers' statement.", ""),
            ("g67", "Arab News on the joint statement.", ""),
        ],
    ),
    _position(
        "egypt",
        "Badr Abdelatty",
        "Foreign minister, in a call with Rubio",
        None,
        CONDITIONAL,
        _day("2025-09-29"),
        "Welcomed Trump's efforts and set conditions: large-scale aid, Israeli withdrawal, no "
        "West Bank annexation, no displacement, a two-state horizon.",
        [("g81", "The Abdelatty–Rubio call of 29 September.", "")],
        topic=PLAN,
    ),
    _position(
        "palestinian-authority",
        "Palestinian Authority",
        "Official statement (“State of Palestine”)",
        "M11",
        ACCEPTS,
        _day("2025-09-29"),
        "Welcomed Trump's efforts and pledged reforms, including new elections and an end to "
        "payments to militants' families; called for a demilitarised democratic state.",
        [("g66", "AP text of the PA statement.", "")],
    ),
    _position(
        "board-of-peace",
        "Tony Blair",
        "Former UK prime minister; Board of Peace member-designate",
        None,
        ACCEPTS,
        _day("2025-09-29"),
        "Called the plan bold and intelligent.",
        [("g79", "Blair's reaction (mirror of The Independent).", "")],
        topic=PLAN,
        quotation="bold and intelligent",
    ),
    _position(
        "israel",
        "Bezalel Smotrich",
        "Finance minister (coalition)",
        None,
        REJECTS,
        _day("2025-09-29"),
        "Called the plan a return to Oslo-style illusions that would end in renewed fighting.",
        [("g73", "Smotrich on the plan.", "")],
        topic=PLAN,
        quotation="A resounding diplomatic failure.",
    ),
    _position(
        "israel",
        "Benjamin Netanyahu",
        "Prime minister, Telegram video",
        "M22",
        REJECTS,
        _day("2025-09-30"),
        "Denied agreeing to a Palestinian state, while backing the plan; said the IDF would stay "
        "in most of the Strip.",
        [
            ("g71", "AFP: Netanyahu's video on a Palestinian state.", ""),
            ("g72", "Transcript of the video.", ""),
            ("g74", "Netanyahu denies agreeing to a state.", ""),
        ],
        quotation="Not at all, and it is not written in the agreement.",
    ),
    _position(
        "qatar",
        "Sheikh Mohammed bin Abdulrahman Al Thani",
        "Prime minister and foreign minister",
        "M16",
        CONDITIONAL,
        _day("2025-09-30"),
        "The plan achieves the key aim of ending the war, but withdrawal and governance need "
        "clarification and negotiation; Netanyahu's apology was the bare minimum.",
        [
            ("g60", "Al Thani on the plan and the apology.", ""),
            ("g61", "Anadolu: issues need clarification.", ""),
            ("g62", "Withdrawal “within an international legal framework”.", ""),
            ("g148", "Qatar sees a need for clarification on withdrawal.", ""),
        ],
        quotation="there are some issues that require clarification and negotiation.",
    ),
    _position(
        "saudi-arabia",
        "Saudi cabinet",
        "Cabinet chaired by Crown Prince Mohammed bin Salman",
        "M22",
        CONDITIONAL,
        _day("2025-09-30"),
        "Welcomed the plan; ready to cooperate towards a full Israeli withdrawal, unrestricted "
        "aid and a state on the 1967 borders.",
        [("g64", "SPA statement of the Saudi cabinet.", "")],
    ),
    _position(
        "hamas",
        "Unnamed source close to Hamas",
        "To Reuters (unofficial)",
        None,
        REJECTS,
        _day("2025-09-30"),
        "Called the plan biased towards Israel, with impossible conditions; an official "
        "separately said negotiators would study it in good faith.",
        [
            ("g55", "Reuters: the plan is biased toward Israel.", ""),
            ("g56", "Reuters: Hamas will study the plan in good faith.", ""),
        ],
        topic=PLAN,
    ),
    _position(
        "european-union",
        "Kaja Kallas",
        "High Representative",
        "M03",
        DEMANDS,
        _day("2025-09-30"),
        "Called the plan the best immediate chance to end the war; Hamas must accept at once, "
        "starting with releasing the hostages.",
        [
            ("g68", "Kallas's post of 30 September, embedded.", ""),
            ("g54b", "DPA: Kallas, Costa and von der Leyen on the plan.", ""),
            # Section 5, X14: a later EU statement by Kallas, dated differently.
            ("g69", "Agence Europe: a Kallas statement on Thursday evening, 2 October.", "", *X14),
            ("g70", "EJPress, page of 5 October: the statement was on “Saturday”.", "", *X14),
        ],
        quotation=(
            "Hamas must now accept it without delay, starting with the immediate release of "
            "hostages."
        ),
    ),
    _position(
        "united-states",
        "Donald Trump",
        "President",
        None,
        DEMANDS,
        _day("2025-09-30"),
        "Gave Hamas three to four days; said all the Arab and Muslim countries were signed up.",
        [("g54", "Trump's deadline for Hamas.", "")],
        topic=PLAN,
    ),
    _position(
        "egypt",
        "Badr Abdelatty",
        "Foreign minister",
        None,
        CONDITIONAL,
        _day("2025-10-02"),
        "The plan needs further talks on governance and security; Egypt will not accept "
        "displacement.",
        [("g63", "Abdelatty on the plan's gaps (Thursday).", "")],
        topic="gaza-governance",
        quotation="Trump's plan for the Gaza Strip has many gaps that need to be addressed.",
    ),
    _position(
        "pakistan",
        "Ishaq Dar",
        "Deputy prime minister and foreign minister",
        "M16",
        REJECTS,
        _day("2025-10-03"),
        "Said the published 20 points are not the draft the Muslim states gave Trump, which had "
        "sought a full withdrawal.",
        [
            ("g16", "Reuters: Dar on the 20 points.", ""),
            ("g46", "Dar's remarks.", ""),
        ],
        quotation="these 20 points which Trump has made public are ... not the same as ours.",
    ),
    _position(
        "hamas",
        "Hamas",
        "Official statement",
        "M09",
        CONDITIONAL,
        _day("2025-10-03"),
        "Accepted the release of all hostages under the exchange formula and a handover of "
        "administration to independent technocrats; wanted all other issues settled in a "
        "Palestinian national framework. Silent on disarmament.",
        [
            ("g51", "Reuters: the text of Hamas's reply.", ""),
            ("g52", "AFP: Hamas's reply.", ""),
            ("g53", "Hamas's reply and Netanyahu's response.", ""),
        ],
        quotation=(
            "to hand over the administration of the Gaza Strip to a Palestinian body of "
            "independents (technocrats)"
        ),
    ),
    _position(
        "united-states",
        "Donald Trump",
        "President (Truth Social)",
        None,
        ACCEPTS,
        _day("2025-10-03"),
        "Said Hamas was ready for lasting peace and Israel must stop bombing.",
        [
            ("g52", "AFP: Trump's post on Hamas's reply.", ""),
            ("g59", "Trump's post.", ""),
        ],
        topic="gaza-ceasefire",
        quotation=(
            "Israel must immediately stop the bombing of Gaza, so that we can get the Hostages "
            "out safely and quickly!"
        ),
    ),
    _position(
        "turkiye",
        "Recep Tayyip Erdoğan",
        "President",
        "M15",
        CONDITIONAL,
        _day("2025-10-08"),
        "Gaza must remain part of a Palestinian state, governed by Palestinians; any foreign "
        "force deployment needs detailed discussion.",
        [("g76", "Reuters: Erdoğan on Gaza's governance and a foreign force.", "")],
    ),
    _position(
        "hamas",
        "Osama Hamdan",
        "Senior official",
        "M10",
        REJECTS,
        _day("2025-10-09"),
        "Rejected a Trump-led transitional authority.",
        [("g83", "AFP: Hamdan on the Board of Peace.", "")],
        quotation="No Palestinian would accept this.",
    ),
    _position(
        "hamas",
        "Khalil al-Hayya",
        "Head of the Gaza office and chief negotiator, on Al Jazeera",
        "M04",
        ACCEPTS,
        _day("2025-10-09"),
        "Described the exchange: 250 life-sentence prisoners, 1,700 detainees since 7 October, "
        "and all detained minors and women.",
        [("g88", "TASS: al-Hayya on the exchange.", "")],
    ),
    _position(
        "israel",
        "Itamar Ben Gvir",
        "National security minister (coalition)",
        "M04",
        REJECTS,
        _day("2025-10-09"),
        "Said he would vote against the phase-one deal because of the prisoner release.",
        [("g83", "AFP: Ben Gvir on the prisoner release.", "")],
        quotation="an unbearable heavy price",
    ),
    _position(
        "saudi-arabia",
        "Saudi foreign ministry",
        "Statement",
        None,
        ACCEPTS,
        _day("2025-10-09"),
        "Welcomed phase one; called for full withdrawal and a state on the 1967 lines with East "
        "Jerusalem.",
        [("g65", "KUNA: the Saudi statement on phase one.", "")],
        topic="gaza-ceasefire",
    ),
    _position(
        "egypt",
        "Abdel Fattah al-Sisi",
        "President",
        None,
        ACCEPTS,
        _day("2025-10-13"),
        "Praised Trump at the Sharm el-Sheikh summit and sought support for a reconstruction "
        "conference.",
        [
            ("g98", "Sisi at the Sharm el-Sheikh summit.", ""),
            ("g100", "Sisi praised Trump at the signing.", ""),
        ],
        topic="gaza-reconstruction",
        quotation="the only one capable of bringing peace to our region.",
    ),
    _position(
        "turkiye",
        "Recep Tayyip Erdoğan",
        "President",
        "M15",
        CONDITIONAL,
        _day("2025-10-24"),
        "Said Hamas is adhering and Israel violating the truce; urged pressure on Israel; ISF "
        "talks are multi-layered.",
        [("g77", "Erdoğan on the truce and the ISF talks.", "")],
        quotation="Hamas is adhering to the ceasefire.",
    ),
    _position(
        "israel",
        "Benjamin Netanyahu",
        "Prime minister, cabinet meeting",
        "M22",
        REJECTS,
        _day("2025-11-16"),
        "Rejected the draft resolution's reference to a possible Palestinian state.",
        [("g113", "Netanyahu to his cabinet on the draft resolution.", "")],
        quotation=(
            "Israel's opposition to the establishment of a Palestinian state on any part of the "
            "land has not changed."
        ),
    ),
    _position(
        "hamas",
        "Hamas",
        "Official statement",
        "M10",
        REJECTS,
        _day("2025-11-17"),
        "Said resolution 2803 imposes international guardianship, splits Gaza from the rest of "
        "Palestine and makes the ISF a party to the conflict; any force should sit only on the "
        "borders, under the UN.",
        [
            ("g117", "Hamas: the resolution does not meet Palestinian demands.", ""),
            ("g119", "Hamas rejects international guardianship.", ""),
        ],
        quotation=(
            "does not rise to the level of our Palestinian people's political and humanitarian "
            "demands and rights"
        ),
    ),
    _position(
        "palestinian-authority",
        "Varsen Aghabekian Shahin",
        "Foreign minister",
        "M11",
        ACCEPTS,
        _day("2025-11-17"),
        "Welcomed resolution 2803; the PA is ready to take full responsibility for Gaza. Shahin "
        "called it a necessary first step.",
        [
            ("g120", "Shahin on the resolution.", ""),
            ("g121", "The PA welcomes resolution 2803.", ""),
        ],
        quotation="The UN resolution is the first step in a long road towards peace.",
    ),
    _position(
        "russia",
        "Vasily Nebenzya",
        "UN ambassador (abstained)",
        "M10",
        UNCLEAR,
        _day("2025-11-17"),
        "Said the Council was endorsing a US initiative on Washington's assurances.",
        [
            ("g116", "Nebenzia's explanation of vote.", ""),
            ("g109", "Nebenzia on the US initiative.", ""),
        ],
    ),
    _position(
        "china",
        "Fu Cong",
        "UN ambassador (abstained)",
        "M10",
        UNCLEAR,
        _day("2025-11-17"),
        "Called the text unclear on critical elements.",
        [("g109", "Fu Cong's explanation of vote.", "")],
        quotation="vague and unclear on many critical elements.",
    ),
    _position(
        "united-states",
        "Jared Kushner",
        "Envoy, at Davos",
        "M13",
        DEMANDS,
        ("2026-01-01", "month"),
        "Said reconstruction hinges on Hamas demilitarising.",
        [("g135", "Kushner at Davos on demilitarisation.", "")],
        quotation="If Hamas does not demilitarize, that will be what holds back Gaza...",
    ),
    _position(
        "united-states",
        "Mike Waltz",
        "UN ambassador",
        "M12",
        DEMANDS,
        _day("2026-01-28"),
        "Said Hamas must have no governance role; weapons are to be decommissioned through a "
        "funded buy-back.",
        [("g139", "Reuters: Waltz at the Security Council.", "")],
        quotation=(
            "Hamas must not have any role in the governance of Gaza, directly or indirectly, in "
            "any form, period."
        ),
    ),
]
