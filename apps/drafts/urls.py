from django.urls import path

from . import views

app_name = "drafts"

urlpatterns = [
    path("", views.home, name="home"),
    # /drafts/<slug>/
    path("drafts/<slug:slug>/", views.draft_detail, name="draft"),
    # /provisions/<key>/
    path("provisions/<slug:key>/", views.provision_detail, name="provision"),
]
