"""oEmbed (https://oembed.com/) for comparisons, permanent links and matters.

`/oembed/?url=<a page of this site>&format=json[&maxwidth=…&maxheight=…]` answers a `rich`
embed whose `html` is the `<iframe>` of the page's /embed/ variant. Anything it cannot serve
is a JSON error with a 4xx status that says what was wrong, never a 500.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, JsonResponse, QueryDict
from django.http.request import split_domain_port, validate_host
from django.urls import Resolver404, resolve, reverse
from django.views.decorators.http import require_safe

from apps.drafts.models import Draft

from . import comparison
from .comparison import CompareError
from .embeds import matter_embed_data
from .forms import CompareFilterForm
from .models import FrozenComparison
from .snippets import HEIGHT, WIDTH, frozen_title, iframe_html
from .views import _canonical_query

MAX_URL = 2000
PROVIDER = "PeaceTracker"


class OEmbedError(Exception):
    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message, "status": status}, status=status)


def _size(request: HttpRequest, name: str, default: int) -> int:
    raw = request.GET.get(name, "")
    if raw == "":
        return default
    # Checked as text first: a 5,000-digit number must not reach int().
    if not raw.isascii() or not raw.isdigit() or len(raw) > 5 or not 0 < int(raw) <= 10_000:
        raise OEmbedError(f"“{name}” must be a whole number of pixels from 1 to 10000.", 400)
    return min(default, int(raw))


def _own_path(request: HttpRequest, url: str) -> tuple[str, str]:
    """The path and query of `url`, an absolute http(s) address of this site, or an OEmbedError."""
    if not url:
        raise OEmbedError("Give the address of a page in “url”.", 400)
    if len(url) > MAX_URL or not url.isprintable():
        raise OEmbedError("“url” is not a valid web address.", 400)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port that is not a number
    except ValueError:
        raise OEmbedError("“url” is not a valid web address.", 400) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise OEmbedError("“url” must be an absolute http or https address.", 400)
    host, _ = split_domain_port(parts.netloc.rpartition("@")[2])
    own, _ = split_domain_port(request.get_host())
    if host != own and not validate_host(host, [h for h in settings.ALLOWED_HOSTS if h != "*"]):
        raise OEmbedError("“url” is not an address on this site.", 404)
    return parts.path or "/", parts.query


def _describe(path: str, query: str) -> tuple[str, str]:
    """(embed path, title) for the embeddable page at `path`, as the public sees it."""
    try:
        match = resolve(path)
    except Resolver404:
        match = None
    name = match.view_name if match else ""
    if name == "compare:compare":
        spec = match.kwargs["spec"]
        try:
            drafts = comparison.load_drafts(
                comparison.parse_slugs(spec), Draft.objects.visible_to(None)
            )
        except CompareError:
            raise OEmbedError("There is no published comparison at this address.", 404) from None
        form = CompareFilterForm(QueryDict(query), drafts=drafts)
        if not form.is_valid():
            raise OEmbedError(f"The comparison's filters are not valid: {form.error_text()}", 404)
        spec, filters = comparison.canonical_spec(drafts), _canonical_query(form)
        embed = reverse("compare:embed", args=[spec]) + (f"?{filters}" if filters else "")
        title = "Compare: " + " vs ".join(d.label for d in drafts)
        return embed, title
    if name == "compare:frozen":
        frozen = FrozenComparison.objects.filter(pk=match.kwargs["frozen_id"]).first()
        public = Draft.objects.visible_to(None)
        if frozen is None or public.filter(slug__in=frozen.draft_slugs).count() < len(
            frozen.draft_slugs
        ):
            raise OEmbedError("There is no published permanent link at this address.", 404)
        return reverse("compare:frozen-embed", args=[frozen.pk]), frozen_title(frozen)
    if name == "positions:matter":
        data = matter_embed_data(match.kwargs["pk"])
        if data is None:
            raise OEmbedError("There is no published matter at this address.", 404)
        matter = data[0]
        return reverse("compare:matter-embed", args=[matter.pk]), f"{matter.code} {matter.title}"
    raise OEmbedError(
        "This page cannot be embedded: only comparisons, permanent links and matters can.", 404
    )


@require_safe
def oembed(request: HttpRequest) -> JsonResponse:
    try:
        fmt = request.GET.get("format", "json")
        if fmt != "json":
            raise OEmbedError("Only format=json is offered.", 400)
        width = _size(request, "maxwidth", WIDTH)
        height = _size(request, "maxheight", HEIGHT)
        path, query = _own_path(request, request.GET.get("url", ""))
        embed, title = _describe(path, query)
    except OEmbedError as exc:
        return _error(exc.message, exc.status)
    src = request.build_absolute_uri(embed)
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "provider_name": PROVIDER,
            "provider_url": request.build_absolute_uri("/"),
            "title": title,
            "html": iframe_html(src, title, width, height),
            "width": width,
            "height": height,
            "cache_age": 3600,
        }
    )
