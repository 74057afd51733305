import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from magicmix.demo import portfolio
from magicmix.housing.models import Complex, Unit
from magicmix.people.models import Person, RoleChange
from magicmix.tenancies.models import Tenancy

TODAY = datetime.date(2025, 6, 1)


@pytest.mark.django_db
def test_generates_the_requested_counts() -> None:
    counts = portfolio.generate(complexes=4, units=150, persons=400, seed=3, today=TODAY)
    assert Complex.objects.count() == 4
    assert Unit.objects.count() == 150
    assert Person.objects.count() == 400
    assert Tenancy.objects.current(TODAY).count() == counts.residents
    assert 0.85 < counts.residents / 150 < 1
    assert RoleChange.objects.count() >= 400


@pytest.mark.django_db
def test_refuses_a_seed_that_was_generated_and_impossible_counts() -> None:
    call_command(
        "generate_portfolio", complexes=1, units=20, persons=30, seed=4, stdout=io.StringIO()
    )
    with pytest.raises(CommandError):
        call_command("generate_portfolio", complexes=1, units=20, persons=30, seed=4)
    with pytest.raises(CommandError):
        call_command("generate_portfolio", complexes=1, units=50, persons=30, seed=5)


def test_split_sums_exactly_and_keeps_every_part() -> None:
    parts = portfolio.split(20_000, [0.1, 5.0, 1.0, 0.01])
    assert sum(parts) == 20_000
    assert min(parts) >= 1
