from django.urls import path

from .views import clusters, complexes, unit_files, units

app_name = "housing"
urlpatterns = [
    path("", complexes.complex_list, name="complex_list"),
    path("new/", complexes.complex_create, name="complex_create"),
    path("<int:pk>/", complexes.complex_detail, name="complex_detail"),
    path("<int:pk>/edit/", complexes.complex_edit, name="complex_edit"),
    path("<int:pk>/partners/", complexes.partner_list, name="partner_list"),
    path(
        "<int:pk>/partners/<int:partner_pk>/remove/",
        complexes.partner_remove,
        name="partner_remove",
    ),
    path("<int:pk>/clusters/new/", clusters.cluster_create, name="cluster_create"),
    path("<int:pk>/clusters/<int:cluster_pk>/edit/", clusters.cluster_edit, name="cluster_edit"),
    path(
        "<int:pk>/clusters/<int:cluster_pk>/delete/", clusters.cluster_delete, name="cluster_delete"
    ),
    path("<int:pk>/units/", units.unit_list, name="unit_list"),
    path("<int:pk>/units/new/", units.unit_create, name="unit_create"),
    path("<int:pk>/units/<int:unit_pk>/", units.unit_detail, name="unit_detail"),
    path("<int:pk>/units/<int:unit_pk>/edit/", units.unit_edit, name="unit_edit"),
    path("<int:pk>/units/<int:unit_pk>/delete/", units.unit_delete, name="unit_delete"),
    path(
        "<int:pk>/units/designate-vacated/",
        units.designate_after_tenant,
        name="designate_vacated",
    ),
    path("<int:pk>/units/import/", unit_files.unit_import, name="unit_import"),
    path("<int:pk>/units/export.<str:format>", unit_files.unit_export, name="unit_export"),
    path("units/template.<str:format>", unit_files.unit_template, name="unit_template"),
]
