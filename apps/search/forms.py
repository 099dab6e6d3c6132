from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from apps.compare.comparison import SLUG
from apps.drafts.models import Draft, Party, PeaceProcess, Provision, Topic
from apps.sources.models import Source

from .queries import KINDS, Filters
from .text import Query, parse_query

SHOWN_VALUE_LIMIT = 40


def shown(value: str) -> str:
    """A bad value as the error message quotes it: printable, and short."""
    text = "".join(c if c.isprintable() else "?" for c in value[:SHOWN_VALUE_LIMIT])
    return text + ("…" if len(value) > SHOWN_VALUE_LIMIT else "")


class _ByKeyField(forms.Field):
    """A model instance named by its slug or code; a clear message when there is none."""

    def __init__(self, *, queryset, key: str, noun: str, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.queryset, self.key, self.noun = queryset, key, noun

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        # The pattern check keeps NUL bytes and other oddities away from the database.
        found = self.queryset.filter(**{self.key: value}).first() if SLUG.fullmatch(value) else None
        if found is None:
            raise ValidationError(f"There is no {self.noun} “{shown(value)}”.", code="unknown")
        return found


class _CodeField(forms.Field):
    """One of a fixed set of codes, with the allowed ones named in the message."""

    def __init__(self, *, choices, noun: str, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.codes = [code for code, _ in choices]
        self.noun = noun

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return ""
        if value not in self.codes:
            allowed = ", ".join(self.codes[:-1]) + f" or {self.codes[-1]}"
            raise ValidationError(
                f"{self.noun} must be {allowed}, not “{shown(value)}”.", code="unknown"
            )
        return value


class SearchForm(forms.Form):
    """The search page's GET parameters. Only `page` beyond the last page is forgiven."""

    q = forms.Field(required=False)
    page = forms.Field(required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.fields["process"] = _ByKeyField(
            queryset=PeaceProcess.objects.all(), key="slug", noun="peace process"
        )
        # An unpublished draft is, for the public, a draft that does not exist.
        self.fields["draft"] = _ByKeyField(
            queryset=Draft.objects.visible_to(user), key="slug", noun="published draft"
        )
        self.fields["topic"] = _ByKeyField(queryset=Topic.objects.all(), key="code", noun="topic")
        self.fields["party"] = _ByKeyField(queryset=Party.objects.all(), key="slug", noun="party")
        self.fields["reliability"] = _CodeField(
            choices=Source.Reliability.choices, noun="Source grade"
        )
        self.fields["state"] = _CodeField(choices=Provision.State.choices, noun="Provision state")
        self.fields["kind"] = _CodeField(choices=[(k, k) for k in KINDS], noun="Kind of result")

    def clean_q(self) -> Query:
        value = self.cleaned_data["q"]
        return parse_query(value if isinstance(value, str) else "")

    def clean_page(self) -> int:
        value = self.cleaned_data["page"]
        if value in (None, ""):
            return 1
        if not (value.isascii() and value.isdigit() and value.strip("0")):
            raise ValidationError(
                f"The page must be a whole number from 1 up, not “{shown(value)}”.",
                code="bad_page",
            )
        # Any page past the end shows the last one; no need to read a thousand digits.
        return int(value) if len(value) <= 18 else 10**18

    def error_text(self) -> str:
        return " ".join(str(e) for errors in self.errors.values() for e in errors)

    @property
    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            process=data["process"],
            draft=data["draft"],
            topic=data["topic"],
            party=data["party"],
            reliability=data["reliability"],
            state=data["state"],
            kind=data["kind"],
        )
