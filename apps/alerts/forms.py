from __future__ import annotations

from django import forms

from .models import Frequency


class FollowForm(forms.Form):
    email = forms.EmailField(max_length=254, label="Your email address")
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
        label="How often",
    )

    def clean_email(self) -> str:
        # One spelling per address, so the same person cannot follow one object twice.
        return self.cleaned_data["email"].strip().lower()
