"""Social cohesion, satisfaction, contact and the ZRM, worked by hand."""

import pytest

from magicmix.monitoring import scoring


@pytest.fixture(scope="module")
def shipped() -> dict[str, scoring.Instrument]:
    return scoring.load_all()


def test_every_shipped_instrument_is_complete(shipped) -> None:
    assert set(shipped) == {"djg6", "who5", "cohesion", "satisfaction", "contact", "zrm"}
    for instrument in shipped.values():
        assert {"nl", "en"} <= set(instrument.languages()), instrument.code
        assert instrument.citation and instrument.licence and instrument.source
        for language in instrument.languages():
            assert language in instrument.translations


def test_cohesion_reverses_the_first_statement_and_maps_onto_0_to_10(shipped) -> None:
    cohesion = shipped["cohesion"]
    best = {
        "c1": "helemaal_oneens",
        "c2": "helemaal_eens",
        "c3": "helemaal_eens",
        "c4": "helemaal_eens",
    }
    assert scoring.score(cohesion, best) == {"cohesion": 10.0}
    # values 1 (reversed 5→1), 4, 3, 2: mean 2.5 → (2.5 − 1) × 2.5 = 3.75 → 3.8
    mixed = {"c1": "helemaal_eens", "c2": "eens", "c3": "neutraal", "c4": "oneens"}
    assert scoring.score(cohesion, mixed) == {"cohesion": 3.8}
    # one missing: the mean of the other three; two missing: no score
    assert scoring.score(cohesion, mixed | {"c4": None}) == {
        "cohesion": round((8 / 3 - 1) * 2.5, 1)
    }
    assert scoring.score(cohesion, mixed | {"c3": None, "c4": None}) == {"cohesion": None}


def test_satisfaction_marks_and_contact_count(shipped) -> None:
    marks = shipped["satisfaction"].check({"home": "8", "complex": "10"})
    assert scoring.score(shipped["satisfaction"], marks) == {
        "home": 8,
        "complex": 10,
        "neighbourhood": None,
    }
    with pytest.raises(scoring.InvalidAnswer, match="1 to 10"):
        shipped["satisfaction"].check({"home": "11"})
    with pytest.raises(scoring.InvalidAnswer):
        shipped["contact"].check({"contacts": "-1"})
    assert scoring.score(shipped["contact"], {"contacts": "12"}) == {"contacts": 12}


def test_zrm_has_thirteen_domains_rated_one_to_five_without_criteria(shipped) -> None:
    zrm = shipped["zrm"]
    assert len(zrm.items) == 13 and zrm.respondent == "professional"
    assert zrm.scale.codes() == ["1", "2", "3", "4", "5"]
    levels = scoring.score(zrm, {"finances": "2", "social_network": "4"})
    assert levels["finances"] == 2 and levels["social_network"] == 4 and levels["justice"] is None
    with pytest.raises(scoring.InvalidAnswer):
        zrm.check({"finances": "2.5"})  # no half scores


def test_no_validated_instrument_ships_an_unvalidated_arabic_or_tigrinya_text(shipped) -> None:
    for code in ("djg6", "who5", "cohesion", "zrm"):
        assert not {"ar", "ti"} & set(shipped[code].translations), code
    assert shipped["satisfaction"].translations["ar"].validated is False
