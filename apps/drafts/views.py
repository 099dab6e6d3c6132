from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .models import Draft, PeaceProcess


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    processes = PeaceProcess.objects.prefetch_related("drafts")
    return render(request, "drafts/home.html", {"processes": processes})


@require_GET
def draft_detail(request: HttpRequest, slug: str) -> HttpResponse:
    draft = get_object_or_404(Draft.objects.published(), slug=slug)
    return render(request, "drafts/draft.html", {"draft": draft})
