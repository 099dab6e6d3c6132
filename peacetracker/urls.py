from django.contrib import admin
from django.urls import include, path

from apps.compare.oembed import oembed
from apps.core.views import healthz
from apps.exports.api import api, index_without_slash

admin.site.site_header = "PeaceTracker editors"
admin.site.site_title = "PeaceTracker admin"
admin.site.index_title = "Drafts, provisions, sources and alignment"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("oembed/", oembed, name="oembed"),
    # The read-only JSON API (django-ninja), before the site's own /api/ catch-all.
    path("api/v1/", api.urls),
    path("api/v1", index_without_slash),
    path("", include("apps.drafts.urls")),
    path("", include("apps.compare.urls")),
    path("", include("apps.history.urls")),
    path("", include("apps.positions.urls")),
    path("", include("apps.search.urls")),
    path("", include("apps.exports.urls")),
    path("", include("apps.pictures.urls")),
    path("", include("apps.alerts.urls")),
]

# The 500 page shows the request id the logs carry (apps/core/errors.py).
handler500 = "apps.core.errors.server_error"
