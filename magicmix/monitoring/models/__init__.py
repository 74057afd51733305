from magicmix.selection.models import hash_token

from .administration import ManagementCosts, RentArrears
from .assessments import Assessment
from .instruments import Instrument, ReferenceFigure
from .surveys import Invitation, Response, Wave

__all__ = [
    "Assessment",
    "Instrument",
    "Invitation",
    "ManagementCosts",
    "ReferenceFigure",
    "RentArrears",
    "Response",
    "Wave",
    "hash_token",
]
