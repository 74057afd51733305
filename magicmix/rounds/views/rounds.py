"""Staff pages of a round: create and queue it, follow its progress, review, override, approve,
and record a candidate's answer given by phone or at the counter."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from magicmix.housing.cluster_tree import cluster_tree
from magicmix.housing.models import Complex
from magicmix.tenancies.services import UnitOccupied
from magicmix.web.auth import user_of

from .. import review
from ..availability import Conflicts, conflicts
from ..forms import AnswerForm, OverrideForm, RoundForm, ranking_label
from ..justification import labelled_report
from ..models import CandidateOutcome, Offer, Round, Run
from ..services import offers, runs


def site_of(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def get_round(request: HttpRequest, pk: int) -> Round:
    rounds = Round.objects.visible_to(user_of(request)).select_related("complex", "intake")
    return get_object_or_404(rounds, pk=pk)


@require_http_methods(["GET"])
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = Round.objects.visible_to(user_of(request)).select_related("complex", "intake")
    complexes = Complex.objects.editable_by(user_of(request))
    return render(request, "rounds/round_list.html", {"rounds": rounds, "complexes": complexes})


KEPT = {"title", "intake", "move_in", "mode", "ranking_rule", "without_score", "seed", "offer_days"}


@require_http_methods(["GET", "POST"])
def round_create(request: HttpRequest, pk: int) -> HttpResponse:
    complex_ = get_object_or_404(Complex.objects.editable_by(user_of(request)), pk=pk)
    # A GET with fields (a new start date, or "choose all free units") keeps what was typed.
    typed = {name: value for name, value in request.GET.items() if value and name in KEPT}
    form = RoundForm(
        request.POST or None,
        complex_=complex_,
        instance=Round(complex=complex_),
        initial=typed | {"units": request.GET.getlist("units")},
        all_units="all_units" in request.GET,
    )
    # Picking another start date reloads the list of units free on that date.
    form.fields["move_in"].widget.attrs |= {
        "hx-get": request.path,
        "hx-trigger": "change",
        "hx-target": "#round-units",
        "hx-select": "#round-units",
        "hx-swap": "outerHTML",
        "hx-include": "closest form",  # keeps the units already ticked
    }
    if form.is_valid():
        form.instance.created_by = user_of(request)
        round_ = form.save()
        runs.start(round_)
        return redirect("rounds:round_detail", pk=round_.pk)
    return render(request, "rounds/round_form.html", {"complex": complex_, "form": form})


@require_http_methods(["GET"])
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    latest = round_.latest_run()
    # Every version stays browsable: ?version=N shows that run with its own explanations.
    version = request.GET.get("version", "")
    run = (
        round_.runs.filter(number=int(version), failed=False).first() if version.isdigit() else None
    ) or latest
    outcomes = (
        list(
            CandidateOutcome.objects.filter(run=run).select_related(
                "application__target_group", "unit__cluster", "engine_unit"
            )
        )
        if run
        else []
    )
    language = translation.get_language() or "nl"
    context = {
        "round": round_,
        "run": run,
        "report": labelled_report(round_, run.report) if run else [],
        "ranking": ranking_label(round_.ranking),
        "outcomes": outcomes,
        "proposal": sorted((o for o in outcomes if o.unit), key=lambda o: o.unit.code),  # type: ignore[union-attr]
        "language": language,
        "runs": round_.runs.all(),
        "overrides": run.overrides.select_related("unit", "replaced", "chosen", "by")
        if run
        else [],
        "offers": round_.offers.select_related("unit", "application", "answered_by").order_by(
            "unit__code", "created_at"
        ),
        "override_form": OverrideForm(round_=round_)
        if round_.status == Round.Status.DONE and run == latest
        else None,
        "answer_form": AnswerForm(),
        "open_units": offers.open_units(round_) if round_.status == Round.Status.APPROVED else [],
        "latest": latest,
        "warnings": review.warnings(outcomes),
        "changes": review.changes_since(run)
        if run and run == latest and round_.status == Round.Status.DONE
        else [],
        "before_after": review.before_after(round_, run) if run else None,
        "paths": cluster_tree(round_.complex).paths(),
        "figures": _figures_of(run),
        "stale": conflicts(run, round_.move_in)
        if run and run == latest and round_.status == Round.Status.DONE
        else None,
    }
    return render(request, "rounds/round_detail.html", context)


def _figures_of(run: Run | None) -> Run | None:
    """The run whose price of the mix and mode comparison belong to `run`: a re-run for open
    units does not compute them again, so they are the proposal's it continues."""
    if run is None or run.price:
        return run
    return (
        run.round.runs.filter(kind=Run.Kind.PROPOSAL, failed=False, number__lt=run.number)
        .order_by("-number")
        .first()
    )


@require_http_methods(["GET"])
def round_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress bar htmx polls; once the run has ended the page reloads itself."""
    round_ = get_round(request, pk)
    response = render(request, "rounds/_progress.html", {"round": round_})
    if not round_.is_busy:
        response["HX-Refresh"] = "true"
    return response


@require_POST
def round_retry(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    if not runs.start(round_):
        messages.error(request, _("Only a failed round can be run again."))
    return redirect("rounds:round_detail", pk=round_.pk)


@require_POST
def round_override(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    run = round_.latest_run()
    if round_.status != Round.Status.DONE or run is None:
        messages.error(request, _("Only a proposal under review can be changed."))
        return redirect("rounds:round_detail", pk=round_.pk)
    form = OverrideForm(request.POST, round_=round_)
    if form.is_valid():
        chosen = form.cleaned_data["candidate"]
        runs.override(
            run,
            form.cleaned_data["unit"],
            chosen.application if chosen else None,
            form.cleaned_data["reason"],
            user_of(request),
        )
        messages.success(request, _("The proposal is changed and the reason recorded."))
        return redirect("rounds:round_detail", pk=round_.pk)
    return render(request, "rounds/override_form.html", {"round": round_, "form": form})


@require_http_methods(["GET", "POST"])
def round_approve(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks for confirmation, saying how many offers and e-mails go out; POST approves."""
    round_ = get_round(request, pk)
    run = round_.latest_run()
    if request.method == "GET":
        if round_.status != Round.Status.DONE or run is None:
            return redirect("rounds:round_detail", pk=round_.pk)
        return _confirm_approval(request, round_, run)
    was_done = round_.status == Round.Status.DONE
    try:
        made = offers.approve(round_, user_of(request), site_of(request))
    except offers.ProposalOutdated as outdated:
        messages.error(request, outdated_message(outdated.conflicts))
        return redirect("rounds:round_detail", pk=round_.pk)
    if made:
        messages.success(request, _("Offers sent: %(n)s.") % {"n": len(made)})
    elif was_done:
        messages.info(request, _("The round is approved; no unit was left to offer."))
    else:
        messages.info(request, _("This round was already approved: nothing was sent again."))
    return redirect("rounds:round_detail", pk=round_.pk)


def _confirm_approval(request: HttpRequest, round_: Round, run: Run) -> HttpResponse:
    proposed = list(
        run.outcomes.filter(unit__isnull=False)
        .select_related("unit", "application")
        .order_by("unit__code")
    )
    without_email = sum(1 for o in proposed if not o.application.email)
    deadline = date_format(round_.offer_deadline(timezone.localdate()), "j F Y")
    consequences = [
        ngettext(
            "%(n)s offer is made and %(mails)s e-mail is sent; it cannot be taken back.",
            "%(n)s offers are made and %(mails)s e-mails are sent; they cannot be taken back.",
            len(proposed),
        )
        % {"n": len(proposed), "mails": len(proposed) - without_email},
        _("Candidates answer before %(date)s.") % {"date": deadline},
    ]
    if without_email:
        consequences.append(
            ngettext(
                "%(n)s candidate has no e-mail address: tell them yourself.",
                "%(n)s candidates have no e-mail address: tell them yourself.",
                without_email,
            )
            % {"n": without_email}
        )
    return render(
        request,
        "rounds/confirm.html",
        {
            "title": _("Approve “%(round)s”?") % {"round": round_},
            "consequences": consequences,
            "items": [f"{o.unit.code}: {o.application.full_name}" for o in proposed if o.unit],
            "action": request.path,
            "hidden": {},
            "confirm": ngettext("Yes, send %(n)s offer", "Yes, send %(n)s offers", len(proposed))
            % {"n": len(proposed)},
            "cancel": reverse("rounds:round_detail", args=[round_.pk]),
        },
    )


def outdated_message(stale: Conflicts) -> str:
    parts = [_("Nothing was sent: the proposal is out of date.")]
    if stale.units:
        parts.append(_("No longer free: %(units)s.") % {"units": ", ".join(stale.units)})
    if stale.candidates:
        parts.append(_("No longer available: %(names)s.") % {"names": ", ".join(stale.candidates)})
    parts.append(_("Run the round again for a new proposal."))
    return " ".join(parts)


@require_POST
def round_rerun(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    if not runs.rerun(round_):
        messages.error(request, _("Only a proposal under review can be computed again."))
    return redirect("rounds:round_detail", pk=round_.pk)


@require_POST
def round_refill(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request, pk)
    if round_.status != Round.Status.APPROVED:
        messages.error(request, _("Only an approved round can be run again for its open units."))
    else:
        made = offers.refill(round_, site_of(request))
        messages.success(request, _("New offers sent: %(n)s.") % {"n": len(made)})
    return redirect("rounds:round_detail", pk=round_.pk)


@require_POST
def offer_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """Staff record an answer given by phone or at the counter; nothing is chosen beforehand and
    a confirmation page says what will happen before it does."""
    offer = get_object_or_404(
        Offer.objects.filter(round__in=Round.objects.visible_to(user_of(request))).select_related(
            "unit", "application", "round"
        ),
        pk=pk,
    )
    form = AnswerForm(request.POST)
    if not form.is_valid():
        for error in form.errors.values():
            messages.error(request, " ".join(str(e) for e in error))
        return redirect("rounds:round_detail", pk=offer.round_id)
    answer, reason = form.cleaned_data["answer"], form.cleaned_data["reason"]
    if not request.POST.get("confirmed"):
        return _confirm_answer(request, offer, answer, reason)
    try:
        if answer == "accept":
            offers.accept(offer, by=user_of(request))
            messages.success(request, _("The offer is accepted and the tenancy created."))
        else:
            made = offers.decline(offer, reason, site_of(request), by=user_of(request))
            messages.success(
                request, _("The decline is recorded. New offers sent: %(n)s.") % {"n": len(made)}
            )
    except offers.OfferClosed:
        messages.error(request, _("This offer was already answered or has expired."))
    except UnitOccupied:
        messages.error(request, _("This unit is already let in this period."))
    return redirect("rounds:round_detail", pk=offer.round_id)


def _confirm_answer(request: HttpRequest, offer: Offer, answer: str, reason: str) -> HttpResponse:
    names = {"name": offer.application.full_name, "unit": offer.unit.code}
    if answer == "accept":
        title = _("Record that %(name)s accepts unit %(unit)s?") % names
        consequences = [
            _("A tenancy from %(date)s and its contract are created.")
            % {"date": date_format(offer.round.move_in, "j F Y")}
        ]
    else:
        title = _("Record that %(name)s declines unit %(unit)s?") % names
        consequences = [
            _("Reason: %(reason)s") % {"reason": reason},
            _("The unit is offered to the next candidate at once."),
        ]
    return render(
        request,
        "rounds/confirm.html",
        {
            "title": title,
            "consequences": consequences,
            "action": request.path,
            "hidden": {"answer": answer, "reason": reason},
            "confirm": _("Yes, record this answer"),
            "cancel": reverse("rounds:round_detail", args=[offer.round_id]),
        },
    )
