from __future__ import annotations

from django import forms

from apps.core import dates

from .models import Source


class SourceAdminForm(forms.ModelForm):
    """The publication date typed as printed ("Nov 2025", "26.11.2025"), read into
    published_on and published_precision."""

    publication_date = dates.FreeDateField(label="Publication date", required=False)

    class Meta:
        model = Source
        # published_on and published_precision are filled from publication_date.
        fields = ["key", "outlet", "headline", "author", "url", "kind", "reliability", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.instance
        field = self.fields["publication_date"]
        if source.published_on and not self.is_bound:
            parsed = dates.ParsedDate(source.published_on, source.published_precision)
            field.initial = dates.format_date(*parsed)
            field.help_text = f"Read as: {parsed.describe()}"

    def clean(self):
        data = super().clean()
        if "publication_date" not in self.errors:
            parsed = data.get("publication_date")
            self.instance.published_on = parsed.value if parsed else None
            self.instance.published_precision = parsed.precision if parsed else dates.Precision.DAY
            dates.show_reading(self, "publication_date")
        return data
