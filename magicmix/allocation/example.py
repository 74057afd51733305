"""A small round to start from (`magicmix-allocate example`): one om-en-om complex in two
gangen, statushouders and young people, with the bounds practitioners use."""

from __future__ import annotations

import datetime as dt

from .model import (
    Applicant,
    Bound,
    Cluster,
    Complex,
    Designation,
    Dimension,
    Occupant,
    Policy,
    PriorityKey,
    Role,
    Round,
    SupportLevel,
    Unit,
)

_GROUPS = ("jongere", "statushouder")


def _unit(uid: str, occupant: Occupant | None = None, **extra: object) -> Unit:
    return Unit(uid, "studio", 23.0, 1, True, False, 520.0, "jongerencontract", occupant, **extra)  # type: ignore[arg-type]


def example_round() -> Round:
    status = Occupant("statushouder", Role.SUPPORTED, SupportLevel.LIGHT, "COA")
    young = Occupant("jongere", Role.SUPPORTING, SupportLevel.NONE)
    gang_a = Cluster(
        "gang-a",
        "Gang A",
        "gang",
        units=(
            _unit("a1"),
            _unit("a2"),
            _unit("a3", young),
            _unit("a4", status),
            # Vacated by a statushouder: it goes to a statushouder first.
            _unit("a5", designation=Designation(Dimension.GROUP, "statushouder", hard=False)),
        ),
    )
    gang_b = Cluster(
        "gang-b",
        "Gang B",
        "gang",
        units=(_unit("b1"), _unit("b2"), _unit("b3", young), _unit("b4", young), _unit("b5")),
    )
    complex_ = Complex("startblok", "Startblok", (gang_a, gang_b))
    people = []
    for i in range(12):
        group = _GROUPS[i % 2]
        supported = group == "statushouder"
        people.append(
            Applicant(
                id=f"w{i + 1:02d}",
                group=group,
                role=Role.SUPPORTED if supported else Role.SUPPORTING,
                support=SupportLevel.INTENSIVE if i in (3, 5, 9) else SupportLevel.NONE,
                partner="COA" if supported else None,
                household_size=1,
                age=19 + i % 8,
                income=16_000.0 + 1_000 * i,
                registration_date=dt.date(2019 + i % 6, 1 + i % 12, 1),
                preferences=("gang-b", "startblok") if i % 3 == 0 else ("startblok",),
                selection_score=None if supported else float(5 + i % 5),
                lottery_number=1000 + 37 * i,
            )
        )
    bounds = (
        Bound("statushouders", "startblok", Dimension.GROUP, "statushouder", 0.4, 0.6, share=True),
        Bound("intensief-a", "gang-a", Dimension.SUPPORT, "intensive", maximum=1),
        Bound("intensief-b", "gang-b", Dimension.SUPPORT, "intensive", maximum=1),
        Bound(
            "dragend",
            "startblok",
            Dimension.ROLE,
            "supporting",
            minimum=0.5,
            share=True,
            hard=False,
            penalty=50.0,
        ),
    )
    return Round(
        "voorbeeld-2026",
        dt.date(2026, 3, 1),
        (complex_,),
        tuple(people),
        Policy(bounds),
        ranking=(PriorityKey.SELECTION_SCORE, PriorityKey.REGISTRATION_DATE),
    )
