from django.urls import path

from . import views

app_name = "positions"

urlpatterns = [
    # /parties/<slug>/
    path("parties/<slug:slug>/", views.party_detail, name="party"),
    # /matters/<id>/
    path("matters/<int:pk>/", views.matter_detail, name="matter"),
    path(
        "matters/<int:pk>/positions/<slug:slug>/",
        views.party_matter_history,
        name="history",
    ),
]
