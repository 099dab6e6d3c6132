"""Plain functions that turn model objects into JSON-ready dictionaries.

Every object is named by its stable id (process slug, draft slug, provision key, topic code,
source key, matter code within its process), never by a display number or a database id,
except matters (which also carry their id, used in their web address) and positions (which
have no other id). The functions read only what the caller's queryset already fetched
(select_related / prefetch_related / annotations), so they never add queries per object.
"""

from __future__ import annotations

from apps.compare.diff import plain_text
from apps.core import dates


def iso(value, precision: str) -> str | None:
    """A date cut to its precision (2025-11-20, 2025-11 or 2025), or None."""
    return dates.iso_date(value, precision) or None


def process(p) -> dict:
    return {
        "slug": p.slug,
        "name": p.name,
        "summary_html": p.summary,
        "position": p.position,
    }


def party(p) -> dict:
    return {"slug": p.slug, "name": p.name, "short_name": p.short_name, "kind": p.kind}


def topic(t) -> dict:
    return {
        "code": t.code,
        "name": t.name,
        "parent": t.parent.code if t.parent_id else None,
        # The process whose topic tree it belongs to; None when every process shares it.
        "process": t.process.slug if t.process_id else None,
        "description": t.description,
        "position": t.position,
    }


def source(s, *, with_note: bool) -> dict:
    """`note` is the editors' own (where a date came from, which file it was): staff only."""
    data = {
        "key": s.key,
        "outlet": s.outlet,
        "headline": s.headline,
        "author": s.author,
        "url": s.url,
        "published_on": iso(s.published_on, s.published_precision),
        "published_precision": s.published_precision,
        "kind": s.kind,
        "reliability": s.reliability,
        "language": s.language,
        "relay_of": s.relay_of,
    }
    if with_note:
        data["note"] = s.note
    return data


def draft(d, parent_links) -> dict:
    """Needs `process` and `authors`; `parent_links` with their parents, already filtered to
    the drafts the reader may see."""
    return {
        "slug": d.slug,
        "label": d.label,
        "title": d.title,
        "process": d.process.slug,
        "kind": d.kind,
        "status": d.status,
        "text_basis": d.text_basis,
        "presented_on": iso(d.presented_on, d.presented_precision),
        "presented_precision": d.presented_precision,
        "reported_on": iso(d.reported_on, d.reported_precision),
        "reported_precision": d.reported_precision,
        "declared_points": d.declared_points,
        "authors": [a.slug for a in d.authors.all()],
        "parents": [{"draft": link.parent.slug, "kind": link.kind} for link in parent_links],
        "summary_html": d.summary,
        "published": d.published,
    }


def entry_of_provision(e) -> dict:
    """A provision's place in a matter (needs `matter`)."""
    return {
        "matter": e.matter.code,
        "matter_id": e.matter_id,
        "matter_title": e.matter.title,
        "relation": e.relation,
        "label": e.label,
        "rationale": e.rationale,
    }


def key_term(t) -> dict:
    """A number as a string (“600000”, “2.5”), so no float rounding creeps in."""
    return {
        "code": t.code,
        "name": t.name,
        "value": None if t.value is None else format(t.value.normalize(), "f"),
        "value_text": t.value_text,
        "unit": t.unit,
        "position": t.position,
        "note": t.note,
    }


def provision(p, draft_slug: str) -> dict:
    """Needs `topics`, `entries` (with `matter`) and `key_terms` prefetched."""
    return {
        "key": p.key,
        "draft": draft_slug,
        "label": p.label,
        "position": p.position,
        "heading": p.heading,
        "text": plain_text(p.body),
        "body_html": p.body,
        "state": p.state,
        "topics": [t.code for t in p.topics.all()],
        "matters": [entry_of_provision(e) for e in p.entries.all()],
        "key_terms": [key_term(t) for t in p.key_terms.all()],
    }


def citation_target(c) -> dict:
    """What a citation cites, by stable id (needs `provision__draft` and `draft`)."""
    if c.provision_id:
        return {"type": "provision", "id": c.provision.key, "draft": c.provision.draft.slug}
    if c.draft_id:
        return {"type": "draft", "id": c.draft.slug, "draft": c.draft.slug}
    return {"type": "position", "id": c.position_id, "draft": None}


def citation(c, *, with_source: bool = True, with_target: bool = True) -> dict:
    data: dict = {}
    if with_source:
        data["source"] = c.source.key
    if with_target:
        data["target"] = citation_target(c)
    data.update(
        {
            "stance": c.stance,
            "excerpt": c.excerpt,
            "translated": c.translated,
            "locator": c.locator,
            "source_number": c.source_number,
            "note": c.note,
        }
    )
    return data


def entry_of_matter(e) -> dict:
    """One aligned provision of a matter (needs `provision__draft`)."""
    return {
        "provision": e.provision.key,
        "draft": e.provision.draft.slug,
        "relation": e.relation,
        "label": e.label,
        "rationale": e.rationale,
    }


def matter(m, entries) -> dict:
    """Needs `process` and `topic`; `entries` already filtered to visible drafts."""
    return {
        "id": m.pk,
        "code": m.code,
        "process": m.process.slug,
        "title": m.title,
        "topic": m.topic.code if m.topic_id else None,
        "note": m.note,
        "position": m.position,
        "entries": [entry_of_matter(e) for e in entries],
    }


def matter_gaps(entries, drafts) -> list[dict]:
    """The drafts with no provision on a matter, each "not-reported" (its text is known only
    in part) or "absent" (a full text without such a provision)."""
    from apps.compare.comparison import cell_status

    present = {e.provision.draft_id for e in entries}
    return [
        {"draft": d.slug, "status": cell_status(d.text_basis, [])}
        for d in sorted(drafts, key=lambda d: d.slug)
        if d.pk not in present
    ]


def position(p) -> dict:
    """Needs `party`, `matter` and `topic`."""
    return {
        "id": p.pk,
        "party": p.party.slug,
        "speaker": p.speaker,
        "speaker_role": p.speaker_role,
        "matter": p.matter.code if p.matter_id else None,
        "topic": p.topic.code if p.topic_id else None,
        "stance": p.stance,
        "paraphrase": p.paraphrase,
        "quotation": p.quotation,
        "quotation_translated": p.quotation_translated,
        "stated_on": iso(p.stated_on, p.stated_precision),
        "stated_precision": p.stated_precision,
    }
