"""What people keeps about a person, for export and erasure (the privacy registry).

Erasing a person anonymises the record rather than deleting it: tenancies, role history and
survey waves still count the person in a complex's figures, by target group, role and support
need. Everything that identifies them goes, with the change history that still holds it.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from magicmix.accounts.models import Role as MemberRole
from magicmix.accounts.models import User
from magicmix.privacy import registry
from magicmix.privacy.models import SubjectType

from .models import Person, RoleChange

# What an anonymised person is called wherever a name is shown.
ANONYMOUS = "(geanonimiseerd)"


def managed_by(user: User) -> Any:
    """A person's data is exported and erased by the application manager of the registering
    corporation."""
    return Person.objects.editable_by(user).filter(
        organisation_id__in=user.organisation_ids({MemberRole.APPLICATION_MANAGER})
    )


def export(pk: int) -> list[dict[str, Any]]:
    person = Person.objects.select_related("target_group").get(pk=pk)
    return [
        registry.record(person),
        *(registry.record(change) for change in person.role_changes.all()),
        *registry.history_records(Person, id=pk),
        *registry.history_records(RoleChange, person_id=pk),
    ]


def erase(pk: int) -> None:
    person = Person.objects.get(pk=pk)
    # .update(), not save(): a save would write the old values into a new history row.
    Person.objects.filter(pk=pk).update(
        first_name="",
        last_name=ANONYMOUS,
        # The birth year stays for age bands in the figures; the day goes.
        date_of_birth=datetime.date(person.date_of_birth.year, 7, 1),
        email="",
        phone="",
        external_reference="",
        annual_income=None,
        income_year=None,
    )
    RoleChange.objects.filter(person_id=pk).update(reason="")
    registry.delete_history(Person, id=pk)
    registry.delete_history(RoleChange, person_id=pk)


def consequences(pk: int) -> list[str]:
    return [
        gettext(
            "Name, date of birth (the year stays), contact details, external reference and "
            "income are removed; target group, role and support need stay, without a name, for "
            "the figures of the complex."
        ),
        gettext("The change history of the person and their role is deleted."),
    ]


registry.subject(
    registry.Subject(
        type=SubjectType.PERSON,
        managed_by=managed_by,
        organisation_of=lambda person: person.organisation_id,
        edit_url=lambda person: reverse("people:person_edit", args=[person.pk]),
        page_url=lambda person: person.get_absolute_url(),
    )
)
registry.holding(
    registry.Holding(
        subject_type=SubjectType.PERSON,
        title=_("Person and role history"),
        export=export,
        erase=erase,
        consequences=consequences,
    )
)


def history(organisation_id: int, cutoff: datetime.date) -> Any:
    """Change history rows of persons recorded before the cut-off."""
    return Person.history.filter(organisation_id=organisation_id, history_date__date__lt=cutoff)


registry.category(
    registry.Category(
        code="person_history",
        label=_("Change history of persons"),
        starts=_("after the change"),
        default_months=24,
        anonymises=False,
        expired=history,
        subject_type=SubjectType.PERSON,
        subject_path="id",
        apply=lambda rows: rows.delete(),
    )
)
