from django.http import HttpRequest

from magicmix.accounts.models import User


def user_of(request: HttpRequest) -> User:
    """The logged-in user (LoginRequiredMiddleware guarantees one on every non-public view)."""
    return request.user  # type: ignore[return-value]
