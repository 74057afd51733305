"""Letter scoring: the rubric of an intake (letting staff), and each scorer's queue of letters
(any staff of the owning corporation). In blind mode the scoring page shows the letter only."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.web.auth import user_of

from ..blind import masked_letter
from ..forms import CriterionFormSet, LetterScoreForm, RubricForm
from ..models import Application, Criterion, Intake, Route, Rubric, Stage, age_on
from ..services import judgements


@require_http_methods(["GET", "POST"])
def rubric(request: HttpRequest, pk: int) -> HttpResponse:
    intake = get_object_or_404(Intake.objects.editable_by(user_of(request)), pk=pk)
    rubric_, _created = Rubric.objects.get_or_create(intake=intake)
    data = request.POST or None
    form = RubricForm(data, instance=rubric_)
    criteria = CriterionFormSet(data, queryset=rubric_.criteria.all(), prefix="criteria")
    if request.method == "POST" and form.is_valid() and criteria.is_valid():
        removed = [f.instance for f in criteria.deleted_forms if f.instance.pk]
        if any(c.letter_scores.exists() or c.interview_scores.exists() for c in removed):
            messages.error(request, _("A criterion that has been scored cannot be removed."))
        else:
            with transaction.atomic():
                form.save()
                for criterion in criteria.save(commit=False):
                    criterion.rubric = rubric_
                    criterion.save()
                for criterion in criteria.deleted_objects:
                    criterion.delete()
            messages.success(request, _("The rubric is saved."))
            return redirect("selection:rubric", pk=intake.pk)
    context = {"intake": intake, "form": form, "criteria": criteria}
    return render(request, "selection/scoring/rubric.html", context)


@require_http_methods(["GET"])
def overview(request: HttpRequest) -> HttpResponse:
    """Per intake: how far the scoring is, and the scorer's next letter."""
    user = user_of(request)
    intakes = (
        Intake.objects.scored_by(user)
        .filter(rubric__isnull=False)
        .select_related("complex", "rubric")
    )
    rows = []
    for intake in intakes:
        queue = intake.applications.letters_for(user, intake.rubric.scorers_per_letter)
        letters = (
            intake.applications.filter(route=Route.PUBLIC)
            .exclude(stage__in=[Stage.REVIEW, Stage.WITHDRAWN])
            .annotate(scorers=Count("letter_scores__scorer", distinct=True))
        )
        counts = letters.aggregate(
            total=Count("pk"),
            done=Count("pk", filter=Q(scorers__gte=intake.rubric.scorers_per_letter)),
        )
        rows.append(
            {
                "intake": intake,
                "next": queue.first(),
                "waiting": queue.count(),
                "mine": Application.objects.filter(intake=intake, letter_scores__scorer=user)
                .distinct()
                .count(),
                **counts,
            }
        )
    return render(request, "selection/scoring/overview.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
def score_letter(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    application = get_object_or_404(
        Application.objects.scorable_by(user)
        .filter(route=Route.PUBLIC, intake__rubric__isnull=False)
        .select_related("intake__rubric", "intake__complex", "target_group"),
        pk=pk,
    )
    rubric_ = application.intake.rubric
    queue = application.intake.applications.letters_for(user, rubric_.scorers_per_letter)
    if not queue.filter(pk=pk).exists():
        # Scored by this scorer already, scored by enough others, or no longer being assessed.
        messages.info(request, _("This letter needs no score from you."))
        return redirect("selection:scoring")
    criteria = list(rubric_.criteria.filter(stage=Criterion.Stage.LETTER))
    if not criteria:
        raise Http404
    form = LetterScoreForm(criteria, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            judgements.score_letter(application, user, form.points(), form.cleaned_data["note"])
        except judgements.AlreadyScored:
            messages.info(request, _("This letter needs no score from you."))
            return redirect("selection:scoring")
        messages.success(request, _("Your scores are saved."))
        upcoming = queue.first()
        if upcoming:
            return redirect("selection:score_letter", pk=upcoming.pk)
        return redirect("selection:scoring")
    age = age_on(application.date_of_birth, timezone.localdate())
    context = {
        "application": application,
        "intake": application.intake,
        "blind": rubric_.blind,
        "age": age,
        "letter": masked_letter(application, age) if rubric_.blind else application.motivation,
        "form": form,
    }
    return render(request, "selection/scoring/letter.html", context)
