"""From proposal to tenancy: approve into offers, accept, decline, expire, and refill.

Each step runs in one transaction with the offer's row locked, so concurrent clicks serialise:
the second sees the first one's answer. Acceptance creates the person, the tenancy (through
`tenancies.services.start_tenancy`, which locks the unit) and the contract. A decline or an
expiry re-runs the engine for the round's open units only (`refill`), leaving accepted and
pending offers as they are, and offers the units to the next candidates. E-mails go out after
the commit, so a rolled-back step never sends one.
"""

from __future__ import annotations

import datetime
from functools import partial
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from magicmix.housing.models import Complex, Unit
from magicmix.people.models import Person
from magicmix.people.models import Role as PersonRole
from magicmix.selection.models import Application, PublicStatus, Stage
from magicmix.tenancies.availability import free_on
from magicmix.tenancies.services import UnitOccupied, start_tenancy

from ..availability import Conflicts, conflicts
from ..contracts import contract_for
from ..models import Offer, Round, Run
from . import notices
from .runs import NotAllowed, allocate, save_run

if TYPE_CHECKING:
    from magicmix.accounts.models import User


class OfferClosed(Exception):
    """The offer was already answered or its deadline has passed."""


class ProposalOutdated(Exception):
    """Units or candidates of the proposal were taken since the run: re-run before approving."""

    def __init__(self, conflicts: Conflicts) -> None:
        super().__init__(conflicts)
        self.conflicts = conflicts


def _lock_complex(round_: Round) -> None:
    """Every path that makes offers for a complex's units takes this lock first, so two rounds
    (or a round and its refill) never look at the units at the same time. SQLite's IMMEDIATE
    transactions serialise the same way."""
    Complex.objects.select_for_update().only("pk").get(pk=round_.complex_id)


def approve(round_: Round, by: User, site: str) -> list[Offer]:
    """Turn the latest proposal into offers; a second approval finds nothing to do. Refuses
    with `ProposalOutdated`, naming units and candidates, if anything changed since the run."""
    with transaction.atomic():
        _lock_complex(round_)
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        if round_.status != Round.Status.DONE:
            return []
        run = round_.latest_run()
        assert run is not None
        stale = conflicts(run, round_.move_in)
        if stale:
            raise ProposalOutdated(stale)
        round_.status = Round.Status.APPROVED
        round_.approved_by = by
        round_.approved_at = timezone.now()
        round_.save(update_fields=["status", "approved_by", "approved_at"])
        for outcome in run.outcomes.filter(unit__isnull=True).select_related("application"):
            transaction.on_commit(partial(notices.not_placed, outcome, round_))
        return _offer(round_, run, by, site)


def _offer(round_: Round, run: Run, by: User | None, site: str) -> list[Offer]:
    """Offers for every proposed unit of `run`; call inside a transaction, under the lock."""
    deadline = round_.offer_deadline(timezone.localdate())
    offers = []
    for outcome in run.outcomes.filter(unit__isnull=False).select_related("application", "unit"):
        assert outcome.unit is not None  # filtered above
        offer = Offer(
            round=round_,
            run=run,
            unit=outcome.unit,
            application=outcome.application,
            deadline=deadline,
        )
        offer.save()
        token = offer.issue_link()
        application = outcome.application
        application.move_to(
            Stage.OFFERED,
            by=by,
            reason=_("Offer of unit %(unit)s in round “%(round)s”.")
            % {"unit": offer.unit.code, "round": round_},
        )
        offers.append(offer)
        transaction.on_commit(partial(notices.tell, "offer", offer, site, token))
    return offers


def _locked(offer: Offer) -> Offer:
    locked = (
        Offer.objects.select_for_update()
        .select_related("round__intake", "unit", "application")
        .get(pk=offer.pk)
    )
    if locked.status != Offer.Status.PENDING:
        raise OfferClosed(locked.status)
    return locked


def accept(offer: Offer, by: User | None = None) -> Offer:
    """The candidate (through the link, `by` None) or staff accept: person, tenancy, contract.
    If the unit was let otherwise meanwhile, the offer is withdrawn and the candidate is a
    candidate again, so neither the offer nor the candidate waits forever."""
    try:
        return _accept(offer, by)
    except UnitOccupied:
        with transaction.atomic():
            _withdraw_let(offer, by)
        raise


def _withdraw_let(offer: Offer, by: User | None) -> None:
    try:
        offer = _close(offer, Offer.Status.WITHDRAWN, "", by)
    except OfferClosed:
        return
    offer.application.move_to(
        Stage.SHORTLISTED,
        by=by,
        reason=_("Unit %(unit)s was let otherwise; the offer is withdrawn.")
        % {"unit": offer.unit.code},
    )


@transaction.atomic
def _accept(offer: Offer, by: User | None) -> Offer:
    offer = _locked(offer)
    if offer.deadline < timezone.localdate():
        raise OfferClosed(Offer.Status.EXPIRED)
    if offer.application.stage != Stage.OFFERED:
        raise OfferClosed(Offer.Status.WITHDRAWN)  # the application was withdrawn meanwhile
    person = person_from(offer.application)
    tenancy = start_tenancy(offer.unit, person, offer.round.move_in, holder=True)
    contract_for(tenancy, offer.application, offer.round.intake)
    offer.status = Offer.Status.ACCEPTED
    offer.tenancy = tenancy
    offer.answered_at = timezone.now()
    offer.answered_by = by
    offer.save()
    transaction.on_commit(partial(notices.tell, "accepted", offer, ""))
    # The applicant reads "housed" from the day the tenancy starts (`house_due`), not before.
    moving_in_later = offer.round.move_in > timezone.localdate()
    offer.application.move_to(
        Stage.HOUSED,
        by=by,
        by_applicant=by is None,
        reason=_("Accepted the offer of unit %(unit)s.") % {"unit": offer.unit.code},
        public_status=PublicStatus.OFFER if moving_in_later else None,
    )
    return offer


def house_due(today: datetime.date | None = None) -> int:
    """Show "housed" to every applicant whose accepted offer's tenancy has started."""
    today = today or timezone.localdate()
    started = Offer.objects.filter(
        status=Offer.Status.ACCEPTED, tenancy__start_date__lte=today
    ).values("application_id")
    return Application.objects.filter(
        pk__in=started, stage=Stage.HOUSED, public_status=PublicStatus.OFFER
    ).update(public_status=PublicStatus.HOUSED)


def decline(offer: Offer, reason: str, site: str, by: User | None = None) -> list[Offer]:
    """Record a decline, then offer the unit to the next candidate; returns the new offers."""
    with transaction.atomic():
        offer = _close(offer, Offer.Status.DECLINED, reason, by)
    return refill(offer.round, site)


REMIND_DAYS = 2  # a reminder goes out this many days before the deadline


def remind_due(site: str, today: datetime.date | None = None) -> list[Offer]:
    """Remind every candidate whose open offer's deadline is near, once per offer, with a new
    link. Each offer is claimed with a conditional UPDATE, so two runs of the daily job at the
    same time remind once."""
    today = today or timezone.localdate()
    near = today + datetime.timedelta(days=REMIND_DAYS)
    due = Offer.objects.filter(
        status=Offer.Status.PENDING,
        reminded_at__isnull=True,
        deadline__gte=today,
        deadline__lte=near,
    )
    reminded = []
    for offer in due.select_related("application", "unit__complex__organisation", "round"):
        with transaction.atomic():
            claimed = Offer.objects.filter(
                pk=offer.pk, status=Offer.Status.PENDING, reminded_at__isnull=True
            ).update(reminded_at=timezone.now())
            if not claimed:
                continue
            token = offer.issue_link()
            transaction.on_commit(partial(notices.tell, "reminder", offer, site, token))
            reminded.append(offer)
    return reminded


def expire_due(site: str, today: datetime.date | None = None) -> list[Offer]:
    """Expire every pending offer past its deadline, withdraw those whose application was
    withdrawn, and refill the rounds they belonged to."""
    today = today or timezone.localdate()
    rounds = set()
    due = Offer.objects.filter(status=Offer.Status.PENDING).filter(
        Q(deadline__lt=today) | Q(application__stage=Stage.WITHDRAWN)
    )
    for offer in due.select_related("application"):
        status = (
            Offer.Status.WITHDRAWN
            if offer.application.stage == Stage.WITHDRAWN
            else Offer.Status.EXPIRED
        )
        with transaction.atomic():
            try:
                rounds.add(_close(offer, status, "", None).round)
            except OfferClosed:
                continue  # answered in the meantime
    return [new for round_ in rounds for new in refill(round_, site)]


def _close(offer: Offer, status: str, reason: str, by: User | None) -> Offer:
    offer = _locked(offer)
    offer.status = status
    offer.decline_reason = reason
    offer.answered_at = timezone.now()
    offer.answered_by = by
    offer.save()
    transaction.on_commit(partial(notices.tell, status, offer, ""))
    if status == Offer.Status.WITHDRAWN:
        return offer  # the application's own withdrawal is already logged
    declined = status == Offer.Status.DECLINED
    why = (
        _("Declined the offer of unit %(unit)s: %(reason)s")
        % {"unit": offer.unit.code, "reason": reason}
        if declined
        else _("The offer of unit %(unit)s expired.") % {"unit": offer.unit.code}
    )
    offer.application.move_to(
        Stage.NOT_SELECTED, by=by, by_applicant=by is None and declined, reason=why
    )
    return offer


def open_units(round_: Round) -> list[Unit]:
    """The round's vacancies without a live offer in it and still free on the move-in day."""
    live = Offer.objects.filter(round=round_).live()
    units = round_.units.exclude(pk__in=live.values("unit_id"))
    return list(free_on(units, round_.move_in))


def refill(round_: Round, site: str) -> list[Offer]:
    """Re-run the engine for the open units of an approved round and offer them at once.

    The units of pending offers of any round of the complex count as occupied by their
    candidate, so the policy sees the population the complex is heading for. Candidates with
    a live offer are out of the pool already: their stage is no longer a candidate stage."""
    with transaction.atomic():
        _lock_complex(round_)
        round_ = (
            Round.objects.select_for_update().select_related("complex", "intake").get(pk=round_.pk)
        )
        if round_.status != Round.Status.APPROVED:
            raise NotAllowed("only an approved round is refilled")
        units = open_units(round_)
        if not units:
            return []
        allocation = allocate(round_, units, with_max_fill=False)
        run = save_run(round_, Run.Kind.REFILL, allocation.input, allocation.result)
        return _offer(round_, run, None, site)


def person_from(application: Application) -> Person:
    """The resident's record, made from the application and its nomination."""
    nomination = getattr(application, "nomination", None)
    return Person.objects.create(
        organisation=application.intake.complex.organisation,
        first_name=application.first_name,
        last_name=application.last_name,
        date_of_birth=application.date_of_birth,
        email=application.email,
        phone=application.phone,
        household_size=application.household_size,
        annual_income=application.annual_income,
        income_year=application.income_year,
        target_group=application.target_group,
        role=PersonRole.SUPPORTED if nomination else application.target_group.default_role,
        support_need=nomination.support_need if nomination else "none",
        nominating_partner=nomination.organisation if nomination else None,
        supporting_partner=nomination.support_organisation if nomination else None,
        registration_date=application.registered_on,
    )
