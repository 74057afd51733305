import pytest

from magicmix.demo import showcase
from magicmix.finance.model import Line, Party
from magicmix.finance.models import PolicySimulation, Scenario, SimulationRun
from magicmix.housing.models import Complex

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_every_complex_has_a_business_case() -> None:
    for plan in showcase.PLANS:
        assert Scenario.objects.filter(complex__name=plan.name).exists(), plan.name


def test_the_young_people_complex_compares_a_relocation_with_and_without_an_rthf_claim() -> None:
    complex_ = Complex.objects.get(name=showcase.YOUNG_PEOPLE.name)
    kept, failed = (s.result() for s in complex_.scenarios.order_by("name").reverse())
    for result in (kept, failed):
        assert result.case.units == 565
        assert len(result.case.relocations) == 1 and result.case.rthf is not None
        assert result.total(Line.RTHF_FEE) == -565_000
        assert result.total(Line.SUBSIDIES) == 2_100_000
    assert kept.total(Line.RTHF_COMPENSATION) == 0
    # Sold at € 20,000 under a garantiebedrag of € 40,000: state and municipality pay 85 %.
    assert failed.total(Line.RTHF_COMPENSATION) == pytest.approx(565 * 20_000 * 0.85)
    state = next(s for s in failed.stakes if s.party is Party.STATE)
    assert state.lines[Line.RTHF_COMPENSATION] == pytest.approx(-565 * 20_000 * 0.6)


def test_the_young_people_complex_holds_a_finished_policy_comparison() -> None:
    simulation = PolicySimulation.objects.get(complex__name=showcase.YOUNG_PEOPLE.name)
    assert 500 < simulation.units <= 565  # the units in use
    runs = simulation.runs.all()
    assert {r.status for r in runs} == {SimulationRun.Status.DONE}
    assert {r.variant for r in runs} == {0, 1}  # two policies side by side
    assert all(r.result and len(r.result["months"]) == 5 * 12 + 1 for r in runs)
