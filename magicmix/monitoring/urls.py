from django.urls import path

from .benchmark import views as benchmark
from .ingredients import views as ingredients
from .views import assessments, dashboard, fact_sheet, figures, portfolio, reports, survey, waves

app_name = "monitoring"
urlpatterns = [
    path("monitoring/", dashboard.overview, name="overview"),
    path("complexes/<int:pk>/monitoring/", dashboard.complex_dashboard, name="dashboard"),
    path("complexes/<int:pk>/waves/", waves.wave_list, name="wave_list"),
    path("complexes/<int:pk>/waves/new/", waves.wave_plan, name="wave_plan"),
    path("waves/<int:pk>/", waves.wave_detail, name="wave_detail"),
    path("waves/<int:pk>/invite/", waves.wave_invite, name="wave_invite"),
    path("waves/<int:pk>/remind/", waves.wave_remind, name="wave_remind"),
    path("survey/<str:token>/", survey.survey, name="survey"),
    path("survey/<str:token>/answers/", survey.survey_answers, name="survey_answers"),
    path("persons/<int:pk>/zrm/", assessments.person_zrm, name="person_zrm"),
    path("complexes/<int:pk>/ingredients/", ingredients.ingredients, name="ingredients"),
    path("monitoring/ingredients/", ingredients.comparison, name="comparison"),
    path("complexes/<int:pk>/benchmark/", benchmark.standing, name="benchmark"),
    path("complexes/<int:pk>/benchmark.json", benchmark.export, name="benchmark_export"),
    path("complexes/<int:pk>/benchmark/import/", benchmark.upload, name="benchmark_import"),
    path("complexes/<int:pk>/figures/", figures.figures, name="figures"),
    path("complexes/<int:pk>/figures/<str:kind>/", figures.figures, name="figures_import"),
    path("monitoring/portfolio/", portfolio.portfolio, name="portfolio"),
    path("monitoring/portfolio/report/", reports.portfolio_report, name="portfolio_report"),
    path("monitoring/council/", reports.council_report, name="council"),
    path("complexes/<int:pk>/monitoring/report/", reports.complex_report, name="complex_report"),
    path("complexes/<int:pk>/fact-sheet/", fact_sheet.publish_fact_sheet, name="publish"),
    path("feiten/<str:slug>/", fact_sheet.fact_sheet, name="fact_sheet"),
    path(
        "figures/<str:kind>/template.<str:format>",
        figures.figures_template,
        name="figures_template",
    ),
]
