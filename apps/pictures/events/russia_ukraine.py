"""Key events of 2025 around the Russia–Ukraine drafts (plans fact sheet, section 6), as data.

Every text is paraphrased. Each event has:

- `start` (and `end` for events that lasted several days) as ISO dates;
- `when`: the date as the fact sheet gives it ("mid-Oct", "end Apr", "15–16 May"), without
  the year, which is the start's;
- `place`: where it happened, "" when the fact sheet gives no place;
- `short`: a few words for the label on the time axis;
- `event`: one or two sentences, for the list under the picture and the mark's tooltip;
- `actors`: who took part, "" when the fact sheet names nobody;
- `sources`: source keys as stored (the fact sheet's keys in lower case, e.g. s68b);
- `later`: True for events after the period the drafts cover (the fact sheet marks them
  "beyond window").
"""

from __future__ import annotations

PROCESS_SLUG = "russia-ukraine-2025"

EVENTS = [
    {
        "start": "2025-02-28",
        "when": "28 Feb",
        "place": "Washington (Oval Office)",
        "short": "Oval Office clash",
        "event": "Trump and Zelensky clash in the Oval Office; the US then pauses military "
        "aid and intelligence sharing.",
        "actors": "Trump, Zelensky",
        "sources": ["s68b"],
    },
    {
        "start": "2025-03-11",
        "when": "11 Mar",
        "place": "Jeddah",
        "short": "Jeddah: 30-day ceasefire",
        "event": "Ukraine accepts a US proposal for a 30-day interim ceasefire, on condition "
        "that Russia agrees; the US resumes aid and intelligence sharing.",
        "actors": "Rubio, Waltz; Ukrainian delegation",
        "sources": ["s68", "s68b"],
    },
    {
        "start": "2025-04-17",
        "when": "17 Apr",
        "place": "Paris",
        "short": "Paris: US outline",
        "event": "First talks between the US, European governments and Ukraine; the US "
        "presents an outline of a settlement, and Rubio briefs Lavrov afterwards.",
        "actors": "Rubio, Witkoff, Macron, Lammy, Yermak, Sybiha, Umerov",
        "sources": ["s60", "s61"],
    },
    {
        "start": "2025-04-22",
        "when": "22 Apr",
        "place": "",
        "short": "US “final offer” reported",
        "event": "Axios reports a one-page US “final offer” that includes US recognition of "
        "Crimea as Russian; Zelensky rules out legal recognition.",
        "actors": "",
        "sources": ["s52", "s53", "s64"],
    },
    {
        "start": "2025-04-23",
        "when": "23 Apr",
        "place": "London",
        "short": "London talks downgraded",
        "event": "Ministerial talks are downgraded after Rubio and Witkoff pull out; Kellogg "
        "attends and the Ukrainian–European counter-proposal is handed over. Vance speaks of "
        "freezing the front lines, and Trump criticises Zelensky online.",
        "actors": "Kellogg, Yermak, Sybiha, Umerov, Bonne, Plötner, Powell",
        "sources": ["s55", "s56", "s57", "s57c", "s64", "s65"],
    },
    {
        "start": "2025-04-24",
        "when": "24 Apr",
        "place": "Kyiv",
        "short": "Strike on Kyiv",
        "event": "A major Russian strike on Kyiv kills at least 12 people; Trump publicly "
        "urges Putin to stop.",
        "actors": "",
        "sources": ["seed-003", "seed-004"],
    },
    {
        "start": "2025-04-25",
        "when": "25 Apr",
        "place": "Moscow / Balashikha",
        "short": "Witkoff meets Putin",
        "event": "Witkoff meets Putin for the fourth time, for about three hours; Ushakov says "
        "they discussed direct Russia–Ukraine talks. A Russian general is killed by a car "
        "bomb near Moscow. Reuters publishes both April texts.",
        "actors": "Witkoff, Putin, Ushakov, Dmitriev",
        "sources": ["s69", "s69b", "seed-003", "seed-004", "s54"],
    },
    {
        "start": "2025-04-26",
        "when": "26 Apr",
        "place": "Vatican",
        "short": "Talk at the Vatican",
        "event": "Trump and Zelensky talk for about 15 minutes in St Peter's Basilica before "
        "Pope Francis's funeral.",
        "actors": "Trump, Zelensky",
        "sources": ["s70", "s70b"],
    },
    {
        "start": "2025-04-30",
        "when": "end Apr",
        "place": "Washington / Kyiv",
        "short": "Minerals agreement",
        "event": "The US–Ukraine minerals and reconstruction-fund agreement is concluded at the "
        "end of April; both April texts refer to it.",
        "actors": "",
        "sources": ["s58c", "s58d"],
    },
    {
        "start": "2025-05-15",
        "end": "2025-05-16",
        "when": "15–16 May",
        "place": "Istanbul",
        "short": "Istanbul: direct talks",
        "event": "The first direct Russia–Ukraine talks since 2022. On 18 May Kellogg says "
        "the US has a 22-point framework drawn up after London.",
        "actors": "Russian delegation (Medinsky), Ukrainian delegation; Rubio, Witkoff, Kellogg",
        "sources": ["s67", "s67b", "s67c"],
    },
    {
        "start": "2025-08-12",
        "when": "12 Aug",
        "place": "",
        "short": "EU-26 statement",
        "event": "In a joint statement, 26 EU leaders (all but Hungary's) say borders must not "
        "be changed by force and Ukraine must decide its own future.",
        "actors": "EU-26",
        "sources": ["s73"],
    },
    {
        "start": "2025-08-15",
        "when": "15 Aug",
        "place": "Anchorage, Alaska",
        "short": "Anchorage summit",
        "event": "The Trump–Putin summit in Alaska ends without a ceasefire or a deal.",
        "actors": "Trump, Putin",
        "sources": ["s74", "s74b"],
    },
    {
        "start": "2025-08-18",
        "when": "18 Aug",
        "place": "Washington",
        "short": "Zelensky in Washington",
        "event": "Zelensky meets Trump in Washington, a visit announced right after the "
        "summit; Trump had briefed European leaders.",
        "actors": "Trump, Zelensky",
        "sources": ["s74", "s74b"],
    },
    {
        "start": "2025-10-14",
        "when": "14 Oct",
        "place": "by phone",
        "short": "Witkoff–Ushakov call",
        "event": "Witkoff and Ushakov discuss a Gaza-style plan by phone; the call leaked on "
        "25 November.",
        "actors": "Witkoff, Ushakov",
        "sources": ["s35", "s16c"],
    },
    {
        "start": "2025-10-15",
        "when": "mid-Oct",
        "place": "",
        "short": "Russian “non-paper”",
        "event": "Russia passes a “non-paper” of its conditions to US officials; according "
        "to Reuters it became a key element of the 28 points.",
        "actors": "",
        "sources": ["s17"],
    },
    {
        "start": "2025-10-21",
        "when": "21 Oct",
        "place": "",
        "short": "European ceasefire plan",
        "event": "European governments and Ukraine work on a proposal for a ceasefire along "
        "the current lines, with a peace board chaired by Trump.",
        "actors": "European national security advisers",
        "sources": ["s49", "s50"],
    },
    {
        "start": "2025-10-29",
        "when": "29 Oct",
        "place": "by phone",
        "short": "Dmitriev–Ushakov call",
        "event": "Dmitriev and Ushakov discuss releasing a paper by phone; the call leaked on "
        "25 November.",
        "actors": "Dmitriev, Ushakov",
        "sources": ["s16"],
    },
    {
        "start": "2025-11-18",
        "end": "2025-11-19",
        "when": "18–19 Nov",
        "place": "",
        "short": "28-point plan reported",
        "event": "First reports of a secret US 28-point plan.",
        "actors": "Axios",
        "sources": ["s16", "s16b", "s20b"],
    },
    {
        "start": "2025-11-20",
        "when": "20 Nov",
        "place": "Kyiv",
        "short": "Plan handed to Zelensky",
        "event": "Driscoll hands the plan to Zelensky; Honcharenko publishes the points and "
        "Axios the full text.",
        "actors": "Driscoll, Zelensky",
        "sources": ["s14", "s15", "s01", "s02"],
    },
    {
        "start": "2025-11-21",
        "when": "21 Nov",
        "place": "Kyiv / Washington / Moscow",
        "short": "Deadline of 27 Nov set",
        "event": "Zelensky warns that Ukraine may have to choose between its dignity and a key "
        "partner. Trump sets Thursday 27 November as a deadline. Putin says the plan could "
        "be the basis of a settlement.",
        "actors": "Zelensky, Trump, Putin",
        "sources": ["s24", "s23", "s25", "s25b"],
    },
    {
        "start": "2025-11-22",
        "when": "22 Nov",
        "place": "Johannesburg (G20); Halifax",
        "short": "G20: allies ask for changes",
        "event": "European and allied leaders call the US draft a basis that needs more work "
        "and object to the cap on Ukraine's army. The State Department rebuts senators' "
        "claim that the plan is a Russian “wish list”.",
        "actors": "Macron, Merz, Starmer and others; Senators Rounds, King, Shaheen; Rubio",
        "sources": ["s49b", "s62b", "s19"],
    },
    {
        "start": "2025-11-23",
        "when": "23 Nov",
        "place": "Geneva",
        "short": "Geneva talks",
        "event": "US–Ukraine talks in Geneva. The E3 mark-up and the European 24-point plan "
        "are published; a joint statement speaks of an updated and refined peace framework.",
        "actors": "Rubio, Witkoff, Driscoll; Yermak, Umerov; E3 national security advisers",
        "sources": ["s26", "s27", "s05", "s46"],
    },
    {
        "start": "2025-11-24",
        "when": "24 Nov",
        "place": "Geneva / Moscow / Luanda / Abu Dhabi",
        "short": "19 points; E3 plan rejected",
        "event": "The FT reports a 19-point text and Ushakov rejects the E3 plan. EU leaders "
        "meet at the EU–AU summit in Luanda; Driscoll meets Russian officials in Abu Dhabi "
        "(24–25 November).",
        "actors": "Kyslytsya, Ushakov, Costa, Driscoll",
        "sources": ["s29", "s36", "s62b", "s31"],
    },
    {
        "start": "2025-11-25",
        "when": "25 Nov",
        "place": "",
        "short": "“Common understanding”",
        "event": "Umerov speaks of a common understanding on the core terms. Trump says there "
        "is no deadline and calls the plan a concept of 22 points. Coalition-of-the-willing "
        "video call; Bloomberg publishes transcripts of the autumn calls.",
        "actors": "Umerov, Trump, Starmer",
        "sources": ["s31", "s35", "s34d", "s16"],
    },
    {
        "start": "2025-11-26",
        "when": "26 Nov",
        "place": "Moscow",
        "short": "Witkoff visit confirmed",
        "event": "Ushakov confirms that Witkoff will visit the Kremlin the following week.",
        "actors": "Ushakov",
        "sources": ["seed-002"],
    },
    {
        "start": "2025-11-27",
        "when": "27 Nov",
        "place": "",
        "short": "Putin's conditions",
        "event": "Putin says Ukrainian troops must withdraw for the fighting to stop, and that "
        "US legal recognition of Crimea and Donbas will be a focus.",
        "actors": "Putin",
        "sources": ["seed-000", "seed-001"],
    },
    {
        "start": "2025-11-28",
        "when": "28 Nov",
        "place": "Kyiv",
        "short": "Yermak resigns",
        "event": "Yermak resigns after anti-corruption searches. The Telegraph reports that "
        "Trump could recognise Crimea and other occupied areas; the Kremlin acknowledges a "
        "revised proposal.",
        "actors": "Yermak",
        "sources": ["s39", "s39c", "seed-000", "seed-001"],
    },
    {
        "start": "2025-11-30",
        "when": "30 Nov",
        "place": "Florida",
        "short": "Talks in Florida",
        "event": "US–Ukraine talks in Florida: Umerov meets Rubio, Witkoff and Kushner.",
        "actors": "Umerov, Rubio, Witkoff, Kushner",
        "sources": ["s39", "s39b"],
    },
    {
        "start": "2025-12-02",
        "when": "2 Dec",
        "place": "Moscow",
        "short": "Witkoff and Kushner in Moscow",
        "event": "Witkoff and Kushner meet Putin to discuss the US plan.",
        "actors": "Witkoff, Kushner, Putin",
        "sources": ["s75"],
        "later": True,
    },
    {
        "start": "2025-12-23",
        "end": "2025-12-24",
        "when": "23–24 Dec",
        "place": "Kyiv",
        "short": "20-point framework",
        "event": "Zelensky presents a 20-point framework: a peacetime army of 800,000, "
        "guarantees modelled on Article 5 and EU membership by a set date; territory and the "
        "Zaporizhzhia nuclear plant remain open.",
        "actors": "Zelensky",
        "sources": ["s71", "s72"],
        "later": True,
    },
]
