from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from magicmix.accounts import twofactor
from magicmix.accounts.forms import PasswordChangeForm, PasswordResetForm, SetPasswordForm
from magicmix.api import main as api
from magicmix.web import views as web_views

urlpatterns = [
    path("", web_views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", twofactor.exempt(auth_views.LogoutView.as_view()), name="logout"),
    path("account/", include("magicmix.accounts.urls")),
    # Django's own password views; the names are the ones those views expect.
    path(
        "account/password/",
        auth_views.PasswordChangeView.as_view(form_class=PasswordChangeForm),
        name="password_change",
    ),
    path(
        "account/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=SetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
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
    path("community/", include("magicmix.community.urls")),
    path("", include("magicmix.monitoring.urls")),
    path("privacy/", include("magicmix.privacy.urls")),
    # The REST API: no trailing slashes, so "/api/v1" itself is an unknown resource too.
    path("api/v1/", include((api.urlpatterns(), "api-v1"))),
    path("api/v1", api.unknown),
    path("api-tokens/", include("magicmix.api.urls")),
]

handler500 = "magicmix.web.views.server_error"
