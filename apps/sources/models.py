from __future__ import annotations

import re

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator, URLValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language_info

from apps.alignment.models import Matter
from apps.core import dates
from apps.drafts.models import Draft, Provision, can_preview

web_url = URLValidator(
    schemes=["http", "https"], message="Enter a web address starting with http:// or https://."
)
language_tag = RegexValidator(
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\Z",
    message="Enter a language tag such as en, pt, ar or pt-BR.",
)
point_number = RegexValidator(
    r"^[0-9A-Za-z][0-9A-Za-z.()-]*\Z",
    message="Enter the number as the source gives it: 2, 2.1, IV, 3(a).",
)


def language_name(tag: str) -> str:
    """English name of a language tag ("pt" → "Portuguese", "pt-BR" → "Brazilian
    Portuguese"), falling back to the language alone, then to the tag as written."""
    try:
        # Django's table is in lower case, and falls back to the language by itself.
        return get_language_info(tag.lower())["name"]
    except KeyError:
        return tag


def next_source_key() -> str:
    """The next free key in the editors' “s<number>” series (s52 → s53)."""
    numbers = [
        int(match[1])
        for key in Source.objects.filter(key__regex=r"^s[0-9]+[a-z]?$").values_list(
            "key", flat=True
        )
        if (match := re.match(r"s(\d+)", key))
    ]
    return f"s{max(numbers, default=0) + 1:02d}"


class SourceQuerySet(models.QuerySet):
    def cited_in_public_draft_text(self) -> SourceQuerySet:
        """Sources that a citation the public sees cites, of a provision or a whole draft.

        `Citation.objects.of_drafts_visible_to` for the public, split at its OR into two
        EXISTS, each stopping at the source's first such citation. Read as one IN, its
        outer joins read every citation of every matching source: 80 ms against 2 ms
        for the sources a common word matches among 600,000 citations.
        """
        public = Citation.objects.filter(
            source=OuterRef("pk"), published=True, position__isnull=True
        )
        return self.filter(
            Exists(public.filter(_OF_PUBLIC_PROVISION)) | Exists(public.filter(_OF_PUBLIC_DRAFT))
        )


class Source(models.Model):
    class Kind(models.TextChoices):
        PRIMARY = "primary", "Primary text"
        NEWS = "news", "News report"
        OFFICIAL = "official", "Official statement"
        ANALYSIS = "analysis", "Analysis"

    class Reliability(models.TextChoices):
        A = "A", "A: wire service or major outlet"
        B = "B", "B: national or regional outlet"
        C = "C", "C: aggregator, mirror, state-affiliated or partisan"

    key = models.SlugField(
        max_length=40,
        unique=True,
        help_text="Stable reference used by editors. Leave blank for the next free key "
        "(s01, s02…).",
    )
    outlet = models.CharField(max_length=200)
    headline = models.CharField(max_length=400)
    author = models.CharField(max_length=200, blank=True)
    url = models.CharField("URL", max_length=600, blank=True, validators=[web_url])
    published_on, published_precision = dates.date_fields("publication date")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.NEWS)
    reliability = models.CharField(max_length=1, choices=Reliability.choices)
    language = models.CharField(
        max_length=12,
        default="en",
        validators=[language_tag],
        help_text="The language the source is written in, as a tag: en, pt, ar, he, de…",
    )
    relay_of = models.CharField(
        "relays",
        max_length=200,
        blank=True,
        help_text="When this page relays or mirrors another outlet's article: that outlet "
        "and article, e.g. “The Telegraph's article”.",
    )
    note = models.TextField(blank=True)
    # The document as imported (apps/imports): the PDF, .docx, page or photograph the
    # provisions were read from, so a citation points at exactly that file.
    attachment = models.FileField(upload_to="sources/", max_length=300, blank=True)
    attachment_sha256 = models.CharField(
        "attachment SHA-256",
        max_length=64,
        blank=True,
        help_text="Fingerprint of the attached file, to check a copy against.",
    )

    # Where a date came from, which file it was: the editors' own (apps/core/editors_only.py).
    EDITORS_ONLY_FIELDS = ("note",)

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.outlet}: {self.headline}"

    @property
    def published_display(self) -> str:
        return dates.format_date(self.published_on, self.published_precision)

    @property
    def language_name(self) -> str:
        """The language's English name ("Portuguese"), or the tag when it is not known."""
        return language_name(self.language)

    @property
    def published_iso(self) -> str:
        return dates.iso_date(self.published_on, self.published_precision)

    def clean(self) -> None:
        try:
            dates.validate_past_date(self.published_on, label="Publication date")
        except ValidationError as exc:
            raise ValidationError({"published_on": exc}) from None
        self.published_on = dates.normalise(self.published_on, self.published_precision)


# A citation of a provision or of a whole draft is public when what it cites is.
_OF_PUBLIC_PROVISION = Q(provision__published=True, provision__draft__published=True)
_OF_PUBLIC_DRAFT = Q(draft__published=True)
_OF_PUBLIC_DRAFT_TEXT = _OF_PUBLIC_PROVISION | _OF_PUBLIC_DRAFT


class CitationQuerySet(models.QuerySet):
    def disputing(self) -> CitationQuerySet:
        return self.exclude(stance=Citation.Stance.SUPPORTS)

    def published(self) -> CitationQuerySet:
        """Public citations: published, of a public provision, a published draft, or a
        position the public sees (one about no matter, or about a published matter)."""
        return self.filter(published=True).filter(
            _OF_PUBLIC_DRAFT_TEXT
            | Q(position__isnull=False, position__matter__isnull=True)
            | Matter.objects.is_published("position__matter_id")
        )

    def of_process(self, process) -> CitationQuerySet:
        """Citations behind a process's provisions, its drafts as wholes, or its parties'
        positions."""
        return self.filter(
            Q(provision__draft__process=process)
            | Q(draft__process=process)
            | Q(position__process=process)
        )

    def visible_to(self, user) -> CitationQuerySet:
        if can_preview(user):
            return self.all()
        return self.published()

    def of_drafts_visible_to(self, user) -> CitationQuerySet:
        """Citations of provisions and whole drafts (none of positions) the user may see.

        The rule of `visible_to` without its branches for positions: search reads it for
        every citation that matches, and the planner cannot drop them by itself.
        """
        qs = self.filter(position__isnull=True)
        if can_preview(user):
            return qs
        return qs.filter(_OF_PUBLIC_DRAFT_TEXT, published=True)


class Citation(models.Model):
    """A source behind a provision or a whole draft. Conflicting reports are separate rows."""

    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        DISPUTES = "disputes", "Disputes"
        DIFFERS = "differs", "Reports differently"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations")
    provision = models.ForeignKey(
        Provision, null=True, blank=True, on_delete=models.CASCADE, related_name="citations"
    )
    draft = models.ForeignKey(
        Draft,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="citations",
        help_text="Cite the whole draft (its existence, date, point count) instead of a provision.",
    )
    position = models.ForeignKey(
        "positions.Position",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="citations",
        help_text="Cite a party's stated position instead of a provision or draft.",
    )
    stance = models.CharField(max_length=10, choices=Stance.choices, default=Stance.SUPPORTS)
    excerpt = models.TextField(
        max_length=600,
        blank=True,
        validators=[MaxLengthValidator(600)],
        help_text="A short paraphrase or quotation, attributed (600 characters at most).",
    )
    locator = models.CharField(
        max_length=120, blank=True, help_text="Where in the source: “point 21”, “para 4”."
    )
    source_number = models.CharField(
        "number in this source",
        max_length=20,
        blank=True,
        validators=[point_number],
        help_text="The number this source gives the point, when its numbering differs from "
        "the label (one outlet's point 2 is another's point 1).",
    )
    translated = models.BooleanField(
        "excerpt translated",
        default=False,
        help_text="The excerpt is an editor's translation from the source's language.",
    )
    note = models.CharField(max_length=300, blank=True)
    published = models.BooleanField(
        default=False,
        help_text="Shown to the public only once published, and only with what it cites.",
    )

    objects = CitationQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        permissions = [("publish_citation", "Can publish and unpublish citations")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(provision__isnull=False, draft__isnull=True, position__isnull=True)
                    | Q(provision__isnull=True, draft__isnull=False, position__isnull=True)
                    | Q(provision__isnull=True, draft__isnull=True, position__isnull=False)
                ),
                name="citation_cites_exactly_one_target",
                violation_error_message=(
                    "A citation must be attached to a provision, a draft or a position "
                    "(exactly one)."
                ),
            ),
        ]

    def __str__(self) -> str:
        # Mid-cascade (deleting a position with its citations) the source or the target may
        # be gone: each is named as far as it can be. The history names a deleted citation
        # from before the deletion (apps/history/recorder.py).
        try:
            source = self.source.key
        except ObjectDoesNotExist:
            source = f"source #{self.source_id}"
        try:
            target = self.provision or self.draft or self.position
        except ObjectDoesNotExist:
            target = self._target_id_text()
        return f"{source} → {target} ({self.get_stance_display().lower()})"

    def _target_id_text(self) -> str:
        for name in ("provision", "draft", "position"):
            pk = getattr(self, f"{name}_id")
            if pk:
                return f"{name} #{pk} (deleted)"
        return "a deleted item"

    @property
    def is_disputing(self) -> bool:
        return self.stance != self.Stance.SUPPORTS
