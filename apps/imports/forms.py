"""The paste form (step 1) and the preview rows (step 2) of the import."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError

from apps.core.dates import FreeDateField, Precision, show_reading
from apps.drafts.models import Draft, Provision
from apps.sources.models import Source, next_source_key

from .importer import Row, existing_labels
from .parser import MAX_CHARS, EmptyPaste, ParseResult, PasteTooLong, Proposal, parse

PAYLOAD_SALT = "imports.paste-preview"
PAYLOAD_MAX_AGE = 24 * 3600  # seconds a preview stays confirmable
MAX_PASTE = MAX_CHARS  # characters: a whole treaty, not a book (checked by the parser)


FIELDS_PER_ROW = 4  # include, label, heading, body
FORMSET_MAX = 1000


def max_rows() -> int:
    """The most rows a preview can hold and still be posted back: each row sends four
    fields, and Django refuses a request with more than DATA_UPLOAD_MAX_NUMBER_FIELDS (a
    400 error); 20 are left for the token, the payload and the formset's own fields."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    if limit is None:
        return FORMSET_MAX
    return min(FORMSET_MAX, max(1, (limit - 20) // FIELDS_PER_ROW))


class SourceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Source) -> str:
        return f"{obj.key} · {obj.outlet}: {obj.headline}"[:140]


class PasteForm(forms.Form):
    """The pasted text and its source: an existing one, or a new one described here."""

    text = forms.CharField(
        label="Pasted text",
        # No max_length: a browser would cut a longer paste short silently; the parser
        # refuses it with a message instead.
        strip=False,
        error_messages={"required": "The pasted text is empty: paste the numbered points first."},
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100, "class": "vLargeTextField"}),
        help_text=(
            "Numbered points (“1.”, “2)”, “12a.”, “Point 7:”), as copied from the leak; "
            f"at most {MAX_CHARS:,} characters."
        ),
    )
    source = SourceChoiceField(
        label="Existing source",
        queryset=Source.objects.order_by("key"),
        required=False,
        empty_label="— a new source, described below —",
    )
    new_key = forms.SlugField(
        label="Key",
        max_length=40,
        required=False,
        help_text="Leave blank for the next free key (s01, s02…).",
    )
    new_outlet = forms.CharField(label="Outlet", max_length=200, required=False)
    new_headline = forms.CharField(label="Headline", max_length=400, required=False)
    new_url = forms.CharField(label="URL", max_length=600, required=False)
    new_reliability = forms.ChoiceField(
        label="Reliability",
        choices=[("", "---------"), *Source.Reliability.choices],
        required=False,
    )
    new_published = FreeDateField(label="Publication date", required=False)

    NEW_FIELDS = ["new_key", "new_outlet", "new_headline", "new_url", "new_reliability"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        try:
            result = parse(text)
        except (EmptyPaste, PasteTooLong) as exc:
            raise ValidationError(str(exc)) from None
        if not result.proposals:
            raise ValidationError(result.notes)
        if len(result.proposals) > max_rows():
            raise ValidationError(
                f"The text has {len(result.proposals):,} provisions; at most {max_rows():,} "
                "can be previewed and imported at once here. Split it, or import the file "
                "with manage.py import_text."
            )
        self.result: ParseResult = result
        return text

    def clean(self):
        data = super().clean()
        show_reading(self, "new_published")
        if data.get("source"):
            filled = [
                self.fields[name].label
                for name in [*self.NEW_FIELDS, "new_published"]
                if self.data.get(name)
            ]
            if filled:
                raise ValidationError(
                    "Pick an existing source or describe a new one, not both "
                    f"(filled in: {', '.join(filled)})."
                )
            return data
        if "source" in self.errors:
            return data
        if self.user is not None and not self.user.has_perm("sources.add_source"):
            raise ValidationError("Pick an existing source: you may not create sources.")
        for name in ("new_outlet", "new_headline", "new_reliability"):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, "Needed for a new source (or pick an existing one above).")
        if self.errors:
            return data
        source = self.new_source()
        try:
            source.full_clean(exclude=["key"] if not source.key else None)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                name = {"published_on": "new_published"}.get(field, f"new_{field}")
                self.add_error(name if name in self.fields else None, messages)
        return data

    def new_source(self) -> Source | None:
        """The unsaved new source described by the form, or None if one was picked."""
        data = self.cleaned_data
        if data.get("source"):
            return None
        published = data.get("new_published")
        return Source(
            key=data.get("new_key") or "",
            outlet=data["new_outlet"],
            headline=data["new_headline"],
            url=data.get("new_url") or "",
            reliability=data["new_reliability"],
            published_on=published.value if published else None,
            published_precision=published.precision if published else Precision.DAY,
        )

    def source_summary(self) -> str:
        source = self.cleaned_data.get("source") or self.new_source()
        key = source.key or f"{next_source_key()} (new)"
        return f"{key} · {source.outlet}: {source.headline}"

    # Step 1's input travels through the preview as one signed field, so the confirmed
    # rows are those of the text that was previewed.
    def payload(self) -> str:
        raw = {name: self.data.get(name, "") for name in self.fields}
        return signing.dumps(raw, salt=PAYLOAD_SALT, compress=True)

    @classmethod
    def from_payload(cls, payload: str, *, user=None) -> PasteForm:
        """Step 1 bound again from a preview's payload; raises signing.BadSignature."""
        raw = signing.loads(payload or "", salt=PAYLOAD_SALT, max_age=PAYLOAD_MAX_AGE)
        return cls(raw, user=user)


class ProposalForm(forms.Form):
    # The preview is a table: each input names itself, as no <label> stands beside it.
    include = forms.BooleanField(
        label="Import", required=False, widget=forms.CheckboxInput(attrs={"aria-label": "Import"})
    )
    label = forms.CharField(
        max_length=20, required=False, widget=forms.TextInput(attrs={"aria-label": "Label"})
    )
    heading = forms.CharField(
        max_length=250, required=False, widget=forms.TextInput(attrs={"aria-label": "Heading"})
    )
    body = forms.CharField(
        required=False,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 70, "aria-label": "Body (HTML)"}),
    )


class BaseProposalFormSet(forms.BaseFormSet):
    """The preview's rows; labels must be new to the draft and unique among ticked rows."""

    def __init__(self, *args, draft: Draft, proposals: list[Proposal], **kwargs):
        self.draft = draft
        self.proposals = proposals
        super().__init__(*args, **kwargs)

    @classmethod
    def proposed_data(cls, proposals: list[Proposal]) -> dict[str, str]:
        """The rows as first proposed, as if the editor had submitted them unchanged."""
        prefix = cls.get_default_prefix()
        data = {
            f"{prefix}-TOTAL_FORMS": str(len(proposals)),
            f"{prefix}-INITIAL_FORMS": "0",
        }
        for index, proposal in enumerate(proposals):
            data[f"{prefix}-{index}-include"] = "on"
            data[f"{prefix}-{index}-label"] = proposal.label
            data[f"{prefix}-{index}-heading"] = proposal.heading
            data[f"{prefix}-{index}-body"] = proposal.body
        return data

    def rows_with_proposals(self):
        # Not strict: a tampered form count is reported by clean(), not by a crash here.
        return zip(self.forms, self.proposals, strict=False)

    def clean(self):
        if self.total_form_count() != len(self.proposals):
            raise ValidationError("The preview was changed: paste the text again.")
        existing = existing_labels(self.draft)
        seen: dict[str, int] = {}
        ticked = 0
        for index, form in enumerate(self.forms, start=1):
            if not form.cleaned_data.get("include"):
                continue
            ticked += 1
            label = (form.cleaned_data.get("label") or "").strip()
            if label in {"-", "–"}:
                label = Provision.UNNUMBERED
            if not label:
                form.add_error("label", "Give a label, or “—” for an unnumbered provision.")
                continue
            form.cleaned_data["label"] = label
            if label == Provision.UNNUMBERED:
                continue
            if label in existing:
                heading = f" (“{existing[label]}”)" if existing[label] else ""
                form.add_error(
                    "label",
                    f"This draft already has a point {label}{heading}: change the label or "
                    "untick the row. Nothing is overwritten.",
                )
            elif label in seen:
                form.add_error(
                    "label",
                    f"Row {seen[label]} already has the label “{label}”: change one of them "
                    "or untick a row.",
                )
            seen.setdefault(label, index)
        if not ticked:
            raise ValidationError("Tick at least one row to import.")

    def rows(self) -> list[Row]:
        return [
            Row(
                label=form.cleaned_data["label"],
                heading=form.cleaned_data["heading"],
                body=form.cleaned_data["body"],
            )
            for form in self.forms
            if form.cleaned_data.get("include")
        ]


ProposalFormSet = forms.formset_factory(
    ProposalForm,
    formset=BaseProposalFormSet,
    extra=0,
    max_num=FORMSET_MAX,
    absolute_max=FORMSET_MAX,
)
