from django.urls import path

from . import catalogue, person_files, views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("new/", views.person_create, name="person_create"),
    path("import/", person_files.person_import, name="person_import"),
    path("export/<int:pk>.<str:format>", person_files.person_export, name="person_export"),
    path("template.<str:format>", person_files.person_template, name="person_template"),
    path("<int:pk>/", views.person_detail, name="person_detail"),
    path("<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("<int:pk>/role/", views.change_role, name="change_role"),
    path("<int:pk>/log.<str:format>", views.person_log_export, name="person_log_export"),
    path("target-groups/", catalogue.target_group_list, name="target_group_list"),
    path(
        "target-groups/<int:organisation_pk>/new/",
        catalogue.target_group_create,
        name="target_group_create",
    ),
    path("target-groups/<int:pk>/edit/", catalogue.target_group_edit, name="target_group_edit"),
]
