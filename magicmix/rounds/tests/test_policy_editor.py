import pytest
from django.test import Client
from django.urls import reverse

from magicmix.rounds.models import PolicyBound
from magicmix.testing import factories

from .helpers import scene

pytestmark = pytest.mark.django_db


def test_a_bound_is_added_and_a_policy_the_pool_cannot_meet_is_warned_about(client: Client) -> None:
    s = scene(vacancies=3, students=3, statushouders=2)
    client.force_login(s.staff)
    url = reverse("rounds:policy", args=[s.complex.pk])
    client.post(url, {"counts": "group:statushouder", "minimum": "3", "penalty": "0", "hard": "on"})
    bound = PolicyBound.objects.get()
    assert (bound.dimension, bound.value, bound.minimum) == ("group", "statushouder", 3)
    page = client.get(url).content.decode()
    assert "Wie er nu wonen" in page and "Student" in page  # the one current resident
    # Two statushouders in the pool cannot make three.
    assert "kunnen niet tegelijk gelden" in page, page


def test_a_bound_without_limits_is_refused(client: Client) -> None:
    s = scene()
    client.force_login(s.staff)
    response = client.post(
        reverse("rounds:policy", args=[s.complex.pk]), {"counts": "role:supporting", "penalty": "0"}
    )
    assert response.status_code == 200 and not PolicyBound.objects.exists()


def test_a_second_bound_on_the_same_thing_in_the_same_place_is_refused(client: Client) -> None:
    s = scene()
    gang = s.units[0].cluster
    building = factories.cluster(s.complex, name="Gebouw B")
    gang.parent = building
    gang.save()
    client.force_login(s.staff)
    url = reverse("rounds:policy", args=[s.complex.pk])
    # Clusters are chosen by their path, so two gangs of the same name can be told apart.
    assert ">Gebouw B / Gang A</option>" in client.get(url).content.decode()
    bound = {"counts": "role:supporting", "minimum": "50", "share": "on", "penalty": "0"}
    client.post(url, bound | {"cluster": gang.pk})
    client.post(url, bound)  # the whole complex: another place, so allowed
    response = client.post(url, bound | {"cluster": gang.pk, "minimum": "60"})
    assert PolicyBound.objects.count() == 2
    assert (
        "Het beleid heeft al een grens voor dragend in Gebouw B / Gang A"
        in response.content.decode()
    )
    response = client.post(url, bound | {"maximum": "80"})
    assert PolicyBound.objects.count() == 2
    assert "al een grens voor dragend in het hele complex" in response.content.decode()
    # Editing a bound is not a twin of itself.
    first = PolicyBound.objects.get(cluster=gang)
    edit = reverse("rounds:bound_edit", args=[s.complex.pk, first.pk])
    client.post(edit, bound | {"cluster": gang.pk, "minimum": "40"})
    first.refresh_from_db()
    assert first.minimum == 40
