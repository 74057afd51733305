"""Legal parameters: everybody reads the values in effect; application managers date new ones."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import Role
from magicmix.people.models import TargetGroup
from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from .forms import FutureParameterForm, ParameterForm, ParameterVersionForm
from .models import Kind, Parameter, Recheck
from .signals import value_entered


def _require_manager(request: HttpRequest) -> None:
    if not user_of(request).has_role(Role.APPLICATION_MANAGER):
        raise Http404


def group_names() -> dict[str, str]:
    """Target groups by code, so a legal limit reads "Student", not "student". A name is no
    secret; the codes are the same in every corporation's catalogue."""
    return dict(TargetGroup.objects.order_by("-id").values_list("code", "name"))


def _entered(record: Parameter) -> None:
    """Run the checks that may depend on the new value again, in the background."""
    recheck = Recheck.objects.create(parameter=record)
    value_entered.send(sender=Parameter, recheck=recheck)


def _status(today: datetime.date) -> dict[str, object]:
    """What both pages show above the values: what is missing, and the latest re-checks."""
    return {
        "missing": Parameter.objects.missing_on(today),
        "rechecks": Recheck.objects.select_related("parameter")[:5],
    }


@require_http_methods(["GET"])
def current(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    in_effect = Parameter.objects.in_effect(today)
    upcoming: dict[str, Parameter] = {}
    for record in Parameter.objects.filter(valid_from__gt=today).order_by("-valid_from", "id"):
        upcoming[record.kind] = record  # the nearest date wins, its newest version
    names = group_names()
    for record in [*in_effect.values(), *upcoming.values()]:
        record.shown = record.value_display(names)
    rows = [(label, in_effect.get(kind), upcoming.get(kind)) for kind, label in Kind.choices]
    is_manager = user_of(request).has_role(Role.APPLICATION_MANAGER)
    context = {"rows": rows, "today": today, "is_manager": is_manager, **_status(today)}
    return render(request, "legal/current.html", context)


@require_http_methods(["GET"])
def manage(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    today = timezone.localdate()
    versions = Parameter.objects.versions()
    in_effect_ids = {record.pk for record in Parameter.objects.in_effect(today).values()}
    groups = [
        (kind, label, [record for record in versions if record.kind == kind])
        for kind, label in Kind.choices
    ]
    return render(
        request,
        "legal/manage.html",
        {
            "groups": groups,
            "today": today,
            "in_effect_ids": in_effect_ids,
            "is_manager": True,
            **_status(today),
        },
    )


@require_http_methods(["GET", "POST"])
def add(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    kind = request.GET.get("kind", "")
    initial = {"kind": kind} if kind in Kind.values else {}
    form = ParameterForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        record = form.save()
        _entered(record)
        messages.success(request, _("%(record)s has been added.") % {"record": record})
        return redirect("legal:manage")
    return render(request, "legal/form.html", {"form": form, "record": None})


@require_http_methods(["GET", "POST"])
def change(request: HttpRequest, pk: int) -> HttpResponse:
    """A value not yet in effect is changed in place; any other gets a new version, so an
    outcome that used the old one still finds it."""
    _require_manager(request)
    record = get_object_or_404(Parameter, pk=pk)
    form: ParameterForm
    if record.is_editable():
        form = FutureParameterForm(request.POST or None, instance=record)
    else:
        form = ParameterVersionForm(request.POST or None, version_of=record)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        _entered(saved)
        text = (
            _("%(record)s has been changed.")
            if saved.pk == record.pk
            else _("A new version of %(record)s has been saved; the earlier one is kept.")
        )
        messages.success(request, text % {"record": saved})
        return redirect("legal:manage")
    context = {"form": form, "record": record, "changes": changes_of(record)}
    return render(request, "legal/form.html", context)
