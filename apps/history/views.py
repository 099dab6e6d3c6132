from __future__ import annotations

import re

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from apps.core.htmx import render_error
from apps.drafts.models import Draft, PeaceProcess, Provision, Topic, can_preview

from .filters import (
    ChangeFilter,
    ChangeFilterForm,
    hide_unpublished_references,
    public_changes,
    public_url,
)
from .models import Change

PAGE_SIZE = 50


def _filter(request: HttpRequest) -> ChangeFilter | ChangeFilterForm:
    form = ChangeFilterForm(request.GET)
    if not form.is_valid():
        return form
    return ChangeFilter(**form.cleaned_data, preview=can_preview(request.user))


def _with_links(changes: list[Change], flt: ChangeFilter) -> list[Change]:
    """Attach each change's public page, checked to exist (two queries per page), and hide
    the names of unpublished objects in before/after values (one query per model named)."""
    hide_unpublished_references(changes, preview=flt.preview)
    for change in changes:
        change.url = public_url(change)
    urls = {c.url for c in changes if c.url}
    keys = [u.split("/")[2] for u in urls if u.startswith("/provisions/")]
    slugs = [u.split("/")[2] for u in urls if u.startswith("/drafts/")]
    live = {
        reverse("drafts:provision", args=[k])
        for k in Provision.objects.published().filter(key__in=keys).values_list("key", flat=True)
    } | {
        reverse("drafts:draft", args=[s])
        for s in Draft.objects.published().filter(slug__in=slugs).values_list("slug", flat=True)
    }
    for change in changes:
        if change.url not in live:
            change.url = None
    return changes


@require_safe
def recent_changes(request: HttpRequest) -> HttpResponse:
    flt = _filter(request)
    if isinstance(flt, ChangeFilterForm):
        return render_error(
            request, flt.error_text(), back=[(reverse("history:changes"), "All recent changes")]
        )
    page = Paginator(public_changes(flt), PAGE_SIZE).get_page(request.GET.get("page"))
    feed = reverse("history:feed") + (f"?{flt.query}" if flt.query else "")
    return render(
        request,
        "history/changes.html",
        {
            "page": page,
            "changes": _with_links(list(page.object_list), flt),
            "filter": flt,
            "feed_url": feed,
            "processes": PeaceProcess.objects.all(),
            "topics": Topic.objects.all(),
        },
    )


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry (an editor may have typed them)."""
    return _XML_INVALID.sub("", text)


class ChangesFeed(Feed):
    """Atom feed of published changes, with the same filters as the page."""

    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        flt = _filter(request)
        if isinstance(flt, ChangeFilterForm):
            raise Http404(flt.error_text())
        return flt

    def title(self, obj: ChangeFilter) -> str:
        title = "PeaceTracker changes" + (f": {obj.description}" if obj.description else "")
        return _xml_text(title)

    def subtitle(self, obj: ChangeFilter) -> str:
        return "Edits to published drafts, provisions, sources and their alignment."

    def link(self, obj: ChangeFilter) -> str:
        return reverse("history:changes") + (f"?{obj.query}" if obj.query else "")

    def items(self, obj: ChangeFilter):
        return _with_links(list(public_changes(obj)[:PAGE_SIZE]), obj)

    def item_title(self, item: Change) -> str:
        return _xml_text(f"{item.get_action_display()} {item.model_name}: {item.object_repr}")

    def item_description(self, item: Change) -> str:
        return _xml_text(render_to_string("history/feed_item.html", {"obj": item}))

    def item_link(self, item: Change) -> str:
        return item.url or reverse("history:changes") + f"#change-{item.pk}"

    def item_guid(self, item: Change) -> str:
        return f"peacetracker-change-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Change):
        return item.at

    def item_updateddate(self, item: Change):
        return item.at

    def item_author_name(self, item: Change) -> str:
        return "PeaceTracker editors"
