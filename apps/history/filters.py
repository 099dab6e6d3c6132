"""The public view of recorded changes, and its filters (shared by the page and the feed)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q

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
    # The reader may preview unpublished material: before/after values keep their names.
    preview: bool = field(default=False, compare=False)

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


def _gated_models() -> tuple[type[models.Model], ...]:
    """Models whose objects the public sees only once published (each has `visible_to`)."""
    from apps.positions.models import Position
    from apps.sources.models import Citation

    return (Draft, Provision, Matter, Citation, Position)


def unpublished_text(model: type[models.Model]) -> str:
    """What the public reads instead of the name of an object it may not see."""
    return f"a {model._meta.verbose_name} not published"


def _references(change: Change, gated) -> list[tuple[dict, str, type[models.Model], object]]:
    """(field entry, side, model, id) for each non-empty before/after value of `change` that
    names an object of a gated model through a foreign key. The id is the one recorded with
    the value; changes recorded before ids were kept have only the state after the change
    (the snapshot), so their "before" id is None: unknown, hence hidden."""
    model = change.content_type.model_class()
    if model is None or not change.fields:
        return []
    keys = {
        f.attname: f.related_model
        for f in model._meta.concrete_fields
        if f.many_to_one and f.related_model in gated
    }
    found = []
    for name, entry in change.fields.items():
        target = keys.get(name)
        if target is None or not isinstance(entry, dict):
            continue
        for side in ("before", "after"):
            if not entry.get(side):
                continue
            if f"{side}_id" in entry:
                pk = entry[f"{side}_id"]
            elif side == "after" and change.action != Change.Action.DELETED:
                pk = change.snapshot.get(name)
            else:
                pk = None
            found.append((entry, side, target, pk))
    return found


def hide_unpublished_references(changes: list[Change], *, preview: bool = False) -> list[Change]:
    """Before/after values name related objects (a citation's provision, a provision's
    draft, a position's matter…): for a reader who cannot preview, a value naming a draft,
    provision, matter, citation or position that is not public now reads "a provision not
    published" and the like. One query per model named on the page, whatever its length;
    none for a reader who previews, who sees the real names."""
    if preview:
        return changes
    gated = _gated_models()
    refs = [ref for change in changes for ref in _references(change, gated)]
    wanted: dict[type[models.Model], set] = defaultdict(set)
    for _, _, target, pk in refs:
        if isinstance(pk, int):
            wanted[target].add(pk)
    public = {
        target: set(
            target.objects.visible_to(AnonymousUser())
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )
        for target, ids in wanted.items()
    }
    for entry, side, target, pk in refs:
        if pk not in public.get(target, ()):
            entry[side] = unpublished_text(target)
    return changes
