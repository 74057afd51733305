from magicmix.selection.models import hash_token

from ..benchmark.models import BenchmarkDocument
from ..ingredients.models import Ingredients
from .administration import ManagementCosts, RentArrears
from .assessments import Assessment
from .instruments import Instrument, ReferenceFigure
from .snapshots import FactSheet, IndicatorSnapshot
from .surveys import Invitation, Response, Wave

__all__ = [
    "Assessment",
    "BenchmarkDocument",
    "FactSheet",
    "IndicatorSnapshot",
    "Ingredients",
    "Instrument",
    "Invitation",
    "ManagementCosts",
    "ReferenceFigure",
    "RentArrears",
    "Response",
    "Wave",
    "hash_token",
]
