from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "magicmix.rounds"
    verbose_name = _("Allocation rounds")
