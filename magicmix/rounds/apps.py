from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "magicmix.rounds"
    verbose_name = _("Allocation rounds")

    def ready(self) -> None:
        from magicmix.tenancies.services import HOLDS

        from .availability import held_by_offer

        # A unit with an open offer is not let directly (see `tenancies.services`).
        if held_by_offer not in HOLDS:
            HOLDS.append(held_by_offer)
