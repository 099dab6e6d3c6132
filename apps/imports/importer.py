"""Create the provisions an editor accepted, each citing the source: all of them or none."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Max

from apps.drafts.models import Draft, Provision
from apps.sources.models import Citation, Source, next_source_key


@dataclass(frozen=True)
class Row:
    """One accepted provision: what the editor kept or corrected in the preview."""

    label: str
    heading: str
    body: str


@dataclass(frozen=True)
class Attachment:
    """An uploaded document, stored under `path`, to attach to the cited source."""

    path: str
    sha256: str


def store_upload(name: str, data: bytes, digest: str) -> str:
    """Store an uploaded document under its SHA-256 (once, however often it is uploaded);
    returns its storage path. Stored at the preview, attached on confirmation."""
    safe = re.sub(r"[^\w.-]+", "-", name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1])[-80:]
    path = f"sources/{digest[:2]}/{digest}/{safe.strip('.-') or 'document'}"
    if not default_storage.exists(path):
        path = default_storage.save(path, ContentFile(data))
    return path


def attach(source: Source, attachment: Attachment | None) -> None:
    """Keep the imported document as the source's attachment; a source that already has
    another file keeps it, and the import fails with a message."""
    if attachment is None or source.attachment_sha256 == attachment.sha256:
        return
    if source.attachment:
        raise ImportFailed(
            f"The source {source.key} already has another file attached "
            f"({source.attachment.name.rsplit('/', 1)[-1]}): describe a new source for "
            "this document."
        )
    source.attachment.name = attachment.path
    source.attachment_sha256 = attachment.sha256
    if source.pk:
        source.save(update_fields=["attachment", "attachment_sha256"])


class ImportFailed(Exception):
    """Nothing was created; the message says why, for the editor."""


def existing_labels(draft: Draft) -> dict[str, str]:
    """The draft's numbered provisions, label → heading (unnumbered "—" ones may repeat)."""
    rows = draft.provisions.exclude(label=Provision.UNNUMBERED).values_list("label", "heading")
    return dict(rows)


def _message(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@transaction.atomic
def import_rows(
    draft: Draft,
    rows: list[Row],
    *,
    source: Source | None = None,
    new_source: Source | None = None,
    attachment: Attachment | None = None,
) -> list[Provision]:
    """Create `new_source` (if given), one provision per row and a citation of the source
    on each; positions follow the draft's existing provisions, then all are renumbered.
    The imported document (`attachment`), if any, becomes the source's attachment.

    Every object is validated as the admin would; the first failure raises ImportFailed
    and the transaction rolls back, so a failed import leaves no trace.
    """
    if (source is None) == (new_source is None):
        raise ValueError("Give either an existing source or a new one.")
    if not rows:
        raise ImportFailed("No provision was selected: nothing to import.")
    if new_source is not None:
        attach(new_source, attachment)
        picked = not new_source.key
        if picked:
            new_source.key = next_source_key()
        try:
            # A key picked here is free when picked; if another import takes it before
            # the save, the database refuses it (below) rather than full_clean.
            new_source.full_clean(exclude=["key"] if picked else None)
        except ValidationError as exc:
            raise ImportFailed(f"The new source is not valid: {_message(exc)}") from None
        try:
            new_source.save()
        except IntegrityError:
            # Raised at once: the transaction rolls back, nothing else runs in it.
            retry = "try again" if picked else "choose another key"
            raise ImportFailed(
                f"The source key {new_source.key} was taken meanwhile; {retry}."
            ) from None
        source = new_source
    else:
        attach(source, attachment)
    start = draft.provisions.aggregate(last=Max("position"))["last"] or 0
    created = []
    for offset, row in enumerate(rows, start=1):
        provision = Provision(
            draft=draft,
            label=row.label,
            heading=row.heading,
            body=row.body,
            position=start + offset,
        )
        try:
            provision.full_clean()
        except ValidationError as exc:
            raise ImportFailed(f"Point {row.label}: {_message(exc)}") from None
        try:
            provision.save()
        except IntegrityError:
            raise ImportFailed(
                f"Point {row.label} was added to the draft meanwhile; nothing was imported. "
                "Try again."
            ) from None
        locator = "" if provision.label == Provision.UNNUMBERED else f"point {provision.label}"
        citation = Citation(source=source, provision=provision, locator=locator)
        try:
            citation.full_clean()
        except ValidationError as exc:
            raise ImportFailed(
                f"Point {row.label}: the citation of {source.key} is not valid: {_message(exc)}"
            ) from None
        citation.save()
        created.append(provision)
    draft.renumber_provisions()
    return created
