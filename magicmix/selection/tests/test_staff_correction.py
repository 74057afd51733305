"""Letting staff of the owning corporation correct an applicant's contact details and
preferences with the applicant's own form (never the letter): the change lands in the
application's history, its events and the processing log; anyone else gets a 404."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Role
from magicmix.privacy.models import Action, Activity, Processing, SubjectType
from magicmix.selection.models import Application, ApplicationEvent
from magicmix.selection.retention import ANONYMOUS
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def _application() -> Application:
    intake = factories.intake(factories.complex(factories.organisation()))
    application, _token = factories.application(intake, phone="0611111111")
    return application


def _url(application: Application) -> str:
    return reverse("selection:application_correct", args=[application.pk])


def _post(application: Application, **fields: Any) -> dict[str, Any]:
    return {"email": application.email, "phone": application.phone} | fields


def test_a_letting_officer_corrects_the_details_and_it_is_kept_everywhere(client: Client) -> None:
    application = _application()
    officer = factories.user(application.intake.complex.organisation, Role.LETTING)
    client.force_login(officer)
    detail = client.get(reverse("selection:application_detail", args=[application.pk])).text
    assert "Gegevens van de aanmelder verbeteren" in detail
    page = client.get(_url(application)).text
    assert "Gegevens van de aanmelder verbeteren" in page and 'name="motivation"' not in page

    letter = application.motivation
    response = client.post(
        _url(application),
        _post(application, email="nieuw@example.nl", phone="0622222222", motivation="Anders"),
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("selection:application_detail", args=[application.pk])
    stored = Application.objects.get(pk=application.pk)
    assert (stored.email, stored.phone, stored.motivation) == (
        "nieuw@example.nl",
        "0622222222",
        letter,
    )
    event = stored.events.get(kind=ApplicationEvent.Kind.UPDATED)
    assert (event.actor, event.by_applicant, event.reason) == (officer, False, "email, phone")
    latest = stored.history.order_by("-history_date").first()
    assert latest is not None and latest.history_user == officer and latest.phone == "0622222222"
    logged = Processing.objects.filter(
        subject_type=SubjectType.APPLICATION, subject_id=application.pk, user=officer
    )
    assert set(logged.values_list("action", "activity", "operation")) == {
        (Action.VIEW, Activity.SELECTION, "selection:application_detail"),
        (Action.VIEW, Activity.SELECTION, "selection:application_correct"),
        (Action.CHANGE, Activity.SELECTION, "selection:application_correct"),
    }
    assert logged.filter(action=Action.CHANGE).count() == 1
    # The privacy page's "correct the data" now leads here too.
    manager = factories.user(application.intake.complex.organisation, Role.APPLICATION_MANAGER)
    client.force_login(manager)
    assert (
        _url(application)
        in client.get(reverse("selection:application_detail", args=[application.pk])).text
    )


def test_a_wrong_value_is_refused_in_dutch_and_nothing_is_saved(client: Client) -> None:
    application = _application()
    client.force_login(factories.user(application.intake.complex.organisation, Role.LETTING))
    response = client.post(_url(application), _post(application, email="geen-adres"))
    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.text
    assert Application.objects.get(pk=application.pk).email == application.email
    assert not application.events.filter(kind=ApplicationEvent.Kind.UPDATED).exists()
    assert not Processing.objects.filter(action=Action.CHANGE).exists()


def test_another_organisation_other_roles_and_an_anonymised_applicant_get_404(
    client: Client,
) -> None:
    application = _application()
    org = application.intake.complex.organisation
    anonymised = _application()
    Application.objects.filter(pk=anonymised.pk).update(last_name=ANONYMOUS, email="")
    rival = factories.organisation()
    users = [
        (factories.user(rival, Role.LETTING), application),
        (factories.user(rival, Role.APPLICATION_MANAGER), application),
        (factories.user(org, Role.SOCIAL_MANAGER), application),
        (factories.user(org, Role.RESIDENT_PANEL), application),
        (factories.user(anonymised.intake.complex.organisation, Role.LETTING), anonymised),
    ]
    for user, target in users:
        client.force_login(user)
        assert client.get(_url(target)).status_code == 404
        posted = client.post(_url(target), _post(target, email="x@example.nl", phone="1"))
        assert posted.status_code == 404
    assert Application.objects.get(pk=application.pk).phone == "0611111111"
    assert Application.objects.get(pk=anonymised.pk).email == ""
    assert not Processing.objects.exists()
