from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Complex
from magicmix.web.auth import user_of

from .forms import MixForm
from .periods import month_ends
from .picture import Colouring, draw
from .report import aggregate_report, mix_report

# The page has h1, then h2 sections; the picture's top-level clusters are h3.
PICTURE_TOP_HEADING = 3


@require_http_methods(["GET"])
def complex_mix(request: HttpRequest, pk: int) -> HttpResponse:
    """The mix of a complex: staff of its corporation see the picture of the building on any
    day; partners, panels and policy officers see the tables only, at month ends, with small
    counts and small changes protected."""
    user = user_of(request)
    visible = Complex.objects.visible_to(user)
    complex_ = get_object_or_404(visible, pk=pk)
    with_units = visible.with_names_visible_to(user).filter(pk=pk).exists()
    periods = () if with_units else month_ends(complex_.exploitation_start, timezone.localdate())
    form = MixForm(request.GET, periods=periods)
    form.is_valid()  # a bad value falls back to its default and is reported on the form
    chosen = form.cleaned_data.get("on")
    colouring = form.cleaned_data.get("by") or Colouring.GROUP

    if with_units:
        report = mix_report(complex_, chosen or timezone.localdate(), protected=False)
    else:
        report = aggregate_report(complex_, chosen)
    census = report.census
    picture = (
        draw(pk, census.root, census.groups, colouring, PICTURE_TOP_HEADING) if with_units else None
    )
    context = {
        "complex": complex_,
        "census": census,
        "form": form,
        "picture": picture,
        "colourings": [
            (value, label, _query(form, by=value), value == colouring)
            for value, label in form.fields["by"].choices  # type: ignore[attr-defined]
        ],
        "tables": report.tables,
        "summary": report.summary,
    }
    if picture and request.headers.get("HX-Request"):
        return render(request, "composition/picture.html", context)
    return render(request, "composition/complex.html", context)


def _query(form: MixForm, **changes: str) -> str:
    """The query string of this page with `changes`, keeping a valid chosen day."""
    params = {"on": form.data.get("on", "")} if form.cleaned_data.get("on") else {}
    return "?" + urlencode({key: value for key, value in (params | changes).items() if value})
