"""The data migration holds the 2025 and 2026 figures exactly, and marks what is not known."""

import datetime
from decimal import Decimal

import pytest

from magicmix.legal.models import Kind, Parameter

pytestmark = pytest.mark.django_db

Y2025, Y2026 = datetime.date(2025, 1, 1), datetime.date(2026, 1, 1)

FIGURES = [
    (Kind.DAEB_INCOME_SINGLE, "49669.00", "51537.00"),
    (Kind.DAEB_INCOME_MULTI, "54847.00", "56910.00"),
    (Kind.DAEB_RENT, "900.07", "932.93"),
    (Kind.PASSEND_INCOME_SINGLE, "28375.00", "29400.00"),
    (Kind.PASSEND_INCOME_MULTI, "38500.00", "39925.00"),
    (Kind.PASSEND_INCOME_OLDER_SINGLE, "27775.00", "28775.00"),
    (Kind.PASSEND_INCOME_OLDER_MULTI, "37350.00", "38650.00"),
    (Kind.YOUNG_RENT, "477.20", "498.20"),
]


@pytest.mark.parametrize(("kind", "in_2025", "in_2026"), FIGURES)
def test_seed_holds_the_published_figures(kind: str, in_2025: str, in_2026: str) -> None:
    assert Parameter.objects.get(kind=kind, valid_from=Y2025).amount == Decimal(in_2025)
    assert Parameter.objects.get(kind=kind, valid_from=Y2026).amount == Decimal(in_2026)


def test_aftoppingsgrens_2025_is_seeded_and_2026_awaits_the_official_table() -> None:
    assert Parameter.objects.get(kind=Kind.CAP_RENT_SMALL, valid_from=Y2025).amount == Decimal(
        "682.96"
    )
    assert Parameter.objects.get(kind=Kind.CAP_RENT_LARGE, valid_from=Y2025).amount == Decimal(
        "731.93"
    )
    small = Parameter.objects.get(kind=Kind.CAP_RENT_SMALL, valid_from=Y2026)
    large = Parameter.objects.get(kind=Kind.CAP_RENT_LARGE, valid_from=Y2026)
    assert small.amount is None and small.is_pending and "713" in small.note
    assert large.amount is None and large.is_pending


def test_young_person_rent_limit_keeps_its_age_band() -> None:
    in_2025 = Parameter.objects.get(kind=Kind.YOUNG_RENT, valid_from=Y2025)
    in_2026 = Parameter.objects.get(kind=Kind.YOUNG_RENT, valid_from=Y2026)
    assert (in_2025.age_from, in_2025.age_below) == (None, 23)
    assert (in_2026.age_from, in_2026.age_below) == (18, 21)
    assert in_2026.covers_age(20) and not in_2026.covers_age(21) and not in_2026.covers_age(17)


def test_contract_terms_are_dated_data() -> None:
    on = datetime.date(2026, 6, 1)
    rules = Parameter.objects.in_effect(on)
    assert rules[Kind.TEMPORARY_MAX_MONTHS].amount == 24
    assert rules[Kind.TEMPORARY_GROUPS].codes == [
        "student",
        "uitstroom-mo",
        "statushouder",
        "tweede-kans",
    ]
    assert (rules[Kind.YOUTH_AGE].age_from, rules[Kind.YOUTH_AGE].age_below) == (18, 28)
    assert rules[Kind.YOUTH_TERM_MONTHS].amount == 60
    assert rules[Kind.YOUTH_EXTENSION_MONTHS].amount == 24
    assert rules[Kind.CAMPUS_GROUPS].codes == ["student"]
    assert rules[Kind.CAMPUS_PROOF_INTERVAL_MONTHS].amount == 12
    assert rules[Kind.CAMPUS_PROOF_GRACE_MONTHS].amount == 3
    assert rules[Kind.AOW_AGE].amount == 67
