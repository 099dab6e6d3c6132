from __future__ import annotations

import itertools

from apps.terms.models import KeyTerm

_seq = itertools.count(1)


def make_term(provision, code: str = "", **kw) -> KeyTerm:
    """A valid key term: a number with a unit unless told otherwise."""
    n = next(_seq)
    kw.setdefault("name", code.replace("-", " ").capitalize() if code else f"Term {n}")
    if "value_text" not in kw:
        kw.setdefault("value", 100)
        kw.setdefault("unit", "troops")
    return KeyTerm.objects.create(provision=provision, code=code or f"term-{n}", **kw)
