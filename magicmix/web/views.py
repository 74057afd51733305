from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_http_methods

from .auth import user_of
from .start import tasks_for


@require_http_methods(["GET"])
def home(request: HttpRequest) -> HttpResponse:
    """Each role starts at what it has to do now; the menu leads to everything else."""
    return render(request, "web/start.html", {"tasks": tasks_for(user_of(request))})


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page without context processors: no database, session or menu is needed, since
    any of them may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
