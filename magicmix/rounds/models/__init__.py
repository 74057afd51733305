"""Mix policies, allocation rounds with their runs, offers and the contracts they end in."""

from .offer import Contract, ContributionRole, Offer, OfferLink
from .policy import Dimension, MixPolicy, PolicyBound
from .round import (
    CANDIDATE_STAGES,
    DEFAULT_RANKING,
    RANKING_KEYS,
    CandidateOutcome,
    Mode,
    Override,
    Round,
    Run,
)

__all__ = [
    "CANDIDATE_STAGES",
    "DEFAULT_RANKING",
    "RANKING_KEYS",
    "CandidateOutcome",
    "Contract",
    "ContributionRole",
    "Dimension",
    "MixPolicy",
    "Mode",
    "Offer",
    "OfferLink",
    "Override",
    "PolicyBound",
    "Round",
    "Run",
]
