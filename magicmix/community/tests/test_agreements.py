"""A contract from the offer flow starts a real agreement and support arrangement, linked to it;
changes keep their history; the gang overview marks gangs without a gangmaker."""

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.legal.contracts import ContractType
from magicmix.rounds.models import Contract, ContributionRole, Offer

from ..models import ContributionAgreement, ResidentRole, SupportArrangement
from .scene import scene

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_nominated_residents_contract_starts_agreement_and_support() -> None:
    s = scene()
    tenancy = s.tenancies[3]
    tenancy.agreement.delete()
    contract = Contract.objects.create(
        tenancy=tenancy,
        contract_type=ContractType.TEMPORARY,
        start_date=D(2024, 8, 31),
        planned_end=D(2026, 8, 30),
        basic_rent=Decimal(400),
        service_costs=Decimal(50),
        contribution_hours=2,
        contribution_role=ContributionRole.NONE,
        support_organisation=s.partner,
        support_hours_per_week=Decimal("3.5"),
        support_ends_on=D(2027, 8, 31),
    )
    agreement = contract.agreement
    assert (agreement.tenancy, agreement.hours_per_month, agreement.role) == (
        tenancy,
        2,
        ResidentRole.NONE,
    )
    assert agreement.review_on == D(2025, 3, 1)  # a year after the tenancy's start
    arrangement = contract.support_arrangement
    assert (arrangement.partner, arrangement.hours_per_week, arrangement.planned_end) == (
        s.partner,
        Decimal("3.5"),
        D(2027, 8, 31),
    )


def test_a_contract_without_clause_or_support_starts_nothing() -> None:
    s = scene()
    tenancy = s.tenancies[0]
    tenancy.agreement.delete()
    Contract.objects.create(
        tenancy=tenancy,
        contract_type=ContractType.INDEFINITE,
        start_date=D(2024, 3, 1),
        basic_rent=Decimal(400),
        service_costs=Decimal(50),
        contribution_hours=0,
        contribution_role=ContributionRole.NONE,
    )
    assert not ContributionAgreement.objects.filter(tenancy=tenancy).exists()
    assert not SupportArrangement.objects.exists()


def test_a_change_of_the_agreement_is_kept_with_who_made_it(client: Client) -> None:
    s = scene()
    agreement = s.agreement(1)
    client.force_login(s.manager)
    response = client.post(
        reverse("community:agreement_edit", args=[agreement.pk]),
        {
            "hours_per_month": 8,
            "role": ResidentRole.BUDDY,
            "start_date": "2024-03-01",
            "review_on": "2025-09-01",
            "notes": "",
        },
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.hours_per_month, agreement.role) == (8, ResidentRole.BUDDY)
    latest = agreement.history.latest()
    assert latest.history_user == s.manager and latest.prev_record.hours_per_month == 16
    page = client.get(reverse("community:resident", args=[s.residents[1].pk])).content.decode()
    assert "16 → 8" in page


def test_an_agreement_with_more_than_80_hours_is_refused(client: Client) -> None:
    s = scene()
    client.force_login(s.manager)
    response = client.post(
        reverse("community:agreement_edit", args=[s.agreement(1).pk]),
        {"hours_per_month": 81, "role": ResidentRole.NONE, "start_date": "2024-03-01"},
    )
    assert response.status_code == 200
    assert s.agreement(1).hours_per_month == 16


def test_the_gang_overview_marks_the_gang_without_a_gangmaker(client: Client) -> None:
    s = scene()
    client.force_login(s.manager)
    page = client.get(reverse("community:gangs", args=[s.complex.pk])).content.decode()
    gang_a, gang_b = page.split('id="gang-')[1:3]
    assert "geen gangmaker" not in gang_a and "(H0): gangmaker" in gang_a
    assert "geen gangmaker" in gang_b


def test_accepting_an_offer_gives_the_nominated_resident_both_records() -> None:
    from magicmix.rounds.services import offers
    from magicmix.rounds.tests.helpers import approved, policy
    from magicmix.rounds.tests.helpers import scene as round_scene

    s = round_scene()
    policy(s)
    round_ = approved(s)
    offer = Offer.objects.get(round=round_, application__nomination__isnull=False)
    tenancy = offers.accept(offer, by=s.staff).tenancy
    assert tenancy is not None
    agreement = ContributionAgreement.objects.get(tenancy=tenancy)
    assert agreement.contract == tenancy.contract and agreement.hours_per_month == 16
    arrangement = SupportArrangement.objects.get(tenancy=tenancy)
    assert arrangement.contract == tenancy.contract
    assert arrangement.planned_end == tenancy.contract.support_ends_on
    assert arrangement.partner == tenancy.person.supporting_partner
