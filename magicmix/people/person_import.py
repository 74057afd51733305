"""The persons of one corporation to and from a spreadsheet (CSV or XLSX), all or nothing.

Columns and values are documented in docs/bulk-import.md. The file is read by the shared reader
(`web/imports.py`); each row is then checked by the person form the pages use (`PersonForm`), so
an import knows exactly the rules a letting officer meets on the page: age range, the
corporation's own target groups, only partners of its own complexes. A row names its person by
`nummer` (magicmix's number, written on export) or else by `referentie` (the external reference,
the key of another system): importing the same file twice changes nothing. Only persons of the
chosen corporation are ever matched, so a row can never reach another organisation's person.
A changed role goes through `Person.change_role`, so it lands in the role history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from magicmix.accounts.models import Organisation
from magicmix.housing.models import linked_partners
from magicmix.web.imports import Column, Layout, date, same, shown, text, vocabulary
from magicmix.web.keyed_import import (
    ImportResult,
    Matching,
    RowSaver,
    detail_values,
    details,
    import_rows,
)

from .forms import PersonForm
from .models import Person, Role, SupportNeed, TargetGroup

if TYPE_CHECKING:
    from magicmix.accounts.models import User


_ROLES: dict[str, tuple[str, ...]] = {
    Role.SUPPORTING: ("dragend", "supporting"),
    Role.SUPPORTED: ("vragend", "supported"),
}
_NEEDS: dict[str, tuple[str, ...]] = {
    SupportNeed.NONE: ("geen", "none"),
    SupportNeed.LIGHT: ("licht", "light"),
    SupportNeed.INTENSIVE: ("intensief", "intensive"),
}
_read_role, _write_role = vocabulary(_ROLES)
_read_need, _write_need = vocabulary(_NEEDS)


COLUMNS: tuple[Column, ...] = (
    *details(),
    Column("role", "rol", ("role",), False, _read_role, _write_role),
    Column(
        "support_need", "ondersteuningsbehoefte", ("support need",), False, _read_need, _write_need
    ),
    Column(
        "nominating_partner",
        "voordragende partner",
        ("nominating partner",),
        False,
        text(200),
        same,
    ),
    Column(
        "supporting_partner",
        "ondersteunende partner",
        ("supporting partner",),
        False,
        text(200),
        same,
    ),
    Column("registration_date", "inschrijfdatum", ("registration date",), False, date, same),
)
LAYOUT = Layout(COLUMNS, keys=("id", "external_reference"))
HEADERS = LAYOUT.headers


def import_persons(
    user: User, organisation: Organisation, filename: str, data: bytes
) -> ImportResult[Person]:
    """Create or update persons of `organisation` from a file, all of them or none.

    The caller has checked that `user` is staff of `organisation`.
    """
    return import_rows(
        LAYOUT,
        filename,
        data,
        nothing=_("The file contains no persons."),
        # One import per corporation at a time; its persons are read under the lock.
        lock=Organisation.objects.filter(pk=organisation.pk),
        saver=lambda problems: _Saving(user, organisation, problems),
    )


class _Saving(RowSaver[Person]):
    def __init__(
        self, user: User, organisation: Organisation, problems: list[tuple[int, str]]
    ) -> None:
        super().__init__(LAYOUT, problems)
        self.user = user
        self.organisation = organisation
        self.persons = Matching(
            Person.objects.filter(organisation=organisation),
            not_ours=_("is not a person of %(organisation)s") % {"organisation": organisation},
            reference_required=_("is required for a new person (or give the nummer)"),
            several=_("%(count)d persons have this reference; give the nummer"),
        )
        self.groups = {
            group.code.casefold(): group
            for group in TargetGroup.objects.filter(organisation=organisation)
        }
        self.partners = {
            partner.name.casefold(): partner for partner in linked_partners([organisation.pk])
        }
        self.today = timezone.localdate()

    def _choices(self, number: int, values: dict[str, Any]) -> dict[str, Any]:
        """The row's names of a target group and partners as the form's choices (primary keys)."""
        chosen: dict[str, Any] = {}
        group = values.get("target_group")
        if group is not None:
            if group.casefold() in self.groups:
                chosen["target_group"] = self.groups[group.casefold()].pk
            else:
                self.problem(
                    number,
                    "target_group",
                    _("'%(value)s' is not a target group of your catalogue")
                    % {"value": shown(group)},
                )
        for name in ("nominating_partner", "supporting_partner"):
            partner = values.get(name)
            if partner is None:
                continue
            if partner.casefold() in self.partners:
                chosen[name] = self.partners[partner.casefold()].pk
            else:
                self.problem(
                    number,
                    name,
                    _("'%(value)s' is not a partner in a complex of yours")
                    % {"value": shown(partner)},
                )
        return chosen

    def save_row(self, number: int, values: dict[str, Any], result: ImportResult[Person]) -> None:
        known = len(self.problems)
        existing = self.persons.find(self, number, values)
        chosen = self._choices(number, values)
        if len(self.problems) > known:
            return
        person = existing or Person(organisation=self.organisation)
        before = model_to_dict(person)
        if existing:
            data = dict(before)
        else:
            data = {
                "organisation": self.organisation.pk,
                "household_size": 1,
                "support_need": SupportNeed.NONE,
                "registration_date": self.today,
            }
        data |= {name: value for name, value in values.items() if name != "id"}
        data |= chosen
        form = PersonForm(self.user, data, instance=person)
        if self.form_problems(number, form):
            return
        if self.problems:
            return  # nothing will be saved: only go on checking
        role = values.get("role")
        if existing is None:
            form.save().role_changes.update(recorded_by=self.user)
            result.created += 1
            result.changed.append(form.instance)
        # Compared on the instance the form filled in: `has_changed` counts a field with a
        # callable default (the registration date) as changed whenever a form is posted.
        elif model_to_dict(person) != before or (role and role != person.role):
            form.save()
            if role and role != person.role:
                person.change_role(role, self.today, _("Changed by an import"), self.user)
            result.updated += 1
            result.changed.append(person)
        else:
            result.unchanged += 1


def person_records(organisation: Organisation) -> list[list[Any]]:
    """One row per person of `organisation` in the import's column order."""
    records = []
    persons = Person.objects.filter(organisation=organisation).select_related(
        "target_group", "nominating_partner", "supporting_partner"
    )
    for person in persons.order_by("last_name", "first_name", "pk"):
        values = detail_values(person, COLUMNS) | {
            "nominating_partner": getattr(person.nominating_partner, "name", None),
            "supporting_partner": getattr(person.supporting_partner, "name", None),
        }
        records.append(LAYOUT.record(values))
    return records
