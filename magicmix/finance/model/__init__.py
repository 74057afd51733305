"""The business case of a Magic Mix complex: plain Python, no Django.

`Case` in (built from the exchange format by `io.parse_case`), `Result` out (`evaluate`), a
tornado of the NPV (`tornado`). The web app, the command and the tests use it the same way.
"""

from .case import Afterlife, Case, Party, ValueBasis
from .cashflow import Line, Year
from .result import Result, Stake, evaluate
from .sensitivity import Swing, tornado

__all__ = [
    "Afterlife",
    "Case",
    "Line",
    "Party",
    "Result",
    "Stake",
    "Swing",
    "ValueBasis",
    "Year",
    "evaluate",
    "tornado",
]
