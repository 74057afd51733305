from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "magicmix.people"
    verbose_name = _("People")

    def ready(self) -> None:
        from . import signals  # noqa: F401
