"""The selection's data: intakes, applications, nominations, scores and their log."""

from .application import (
    DECIDABLE_STAGES,
    ELIGIBLE_RESULTS,
    FINAL_STAGES,
    INVITABLE_STAGES,
    PUBLIC_STATUS,
    Application,
    CheckResult,
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
    Breakdown,
    CooptationAdvice,
    Criterion,
    Interview,
    InterviewScore,
    LetterScore,
    Rubric,
    breakdowns,
    selection_score,
    weighted_score,
)

__all__ = [
    "DECIDABLE_STAGES",
    "ELIGIBLE_RESULTS",
    "FINAL_STAGES",
    "INVITABLE_STAGES",
    "PUBLIC_STATUS",
    "Application",
    "ApplicationEvent",
    "Breakdown",
    "CheckResult",
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
    "breakdowns",
    "hash_token",
    "name_key",
    "selection_score",
    "weighted_score",
]
