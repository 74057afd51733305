"""Small counts on the monitoring pages: below 5 as "<5", complements hidden, means of fewer
than 5 answers not shown, and a caseworker's view limited to their own clients."""

import re

import pytest
from django.test import Client

from magicmix.accounts.models import Organisation, Role
from magicmix.composition.disclosure import Visibility
from magicmix.monitoring import services
from magicmix.monitoring.aggregates import protected_table
from magicmix.monitoring.models import Invitation
from magicmix.monitoring.summaries import response_table, summary
from magicmix.testing import factories

from .conftest import build_world, link_for, open_wave

pytestmark = pytest.mark.django_db

SHOWN, SMALL, HIDDEN = Visibility.SHOWN, Visibility.SMALL, Visibility.HIDDEN
LONELY = {"q3": "ja", "q9": "ja", "q10": "ja", "q4": "nee", "q7": "nee", "q8": "nee"}
NOT_LONELY = {"q3": "nee", "q9": "nee", "q10": "nee", "q4": "ja", "q7": "ja", "q8": "ja"}


def answer_some(wave, per_group: dict[str, int], answers=NOT_LONELY) -> None:
    services.invite(wave, link_for)
    for code, count in per_group.items():
        for invitation in Invitation.objects.filter(wave=wave, target_group__code=code)[:count]:
            services.answer(invitation, {"djg6": answers})


def visibilities(row) -> list[Visibility]:
    return [cell.visibility for cell in [*row.cells, row.total]]


def test_a_small_cell_and_every_cell_it_could_be_worked_out_from_are_hidden(world) -> None:
    wave = open_wave(world)
    answer_some(wave, {"student": 6, "statushouder": 3})
    table = response_table(wave)
    statushouders, students = table.rows  # in the order of the groups' names
    # students: 6 answered, 0 not (small) → the 6 is hidden too, else 6 − 6 = 0 shows.
    assert visibilities(students) == [HIDDEN, SMALL, SHOWN]
    assert visibilities(statushouders) == [SMALL, SMALL, SHOWN]
    # all: 9 answered would give away 12 − 9 = 3 not answered.
    assert visibilities(table.total) == [HIDDEN, SMALL, SHOWN]
    assert table.total.cells[0].share is None  # no response rate either


def test_large_enough_counts_are_shown_with_their_shares() -> None:
    world = build_world(students=20, statushouders=20)
    wave = open_wave(world)
    answer_some(wave, {"student": 12, "statushouder": 6})
    table = response_table(wave)
    assert [row.label for row in table.rows] == ["Statushouder", "Student"]
    assert [c.count for c in table.rows[1].cells] == [12, 8]
    assert all(v == SHOWN for row in [*table.rows, table.total] for v in visibilities(row))
    assert table.total.cells[0].share == 45.0


def test_a_mean_needs_five_answers_and_a_shown_count() -> None:
    table = protected_table(
        [("a", "x")] * 4 + [("b", "x")] * 7,
        [("a", "A"), ("b", "B")],
        [("x", "answered")],
        values=[10.0] * 4 + [2.0] * 7,
    )
    assert table.rows[0].mean is None and table.rows[0].total.visibility == SMALL
    # b's count is hidden (else 11 − 7 gives a's 4), so its mean is not shown either.
    assert table.rows[1].mean is None
    assert table.total.mean == pytest.approx((40 + 14) / 11)


def test_band_distribution_suppresses_a_group_whose_bands_are_small() -> None:
    world = build_world(students=10, statushouders=10)
    wave = open_wave(world)
    answer_some(wave, {"student": 10})
    from magicmix.monitoring.models import Instrument

    djg6 = summary(wave, Instrument.objects.get(code="djg6"))
    students = next(row for row in djg6.table.rows if row.label == "Student")
    # 10 not lonely, 0 moderate, 0 severe: the zeros are small, and the 10 would give
    # them away, so it is hidden too — "everyone here is not lonely" is not published.
    # The statushouders answered not at all (0, small), so the students' total is hidden
    # as well: it would equal the complex's.
    assert visibilities(students) == [HIDDEN, SMALL, SMALL, HIDDEN]


def test_a_caseworker_sees_their_own_clients_only_and_only_from_five(client: Client, world) -> None:
    partner = factories.organisation(Organisation.Kind.PARTNER)
    factories.partner(world.complex, partner, provides_support=True)
    for resident in world.residents[:4]:
        resident.supporting_partner = partner
        resident.save()
    wave = open_wave(world)
    answer_some(wave, {"student": 6, "statushouder": 6}, LONELY)
    client.force_login(factories.user(partner, Role.PARTNER_CASEWORKER))
    page = client.get(f"/waves/{wave.pk}/")
    assert page.context["own_clients_only"] is True
    assert page.context["responses"].respondents == 4  # never the complex's 12
    assert "n too small" in page.text or "n te klein" in page.text
    assert "de Vries" not in page.text
    officer = factories.user(
        factories.organisation(Organisation.Kind.MUNICIPALITY), Role.POLICY_OFFICER
    )
    factories.partner(world.complex, officer.memberships.get().organisation)
    client.force_login(officer)
    page = client.get(f"/waves/{wave.pk}/")
    assert page.context["responses"].respondents == 12
    assert "de Vries" not in page.text and "@example.nl" not in page.text


def test_no_staff_page_shows_an_individual_answer(client: Client, world) -> None:
    # Names without numbers, so that no number on the page comes from a factory's counter.
    world.complex.name = "De Werf"
    world.complex.save()
    world.corporation.name = "Woonstichting"
    world.corporation.save()
    wave = open_wave(world, ("djg6", "contact"))
    services.invite(wave, link_for)
    for n, invitation in enumerate(wave.invitations.all()):
        services.answer(invitation, {"contact": {"contacts": str(101 + 7 * n)}})
    client.force_login(world.manager)
    for url in [f"/waves/{wave.pk}/", f"/complexes/{world.complex.pk}/monitoring/"]:
        # What the page says, without its markup (chart coordinates are numbers too).
        text = re.sub(r"<[^>]*>", " ", client.get(url).text)
        assert "139,5" in text  # the mean of all twelve
        assert not any(str(101 + 7 * n) in text for n in range(12)), url
