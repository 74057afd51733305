from django.urls import path

from .views import public, staff

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
    path("applications/<int:pk>/", staff.application_detail, name="application_detail"),
]
