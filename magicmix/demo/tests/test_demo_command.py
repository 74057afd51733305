import io

import pytest
from django.core.management import call_command

from magicmix.demo import showcase
from magicmix.housing.models import Complex
from magicmix.people.models import Person
from magicmix.rounds.models import Round
from magicmix.selection.models import Application, Intake

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def test_a_second_run_only_prints_the_logins() -> None:
    persons = Person.objects.count()
    output = run()
    assert Person.objects.count() == persons
    assert Complex.objects.count() == 3
    assert "verhuur@demo.example" in output
    assert showcase.PASSWORD in output


def test_reset_rebuilds_the_demo() -> None:
    first = set(Complex.objects.values_list("pk", flat=True))
    run("--reset", "--seed", "2")
    assert Complex.objects.count() == 3
    assert not first & set(Complex.objects.values_list("pk", flat=True))
    assert len(showcase.logins()) == len(showcase.STAFF)
    assert Intake.objects.count() == Round.objects.count() == 1


def test_a_second_run_does_not_duplicate_the_intake_or_the_round() -> None:
    counts = (Intake.objects.count(), Application.objects.count(), Round.objects.count())
    run()
    assert (Intake.objects.count(), Application.objects.count(), Round.objects.count()) == counts
    assert counts[0] == 1 and counts[2] == 1
