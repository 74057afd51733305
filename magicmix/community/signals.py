"""A contract made by the offer flow starts the resident's agreement and support arrangement.

`rounds` sits below `community` and may not import it, so community listens for new contracts
instead of the offer flow calling it.
"""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from magicmix.rounds.models import Contract

from .services.agreements import agreement_from
from .services.support import arrangement_from


@receiver(post_save, sender=Contract)
def start_living_together(
    sender: type[Contract], instance: Contract, created: bool, **kwargs: Any
) -> None:
    if created and not kwargs.get("raw"):
        agreement_from(instance)
        arrangement_from(instance)
