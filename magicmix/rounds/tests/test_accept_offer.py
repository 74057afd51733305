import pytest
from django.core import mail
from django.test import Client

from magicmix.rounds.models import Contract, Offer
from magicmix.selection.models import Stage
from magicmix.tenancies.models import Tenancy

from .helpers import approved, link_of, policy, scene

pytestmark = pytest.mark.django_db


def test_the_candidate_accepts_through_the_link_and_gets_a_tenancy_with_contract(
    client: Client, django_capture_on_commit_callbacks
) -> None:
    s = scene()
    policy(s)
    with django_capture_on_commit_callbacks(execute=True):
        round_ = approved(s)
    statushouder_mail = next(m for m in mail.outbox if "Kandidaat3" in m.body)
    link = link_of(statushouder_mail.body)
    page = client.get(link)
    assert "Ik aanvaard dit aanbod" in page.content.decode()
    response = client.post(link, {"accept": "1"}, follow=True)
    assert "Uw huurcontract" in response.content.decode()
    offer = Offer.objects.get(round=round_, status=Offer.Status.ACCEPTED)
    tenancy = offer.tenancy
    assert tenancy is not None and tenancy.start_date == round_.move_in
    person = tenancy.person
    assert (person.first_name, person.role, person.support_need) == (
        "Kandidaat3",
        "supported",
        "light",
    )
    assert person.organisation == s.corporation and person.supporting_partner is not None
    contract = Contract.objects.get(tenancy=tenancy)
    assert contract.contract_type == "onbepaalde_tijd" and contract.planned_end is None
    assert contract.support_ends_on is not None and contract.contribution_hours == 16
    assert contract.basic_rent == offer.unit.basic_rent
    offer.application.refresh_from_db()
    assert offer.application.stage == Stage.HOUSED
    # A second click changes nothing.
    again = client.post(link, {"accept": "1"}, follow=True)
    assert "al beantwoord" in again.content.decode()
    assert Tenancy.objects.filter(unit=offer.unit).count() == 1


def test_a_youth_contract_gets_its_term_from_the_dated_parameters() -> None:
    from magicmix.rounds.services import offers

    s = scene(statushouders=0)
    s.intake.contract_type = "jongerencontract"
    s.intake.save()
    round_ = approved(s)
    offer = Offer.objects.filter(round=round_).first()
    assert offer is not None
    accepted = offers.accept(offer, by=s.staff)
    contract = accepted.tenancy.contract
    start = round_.move_in
    assert contract.planned_end.year - start.year == 5
    assert contract.extension_until.year - start.year == 7
