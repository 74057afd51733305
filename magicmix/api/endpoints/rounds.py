"""Allocation rounds and offers: create and start a round, poll it, read every candidate's
explanation (Dutch and English), read and answer offers.

Through the same form and workflows as the staff pages (`rounds.forms.RoundForm`,
`rounds.services.runs.start`, `rounds.services.offers.accept` / `decline`).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any, Literal

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from pydantic import Field

from magicmix.housing.models import Complex
from magicmix.rounds.forms import AnswerForm, RoundForm
from magicmix.rounds.models import CandidateOutcome, Mode, Offer, Round
from magicmix.rounds.services import offers, runs
from magicmix.tenancies.services import UnitOccupied

from ..auth import acting_as
from ..models import Scope
from ..openapi import located
from ..pagination import listing
from ..personal_data import processed, read_page, read_record
from ..problems import Invalid, form_fields
from ..schemas import MAX_ID, ApiSchema, PageQuery, example, id_filter, page_of

router = Router(tags=["rounds"])

RankingKey = Literal["urgency", "selection_score", "registration_date", "lottery_number"]


class RoundOut(ApiSchema):
    model_config = example(
        id=8,
        complexId=1,
        intakeId=5,
        title="Ronde april",
        mode="priority",
        ranking=["urgency", "selection_score", "registration_date", "lottery_number"],
        seed=0,
        moveIn="2026-05-01",
        offerDays=7,
        status="done",
        progress=100,
        error="",
        createdAt="2026-04-02T09:00:00+02:00",
    )
    id: int
    complex_id: int
    intake_id: int
    title: str
    mode: str
    ranking: list[str]
    seed: int
    move_in: datetime.date
    offer_days: int
    status: str
    progress: int
    error: str
    created_at: datetime.datetime


class RoundIn(ApiSchema):
    model_config = example(
        complexId=1,
        intakeId=5,
        title="Ronde april",
        unitIds=[12, 13],
        mode="priority",
        ranking=["urgency", "selection_score", "registration_date", "lottery_number"],
        seed=0,
        moveIn="2026-05-01",
        offerDays=7,
    )
    complex_id: int = Field(ge=1, le=MAX_ID)
    intake_id: int = Field(ge=1, le=MAX_ID)
    title: str = Field(min_length=1, max_length=200)
    unit_ids: list[int] = Field(min_length=1, max_length=5000)
    mode: Literal[tuple(Mode.values)] = Mode.PRIORITY  # type: ignore[valid-type]
    ranking: list[RankingKey] = Field(
        ["urgency", "selection_score", "registration_date", "lottery_number"], max_length=4
    )
    seed: int = Field(0, ge=0, le=MAX_ID)
    move_in: datetime.date
    offer_days: int = Field(7, ge=1, le=90)


class ReasonOut(ApiSchema):
    code: str
    nl: str
    en: str


class CandidateOut(ApiSchema):
    model_config = example(
        applicationId=31,
        position=1,
        selectionScore="8.50",
        unitId=12,
        choice=1,
        explanationNl="Kreeg unit 2B-04, de eerste keuze.",
        explanationEn="Got unit 2B-04, the first choice.",
        reasons=[{"code": "assigned", "nl": "Kreeg unit 2B-04.", "en": "Got unit 2B-04."}],
    )
    application_id: int
    position: int
    selection_score: Decimal | None
    unit_id: int | None
    choice: int | None
    explanation_nl: str
    explanation_en: str
    reasons: list[ReasonOut]


class OfferOut(ApiSchema):
    model_config = example(
        id=40,
        roundId=8,
        unitId=12,
        applicationId=31,
        deadline="2026-04-10",
        status="pending",
        declineReason="",
        answeredAt=None,
        tenancyId=None,
    )
    id: int
    round_id: int
    unit_id: int
    application_id: int
    deadline: datetime.date
    status: str
    decline_reason: str
    answered_at: datetime.datetime | None
    tenancy_id: int | None


class OfferQuery(PageQuery):
    round_id: int | None = id_filter()
    status: Literal["pending", "accepted", "declined", "expired"] | None = None


class AnswerIn(ApiSchema):
    model_config = example(answer="decline", reason="Heeft elders een woning gevonden.")
    answer: Literal["accept", "decline"]
    reason: str = Field("", max_length=2000)


def _rounds(request: HttpRequest) -> Any:
    return Round.objects.visible_to(acting_as(request, Scope.RUN_ROUNDS))


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _candidate(outcome: CandidateOutcome) -> dict[str, Any]:
    return {
        "application_id": outcome.application_id,
        "position": outcome.position,
        "selection_score": outcome.selection_score,
        "unit_id": outcome.unit_id,
        "choice": outcome.choice,
        "explanation_nl": outcome.text("nl"),
        "explanation_en": outcome.text("en"),
        "reasons": [
            {"code": str(r.get("code", "")), "nl": str(r.get("nl", "")), "en": str(r.get("en", ""))}
            for r in outcome.explanation
        ],
    }


@router.get("/rounds", response=page_of(RoundOut), by_alias=True)
def list_rounds(request: HttpRequest, query: Query[PageQuery]):
    """The rounds of the complexes the token's corporation lets, newest first."""
    return listing(request, _rounds(request), query)


@router.post("/rounds", response={201: RoundOut}, by_alias=True)
def create_round(request: HttpRequest, body: RoundIn, response: HttpResponse):
    """Create a round for vacant units of a complex and queue its run in the background."""
    user = acting_as(request, Scope.RUN_ROUNDS)
    complex_ = get_object_or_404(Complex.objects.editable_by(user), pk=body.complex_id)
    data = {
        "title": body.title,
        "intake": str(body.intake_id),
        "units": [str(pk) for pk in body.unit_ids],
        "mode": body.mode,
        "ranking_rule": ",".join(body.ranking),
        "seed": str(body.seed),
        "move_in": body.move_in.isoformat(),
        "offer_days": str(body.offer_days),
    }
    form = RoundForm(data, complex_=complex_, instance=Round(complex=complex_))
    if not form.is_valid():
        names = {"intake": "intakeId", "units": "unitIds", "ranking_rule": "ranking"}
        raise Invalid(
            _("The round has invalid fields; see invalidParams."), form_fields(form, rename=names)
        )
    form.instance.created_by = user
    round_ = form.save()
    runs.start(round_)
    round_.refresh_from_db()
    located(response, f"/rounds/{round_.pk}")
    return Status(201, round_)


@router.get("/rounds/{round_id}", response=RoundOut, by_alias=True)
def get_round(request: HttpRequest, round_id: int):
    """A round with its status and progress (0–100); poll this while it runs."""
    return get_object_or_404(_rounds(request), pk=round_id)


@router.post("/rounds/{round_id}/start", response={202: RoundOut}, by_alias=True)
def start_round(request: HttpRequest, round_id: int):
    """Queue a draft or failed round (again); 409 while it runs or once it is done."""
    round_ = get_object_or_404(_rounds(request), pk=round_id)
    if not runs.start(round_):
        raise HttpError(
            409,
            _("The round is %(status)s: it cannot be started now.")
            % {"status": round_.get_status_display()},
        )
    round_.refresh_from_db()
    return Status(202, round_)


@router.get("/rounds/{round_id}/candidates", response=page_of(CandidateOut), by_alias=True)
def list_candidates(request: HttpRequest, round_id: int, query: Query[PageQuery]):
    """Every candidate of the round's latest run in ranking order, with the reasons."""
    round_ = get_object_or_404(_rounds(request), pk=round_id)
    run = round_.latest_run()
    rows = CandidateOutcome.objects.filter(run=run).order_by("position", "id")
    page = listing(request, rows, query)
    processed(request, "read", page["results"])
    page["results"] = [_candidate(outcome) for outcome in page["results"]]
    return page


def _offers(request: HttpRequest) -> Any:
    user = acting_as(request, Scope.ANSWER_OFFERS)
    return Offer.objects.filter(round__in=Round.objects.visible_to(user))


@router.get("/offers", response=page_of(OfferOut), by_alias=True)
def list_offers(request: HttpRequest, query: Query[OfferQuery]):
    """Offers of the token's rounds."""
    rows = _offers(request).order_by("-created_at", "-id")
    filters = {"round_id": "round_id", "status": "status"}
    return read_page(request, listing(request, rows, query, filters))


@router.get("/offers/{offer_id}", response=OfferOut, by_alias=True)
def get_offer(request: HttpRequest, offer_id: int):
    """One offer."""
    return read_record(request, get_object_or_404(_offers(request), pk=offer_id))


@router.post("/offers/{offer_id}/answer", response=OfferOut, by_alias=True)
def answer_offer(request: HttpRequest, offer_id: int, body: AnswerIn):
    """Record the candidate's answer; a decline needs a reason and offers the unit onwards."""
    offer = get_object_or_404(_offers(request), pk=offer_id)
    form = AnswerForm({"answer": body.answer, "reason": body.reason})
    if not form.is_valid():
        raise Invalid(_("The answer has invalid fields; see invalidParams."), form_fields(form))
    user = acting_as(request, Scope.ANSWER_OFFERS)
    try:
        if body.answer == "accept":
            offers.accept(offer, by=user)
        else:
            offers.decline(offer, form.cleaned_data["reason"], _site(request), by=user)
    except offers.OfferClosed:
        raise HttpError(409, _("This offer was already answered or has expired.")) from None
    except UnitOccupied:
        raise HttpError(409, _("This unit is already let in this period.")) from None
    offer.refresh_from_db()
    processed(request, "change", [offer])
    return offer
