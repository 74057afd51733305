"""A resident's page (agreement, place on the warning ladder, support, incidents), issuing a
warning with its letter, and the house rules that define the ladder."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.tenancies.models import Tenancy
from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from ..forms import HouseRulesForm, WarningForm
from ..models import Incident, SupportArrangement, Warning, rules_of, standing
from ..services.ladder import LadderUsedUp, issue_warning
from ..services.residents import give_link
from .scope import managed_complex, resident


@require_http_methods(["GET"])
def resident_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person, complex_, manages = resident(user, pk)
    today = timezone.localdate()
    tenancy = (
        Tenancy.objects.filter(person=person, unit__complex=complex_)
        .order_by("-start_date")
        .select_related("unit__cluster")
        .first()
    )
    agreement = getattr(tenancy, "agreement", None)
    incidents = Incident.objects.filter(complex=complex_, involved=person)
    context = {
        "person": person,
        "complex": complex_,
        "manages": manages,
        "tenancy": tenancy,
        "agreement": agreement,
        "agreement_changes": changes_of(agreement) if agreement and manages else [],
        "hours": agreement.logged.all()[:10] if agreement else [],
        "standing": standing(person, complex_, today),
        "warnings": Warning.objects.visible_to(user)
        .filter(person=person)
        .select_related("issued_by"),
        "arrangements": SupportArrangement.objects.visible_to(user)
        .filter(tenancy__person=person)
        .select_related("partner")
        .prefetch_related("reviews"),
        "incidents": incidents if manages else incidents.only("occurred_on", "kind", "severity"),
        "departure": getattr(tenancy, "departure", None),
        "today": today,
    }
    return render(request, "community/resident.html", context)


@require_http_methods(["POST"])
def resident_link(request: HttpRequest, pk: int) -> HttpResponse:
    """A fresh personal link for the resident, e-mailed and shown once."""
    user = user_of(request)
    person, _complex, manages = resident(user, pk)
    if not manages:
        raise Http404
    link = give_link(person, request.build_absolute_uri("/"))
    messages.success(
        request, _("The personal link of %(name)s: %(link)s") % {"name": person, "link": link}
    )
    return redirect("community:resident", pk=person.pk)


@require_http_methods(["GET", "POST"])
def warning_issue(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person, complex_, manages = resident(user, pk)
    if not manages:
        raise Http404
    form = WarningForm(request.POST or None, complex_=complex_, person=person)
    if not request.POST and request.GET.get("incident"):
        form.initial["incident"] = request.GET["incident"]
    if form.is_valid():
        data = form.cleaned_data
        try:
            warning = issue_warning(
                person,
                complex_,
                on=data["issued_on"],
                reason=data["reason"],
                language=data["language"],
                by=user,
                incident=data["incident"],
            )
        except LadderUsedUp as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(step)s is issued; the letter is ready.") % {"step": warning.step}
            )
            return redirect("community:warning_letter", pk=warning.pk)
    place = standing(person, complex_, timezone.localdate())
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Issue a warning to %(name)s") % {"name": person},
            "intro": _("Next step on the ladder: %(step)s.") % {"step": place.next_step}
            if place.next_step
            else _("Every step of the ladder has been taken."),
            "cancel": reverse("community:resident", args=[person.pk]),
        },
    )


@require_http_methods(["GET"])
def warning_letter(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    warning = get_object_or_404(
        Warning.objects.visible_to(user).select_related("person", "issued_by", "complex"), pk=pk
    )
    return render(request, "community/ladder/warning.html", {"warning": warning})


@require_http_methods(["GET", "POST"])
def house_rules(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = managed_complex(user_of(request), pk)
    rules = rules_of(complex_)
    form = HouseRulesForm(request.POST or None, instance=rules)
    if form.is_valid():
        form.save()
        messages.success(request, _("The house rules are saved."))
        return redirect("community:day", pk=complex_.pk)
    return render(
        request,
        "community/ladder/house_rules.html",
        {"form": form, "complex": complex_, "ladder": rules.ladder()},
    )
