from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from .auth import user_of
from .start import tasks_for


@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    """Each role starts at what it has to do now; the menu leads to everything else."""
    return render(request, "web/start.html", {"tasks": tasks_for(user_of(request))})
