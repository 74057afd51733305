"""Token management for application managers: list with "last used", issue, revoke."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from magicmix.accounts.models import Organisation, Role, User
from magicmix.web.auth import user_of

from . import services
from .forms import TokenForm
from .models import ApiToken


def _issuers(user: User) -> QuerySet[Organisation]:
    issuers = Organisation.objects.filter(
        pk__in=user.organisation_ids({Role.APPLICATION_MANAGER}),
        kind=Organisation.Kind.CORPORATION,
    )
    if not issuers.exists():
        raise Http404
    return issuers


@require_http_methods(["GET"])
def token_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    _issuers(user)
    tokens = ApiToken.objects.managed_by(user).select_related("organisation", "created_by")
    return render(request, "api/token_list.html", {"tokens": tokens})


@require_http_methods(["GET", "POST"])
def token_create(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    issuers = _issuers(user)
    form = TokenForm(request.POST or None, issuers=issuers)
    if form.is_valid():
        data = form.cleaned_data
        organisation = data["organisation"]
        issuer = (
            issuers.get(pk=organisation.pk)
            if organisation in issuers
            else issuers.filter(complexes__partners__organisation=organisation).first()
        )
        assert issuer is not None  # the form offers only these organisations
        token, secret = services.issue(
            name=data["name"],
            issuer=issuer,
            organisation=organisation,
            role=data["role"],
            scopes=data["scopes"],
            expires_on=data["expires_on"],
            by=user,
        )
        # The secret is shown on this response only; it is not stored.
        return render(request, "api/token_issued.html", {"token": token, "secret": secret})
    return render(request, "api/token_form.html", {"form": form})


@require_POST
def token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request)
    token = get_object_or_404(ApiToken.objects.managed_by(user), pk=pk)
    services.revoke(token)
    messages.success(request, _("Token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api:token_list")
