"""Persons: list, detail, registration, edit and role changes. Out of scope answers 404."""

from __future__ import annotations

from dataclasses import replace

from django.contrib import messages
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.accounts.models import LETTING_ROLES, STAFF_ROLES, User
from magicmix.accounts.models import Role as MemberRole
from magicmix.housing.models import tenancy_runs_on
from magicmix.privacy import log
from magicmix.privacy.models import Action, Processing, SubjectType
from magicmix.web.auth import user_of
from magicmix.web.exports import download
from magicmix.web.history import Change, changes_of, concrete_field

from .access import STAFF_ONLY_FIELDS, is_staff_of, may_let_to, sees_persons
from .forms import PersonFilterForm, PersonForm, RoleChangeForm
from .models import Person, Role
from .paging import page_of


@require_http_methods(["GET"])
def person_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not sees_persons(user):
        raise Http404
    form = PersonFilterForm(user, request.GET or None)
    persons = (
        form.filter(Person.objects.visible_to(user))
        .select_related("target_group", "nominating_partner")
        .prefetch_related(
            Prefetch(
                "tenancies",
                # Reached through the relation: tenancies depend on people, not back.
                queryset=Person.tenancies.field.model._default_manager.filter(
                    tenancy_runs_on(None)
                ).select_related("unit__complex"),
                to_attr="current_tenancies",
            )
        )
        .by_name()
    )
    context = {
        "form": form,
        "page": page_of(persons, request.GET.get("page")),
        "filtered": form.is_bound and form.has_changed(),
        "may_register": bool(user.organisation_ids(STAFF_ROLES)),
        "may_let": bool(user.organisation_ids(LETTING_ROLES)),
    }
    return render(request, "people/person_list.html", context)


@require_http_methods(["GET"])
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person = get_object_or_404(
        Person.objects.visible_to(user).select_related(
            "organisation", "target_group", "nominating_partner", "supporting_partner"
        ),
        pk=pk,
    )
    staff = is_staff_of(user, person)
    log.person(request, person.pk, person.organisation_id, Action.VIEW)
    today = timezone.localdate()
    letting_organisations = user.organisation_ids(LETTING_ROLES)
    tenancies = person.tenancies.select_related("unit__complex", "unit__cluster", "contract")
    role_changes = list(person.role_changes.select_related("recorded_by"))
    context = {
        "person": person,
        "age": person.age_on(today),
        "today": today,
        "staff": staff,
        "may_let": may_let_to(user, person),
        "role_changes": role_changes,
        "current_change": next((c for c in role_changes if c.valid_from <= today), None),
        "tenancies": [
            (tenancy, tenancy.unit.complex.organisation_id in letting_organisations)
            for tenancy in tenancies
        ],
        "changes": changes_of(person) if staff else _without_staff_fields(changes_of(person)),
        "processing": _log_for(user, person)[:50],
    }
    return render(request, "people/person_detail.html", context)


def _may_see_log(user: User, person: Person) -> bool:
    """Who processed a person's data is for the application manager of their organisation."""
    return person.organisation_id in user.organisation_ids({MemberRole.APPLICATION_MANAGER})


def _log_for(user: User, person: Person) -> QuerySet[Processing]:
    if not _may_see_log(user, person):
        return Processing.objects.none()
    return Processing.objects.filter(
        subject_type=SubjectType.PERSON, subject_id=person.pk
    ).select_related("user", "organisation")


@require_http_methods(["GET"])
def person_log_export(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    user = user_of(request)
    person = get_object_or_404(Person.objects.visible_to(user), pk=pk)
    if not _may_see_log(user, person):
        raise Http404
    log.person(request, person.pk, person.organisation_id, Action.EXPORT)
    rows = [log.HEADER, *log.rows_of(SubjectType.PERSON, person.pk)]
    return download(format, rows, f"verwerkingen-persoon-{person.pk}")


def _without_staff_fields(changes: list[Change]) -> list[Change]:
    hidden = {str(concrete_field(Person, name).verbose_name) for name in STAFF_ONLY_FIELDS}
    shown = []
    for change in changes:
        fields = [field for field in change.fields if field[0] not in hidden]
        if change.kind != "changed" or fields or not change.fields:
            shown.append(replace(change, fields=fields))
    return shown


@require_http_methods(["GET", "POST"])
def person_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not user.organisation_ids(STAFF_ROLES):
        raise Http404
    form = PersonForm(user, request.POST or None)
    if form.is_valid():
        person = form.save()
        person.role_changes.update(recorded_by=user)
        messages.success(request, _("%(name)s is registered.") % {"name": person.full_name})
        return redirect("people:person_detail", pk=person.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Register a person"),
            "cancel": reverse("people:person_list"),
        },
    )


@require_http_methods(["GET", "POST"])
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person = get_object_or_404(Person.objects.editable_by(user), pk=pk)
    form = PersonForm(user, request.POST or None, instance=person)
    log.person(request, person.pk, person.organisation_id, Action.VIEW)
    if form.is_valid():
        form.save()
        log.person(request, person.pk, person.organisation_id, Action.CHANGE)
        messages.success(request, _("The changes are saved."))
        return redirect("people:person_detail", pk=person.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Edit %(name)s") % {"name": person.full_name},
            "cancel": person.get_absolute_url(),
        },
    )


@require_http_methods(["GET", "POST"])
def change_role(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    person = get_object_or_404(Person.objects.editable_by(user), pk=pk)
    form = RoleChangeForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        person.change_role(data["role"], data["valid_from"], data["reason"], by=user)
        role = Role(data["role"]).label
        if data["valid_from"] > timezone.localdate():
            text = _("The role becomes %(role)s on %(day)s.")
        else:
            text = _("The role is now %(role)s.")
        messages.success(request, text % {"role": role, "day": date_format(data["valid_from"])})
        return redirect("people:person_detail", pk=person.pk)
    return render(
        request,
        "people/form.html",
        {
            "form": form,
            "title": _("Change the role of %(name)s") % {"name": person.full_name},
            "intro": _("The current role is %(role)s. Every change is kept in the role history.")
            % {"role": person.get_role_display()},
            "cancel": person.get_absolute_url(),
        },
    )
