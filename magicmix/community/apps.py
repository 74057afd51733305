from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "magicmix.community"
    verbose_name = _("Living together")

    def ready(self) -> None:
        from . import signals  # noqa: F401
