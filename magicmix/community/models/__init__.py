"""Living together: agreements, activities, incidents and warnings, support, departures."""

from .activities import Activity, Attendance
from .agreements import ContributionAgreement, LoggedHours, ResidentRole
from .departures import Departure, Destination, Reason, whole_months
from .incidents import FollowUp, Incident
from .ladder import HouseRules, Standing, Warning, rules_of, standing, valid_until
from .neighbourhood import NeighbourhoodMeeting
from .residents import ResidentLink, issue_link
from .support import NextStep, SupportArrangement, SupportReview

__all__ = [
    "Activity",
    "Attendance",
    "ContributionAgreement",
    "Departure",
    "Destination",
    "FollowUp",
    "HouseRules",
    "Incident",
    "LoggedHours",
    "NeighbourhoodMeeting",
    "NextStep",
    "Reason",
    "ResidentLink",
    "ResidentRole",
    "Standing",
    "SupportArrangement",
    "SupportReview",
    "Warning",
    "issue_link",
    "rules_of",
    "standing",
    "valid_until",
    "whole_months",
]
