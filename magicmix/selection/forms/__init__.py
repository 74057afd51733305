"""The selection's forms: the public application, nominations, rubrics, scores and advice."""

from .application import (
    ApplicantUpdateForm,
    ApplicationForm,
    IntakeForm,
    WithdrawForm,
    choosable_clusters,
)
from .eligibility import CheckDecisionForm
from .nomination import ClientForm, NominationForm
from .scoring import (
    AdviceForm,
    CriterionFormSet,
    DecisionForm,
    InterviewForm,
    InviteForm,
    LetterScoreForm,
    PlannerForm,
    RubricForm,
    TopForm,
)

__all__ = [
    "AdviceForm",
    "ApplicantUpdateForm",
    "ApplicationForm",
    "CheckDecisionForm",
    "ClientForm",
    "CriterionFormSet",
    "DecisionForm",
    "IntakeForm",
    "InterviewForm",
    "InviteForm",
    "LetterScoreForm",
    "NominationForm",
    "PlannerForm",
    "RubricForm",
    "TopForm",
    "WithdrawForm",
    "choosable_clusters",
]
