"""Key-term values as readers see them, and one draft's terms set against another's."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal

MINUS = "\u2212"


def format_number(value: Decimal | int | str) -> str:
    """600000 → “600,000”; 2.5000 → “2.5”: thousands separated, no trailing zeros."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():,f}"


def format_difference(value: Decimal) -> str:
    """+200,000 or −50 (a real minus sign); “±0” never occurs: equal values are unchanged."""
    sign = "+" if value > 0 else MINUS
    return sign + format_number(abs(value))


@dataclass
class TermView:
    """One key term as a comparison cell shows it.

    When the base column records the same term (same code) with another value, `changed` is
    set and `base` holds its value; `difference` is filled when both are numbers in one
    unit. `unit` follows the value(s) when they share it; otherwise each value carries its
    own. The frozen-permalink payload stores these fields as they are.
    """

    code: str
    name: str
    value: str
    unit: str = ""
    note: str = ""
    changed: bool = False
    base: str = ""
    against: str = ""  # label of the base draft
    difference: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def _same(term, other) -> bool:
    if term.value is not None and other.value is not None:
        return term.value == other.value and term.unit == other.unit
    return term.value is None and other.value is None and term.value_text == other.value_text


def view(term, base=None, *, against: str = "") -> TermView:
    """`term` for a comparison cell; `base` is the same term in the base column, if any."""
    plain = TermView(
        code=term.code,
        name=term.name,
        value=format_number(term.value) if term.value is not None else term.value_text,
        unit=term.unit if term.value is not None else "",
        note=term.note,
    )
    if base is None or _same(term, base):
        return plain
    plain.changed, plain.against = True, against
    if term.value is not None and base.value is not None and term.unit == base.unit:
        plain.base = format_number(base.value)
        plain.difference = format_difference(term.value - base.value)
    else:
        # A number against a text, or two units: each value with its own unit, no arithmetic.
        plain.value, plain.unit, plain.base = term.display, "", base.display
    return plain


def compare(terms, base_terms: dict, *, against: str = "") -> list[TermView]:
    """Views of `terms`, each set against the base column's term of the same code."""
    return [view(t, base_terms.get(t.code), against=against) for t in terms]
