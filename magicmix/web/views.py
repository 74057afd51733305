from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect


def home(request: HttpRequest) -> HttpResponse:
    """Everyone starts at the complexes they may see; the list is scoped per role."""
    return redirect("housing:complex_list")
