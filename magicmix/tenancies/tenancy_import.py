"""The tenancies of one corporation's complexes to and from a spreadsheet, all or nothing.

Columns and values: docs/bulk-import.md. A row names a unit by complex name and unit code and a
person by `nummer` or `referentie`, both looked up only among what the importing user may let
(`Complex.objects.editable_by`, `Person.objects.editable_by`) in the chosen corporation: a row
naming another organisation's complex or person is a problem of that row, never a write. A
tenancy is known by its unit and start date; a known one gets a new end date through
`end_tenancy`, a new one starts through `start_tenancy`, which lock the unit and refuse an
overlap exactly as the letting pages do. Importing the same file twice changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from magicmix.accounts.models import Organisation
from magicmix.housing.models import Complex, Unit
from magicmix.people.models import Person
from magicmix.web.imports import Column, Layout, date, same, shown, text
from magicmix.web.imports import whole_number as _number
from magicmix.web.keyed_import import ImportResult, RowSaver, by_reference, import_rows

from .models import Tenancy
from .services import end_tenancy, start_tenancy

if TYPE_CHECKING:
    from magicmix.accounts.models import User

COLUMNS: tuple[Column, ...] = (
    Column("complex", "complex", ("complexnaam",), True, text(200), same),
    Column("unit", "eenheid", ("unit", "code", "vhe"), True, text(30), same),
    Column(
        "person",
        "persoon",
        ("person", "nummer", "persoonsnummer"),
        False,
        _number(1, 2**31 - 1),
        same,
    ),
    Column("reference", "referentie", ("external reference", "klantnummer"), False, text(50), same),
    Column("start_date", "ingangsdatum", ("start date", "begindatum"), True, date, same),
    Column("end_date", "einddatum", ("end date",), False, date, same),
)
LAYOUT = Layout(COLUMNS, keys=())
HEADERS = LAYOUT.headers


def import_tenancies(
    user: User, organisation: Organisation, filename: str, data: bytes
) -> ImportResult[Tenancy]:
    """Start or end tenancies in `organisation`'s complexes from a file, all of them or none."""
    return import_rows(
        LAYOUT,
        filename,
        data,
        nothing=_("The file contains no tenancies."),
        # One import per corporation at a time; start_tenancy also locks each unit it lets.
        lock=Organisation.objects.filter(pk=organisation.pk),
        saver=lambda problems: _Letting(user, organisation, problems),
    )


class _Letting(RowSaver[Tenancy]):
    def __init__(
        self, user: User, organisation: Organisation, problems: list[tuple[int, str]]
    ) -> None:
        super().__init__(LAYOUT, problems)
        complexes = Complex.objects.editable_by(user).filter(organisation=organisation)
        self.units = {
            (unit.complex.name.casefold(), unit.code.casefold()): unit
            for unit in Unit.objects.filter(complex__in=complexes).select_related("complex")
        }
        self.complexes = {complex_.name.casefold() for complex_ in complexes}
        persons = Person.objects.editable_by(user).filter(organisation=organisation)
        self.persons = {person.pk: person for person in persons}
        self.by_reference = by_reference(self.persons.values())
        self.tenancies = {
            (tenancy.unit_id, tenancy.start_date): tenancy
            for tenancy in Tenancy.objects.filter(unit__complex__in=complexes)
        }
        self.first_row_of: dict[tuple[int, Any], int] = {}

    def _unit(self, number: int, values: dict[str, Any]) -> Unit | None:
        complex_name, code = values["complex"], values["unit"]
        if complex_name.casefold() not in self.complexes:
            # Never says whether the complex exists elsewhere: that would leak.
            self.problem(
                number,
                "complex",
                _("'%(value)s' is not a complex you let") % {"value": shown(complex_name)},
            )
            return None
        unit = self.units.get((complex_name.casefold(), code.casefold()))
        if unit is None:
            self.problem(
                number,
                "unit",
                _("'%(value)s' is not a unit of this complex") % {"value": shown(code)},
            )
        return unit

    def _person(self, number: int, values: dict[str, Any]) -> Person | None:
        if "person" in values:
            person = self.persons.get(values["person"])
            if person is None:
                self.problem(number, "person", _("is not a person you may let to"))
            return person
        matches = self.by_reference.get(values.get("reference", ""), [])
        if len(matches) != 1:
            message = (
                _("%(count)d persons have this reference; give the persoon")
                if matches
                else _("no person has this reference; give the persoon or a known referentie")
            )
            self.problem(number, "reference", message % {"count": len(matches)})
            return None
        return matches[0]

    def save_row(self, number: int, values: dict[str, Any], result: ImportResult[Tenancy]) -> None:
        known = len(self.problems)
        unit = self._unit(number, values)
        person = self._person(number, values)
        if unit is None or person is None or len(self.problems) > known:
            return
        start, end = values["start_date"], values.get("end_date")
        key = (unit.pk, start)
        if key in self.first_row_of:
            self.problem(
                number,
                "start_date",
                _("this unit's tenancy from this date also appears in row %(row)d")
                % {"row": self.first_row_of[key]},
            )
            return
        self.first_row_of[key] = number
        tenancy = self.tenancies.get(key)
        try:
            if tenancy is None:
                result.changed.append(start_tenancy(unit, person, start, end))
                result.created += 1
            elif tenancy.person_id != person.pk:
                self.problem(
                    number, "person", _("the unit's tenancy from this date is another person's")
                )
            elif end is not None and end != tenancy.end_date:
                result.changed.append(end_tenancy(tenancy, end))
                result.updated += 1
            else:
                result.unchanged += 1
        except ValidationError as refused:
            name = "end_date" if refused.code == "ends_before_start" else "unit"
            for message in refused.messages:
                self.problem(number, name, message)


def tenancy_records(user: User, organisation: Organisation) -> list[list[Any]]:
    """One row per tenancy in `organisation`'s complexes the user lets, in the import's order."""
    complexes = Complex.objects.editable_by(user).filter(organisation=organisation)
    tenancies = (
        Tenancy.objects.filter(unit__complex__in=complexes)
        .select_related("unit__complex", "person")
        .order_by("unit__complex__name", "unit__code", "start_date")
    )
    return [
        LAYOUT.record(
            {
                "complex": tenancy.unit.complex.name,
                "unit": tenancy.unit.code,
                "person": tenancy.person_id,
                "reference": tenancy.person.external_reference or None,
                "start_date": tenancy.start_date,
                "end_date": tenancy.end_date,
            }
        )
        for tenancy in tenancies
    ]
