"""Start or change a resident's contribution agreement; every change is kept."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..forms import AgreementForm
from ..models import ContributionAgreement
from ..services.agreements import start_agreement
from .scope import managed_tenancy


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    agreement = get_object_or_404(
        ContributionAgreement.objects.editable_by(user).select_related("tenancy__person"), pk=pk
    )
    form = AgreementForm(request.POST or None, instance=agreement)
    if form.is_valid():
        form.save()
        messages.success(request, _("The agreement is saved."))
        return redirect("community:resident", pk=agreement.tenancy.person_id)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Contribution agreement of %(name)s") % {"name": agreement.tenancy.person},
            "cancel": agreement.tenancy.person.get_absolute_url(),
        },
    )


@require_http_methods(["POST"])
def create(request: HttpRequest, pk: int) -> HttpResponse:
    """An agreement for a tenancy without one (let before this app, or by hand)."""
    tenancy = managed_tenancy(user_of(request), pk)
    agreement = getattr(tenancy, "agreement", None) or start_agreement(tenancy, 0)
    return redirect("community:agreement_edit", pk=agreement.pk)
