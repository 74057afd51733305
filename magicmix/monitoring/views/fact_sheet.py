"""The public fact sheet of a complex: off until the corporation switches it on; then anyone
with its address sees the same protected aggregates as a council member, without logging in."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Complex
from magicmix.web.auth import user_of

from ..council import figures
from ..indicators import registered
from ..models import FactSheet, IndicatorSnapshot
from ..neighbourhood import neighbourhood
from ..portfolio import stored_series


@login_not_required
@require_http_methods(["GET"])
def fact_sheet(request: HttpRequest, slug: str) -> HttpResponse:
    sheet = get_object_or_404(
        FactSheet.objects.select_related("complex"), slug=slug[:24], public=True
    )
    complex_ = sheet.complex
    stored = stored_series([complex_], list(registered())).get(complex_.pk, {})
    computed = IndicatorSnapshot.objects.filter(complex=complex_).order_by("-computed_on")
    return render(
        request,
        "monitoring/fact_sheet.html",
        {
            "complex": complex_,
            "computed_on": computed.values_list("computed_on", flat=True).first(),
            "figures": figures(stored),
            "around": neighbourhood([complex_], timezone.localdate())[complex_.pk],
        },
    )


@require_http_methods(["POST"])
def publish_fact_sheet(request: HttpRequest, pk: int) -> HttpResponse:
    """Switch the public fact sheet on (a new address) or off."""
    complex_ = get_object_or_404(Complex.objects.editable_by(user_of(request)), pk=pk)
    public = request.POST.get("public") == "on"
    sheet, _created = FactSheet.objects.get_or_create(complex=complex_)
    if public and not sheet.public:
        sheet.delete()  # a fresh random address each time it is switched on
        sheet = FactSheet.objects.create(complex=complex_, public=True)
        messages.success(request, _("The public fact sheet is on."))
    elif not public and sheet.public:
        sheet.public = False
        sheet.save()
        messages.success(request, _("The public fact sheet is off."))
    return redirect("monitoring:figures", complex_.pk)
