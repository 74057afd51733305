"""The logged-in user of a request, typed.

`LoginRequiredMiddleware` sends anonymous visitors to the login page before any view that is not
marked `login_not_required` runs, so views call `user_of(request)` instead of casting
`request.user` themselves. Should a view be reached anonymously after all, it is refused.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from magicmix.accounts.models import User


def user_of(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
