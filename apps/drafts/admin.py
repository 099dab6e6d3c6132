from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join

from apps.alignment.models import IN_DRAFT_ORDER, MatterEntry, check_entries
from apps.core.admin_publishing import PublishAdminMixin, PublishFieldMixin
from apps.core.admin_widgets import (
    DateNoteAdminMixin,
    HTMLEditorAdminMixin,
    LengthCounterMixin,
    PreloadedAutocompleteInline,
    PreloadedLabelsFormSet,
    SafeIdsAdminMixin,
)
from apps.core.queries import count_of
from apps.history.admin import HistoryAdminMixin
from apps.history.concurrency import EditConflictAdminMixin
from apps.history.recorder import park
from apps.sources import publishing
from apps.sources.models import Citation, Source
from apps.terms.admin import KeyTermInline

from .forms import DraftAdminForm
from .models import Draft, DraftLink, Party, PeaceProcess, Provision, Topic


@admin.register(PeaceProcess)
class PeaceProcessAdmin(HTMLEditorAdminMixin, SafeIdsAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "draft_count"]
    list_filter = ["drafts__status", "drafts__published"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(draft_total=count_of(Draft.objects.all(), "process"))
        )

    @admin.display(description="drafts", ordering="draft_total")
    def draft_count(self, obj):
        return obj.draft_total


@admin.register(Party)
class PartyAdmin(SafeIdsAdminMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "kind", "draft_count"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(draft_total=Count("drafts"))

    @admin.display(description="drafts authored", ordering="draft_total")
    def draft_count(self, obj):
        return obj.draft_total


class TopLevelFilter(admin.SimpleListFilter):
    title = "level"
    parameter_name = "level"

    def lookups(self, request, model_admin):
        return [("top", "Topics"), ("sub", "Subtopics")]

    def queryset(self, request, queryset):
        if self.value() == "top":
            return queryset.filter(parent__isnull=True)
        if self.value() == "sub":
            return queryset.filter(parent__isnull=False)
        return queryset


@admin.register(Topic)
class TopicAdmin(SafeIdsAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "code", "process", "position", "provision_count"]
    list_filter = [TopLevelFilter, "process", ("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "code", "parent__name"]
    autocomplete_fields = ["parent"]
    list_editable = ["position"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("parent", "process")
            .annotate(provision_total=Count("provisions", distinct=True))
        )

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        # Subtopics may only hang under top-level topics.
        if request.GET.get("field_name") == "parent":
            queryset = queryset.filter(parent__isnull=True)
        return queryset, may_have_duplicates

    @admin.display(description="provisions", ordering="provision_total")
    def provision_count(self, obj):
        return obj.provision_total


class DraftLinkInline(PreloadedAutocompleteInline, SafeIdsAdminMixin, admin.TabularInline):
    model = DraftLink
    fk_name = "draft"
    extra = 0
    autocomplete_fields = ["parent"]
    verbose_name = "lineage: this draft revises or answers"
    verbose_name_plural = "lineage: this draft revises or answers"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft", "parent")


class ProvisionInlineForm(forms.ModelForm):
    formset: ProvisionFormSet | None = None

    # A citation added from the draft page, on the provision's row (more on its own page).
    cite_source = forms.TypedChoiceField(
        label="cite a source", required=False, coerce=int, empty_value=None
    )
    cite_locator = forms.CharField(
        label="where in it", max_length=120, required=False, help_text="“point 21”, “para 4”."
    )

    def cite(self) -> Citation | None:
        """Add the citation chosen on this row to the saved provision (unpublished)."""
        source_id = self.cleaned_data.get("cite_source")
        if not source_id or self.cleaned_data.get("DELETE"):
            return None
        citation = Citation(
            provision=self.instance,
            source_id=source_id,
            locator=self.cleaned_data.get("cite_locator") or "",
        )
        citation.full_clean()
        citation.save()
        return citation

    def validate_constraints(self):
        # A label another row of this save gives up ("1" ↔ "2") is free once saved: the
        # formset checks the rows against each other and parks the labels before saving.
        if self.formset and self.instance.label in self.formset.labels_given_up(self):
            try:
                self.instance.validate_constraints(
                    exclude={*self._get_validation_exclusions(), "label"}
                )
            except ValidationError as exc:
                self._update_errors(exc)
            return
        super().validate_constraints()


class ProvisionFormSet(BaseInlineFormSet):
    """Checks the rows together: labels unique within the draft; positions renumbered.

    Labels may move between rows in one save (swapping “1” and “2”, or taking a deleted
    row's label): those rows' labels are parked on placeholders before any row is saved.
    """

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.formset = self
        if "cite_source" in form.fields:
            form.fields["cite_source"].choices = self.source_choices
        return form

    @cached_property
    def source_choices(self) -> list[tuple[str | int, str]]:
        """The sources to cite, read once for all rows."""
        sources = Source.objects.order_by("key").values_list("pk", "key", "outlet")
        return [("", "—"), *((pk, f"{key} · {outlet}") for pk, key, outlet in sources)]

    @staticmethod
    def _submitted_label(form) -> str:
        if "DELETE" in form.fields and form["DELETE"].data:
            return ""
        label = (form["label"].data or "").strip()
        return Provision.UNNUMBERED if label in {"-", "–"} else label

    def labels_given_up(self, asking=None) -> set[str]:
        """Stored labels of the other saved rows that this save changes or deletes."""
        return {
            form.initial.get("label")
            for form in self.initial_forms
            if form is not asking
            and form.initial.get("label")
            and form.initial.get("label") != self._submitted_label(form)
        } - {Provision.UNNUMBERED}

    def save_existing_objects(self, commit=True):
        if commit:
            self._park_moving_labels()
        return super().save_existing_objects(commit)

    def _park_moving_labels(self) -> None:
        taken = {
            (form.cleaned_data.get("label") or "")
            for form in self.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        }
        moving = [
            form.instance
            for form in self.initial_forms
            if form.initial.get("label") in taken
            and form.initial.get("label") != Provision.UNNUMBERED
            and form.initial.get("label") != self._submitted_label(form)
        ]
        if moving:
            park(moving, label=lambda p: f"~{p.pk}")

    def clean(self):
        super().clean()
        seen: dict[str, int] = {}
        for index, form in enumerate(self.forms, start=1):
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            label = (form.cleaned_data.get("label") or "").strip()
            if label and label != Provision.UNNUMBERED:
                if label in seen:
                    form.add_error(
                        "label",
                        f"Row {seen[label]} already has the label “{label}”: "
                        "two provisions of one draft cannot share a label.",
                    )
                seen.setdefault(label, index)


class ProvisionInline(
    HTMLEditorAdminMixin, PublishFieldMixin, SafeIdsAdminMixin, admin.TabularInline
):
    model = Provision
    form = ProvisionInlineForm
    formset = ProvisionFormSet
    fields = [
        "position",
        "label",
        "heading",
        "state",
        "body",
        "published",
        "cite_source",
        "cite_locator",
    ]
    extra = 0
    show_change_link = True
    ordering = ["position", "pk"]
    classes = ["reorderable"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("draft")

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if not self.has_change_permission(request, obj):
            return [f for f in fields if not f.startswith("cite_")]
        return fields

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "body":
            # The textarea's size without JavaScript; with it, html-editor.css sizes the
            # editor that replaces it (compact in a tabular inline's row).
            field.widget.attrs.update(rows=3, cols=60)
        if db_field.name == "position":
            field.widget.attrs.update({"class": "vSmallField position-input"})
        return field


class DraftCitationInline(
    LengthCounterMixin,
    PublishFieldMixin,
    PreloadedAutocompleteInline,
    SafeIdsAdminMixin,
    admin.TabularInline,
):
    model = Citation
    fk_name = "draft"
    fields = ["source", "stance", "locator", "excerpt", "note", "published"]
    autocomplete_fields = ["source"]
    extra = 0
    verbose_name = "citation of the whole draft"
    verbose_name_plural = "citations of the whole draft (its existence, date, point count)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "draft")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "excerpt":
            field.widget.attrs.update(rows=2, cols=40)
        return field


@admin.register(Draft)
class DraftAdmin(
    HTMLEditorAdminMixin,
    DateNoteAdminMixin,
    PublishAdminMixin,
    HistoryAdminMixin,
    EditConflictAdminMixin,
    SafeIdsAdminMixin,
    admin.ModelAdmin,
):
    list_display = [
        "label",
        "process",
        "status",
        "text_basis",
        "presented",
        "published",
        "provision_count",
        "citation_count",
        "matter_count",
    ]
    list_filter = ["process", "kind", "status", "text_basis", "published", "authors"]
    list_select_related = ["process"]
    search_fields = ["title", "label", "slug", "summary"]
    form = DraftAdminForm
    autocomplete_fields = ["authors"]
    prepopulated_fields = {"slug": ["label"]}
    readonly_fields = ["matters_table", "updated_at"]
    inlines = [DraftLinkInline, ProvisionInline, DraftCitationInline]
    fieldsets = [
        (None, {"fields": ["process", "title", "label", "slug", "authors", "summary"]}),
        (
            "Dates",
            {"fields": ["presented_date", "reported_date"]},
        ),
        ("Status", {"fields": ["kind", "declared_points", "status", "text_basis", "published"]}),
        ("Alignment", {"fields": ["matters_table"]}),
        ("Record", {"fields": ["updated_at"]}),
    ]

    class Media:
        js = ["peacetracker/admin-reorder.js"]
        css = {"all": ["peacetracker/admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_counts(public_only=False)

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip()
        if term:
            # A draft named by the term ("Kyiv" → "Kyiv revision") comes before one whose
            # summary merely mentions it. The change list re-sorts; the autocomplete keeps it.
            named = Q(label__icontains=term) | Q(title__icontains=term)
            queryset = queryset.annotate(
                name_rank=Case(
                    When(named, then=Value(0)), default=Value(1), output_field=IntegerField()
                )
            ).order_by("name_rank", *Draft._meta.ordering)
        return queryset, may_have_duplicates

    def get_readonly_fields(self, request, obj=None):
        # Comparison links name drafts by slug: once saved, it never changes.
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "slug"] if obj else fields

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj else super().get_prepopulated_fields(request, obj)

    @admin.display(description="date presented")
    def presented_date(self, obj):
        # Shown instead of the free-form input to those who may only view drafts.
        return obj.presented_display or "—"

    @admin.display(description="date first reported")
    def reported_date(self, obj):
        return obj.reported_display or "—"

    @admin.display(description="presented", ordering="presented_on")
    def presented(self, obj):
        return obj.presented_display or "—"

    @admin.display(description="provisions", ordering="provision_count")
    def provision_count(self, obj):
        url = reverse("admin:drafts_provision_changelist") + f"?draft__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.provision_count)

    @admin.display(description="citations", ordering="citation_count")
    def citation_count(self, obj):
        return obj.citation_count

    @admin.display(description="matters", ordering="matter_count")
    def matter_count(self, obj):
        url = reverse("admin:alignment_matter_changelist") + f"?entries__provision__draft={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.matter_count)

    @admin.display(description="matters this draft's provisions belong to")
    def matters_table(self, obj):
        if not obj.pk:
            return "Save the draft first."
        entries = (
            MatterEntry.objects.filter(provision__draft=obj)
            .select_related("matter", "provision")
            .order_by("matter__position", "matter__code", *IN_DRAFT_ORDER)
        )
        if not entries:
            return "No provision of this draft is aligned yet."
        rows = format_html_join(
            "",
            '<tr><td><a href="{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td></tr>',
            (
                (
                    reverse("admin:alignment_matter_change", args=[e.matter_id]),
                    e.matter,
                    e.provision.label,
                    e.get_relation_display(),
                    e.get_label_display() or "",
                )
                for e in entries
            ),
        )
        return format_html(
            '<table class="matters-table"><thead><tr><th>Matter</th><th>Provision</th>'
            "<th>Relation to parent</th><th>Label</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Provision:
            for row in formset.forms:
                if getattr(row, "cleaned_data", None) and row.instance.pk:
                    row.cite()
            form.instance.renumber_provisions()

    def publish_all_view(self, request, draft_id):
        """Publish the draft with its provisions and citations, after a checklist of what
        that publishes and what is still missing (uncited or unaligned provisions)."""
        draft = get_object_or_404(Draft, pk=draft_id)
        if not publishing.may_publish_all(request.user):
            raise PermissionDenied
        plan = publishing.plan(draft)
        if request.method == "POST":
            count = publishing.publish_all(plan)
            messages.success(request, f"Published “{draft}” with everything: {count} objects.")
            return HttpResponseRedirect(reverse("admin:drafts_draft_change", args=[draft.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": f"Publish “{draft}” with everything?",
            "opts": self.opts,
            "draft": draft,
            "plan": plan,
        }
        return TemplateResponse(request, "admin/drafts/draft/publish_all.html", context)

    def get_urls(self):
        from functools import partial

        from django.urls import path

        from apps.imports.views import import_text

        view = self.admin_site.admin_view(partial(import_text, model_admin=self))
        publish_all = self.admin_site.admin_view(self.publish_all_view)
        return [
            path("<int:draft_id>/import/", view, name="drafts_draft_import"),
            path("<int:draft_id>/publish/", publish_all, name="drafts_draft_publish_all"),
            *super().get_urls(),
        ]


class ProvisionCitationInline(
    LengthCounterMixin,
    PublishFieldMixin,
    PreloadedAutocompleteInline,
    SafeIdsAdminMixin,
    admin.TabularInline,
):
    model = Citation
    fk_name = "provision"
    fields = ["source", "stance", "locator", "source_number", "excerpt", "note", "published"]
    autocomplete_fields = ["source"]
    extra = 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "provision__draft")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "excerpt":
            field.widget.attrs.update(rows=2, cols=40)
        return field


class ProvisionMattersFormSet(PreloadedLabelsFormSet):
    """The one-draft-per-matter rule, checked from the provision's side too."""

    def clean(self):
        super().clean()
        provision = self.instance
        rows = [
            (form.cleaned_data["matter"], form.cleaned_data.get("relation"))
            for form in self.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("matter")
        ]
        if not rows or not provision.draft_id:
            return
        siblings: dict[int, list[str]] = {}
        others = MatterEntry.objects.filter(
            matter__in=[matter for matter, _ in rows], provision__draft_id=provision.draft_id
        ).exclude(provision_id=provision.pk)
        for matter_id, relation in others.values_list("matter_id", "relation"):
            siblings.setdefault(matter_id, []).append(relation)
        for matter, relation in rows:
            entries = [(provision.draft_id, r) for r in [relation, *siblings.get(matter.pk, [])]]
            try:
                check_entries(entries)
            except ValidationError as exc:
                raise ValidationError(f"Matter {matter.code}: {exc.messages[0]}") from None


class ProvisionMatterInline(PreloadedAutocompleteInline, SafeIdsAdminMixin, admin.TabularInline):
    model = MatterEntry
    formset = ProvisionMattersFormSet
    fields = ["matter", "relation", "label", "rationale"]
    autocomplete_fields = ["matter"]
    extra = 0
    verbose_name = "matter (comparison row)"
    verbose_name_plural = "matters (comparison rows) this provision belongs to"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("matter", "provision__draft")


@admin.register(Provision)
class ProvisionAdmin(
    HTMLEditorAdminMixin,
    PublishAdminMixin,
    HistoryAdminMixin,
    EditConflictAdminMixin,
    SafeIdsAdminMixin,
    admin.ModelAdmin,
):
    list_display = [
        "label",
        "heading",
        "draft",
        "state",
        "published",
        "topic_list",
        "citation_count",
    ]
    list_display_links = ["label", "heading"]
    list_filter = ["draft__process", "draft", "state", "published", "topics"]
    search_fields = ["label", "heading", "body", "key", "draft__label", "draft__title"]
    autocomplete_fields = ["draft", "topics"]
    readonly_fields = ["key", "updated_at"]
    fields = [
        "draft",
        "key",
        "label",
        "position",
        "heading",
        "body",
        "topics",
        "state",
        "published",
        "updated_at",
    ]
    inlines = [KeyTermInline, ProvisionCitationInline, ProvisionMatterInline]
    list_per_page = 50
    show_full_result_count = False  # one count of every provision per page is enough

    def get_ordering(self, request):
        """Within one draft, its own order; across drafts, the latest edits first. The
        drafts' order (by process and date) sorts every provision there is before a page
        can be cut (260 ms at 200,000 provisions); the latest edits come off an index."""
        if request.GET.get("draft__id__exact"):
            return ["position", "pk"]
        return ["-updated_at", "-pk"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("draft")
            .prefetch_related("topics__parent")
            # Counted per row shown: a Count() over the join grouped every provision there
            # is before the page could be cut (1.3 s with 200,000 provisions).
            .annotate(citation_total=count_of(Citation.objects.all(), "provision"))
        )

    @admin.display(description="topics")
    def topic_list(self, obj):
        return ", ".join(str(t) for t in obj.topics.all()) or "—"

    @admin.display(description="citations", ordering="citation_total")
    def citation_count(self, obj):
        return obj.citation_total
