"""The target group catalogue of a corporation: list, add, edit (staff of that corporation)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import STAFF_ROLES, Organisation
from magicmix.web.auth import user_of

from .forms import TargetGroupForm
from .models import TargetGroup


@require_http_methods(["GET"])
def target_group_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    organisations = Organisation.objects.filter(pk__in=user.organisation_ids(STAFF_ROLES))
    if not organisations:
        raise Http404
    groups = TargetGroup.objects.managed_by(user).order_by("name")
    catalogues = [
        (organisation, [group for group in groups if group.organisation_id == organisation.pk])
        for organisation in organisations
    ]
    return render(request, "people/target_group_list.html", {"catalogues": catalogues})


@require_http_methods(["GET", "POST"])
def target_group_create(request: HttpRequest, organisation_pk: int) -> HttpResponse:
    user = user_of(request)
    organisation = get_object_or_404(
        Organisation.objects.filter(pk__in=user.organisation_ids(STAFF_ROLES)), pk=organisation_pk
    )
    title = _("New target group for %(organisation)s") % {"organisation": organisation}
    return _save(request, TargetGroupForm(organisation, request.POST or None), title)


@require_http_methods(["GET", "POST"])
def target_group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    group = get_object_or_404(TargetGroup.objects.managed_by(user), pk=pk)
    form = TargetGroupForm(group.organisation, request.POST or None, instance=group)
    return _save(request, form, _("Edit target group %(name)s") % {"name": group.name})


def _save(request: HttpRequest, form: TargetGroupForm, title: str) -> HttpResponse:
    if form.is_valid():
        group = form.save()
        messages.success(request, _("Target group %(name)s is saved.") % {"name": group.name})
        return redirect("people:target_group_list")
    cancel = reverse("people:target_group_list")
    return render(request, "people/form.html", {"form": form, "title": title, "cancel": cancel})
