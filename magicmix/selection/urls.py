from django.urls import path

from .views import (
    application_files,
    eligibility,
    interviews,
    nominations,
    panel,
    public,
    scoring,
    shortlist,
    staff,
)

app_name = "selection"
urlpatterns = [
    # Public, without an account.
    path("apply/", public.intake_list, name="public_intakes"),
    path("apply/<int:pk>/", public.intake_detail, name="public_intake"),
    path("apply/<int:pk>/form/", public.apply, name="apply"),
    path("apply/<int:pk>/thanks/", public.thanks, name="thanks"),
    path("apply/status/<str:token>/", public.status, name="status"),
    path("apply/status/<str:token>/edit/", public.status_edit, name="status_edit"),
    path("apply/status/<str:token>/withdraw/", public.status_withdraw, name="status_withdraw"),
    # Corporation staff.
    path("intakes/", staff.intake_list, name="intake_list"),
    path("intakes/new/", staff.intake_create, name="intake_create"),
    path("intakes/<int:pk>/", staff.intake_detail, name="intake_detail"),
    path("intakes/<int:pk>/edit/", staff.intake_edit, name="intake_edit"),
    path(
        "intakes/<int:pk>/applications/import/",
        application_files.application_import,
        name="application_import",
    ),
    path(
        "intakes/<int:pk>/applications/export.<str:format>",
        application_files.application_export,
        name="application_export",
    ),
    path(
        "intakes/<int:pk>/applications/template.<str:format>",
        application_files.application_template,
        name="application_template",
    ),
    path("intakes/<int:pk>/rubric/", scoring.rubric, name="rubric"),
    path("intakes/<int:pk>/interviews/", interviews.planner, name="interviews"),
    path("intakes/<int:pk>/shortlist/", shortlist.shortlist, name="shortlist"),
    path("intakes/<int:pk>/shortlist/decide/", shortlist.decide_many, name="decide_many"),
    path("intakes/<int:pk>/shortlist.csv", shortlist.export, name="shortlist_csv"),
    path("applications/<int:pk>/", staff.application_detail, name="application_detail"),
    path("applications/<int:pk>/correct/", staff.application_correct, name="application_correct"),
    path("applications/<int:pk>/decide/", shortlist.decide, name="decide"),
    path("applications/<int:pk>/eligibility/", eligibility.decide, name="decide_eligibility"),
    path("checks/", eligibility.review_list, name="review_list"),
    path("scoring/", scoring.overview, name="scoring"),
    path("scoring/<int:pk>/", scoring.score_letter, name="score_letter"),
    path("interviews/<int:pk>/", interviews.record, name="interview"),
    # Partner caseworkers.
    path("nominations/", nominations.nomination_list, name="nomination_list"),
    path("nominations/intake/<int:pk>/", nominations.nominate, name="nominate"),
    path("nominations/<int:pk>/", nominations.nomination_detail, name="nomination_detail"),
    # Resident panel (coöptatie).
    path("panel/", panel.candidate_list, name="panel"),
    path("panel/<str:code>/", panel.candidate, name="panel_candidate"),
]
