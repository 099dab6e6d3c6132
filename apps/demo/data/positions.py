"""Stated positions of the parties (fact sheet sections 1.1, 2.1, 5 and 6, the EU-26 statement
[S73], and the five seed articles), oldest first.

One dict per position:

* `party`: a party slug of `parties.py`; `speaker` and `role`: who said it (a person, or a
  delegation or group when the report names no single speaker).
* `matter`: an alignment matter code of `matters.py`, or None. `topic`: a topic code of
  `topics.py`, only where it is narrower than the matter's topic (Crimea) or where there is
  no matter; otherwise the matter's topic is used.
* `stance`: what the party says about the matter: "accepts" (agrees to it as drafted or
  proposed), "rejects", "demands" (asks for it, or for something the drafts lack),
  "conditional" (accepts it on conditions) or "unclear" (the reports leave it open).
* `stated`: (ISO date, precision). Where a report gives no day, the month is stored
  ("2025-11-01", "month"). No date is later than the sources that report it.
* `paraphrase`: the position in our words. `quotation`: optional, under 20 words, verbatim
  from the cited source or the fact sheet, and always the speaker's own words.
* `sources`: (source key, excerpt, locator) rows. Each source supports the position; the
  excerpt is a short paraphrase of what the source reports (150 characters at most) and the
  locator the point of a plan text, where there is one. A source that reports the position
  differently adds its stance and the note of the difference: (key, excerpt, locator,
  "differs", note).
* A position is what a party's speaker said or a party's text proposed. A news outlet's own
  background analysis is not a position.

Stances shift over time on several matters, e.g. the United States on territory (A16) and
army size (A10), Ukraine on the ceasefire sequence (A27), Russia on territory (A16) and the
E3 on army size (A10).
"""

from __future__ import annotations

ACCEPTS = "accepts"
REJECTS = "rejects"
DEMANDS = "demands"
CONDITIONAL = "conditional"
UNCLEAR = "unclear"

# Speakers who appear on several rows.
APRIL_US_TEAM = (
    "Rubio and Witkoff",
    "Secretary of State; special envoy (framework shown in Paris)",
)
LONDON_UA = ("Ukrainian delegation", "London talks (Yermak, Sybiha, Umerov)")
LONDON_EU = (
    "British, French and German officials",
    "Co-authors of the Ukrainian–European counter-proposal (London talks)",
)
# The 28-point plan's own terms: the US administration's position, not statements by
# Army Secretary Driscoll, who only handed the plan over in Kyiv.
US_PLAN = (
    "US administration",
    "Terms of the 28-point plan that Army Secretary Driscoll handed over in Kyiv",
)
E3_ADVISERS = ("E3 national security advisers", "Authors of the E3 mark-up of the US plan")

POSITIONS = [
    # March: the Jeddah interim ceasefire.
    {
        "party": "united-states",
        "speaker": "Rubio and Waltz",
        "role": "Secretary of State; National Security Adviser (Jeddah talks)",
        "matter": "A27",
        "stance": DEMANDS,
        "stated": ("2025-03-11", "day"),
        "paraphrase": (
            "In Jeddah the US team proposed a 30-day interim truce as the first step towards "
            "ending the war, and resumed aid and intelligence sharing once Kyiv signed up."
        ),
        "quotation": "",
        "sources": [
            (
                "s68",
                "Kyiv took up the US offer of a 30-day ceasefire; Washington lifted its pause on "
                "aid and intelligence.",
                "",
            ),
        ],
    },
    {
        "party": "ukraine",
        "speaker": "Ukrainian delegation",
        "role": "Jeddah talks with the US",
        "matter": "A27",
        "stance": CONDITIONAL,
        "stated": ("2025-03-11", "day"),
        "paraphrase": (
            "Ukraine agreed to the American idea of a 30-day interim ceasefire, provided that "
            "Russia accepted it as well."
        ),
        "quotation": "",
        "sources": [
            ("s68b", "Ukraine backed the US 30-day truce proposal; it now depended on Moscow.", ""),
            ("s68", "Ukraine's acceptance of the 30-day ceasefire was subject to Russia's.", ""),
        ],
    },
    # April: the US "final offer", the London talks and the Ukrainian–European counter.
    {
        "party": "united-states",
        "speaker": APRIL_US_TEAM[0],
        "role": APRIL_US_TEAM[1],
        "matter": "A11",
        "stance": DEMANDS,
        "stated": ("2025-04-17", "day"),
        "paraphrase": (
            "The one-page US framework shown to Ukrainian and European officials in Paris "
            "required Kyiv to drop its NATO ambitions; Axios called the promise binding."
        ),
        "quotation": "",
        "sources": [
            (
                "s52",
                "Axios text: under the US framework Ukraine would not seek NATO membership.",
                "",
            ),
            ("seed-004", "Among the US proposals: Kyiv abandoning its NATO ambition.", ""),
        ],
    },
    {
        "party": "united-states",
        "speaker": APRIL_US_TEAM[0],
        "role": APRIL_US_TEAM[1],
        "matter": "A06",
        "stance": ACCEPTS,
        "stated": ("2025-04-17", "day"),
        "paraphrase": (
            "The April framework offered Ukraine a strong security guarantee from an ad hoc "
            "group of European and other willing states, leaving the American role undefined."
        ),
        "quotation": "",
        "sources": [
            ("s52", "Axios: a robust guarantee from European and willing non-European states.", ""),
            ("s54", "Reuters text: guarantors are an ad hoc group; the US part is not stated.", ""),
        ],
    },
    {
        "party": "united-states",
        "speaker": APRIL_US_TEAM[0],
        "role": APRIL_US_TEAM[1],
        "matter": "A15",
        "stance": ACCEPTS,
        "stated": ("2025-04-17", "day"),
        "paraphrase": (
            "Washington's framework would remove the sanctions imposed on Russia since 2014 and "
            "open the way to closer US–Russian business, chiefly in energy and industry."
        ),
        "quotation": "",
        "sources": [
            ("s52", "Axios: post-2014 sanctions lifted; US–Russia energy and industrial ties.", ""),
            ("seed-003", "The leaked US plan reportedly included lifting sanctions on Russia.", ""),
        ],
    },
    {
        "party": "ukraine",
        "speaker": "Zelensky",
        "role": "President",
        "matter": "A16",
        "topic": "territory-crimea",
        "stance": REJECTS,
        "stated": ("2025-04-22", "day"),
        "paraphrase": (
            "Zelensky refused any legal recognition of Russia's occupation of Crimea, arguing "
            "that Ukraine's constitution does not allow it."
        ),
        "quotation": "There is nothing to talk about here.",
        "sources": [
            (
                "s64",
                "Zelensky: Kyiv will not legally recognise Crimea's occupation; unconstitutional.",
                "",
            ),
            (
                "seed-003",
                "Zelensky said Kyiv's stance on Crimea was unchanged: the constitution counts "
                "occupied land as Ukrainian.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "Vance",
        "role": "Vice-President",
        "matter": "A16",
        "stance": ACCEPTS,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "Speaking in India, Vance said the American proposal would halt the lines roughly "
            "where the armies now stand, with both countries giving up some land they claim."
        ),
        "quotation": "",
        "sources": [
            (
                "s64",
                "Vance: lines frozen near the current front; each side would lose some land.",
                "",
            ),
            (
                "s65b",
                "BBC relay: Vance spoke of freezing territorial lines at about their position.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "Trump",
        "role": "President",
        "matter": "A16",
        "topic": "territory-crimea",
        "stance": ACCEPTS,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "On Truth Social Trump said Zelensky's public refusal over Crimea was hurting the "
            "negotiations, adding that no one was asking Kyiv itself to call the peninsula Russian."
        ),
        "quotation": "",
        "sources": [
            ("s65", "AFP: Trump said Zelensky's Crimea remarks harmed the peace talks.", ""),
            ("s64", "Trump: nobody is asking Zelensky to recognise Crimea as Russian.", ""),
        ],
    },
    {
        "party": "ukraine",
        "speaker": LONDON_UA[0],
        "role": LONDON_UA[1],
        "matter": "A27",
        "stance": DEMANDS,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "Kyiv's negotiators wanted a complete and unconditional truce on land, at sea and in "
            "the air before any talks about territory, watched over by US-led monitors."
        ),
        "quotation": "",
        "sources": [
            (
                "s57",
                "The London meeting was scaled down after a Ukrainian paper ruled out land talks "
                "before a full ceasefire.",
                "",
            ),
            (
                "s58",
                "Counter-proposal text: full ceasefire first, then technical talks; US-led monitoring.",
                "",
            ),
        ],
    },
    {
        "party": "ukraine",
        "speaker": LONDON_UA[0],
        "role": LONDON_UA[1],
        "matter": "A07",
        "stance": DEMANDS,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "The Ukrainian–European text asked for strong guarantees in which the United States "
            "also takes part, on the lines of NATO's Article 5."
        ),
        "quotation": "",
        "sources": [
            (
                "s58",
                "Counter-proposal text: robust guarantees, the US included, Article 5-like.",
                "",
            ),
            ("s58b", "Kyiv Independent: the counter-proposal seeks US security guarantees.", ""),
        ],
    },
    {
        "party": "ukraine",
        "speaker": LONDON_UA[0],
        "role": LONDON_UA[1],
        "matter": "A15",
        "stance": CONDITIONAL,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "Kyiv would let US sanctions on Russia be relaxed only gradually, after a durable "
            "peace takes hold, and restored automatically if Moscow breaks the deal."
        ),
        "quotation": "",
        "sources": [
            (
                "s58b",
                "Reuters via Kyiv Independent: gradual easing after lasting peace, with snap-back.",
                "",
            ),
            ("s59b", "Reuters relay: terms for easing sanctions, reinstated on a breach.", ""),
        ],
    },
    {
        "party": "e3",
        "speaker": LONDON_EU[0],
        "role": LONDON_EU[1],
        "matter": "A16",
        "stance": CONDITIONAL,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "The European co-authors agreed to discuss territory only once a full, unconditional "
            "ceasefire holds, starting from the line of control and recognising no Russian claim."
        ),
        "quotation": "",
        "sources": [
            (
                "s58",
                "Counter-proposal text: territory settled only after a full, unconditional ceasefire.",
                "",
            ),
            ("s58b", "Kyiv Independent: the joint proposal contains no recognition of Crimea.", ""),
        ],
    },
    {
        "party": "e3",
        "speaker": LONDON_EU[0],
        "role": LONDON_EU[1],
        "matter": "A10",
        "stance": REJECTS,
        "stated": ("2025-04-23", "day"),
        "paraphrase": (
            "The same April text set no ceiling of any kind on Ukraine's defence forces, "
            "rejecting a cap on their size."
        ),
        "quotation": "",
        "sources": [
            ("s58", "Counter-proposal text: no restrictions on Ukraine's defence forces.", ""),
        ],
    },
    {
        "party": "united-states",
        "speaker": "Trump",
        "role": "President",
        "matter": "A16",
        "topic": "territory-crimea",
        "stance": ACCEPTS,
        "stated": ("2025-04-25", "day"),
        "paraphrase": (
            "Asked by TIME whether Russia could keep Crimea and the other regions it has taken, "
            "Trump said the peninsula would remain Russian and that Zelensky knew it."
        ),
        "quotation": "Crimea will stay with Russia.",
        "sources": [
            (
                "seed-004",
                "TIME interview published 25 Apr: Trump said Crimea would remain Russian.",
                "",
            ),
            (
                "seed-003",
                "In TIME Trump again treated Crimea as Russian, citing its long Russian ties.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "Witkoff",
        "role": "Special envoy",
        "matter": "A10",
        "stance": DEMANDS,
        "stated": ("2025-04-25", "day"),
        "paraphrase": (
            "At his fourth meeting with Putin, Witkoff was to press Moscow to accept that Ukraine "
            "keeps the right to build up its own armed forces and arms industry under any deal."
        ),
        "quotation": "",
        "sources": [
            (
                "seed-004",
                "Witkoff was to put to Putin the US call for Kyiv to retain its own armed forces "
                "and arms production.",
                "",
            ),
        ],
    },
    # August: the EU-26 statement.
    {
        "party": "european-union",
        "speaker": "26 EU leaders",
        "role": "Joint statement (all member states but Hungary)",
        "matter": "A17",
        "stance": DEMANDS,
        "stated": ("2025-08-12", "day"),
        "paraphrase": (
            "Heads of 26 EU member states declared that borders may not be redrawn by force "
            "and that only Ukraine can decide its own future."
        ),
        "quotation": "",
        "sources": [
            (
                "s73",
                "Irish Times/Reuters: 26 EU leaders say Ukraine must decide its own future.",
                "",
            ),
        ],
    },
    # November: the 28-point plan, Geneva and after.
    {
        "party": "russia",
        "speaker": "Lavrov",
        "role": "Foreign Minister",
        "matter": "A16",
        "stance": CONDITIONAL,
        "stated": ("2025-11-01", "month"),
        "paraphrase": (
            "Lavrov said Russia favoured the first US draft, under which Ukraine would leave the "
            "Donbas it holds, and warned that far-reaching edits would change the picture."
        ),
        "quotation": "",
        "sources": [
            (
                "seed-002",
                "Lavrov: Moscow preferred the first draft and cautioned that major edits would shift things.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "Rubio",
        "role": "Secretary of State",
        "matter": "A11",
        "stance": UNCLEAR,
        "stated": ("2025-11-01", "month"),
        "paraphrase": (
            "One Russian foreign-ministry-linked journal reported Rubio as saying that NATO and "
            "EU questions would be handled with the Europeans on separate tracks; the US stance "
            "on membership itself was left open."
        ),
        "quotation": "",
        "sources": [
            ("s38", "Low-confidence report: Rubio put NATO and EU issues on separate tracks.", ""),
        ],
    },
    {
        "party": "france",
        "speaker": "Macron",
        "role": "President",
        "matter": "A27",
        "stance": DEMANDS,
        "stated": ("2025-11-01", "month"),
        "paraphrase": (
            "Macron said he could detect no willingness in Moscow to stop the fighting, the "
            "step that Europe's own plans put first."
        ),
        "quotation": "no Russian will for a ceasefire",
        "sources": [
            ("seed-002", "Macron: no sign that Moscow wants a ceasefire.", ""),
        ],
    },
    {
        "party": "united-kingdom",
        "speaker": "Starmer",
        "role": "Prime Minister",
        "matter": "A06",
        "stance": DEMANDS,
        "stated": ("2025-11-01", "month"),
        "paraphrase": (
            "Starmer cautioned that the talks still had far to go, as Britain, France and other "
            "allies joined the US in a working group meant to hasten guarantees for Kyiv."
        ),
        "quotation": "a long way to go",
        "sources": [
            (
                "seed-002",
                "Starmer warned of a long road; the UK, France and others set up a joint group "
                "with the US to hasten guarantees.",
                "",
            ),
        ],
    },
    {
        "party": "european-union",
        "speaker": "European leaders",
        "role": "EU heads of government, as reported by the FT",
        "matter": "A15",
        "stance": DEMANDS,
        "stated": ("2025-11-01", "month"),
        "paraphrase": (
            "European leaders wanted decisions on sanctions against Russia, and on its frozen "
            "assets, to be taken inside the EU."
        ),
        "quotation": "",
        "sources": [
            (
                "s29c",
                "FT via LIGA.net: European leaders want assets and sanctions decided in the EU.",
                "",
            ),
        ],
    },
    {
        "party": "ukraine",
        "speaker": "Yermak",
        "role": "Head of the Presidential Office, chief negotiator",
        "matter": "A16",
        "stance": REJECTS,
        "stated": ("2025-11-01", "month"),
        "paraphrase": (
            "In a final interview before he resigned, Yermak told The Atlantic that Zelensky "
            "would never hand land to Russia because the constitution bars it."
        ),
        "quotation": "Zelensky will not sign away territory. The constitution forbids it.",
        "sources": [
            (
                "seed-001",
                "Yermak to The Atlantic: no sane person signs away land; the constitution forbids it.",
                "",
            ),
            (
                "seed-000",
                "Yermak said Zelensky would never let Ukraine cede territory to Russia.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": US_PLAN[0],
        "role": US_PLAN[1],
        "matter": "A10",
        "stance": ACCEPTS,
        "stated": ("2025-11-20", "day"),
        "paraphrase": (
            "The US plan handed to Zelensky would hold Ukraine's armed forces to 600,000, well "
            "under their present strength."
        ),
        "quotation": "",
        "sources": [
            (
                "s01",
                "AP text of point 6: Ukraine's armed forces capped at 600,000 personnel.",
                "point 6",
            ),
            ("s14", "Driscoll handed the 28-point plan to Zelensky in Kyiv on 20 Nov.", ""),
        ],
    },
    {
        "party": "united-states",
        "speaker": US_PLAN[0],
        "role": US_PLAN[1],
        "matter": "A07",
        "stance": CONDITIONAL,
        "stated": ("2025-11-20", "day"),
        "paraphrase": (
            "The plan's guarantee came with strings: the US would be paid for it, and it would "
            "lapse if Ukraine invaded Russia or fired at Moscow or St Petersburg unprovoked."
        ),
        "quotation": "",
        "sources": [
            (
                "s01",
                "AP text of point 10: guarantee compensated; void on Ukrainian attacks on Russia.",
                "point 10",
            ),
            (
                "s20",
                "Axios: a separate draft US guarantee treats a major Russian attack as a threat to "
                "the transatlantic community.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": US_PLAN[0],
        "role": US_PLAN[1],
        "matter": "A15",
        "stance": ACCEPTS,
        "stated": ("2025-11-20", "day"),
        "paraphrase": (
            "The plan would bring Russia back into the world economy: sanctions eased in stages, "
            "a long-term economic pact with the US and a seat in the G8 again."
        ),
        "quotation": "",
        "sources": [
            (
                "s10",
                "Point 13: staged sanctions relief, US–Russia economic deal, return to the G8.",
                "point 13",
            ),
            ("s03b", "Relay: the Trump-backed plan foresees Russia rejoining the G8.", ""),
        ],
    },
    {
        "party": "united-states",
        "speaker": US_PLAN[0],
        "role": US_PLAN[1],
        "matter": "A27",
        "stance": CONDITIONAL,
        "stated": ("2025-11-20", "day"),
        "paraphrase": (
            "Under the plan's last point the guns would fall silent only after every party "
            "had agreed and both armies had drawn back to agreed positions."
        ),
        "quotation": "",
        "sources": [
            (
                "s08",
                "Point 28: the ceasefire starts once both sides pull back to agreed positions.",
                "point 28",
            ),
        ],
    },
    {
        "party": "russia",
        "speaker": "Putin",
        "role": "President",
        "matter": "A16",
        "stance": CONDITIONAL,
        "stated": ("2025-11-21", "day"),
        "paraphrase": (
            "Putin said the US 28-point draft, which would have Ukraine leave the part of "
            "Donetsk it still holds, could serve as the starting point of a final settlement."
        ),
        "quotation": "could form the basis",
        "sources": [
            (
                "s25b",
                "Interfax-Ukraine: Putin considers the Trump plan a possible basis for a settlement.",
                "",
            ),
            ("s25", "India Today: Putin says the US plan could underpin a final deal.", ""),
        ],
    },
    # One joint statement, filed under each leader who made it (S62b names them).
    *(
        {
            "party": party,
            "speaker": speaker,
            "role": "G20 summit, Johannesburg: statement of European and allied leaders",
            "matter": "A10",
            "stance": REJECTS,
            "stated": ("2025-11-22", "day"),
            "paraphrase": (
                "At the G20, European and allied leaders treated the US draft as a basis needing "
                "more work and objected to limiting the size of Ukraine's army."
            ),
            "quotation": "",
            "sources": [
                (
                    "s62b",
                    "G20 leaders' statement: the US draft needs more work; concern over the army "
                    "cap.",
                    "",
                ),
                (
                    "s49b",
                    "WaPo/Bloomberg via Espreso: Europe's counterplan sets no military limits.",
                    "",
                ),
            ],
        }
        for party, speaker in (
            ("france", "Macron"),
            ("germany", "Merz"),
            ("united-kingdom", "Starmer"),
        )
    ),
    {
        "party": "e3",
        "speaker": E3_ADVISERS[0],
        "role": E3_ADVISERS[1],
        "matter": "A10",
        "stance": CONDITIONAL,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "Marking up the US text, the E3 accepted a ceiling only at 800,000 troops and only "
            "in peacetime."
        ),
        "quotation": "",
        "sources": [
            ("s06", "Reuters: the Europeans propose a higher cap, 800,000 in peacetime.", ""),
            ("s05", "Full E3 text: Ukraine's military capped at 800,000 in peacetime.", "point 6"),
        ],
    },
    {
        "party": "e3",
        "speaker": E3_ADVISERS[0],
        "role": E3_ADVISERS[1],
        "matter": "A11",
        "stance": CONDITIONAL,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "Instead of a permanent ban, the E3 left Ukraine's NATO membership to a consensus "
            "of the allies, noting that there is none at present."
        ),
        "quotation": "",
        "sources": [
            (
                "s05",
                "Full E3 text: membership depends on a NATO consensus that does not exist now.",
                "point 7",
            ),
            ("s44", "Reuters via LIGA.net: the E3 amendments replace the NATO ban.", ""),
        ],
    },
    {
        "party": "e3",
        "speaker": E3_ADVISERS[0],
        "role": E3_ADVISERS[1],
        "matter": "A07",
        "stance": DEMANDS,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "The E3 asked for an American guarantee modelled on Article 5: lost if Ukraine "
            "attacked Russia, and answered with a joint military response if Russia invaded again."
        ),
        "quotation": "",
        "sources": [
            ("s06", "Reuters: the Europeans propose a NATO-style pact mirroring Article 5.", ""),
            (
                "s05",
                "Full E3 text: a US guarantee mirroring Article 5, with conditions.",
                "point 10",
            ),
        ],
    },
    {
        "party": "e3",
        "speaker": E3_ADVISERS[0],
        "role": E3_ADVISERS[1],
        "matter": "A15",
        "stance": ACCEPTS,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "The E3 mark-up kept Russia's gradual return to the world economy and to the G8. "
            "Conditions and snap-back on other sanctions appear only in Bloomberg's description "
            "of the European counter, not in the text reported by Reuters."
        ),
        "quotation": "",
        "sources": [
            (
                "s42b",
                "Reuters relay: Europe accepts Russia's return to the G8 after a settlement.",
                "",
            ),
            (
                "s41b",
                "Relay of the Reuters text: gradual reintegration and a G8 return.",
                "point 13",
            ),
            (
                "s50b",
                "Bloomberg's description, not the E3 text: relief staged, conditional, reversible.",
                "",
            ),
        ],
    },
    {
        "party": "e3",
        "speaker": E3_ADVISERS[0],
        "role": E3_ADVISERS[1],
        "matter": "A16",
        "stance": CONDITIONAL,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "The E3 struck out any advance recognition of regions as Russian: Ukraine would "
            "pledge not to retake land by force, and talks on swaps would begin at the line of "
            "contact."
        ),
        "quotation": "",
        "sources": [
            ("s06", "Reuters: territorial swaps to be negotiated from the line of contact.", ""),
            (
                "seed-000",
                "Europe answered the US plan by proposing talks that start from frozen lines.",
                "",
            ),
        ],
    },
    {
        "party": "european-union",
        "speaker": "European governments",
        "role": "Authors of the 24-point plan published by The Telegraph",
        "matter": "A27",
        "stance": DEMANDS,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "The European 24-point plan begins with a full, unconditional truce on land, at sea "
            "and in the air, followed by technical talks on US-led monitoring."
        ),
        "quotation": "",
        "sources": [
            (
                "s46",
                "bb.lv on the Telegraph plan: a full unconditional ceasefire comes first.",
                "point 2",
            ),
            (
                "s46b",
                "EADaily: the European counterplan opens with an unconditional ceasefire.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "US delegation (Rubio, Witkoff, Driscoll)",
        "role": "Geneva talks; joint statement with Ukraine",
        "matter": "A16",
        "stance": UNCLEAR,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "After Geneva the US and Ukraine said their revised text must fully respect "
            "Ukraine's sovereignty; territory was left in brackets for the two presidents."
        ),
        "quotation": "updated and refined peace framework",
        "sources": [
            (
                "s26",
                "Joint statement: a revised framework that must fully uphold Ukraine's sovereignty.",
                "",
            ),
            (
                "s29",
                "FT: the most sensitive issues, territory among them, left to Trump and Zelensky.",
                "",
            ),
        ],
    },
    {
        "party": "ukraine",
        "speaker": "Ukrainian delegation",
        "role": "Geneva talks (led by Yermak)",
        "matter": "A16",
        "stance": REJECTS,
        "stated": ("2025-11-23", "day"),
        "paraphrase": (
            "Ukraine's negotiators said they had no mandate to give up territory: under the "
            "constitution only a national referendum could approve that."
        ),
        "quotation": "",
        "sources": [
            (
                "s29",
                "FT: Ukraine's team said it could not cede land; that would need a referendum.",
                "",
            ),
            (
                "seed-001",
                "Kyiv: under the constitution, any change of borders would need approval by a national vote.",
                "",
            ),
        ],
    },
    {
        "party": "ukraine",
        "speaker": "Zelensky",
        "role": "President",
        "matter": None,
        "topic": "territory-south",
        "stance": UNCLEAR,
        "stated": ("2025-11-24", "day"),
        "paraphrase": (
            "Zelensky welcomed a shorter revised plan with many sound elements, but said the "
            "sensitive questions, control of the Kherson and Zaporizhzhia lines among them, "
            "were for him and Trump to settle."
        ),
        "quotation": "",
        "sources": [
            ("s30", "Reuters: Zelensky says sensitive issues are to be discussed with Trump.", ""),
            (
                "seed-002",
                "Zelensky ready to meet Trump on sensitive points, incl. Kherson and Zaporizhzhia.",
                "",
            ),
        ],
    },
    {
        "party": "ukraine",
        "speaker": "Umerov",
        "role": "Secretary of the National Security and Defence Council",
        "matter": "A06",
        "stance": CONDITIONAL,
        "stated": ("2025-11-25", "day"),
        "paraphrase": (
            "Umerov said the two delegations now agreed on the framework's main terms; Kyiv "
            "treated this as pending a Zelensky–Trump meeting, where guarantees were still open."
        ),
        "quotation": "a common understanding on the core terms",
        "sources": [
            ("s31", "Polskie Radio, 25 Nov: Umerov says Ukraine and the US agreed core terms.", ""),
            (
                "s32",
                "CBS via Espreso: a US official said Ukraine agreed, minor details pending.",
                "",
            ),
            (
                "seed-002",
                "Dates the US–Ukrainian “common understanding” to 24 November, not 25.",
                "",
                "differs",
                "Differs: the date of the “common understanding” after Geneva",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "White House official",
        "role": "Unnamed, speaking to The New York Times",
        "matter": "A10",
        "stance": UNCLEAR,
        "stated": ("2025-11-25", "day"),
        "paraphrase": (
            "A White House official said the clauses on army size, territory and NATO troops "
            "had been reworked after Geneva; one report had the army limit gone from the 19 points."
        ),
        "quotation": "",
        "sources": [
            (
                "s34",
                "NYT quote relayed: the army-size, territory and NATO-troops clauses were revised.",
                "",
            ),
            ("s33", "ABC-sourced report: the 19-point version leaves out army limits.", ""),
        ],
    },
    {
        "party": "russia",
        "speaker": "Putin",
        "role": "President",
        "matter": "A16",
        "stance": DEMANDS,
        "stated": ("2025-11-27", "day"),
        "paraphrase": (
            "Putin said next week's talks with Witkoff would centre on Washington accepting in law "
            "that Crimea and Donbas belong to Russia; reports call it the fixed core of his terms."
        ),
        "quotation": "",
        "sources": [
            (
                "seed-000",
                "Putin: talks with Witkoff to focus on the US recognising Crimea and Donbas as Russian in law.",
                "",
            ),
            (
                "seed-001",
                "Putin wants Washington to accept Russian rule over Crimea, Donetsk and Luhansk.",
                "",
            ),
        ],
    },
    {
        "party": "russia",
        "speaker": "Putin",
        "role": "President",
        "matter": "A27",
        "stance": DEMANDS,
        "stated": ("2025-11-27", "day"),
        "paraphrase": (
            "Putin made an end to the fighting depend on Ukraine first pulling its troops out of "
            "the areas Russia claims, and threatened to take them by force otherwise."
        ),
        "quotation": (
            "Ukrainian troops must withdraw from the territories they hold, and then the "
            "fighting will cease."
        ),
        "sources": [
            (
                "seed-000",
                "Putin: fighting stops once Ukrainian troops leave; otherwise Russia uses force.",
                "",
            ),
        ],
    },
    {
        "party": "united-states",
        "speaker": "Trump administration (reported)",
        "role": "Unnamed sources cited by The Telegraph",
        "matter": "A16",
        "stance": ACCEPTS,
        "stated": ("2025-11-28", "day"),
        "paraphrase": (
            "Citing unnamed sources, The Telegraph said Trump was weighing US recognition of "
            "Russia's hold on Crimea and other occupied regions and had sent Witkoff and "
            "Kushner to offer it in Moscow."
        ),
        "quotation": "",
        "sources": [
            (
                "seed-000",
                "Telegraph, relayed: Trump could recognise Crimea and other occupied areas.",
                "",
            ),
            ("seed-001", "Insiders: the idea of US recognition still lingers after Geneva.", ""),
        ],
    },
]
