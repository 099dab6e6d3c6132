from django.urls import path, re_path

from . import embeds, views

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
    # The pages other sites may frame: /embed/compare/…/, /embed/s/<id>/, /embed/matters/<id>/
    re_path(r"^embed/compare/(?P<spec>[^/]+)/$", embeds.compare_embed, name="embed"),
    re_path(
        r"^embed/s/(?P<frozen_id>[A-Za-z0-9_-]{1,16})/$",
        embeds.frozen_embed,
        name="frozen-embed",
    ),
    path("embed/matters/<int:pk>/", embeds.matter_embed, name="matter-embed"),
]
