from django.urls import re_path

from . import api, views

app_name = "exports"

# A detail id or a format is matched loosely here and checked in the view, so a malformed
# one gets a clear message (404) instead of falling through to another route.
ID = r"(?P<{}>[^/]+)"
FMT = r"export\.(?P<fmt>[^/]+)$"


urlpatterns = [
    # /drafts/<slug>/export.csv|json
    re_path(rf"^drafts/{ID.format('slug')}/{FMT}", views.draft_export, name="draft"),
    # /compare/<slug>...<slug>/export.csv|json
    re_path(rf"^compare/{ID.format('spec')}/{FMT}", views.compare_export, name="compare"),
    # /sources/export.csv|json
    re_path(rf"^sources/{FMT}", views.sources_export, name="sources"),
    # /processes/<slug>/export.json
    re_path(rf"^processes/{ID.format('slug')}/{FMT}", views.process_export, name="process"),
    # The read-only JSON API is django-ninja's (peacetracker/urls.py mounts `api.urls` first).
    # Anything else under /api/ is a JSON 404, never the site's HTML page.
    re_path(r"^api(?:/.*)?$", api.not_found, name="api-not-found"),
]
