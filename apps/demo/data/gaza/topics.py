"""The Gaza process's own topic tree: the matters of the fact sheet's topic codes (PRINCIPLE,
CEASEFIRE, WITHDRAW, HOSTAGES, …), grouped. Codes are prefixed "gaza-" because topic codes are
unique across processes (the Russia–Ukraine tree has its own "ceasefire")."""

from __future__ import annotations

# (code, name, covers)
TOPICS = [
    (
        "gaza-principles",
        "Principles & end state",
        "A deradicalised, terror-free Gaza; endorsement of the plan (PRINCIPLE)",
    ),
    ("gaza-ceasefire", "Ceasefire & end of war", "End of the war, ceasefire timing (CEASEFIRE)"),
    (
        "gaza-withdrawal",
        "Withdrawal lines",
        "Israeli withdrawal lines and stages, the yellow line, security perimeter (WITHDRAW)",
    ),
    ("gaza-hostages", "Hostages", "Release of living and deceased hostages (HOSTAGES)"),
    ("gaza-prisoners", "Prisoners & remains", "Prisoner releases and remains exchange"),
    ("gaza-amnesty", "Amnesty & safe passage", "Amnesty for Hamas members, safe passage (AMNESTY)"),
    ("gaza-aid", "Humanitarian aid", "Aid volume, channels, crossings (AID, AID_DIST)"),
    (
        "gaza-governance",
        "Transitional governance",
        "Technocratic committee, Board of Peace, PA reform, Hamas's exclusion, the mandate",
    ),
    (
        "gaza-security",
        "Security & stabilization",
        "International Stabilization Force, disarmament, guarantees, fallback clauses",
    ),
    (
        "gaza-reconstruction",
        "Reconstruction & economy",
        "Redevelopment, economic plan, special economic zone (REDEV, ECON, SEZ)",
    ),
    ("gaza-displacement", "Displacement", "No forced displacement, right to return (NO_DISPLACE)"),
    (
        "gaza-statehood",
        "Statehood pathway & political horizon",
        "Self-determination, statehood, US-led dialogue (STATEHOOD, DIALOGUE)",
    ),
]

# (code, name, parent code, covers)
SUBTOPICS = [
    ("gaza-deradicalisation", "Deradicalisation", "gaza-principles", "DERAD; interfaith dialogue"),
    ("gaza-no-annexation", "No occupation or annexation", "gaza-withdrawal", "NO_ANNEX"),
    ("gaza-remains", "Remains exchange", "gaza-prisoners", "REMAINS"),
    ("gaza-aid-channels", "Aid channels", "gaza-aid", "AID_DIST: UN, Red Crescent, Rafah"),
    (
        "gaza-technocratic-committee",
        "Technocratic committee",
        "gaza-governance",
        "GOV_TECH: the Palestinian committee (later the NCAG)",
    ),
    ("gaza-board-of-peace", "Board of Peace", "gaza-governance", "BOP: the oversight body"),
    ("gaza-pa-reform", "PA reform & handover", "gaza-governance", "PA_REFORM"),
    ("gaza-hamas-exclusion", "Hamas excluded", "gaza-governance", "HAMAS_EXCL"),
    ("gaza-mandate", "Mandate & UN role", "gaza-governance", "MANDATE: duration, reports"),
    ("gaza-stabilization-force", "Stabilization force", "gaza-security", "ISF"),
    ("gaza-disarmament", "Disarmament", "gaza-security", "DEMIL: weapons, tunnels"),
    ("gaza-guarantees", "Guarantees", "gaza-security", "GUARANTEE: regional guarantors"),
    ("gaza-fallback", "Fallback if Hamas refuses", "gaza-security", "FALLBACK"),
    ("gaza-qatar", "Qatar non-attack clause", "gaza-security", "QATAR"),
    ("gaza-economic-plan", "Economic development plan", "gaza-reconstruction", "ECON"),
    ("gaza-economic-zone", "Special economic zone", "gaza-reconstruction", "SEZ"),
    ("gaza-dialogue", "US-led dialogue", "gaza-statehood", "DIALOGUE"),
]
