import pytest
from django.test import Client
from django.urls import reverse

from magicmix.rounds.models import PolicyBound

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
