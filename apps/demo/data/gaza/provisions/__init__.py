"""Provisions per draft slug, in the order of the fact sheet's tables (their position).

The drafts with no known provisions (the Arab/Muslim conditions, the Sharm el-Sheikh
declaration, the Board of Peace charter) have none: their pages say so.
"""

from __future__ import annotations

from .phase_one import PHASE_ONE
from .resolution import UNSC_2803
from .us20 import US_20
from .us21 import US_21

PROVISIONS = {
    "gaza-arab-muslim-conditions": [],
    "gaza-us-21-point-plan": US_21,
    "gaza-us-20-point-plan": US_20,
    "gaza-phase-one-agreement": PHASE_ONE,
    "gaza-trump-declaration": [],
    "gaza-unsc-2803": UNSC_2803,
    "gaza-board-of-peace-charter": [],
}
