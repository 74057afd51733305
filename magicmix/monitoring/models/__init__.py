from magicmix.selection.models import hash_token

from .assessments import Assessment
from .instruments import Instrument, ReferenceFigure
from .surveys import Invitation, Response, Wave

__all__ = [
    "Assessment",
    "Instrument",
    "Invitation",
    "ReferenceFigure",
    "Response",
    "Wave",
    "hash_token",
]
