"""Key events around the 2025 Gaza drafts (gaza fact sheet, section 3), as data.

Same shape as `russia_ukraine`, plus `date_note` where the date itself is uncertain (sources
differ, or none shows the day); an event whose day no source shows spans its month.
"""

from __future__ import annotations

PROCESS_SLUG = "gaza-2025"

EVENTS = [
    {
        "start": "2025-09-09",
        "when": "9 Sep",
        "place": "Doha",
        "short": "Strike in Doha",
        "event": "An Israeli strike targets Hamas leaders in Doha; Qatar later makes an apology "
        "and a commitment not to repeat it conditions for resuming its mediation.",
        "actors": "Israel, Qatar, Hamas",
        "sources": ["g60", "g40"],
    },
    {
        "start": "2025-09-22",
        "end": "2025-09-23",
        "when": "22 or 23 Sep",
        "date_note": "sources differ",
        "place": "New York (UN General Assembly)",
        "short": "21 points shown to 8 states",
        "event": "Trump meets leaders and officials of eight Arab and Muslim states at the "
        "General Assembly and presents the 21-point plan; the states set their conditions.",
        "actors": "Trump; eight Arab and Muslim states",
        "sources": ["g16", "g27", "g29", "g30"],
    },
    {
        "start": "2025-09-24",
        "when": "24 Sep",
        "place": "New York (Concordia summit)",
        "short": "Witkoff: breakthrough soon",
        "event": "Witkoff says the US has presented its 21-point plan and expects a "
        "breakthrough within days.",
        "actors": "Witkoff",
        "sources": ["g27", "g28"],
    },
    {
        "start": "2025-09-25",
        "when": "25 Sep",
        "place": "Cairo",
        "short": "Sisi welcomes the plan",
        "event": "Egypt's President Sisi welcomes Trump's initiative (reported by a grade-C "
        "relay only).",
        "actors": "Sisi",
        "sources": ["g149"],
    },
    {
        "start": "2025-09-26",
        "when": "26 Sep",
        "place": "",
        "short": "More 21-point details",
        "event": "CNN reports more of the 21 points: a 48-hour window, no timetable for "
        "withdrawal, a clause on Qatar and two tiers of governance. At the General Assembly "
        "Netanyahu calls a Palestinian state “national suicide”. Reports describe a "
        "transitional authority for Gaza.",
        "actors": "Netanyahu",
        "sources": ["g26", "g35", "g141", "g142"],
    },
    {
        "start": "2025-09-27",
        "when": "27 Sep",
        "place": "",
        "short": "21 points published",
        "event": "The Times of Israel publishes the 21 points in paraphrase.",
        "actors": "",
        "sources": ["g21", "g22", "g23"],
    },
    {
        "start": "2025-09-28",
        "when": "28 Sep",
        "place": "New York",
        "short": "Witkoff meets Netanyahu",
        "event": "Witkoff, with Kushner, meets Netanyahu and Dermer; how long they met is "
        "disputed. Trump posts that all are on board.",
        "actors": "Witkoff, Kushner, Netanyahu, Dermer",
        "sources": ["g39", "g31", "g32", "g38"],
    },
    {
        "start": "2025-09-29",
        "when": "29 Sep",
        "place": "Washington; Doha",
        "short": "20-point plan released",
        "event": "The White House releases the 20-point plan and Netanyahu endorses it at a "
        "joint press conference; he calls Qatar's prime minister to apologise. Qatar and "
        "Egypt hand the plan to Hamas in Doha; eight foreign ministers and the Palestinian "
        "Authority issue statements.",
        "actors": "Trump, Netanyahu; Qatar, Egypt; Palestinian Authority",
        "sources": ["g15", "g01", "g147", "g120b", "g40", "g66", "g67"],
    },
    {
        "start": "2025-09-30",
        "when": "30 Sep",
        "place": "",
        "short": "Netanyahu: no state",
        "event": "Netanyahu says in a video that he agreed to no Palestinian state and that the "
        "army stays in most of Gaza. Axios reports his edits to the plan and Arab anger; "
        "Trump gives Hamas three or four days. Qatar, Saudi Arabia and EU leaders respond.",
        "actors": "Netanyahu, Trump; Qatar, Saudi Arabia, EU leaders",
        "sources": ["g71", "g72", "g39", "g40", "g60", "g54", "g64", "g68"],
    },
    {
        "start": "2025-10-01",
        "when": "1 Oct",
        "place": "",
        "short": "AP: changes favour Israel",
        "event": "Three Arab officials tell AP that changes favouring Israel were made to the "
        "plan. Hamas is reported (grade C) to seek changes on disarmament and withdrawal.",
        "actors": "",
        "sources": ["g45", "g57"],
    },
    {
        "start": "2025-10-02",
        "when": "2 Oct",
        "date_note": "the date is disputed",
        "place": "",
        "short": "EU and Egypt react",
        "event": "The EU's High Representative issues a statement on the plan; Egypt's "
        "foreign minister says it has many gaps.",
        "actors": "Kallas; Egypt",
        "sources": ["g69", "g63"],
    },
    {
        "start": "2025-10-03",
        "when": "3 Oct",
        "place": "",
        "short": "Hamas answers",
        "event": "Pakistan's foreign minister says the 20 points are not the Muslim states' "
        "draft. Trump sets a deadline of 5 October; Hamas accepts the release of all hostages "
        "and a handover to technocrats and asks to negotiate the rest. Trump tells Israel to "
        "stop bombing.",
        "actors": "Dar, Trump, Hamas",
        "sources": ["g16", "g58", "g51", "g52"],
    },
    {
        "start": "2025-10-04",
        "when": "4 Oct",
        "place": "",
        "short": "Israel prepares phase one",
        "event": "Egypt hopes the positive development leads to implementation; Netanyahu "
        "says Israel is preparing to carry out the first phase.",
        "actors": "Egypt, Netanyahu",
        "sources": ["g80", "g53"],
    },
    {
        "start": "2025-10-06",
        "end": "2025-10-08",
        "when": "6–8 Oct",
        "date_note": "two or three days: sources differ",
        "place": "Sharm el-Sheikh",
        "short": "Indirect talks",
        "event": "Indirect talks at Sharm el-Sheikh; sources differ on whether they lasted "
        "two or three days.",
        "actors": "Israel, Hamas; US, Egypt, Qatar, Türkiye",
        "sources": ["g86", "g84"],
    },
    {
        "start": "2025-10-08",
        "when": "8 Oct",
        "date_note": "the night of 8 to 9 October",
        "place": "",
        "short": "Trump: phase one agreed",
        "event": "Trump announces that both sides have signed off on the first phase.",
        "actors": "Trump",
        "sources": ["g97", "g76"],
    },
    {
        "start": "2025-10-09",
        "when": "9 Oct",
        "place": "Sharm el-Sheikh",
        "short": "Phase-one agreement signed",
        "event": "The agreement is signed at noon Cairo time; the Israeli cabinet is asked to "
        "approve the release of prisoners.",
        "actors": "Israel, Hamas; mediators",
        "sources": ["g84", "g82", "g85"],
    },
    {
        "start": "2025-10-10",
        "when": "10 Oct",
        "place": "Gaza",
        "short": "Ceasefire in force",
        "event": "The ceasefire takes effect at noon; the army pulls back to the “yellow "
        "line” and the 72-hour window for the hostages opens.",
        "actors": "",
        "sources": ["g89", "g90", "g91"],
    },
    {
        "start": "2025-10-13",
        "when": "13 Oct",
        "place": "Jerusalem; Sharm el-Sheikh",
        "short": "Hostages freed; summit",
        "event": "All 20 living hostages are released and about 2,000 prisoners freed (the "
        "figures vary). Trump addresses the Knesset; at the Sharm el-Sheikh summit the US, "
        "Egypt, Qatar and Türkiye sign the declaration.",
        "actors": "Trump; US, Egypt, Qatar, Türkiye",
        "sources": ["g93", "g94", "g92", "g98", "g99", "g100"],
    },
    {
        "start": "2025-10-24",
        "when": "24 Oct",
        "place": "",
        "short": "Erdoğan on the ISF",
        "event": "Erdoğan says talks on the stabilization force go on, that Hamas keeps to the "
        "truce and that Israel breaks it.",
        "actors": "Erdoğan",
        "sources": ["g77"],
    },
    {
        "start": "2025-10-30",
        "when": "30 Oct",
        "place": "",
        "short": "ISF of Arab and Muslim troops",
        "event": "Ynet reports that the stabilization force is to be drawn from Arab and "
        "Muslim troops, coordinated from the US-led centre in Kiryat Gat.",
        "actors": "",
        "sources": ["g125"],
    },
    {
        "start": "2025-11-03",
        "when": "3 Nov",
        "place": "New York (UN)",
        "short": "First US draft resolution",
        "event": "The US circulates its first draft resolution to the Security Council.",
        "actors": "United States",
        "sources": ["g107"],
    },
    {
        "start": "2025-11-10",
        "when": "10 Nov",
        "place": "New York (UN)",
        "short": "Revised US draft",
        "event": "A revised US draft adds benchmarks for withdrawal and reports every six months.",
        "actors": "United States",
        "sources": ["g107"],
    },
    {
        "start": "2025-11-13",
        "when": "13 Nov",
        "place": "New York (UN)",
        "short": "Statehood wording; Russian draft",
        "event": "A further US draft adds wording on self-determination and statehood; Russia "
        "tables a counter-draft without the Board of Peace.",
        "actors": "United States, Russia",
        "sources": ["g107", "g111", "g112"],
    },
    {
        "start": "2025-11-14",
        "when": "14 Nov",
        "place": "",
        "short": "Call for swift adoption",
        "event": "The US and eight Arab and Muslim states jointly urge the Council to adopt "
        "the resolution swiftly.",
        "actors": "United States; eight Arab and Muslim states",
        "sources": ["g111", "g112"],
    },
    {
        "start": "2025-11-16",
        "when": "16 Nov",
        "place": "Jerusalem",
        "short": "Netanyahu: still no state",
        "event": "Netanyahu tells his cabinet that Israel's opposition to a Palestinian state "
        "has not changed (reported by a grade-C source only).",
        "actors": "Netanyahu",
        "sources": ["g113"],
    },
    {
        "start": "2025-11-17",
        "when": "17 Nov",
        "place": "New York (UN)",
        "short": "Resolution 2803 adopted",
        "event": "The Security Council adopts resolution 2803 by 13 votes to none, China and "
        "Russia abstaining. Hamas rejects it; the Palestinian Authority welcomes it.",
        "actors": "UN Security Council; Hamas; Palestinian Authority",
        "sources": ["g105", "g108", "g117", "g121"],
    },
    {
        "start": "2025-12-01",
        "end": "2025-12-31",
        "when": "Dec",
        "date_note": "no source shows the day",
        "place": "Doha",
        "short": "CENTCOM meeting on the ISF",
        "event": "CENTCOM holds a conference in Doha on the stabilization force with more than "
        "45 states; Türkiye is not invited.",
        "actors": "CENTCOM",
        "sources": ["g126", "g127b"],
    },
    {
        "start": "2026-01-14",
        "when": "14 Jan",
        "place": "",
        "short": "Phase two; committee formed",
        "event": "The US announces phase two; the technocratic committee is formed under Ali "
        "Shaath.",
        "actors": "United States; Ali Shaath",
        "sources": ["g136", "g137", "g138"],
    },
    {
        "start": "2026-01-22",
        "when": "22 Jan",
        "place": "Davos",
        "short": "Board of Peace charter",
        "event": "The Board of Peace charter is signed at Davos.",
        "actors": "Trump",
        "sources": ["g129", "g104b"],
    },
    {
        "start": "2026-01-28",
        "when": "28 Jan",
        "place": "New York (UN)",
        "short": "Weapons buy-back",
        "event": "The US ambassador, Waltz, tells the Security Council that demilitarisation "
        "will include a weapons buy-back funded internationally.",
        "actors": "Waltz",
        "sources": ["g139"],
        "later": True,
    },
]
