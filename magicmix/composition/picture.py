"""The picture of the building: clusters as rows of unit tiles, without any name.

Colours are CSS classes (the Content Security Policy forbids inline styles). A target group
keeps its palette index (`TargetGroup.colour`) unless another group on the same picture
already has it; then it takes the first free one, so no two groups on a picture look alike.
Stripes always mark a vragend resident, so role never depends on colour alone; a ringed
dot on the corner (and the tile's name) marks a designated unit (bestemming).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from magicmix.housing.models import DesignatedRole, Designation, Unit
from magicmix.people.models import PALETTE_SIZE, Role, TargetGroup

from .mix import MixNode, UnitRow

MAX_HEADING = 6


class Colouring:
    GROUP = "group"
    ROLE = "role"
    CHOICES = (GROUP, ROLE)


@dataclass(frozen=True)
class Tile:
    code: str
    css: str
    label: str  # the accessible name: code, then group and role, or why it is empty
    href: str  # the unit's page


@dataclass(frozen=True)
class Band:
    """One cluster: a heading, and the tiles of its own units (often none above gang level)."""

    node: MixNode
    heading_level: int
    tiles: list[Tile]


@dataclass(frozen=True)
class LegendEntry:
    css: str
    label: str | Promise


@dataclass(frozen=True)
class Picture:
    colouring: str
    bands: list[Band]
    legend: list[LegendEntry]


def palette(groups: list[TargetGroup]) -> dict[int, int]:
    """Group id → palette index, distinct for up to PALETTE_SIZE groups."""
    taken: set[int] = set()
    indexes: dict[int, int] = {}
    for group in sorted(groups, key=lambda g: g.id):
        index = group.colour % PALETTE_SIZE
        if index in taken:
            index = next((i for i in range(PALETTE_SIZE) if i not in taken), index)
        taken.add(index)
        indexes[group.id] = index
    return indexes


def present_groups(root: MixNode, groups: list[TargetGroup]) -> list[TargetGroup]:
    present = {r.group_id for node in root.walk() for u in node.units for r in u.residents}
    return [group for group in groups if group.id in present]


def draw(
    complex_id: int,
    root: MixNode,
    groups: list[TargetGroup],
    colouring: str,
    top_heading: int,
    colours: dict[int, int] | None = None,
) -> Picture:
    """`colours` (from `palette`) keeps a group's colour the same on pictures side by side."""
    shown = present_groups(root, groups)
    colours = colours or palette(shown)
    names = {group.id: group.name for group in shown}
    statuses = dict(Unit.Status.choices)
    roles = dict(Role.choices)

    # One reverse() for hundreds of tiles: the unit's id goes in the place of a stand-in.
    stand_in = 987654321
    unit_page = reverse("housing:unit_detail", args=[complex_id, stand_in])

    designated_names = {group.code: group.name for group in groups} | dict(DesignatedRole.choices)
    strengths = dict(Designation.choices)

    def marked(tile: Tile, unit: UnitRow) -> Tile:
        """A designated unit gets a ringed dot (a shape, not a colour) and says so in words."""
        if not unit.designation:
            return tile
        what = designated_names.get(unit.designated_for[1], unit.designated_for[1])
        designation = _("designated: %(strength)s %(what)s") % {
            "strength": strengths[unit.designation],
            "what": what,
        }
        return replace(
            tile, css=f"{tile.css} mm-tile--designated", label=f"{tile.label}; {designation}"
        )

    def tile(unit: UnitRow) -> Tile:
        href = unit_page.replace(str(stand_in), str(unit.id))
        if not unit.in_use:
            status = statuses.get(unit.status, unit.status)
            return Tile(unit.code, "mm-tile--out", f"{unit.code}: {status}", href)
        if not unit.residents:
            vacant = Tile(unit.code, "mm-tile--vacant", f"{unit.code}: {_('vacant')}", href)
            return marked(vacant, unit)
        resident = unit.residents[0]
        by_group = colouring == Colouring.GROUP
        css = f"mm-tile--c{colours[resident.group_id]}" if by_group else f"mm-tile--{resident.role}"
        if resident.role == Role.SUPPORTED:
            css += " mm-tile--striped"
        role = roles.get(resident.role, resident.role)
        label = f"{unit.code}: {names[resident.group_id]}, {role}"
        return marked(Tile(unit.code, css, label, href), unit)

    bands = [
        Band(node, min(top_heading + node.depth - 1, MAX_HEADING), [tile(u) for u in node.units])
        for node in root.walk()
        if node.cluster is not None
    ]
    striped = _("striped: %(role)s") % {"role": roles[Role.SUPPORTED]}
    if colouring == Colouring.GROUP:
        legend = [LegendEntry(f"mm-tile--c{colours[g.id]}", g.name) for g in shown]
        legend.append(LegendEntry("mm-tile--striped", striped))
    else:
        legend = [
            LegendEntry(f"mm-tile--{Role.SUPPORTING}", roles[Role.SUPPORTING]),
            LegendEntry(f"mm-tile--{Role.SUPPORTED} mm-tile--striped", striped),
        ]
    legend += [
        LegendEntry("mm-tile--vacant", _("vacant")),
        LegendEntry("mm-tile--out", _("not in use (renovation or withdrawn)")),
    ]
    if any(unit.designation for node in root.walk() for unit in node.units):
        legend.append(LegendEntry("mm-tile--vacant mm-tile--designated", _("dot: designated unit")))
    return Picture(colouring, bands, legend)
