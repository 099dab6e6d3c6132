from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models


class Check(models.TextChoices):
    """The lists of the data-quality report, in its order."""

    UNCITED = "uncited", "Provisions without a citation"
    C_ONLY = "c-only", "Provisions resting on grade-C sources only"
    EMPTY_EXCERPT = "empty-excerpt", "Citations stating a claim with an empty excerpt"
    STALE_RELATION = "stale-relation", "Relations recorded before their texts last changed"
    SOURCE_URL = "source-url", "Sources without a URL or on a non-canonical host"
    DRAFT_UNSOURCED = "draft-unsourced", "Drafts whose facts no source supports"
    SPEAKERLESS_QUOTE = "speakerless-quote", "Positions quoting nobody in particular"


class QualityNote(models.Model):
    """An editor's note on one item of the data-quality report: why it stays as it is.

    An item with a note is listed as explained; one without, as still to fix.
    """

    # The editors' reasoning about their own data: never on a public surface.
    EDITORS_ONLY_FIELDS = ("note",)

    kind = models.CharField("list", max_length=20, choices=Check.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    note = models.TextField(help_text="Why this item stays as it is (and what would change it).")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "content_type", "object_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id"],
                name="qualitynote_one_per_item",
                violation_error_message="This item of the report already has a note.",
            ),
        ]
        verbose_name = "data-quality note"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.content_type.model} #{self.object_id}"
