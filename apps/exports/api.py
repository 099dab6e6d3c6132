"""The read-only JSON API under /api/v1/: plain function views and small serializers.

Every response is JSON. Lists are paginated (`page`, `page_size`), filters are checked
(an unknown value, parameter or page is a 400 that names the parameter), every 200 carries
an ETag (a hash of its body) and a matching `If-None-Match` gets a 304 without a body.
The public sees published material only; editors and publishers see everything, as on
the site (`queries.py`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt

from apps.alignment.models import Matter
from apps.compare.comparison import SLUG
from apps.drafts.models import Draft, PeaceProcess, Provision, Topic
from apps.sources.models import Source

from . import queries
from . import serializers as s
from .responses import json_bytes

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
PAGING = ("page", "page_size")
SAFE_METHODS = ("GET", "HEAD")


class ApiError(Exception):
    def __init__(self, status: int, message: str, parameter: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter


def _shown(value: str, limit: int = 60) -> str:
    text = "".join(c if c.isprintable() else "?" for c in value[:limit])
    return text + ("…" if len(value) > limit else "")


def error_response(status: int, message: str, parameter: str | None = None) -> HttpResponse:
    error: dict = {"status": status, "message": message}
    if parameter is not None:
        error["parameter"] = parameter
    response = HttpResponse(
        json_bytes({"error": error}), status=status, content_type="application/json"
    )
    patch_cache_control(response, no_store=True)
    patch_vary_headers(response, ["Accept"])
    if status == 405:
        response["Allow"] = ", ".join(SAFE_METHODS)
    return response


def _ok(request: HttpRequest, data) -> HttpResponse:
    body = json_bytes(data)
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = f'"{hashlib.sha256(body).hexdigest()[:40]}"'
    # Clients may keep a copy but must revalidate it (cheaply, with If-None-Match).
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ["Accept", "Cookie"])
    return get_conditional_response(request, etag=response["ETag"], response=response)


def endpoint(*, params: tuple[str, ...] = ()):
    """GET/HEAD only, known query parameters only, JSON out with ETag and 304."""
    allowed = frozenset(params)

    def decorate(view: Callable):
        @csrf_exempt  # read-only: no request can change anything, so no token to check
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in SAFE_METHODS:
                return error_response(
                    405, f"The API is read-only: {request.method} is not allowed, use GET."
                )
            try:
                _check_params(request, allowed)
                data = view(request, *args, **kwargs)
            except ApiError as exc:
                return error_response(exc.status, exc.message, exc.parameter)
            return _ok(request, data)

        return wrapper

    return decorate


def _check_params(request: HttpRequest, allowed: frozenset[str]) -> None:
    for name in request.GET:
        if name not in allowed:
            known = ", ".join(sorted(allowed)) if allowed else "none"
            raise ApiError(
                400,
                f"Unknown query parameter “{_shown(name)}”. This endpoint takes: {known}.",
                parameter=_shown(name),
            )
        if len(request.GET.getlist(name)) > 1:
            raise ApiError(400, f"Give “{name}” once.", parameter=name)


def _param(request: HttpRequest, name: str) -> str:
    return request.GET.get(name, "").strip()


def _number(request: HttpRequest, name: str, default: int) -> int:
    raw = _param(request, name)
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise ApiError(
            400, f"“{name}” must be a whole number of 1 or more, not “{_shown(raw)}”.", name
        )
    return int(raw)


def _url(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(f"exports:{name}", args=args))


# --- Lists -------------------------------------------------------------------------------


def paginate(request: HttpRequest, queryset: QuerySet, serialize: Callable) -> dict:
    """One page of an ordered queryset: count, next, previous, results.

    Queries: one count, one page, plus the queryset's fixed prefetches, whatever the size.
    """
    page = _number(request, "page", 1)
    size = _number(request, "page_size", DEFAULT_PAGE_SIZE)
    if size > MAX_PAGE_SIZE:
        raise ApiError(
            400, f"“page_size” is at most {MAX_PAGE_SIZE}; {size} is too many.", "page_size"
        )
    count = queryset.count()
    pages = max(1, -(-count // size))
    if page > pages:
        raise ApiError(
            404,
            f"There is no page {page}: {count} result{'s' if count != 1 else ''} make "
            f"{pages} page{'s' if pages != 1 else ''} of {size}.",
            "page",
        )
    start = (page - 1) * size
    results = [serialize(obj) for obj in queryset[start : start + size]] if count else []

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "next": link(page + 1) if page < pages else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": results,
    }


def _detail(queryset: QuerySet, kind: str, **lookup):
    value = next(iter(lookup.values()))
    if isinstance(value, str) and not SLUG.fullmatch(value):
        raise ApiError(404, f"There is no {kind} with the id “{_shown(value)}”.")
    obj = queryset.filter(**lookup).first()
    if obj is None:
        raise ApiError(404, f"There is no {kind} with the id “{_shown(str(value))}”.")
    return obj


# --- Filters -----------------------------------------------------------------------------


@dataclass
class Filters:
    process: PeaceProcess | None = None
    draft: Draft | None = None
    topics: list[int] = field(default_factory=list)
    topic: Topic | None = None


def _filters(request: HttpRequest, names: tuple[str, ...]) -> Filters:
    """Read the filters, each of which must name something the reader may see."""
    found = Filters()
    user = request.user

    def lookup(name: str, queryset: QuerySet, field_name: str, kind: str):
        value = _param(request, name)
        if not value:
            return None
        obj = queryset.filter(**{field_name: value}).first() if SLUG.fullmatch(value) else None
        if obj is None:
            raise ApiError(400, f"There is no {kind} “{_shown(value)}”.", name)
        return obj

    if "process" in names:
        found.process = lookup("process", queries.processes(user), "slug", "peace process")
    if "draft" in names:
        found.draft = lookup("draft", queries.drafts(user), "slug", "published draft")
    if "topic" in names:
        found.topic = lookup("topic", Topic.objects.all(), "code", "topic")
        if found.topic is not None:
            found.topics = queries.topic_and_subtopics(found.topic)
    return found


# --- Index and fallbacks -----------------------------------------------------------------

RESOURCES = ("processes", "drafts", "provisions", "matters", "topics", "sources")


@endpoint()
def index(request: HttpRequest) -> dict:
    return {
        "version": "v1",
        "endpoints": {name: _url(request, f"api-{name}") for name in RESOURCES},
        "documentation": "See “Read-only JSON API and exports” in the README.",
    }


@csrf_exempt
def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    return error_response(
        404,
        f"There is no API endpoint at “{_shown(request.path, 120)}”. "
        f"The endpoints are listed at {reverse('exports:api-index')}.",
    )


# --- Processes ---------------------------------------------------------------------------


def _processes(request: HttpRequest) -> QuerySet:
    user = request.user
    visible = queries.drafts(user)
    return (
        queries.processes(user)
        .prefetch_related(
            Prefetch("drafts", queryset=visible.only("pk", "slug", "process_id").order_by())
        )
        .order_by("position", "name", "pk")
    )


def _process(request: HttpRequest) -> Callable:
    def serialize(p: PeaceProcess) -> dict:
        drafts = sorted(d.slug for d in p.drafts.all())
        return {
            **s.process(p),
            "drafts": drafts,
            "api_url": _url(request, "api-process", p.slug),
            "drafts_url": _url(request, "api-drafts") + f"?process={p.slug}",
            "matters_url": _url(request, "api-matters") + f"?process={p.slug}",
        }

    return serialize


@endpoint(params=PAGING)
def processes(request: HttpRequest) -> dict:
    return paginate(request, _processes(request), _process(request))


@endpoint()
def process(request: HttpRequest, slug: str) -> dict:
    return _process(request)(_detail(_processes(request), "peace process", slug=slug))


# --- Drafts ------------------------------------------------------------------------------


def _drafts(request: HttpRequest) -> QuerySet:
    user = request.user
    return (
        queries.drafts(user)
        .select_related("process")
        .prefetch_related("authors", Prefetch("parent_links", queryset=queries.parent_links(user)))
        .with_counts(public_only=not queries.is_staff(user))
        .order_by("process__position", "process__name", "presented_on", "reported_on", "pk")
    )


def _draft(request: HttpRequest) -> Callable:
    def serialize(d: Draft) -> dict:
        return {
            **s.draft(d, d.parent_links.all()),
            "provision_count": d.provision_count,
            "citation_count": d.citation_count,
            "api_url": _url(request, "api-draft", d.slug),
            "web_url": request.build_absolute_uri(d.get_absolute_url()),
            "provisions_url": _url(request, "api-provisions") + f"?draft={d.slug}",
            "export_csv": _url(request, "draft", d.slug, "csv"),
            "export_json": _url(request, "draft", d.slug, "json"),
        }

    return serialize


@endpoint(params=(*PAGING, "process", "topic"))
def drafts(request: HttpRequest) -> dict:
    f = _filters(request, ("process", "topic"))
    qs = _drafts(request)
    if f.process:
        qs = qs.filter(process=f.process)
    if f.topics:
        tagged = Provision.topics.through.objects.filter(
            topic_id__in=f.topics, provision__in=queries.provisions(request.user)
        )
        qs = qs.filter(pk__in=tagged.values("provision__draft_id"))
    return paginate(request, qs, _draft(request))


@endpoint()
def draft(request: HttpRequest, slug: str) -> dict:
    return _draft(request)(_detail(_drafts(request), "published draft", slug=slug))


# --- Provisions --------------------------------------------------------------------------


def _provisions(request: HttpRequest) -> QuerySet:
    return (
        queries.serializable_provisions(request.user)
        .select_related("draft__process")
        .order_by(
            "draft__process__position",
            "draft__process__name",
            "draft__presented_on",
            "draft__reported_on",
            "draft_id",
            "position",
            "pk",
        )
    )


def _provision(request: HttpRequest) -> Callable:
    def serialize(p: Provision) -> dict:
        return {
            **s.provision(p, p.draft.slug),
            "process": p.draft.process.slug,
            "citation_count": p.citation_count,
            "api_url": _url(request, "api-provision", p.key),
            "web_url": request.build_absolute_uri(reverse("drafts:provision", args=[p.key])),
        }

    return serialize


@endpoint(params=(*PAGING, "process", "draft", "topic"))
def provisions(request: HttpRequest) -> dict:
    f = _filters(request, ("process", "draft", "topic"))
    qs = _provisions(request)
    if f.process:
        qs = qs.filter(draft__process=f.process)
    if f.draft:
        qs = qs.filter(draft=f.draft)
    if f.topics:
        tagged = Provision.topics.through.objects.filter(topic_id__in=f.topics)
        qs = qs.filter(pk__in=tagged.values("provision_id"))
    return paginate(request, qs, _provision(request))


@endpoint()
def provision(request: HttpRequest, key: str) -> dict:
    return _provision(request)(_detail(_provisions(request), "published provision", key=key))


# --- Matters -----------------------------------------------------------------------------


def _matters(request: HttpRequest) -> QuerySet:
    return (
        queries.matters(request.user)
        .select_related("process", "topic")
        .prefetch_related(Prefetch("entries", queryset=queries.matter_entries(request.user)))
        .order_by("process__position", "process__name", "position", "code", "pk")
    )


def _matter(request: HttpRequest) -> Callable:
    drafts_of: dict[int, list] = {}

    def serialize(m: Matter) -> dict:
        if not drafts_of:
            # One query for every matter serialised: the drafts the reader may see.
            drafts_of[0] = []
            for d in queries.drafts(request.user).only("pk", "slug", "process_id", "text_basis"):
                drafts_of.setdefault(d.process_id, []).append(d)
        entries = list(m.entries.all())
        return {
            **s.matter(m, entries),
            "missing_from": s.matter_gaps(entries, drafts_of.get(m.process_id, [])),
            "api_url": _url(request, "api-matter", m.pk),
            "web_url": request.build_absolute_uri(reverse("positions:matter", args=[m.pk])),
        }

    return serialize


@endpoint(params=(*PAGING, "process", "draft", "topic"))
def matters(request: HttpRequest) -> dict:
    f = _filters(request, ("process", "draft", "topic"))
    qs = _matters(request)
    if f.process:
        qs = qs.filter(process=f.process)
    if f.draft:
        entries = queries.matter_entries(request.user).filter(provision__draft=f.draft)
        qs = qs.filter(pk__in=entries.values("matter"))
    if f.topics:
        qs = qs.filter(topic__in=f.topics)
    return paginate(request, qs, _matter(request))


@endpoint()
def matter(request: HttpRequest, pk: str) -> dict:
    if not (pk.isascii() and pk.isdigit()):
        raise ApiError(404, f"There is no matter with the id “{_shown(pk)}” (ids are numbers).")
    return _matter(request)(_detail(_matters(request), "matter", pk=int(pk)))


@endpoint()
def process_matter(request: HttpRequest, slug: str, code: str) -> dict:
    process = _detail(queries.processes(request.user), "peace process", slug=slug)
    qs = _matters(request).filter(process=process)
    return _matter(request)(_detail(qs, f"matter in {process.slug}", code=code))


# --- Topics ------------------------------------------------------------------------------


def _topics() -> QuerySet:
    return Topic.objects.prefetch_related(
        Prefetch("children", queryset=Topic.objects.order_by("position", "name", "pk"))
    ).order_by("position", "name", "pk")


def _topic(request: HttpRequest) -> Callable:
    def serialize(t: Topic) -> dict:
        return {
            **s.topic(t),
            "subtopics": [c.code for c in t.children.all()],
            "api_url": _url(request, "api-topic", t.code),
            "provisions_url": _url(request, "api-provisions") + f"?topic={t.code}",
        }

    return serialize


@endpoint(params=(*PAGING, "parent"))
def topics(request: HttpRequest) -> dict:
    qs = _topics()
    parent = _param(request, "parent")
    if parent:
        found = Topic.objects.filter(code=parent).first() if SLUG.fullmatch(parent) else None
        if found is None:
            raise ApiError(400, f"There is no topic “{_shown(parent)}”.", "parent")
        qs = qs.filter(parent=found)
    return paginate(request, qs, _topic(request))


@endpoint()
def topic(request: HttpRequest, code: str) -> dict:
    return _topic(request)(_detail(_topics(), "topic", code=code))


# --- Sources -----------------------------------------------------------------------------


def _sources(request: HttpRequest) -> QuerySet:
    citations = (
        queries.citations(request.user).select_related("provision__draft", "draft").order_by("pk")
    )
    return (
        queries.sources(request.user)
        .prefetch_related(Prefetch("citations", queryset=citations, to_attr="visible_citations"))
        .order_by("key", "pk")
    )


def _source(request: HttpRequest) -> Callable:
    staff = queries.is_staff(request.user)

    def serialize(x: Source) -> dict:
        return {
            **s.source(x, with_note=staff),
            "citation_count": len(x.visible_citations),
            "citations": [s.citation(c, with_source=False) for c in x.visible_citations],
            "api_url": _url(request, "api-source", x.key),
        }

    return serialize


@endpoint(params=(*PAGING, "process", "draft", "topic"))
def sources(request: HttpRequest) -> dict:
    f = _filters(request, ("process", "draft", "topic"))
    qs = _sources(request)
    cited = queries.citations(request.user)
    if f.process:
        positions = queries.positions(request.user).filter(process=f.process)
        cited = cited.filter(
            Q(provision__draft__process=f.process)
            | Q(draft__process=f.process)
            | Q(position__in=positions)
        )
    if f.draft:
        cited = cited.filter(Q(provision__draft=f.draft) | Q(draft=f.draft))
    if f.topics:
        tagged = Provision.topics.through.objects.filter(topic_id__in=f.topics)
        cited = cited.filter(
            Q(provision__in=tagged.values("provision_id")) | Q(position__topic__in=f.topics)
        )
    if f.process or f.draft or f.topics:
        qs = qs.filter(pk__in=cited.values("source_id"))
    return paginate(request, qs, _source(request))


@endpoint()
def source(request: HttpRequest, key: str) -> dict:
    return _source(request)(_detail(_sources(request), "source", key=key))
