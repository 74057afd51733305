from collections import Counter

import pytest

from magicmix.accounts.models import Membership
from magicmix.accounts.models import Role as MemberRole
from magicmix.demo import showcase
from magicmix.housing.models import Cluster, Complex
from magicmix.people.models import Person, Role
from magicmix.tenancies.models import Tenancy

from .conftest import TODAY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def residents(name: str) -> list[Person]:
    return [
        t.person
        for t in Tenancy.objects.current(TODAY)
        .filter(unit__complex__name=name)
        .select_related("person__target_group", "unit")
    ]


def test_young_people_complex_has_565_places_in_28_gangen_of_about_20() -> None:
    complex_ = Complex.objects.get(name=showcase.YOUNG_PEOPLE.name)
    gangs = Cluster.objects.filter(complex=complex_, kind=Cluster.Kind.GANG)
    assert complex_.units.count() == 565
    assert gangs.count() == 28
    assert {gang.units.count() for gang in gangs} == {20, 21}
    assert complex_.clusters.filter(kind=Cluster.Kind.BUILDING).count() == 3


def test_young_people_are_half_statushouders_placed_om_en_om() -> None:
    complex_ = Complex.objects.get(name=showcase.YOUNG_PEOPLE.name)
    people = residents(complex_.name)
    newcomers = sum(p.target_group.code == "statushouder" for p in people)
    assert 0.45 < newcomers / len(people) < 0.55
    gangs: dict[int, list[str]] = {}
    for unit in complex_.units.order_by("code"):
        gangs.setdefault(unit.cluster_id, []).append(unit.code)
    groups = {
        t.unit.code: t.person.target_group.code
        for t in Tenancy.objects.current(TODAY)
        .filter(unit__complex=complex_)
        .select_related("unit", "person__target_group")
    }
    for codes in gangs.values():
        for position, code in enumerate(codes):
            if code in groups:
                assert (groups[code] == "statushouder") == (position % 2 == 1)
    assert all(18 <= p.age_on(TODAY) <= 27 for p in people)


def test_supported_housing_is_half_ex_homeless_supported_by_the_shelter() -> None:
    complex_ = Complex.objects.get(name=showcase.SUPPORTED_HOUSING.name)
    people = residents(complex_.name)
    ex_homeless = [p for p in people if p.target_group.code == "uitstroom-mo"]
    assert complex_.units.count() == 64
    assert 0.4 < len(ex_homeless) / len(people) < 0.6
    assert {p.supporting_partner.name for p in ex_homeless if p.supporting_partner} == {
        showcase.NAMES["shelter"]
    }


def test_studio_complex_has_four_buildings_gangen_of_18_to_30_and_three_quarters_dragend() -> None:
    complex_ = Complex.objects.get(name=showcase.STUDIOS.name)
    gangs = complex_.clusters.filter(kind=Cluster.Kind.GANG)
    assert complex_.units.count() == 490
    assert complex_.clusters.filter(kind=Cluster.Kind.BUILDING).count() == 4
    assert all(18 <= gang.units.count() <= 30 for gang in gangs)
    people = residents(complex_.name)
    assert 0.7 < sum(p.role == Role.SUPPORTING for p in people) / len(people) < 0.8


def test_some_units_stand_vacant_and_applicants_wait() -> None:
    units = sum(plan.size for plan in showcase.PLANS)
    let = Tenancy.objects.current(TODAY).count()
    assert 0.04 < 1 - let / units < 0.11
    assert Person.objects.filter(tenancies__isnull=True).count() == showcase.APPLICANTS


def test_every_person_has_a_role_history_and_some_changed_role() -> None:
    persons = Person.objects.filter(organisation__name=showcase.NAMES["corporation"])
    assert all(p.role_on(p.registration_date) is not None for p in persons[:50])
    graduated = persons.filter(target_group__code="uitstroom-mo", role=Role.SUPPORTING)
    assert graduated.exists()
    assert [c.role for c in graduated[0].role_changes.order_by("valid_from")] == [
        Role.SUPPORTED,
        Role.SUPPORTING,
    ]
    assert Person.history.filter(history_type="+").count() == persons.count()


def test_one_user_for_each_role() -> None:
    members = Membership.objects.filter(organisation__name__in=showcase.NAMES.values())
    # One caseworker for each nominating partner of the young-people complex (COA, opvang).
    assert Counter(m.role for m in members) == Counter(MemberRole.values) + Counter(
        [MemberRole.PARTNER_CASEWORKER]
    )
