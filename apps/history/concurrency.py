"""No lost edits in the admin: a save is refused when someone else saved the row meanwhile.

The change form carries a hidden version mark: a fingerprint of each field of the row, and
of the rows of each inline, as they were when the form was opened, plus the time. On save,
the row is read again (locked until the end of the save); if any fingerprint moved, the form
comes back with the editor's input in it, a message naming who saved and when (from the
recorded history), and their value beside the editor's for each field they changed. The
redisplayed form carries the new mark, so saving it again applies the editor's version
deliberately. A row deleted meanwhile gets a page of its own that shows what was typed.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import time
from dataclasses import dataclass, field

from django import forms
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.forms.models import _get_foreign_key
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone

from .models import Change
from .recorder import _display, _json, _label, serialize
from .services import can_revert

TOKEN = "edit_version"
SALT = "apps.history.concurrency"


class VersionField(forms.CharField):
    """The hidden version mark; never counts as a change of the object."""

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(required=False)

    def has_changed(self, initial, data) -> bool:
        return False


class _CheckedForm:
    """Form mixin: runs the admin's conflict check after the form's own validation."""

    edit_conflict = None
    conflict_check = None  # set per request by EditConflictAdminMixin.get_form

    def clean(self):
        cleaned = super().clean()
        if self.conflict_check is not None:
            self.conflict_check(self)
        return cleaned


@dataclass
class EditConflict:
    message: str
    fields: list[dict] = field(default_factory=list)
    inlines: list[str] = field(default_factory=list)
    reload_url: str = ""


def _fingerprint(value) -> str:
    # Both sides of a comparison go through here, so str() of a date or a decimal will do.
    text = json.dumps(value, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _stamped(f) -> bool:
    """Fields that every save rewrites (updated_at) say nothing about a conflict."""
    return bool(getattr(f, "auto_now", False))


def _row_values(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields if not _stamped(f)]


def _own_m2m(model) -> list[models.ManyToManyField]:
    """Many-to-many fields edited in the row's own form (not through an inline model)."""
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


def _rows_fingerprint(rows: list[tuple]) -> str:
    return _fingerprint(sorted(rows, key=lambda r: r[0]))


def _inline_key(inline, fk) -> str:
    return f"{inline.model._meta.label_lower}.{fk.name}"


def make_token(state: dict) -> str:
    return signing.dumps({**state, "t": time.time()}, salt=SALT, compress=True)


def read_token(token: str) -> dict | None:
    """The state a form was opened with, or None if the mark is damaged."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not {"f", "i", "t"} <= data.keys():
        return None
    return data


def _when(at: datetime.datetime) -> str:
    local = timezone.localtime(at)
    if local.date() == timezone.localdate():
        return f"at {local:%H:%M}"
    return f"on {local:%d %b %Y} at {local:%H:%M}"


class EditConflictAdminMixin:
    """ModelAdmin mixin: optimistic concurrency for the change form (see the module doc)."""

    # --- the hidden field ---------------------------------------------------------------

    def get_fields(self, request, obj=None):
        return [f for f in super().get_fields(request, obj) if f != TOKEN]

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if (
            obj is not None
            and TOKEN not in flatten_fieldsets(fieldsets)
            and self.has_change_permission(request, obj)
        ):
            fieldsets.append((None, {"fields": [TOKEN], "classes": ["hidden"]}))
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None and "form" not in kwargs:
            kwargs["form"] = self._checked_form(request, obj)
        return super().get_form(request, obj, **kwargs)

    def _checked_form(self, request, obj):
        """The admin's form, with the version mark and the check, for one change page."""
        readonly = self.get_readonly_fields(request, obj)
        attrs = dict.fromkeys(f for f in readonly if f in self.form.declared_fields)
        attrs[TOKEN] = VersionField()
        attrs["conflict_check"] = staticmethod(lambda form: self.check_edit_conflict(request, form))
        return type(self.form.__name__, (_CheckedForm, self.form), attrs)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        admin_form = context.get("adminform")
        form = getattr(admin_form, "form", None)
        if form is not None and obj is not None and TOKEN in form.fields:
            if not form.is_bound:
                state = self._state_as_shown(obj, form, context.get("inline_admin_formsets", []))
                form.initial[TOKEN] = make_token(state)
            if form.edit_conflict is not None:
                context["edit_conflict"] = form.edit_conflict
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- the row's state ----------------------------------------------------------------

    def _state_as_shown(self, obj, form, inline_admin_formsets) -> dict:
        """The state the page shows, from what it already loaded (no extra queries)."""
        fields = {name: _fingerprint(getattr(obj, name)) for name in _row_values(self.model)}
        for m2m in _own_m2m(self.model):
            if m2m.name in form.fields:
                pks = [o.pk for o in form.initial.get(m2m.name) or []]
            else:
                pks = list(getattr(obj, m2m.name).values_list("pk", flat=True))
            fields[m2m.name] = _fingerprint(sorted(pks))
        inlines = {}
        for inline_admin_formset in inline_admin_formsets:
            formset = inline_admin_formset.formset
            names = _row_values(formset.model)
            rows = [
                tuple(getattr(f.instance, name) for name in names) for f in formset.initial_forms
            ]
            inlines[_inline_key(inline_admin_formset.opts, formset.fk)] = _rows_fingerprint(rows)
        return {"f": fields, "i": inlines}

    def _state_saved(self, request, obj) -> tuple[dict, dict[type, list]]:
        """The state in the database now, and the ids of each inline model's rows."""
        fields = {name: _fingerprint(getattr(obj, name)) for name in _row_values(self.model)}
        for m2m in _own_m2m(self.model):
            pks = sorted(getattr(obj, m2m.name).values_list("pk", flat=True))
            fields[m2m.name] = _fingerprint(pks)
        inlines, ids = {}, {}
        for inline in self.get_inline_instances(request, obj):
            fk = _get_foreign_key(self.model, inline.model, fk_name=inline.fk_name)
            names = _row_values(inline.model)
            rows = list(
                inline.get_queryset(request).filter(**{fk.name: obj.pk}).values_list(*names)
            )
            inlines[_inline_key(inline, fk)] = _rows_fingerprint(rows)
            ids.setdefault(inline.model, []).extend(r[0] for r in rows)
        return {"f": fields, "i": inlines}, ids

    # --- the check ----------------------------------------------------------------------

    def check_edit_conflict(self, request, form) -> None:
        """Refuse the save (a form error) if the row changed since the form was opened."""
        submitted = form.data.get(form.add_prefix(TOKEN))
        if not submitted:
            return  # a form opened before this check existed: nothing to compare with
        current = self.model._base_manager.select_for_update().filter(pk=form.instance.pk)
        current = current.first()
        if current is None:
            return  # deleted meanwhile: the save itself reports it
        loaded = read_token(submitted)
        state, inline_ids = self._state_saved(request, current)
        if loaded is not None and loaded["f"] == state["f"] and loaded["i"] == state["i"]:
            return
        conflict = self._describe_conflict(request, form, current, loaded, state, inline_ids)
        if loaded is None and not conflict.fields and not conflict.inlines:
            return
        form.edit_conflict = conflict
        form.data = form.data.copy()
        form.data[form.add_prefix(TOKEN)] = make_token(state)
        raise ValidationError(conflict.message, code="edit_conflict")

    def _describe_conflict(self, request, form, current, loaded, state, inline_ids):
        model = self.model
        saved = serialize(current)
        yours = self._submitted(form)
        fields = []
        for name, print_ in state["f"].items():
            if loaded:
                moved = loaded["f"].get(name) != print_
            else:
                # No mark to trust: only what the editor's form holds can be compared (a
                # field outside it, such as the id, would otherwise always look changed).
                moved = name in yours and yours[name] != saved.get(name)
            if not moved:
                continue
            theirs = _display(model, name, saved.get(name))
            if name in yours:
                shown = _display(model, name, yours[name])
            elif model._meta.get_field(name).name in form.fields:  # it failed validation
                shown = "(not valid: see the error below)"
            else:
                shown = "(not editable in this form)"
            same = name in yours and shown == theirs
            fields.append(
                {"label": _label(model, name), "theirs": theirs, "yours": shown, "same": same}
            )
        inline_names = {
            _inline_key(inline, _get_foreign_key(model, inline.model, fk_name=inline.fk_name)): (
                str(inline.verbose_name_plural)
            )
            for inline in self.get_inline_instances(request, current)
        }
        inlines = [
            inline_names[key]  # the same inlines as the saved state's
            for key, print_ in state["i"].items()
            if loaded is None or loaded["i"].get(key) != print_
        ]
        who = self._who_saved(request, current, loaded, inline_ids)
        name = model._meta.verbose_name
        message = (
            f"{who} after you opened it. Nothing of yours is saved yet: what they changed "
            "is shown below next to your version, and your input is still in the form. "
            "Save again to apply your version over theirs, or reload the page to start "
            f"from the saved {name}."
        )
        return EditConflict(
            message=message, fields=fields, inlines=inlines, reload_url=request.path
        )

    def _submitted(self, form) -> dict:
        """The editor's values, keyed and encoded like the recorded snapshots."""
        data = form.cleaned_data
        values = {}
        for f in self.model._meta.concrete_fields:
            if f.name not in form.fields or f.name not in data:
                continue
            value = data[f.name]
            values[f.attname] = _json(getattr(value, "pk", value))  # a related row: its id
        for m2m in _own_m2m(self.model):
            if m2m.name in form.fields and m2m.name in data:
                values[m2m.name] = sorted(o.pk for o in data[m2m.name] or [])
        return values

    def _who_saved(self, request, obj, loaded, inline_ids) -> str:
        """“edna saved this provision at 14:02” from the recorded history, if it knows."""
        name = self.model._meta.verbose_name
        since = datetime.datetime.fromtimestamp(loaded["t"], tz=datetime.UTC) if loaded else None
        changes = []
        if since is not None:
            kinds = ContentType.objects.get_for_models(self.model, *inline_ids)
            where = Q(content_type=kinds[self.model], object_id=obj.pk)
            for inline_model, pks in inline_ids.items():
                if pks:
                    where |= Q(content_type=kinds[inline_model], object_id__in=pks)
            changes = list(Change.objects.filter(where, at__gt=since).order_by("at"))
        if not changes:
            return f"Someone saved this {name}"
        me = request.user.get_username()
        you, nameless = "you (in another tab or window)", "someone"
        names: list[str] = []
        for change in changes:
            shown = you if change.user_name == me else change.user_name or nameless
            if shown not in names:
                names.append(shown)
        people = names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"
        if names[0] in (you, nameless):  # the start of the sentence; user names as they are
            people = people[0].upper() + people[1:]
        return f"{people} saved this {name} {_when(changes[-1].at)}"

    # --- deleted while editing ------------------------------------------------------------

    def changeform_view(self, request, object_id=None, *args, **kwargs):
        if (
            request.method == "POST"
            and object_id is not None
            and TOKEN in request.POST
            and "_saveasnew" not in request.POST
            and self.has_change_permission(request)
            and not self._still_exists(unquote(object_id))
        ):
            return self.deleted_while_editing(request, unquote(object_id))
        return super().changeform_view(request, object_id, *args, **kwargs)

    def _still_exists(self, object_id) -> bool:
        try:
            return self.model._base_manager.filter(pk=object_id).exists()
        except (ValueError, TypeError, ValidationError):
            return True  # not an id at all: the admin's own handling answers

    def deleted_while_editing(self, request, object_id) -> TemplateResponse:
        """The row is gone: say who deleted it, show what was typed, offer a restore."""
        opts = self.model._meta
        deletion = (
            # An id: _still_exists has read it as one.
            Change.objects.for_object_id(self.model, int(object_id))
            .filter(action=Change.Action.DELETED)
            .select_related("content_type")
            .first()
        )
        restore_url = None
        may_change = request.user.has_perm(f"{opts.app_label}.change_{opts.model_name}")
        if deletion is not None and can_revert(deletion) and may_change:
            restore_url = reverse("admin:history_change_revert", args=[deletion.pk])
        context = {
            **self.admin_site.each_context(request),
            "title": f"This {opts.verbose_name} was deleted while you were editing it",
            "opts": opts,
            "deletion": deletion,
            "when": _when(deletion.at) if deletion else "",
            "typed": self._typed_values(request),
            "restore_url": restore_url,
            "changelist_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
        }
        return TemplateResponse(request, "admin/concurrency/deleted.html", context, status=409)

    def _typed_values(self, request) -> list[dict]:
        """What the editor typed into the row's own fields, so it can be copied elsewhere."""
        typed = []
        for f in [*self.model._meta.concrete_fields, *self.model._meta.many_to_many]:
            if f.name not in request.POST or f.primary_key:
                continue
            raw = request.POST.getlist(f.name) if f.many_to_many else request.POST[f.name]
            text = raw if isinstance(raw, str) else ", ".join(raw)
            shown = text
            if f.is_relation or f.choices:
                try:
                    value = [int(v) for v in raw] if f.many_to_many else raw
                    shown = _display(self.model, f.attname, value) or text
                except (ValueError, TypeError, ValidationError):
                    shown = text
            typed.append(
                {
                    "label": f.verbose_name,
                    "value": shown,
                    "long": isinstance(f, models.TextField) or len(shown) > 80,
                }
            )
        return typed
