"""The tornado: how far the NPV swings when each input moves by a step up and down.

Every float of the case is an input (counts and years are not: a step of 10 % of them is not
a case one could build), except splits, which move money between parties rather than scale it:
who pays what share, and the shares of a unit type under each contract. A stepped value stays
within the bounds of its field (a residual value at 85 % does not go up). An input of 0 does
not move; it shows no swing.
"""

from __future__ import annotations

import dataclasses
import math
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import annotated_types

from .case import Case, PayerShares, RentLine, RthfShares
from .result import npv_of

_SPLITS = (PayerShares, RthfShares)
_SPLIT_FIELDS = {(RentLine, "share")}


@dataclass(frozen=True)
class Input:
    path: str
    value: float
    lowest: float
    highest: float

    def stepped(self, factor: float) -> float:
        return min(max(self.value * factor, self.lowest), self.highest)


def _bounds(owner: type, name: str) -> tuple[float, float]:
    lowest, highest = -math.inf, math.inf
    hint = typing.get_type_hints(owner, include_extras=True)[name]
    for item in getattr(hint, "__metadata__", ()):
        for rule in [item, *getattr(item, "metadata", ())]:
            if isinstance(rule, annotated_types.Ge | annotated_types.Gt):
                lowest = float(getattr(rule, "ge", getattr(rule, "gt", lowest)))
            if isinstance(rule, annotated_types.Le | annotated_types.Lt):
                highest = float(getattr(rule, "le", getattr(rule, "lt", highest)))
    return lowest, highest


@dataclass(frozen=True)
class Swing:
    path: str  # as in the exchange format: "unit_types[0].rents[0].rent_per_month"
    value: float
    low: float  # the NPV with the input at value × (1 − step)
    high: float  # … at value × (1 + step)

    @property
    def width(self) -> float:
        return abs(self.high - self.low)


def inputs(node: Any, path: str = "") -> Iterator[Input]:
    """Every float of the case that scales money, in the order of the exchange format."""
    if isinstance(node, tuple):
        for i, item in enumerate(node):
            yield from inputs(item, f"{path}[{i}]")
        return
    if not dataclasses.is_dataclass(node) or isinstance(node, (type, *_SPLITS)):
        return
    owner = type(node)
    for f in dataclasses.fields(node):
        value = getattr(node, f.name)
        here = f"{path}.{f.name}".lstrip(".")
        if isinstance(value, float) and (owner, f.name) not in _SPLIT_FIELDS:
            yield Input(here, value, *_bounds(owner, f.name))
        elif f.name != "sources":
            yield from inputs(value, here)


def with_value(node: Any, path: str, value: float) -> Any:
    """A copy of `node` with the float at `path` replaced."""
    head, _, rest = path.partition(".")
    name, _, index = head.partition("[")
    if not name:  # "[2]…" inside a tuple
        position, _, deeper = head[1:].partition("]")
        i = int(position)
        tail = (deeper + "." + rest if rest else deeper).lstrip(".")
        item = with_value(node[i], tail, value) if tail else value
        return (*node[:i], item, *node[i + 1 :])
    child = getattr(node, name)
    tail = ("[" + index + ("." + rest if rest else "")) if index else rest
    return dataclasses.replace(node, **{name: with_value(child, tail, value) if tail else value})


def tornado(case: Case, step: float = 0.1, top: int = 10) -> list[Swing]:
    """The `top` inputs that move the NPV most, widest first."""
    swings = [
        Swing(
            item.path,
            item.value,
            npv_of(with_value(case, item.path, item.stepped(1 - step))),
            npv_of(with_value(case, item.path, item.stepped(1 + step))),
        )
        for item in inputs(case)
        if item.value
    ]
    swings.sort(key=lambda s: (-s.width, s.path))
    return swings[:top]
