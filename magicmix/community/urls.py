"""Living together, mounted at /community/; a resident's own pages at /community/me/<token>/."""

from django.urls import path

from .views import (
    activities,
    agreements,
    complexes,
    departures,
    incidents,
    ladder,
    neighbourhood,
    residents,
    support,
)

app_name = "community"
urlpatterns = [
    path("", complexes.index, name="index"),
    path("complexes/<int:pk>/", complexes.day, name="day"),
    path("complexes/<int:pk>/gangs/", complexes.gangs, name="gangs"),
    path("complexes/<int:pk>/incidents/", incidents.incident_list, name="incident_list"),
    path("complexes/<int:pk>/incidents/new/", incidents.incident_create, name="incident_create"),
    path("complexes/<int:pk>/house-rules/", ladder.house_rules, name="house_rules"),
    path("complexes/<int:pk>/contract-ends/", departures.contract_end_list, name="contract_ends"),
    path("complexes/<int:pk>/activities/", activities.activity_list, name="activity_list"),
    path("complexes/<int:pk>/activities/new/", activities.activity_create, name="activity_create"),
    path("complexes/<int:pk>/neighbourhood/", neighbourhood.neighbourhood, name="neighbourhood"),
    path(
        "complexes/<int:pk>/neighbourhood/new/", neighbourhood.meeting_create, name="meeting_create"
    ),
    path("activities/<int:pk>/", activities.activity_detail, name="activity_detail"),
    path("incidents/<int:pk>/", incidents.incident_detail, name="incident_detail"),
    path("incidents/<int:pk>/close/", incidents.incident_close, name="incident_close"),
    path("actions/<int:pk>/done/", incidents.action_done, name="action_done"),
    path("residents/<int:pk>/", ladder.resident_page, name="resident"),
    path("residents/<int:pk>/link/", ladder.resident_link, name="resident_link"),
    path("residents/<int:pk>/warnings/new/", ladder.warning_issue, name="warning_issue"),
    path("residents/<int:pk>/support/new/", support.arrangement_create, name="arrangement_create"),
    path("warnings/<int:pk>/", ladder.warning_letter, name="warning_letter"),
    path("agreements/<int:pk>/edit/", agreements.edit, name="agreement_edit"),
    path("tenancies/<int:pk>/agreement/", agreements.create, name="agreement_create"),
    path("tenancies/<int:pk>/departure/", departures.departure, name="departure"),
    path("support/<int:pk>/edit/", support.arrangement_edit, name="arrangement_edit"),
    path("support/<int:pk>/review/", support.review_add, name="review_add"),
    path("me/<str:token>/", residents.home, name="resident_home"),
    path("me/<str:token>/hours/", residents.hours, name="resident_hours"),
    path("me/<str:token>/activities/new/", residents.plan_activity, name="resident_plan"),
    path("me/<str:token>/activities/<int:pk>/", residents.sign_up, name="resident_sign_up"),
]
