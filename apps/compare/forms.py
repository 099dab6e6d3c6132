from __future__ import annotations

from django import forms

from apps.drafts.models import Draft, Party, Topic
from apps.positions.band import filter_parties

from .comparison import BASE_KEYWORDS, CHANGE_KINDS, LINEAGE, SLUG, _printable


class CompareFilterForm(forms.Form):
    """The comparison's query string: every filter is part of the permalink."""

    topic = forms.SlugField(required=False, max_length=40)
    changed = forms.TypedChoiceField(
        required=False,
        choices=[("", "All rows"), ("1", "Changed rows only")],
        coerce=lambda v: v == "1",
        empty_value=False,
    )
    party = forms.SlugField(required=False, max_length=60)
    conflict = forms.TypedChoiceField(
        required=False,
        choices=[("", "All rows"), ("1", "Rows where a position conflicts with the newest draft")],
        coerce=lambda v: v == "1",
        empty_value=False,
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)
    base = forms.CharField(required=False, max_length=80)
    change = forms.ChoiceField(
        required=False, choices=[("", "Any"), *((k, w) for k, w in CHANGE_KINDS.items())]
    )
    view = forms.ChoiceField(
        required=False,
        choices=[("marked", "Marked-up text"), ("clean", "Clean text")],
    )

    def __init__(self, *args, drafts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.drafts = list(drafts)
        # "in" is a Python keyword, so the field is added here: ?change=hardened&in=<slug>.
        self.fields["in"] = forms.SlugField(required=False, max_length=80)

    def clean_topic(self) -> Topic | None:
        code = self.cleaned_data["topic"]
        if not code:
            return None
        try:
            return Topic.objects.get(code=code)
        except Topic.DoesNotExist:
            raise forms.ValidationError(f"There is no topic “{code}”.") from None

    def clean_party(self) -> Party | None:
        slug = self.cleaned_data["party"]
        if not slug:
            return None
        party = Party.objects.filter(slug=slug).first()
        if party is None:
            raise forms.ValidationError(f"There is no party “{slug}”.")
        if not self.drafts or not filter_parties(self.drafts).filter(pk=party.pk).exists():
            raise forms.ValidationError(
                f"{party.name} neither authored one of these drafts nor stated a position "
                "in their peace process."
            )
        return party

    def clean_base(self) -> str:
        value = self.cleaned_data["base"] or LINEAGE
        if value in BASE_KEYWORDS:
            return value
        return self._draft_in_view(value, "mark differences against it").slug

    def clean_view(self) -> str:
        return self.cleaned_data["view"] or "marked"

    def clean_in(self) -> Draft | None:
        slug = self.cleaned_data["in"]
        if not slug:
            return None
        return self._draft_in_view(slug, "count its changes")

    def clean(self):
        data = super().clean()
        if data.get("in") and not data.get("change"):
            self.add_error("in", "Say which change to look for, e.g. ?change=hardened&in=….")
        return data

    def _draft_in_view(self, value: str, purpose: str) -> Draft:
        in_view = ", ".join(f"“{d.slug}”" for d in self.drafts)
        if not SLUG.fullmatch(value):
            raise forms.ValidationError(
                f"“{_printable(value)}” is not a draft id. Use {', '.join(BASE_KEYWORDS)} "
                f"or one of the drafts in view: {in_view}."
            )
        draft = next((d for d in self.drafts if d.slug == value), None)
        if draft is not None:
            return draft
        if not Draft.objects.published().filter(slug=value).exists():
            raise forms.ValidationError(f"There is no draft “{value}”.")
        raise forms.ValidationError(
            f"The draft “{value}” is not in this comparison. To {purpose}, add it to the "
            f"comparison, or choose one of the drafts in view: {in_view}."
        )

    def error_text(self) -> str:
        """The errors as one sentence per filter, e.g. “The changed filter: Select a…”."""
        return " ".join(
            f"The “{field}” filter: {msg}"
            for field, messages in self.errors.items()
            for msg in messages
        )
