"""The key-term inline's inputs: codes picked from those in use, numbers typed as printed."""

from __future__ import annotations

import copy
import re
from decimal import Decimal

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify

CODE_LIST_ID = "key-term-codes"
SEPARATORS = re.compile(r"[,\s_\u00a0\u202f']")


class CodeListInput(forms.TextInput):
    """A text input offering the codes in use (a <datalist>, so any new code may still be
    typed). The list is written once per page, with the first row that renders."""

    def __init__(self, codes: list[str], attrs=None):
        super().__init__({**(attrs or {}), "list": CODE_LIST_ID, "autocomplete": "off"})
        self.codes = codes
        self.shared = {"written": False}

    def __deepcopy__(self, memo):
        # Each row gets its own copy of the widget; the codes and "written" stay shared.
        clone = copy.copy(self)
        clone.attrs = self.attrs.copy()
        memo[id(self)] = clone
        return clone

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.shared["written"] or not self.codes:
            return html
        self.shared["written"] = True
        options = format_html_join("", '<option value="{}"></option>', ((c,) for c in self.codes))
        return format_html('{}<datalist id="{}">{}</datalist>', html, CODE_LIST_ID, options)


class CodeField(forms.SlugField):
    """“Army cap” → army-cap: the code as a slug, however it was typed."""

    def to_python(self, value):
        return slugify(super().to_python(value) or "")


class PrintedNumberField(forms.DecimalField):
    """A number as printed: “800,000”, “800 000” and “800000” are the same; shown without
    trailing zeros (600000, not 600000.0000)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = SEPARATORS.sub("", value)
        return super().to_python(value)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return f"{value.normalize():f}"
        return super().prepare_value(value)
