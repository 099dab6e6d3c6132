"""Key events around each demo process's drafts, as data, for its timeline.

A process with no events listed here shows its drafts alone. The shape of an event is
described in `russia_ukraine`.
"""

from __future__ import annotations

from . import gaza, russia_ukraine

EVENTS_BY_PROCESS = {
    russia_ukraine.PROCESS_SLUG: russia_ukraine.EVENTS,
    gaza.PROCESS_SLUG: gaza.EVENTS,
}


def events_for(process_slug: str) -> list[dict]:
    """The key events to show on this process's timeline."""
    return EVENTS_BY_PROCESS.get(process_slug, [])
