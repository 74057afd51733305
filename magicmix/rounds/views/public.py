"""The candidate's offer page, opened with the private link of one offer (from its e-mail) or
of their application (the latest offer): only their own offers, nothing else. An offer's link
keeps working after a later offer was made, and shows what became of the offer once it was
answered, withdrawn or expired; without a known token the page does not exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from magicmix.housing.cluster_tree import cluster_tree
from magicmix.selection.models import Application
from magicmix.tenancies.services import UnitOccupied

from ..forms import DeclineForm
from ..models import Offer
from ..services import offers
from .rounds import site_of


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def offer(request: HttpRequest, token: str) -> HttpResponse:
    related = ("unit__complex", "unit__cluster", "round__intake", "application", "tenancy")
    current = Offer.objects.by_token(token).select_related(*related).first()
    status_link = current is None  # the application's own link also opens its status page
    if current is None:
        application = get_object_or_404(Application.objects.by_token(token))
        current = application.offers.select_related(*related).order_by("-created_at").first()
        if current is None:
            return redirect("selection:status", token=token)
    form = DeclineForm(request.POST if "decline" in request.POST else None)
    if request.method == "POST":
        try:
            if "accept" in request.POST:
                offers.accept(current)
                messages.success(
                    request, _("Welcome! You accepted the offer; your contract is below.")
                )
                return redirect("rounds:offer", token=token)
            if form.is_valid():
                offers.decline(current, form.cleaned_data["reason"], site_of(request))
                messages.success(
                    request, _("You declined the offer. Thank you for letting us know.")
                )
                return redirect("rounds:offer", token=token)
        except offers.OfferClosed:
            messages.error(
                request, _("This offer was already answered or its deadline has passed.")
            )
            return redirect("rounds:offer", token=token)
        except UnitOccupied:
            messages.error(request, _("Sorry, this unit is no longer available."))
            return redirect("rounds:offer", token=token)
    return render(
        request,
        "rounds/public/offer.html",
        {
            "application": current.application,
            "offer": current,
            "where": cluster_tree(current.unit.complex).paths().get(current.unit.cluster_id, ""),
            "form": form,
            "token": token,
            "status_link": status_link,
            "contract": getattr(current.tenancy, "contract", None) if current.tenancy else None,
        },
    )
