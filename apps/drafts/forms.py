from __future__ import annotations

from django import forms

from apps.core import dates

from .models import Draft


class DraftAdminForm(dates.FreeDatesFormMixin, forms.ModelForm):
    """The draft's dates typed as printed ("27 Nov 2025", "November 2025", "2025")."""

    presented_date = dates.FreeDateField(label="Date presented", required=False)
    reported_date = dates.FreeDateField(label="Date first reported", required=False)
    free_dates = {
        "presented_date": ("presented_on", "presented_precision"),
        "reported_date": ("reported_on", "reported_precision"),
    }

    class Meta:
        model = Draft
        # The dates are filled from presented_date and reported_date.
        fields = [
            "process",
            "title",
            "label",
            "slug",
            "authors",
            "summary",
            "declared_points",
            "status",
            "text_basis",
            "published",
        ]
