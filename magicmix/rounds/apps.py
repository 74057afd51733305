from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "magicmix.rounds"
    verbose_name = _("Allocation rounds")

    def ready(self) -> None:
        from magicmix.people.renaming import group_code_changed
        from magicmix.tenancies.availability import HOLDS

        from .availability import OFFER_HOLD
        from .models.policy import carry_group_code

        group_code_changed.connect(carry_group_code, dispatch_uid="rounds.carry_group_code")

        # A unit with an open offer is neither listed as free nor let directly (see
        # `tenancies.availability`).
        if OFFER_HOLD not in HOLDS:
            HOLDS.append(OFFER_HOLD)
