"""The message catalogue: every reason code rendered in Dutch and English.

Parameters stay structured in `Reason.params`; labels for rules, dimensions
and values are looked up here per language so the texts read naturally.
"""

from __future__ import annotations

from collections.abc import Mapping

Param = str | int | float

CATALOGUE: dict[str, dict[str, str]] = {
    "placed": {
        "nl": "Geplaatst in woning {unit} ({complex}): keuze {rank} op uw lijst.",
        "en": "Placed in unit {unit} ({complex}): choice {rank} on your list.",
    },
    "designated_hard": {
        "nl": "Deze woning is bestemd voor {what}.",
        "en": "This unit is designated for {what}.",
    },
    "designated_soft": {
        "nl": "Deze woning gaat bij voorrang naar {what}.",
        "en": "This unit goes to {what} first.",
    },
    "not_placed": {"nl": "Niet geplaatst.", "en": "Not placed."},
    "no_choices": {
        "nl": "Geen van uw keuzes had een vrije woning waarvoor u in aanmerking komt.",
        "en": "None of your choices had a vacancy you qualify for.",
    },
    "ineligible": {
        "nl": "Keuze {rank} ({target}): u voldoet niet aan de regel '{rule_label}': {value} tegenover {limit}.",
        "en": "Choice {rank} ({target}): you do not meet the rule '{rule_label}': {value} against {limit}.",
    },
    "no_vacancy": {
        "nl": "Keuze {rank} ({target}): in deze ronde komt daar geen woning vrij.",
        "en": "Choice {rank} ({target}): no unit there is vacant in this round.",
    },
    "outranked": {
        "nl": "Keuze {rank} ({target}): de vrije woningen gingen naar woningzoekenden vóór u; u stond op plaats {position}, de laatst geplaatste uit uw groep ({group}) daar op plaats {last}.",
        "en": "Choice {rank} ({target}): the vacancies went to applicants ranked above you; you were number {position}, the last placed applicant of your group ({group}) there was number {last}.",
    },
    "outranked_no_group": {
        "nl": "Keuze {rank} ({target}): de vrije woningen gingen naar woningzoekenden vóór u (u stond op plaats {position}); niemand uit uw groep ({group}) werd daar geplaatst.",
        "en": "Choice {rank} ({target}): the vacancies went to applicants ranked above you (you were number {position}); nobody of your group ({group}) was placed there.",
    },
    "maximum": {
        "nl": "Keuze {rank} ({target}): de grens voor {what} in {scope} was bereikt: {count} van maximaal {limit}.",
        "en": "Choice {rank} ({target}): the limit for {what} in {scope} was reached: {count} of at most {limit}.",
    },
    "maximum_each": {
        "nl": "Keuze {rank} ({target}): in alle delen van {target} met woningen voor u was de grens voor {what} bereikt ({scopes}).",
        "en": "Choice {rank} ({target}): in every part of {target} with units for you, the limit for {what} was reached ({scopes}).",
    },
    "maximum_each_full": {
        "nl": "Keuze {rank} ({target}): de andere vrije woningen daar zijn vergeven, en waar nog een woning vrij was, was de grens voor {what} bereikt ({scopes}).",
        "en": "Choice {rank} ({target}): the other vacancies there were let, and where a unit was still vacant, the limit for {what} was reached ({scopes}).",
    },
    "minimum": {
        "nl": "Keuze {rank} ({target}): de plaats was nodig om het minimum voor {what} in {scope} te halen: {count} van minimaal {limit}.",
        "en": "Choice {rank} ({target}): the place was needed to reach the minimum for {what} in {scope}: {count} of at least {limit}.",
    },
    "minimum_unnamed": {
        "nl": "Keuze {rank} ({target}): de plaats was nodig om de minimumaantallen van het beleid haalbaar te houden.",
        "en": "Choice {rank} ({target}): the place was needed to keep the policy's minimums reachable.",
    },
    "optimised_away": {
        "nl": "Keuze {rank} ({target}): de optimale verdeling gaf deze woningen aan anderen (u stond op plaats {position}; de laatst geplaatste uit uw groep daar op plaats {last}).",
        "en": "Choice {rank} ({target}): the optimal allocation gave these units to others (you were number {position}; the last placed applicant of your group there was number {last}).",
    },
    "infeasible": {
        "nl": "De ronde is niet uitgevoerd: de harde grenzen {bounds} kunnen niet tegelijk gelden.",
        "en": "The round was not run: the hard bounds {bounds} cannot hold together.",
    },
    "exceeded_before": {
        "nl": "Al vóór de ronde boven het maximum ({before} tegenover {limit}); de ronde maakt het niet erger.",
        "en": "Already above its maximum before the round ({before} against {limit}); the round does not make it worse.",
    },
    "min_capped": {
        "nl": "Het minimum {limit} is met de vrije plaatsen niet te halen; deze ronde streeft naar {effective}.",
        "en": "The minimum {limit} cannot be reached with the vacancies; this round aims for {effective}.",
    },
    "shortfall": {
        "nl": "{n} onder het minimum (zachte grens, boete {penalty} per bewoner).",
        "en": "{n} below the minimum (soft bound, penalty {penalty} per resident).",
    },
    "shortfall_hard": {
        "nl": "{n} onder het minimum (harde grens).",
        "en": "{n} below the minimum (hard bound).",
    },
    "excess_hard": {
        "nl": "{n} boven het maximum (harde grens).",
        "en": "{n} above the maximum (hard bound).",
    },
    "excess": {
        "nl": "{n} boven het maximum (zachte grens, boete {penalty} per bewoner).",
        "en": "{n} above the maximum (soft bound, penalty {penalty} per resident).",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "unit_type": "woningtype",
        "household_size": "huishoudgrootte tegenover maximale bezetting",
        "accessibility": "toegankelijkheid",
        "age": "leeftijd voor dit contracttype",
        "income": "inkomensgrens",
        "rent_to_income": "maximale huur-inkomensverhouding (passend toewijzen)",
        "designation": "bestemming van de woning",
        "group": "doelgroep",
        "role": "rol",
        "support": "ondersteuning",
        "partner": "zorgpartner",
        "supporting": "dragend",
        "supported": "vragend",
        "none": "geen",
        "light": "licht",
        "intensive": "intensief",
    },
    "en": {
        "unit_type": "unit type",
        "household_size": "household size against maximum occupancy",
        "accessibility": "accessibility",
        "age": "age for this contract type",
        "income": "income limit",
        "rent_to_income": "maximum rent-to-income ratio (passend toewijzen)",
        "designation": "designation of the unit",
        "group": "target group",
        "role": "role",
        "support": "support",
        "partner": "support partner",
        "supporting": "supporting",
        "supported": "supported",
        "none": "none",
        "light": "light",
        "intensive": "intensive",
    },
}


def render(code: str, params: Mapping[str, Param], lang: str) -> str:
    labels = LABELS[lang]
    values: dict[str, Param] = dict(params)
    if "rule" in params:
        values["rule_label"] = labels[str(params["rule"])]
    if "dimension" in params:
        dimension, value = str(params["dimension"]), str(params["value"])
        values["what"] = f"{labels[dimension]} {labels.get(value, value)}"
    return CATALOGUE[code][lang].format(**values)
