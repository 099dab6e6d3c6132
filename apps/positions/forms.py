from __future__ import annotations

from django import forms

from apps.core import dates

from .models import Position


class PositionAdminForm(dates.FreeDatesFormMixin, forms.ModelForm):
    """The date stated typed as printed ("27 Nov 2025", "November 2025", "2025")."""

    stated_date = dates.FreeDateField(label="Date stated", required=False)
    free_dates = {"stated_date": ("stated_on", "stated_precision")}

    class Meta:
        model = Position
        # stated_on and stated_precision are filled from stated_date.
        fields = [
            "process",
            "party",
            "speaker",
            "speaker_role",
            "matter",
            "topic",
            "stance",
            "paraphrase",
            "quotation",
        ]
