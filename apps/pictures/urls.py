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
]
