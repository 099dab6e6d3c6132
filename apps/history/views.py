from __future__ import annotations

import datetime
import re

from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.views.decorators.http import require_safe

from apps.core.htmx import render_error
from apps.drafts.models import PeaceProcess, Topic, can_preview

from .filters import (
    ChangeFilter,
    ChangeFilterForm,
    hide_unpublished_references,
    public_changes,
)
from .links import attach_urls
from .models import Change
from .summaries import summary

PAGE_SIZE = 50


def _filter(request: HttpRequest) -> ChangeFilter | ChangeFilterForm:
    form = ChangeFilterForm(request.GET)
    if not form.is_valid():
        return form
    return ChangeFilter(**form.cleaned_data, preview=can_preview(request.user))


def _with_links(changes: list[Change], flt: ChangeFilter) -> list[Change]:
    """Attach each change's public page (and the page that holds it), and hide the names of
    unpublished objects in before/after values (one query per model named)."""
    hide_unpublished_references(changes, preview=flt.preview)
    return attach_urls(changes)


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
            # With a process chosen, only its topic tree (and the shared topics) is offered.
            "topics": Topic.objects.in_tree_order(flt.process),
        },
    )


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """Drop the control characters XML 1.0 cannot carry (an editor may have typed them)."""
    return _XML_INVALID.sub("", text)


def _tag(host: str, day, specific: str) -> str:
    """A tag: URI (RFC 4151), the stable id of a feed or an entry."""
    return f"tag:{host},{day:%Y-%m-%d}:{specific}"


def _feed_address(flt: ChangeFilter) -> str:
    return reverse("history:feed") + (f"?{flt.query}" if flt.query else "")


class ChangesFeed(Feed):
    """Atom feed of published changes, with the same filters as the page. Its `self` link
    is the filtered address itself; an unknown filter answers a 404 that is still a feed."""

    feed_type = Atom1Feed

    def __call__(self, request, *args, **kwargs):
        flt = _filter(request)
        if isinstance(flt, ChangeFilterForm):
            return _feed_not_found(request, flt.error_text())
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        flt = _filter(request)
        if isinstance(flt, ChangeFilterForm):
            raise Http404(flt.error_text())
        # Entry ids name this site (host name without port, as tag: URIs want).
        flt.host = split_domain_port(request.get_host())[0] or "localhost"
        return flt

    def title(self, obj: ChangeFilter) -> str:
        title = "PeaceTracker changes" + (f": {obj.description}" if obj.description else "")
        return _xml_text(title)

    def subtitle(self, obj: ChangeFilter) -> str:
        return "Edits to published drafts, provisions, sources and their alignment."

    def link(self, obj: ChangeFilter) -> str:
        return reverse("history:changes") + (f"?{obj.query}" if obj.query else "")

    def feed_url(self, obj: ChangeFilter) -> str:
        return _feed_address(obj)

    def feed_guid(self, obj: ChangeFilter) -> str:
        return _tag(obj.host, FEED_SINCE, "changes" + (f"?{obj.query}" if obj.query else ""))

    def items(self, obj: ChangeFilter):
        changes = _with_links(list(public_changes(obj)[:PAGE_SIZE]), obj)
        for change in changes:
            change.feed_host, change.feed_query = obj.host, obj.query
        return changes

    def item_title(self, item: Change) -> str:
        return _xml_text(f"{item.get_action_display()} {item.model_name}: {item.object_repr}")

    def item_description(self, item: Change) -> str:
        lines = summary(item).split("\n")
        return _xml_text("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")

    def item_link(self, item: Change) -> str:
        if item.url or item.context_url:
            return item.url or item.context_url
        changes = reverse("history:changes") + (f"?{item.feed_query}" if item.feed_query else "")
        return f"{changes}#change-{item.pk}"

    def item_guid(self, item: Change) -> str:
        return _tag(item.feed_host, item.at, f"change-{item.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, item: Change):
        return item.at

    def item_updateddate(self, item: Change):
        return item.at

    def item_author_name(self, item: Change) -> str:
        return "PeaceTracker editors"


# The day the feed's tag: ids were first minted (they must never change afterwards).
FEED_SINCE = datetime.date(2025, 11, 1)


def _feed_not_found(request: HttpRequest, message: str) -> HttpResponse:
    """A 404 a feed reader can read: an Atom feed, without entries, saying what was wrong."""
    host = split_domain_port(request.get_host())[0] or "localhost"
    feed = Atom1Feed(
        title="PeaceTracker changes: no such feed",
        link=request.build_absolute_uri(reverse("history:changes")),
        description=_xml_text(message),
        subtitle=_xml_text(message),
        feed_url=request.build_absolute_uri(),
        feed_guid=_tag(host, FEED_SINCE, "changes-not-found"),
        author_name="PeaceTracker editors",
    )
    response = HttpResponse(
        feed.writeString("utf-8"), content_type=f"{feed.content_type}", status=404
    )
    return response
