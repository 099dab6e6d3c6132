from django.urls import path, re_path

from . import api, views

app_name = "exports"

# A detail id or a format is matched loosely here and checked in the view, so a malformed
# one gets a clear message (404) instead of falling through to another route.
ID = r"(?P<{}>[^/]+)"
FMT = r"export\.(?P<fmt>[^/]+)$"


def api_route(route: str, view, name: str) -> list:
    """/api/v1/<route>/ (the canonical address), also answered without the trailing slash."""
    return [
        re_path(rf"^api/v1/{route}/$", view, name=name),
        re_path(rf"^api/v1/{route}$", view),
    ]


urlpatterns = [
    # /drafts/<slug>/export.csv|json
    re_path(rf"^drafts/{ID.format('slug')}/{FMT}", views.draft_export, name="draft"),
    # /compare/<slug>...<slug>/export.csv|json
    re_path(rf"^compare/{ID.format('spec')}/{FMT}", views.compare_export, name="compare"),
    # /sources/export.csv|json
    re_path(rf"^sources/{FMT}", views.sources_export, name="sources"),
    # /processes/<slug>/export.json
    re_path(rf"^processes/{ID.format('slug')}/{FMT}", views.process_export, name="process"),
    # The read-only JSON API.
    path("api/v1/", api.index, name="api-index"),
    path("api/v1", api.index),
    *api_route("processes", api.processes, "api-processes"),
    *api_route(f"processes/{ID.format('slug')}", api.process, "api-process"),
    *api_route(
        f"processes/{ID.format('slug')}/matters/{ID.format('code')}",
        api.process_matter,
        "api-process-matter",
    ),
    *api_route("drafts", api.drafts, "api-drafts"),
    *api_route(f"drafts/{ID.format('slug')}", api.draft, "api-draft"),
    *api_route("provisions", api.provisions, "api-provisions"),
    *api_route(f"provisions/{ID.format('key')}", api.provision, "api-provision"),
    *api_route("matters", api.matters, "api-matters"),
    *api_route(f"matters/{ID.format('pk')}", api.matter, "api-matter"),
    *api_route("topics", api.topics, "api-topics"),
    *api_route(f"topics/{ID.format('code')}", api.topic, "api-topic"),
    *api_route("sources", api.sources, "api-sources"),
    *api_route(f"sources/{ID.format('key')}", api.source, "api-source"),
    # Anything else under /api/ is a JSON 404, never the site's HTML page.
    re_path(r"^api(?:/.*)?$", api.not_found, name="api-not-found"),
]
