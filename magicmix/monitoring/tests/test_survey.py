"""A resident answers through their link and sees their own answers; nobody else does."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from magicmix.monitoring import services
from magicmix.monitoring.models import Invitation, Wave

from .conftest import keeping, open_wave

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(world):
    wave = open_wave(world, ("djg6", "who5", "satisfaction", "contact"))
    tokens: list[str] = []
    services.invite(wave, keeping(tokens))
    return wave, tokens


def test_a_resident_answers_and_sees_their_answers_and_scores(client: Client, invited) -> None:
    _wave, tokens = invited
    page = client.get(f"/survey/{tokens[0]}/")
    assert "Ik mis mensen om me heen." in page.text
    assert "De Jong Gierveld" in page.text  # the citation with the instrument
    answers = {f"djg6__{code}": "ja" for code in ["q3", "q9", "q10"]}
    answers |= {f"djg6__{code}": "nee" for code in ["q4", "q7", "q8"]}
    answers |= {f"who5__q{n}": "2" for n in range(1, 6)}
    answers |= {"satisfaction__home": "8", "contact__contacts": "4"}
    response = client.post(f"/survey/{tokens[0]}/", answers)
    assert response.status_code == 302 and response["Location"] == f"/survey/{tokens[0]}/answers/"
    invitation = Invitation.objects.by_token(tokens[0]).get()
    assert invitation.completed_at is not None
    assert invitation.responses.get(instrument__code="djg6").scores["band"] == "severe"
    own = client.get(f"/survey/{tokens[0]}/answers/")
    assert "sterk eenzaam" in own.text and "Ik mis mensen om me heen." in own.text
    assert "De Jong Gierveld" in own.text
    # Another resident's link shows nothing of these answers.
    other = client.get(f"/survey/{tokens[1]}/answers/")
    assert "sterk eenzaam" not in other.text


def test_an_answer_off_the_scale_is_refused_and_nothing_saved(client: Client, invited) -> None:
    _wave, tokens = invited
    response = client.post(
        f"/survey/{tokens[0]}/", {"djg6__q3": "misschien", "contact__contacts": "-3"}
    )
    assert response.status_code == 200
    assert not Invitation.objects.by_token(tokens[0]).get().responses.exists()


def test_english_and_arabic_item_texts_where_they_exist(client: Client, invited) -> None:
    _wave, tokens = invited
    client.cookies["django_language"] = "en"
    page = client.get(f"/survey/{tokens[0]}/")
    assert "I miss having people around." in page.text
    arabic = client.get(f"/survey/{tokens[0]}/?lang=ar")
    assert 'lang="ar" dir="rtl">ما مدى رضاك عن مسكنك؟' in arabic.text
    # DJG-6 has no Arabic translation: its items stay in the interface language.
    assert "I miss having people around." in arabic.text
    assert "Not a validated translation" in arabic.text


def test_a_closed_wave_shows_the_period_and_takes_nothing(client: Client, invited) -> None:
    wave, tokens = invited
    Wave.objects.filter(pk=wave.pk).update(
        opens_on=timezone.localdate() + datetime.timedelta(days=2),
        closes_on=timezone.localdate() + datetime.timedelta(days=9),
    )
    page = client.get(f"/survey/{tokens[0]}/")
    assert '<form method="post" class="mm-survey"' not in page.text
    client.post(f"/survey/{tokens[0]}/", {"djg6__q3": "ja"})
    assert not Invitation.objects.by_token(tokens[0]).get().responses.exists()
