"""A complex's ingredients (everyone who sees the complex reads them; its social management
enters them) and the comparison of all visible complexes."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from magicmix.housing.models import Complex
from magicmix.web.auth import user_of
from magicmix.web.history import changes_of

from ..access import may_manage, persons_in_scope, visible_complex
from ..portfolio import computed_on
from .comparison import columns, filters_from, headers, rows, seen_by, sort_keys, sorted_rows
from .derived import SELECTION_LABELS, concept_of, suggested
from .forms import IngredientsForm
from .models import Ingredients, SocialManagement, SupportModel


@require_http_methods(["GET", "POST"])
def ingredients(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    complex_ = visible_complex(user, pk)
    manages = may_manage(user, complex_)
    if request.method == "POST" and not manages:
        raise Http404
    entered = Ingredients.objects.filter(complex=complex_).first()
    form = None
    if manages:
        form = IngredientsForm(
            request.POST or None,
            instance=entered,
            initial=None if entered else suggested(complex_),
        )
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                form.instance.complex = complex_
                form.save()
            messages.success(request, _("The ingredients are saved."))
            return redirect("monitoring:ingredients", pk=complex_.pk)
    return render(
        request,
        "monitoring/ingredients/detail.html",
        {
            "complex": complex_,
            "concept": seen_by(
                concept_of(complex_, timezone.localdate()),
                own_clients_only=persons_in_scope(user, complex_) is not None,
            ),
            "form": form,
            "may_manage": manages,
            "changes": changes_of(entered) if manages and entered else [],
        },
    )


@require_http_methods(["GET"])
def comparison(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    filters = filters_from(request.GET.dict())
    found = rows(user, timezone.localdate(), filters)
    sort = request.GET.get("sort", "name")
    if sort not in sort_keys():
        sort = "name"
    descending = request.GET.get("order") == "desc"
    outcome_columns = found[0].outcomes if found else []
    stored = [row.concept.complex for row in found if not row.own_clients_only]
    kept = {name: value for name, value in filters.__dict__.items() if value}
    return render(
        request,
        "monitoring/ingredients/comparison.html",
        {
            "rows": sorted_rows(found, sort, descending),
            "stored": stored,
            "computed_on": computed_on(stored),
            "headers": headers(kept, sort, descending, columns(outcome_columns)),
            "filters": filters,
            "visible": Complex.objects.visible_to(user).count(),
            "placements": Complex.PlacementStyle.choices,
            "selections": list(SELECTION_LABELS.items()),
            "social_managements": SocialManagement.choices,
            "support_models": SupportModel.choices,
        },
    )
