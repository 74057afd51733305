from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelectionConfig(AppConfig):
    name = "magicmix.selection"
    verbose_name = _("Selection")

    def ready(self) -> None:
        from magicmix.legal.signals import value_entered

        from .services.eligibility import queue_recheck

        value_entered.connect(queue_recheck, dispatch_uid="selection.queue_recheck")
