from django.urls import path

from . import views

app_name = "history"

urlpatterns = [
    # /changes/
    path("changes/", views.recent_changes, name="changes"),
    path("changes/feed/", views.ChangesFeed(), name="feed"),
]
