from .assessments import Assessment
from .instruments import Instrument, ReferenceFigure
from .surveys import Invitation, Response, Wave, hash_token

__all__ = [
    "Assessment",
    "Instrument",
    "Invitation",
    "ReferenceFigure",
    "Response",
    "Wave",
    "hash_token",
]
