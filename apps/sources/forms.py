from __future__ import annotations

from django import forms

from apps.core import dates

from .models import Source, next_source_key


class SourceAdminForm(dates.FreeDatesFormMixin, forms.ModelForm):
    """The publication date typed as printed ("Nov 2025", "26.11.2025"), read into
    published_on and published_precision as drafts' and positions' dates are
    (dates.FreeDatesFormMixin: only an ambiguous day/month is asked back)."""

    publication_date = dates.FreeDateField(label="Publication date", required=False)
    free_dates = {"publication_date": ("published_on", "published_precision")}

    class Meta:
        model = Source
        # published_on and published_precision are filled from publication_date.
        fields = ["key", "outlet", "headline", "author", "url", "kind", "reliability", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "key" in self.fields:
            self.fields["key"].required = False

    def clean_key(self) -> str:
        # Left blank: the next free key in the series, as the paste importer assigns it.
        return self.cleaned_data.get("key") or next_source_key()
