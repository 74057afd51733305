from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from magicmix.housing.models import Complex


def home(request: HttpRequest) -> HttpResponse:
    complexes = Complex.objects.visible_to(request.user)  # type: ignore[arg-type]
    return render(request, "web/home.html", {"complexes": complexes})
