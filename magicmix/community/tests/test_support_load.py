"""Support load per complex and partner on the first day of each quarter, by hand."""

import datetime
from decimal import Decimal

import pytest

from magicmix.testing import factories

from ..models import SupportArrangement
from ..support_load import Load, load_over_time, quarter_days
from .scene import scene

D = datetime.date


def test_quarter_days_end_with_the_current_quarter() -> None:
    assert quarter_days(D(2026, 12, 2), 4) == [
        D(2026, 1, 1),
        D(2026, 4, 1),
        D(2026, 7, 1),
        D(2026, 10, 1),
    ]
    assert quarter_days(D(2024, 3, 31), 2) == [D(2023, 10, 1), D(2024, 1, 1)]


@pytest.mark.django_db
def test_load_counts_what_runs_on_each_day_and_only_what_the_user_sees() -> None:
    s = scene()
    tenancy = s.tenancies[-1]
    for start, ended, hours in [
        (D(2025, 1, 1), None, "3.0"),  # runs from the first day on
        (D(2025, 2, 1), D(2025, 4, 1), "1.5"),  # ends on a quarter day: still counted that day
        (D(2025, 5, 1), D(2025, 6, 30), "2.0"),  # starts and ends between two quarter days
    ]:
        SupportArrangement.objects.create(
            tenancy=tenancy,
            partner=s.partner,
            hours_per_week=Decimal(hours),
            start_date=start,
            planned_end=D(2028, 1, 1),
            ended_on=ended,
        )
    days = [D(2025, 1, 1), D(2025, 4, 1), D(2025, 7, 1)]
    load = load_over_time(SupportArrangement.objects.visible_to(s.caseworker), days)
    assert load == {
        (s.complex.name, s.partner.name): [
            Load(1, Decimal("3.0")),
            Load(2, Decimal("4.5")),
            Load(1, Decimal("3.0")),
        ]
    }
    assert load_over_time(SupportArrangement.objects.visible_to(factories.user()), days) == {}
