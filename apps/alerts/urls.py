from django.urls import path

from . import views

app_name = "alerts"

urlpatterns = [
    # /alerts/follow/<process|draft|matter|party>/<slug or matter id>/
    path("alerts/follow/<slug:kind>/<slug:ref>/", views.follow, name="follow"),
    path("alerts/follow/<slug:kind>/<slug:ref>/sent/", views.sent, name="sent"),
    path("alerts/confirm/<str:token>/", views.confirm, name="confirm"),
    path("alerts/following/<slug:kind>/<slug:ref>/", views.confirmed, name="confirmed"),
    # Short, so the List-Unsubscribe header holds it on one line.
    path("alerts/u/<slug:key>/", views.unsubscribe, name="unsubscribe"),
]
