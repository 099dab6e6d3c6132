"""The site's URLs plus one that fails, for the 500 page test."""

from django.urls import path

from peacetracker import urls as site


def boom(request):
    raise RuntimeError("a bug the reader should not see")


urlpatterns = [path("boom/", boom), *site.urlpatterns]
handler500 = site.handler500
