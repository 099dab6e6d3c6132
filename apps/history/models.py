from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Cast

from apps.drafts.models import Draft, Provision, Topic


class ChangeQuerySet(models.QuerySet):
    def for_object(self, obj) -> ChangeQuerySet:
        return self.for_object_id(type(obj), obj.pk)

    def for_object_id(self, model, pk) -> ChangeQuerySet:
        ct = ContentType.objects.get_for_model(model)
        return self.filter(content_type=ct, object_id=pk)

    def public(self) -> ChangeQuerySet:
        """Changes the public may read: to published drafts, to public provisions and
        citations (published, in a published draft), and to parties' positions (except
        those about an unpublished matter).

        An object's whole history is public once the object is; a deleted object's changes
        are public if its last recorded state was published (snapshots from before the
        publish flag existed do not say so, and stay private). For positions, see below.
        Matters, their alignment, sources and lineage links are left out: their before/after
        values can name provisions, drafts or sources that are not published.
        """
        from apps.alignment.models import Matter
        from apps.positions.models import Position
        from apps.sources.models import Citation

        kinds = ContentType.objects.get_for_models(Draft, Provision, Citation, Position)
        published_drafts = Draft.objects.published().values("pk")
        deleted = models.Q(action=self.model.Action.DELETED)
        deleted_public = deleted & models.Q(snapshot__published=True)

        def live_or_deleted(model, public_ids):
            return models.Q(content_type=kinds[model]) & (
                models.Q(object_id__in=public_ids) | deleted_public
            )

        # A position's change is public if the position was then about no matter or about
        # a matter published now (its snapshot holds the state after the change).
        published_matters = list(Matter.objects.published().values_list("pk", flat=True))
        positions = models.Q(content_type=kinds[Position]) & (
            models.Q(snapshot__matter_id=None) | models.Q(snapshot__matter_id__in=published_matters)
        )
        # A citation's change names the provision it cited then (in its title): public only
        # if that provision is public now (so the citations deleted with a provision, or
        # moved away from an unpublished one, never name it).
        # (A citation of a draft or a position holds JSON null there: matched as such, since
        # SQLite's cast of the extracted null gives 0, not NULL.)
        public_provisions = Provision.objects.published().values("pk")
        cited_then = models.Q(snapshot__provision_id=None) | models.Q(
            cited_provision__in=public_provisions
        )
        return self.alias(
            cited_provision=Cast(
                KeyTextTransform("provision_id", "snapshot"), models.BigIntegerField()
            )
        ).filter(
            models.Q(content_type=kinds[Draft], draft_ref__in=published_drafts)
            | (
                models.Q(draft_ref__in=published_drafts)
                & (
                    live_or_deleted(Provision, public_provisions)
                    | (
                        live_or_deleted(Citation, Citation.objects.published().values("pk"))
                        & cited_then
                    )
                )
            )
            | positions
        )


class Change(models.Model):
    """One recorded change to a curated object: who, when, which fields, before and after.

    Rows are append-only. `snapshot` holds the object's whole state after the change (before
    it, for a deletion), which is what a revert restores; `fields` holds the readable
    before/after of the fields that changed.
    """

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        CHANGED = "changed", "Changed"
        DELETED = "deleted", "Deleted"
        REVERTED = "reverted", "Reverted"

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    object_repr = models.CharField(max_length=300)
    action = models.CharField(max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    user_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(db_index=True)
    fields = models.JSONField(default=dict)
    snapshot = models.JSONField(default=dict)
    # Where the change belongs, for filters and the public gate. Plain ids, not foreign
    # keys: a change outlives the draft or process it was about.
    draft_ref = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    process_ref = models.PositiveBigIntegerField(null=True, blank=True, db_index=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    reverted_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr} ({self.at:%d %b %Y %H:%M})"

    @property
    def model_name(self) -> str:
        return self.content_type.model_class()._meta.verbose_name
