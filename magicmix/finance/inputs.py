"""The inputs of a case as the form shows them: grouped, labelled, with their kind.

Which figures a case has depends on the case (one group per unit type, per relocation …), so
the groups are built from its document. Each list the form can grow gets one empty row.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from magicmix.housing.models import Unit
from magicmix.legal.contracts import ContractType

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise as Promise


class Kind(StrEnum):
    MONEY = "money"
    PERCENT = "percent"  # stored as a fraction, shown as a percentage
    NUMBER = "number"
    WHOLE = "whole"
    TEXT = "text"
    CHOICE = "choice"
    FLAG = "flag"


@dataclass(frozen=True)
class Input:
    path: str
    label: Promise
    kind: Kind
    choices: tuple[tuple[str, Promise | str], ...] = ()
    required: bool = True
    maximum: float | None = None  # as shown; a percentage is at most 100 unless said here
    in_new_row: bool = False  # required once anything of its (new) row is filled in


@dataclass(frozen=True)
class Group:
    legend: Promise | str
    inputs: tuple[Input, ...]
    row: str | None = None  # the list entry the group edits, if it can be removed or added
    new: bool = False  # an empty row to add an entry


PAYERS = (
    ("corporation", _("corporation")),
    ("municipality", _("municipality")),
    ("care_partner", _("care partner")),
)
SUBSIDY_PAYERS = (
    ("municipality", _("municipality")),
    ("state", _("state (Rijk)")),
    ("care_partner", _("care partner")),
)
LAND = (
    ("erfpacht", _("ground lease (erfpacht)")),
    ("tijdelijk_gebruik", _("temporary use")),
    ("eigendom", _("owned")),
)
AFTERLIFE = (
    ("stay", _("stay on the site")),
    ("relocate", _("relocate")),
    ("dismantle", _("dismantle")),
)

# Lists the form can grow by one row, and the figures of a row.
ROWS: dict[str, tuple[tuple[str, Promise, Kind, tuple[tuple[str, Any], ...], bool], ...]] = {
    "relocations": (
        ("year", _("Year of the relocation"), Kind.WHOLE, (), True),
        ("cost_share", _("Cost, share of the investment (%)"), Kind.PERCENT, (), True),
        (
            "municipality_share",
            _("Share of the cost paid by the municipality (%)"),
            Kind.PERCENT,
            (),
            True,
        ),
        ("vacant_months", _("Months empty"), Kind.NUMBER, (), True),
    ),
    "support": (
        ("name", _("Description"), Kind.TEXT, (), True),
        ("payer", _("Paid by"), Kind.CHOICE, PAYERS, True),
        ("hours_per_year", _("Support hours per year"), Kind.NUMBER, (), True),
        ("rate_per_hour", _("Support rate per hour (€)"), Kind.MONEY, (), True),
        ("first_year", _("From year"), Kind.WHOLE, (), True),
        ("last_year", _("Up to and including year"), Kind.WHOLE, (), False),
    ),
    "subsidies": (
        ("name", _("Description"), Kind.TEXT, (), True),
        ("payer", _("Paid by"), Kind.CHOICE, SUBSIDY_PAYERS, True),
        ("year", _("Year (0 = at the investment)"), Kind.WHOLE, (), True),
        ("amount", _("Amount (€)"), Kind.MONEY, (), True),
    ),
}
ROW_LEGENDS = {
    "relocations": (_("Relocation %(n)s"), _("Add a relocation")),
    "support": (_("Support %(n)s"), _("Add support")),
    "subsidies": (_("Subsidy %(n)s"), _("Add a subsidy")),
}


def _contract_choices(current: str) -> tuple[tuple[str, Any], ...]:
    known = tuple(ContractType.choices)
    return known if current in dict(known) else ((current, current), *known)


def _unit_type(code: str) -> str:
    return str(Unit.Type(code).label) if code in Unit.Type.values else code


def groups(data: dict[str, Any]) -> list[Group]:
    """The groups of inputs of the case document `data`."""
    result = [
        Group(
            _("Period and rates"),
            (
                Input("start_year", _("Calendar year of the investment (year 0)"), Kind.WHOLE),
                Input("years", _("Exploitation period (years)"), Kind.WHOLE),
                Input("discount_rate", _("Discount rate (% per year)"), Kind.PERCENT),
                *[
                    Input(key, label, Kind.PERCENT)
                    for key, label in (
                        ("rent_indexation", _("Rent indexation (% per year)")),
                        ("cost_indexation", _("Cost indexation (% per year)")),
                    )
                    if not isinstance(data.get(key), list)  # a list per year: JSON only
                ],
            ),
        )
    ]
    for i, unit_type in enumerate(data["unit_types"]):
        at = f"unit_types[{i}]"
        result.append(
            Group(
                _("Unit type %(code)s") % {"code": _unit_type(unit_type["code"])},
                (
                    Input(f"{at}.count", _("Number of units"), Kind.WHOLE),
                    Input(
                        f"{at}.investment_per_unit",
                        _("Investment per unit (stichtingskosten, €)"),
                        Kind.MONEY,
                    ),
                    Input(
                        f"{at}.maintenance_per_unit",
                        _("Maintenance per unit per year (€)"),
                        Kind.MONEY,
                    ),
                    Input(
                        f"{at}.management_per_unit",
                        _("Management per unit per year (€)"),
                        Kind.MONEY,
                    ),
                    Input(
                        f"{at}.taxes_insurance_per_unit",
                        _("Taxes and insurance per unit per year (€)"),
                        Kind.MONEY,
                    ),
                ),
            )
        )
        for j, line in enumerate(unit_type["rents"]):
            here = f"{at}.rents[{j}]"
            result.append(
                Group(
                    _("Unit type %(code)s, contract %(n)s")
                    % {"code": _unit_type(unit_type["code"]), "n": j + 1},
                    (
                        Input(
                            f"{here}.contract_type",
                            _("Contract type"),
                            Kind.CHOICE,
                            _contract_choices(line["contract_type"]),
                        ),
                        Input(f"{here}.share", _("Share of the units (%)"), Kind.PERCENT),
                        Input(f"{here}.rent_per_month", _("Basic rent per month (€)"), Kind.MONEY),
                        Input(
                            f"{here}.service_costs_per_month",
                            _("Service costs per month (€)"),
                            Kind.MONEY,
                        ),
                        Input(
                            f"{here}.turnover_rate",
                            _("Turnover per year (%)"),
                            Kind.PERCENT,
                        ),
                    ),
                )
            )
    result += [
        Group(
            _("Vacancy"),
            (
                Input("vacancy.loss_rate", _("Rent loss (huurderving, %)"), Kind.PERCENT),
                Input("vacancy.months_per_turnover", _("Months empty per move"), Kind.NUMBER),
                Input("vacancy.initial_months", _("Months empty at the start"), Kind.NUMBER),
            ),
        ),
        Group(
            _("Land"),
            (
                Input("land.kind", _("Land"), Kind.CHOICE, LAND),
                Input("land.annual_payment", _("Ground rent or fee per year (€)"), Kind.MONEY),
                Input(
                    "land.indexed",
                    _("The yearly payment follows cost indexation"),
                    Kind.FLAG,
                    required=False,
                ),
                Input("land.one_off_payment", _("One-off payment at the start (€)"), Kind.MONEY),
            ),
        ),
        Group(
            _("Residual value"),
            (
                Input(
                    "residual.choice",
                    _("At the end of the period the homes"),
                    Kind.CHOICE,
                    AFTERLIFE,
                ),
                Input(
                    "residual.stay",
                    _("Value when they stay, share of the investment (%)"),
                    Kind.PERCENT,
                    maximum=85,
                ),
                Input(
                    "residual.relocate",
                    _("Value when relocated, share of the investment (%)"),
                    Kind.PERCENT,
                    maximum=85,
                ),
                Input(
                    "residual.dismantle",
                    _("Value when dismantled, share of the investment (%)"),
                    Kind.PERCENT,
                    maximum=85,
                ),
            ),
        ),
        Group(
            _("Social management"),
            (
                Input(
                    "social_management.hours_per_year",
                    _("Social management hours per year"),
                    Kind.NUMBER,
                ),
                Input(
                    "social_management.rate_per_hour",
                    _("Social management rate per hour (€)"),
                    Kind.MONEY,
                ),
                Input(
                    "social_management.paid_by.corporation",
                    _("Paid by the corporation (%)"),
                    Kind.PERCENT,
                ),
                Input(
                    "social_management.paid_by.municipality",
                    _("Paid by the municipality (%)"),
                    Kind.PERCENT,
                ),
                Input(
                    "social_management.paid_by.care_partner",
                    _("Paid by the care partner (%)"),
                    Kind.PERCENT,
                ),
                Input("social_management.gangmakers", _("Gangmakers"), Kind.WHOLE),
                Input(
                    "social_management.gangmaker_discount_per_month",
                    _("Rent discount per gangmaker per month (€)"),
                    Kind.MONEY,
                ),
            ),
        ),
    ]
    for key, row in ROWS.items():
        entries = data.get(key) or []
        legend, add = ROW_LEGENDS[key]
        for i in range(len(entries) + 1):
            new = i == len(entries)
            result.append(
                Group(
                    add if new else legend % {"n": i + 1},
                    tuple(
                        Input(
                            f"{key}[{i}].{name}",
                            label,
                            kind,
                            choices,
                            required and not new,
                            in_new_row=required and new,
                        )
                        for name, label, kind, choices, required in row
                    ),
                    row=f"{key}[{i}]",
                    new=new,
                )
            )
    result.append(
        Group(
            pgettext_lazy("regulation", "RTHF"),
            (
                Input("rthf.homes", _("Homes under the RTHF"), Kind.WHOLE, required=False),
                Input(
                    "rthf.garantiebedrag_per_home",
                    _("Garantiebedrag per home (€)"),
                    Kind.MONEY,
                    required=False,
                ),
                Input(
                    "rthf.fee_per_home", _("One-off fee per home (€)"), Kind.MONEY, required=False
                ),
                Input(
                    "rthf.shares.state",
                    _("Shortfall paid by the state (%)"),
                    Kind.PERCENT,
                    required=False,
                ),
                Input(
                    "rthf.shares.municipality",
                    _("Shortfall paid by the municipality (%)"),
                    Kind.PERCENT,
                    required=False,
                ),
                Input(
                    "rthf.shares.investor",
                    _("Shortfall borne by the investor (%)"),
                    Kind.PERCENT,
                    required=False,
                ),
                Input(
                    "rthf.sale_per_home",
                    _("Sale price per home if relocation fails (€)"),
                    Kind.MONEY,
                    required=False,
                ),
            ),
            row="rthf",
        )
    )
    return result


LINE_LABELS = {
    "investment": _("Investment"),
    "land": _("Land"),
    "rent": _("Rent"),
    "vacancy": _("Vacancy and rent loss"),
    "gangmaker_discounts": _("Gangmaker discounts"),
    "maintenance": _("Maintenance"),
    "management": _("Management"),
    "taxes_insurance": _("Taxes and insurance"),
    "social_management": _("Social management"),
    "support": _("Support"),
    "relocation": _("Relocation"),
    "subsidies": _("Subsidies"),
    "rthf_fee": _("RTHF fee"),
    "rthf_compensation": _("RTHF compensation"),
    "residual_value": _("Residual value"),
}
PARTY_LABELS = {
    "corporation": _("corporation"),
    "municipality": _("municipality"),
    "care_partner": _("care partner"),
    "state": _("state (Rijk)"),
}
