from django.urls import path

from . import views

app_name = "privacy"
urlpatterns = [
    path("retention/", views.retention_start, name="retention_start"),
    path("retention/<int:organisation_id>/", views.retention, name="retention"),
    path(
        "<str:subject_type>/<int:pk>/export.<str:format>",
        views.subject_export,
        name="subject_export",
    ),
    path("<str:subject_type>/<int:pk>/erase/", views.subject_erase, name="subject_erase"),
]
