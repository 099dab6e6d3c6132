"""The paste form (step 1) and the preview rows (step 2) of the import."""

from __future__ import annotations

import json

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError

from apps.core.dates import FreeDateField, Precision, show_reading
from apps.drafts.models import Draft, Provision
from apps.sources.models import Source, next_source_key

from .edits import apply_all, rows_from_proposals
from .files import UnreadableFile, extract, sha256
from .importer import Attachment, Row, existing_labels, store_upload
from .parser import (
    MAX_CHARS,
    EmptyPaste,
    ParseResult,
    PasteTooLong,
    check_numbering_again,
    parse,
)

PAYLOAD_SALT = "imports.paste-preview"
UPLOAD_SALT = "imports.upload"
PAYLOAD_MAX_AGE = 24 * 3600  # seconds a preview stays confirmable
MAX_PASTE = MAX_CHARS  # characters: a whole treaty, not a book (checked by the parser)


FIELDS_PER_ROW = 6  # include, label, heading, body, and the split offset and words
FORMSET_MAX = 1000


def max_rows() -> int:
    """The most rows a preview can hold and still be posted back: each row sends six
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

    file = forms.FileField(
        label="Document",
        required=False,
        help_text=(
            "A PDF, Word (.docx), saved web page (.html), photograph or scan (PNG, JPEG), "
            "or text file: its text is read into the box below for the preview, and the file "
            "is kept as the source's attachment."
        ),
    )
    text = forms.CharField(
        label="Pasted text",
        # No max_length: a browser would cut a longer paste short silently; the parser
        # refuses it with a message instead.
        strip=False,
        required=False,
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
    # Page furniture the editor put back, one form ("page # of #") a line (the preview).
    keep = forms.CharField(required=False, strip=False, widget=forms.HiddenInput)
    # The preview's row edits (apps/imports/edits.py), as JSON.
    edits = forms.CharField(required=False, widget=forms.HiddenInput)
    # The uploaded file, once stored: signed, so no other file can be named here.
    upload = forms.CharField(required=False, widget=forms.HiddenInput)

    NEW_FIELDS = ["new_key", "new_outlet", "new_headline", "new_url", "new_reliability"]

    def __init__(self, *args, user=None, upload_error: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.upload_error = upload_error

    @classmethod
    def with_upload(cls, data, files, *, user=None) -> PasteForm:
        """Step 1 as posted; an uploaded file's text replaces the pasted text, and the file
        is stored (by its SHA-256) to be attached to the source on confirmation."""
        upload = files.get("file")
        if not upload:
            return cls(data, user=user)
        limit = settings.IMPORT_MAX_FILE_BYTES
        raw = upload.read(limit + 1)
        data = {name: data.get(name, "") for name in cls.base_fields}
        try:
            extracted = extract(upload.name, raw)
        except UnreadableFile as exc:
            return cls(data, user=user, upload_error=str(exc))
        digest = sha256(raw)
        path = store_upload(upload.name, raw, digest)
        data["text"] = extracted.text
        data["keep"] = ""
        data["edits"] = ""
        data["upload"] = signing.dumps(
            {
                "path": path,
                "sha256": digest,
                "name": upload.name,
                "kind": extracted.kind,
                "pages": extracted.pages,
                "ocr": extracted.ocr,
            },
            salt=UPLOAD_SALT,
        )
        return cls(data, user=user)

    def clean_upload(self) -> dict | None:
        value = self.cleaned_data.get("upload")
        if not value:
            return None
        try:
            return signing.loads(value, salt=UPLOAD_SALT)
        except signing.BadSignature:
            raise ValidationError(
                "The uploaded file's reference was altered: upload it again."
            ) from None

    def attachment(self) -> Attachment | None:
        upload = self.cleaned_data.get("upload")
        return Attachment(upload["path"], upload["sha256"]) if upload else None

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if self.upload_error:
            return text
        if not text:
            raise ValidationError(
                "The pasted text is empty: paste the numbered points first.", code="required"
            )
        try:
            result = parse(text, keep=self.kept_furniture())
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

    def edit_list(self) -> list[list]:
        try:
            edits = json.loads(self.data.get("edits") or "[]")
        except ValueError:
            return []
        return edits if isinstance(edits, list) else []

    def rows(self) -> list[dict]:
        """The previewed rows: the parsed text with the editor's row edits made."""
        edits = self.edit_list()
        rows = apply_all(rows_from_proposals(self.result.proposals), edits)
        if edits:
            check_numbering_again(rows)
        return rows

    def with_edit(self, edit: list) -> PasteForm:
        """The same step 1, with one more row edit."""
        data = {name: self.data.get(name, "") for name in self.fields}
        data["edits"] = json.dumps([*self.edit_list(), edit])
        return type(self)(data, user=self.user)

    def kept_furniture(self) -> frozenset[str]:
        return frozenset(line for line in (self.data.get("keep") or "").split("\n") if line)

    def with_furniture_kept(self, keys: list[str]) -> PasteForm:
        """The same step 1, with exactly the page furniture `keys` put back."""
        data = {name: self.data.get(name, "") for name in self.fields}
        data["keep"] = "\n".join(keys)
        data["edits"] = ""  # the rows are read again from the text
        return type(self)(data, user=self.user)

    def clean(self):
        data = super().clean()
        if self.upload_error:
            self.add_error("file", self.upload_error)
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

    def __init__(self, *args, draft: Draft, proposals: list[dict], **kwargs):
        self.draft = draft
        self.proposals = proposals
        super().__init__(*args, **kwargs)

    @classmethod
    def proposed_data(cls, rows: list[dict]) -> dict[str, str]:
        """The rows as proposed, as if the editor had submitted them unchanged."""
        prefix = cls.get_default_prefix()
        data = {
            f"{prefix}-TOTAL_FORMS": str(len(rows)),
            f"{prefix}-INITIAL_FORMS": "0",
        }
        for index, row in enumerate(rows):
            if row.get("include", True):
                data[f"{prefix}-{index}-include"] = "on"
            data[f"{prefix}-{index}-label"] = row["label"]
            data[f"{prefix}-{index}-heading"] = row["heading"]
            data[f"{prefix}-{index}-body"] = row["body"]
        return data

    @classmethod
    def posted_rows(cls, data, count: int) -> list[dict]:
        """The rows as the editor last posted them (values not yet validated)."""
        prefix = cls.get_default_prefix()
        return [
            {
                "label": data.get(f"{prefix}-{index}-label", ""),
                "heading": data.get(f"{prefix}-{index}-heading", ""),
                "body": data.get(f"{prefix}-{index}-body", ""),
                "include": bool(data.get(f"{prefix}-{index}-include")),
                "subpoints": [],
                "warnings": [],
            }
            for index in range(count)
        ]

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
