import pytest

from magicmix.accounts.models import Organisation, Role
from magicmix.people.models import SupportNeed
from magicmix.selection.models import Application, Nomination, Route
from magicmix.testing import factories

from .helpers import open_intake

pytestmark = pytest.mark.django_db


def test_a_partner_sees_only_its_own_nominations_and_staff_see_all() -> None:
    intake = open_intake()
    public, _ = factories.application(intake)
    nominated, _ = factories.application(intake, "statushouder", route=Route.NOMINATION)
    coa = factories.organisation(Organisation.Kind.PARTNER)
    Nomination.objects.create(
        application=nominated,
        organisation=coa,
        support_organisation=coa,
        support_need=SupportNeed.LIGHT,
        support_hours_per_week=2,
        readiness="Woonrijp.",
    )
    staff = factories.user(intake.complex.organisation, Role.SOCIAL_MANAGER)
    caseworker = factories.user(coa, Role.PARTNER_CASEWORKER)
    other_caseworker = factories.user(
        factories.organisation(Organisation.Kind.PARTNER), Role.PARTNER_CASEWORKER
    )
    assert set(Application.objects.visible_to(staff)) == {public, nominated}
    assert list(Application.objects.visible_to(caseworker)) == [nominated]
    assert not Application.objects.visible_to(other_caseworker).exists()
    assert not Application.objects.managed_by(staff).exists()  # social management does not let
