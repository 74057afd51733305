"""A new person starts a role history, so the role of every day can be answered."""

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import Person, RoleChange


@receiver(post_save, sender=Person)
def start_role_history(
    sender: type[Person], instance: Person, created: bool, **kwargs: Any
) -> None:
    if created and not kwargs.get("raw"):
        RoleChange.objects.create(
            person=instance, role=instance.role, valid_from=instance.registration_date
        )
