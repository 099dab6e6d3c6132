"""The read-only JSON API under /api/v1/, served by django-ninja.

django-ninja builds the OpenAPI 3 document (/api/v1/openapi.json) from the operations'
signatures (query and path parameters, with their constraints) and from the response
schemas in `schemas.py`, and serves Swagger UI (/api/v1/docs/) from our own static files.
The views stay plain functions over the querysets and serializers the exports share.

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
from typing import Annotated, Any

from django.db.models import OuterRef, Prefetch, Q, QuerySet, StringAgg, Subquery, Value
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, Path, Query, Swagger
from ninja.errors import ValidationError
from ninja.renderers import BaseRenderer
from pydantic import BeforeValidator

from apps.alignment.models import Matter
from apps.compare.comparison import SLUG
from apps.core.queries import count_of
from apps.drafts.models import Draft, PeaceProcess, Provision, Topic
from apps.sources.models import Source

from . import queries
from . import schemas as out
from . import serializers as s
from .responses import json_bytes

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
SAFE_METHODS = ("GET", "HEAD")
# Database ids are 64-bit: a larger number could not be looked up, only fail.
MAX_ID = 2**63 - 1


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


def _conditional(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """ETag (a hash of the body), caching headers and 304 for a successful response."""
    response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:40]}"'
    # Clients may keep a copy but must revalidate it (cheaply, with If-None-Match).
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_cache=True)
    else:
        patch_cache_control(response, public=True, no_cache=True)
    patch_vary_headers(response, ["Accept", "Cookie"])
    return get_conditional_response(request, etag=response["ETag"], response=response)


def _read_only(view: Callable) -> Callable:
    """Around each URL of the API (schema and docs page included): GET and HEAD only, a
    JSON 405 otherwise; ETag, Cache-Control and 304 on every 200."""

    @csrf_exempt  # read-only: no request can change anything, so no token to check
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            return error_response(
                405, f"The API is read-only: {request.method} is not allowed, use GET."
            )
        if request.method == "HEAD":
            # django-ninja routes GET only; a HEAD is a GET whose body the server drops.
            request.method = "GET"
            try:
                response = view(request, *args, **kwargs)
            finally:
                request.method = "HEAD"
        else:
            response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            return _conditional(request, response)
        return response

    return wrapper


def _known_parameters_only(run: Callable) -> Callable:
    """Before django-ninja reads the parameters: an unknown or repeated one is a 400 (a
    misspelt filter must not silently return everything)."""
    operation = run.__self__
    allowed = frozenset(
        name
        for model in operation.signature.models
        if model.__ninja_param_source__ == "query"
        for name in model.model_fields
    )

    @wraps(run)
    def wrapper(request: HttpRequest, **kwargs) -> HttpResponse:
        try:
            _check_params(request, allowed)
        except ApiError as exc:
            return error_response(exc.status, exc.message, exc.parameter)
        return run(request, **kwargs)

    return wrapper


class _JsonRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> bytes:
        return json_bytes(data)


class ReadOnlyApi(NinjaAPI):
    """django-ninja with our JSON (`json_bytes`, `application/json`), operation ids named
    after the views, and each URL (schema and docs page included) wrapped in `_read_only`
    and also answered without its trailing slash. `_get_urls` is django-ninja's own hook
    (pinned 1.7.1)."""

    def get_content_type(self) -> str:
        return "application/json"

    def get_openapi_operation_id(self, operation) -> str:
        return operation.view_func.__name__  # "drafts", "draft", … for client generators

    def _get_urls(self) -> list:
        urls = []
        for pattern in super()._get_urls():
            view = _read_only(pattern.callback)
            urls.append(URLPattern(pattern.pattern, view, pattern.default_args, pattern.name))
            if pattern.name == "api-index":
                self.index_view = view
            route = str(pattern.pattern)
            if route.endswith("/"):
                urls.append(path(route.removesuffix("/"), view))
        return urls


api = ReadOnlyApi(
    title="PeaceTracker API",
    version="1",
    description=(
        "Read-only JSON API of PeaceTracker: peace processes, their drafts, provisions, "
        "matters (provisions aligned across drafts), topics and sources. GET and HEAD only; "
        "lists are paginated; every 200 carries an ETag (send it back as If-None-Match for "
        "a 304). Anonymous clients see published material only."
    ),
    urls_namespace="api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    docs=Swagger(settings={"tryItOutEnabled": True}),
    renderer=_JsonRenderer(),
)
api.add_decorator(_known_parameters_only, mode="view")

# Every operation may answer these besides its 200.
ERRORS: dict[int, Any] = {304: None, 400: out.Error, 404: out.Error}


# Headers every 200 carries (a 304 repeats them), described in the schema.
CACHING_HEADERS = {
    "ETag": {
        "description": "A hash of the body: send it back as If-None-Match to get a 304.",
        "required": True,
        "schema": {"type": "string"},
    },
    "Cache-Control": {
        "description": "no-cache (keep a copy, revalidate it), public or private.",
        "required": True,
        "schema": {"type": "string"},
    },
}


def _operation(route: str, name: str, response, *, links: dict | None = None, **kwargs) -> Callable:
    """A GET operation; `links` (OpenAPI links: target operation -> its parameters, as
    runtime expressions) tell clients and Schemathesis where a 200's ids lead."""
    ok: dict = {"headers": CACHING_HEADERS}
    if links:
        ok["links"] = {
            target: {"operationId": target, "parameters": parameters}
            for target, parameters in links.items()
        }
    return api.get(
        route,
        url_name=name,
        response={200: response, **ERRORS},
        exclude_unset=True,  # a field only some readers get is left out, not null
        openapi_extra={"responses": {200: ok, 304: {"headers": CACHING_HEADERS}}},
        **kwargs,
    )


def _first(field_name: str) -> str:
    return f"$response.body#/results/0/{field_name}"


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
    return error_response(exc.status, exc.message, exc.parameter)


@api.exception_handler(Http404)
def _http_404(request: HttpRequest, exc: Http404) -> HttpResponse:
    return error_response(404, f"There is nothing at “{_shown(request.path, 120)}”.")


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A parameter django-ninja could not read: a 404 for a malformed id in the path, a
    400 naming the query parameter otherwise."""
    first = exc.errors[0]
    where, name = first["loc"][0], str(first["loc"][-1])
    if where == "path":
        value = str((request.resolver_match.kwargs if request.resolver_match else {}).get(name))
        return error_response(404, f"There is no object with the {name} “{_shown(value)}”.")
    raw = request.GET.get(name, "")
    if first["type"] == "less_than_equal":
        limit = first["ctx"]["le"]
        message = f"“{name}” is at most {limit}; {_shown(raw)} is too many."
    else:
        message = f"“{name}” must be a whole number of 1 or more, not “{_shown(raw)}”."
    return error_response(400, message, name)


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


def _whole_number(value: Any) -> Any:
    """ASCII digits only: no sign, point, underscore, space or other script's digits."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("not a whole number")
    return value


WholeNumber = Annotated[int, BeforeValidator(_whole_number)]
PageNumber = Annotated[WholeNumber, Query(1, ge=1, description="Page number, from 1.")]
PageSize = Annotated[
    WholeNumber,
    Query(DEFAULT_PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Results per page."),
]
Filter = str | None
# Filters: a stable id the reader may see (an unknown one is a 400), or absent.
ProcessFilter = Annotated[str, Query(None, description="A peace process's slug.")]
DraftFilter = Annotated[str, Query(None, description="A draft's slug.")]
TopicFilter = Annotated[str, Query(None, description="A topic's code; its subtopics are included.")]
ParentFilter = Annotated[str, Query(None, description="A topic's code: its subtopics.")]


def _url(request: HttpRequest, name: str, *args) -> str:
    namespace = "api" if name.startswith(("api-", "openapi-")) else "exports"
    return request.build_absolute_uri(reverse(f"{namespace}:{name}", args=args))


# --- Lists -------------------------------------------------------------------------------


def paginate(
    request: HttpRequest, queryset: QuerySet, serialize: Callable, page: int, size: int
) -> dict:
    """One page of an ordered queryset: count, next, previous, results.

    Queries: one count, one page, plus the queryset's fixed prefetches, whatever the size.
    """
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


def _filters(
    request: HttpRequest, *, process: Filter = None, draft: Filter = None, topic: Filter = None
) -> Filters:
    """Read the filters, each of which must name something the reader may see."""
    found = Filters()
    user = request.user

    def lookup(name: str, value: Filter, queryset: QuerySet, field_name: str, kind: str):
        value = (value or "").strip()
        if not value:
            return None
        obj = queryset.filter(**{field_name: value}).first() if SLUG.fullmatch(value) else None
        if obj is None:
            raise ApiError(400, f"There is no {kind} “{_shown(value)}”.", name)
        return obj

    found.process = lookup("process", process, queries.processes(user), "slug", "peace process")
    found.draft = lookup("draft", draft, queries.drafts(user), "slug", "published draft")
    found.topic = lookup("topic", topic, Topic.objects.all(), "code", "topic")
    if found.topic is not None:
        found.topics = queries.topic_and_subtopics(found.topic)
    return found


# --- Index and fallbacks -----------------------------------------------------------------

RESOURCES = ("processes", "drafts", "provisions", "matters", "topics", "sources")


@_operation("/", "api-index", out.Index, summary="The endpoints", tags=["index"])
def index(request: HttpRequest) -> dict:
    return {
        "version": "v1",
        "endpoints": {name: _url(request, f"api-{name}") for name in RESOURCES},
        "documentation": (
            f"OpenAPI 3 schema: {_url(request, 'openapi-json')}; "
            f"interactive documentation: {_url(request, 'openapi-view')}."
        ),
    }


@csrf_exempt
def index_without_slash(request: HttpRequest) -> HttpResponse:
    """/api/v1 answers as /api/v1/ does (the index's URL is mounted with its slash)."""
    return api.index_view(request)


@csrf_exempt
def not_found(request: HttpRequest, *args, **kwargs) -> HttpResponse:
    return error_response(
        404,
        f"There is no API endpoint at “{_shown(request.path, 120)}”. "
        f"The endpoints are listed at {reverse('api:api-index')}.",
    )


# --- Processes ---------------------------------------------------------------------------


def _processes(request: HttpRequest) -> QuerySet:
    user = request.user
    # The slugs as one string per process (a slug has no comma): a draft object for each
    # of a process's drafts made the page slow to build at a thousand drafts.
    slugs = (
        queries.drafts(user)
        .filter(process=OuterRef("pk"))
        .order_by()
        .values("process")
        .annotate(slugs=StringAgg("slug", Value(",")))
        .values("slugs")
    )
    return (
        queries.processes(user)
        .annotate(draft_slugs=Subquery(slugs))
        .order_by("position", "name", "pk")
    )


def _process(request: HttpRequest) -> Callable:
    def serialize(p: PeaceProcess) -> dict:
        drafts = sorted(p.draft_slugs.split(",")) if p.draft_slugs else []
        return {
            **s.process(p),
            "drafts": drafts,
            "api_url": _url(request, "api-process", p.slug),
            "drafts_url": _url(request, "api-drafts") + f"?process={p.slug}",
            "matters_url": _url(request, "api-matters") + f"?process={p.slug}",
        }

    return serialize


@_operation(
    "/processes/",
    "api-processes",
    out.ProcessPage,
    tags=["processes"],
    links={"process": {"slug": _first("slug")}},
)
def processes(
    request: HttpRequest, page: PageNumber = 1, page_size: PageSize = DEFAULT_PAGE_SIZE
) -> dict:
    """The peace processes, each with its drafts' slugs."""
    return paginate(request, _processes(request), _process(request), page, page_size)


@_operation(
    "/processes/{slug}/",
    "api-process",
    out.Process,
    tags=["processes"],
    links={
        "drafts": {"process": "$response.body#/slug"},
        "matters": {"process": "$response.body#/slug"},
    },
)
def process(request: HttpRequest, slug: str) -> dict:
    """One peace process, by its slug."""
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


@_operation(
    "/drafts/",
    "api-drafts",
    out.DraftPage,
    tags=["drafts"],
    links={"draft": {"slug": _first("slug")}, "provisions": {"draft": _first("slug")}},
)
def drafts(
    request: HttpRequest,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    process: ProcessFilter = None,
    topic: TopicFilter = None,
) -> dict:
    """The drafts, oldest first within each process; filtered by process slug or by topic
    code (a draft with a provision on the topic or one of its subtopics)."""
    f = _filters(request, process=process, topic=topic)
    qs = _drafts(request)
    if f.process:
        qs = qs.filter(process=f.process)
    if f.topics:
        tagged = Provision.topics.through.objects.filter(
            topic_id__in=f.topics, provision__in=queries.provisions(request.user)
        )
        qs = qs.filter(pk__in=tagged.values("provision__draft_id"))
    return paginate(request, qs, _draft(request), page, page_size)


@_operation(
    "/drafts/{slug}/",
    "api-draft",
    out.Draft,
    tags=["drafts"],
    links={
        "provisions": {"draft": "$response.body#/slug"},
        "process": {"slug": "$response.body#/process"},
    },
)
def draft(request: HttpRequest, slug: str) -> dict:
    """One draft, by its slug."""
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


@_operation(
    "/provisions/",
    "api-provisions",
    out.ProvisionPage,
    tags=["provisions"],
    links={"provision": {"key": _first("key")}, "draft": {"slug": _first("draft")}},
)
def provisions(
    request: HttpRequest,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    process: ProcessFilter = None,
    draft: DraftFilter = None,
    topic: TopicFilter = None,
) -> dict:
    """The provisions in draft order; filtered by process, draft or topic (with its
    subtopics)."""
    f = _filters(request, process=process, draft=draft, topic=topic)
    qs = _provisions(request)
    if f.process:
        qs = qs.filter(draft__process=f.process)
    if f.draft:
        qs = qs.filter(draft=f.draft)
    if f.topics:
        tagged = Provision.topics.through.objects.filter(topic_id__in=f.topics)
        qs = qs.filter(pk__in=tagged.values("provision_id"))
    return paginate(request, qs, _provision(request), page, page_size)


@_operation("/provisions/{key}/", "api-provision", out.Provision, tags=["provisions"])
def provision(request: HttpRequest, key: str) -> dict:
    """One provision, by its key."""
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


@_operation(
    "/matters/",
    "api-matters",
    out.MatterPage,
    tags=["matters"],
    links={
        "matter": {"pk": _first("id")},
        "process_matter": {"slug": _first("process"), "code": _first("code")},
    },
)
def matters(
    request: HttpRequest,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    process: ProcessFilter = None,
    draft: DraftFilter = None,
    topic: TopicFilter = None,
) -> dict:
    """The matters (rows of aligned provisions); filtered by process, by a draft with a
    provision on the matter, or by topic (with its subtopics)."""
    f = _filters(request, process=process, draft=draft, topic=topic)
    qs = _matters(request)
    if f.process:
        qs = qs.filter(process=f.process)
    if f.draft:
        entries = queries.matter_entries(request.user).filter(provision__draft=f.draft)
        qs = qs.filter(pk__in=entries.values("matter"))
    if f.topics:
        qs = qs.filter(topic__in=f.topics)
    return paginate(request, qs, _matter(request), page, page_size)


@_operation("/matters/{pk}/", "api-matter", out.Matter, tags=["matters"])
def matter(request: HttpRequest, pk: Annotated[WholeNumber, Path(ge=1, le=MAX_ID)]) -> dict:
    """One matter, by its id."""
    return _matter(request)(_detail(_matters(request), "matter", pk=pk))


@_operation("/processes/{slug}/matters/{code}/", "api-process-matter", out.Matter, tags=["matters"])
def process_matter(request: HttpRequest, slug: str, code: str) -> dict:
    """One matter, by its process's slug and its code there."""
    process = _detail(queries.processes(request.user), "peace process", slug=slug)
    qs = _matters(request).filter(process=process)
    return _matter(request)(_detail(qs, f"matter in {process.slug}", code=code))


# --- Topics ------------------------------------------------------------------------------


def _topics() -> QuerySet:
    return (
        Topic.objects.select_related("process")
        .prefetch_related(
            Prefetch("children", queryset=Topic.objects.order_by("position", "name", "pk"))
        )
        .order_by("position", "name", "pk")
    )


def _topic(request: HttpRequest) -> Callable:
    def serialize(t: Topic) -> dict:
        return {
            **s.topic(t),
            "subtopics": [c.code for c in t.children.all()],
            "api_url": _url(request, "api-topic", t.code),
            "provisions_url": _url(request, "api-provisions") + f"?topic={t.code}",
        }

    return serialize


@_operation(
    "/topics/",
    "api-topics",
    out.TopicPage,
    tags=["topics"],
    links={"topic": {"code": _first("code")}, "provisions": {"topic": _first("code")}},
)
def topics(
    request: HttpRequest,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    parent: ParentFilter = None,
    process: ProcessFilter = None,
) -> dict:
    """The topics; `parent` lists one topic's subtopics, `process` one process's topic tree
    (its own topics and those every process shares)."""
    qs = _topics()
    f = _filters(request, process=process)
    if f.process:
        qs = qs.filter(Q(process__isnull=True) | Q(process=f.process))
    parent = (parent or "").strip()
    if parent:
        found = Topic.objects.filter(code=parent).first() if SLUG.fullmatch(parent) else None
        if found is None:
            raise ApiError(400, f"There is no topic “{_shown(parent)}”.", "parent")
        qs = qs.filter(parent=found)
    return paginate(request, qs, _topic(request), page, page_size)


@_operation("/topics/{code}/", "api-topic", out.Topic, tags=["topics"])
def topic(request: HttpRequest, code: str) -> dict:
    """One topic, by its code."""
    return _topic(request)(_detail(_topics(), "topic", code=code))


# --- Sources -----------------------------------------------------------------------------


def _sources(request: HttpRequest) -> QuerySet:
    """Sources with the count of their citations the reader may see, for a page of them:
    the citations themselves are each source's own (`_source_with_citations`), since a page
    that embedded them grew with every citation (4 MB a page at 600,000)."""
    visible = queries.citations(request.user)
    return (
        queries.sources(request.user)
        .annotate(citation_count=count_of(visible, "source"))
        .order_by("key", "pk")
    )


def _source(request: HttpRequest) -> Callable:
    staff = queries.is_staff(request.user)

    def serialize(x: Source) -> dict:
        return {
            **s.source(x, with_note=staff),
            "citation_count": x.citation_count,
            "api_url": _url(request, "api-source", x.key),
        }

    return serialize


def _source_with_citations(request: HttpRequest, x: Source) -> dict:
    citations = queries.citations_with_targets(request.user).filter(source=x)
    return {
        **_source(request)(x),
        "citations": [s.citation(c, with_source=False) for c in citations],
    }


@_operation(
    "/sources/",
    "api-sources",
    out.SourceSummaryPage,
    tags=["sources"],
    links={"source": {"key": _first("key")}},
)
def sources(
    request: HttpRequest,
    page: PageNumber = 1,
    page_size: PageSize = DEFAULT_PAGE_SIZE,
    process: ProcessFilter = None,
    draft: DraftFilter = None,
    topic: TopicFilter = None,
) -> dict:
    """The sources, each with the count of its citations the reader may see (its own
    address lists them); filtered to those cited on a process, a draft or a topic (with
    its subtopics)."""
    f = _filters(request, process=process, draft=draft, topic=topic)
    qs = _sources(request)
    cited = queries.citations(request.user)
    if f.process:
        cited = cited.of_process(f.process)
    if f.draft:
        cited = cited.filter(Q(provision__draft=f.draft) | Q(draft=f.draft))
    if f.topics:
        tagged = Provision.topics.through.objects.filter(topic_id__in=f.topics)
        cited = cited.filter(
            Q(provision__in=tagged.values("provision_id")) | Q(position__topic__in=f.topics)
        )
    if f.process or f.draft or f.topics:
        qs = qs.filter(pk__in=cited.values("source_id"))
    return paginate(request, qs, _source(request), page, page_size)


@_operation("/sources/{key}/", "api-source", out.Source, tags=["sources"])
def source(request: HttpRequest, key: str) -> dict:
    """One source, by its key, with the citations the reader may see."""
    return _source_with_citations(request, _detail(_sources(request), "source", key=key))
