import pytest
from django.test import Client
from django.urls import reverse

from magicmix.accounts.models import Organisation, Role
from magicmix.selection.models import Application, ApplicationEvent, Route, Stage
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def _setup(may_nominate: bool = True):
    intake = open_intake()
    coa = factories.organisation(Organisation.Kind.PARTNER, name="COA Utrecht")
    factories.partner(intake.complex, coa, may_nominate=may_nominate)
    return intake, coa, factories.user(coa, Role.PARTNER_CASEWORKER)


def _form(intake, coa, **fields):
    group = factories.target_group(intake.complex.organisation, "statushouder")
    data = {
        "client-first_name": "Yonas",
        "client-last_name": "Tesfaye",
        "client-date_of_birth": "2002-02-02",
        "client-email": "",
        "client-phone": "",
        "client-household_size": "1",
        "client-annual_income": "18000",
        "client-income_year": "2025",
        "client-target_group": str(group.pk),
        "support-support_need": "light",
        "support-support_organisation": str(coa.pk),
        "support-support_hours_per_week": "3",
        "support-support_months": "36",
        "support-readiness": "Woont al een jaar zelfstandig in een trainingswoning.",
    }
    return data | fields


def test_a_caseworker_nominates_a_client_with_stored_eligibility(client: Client) -> None:
    intake, coa, caseworker = _setup()
    client.force_login(caseworker)
    response = client.post(reverse("selection:nominate", args=[intake.pk]), _form(intake, coa))
    application = Application.objects.get()
    assert response["Location"] == reverse("selection:nomination_detail", args=[application.pk])
    nomination = application.nomination
    # A low income meets passend toewijzen, whose 2026 rent cap is not entered: staff review.
    assert (application.route, application.stage, application.target_group.code) == (
        Route.NOMINATION,
        Stage.REVIEW,
        "statushouder",
    )
    assert (nomination.organisation, nomination.caseworker, nomination.support_months) == (
        coa,
        caseworker,
        36,
    )
    assert dict(application.eligibility.values_list("rule", "status")) == {
        "daeb_income": "passed",
        "passend_toewijzen": "missing_parameter",
        "household_size": "passed",
    }
    [event] = application.events.all()
    assert (event.kind, event.actor, event.reason) == (
        ApplicationEvent.Kind.NOMINATED,
        caseworker,
        "COA Utrecht",
    )
    listing = client.get(reverse("selection:nomination_list"))
    assert "Yonas Tesfaye" in listing.text and "ontvangen" in listing.text


def test_an_ineligible_client_is_refused_with_the_reason_and_nothing_kept(client: Client) -> None:
    intake, coa, caseworker = _setup()
    client.force_login(caseworker)
    response = client.post(
        reverse("selection:nominate", args=[intake.pk]),
        _form(intake, coa, **{"client-annual_income": "90000"}),
    )
    assert response.status_code == 200
    assert "DAEB-inkomensgrens" in response.text
    assert not Application.objects.exists()


def test_a_partner_that_may_not_nominate_gets_a_404(client: Client) -> None:
    intake, coa, caseworker = _setup(may_nominate=False)
    client.force_login(caseworker)
    assert client.get(reverse("selection:nominate", args=[intake.pk])).status_code == 404
    response = client.post(reverse("selection:nominate", args=[intake.pk]), _form(intake, coa))
    assert response.status_code == 404
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("kind", "role", "status"),
    [
        ("nominating", Role.PARTNER_CASEWORKER, 200),
        ("corporation", Role.LETTING, 200),
        ("other_partner", Role.PARTNER_CASEWORKER, 404),
        ("other_corporation", Role.LETTING, 404),
        ("corporation", Role.POLICY_OFFICER, 404),
    ],
)
def test_only_the_nominating_partner_and_the_corporation_see_a_nomination(
    client: Client, kind: str, role: str, status: int
) -> None:
    intake, coa, caseworker = _setup()
    client.force_login(caseworker)
    client.post(reverse("selection:nominate", args=[intake.pk]), _form(intake, coa))
    application = Application.objects.get()
    org = {
        "nominating": coa,
        "corporation": intake.complex.organisation,
        "other_partner": factories.organisation(Organisation.Kind.PARTNER),
        "other_corporation": factories.organisation(),
    }[kind]
    client.force_login(factories.user(org, role))
    response = client.get(reverse("selection:nomination_detail", args=[application.pk]))
    assert response.status_code == status
    if status == 200:
        assert "Woont al een jaar zelfstandig" in response.text
    if kind == "other_partner":
        assert "Yonas" not in client.get(reverse("selection:nomination_list")).text
