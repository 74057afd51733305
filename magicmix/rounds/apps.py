from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundsConfig(AppConfig):
    name = "magicmix.rounds"
    verbose_name = _("Allocation rounds")

    def ready(self) -> None:
        from magicmix.people.renaming import group_code_changed
        from magicmix.tenancies.services import HOLDS

        from .availability import held_by_offer
        from .models.policy import carry_group_code

        group_code_changed.connect(carry_group_code, dispatch_uid="rounds.carry_group_code")

        # A unit with an open offer is not let directly (see `tenancies.services`).
        if held_by_offer not in HOLDS:
            HOLDS.append(held_by_offer)
