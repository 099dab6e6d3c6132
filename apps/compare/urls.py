from django.urls import path, re_path

from . import views

app_name = "compare"

urlpatterns = [
    # /compare/
    path("compare/", views.pick, name="pick"),
    # /compare/<slug>...<slug>/
    re_path(r"^compare/(?P<spec>[^/]+)/$", views.compare, name="compare"),
    # /compare/<slug>...<slug>/freeze/ (POST)
    re_path(r"^compare/(?P<spec>[^/]+)/freeze/$", views.freeze, name="freeze"),
    # /s/<id>/
    re_path(r"^s/(?P<frozen_id>[A-Za-z0-9_-]{1,16})/$", views.frozen_view, name="frozen"),
]
