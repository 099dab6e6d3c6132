from __future__ import annotations

from django import forms

from apps.core import dates

from .models import Source, next_source_key


class ReadingField(forms.CharField):
    """Hidden: the date reading the editor was shown and saves again to confirm."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data) -> bool:
        return False


class SourceAdminForm(forms.ModelForm):
    """The publication date typed as printed ("Nov 2025", "26.11.2025"), read into
    published_on and published_precision.

    A date typed or changed is not saved at once: the form comes back showing how it was
    read ("Read as: 1 Feb 2025 (exact day)", and which way round an ambiguous "1/2/2025"
    was taken), carrying that reading in the hidden `date_reading`; saving again with the
    same text confirms it.
    """

    publication_date = dates.FreeDateField(label="Publication date", required=False)
    date_reading = ReadingField()

    class Meta:
        model = Source
        # published_on and published_precision are filled from publication_date.
        fields = ["key", "outlet", "headline", "author", "url", "kind", "reliability", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "key" in self.fields:
            self.fields["key"].required = False
        source = self.instance
        field = self.fields["publication_date"]
        if source.published_on:
            parsed = dates.ParsedDate(source.published_on, source.published_precision)
            # Also when bound: has_changed compares the typed text with this.
            field.initial = dates.format_date(*parsed)
            if not self.is_bound:
                field.help_text = f"Read as: {parsed.describe()}"

    def clean_key(self) -> str:
        # Left blank: the next free key in the series, as the paste importer assigns it.
        return self.cleaned_data.get("key") or next_source_key()

    def clean(self):
        data = super().clean()
        if "publication_date" not in self.errors:
            parsed = data.get("publication_date")
            self.instance.published_on = parsed.value if parsed else None
            self.instance.published_precision = parsed.precision if parsed else dates.Precision.DAY
            self._confirm_reading(parsed)
            dates.show_reading(self, "publication_date")  # not over the reading's error
        return data

    def _confirm_reading(self, parsed: dates.ParsedDate | None) -> None:
        """Bounce a new or changed date once, showing its reading, unless the form
        carries that same reading back (the editor saw it and saved again)."""
        if parsed is None or "publication_date" not in self.changed_data:
            return
        name = self.add_prefix("date_reading")
        if self.data.get(name) == parsed.token():
            return
        self.data = self.data.copy()
        self.data[name] = parsed.token()
        note = dates.ambiguity(self.data.get(self.add_prefix("publication_date")), parsed)
        self.add_error(
            "publication_date",
            f"Read as: {parsed.describe()}. "
            + (f"{note} " if note else "")
            + "Check it and save again to confirm.",
        )
