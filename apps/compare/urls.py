from django.urls import path, re_path

from . import views

app_name = "compare"

urlpatterns = [
    # /compare/
    path("compare/", views.pick, name="pick"),
    # /compare/<slug>...<slug>/
    re_path(r"^compare/(?P<spec>[^/]+)/$", views.compare, name="compare"),
]
