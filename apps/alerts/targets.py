"""What can be followed: a process, a draft, a matter or a party, as the public sees it."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q, QuerySet
from django.urls import reverse

from apps.alignment.models import Matter
from apps.drafts.models import Draft, Party, PeaceProcess
from apps.history.filters import ChangeFilter
from apps.history.models import Change
from apps.positions.models import Position

from .models import Kind


@dataclass(frozen=True)
class Target:
    kind: str
    obj: Model

    @property
    def name(self) -> str:
        if self.kind == Kind.MATTER:
            return f"matter {self.obj.code} {self.obj.title}"
        if self.kind == Kind.DRAFT:
            return f"the draft {self.obj.label}"
        return str(self.obj)

    @property
    def ref(self) -> str:
        """The id in the follow URL: the slug, or a matter's number."""
        return str(self.obj.pk) if self.kind == Kind.MATTER else self.obj.slug

    @property
    def path(self) -> str:
        """The object's public page."""
        if self.kind == Kind.PROCESS:
            return reverse("positions:matrix", args=[self.obj.slug])
        if self.kind == Kind.DRAFT:
            return self.obj.get_absolute_url()
        if self.kind == Kind.MATTER:
            return reverse("positions:matter", args=[self.obj.pk])
        return reverse("positions:party", args=[self.obj.slug])

    def changes(self) -> QuerySet[Change]:
        """Published changes to what is followed (never a change the public cannot read)."""
        public = Change.objects.public()
        if self.kind == Kind.PROCESS:
            return public.filter(process_ref=self.obj.pk)
        if self.kind == Kind.DRAFT:
            return public.filter(draft_ref=self.obj.pk)
        if self.kind == Kind.MATTER:
            return ChangeFilter(matter=self.obj).apply(public)
        # A party: its positions (the snapshot names the party, even of a deleted one) and
        # the drafts it authored.
        position = ContentType.objects.get_for_model(Position)
        return public.filter(
            Q(content_type=position, snapshot__party_id=self.obj.pk)
            | Q(draft_ref__in=Draft.objects.filter(authors=self.obj).values("pk"))
        )


def _public(kind: str) -> QuerySet:
    """The objects of `kind` anyone may follow: those with a public page."""
    if kind == Kind.PROCESS:
        return PeaceProcess.objects.filter(drafts__in=Draft.objects.published()).distinct()
    if kind == Kind.DRAFT:
        return Draft.objects.published()
    if kind == Kind.MATTER:
        return Matter.objects.published()
    return Party.objects.all()


def find(kind: str, ref: str) -> Target | None:
    """The public object named in a follow URL, or None (unknown kind, id or unpublished)."""
    if kind not in Kind.values:
        return None
    if kind == Kind.MATTER:
        if not ref.isdigit() or len(ref) > 18:
            return None
        obj = _public(kind).filter(pk=int(ref)).first()
    else:
        obj = _public(kind).filter(slug=ref).first()
    return Target(kind, obj) if obj is not None else None


def find_by_id(kind: str, pk: int) -> Target | None:
    """The public object a subscription follows, or None if it has no public page now."""
    if kind not in Kind.values:
        return None
    obj = _public(kind).filter(pk=pk).first()
    return Target(kind, obj) if obj is not None else None
