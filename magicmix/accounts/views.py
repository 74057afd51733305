"""Setting up and giving the second factor, new recovery codes, and the own account page."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import user_has_device

from magicmix.web.auth import user_of

from . import twofactor
from .forms import CodeForm
from .models import Organisation

_CODES_KEY = "magicmix_recovery_codes"


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure())
    return target if safe else "/"


@twofactor.exempt
@require_http_methods(["GET", "POST"])
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if user_has_device(user) and not request.user.is_verified():  # type: ignore[union-attr]
        return redirect("accounts:two_factor_verify")  # replacing needs the current factor
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        codes = twofactor.confirm(request, device, form.cleaned_data["code"])
        if codes is not None:
            request.session[_CODES_KEY] = codes
            url = reverse("accounts:recovery_codes")
            return redirect(f"{url}?{urlencode({'next': _next(request)})}")
        form.add_error("code", _("This code is not right. Type the code the app shows now."))
    context = {
        "form": form,
        "secret": twofactor.secret_of(device),
        "config_url": device.config_url,
        "qr_code": mark_safe(twofactor.qr_code_svg(device)),
        "next": _next(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@twofactor.exempt
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if twofactor.verify(request, form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error("code", _("This code is not right, or it has been used already."))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@require_http_methods(["GET", "POST"])
def recovery_codes(request: HttpRequest) -> HttpResponse:
    """Shown once, right after they are made; a POST makes new ones."""
    if request.method == "POST":
        request.session[_CODES_KEY] = twofactor.new_recovery_codes(user_of(request))
        messages.success(request, _("New recovery codes are made; the old ones no longer work."))
        return redirect("accounts:recovery_codes")
    codes = request.session.pop(_CODES_KEY, None)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "next": _next(request)})


@require_http_methods(["GET"])
def account(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    return render(
        request,
        "accounts/account.html",
        {
            "two_factor": user_has_device(user),
            "required": twofactor.needs_two_factor(user),
            # A partner hands its link code to the corporations it works with.
            "partners": Organisation.objects.filter(
                memberships__user=user, kind=Organisation.Kind.PARTNER
            ).distinct(),
        },
    )
