from magicmix.selection.models import hash_token

from ..benchmark.models import BenchmarkDocument
from ..ingredients.models import Ingredients
from .assessments import Assessment
from .instruments import Instrument, ReferenceFigure
from .surveys import Invitation, Response, Wave

__all__ = [
    "Assessment",
    "BenchmarkDocument",
    "Ingredients",
    "Instrument",
    "Invitation",
    "ReferenceFigure",
    "Response",
    "Wave",
    "hash_token",
]
