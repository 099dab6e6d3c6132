"""The public view of recorded changes, and its filters (shared by the page and the feed)."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import reverse

from apps.alignment.models import Matter
from apps.drafts.models import Draft, PeaceProcess, Provision, Topic

from .models import Change


class ChangeFilterForm(forms.Form):
    process = forms.SlugField(required=False, max_length=80)
    topic = forms.SlugField(required=False, max_length=40)
    matter = forms.IntegerField(required=False, min_value=1, max_value=2**62)

    def clean_process(self):
        slug = self.cleaned_data["process"]
        if not slug:
            return None
        process = PeaceProcess.objects.filter(slug=slug).first()
        if process is None:
            raise forms.ValidationError(f"There is no peace process “{slug}”.")
        return process

    def clean_topic(self):
        code = self.cleaned_data["topic"]
        if not code:
            return None
        topic = Topic.objects.filter(code=code).first()
        if topic is None:
            raise forms.ValidationError(f"There is no topic “{code}”.")
        return topic

    def clean_matter(self):
        pk = self.cleaned_data["matter"]
        if pk is None:
            return None
        # The public page names the matter: an unpublished one is unknown here.
        matter = Matter.objects.published().select_related("process").filter(pk=pk).first()
        if matter is None:
            raise forms.ValidationError(f"There is no matter #{pk}.")
        return matter

    def error_text(self) -> str:
        return " ".join(f"The “{k}” filter: {m}" for k, ms in self.errors.items() for m in ms)


@dataclass
class ChangeFilter:
    process: PeaceProcess | None = None
    topic: Topic | None = None
    matter: Matter | None = None

    @property
    def description(self) -> str:
        parts = []
        if self.matter:
            parts.append(f"matter {self.matter.code} {self.matter.title}")
        if self.process:
            parts.append(self.process.name)
        if self.topic:
            parts.append(str(self.topic))
        return ", ".join(parts)

    @property
    def query(self) -> str:
        parts = []
        if self.process:
            parts.append(f"process={self.process.slug}")
        if self.topic:
            parts.append(f"topic={self.topic.code}")
        if self.matter:
            parts.append(f"matter={self.matter.pk}")
        return "&".join(parts)

    def apply(self, changes):
        if self.process:
            changes = changes.filter(process_ref=self.process.pk)
        if self.topic:
            wanted = [
                self.topic.pk,
                *Topic.objects.filter(parent=self.topic).values_list("pk", flat=True),
            ]
            changes = changes.filter(topics__in=wanted).distinct()
        if self.matter:
            from apps.positions.models import Position

            kinds = ContentType.objects.get_for_models(Matter, Provision, Position)
            provisions = self.matter.entries.values("provision_id")
            positions = Position.objects.filter(matter=self.matter).values("pk")
            changes = changes.filter(
                Q(content_type=kinds[Matter], object_id=self.matter.pk)
                | Q(content_type=kinds[Provision], object_id__in=provisions)
                | Q(content_type=kinds[Position], object_id__in=positions)
            )
        return changes


def public_changes(flt: ChangeFilter):
    return flt.apply(Change.objects.public()).select_related("content_type")


UNPUBLISHED_MATTER = "a matter not published"


def hide_unpublished_matters(changes: list[Change]) -> list[Change]:
    """A position moved between matters names both, before and after: a name that is not a
    published matter's is shown as "a matter not published" (one query, only when such a
    move is on the page). Only the state after each change is known by id, so a published
    matter's old title is hidden too: hiding too much rather than too little."""
    moves = [c.fields["matter_id"] for c in changes if c.fields.get("matter_id")]
    if not moves:
        return changes
    public = {str(m) for m in Matter.objects.published()}
    for values in moves:
        for side in ("before", "after"):
            if values.get(side) and values[side] not in public:
                values[side] = UNPUBLISHED_MATTER
    return changes


def public_url(change: Change) -> str | None:
    """Where the changed object can be read, if it still has a public page."""
    if change.action == Change.Action.DELETED:
        return None
    model = change.content_type.model_class()
    snap = change.snapshot
    if model is Provision and snap.get("key"):
        return reverse("drafts:provision", args=[snap["key"]])
    if model is Draft and snap.get("slug"):
        return reverse("drafts:draft", args=[snap["slug"]])
    return None
