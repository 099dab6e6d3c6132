from __future__ import annotations

from django import forms

from apps.drafts.models import Party, Topic
from apps.positions.band import filter_parties


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
    base = forms.ChoiceField(
        required=False,
        choices=[("previous", "Previous column"), ("first", "First column")],
    )

    def __init__(self, *args, drafts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.drafts = list(drafts)

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
        return self.cleaned_data["base"] or "previous"

    def error_text(self) -> str:
        """The errors as one sentence per filter, e.g. “The changed filter: Select a…”."""
        return " ".join(
            f"The “{field}” filter: {msg}"
            for field, messages in self.errors.items()
            for msg in messages
        )
