from django.urls import path, re_path

from . import views

app_name = "pictures"

urlpatterns = [
    # /processes/<slug>/heatmap/
    path("processes/<slug:slug>/heatmap/", views.heatmap, name="heatmap"),
    # /processes/<slug>/timeline/
    path("processes/<slug:slug>/timeline/", views.timeline, name="timeline"),
    # /compare/<slug>...<slug>/print/
    re_path(r"^compare/(?P<spec>[^/]+)/print/$", views.compare_print, name="compare-print"),
    # Link-preview pictures (og:image), 1200×630 PNG
    re_path(r"^compare/(?P<spec>[^/]+)/og\.png$", views.compare_og, name="compare-og"),
    re_path(r"^s/(?P<frozen_id>[A-Za-z0-9_-]{1,16})/og\.png$", views.frozen_og, name="frozen-og"),
    path("processes/<slug:slug>/matrix/og.png", views.matrix_og, name="matrix-og"),
]
