from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    # /search/
    path("search/", views.search, name="search"),
]
