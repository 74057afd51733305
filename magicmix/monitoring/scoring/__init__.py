"""Instruments and their scoring, in plain Python with no Django import.

An instrument is a definition file in `magicmix/monitoring/instruments/` (items with codes, an
answer scale, a scoring rule with its parameters, bands, source, licence and translations, each
marked validated or not). `definition.parse` reads one into an `Instrument`; `rules.score` turns
a respondent's answers into the instrument's scores. The web app, the `magicmix-score` command
and the tests all score through these two modules.
"""

from .definition import (
    INSTRUMENTS_DIR,
    Instrument,
    InvalidAnswer,
    load,
    load_all,
    localised,
    parse,
)
from .rules import Scores, score

__all__ = [
    "INSTRUMENTS_DIR",
    "Instrument",
    "InvalidAnswer",
    "Scores",
    "load",
    "load_all",
    "localised",
    "parse",
    "score",
]
