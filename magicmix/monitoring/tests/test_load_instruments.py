"""The definition files load into the database, again without duplicates, and a broken file
is refused before anything changes."""

import io
import json

import pytest
from django.core.management import call_command

from magicmix.monitoring import scoring
from magicmix.monitoring.models import Instrument, ReferenceFigure

pytestmark = pytest.mark.django_db


def test_loading_twice_changes_nothing_and_restores_an_edited_row() -> None:
    Instrument.objects.filter(code="djg6").update(name="bewerkt", definition={})
    out = io.StringIO()
    call_command("load_instruments", stdout=out)
    call_command("load_instruments", stdout=out)
    assert "6 instruments loaded." in out.getvalue()
    assert Instrument.objects.count() == 6 and ReferenceFigure.objects.count() == 7
    djg6 = Instrument.objects.get(code="djg6")
    assert djg6.name == "Eenzaamheidsschaal van De Jong Gierveld, 6 items"
    assert djg6.spec.item_codes == ["q3", "q4", "q7", "q8", "q9", "q10"]
    assert Instrument.objects.get(code="zrm").respondent == Instrument.Respondent.PROFESSIONAL


def test_a_definition_that_names_an_unknown_score_is_refused(tmp_path) -> None:
    data = json.loads((scoring.INSTRUMENTS_DIR / "who5.json").read_text())
    data["summary"]["means"] = ["nonsense"]
    with pytest.raises(ValueError, match="unknown scores"):
        scoring.parse(data)
    del data["scale"]
    with pytest.raises(ValueError, match="who5: missing or bad"):
        scoring.parse(data)
