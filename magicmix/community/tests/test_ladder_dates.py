"""The warning ladder against hand-worked cases: expiry over month ends and leap years, the
place on a day, the next step, and an expired warning freeing its step again."""

import datetime

import pytest

from magicmix.accounts.models import Role
from magicmix.testing import factories

from ..models import HouseRules, standing, valid_until
from ..services.ladder import LadderUsedUp, issue_warning
from .scene import scene

D = datetime.date


@pytest.mark.parametrize(
    ("issued", "months", "until"),
    [
        (D(2025, 3, 10), 12, D(2026, 3, 9)),  # plain: the day before the same date a year on
        (D(2024, 2, 29), 12, D(2025, 2, 27)),  # leap day: 28 Feb 2025 is the anniversary
        (D(2023, 2, 28), 12, D(2024, 2, 27)),  # into a leap year, the 28th stays the 28th
        (D(2023, 8, 31), 6, D(2024, 2, 28)),  # 31 Aug + 6 months = 29 Feb 2024 (leap), minus 1
        (D(2024, 8, 31), 6, D(2025, 2, 27)),  # 31 Aug + 6 months = 28 Feb 2025, minus 1
        (D(2024, 1, 30), 1, D(2024, 2, 28)),  # 30 Jan + 1 month = 29 Feb 2024, minus 1
        (D(2024, 1, 31), 1, D(2024, 2, 28)),  # 31 Jan and 30 Jan share the month's last day
        (D(2024, 12, 31), 2, D(2025, 2, 27)),  # over the turn of the year into February
    ],
)
def test_a_warning_counts_until_the_day_before_its_end(
    issued: datetime.date, months: int, until: datetime.date
) -> None:
    assert valid_until(issued, months) == until


@pytest.mark.django_db
def test_two_warnings_climb_the_default_ladder_and_expire_in_order() -> None:
    s = scene()
    person = s.residents[1]
    HouseRules.objects.create(complex=s.complex, warning_valid_months=6)
    first = issue_warning(
        person, s.complex, on=D(2024, 8, 31), reason="Lawaai", language="nl", by=s.manager
    )
    second = issue_warning(
        person, s.complex, on=D(2024, 10, 15), reason="Weer lawaai", language="en", by=s.letting
    )
    assert (first.position, first.step) == (1, "gesprek")
    assert (second.position, second.step) == (2, "eerste schriftelijke waarschuwing")
    assert first.valid_until == D(2025, 2, 27) and second.valid_until == D(2025, 4, 14)
    assert second.issued_by == s.letting
    on_last_day = standing(person, s.complex, D(2025, 2, 27))
    assert on_last_day.place == 2
    assert on_last_day.next_step == "tweede schriftelijke waarschuwing"
    after = standing(person, s.complex, D(2025, 2, 28))
    assert after.place == 1 and after.counting == [second]
    assert standing(person, s.complex, D(2025, 4, 15)).place == 0


@pytest.mark.django_db
def test_the_house_rules_ladder_is_used_and_refuses_a_step_beyond_its_end() -> None:
    s = scene()
    HouseRules.objects.create(complex=s.complex, steps="Gesprek\nOfficiële waarschuwing")
    person = s.residents[0]
    for day in (D(2024, 5, 1), D(2024, 5, 2)):
        issue_warning(person, s.complex, on=day, reason="x", language="nl", by=s.manager)
    with pytest.raises(LadderUsedUp):
        issue_warning(person, s.complex, on=D(2024, 5, 3), reason="x", language="nl", by=s.manager)
    assert [w.step for w in person.warnings.order_by("issued_on")] == [
        "Gesprek",
        "Officiële waarschuwing",
    ]


@pytest.mark.django_db
def test_the_letter_is_written_in_the_chosen_language_and_kept_as_sent() -> None:
    s = scene()
    person = s.residents[2]
    dutch = issue_warning(
        person,
        s.complex,
        on=D(2025, 1, 6),
        reason="Schade aan de keuken",
        language="nl",
        by=s.manager,
    )
    english = issue_warning(
        person, s.complex, on=D(2025, 1, 20), reason="Damage again", language="en", by=s.manager
    )
    assert f"Beste {person.full_name}," in dutch.letter
    assert "stap 1 van 4" in dutch.letter and "6 januari 2025" in dutch.letter
    assert "Schade aan de keuken" in dutch.letter and "Fenna Beheer" in dutch.letter
    assert "5 januari 2026" in dutch.letter  # counts for the default 12 months
    assert f"Dear {person.full_name}," in english.letter
    assert "step 2 of 4" in english.letter and "first written warning" in english.letter
    HouseRules.objects.create(complex=s.complex, steps="Anders")
    dutch.refresh_from_db()
    assert "stap 1 van 4" in dutch.letter


@pytest.mark.django_db
def test_warnings_of_another_complex_do_not_count() -> None:
    s = scene()
    other = factories.complex(s.corporation, name="Elders")
    person = s.residents[0]
    issue_warning(person, other, on=D(2024, 5, 1), reason="x", language="nl", by=s.manager)
    assert standing(person, s.complex, D(2024, 5, 2)).place == 0
    assert factories.user(s.corporation, Role.LETTING)  # nothing else leaks into the scene
