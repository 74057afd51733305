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

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from magicmix.accounts.models import Organisation
from magicmix.housing.models import linked_partners
from magicmix.web.imports import (
    Column,
    Layout,
    Problems,
    date,
    decimal,
    read_table,
    same,
    shown,
    text,
    vocabulary,
)
from magicmix.web.imports import whole_number as _number

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
_income = decimal(2, Decimal("100000000"), gettext_noop("'%(value)s' is not an amount"))


COLUMNS: tuple[Column, ...] = (
    Column("id", "nummer", ("id", "magicmix nummer"), False, _number(1, 2**31 - 1), same),
    Column(
        "external_reference",
        "referentie",
        ("external reference", "klantnummer"),
        False,
        text(50),
        same,
    ),
    Column("first_name", "voornaam", ("first name", "voornamen"), True, text(100), same),
    Column("last_name", "achternaam", ("last name",), True, text(150), same),
    Column("date_of_birth", "geboortedatum", ("date of birth",), True, date, same),
    Column("email", "e-mail", ("email", "e-mailadres"), False, text(254), same),
    Column("phone", "telefoon", ("phone", "telefoonnummer"), False, text(30), same),
    Column("household_size", "huishoudgrootte", ("household size",), False, _number(1, 20), same),
    Column("annual_income", "jaarinkomen", ("annual income", "inkomen"), False, _income, same),
    Column("income_year", "inkomensjaar", ("income year",), False, _number(2000, 9999), same),
    Column("target_group", "doelgroep", ("target group",), True, text(40), same),
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
_HEADER_OF = {column.field: column.header for column in COLUMNS}


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    changed: list[Person] = field(default_factory=list)  # for the processing log


def by_reference(persons: Iterable[Person]) -> dict[str, list[Person]]:
    """Persons by external reference: a reference is not unique, so each has a list."""
    found: dict[str, list[Person]] = {}
    for person in persons:
        if person.external_reference:
            found.setdefault(person.external_reference, []).append(person)
    return found


def import_persons(
    user: User, organisation: Organisation, filename: str, data: bytes
) -> ImportResult:
    """Create or update persons of `organisation` from a file, all of them or none.

    The caller has checked that `user` is staff of `organisation`.
    """
    table = read_table(filename, data, nothing=_("The file contains no persons."))
    with transaction.atomic():
        # One import per corporation at a time; its persons are read under the lock.
        Organisation.objects.select_for_update().get(pk=organisation.pk)
        rows, problems = LAYOUT.read_rows(table)
        return _Saving(user, organisation, problems).save(rows)


class _Saving:
    def __init__(
        self, user: User, organisation: Organisation, problems: list[tuple[int, str]]
    ) -> None:
        self.user = user
        self.organisation = organisation
        persons = Person.objects.filter(organisation=organisation)
        self.by_id = {person.pk: person for person in persons}
        self.by_reference = by_reference(self.by_id.values())
        self.groups = {
            group.code.casefold(): group
            for group in TargetGroup.objects.filter(organisation=organisation)
        }
        self.partners = {
            partner.name.casefold(): partner for partner in linked_partners([organisation.pk])
        }
        self.problems = Problems(problems)
        self.today = timezone.localdate()

    def save(self, rows: list[Any]) -> ImportResult:
        result = ImportResult()
        for row in rows:
            self._save_row(row.number, row.values, result)
        self.problems.raise_any()
        return result

    def _problem(self, number: int, name: str, message: str) -> None:
        self.problems.add(number, _HEADER_OF[name], message)

    def _existing(self, number: int, values: dict[str, Any]) -> Person | None:
        """The person the row names, None for a new one (or a wrong row, with its problem)."""
        if "id" in values:
            person = self.by_id.get(values["id"])
            if person is None:
                # Never says whether the number exists elsewhere: that would leak.
                self._problem(
                    number,
                    "id",
                    _("is not a person of %(organisation)s") % {"organisation": self.organisation},
                )
                return None
            return person
        reference = values.get("external_reference")
        if not reference:
            self._problem(
                number, "external_reference", _("is required for a new person (or give the nummer)")
            )
            return None
        matches = self.by_reference.get(reference, [])
        if len(matches) > 1:
            self._problem(
                number,
                "external_reference",
                _("%(count)d persons have this reference; give the nummer")
                % {"count": len(matches)},
            )
            return None
        return matches[0] if matches else None

    def _choices(self, number: int, values: dict[str, Any]) -> dict[str, Any]:
        """The row's names of a target group and partners as the form's choices (primary keys)."""
        chosen: dict[str, Any] = {}
        group = values.get("target_group")
        if group is not None:
            if group.casefold() in self.groups:
                chosen["target_group"] = self.groups[group.casefold()].pk
            else:
                self._problem(
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
                self._problem(
                    number,
                    name,
                    _("'%(value)s' is not a partner in a complex of yours")
                    % {"value": shown(partner)},
                )
        return chosen

    def _save_row(self, number: int, values: dict[str, Any], result: ImportResult) -> None:
        known = len(self.problems)
        existing = self._existing(number, values)
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
        if not form.is_valid():
            for name, errors in form.errors.items():
                for error in errors:
                    if name in _HEADER_OF:
                        self._problem(number, name, str(error))
                    else:
                        self.problems.add_row(number, str(error))
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
        values = {column.field: getattr(person, column.field) for column in COLUMNS}
        values |= {
            "external_reference": person.external_reference or None,
            "email": person.email or None,
            "phone": person.phone or None,
            "target_group": person.target_group.code,
            "nominating_partner": getattr(person.nominating_partner, "name", None),
            "supporting_partner": getattr(person.supporting_partner, "name", None),
        }
        records.append(LAYOUT.record(values))
    return records
