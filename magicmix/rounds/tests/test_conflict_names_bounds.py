"""A round the hard bounds make impossible says which bounds, as the policy page shows them:
place, what is counted, the group and the limit, not the engine's "bound-12"."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from magicmix.rounds.models import Round
from magicmix.rounds.services import runs

from .helpers import new_round, policy, scene, work

pytestmark = pytest.mark.django_db

NL = (
    "De ronde is niet uitgevoerd: de harde grenzen ‘doelgroep Statushouder ≥ 2’ in Gang A, "
    "‘doelgroep Student ≥ 3’ in Startblok Test kunnen niet tegelijk gelden."
)
EN = (
    "The round was not run: the hard bounds ‘target group Statushouder ≥ 2’ in Gang A, "
    "‘target group Student ≥ 3’ in Startblok Test cannot hold together."
)


def test_an_impossible_round_names_its_bounds_in_both_languages(client: Client) -> None:
    # Three vacancies and one student living there: two statushouders in the gang and three
    # students in the complex each fit, both together need four places.
    s = scene(vacancies=3, students=3, statushouders=2)
    policy(s, value="statushouder", minimum=Decimal(2), cluster=s.units[0].cluster)
    policy(s, value="student", minimum=Decimal(3))
    round_ = new_round(s)
    assert runs.start(round_)
    work()
    run = Round.objects.get(pk=round_.pk).latest_run()
    assert run is not None
    assert run.metrics["conflict"] == {"nl": NL, "en": EN}
    client.force_login(s.staff)
    page = client.get(reverse("rounds:round_detail", args=[round_.pk])).content.decode()
    assert NL in page and "bound-" not in page
    policy_page = client.get(reverse("rounds:policy", args=[s.complex.pk])).content.decode()
    assert "de harde grenzen ‘doelgroep Statushouder ≥ 2’ in Gang A, ‘doelgroep" in policy_page
