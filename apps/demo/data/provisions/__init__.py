"""Provisions per draft slug, in the order of the fact sheet's tables (their position)."""

from __future__ import annotations

from .april import UA_EU_APRIL, US_APRIL
from .europe import E3, EU_24
from .geneva import GENEVA
from .us28 import US_28

PROVISIONS = {
    "us-april-framework": US_APRIL,
    "ua-eu-april-counter": UA_EU_APRIL,
    "us-28-point-plan": US_28,
    "e3-counter-proposal": E3,
    "eu-24-point-plan": EU_24,
    "geneva-revision": GENEVA,
}
