"""A partner's system nominates a client: the same forms and workflow as the caseworker's page."""

from __future__ import annotations

import pytest
from django.utils import timezone

from magicmix.accounts.models import Organisation, Role
from magicmix.api.models import ApiToken
from magicmix.selection.models import Application, ApplicationEvent, Route
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    corporation = factories.organisation()
    complex_ = factories.complex(corporation)
    partner = factories.organisation(Organisation.Kind.PARTNER, name="COA Test")
    factories.partner(complex_, partner, may_nominate=True)
    intake = factories.intake(complex_, groups=("student",))
    return corporation, partner, intake


def body(intake, partner, **fields):
    return {
        "intakeId": intake.pk,
        "firstName": "Amir",
        "lastName": "Haddad",
        "dateOfBirth": "2001-04-12",
        "householdSize": 1,
        "annualIncome": "18000.00",
        "incomeYear": timezone.localdate().year - 1,
        "targetGroupId": factories.target_group(intake.complex.organisation, "statushouder").pk,
        "supportNeed": "light",
        "supportOrganisationId": partner.pk,
        "supportHoursPerWeek": "2.0",
        "readiness": "Woont een jaar zelfstandig.",
    } | fields


def test_a_partner_nominates_and_follows_its_client(api_as, setting):
    _corporation, partner, intake = setting
    api = api_as(partner, Role.PARTNER_CASEWORKER)
    assert [i["id"] for i in api.get("/intakes").json()["results"]] == [intake.pk]
    response = api.post("/nominations", body(intake, partner))
    assert response.status_code == 201, response.json()
    created = Application.objects.get(pk=response.json()["id"])
    assert response["Location"] == f"/api/v1/applications/{created.pk}"
    assert created.route == Route.NOMINATION and created.nomination.organisation == partner
    assert created.events.filter(kind=ApplicationEvent.Kind.NOMINATED).count() == 1
    assert created.nomination.caseworker == ApiToken.objects.get().account
    listed = api.get("/applications").json()["results"]
    assert [a["id"] for a in listed] == [created.pk]


def test_invalid_fields_are_named_and_nothing_is_saved(api_as, setting):
    _corporation, partner, intake = setting
    api = api_as(partner, Role.PARTNER_CASEWORKER)
    other_group = factories.target_group(factories.organisation(), "statushouder")
    response = api.post(
        "/nominations",
        body(intake, partner, dateOfBirth="1890-01-01", targetGroupId=other_group.pk),
    )
    assert response.status_code == 400
    assert {p["name"] for p in response.json()["invalidParams"]} == {"dateOfBirth", "targetGroupId"}
    schema_error = api.post("/nominations", body(intake, partner, householdSize=0))
    assert [p["name"] for p in schema_error.json()["invalidParams"]] == ["householdSize"]
    assert not Application.objects.exists()


def test_an_income_above_the_limit_is_refused_with_the_rule(api_as, setting):
    _corporation, partner, intake = setting
    api = api_as(partner, Role.PARTNER_CASEWORKER)
    response = api.post("/nominations", body(intake, partner, annualIncome="900000.00"))
    assert response.status_code == 400
    assert response.json()["invalidParams"] and not Application.objects.exists()


def test_a_partner_that_may_not_nominate_there_gets_404(api_as, setting):
    _corporation, _partner, intake = setting
    stranger = factories.organisation(Organisation.Kind.PARTNER)
    api = api_as(stranger, Role.PARTNER_CASEWORKER)
    assert api.post("/nominations", body(intake, stranger)).status_code == 404
    assert api.get("/intakes").json()["totalCount"] == 0
