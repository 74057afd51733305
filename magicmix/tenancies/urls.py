"""Letting and ending, mounted under the person URLs (`/persons/`): tenancies depend on people."""

from django.urls import path

from . import tenancy_files, views

app_name = "tenancies"
urlpatterns = [
    path("<int:pk>/tenancies/new/", views.start, name="start"),
    path("tenancies/<int:pk>/end/", views.end, name="end"),
    path("tenancies/ending/", views.ending, name="ending"),
    path("tenancies/import/", tenancy_files.tenancy_import, name="tenancy_import"),
    path(
        "tenancies/export/<int:pk>.<str:format>",
        tenancy_files.tenancy_export,
        name="tenancy_export",
    ),
    path(
        "tenancies/template.<str:format>", tenancy_files.tenancy_template, name="tenancy_template"
    ),
]
