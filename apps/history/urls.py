from django.urls import path
from django.views.decorators.http import require_safe

from . import views

app_name = "history"

urlpatterns = [
    # /changes/
    path("changes/", views.recent_changes, name="changes"),
    path("changes/feed/", require_safe(views.ChangesFeed()), name="feed"),
]
