"""What the community tests share: a complex of two gangs with residents, its social manager
and letting officer, a support partner with its caseworker and one supported client."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from magicmix.accounts.models import Organisation, Role, User
from magicmix.housing.models import Cluster, Complex
from magicmix.people.models import Person
from magicmix.tenancies.models import Tenancy
from magicmix.testing import factories

from ..models import ContributionAgreement, ResidentRole
from ..services.agreements import start_agreement


@dataclass
class Scene:
    corporation: Organisation
    complex: Complex
    gangs: list[Cluster]
    manager: User
    letting: User
    partner: Organisation
    caseworker: User
    residents: list[Person]  # the last one is the partner's client
    tenancies: list[Tenancy]

    @property
    def client(self) -> Person:
        return self.residents[-1]

    def agreement(self, index: int) -> ContributionAgreement:
        return self.tenancies[index].agreement


def scene(start: datetime.date = datetime.date(2024, 3, 1)) -> Scene:
    corporation = factories.organisation(name="Woonstichting De Haven")
    complex_ = factories.complex(corporation, name="Havenwerf")
    gangs = [factories.cluster(complex_, name=f"Gang {n}") for n in ("A", "B")]
    partner = factories.organisation(Organisation.Kind.PARTNER, name="Opvang Oost")
    factories.partner(complex_, partner, may_nominate=True, provides_support=True)
    residents, tenancies = [], []
    for i, (group, gang) in enumerate(
        [("student", 0), ("werkende-jongere", 0), ("statushouder", 1), ("uitstroom-mo", 1)]
    ):
        fields: dict[str, object] = {"first_name": f"Bewoner{i}"}
        if group == "uitstroom-mo":
            fields |= {"supporting_partner": partner, "nominating_partner": partner}
        person = factories.person(corporation, group, **fields)
        tenancy = factories.tenancy(
            factories.unit(gangs[gang], code=f"H{i}"), person, start_date=start
        )
        role = ResidentRole.GANGMAKER if i == 0 else ResidentRole.NONE
        start_agreement(tenancy, 16, role)
        residents.append(person)
        tenancies.append(tenancy)
    return Scene(
        corporation=corporation,
        complex=complex_,
        gangs=gangs,
        manager=factories.user(corporation, Role.SOCIAL_MANAGER, full_name="Fenna Beheer"),
        letting=factories.user(corporation, Role.LETTING, full_name="Ruben Verhuur"),
        partner=partner,
        caseworker=factories.user(partner, Role.PARTNER_CASEWORKER, full_name="Mehmet Zorg"),
        residents=residents,
        tenancies=tenancies,
    )
