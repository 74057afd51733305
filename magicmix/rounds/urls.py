from django.urls import path

from .views import export, policy, public, rounds

app_name = "rounds"
urlpatterns = [
    path("complexes/<int:pk>/policy/", policy.policy, name="policy"),
    path("complexes/<int:pk>/policy/<int:bound_pk>/", policy.bound_edit, name="bound_edit"),
    path(
        "complexes/<int:pk>/policy/<int:bound_pk>/delete/", policy.bound_delete, name="bound_delete"
    ),
    path("complexes/<int:pk>/rounds/new/", rounds.round_create, name="round_create"),
    path("rounds/", rounds.round_list, name="round_list"),
    path("rounds/<int:pk>/", rounds.round_detail, name="round_detail"),
    path("rounds/<int:pk>/progress/", rounds.round_progress, name="round_progress"),
    path("rounds/<int:pk>/retry/", rounds.round_retry, name="round_retry"),
    path("rounds/<int:pk>/override/", rounds.round_override, name="round_override"),
    path("rounds/<int:pk>/approve/", rounds.round_approve, name="round_approve"),
    path("rounds/<int:pk>/rerun/", rounds.round_rerun, name="round_rerun"),
    path("rounds/<int:pk>/refill/", rounds.round_refill, name="round_refill"),
    path("rounds/<int:pk>/justification.csv", export.justification_csv, name="justification_csv"),
    path("rounds/<int:pk>/justification.pdf", export.justification_pdf, name="justification_pdf"),
    path("offers/<int:pk>/answer/", rounds.offer_answer, name="offer_answer"),
    # Public, opened with the applicant's private link.
    path("offer/<str:token>/", public.offer, name="offer"),
]
