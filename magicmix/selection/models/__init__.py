"""The selection's data: intakes, applications, nominations, scores and their log."""

from .application import (
    FINAL_STAGES,
    PUBLIC_STATUS,
    Application,
    PublicStatus,
    Route,
    Stage,
    age_on,
    hash_token,
    name_key,
)
from .eligibility import EligibilityOutcome
from .events import ApplicationEvent
from .intake import Intake
from .nomination import Nomination
from .scoring import (
    CooptationAdvice,
    Criterion,
    Interview,
    InterviewScore,
    LetterScore,
    Rubric,
    selection_score,
    weighted_score,
)

__all__ = [
    "FINAL_STAGES",
    "PUBLIC_STATUS",
    "Application",
    "ApplicationEvent",
    "CooptationAdvice",
    "Criterion",
    "EligibilityOutcome",
    "Intake",
    "Interview",
    "InterviewScore",
    "LetterScore",
    "Nomination",
    "PublicStatus",
    "Route",
    "Rubric",
    "Stage",
    "age_on",
    "hash_token",
    "name_key",
    "selection_score",
    "weighted_score",
]
