from django.urls import path

from . import simulation_views, views

app_name = "finance"
urlpatterns = [
    path("finance/", views.overview, name="overview"),
    path("complexes/<int:pk>/finance/", views.scenario_list, name="scenario_list"),
    path("complexes/<int:pk>/finance/new/", views.scenario_new, name="scenario_new"),
    path("complexes/<int:pk>/finance/import/", views.scenario_import, name="scenario_import"),
    path("complexes/<int:pk>/finance/compare/", views.compare, name="compare"),
    path("complexes/<int:pk>/finance/<int:sid>/", views.scenario_detail, name="scenario_detail"),
    path("complexes/<int:pk>/finance/<int:sid>/edit/", views.scenario_edit, name="scenario_edit"),
    path(
        "complexes/<int:pk>/finance/<int:sid>/actuals/",
        views.scenario_actuals,
        name="scenario_actuals",
    ),
    path(
        "complexes/<int:pk>/finance/<int:sid>/delete/",
        views.scenario_delete,
        name="scenario_delete",
    ),
    path(
        "complexes/<int:pk>/finance/<int:sid>/case.json",
        views.scenario_export,
        name="scenario_export",
    ),
    path(
        "complexes/<int:pk>/simulations/",
        simulation_views.simulation_list,
        name="simulation_list",
    ),
    path(
        "complexes/<int:pk>/simulations/new/",
        simulation_views.simulation_new,
        name="simulation_new",
    ),
    path(
        "complexes/<int:pk>/simulations/<int:sid>/",
        simulation_views.simulation_detail,
        name="simulation_detail",
    ),
    path(
        "complexes/<int:pk>/simulations/<int:sid>/progress/",
        simulation_views.simulation_progress,
        name="simulation_progress",
    ),
    path(
        "complexes/<int:pk>/finance/<int:sid>/flows.csv",
        views.scenario_flows,
        name="scenario_flows",
    ),
]
