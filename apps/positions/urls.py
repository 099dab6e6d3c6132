from django.urls import path

from . import matrix_views, views

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
    # /processes/<slug>/matrix/?as_of=<draft slug or day>&since=<draft slug or day>
    path("processes/<slug:slug>/matrix/", matrix_views.matrix, name="matrix"),
    path("processes/<slug:slug>/matrix.csv", matrix_views.matrix_csv, name="matrix-csv"),
]
