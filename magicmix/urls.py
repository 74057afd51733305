from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from magicmix.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # Public pages (the application form) let visitors switch language without an account.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("complexes/", include("magicmix.housing.urls")),
    path("complexes/", include("magicmix.composition.urls")),
    path("persons/", include("magicmix.people.urls")),
    path("persons/", include("magicmix.tenancies.urls")),
    path("legal/", include("magicmix.legal.urls")),
    path("", include("magicmix.selection.urls")),
    path("", include("magicmix.rounds.urls")),
    path("", include("magicmix.finance.urls")),
    path("", include("magicmix.monitoring.urls")),
]
