"""The mix of a complex as a tree of tallies, one node per cluster.

Plain Python without Django: rows in, a tree out, so the numbers can be checked by hand.
Every unit is counted once, in its own cluster; one post-order pass then adds each cluster's
tally into its parent's, so the complex and every cluster at every depth get their totals.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Resident:
    """What the mix needs to know of a person: no name, no identity."""

    group_id: int
    role: str
    support_need: str


@dataclass(frozen=True)
class UnitRow:
    id: int
    code: str
    cluster_id: int
    in_use: bool
    status: str
    residents: tuple[Resident, ...] = ()
    # The unit's bestemming: "hard" or "soft" ("" none), for ("group", code) or ("role", value).
    designation: str = ""
    designated_for: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class ClusterRow:
    id: int
    parent_id: int | None
    name: str
    kind: str  # as people read it: "gang", "verdieping"


@dataclass
class Tally:
    """Places (units in use), occupation and residents per group, role and support need."""

    places: int = 0
    occupied: int = 0
    out_of_use: int = 0
    residents: int = 0
    groups: Counter[int] = field(default_factory=Counter)
    roles: Counter[str] = field(default_factory=Counter)
    needs: Counter[str] = field(default_factory=Counter)

    @property
    def vacant(self) -> int:
        return self.places - self.occupied

    @property
    def occupancy(self) -> float | None:
        """Occupied places as a percentage of places; None when there are no places."""
        return 100 * self.occupied / self.places if self.places else None

    def add_unit(self, unit: UnitRow) -> None:
        if unit.in_use:
            self.places += 1
            self.occupied += bool(unit.residents)
        else:
            self.out_of_use += 1
        for resident in unit.residents:
            self.residents += 1
            self.groups[resident.group_id] += 1
            self.roles[resident.role] += 1
            self.needs[resident.support_need] += 1

    def add(self, other: Tally) -> None:
        self.places += other.places
        self.occupied += other.occupied
        self.out_of_use += other.out_of_use
        self.residents += other.residents
        self.groups.update(other.groups)
        self.roles.update(other.roles)
        self.needs.update(other.needs)


@dataclass
class MixNode:
    """The complex (cluster None) or one cluster, with its own units and its sub-clusters."""

    cluster: ClusterRow | None
    depth: int = 0
    tally: Tally = field(default_factory=Tally)
    units: list[UnitRow] = field(default_factory=list)
    children: list[MixNode] = field(default_factory=list)

    @property
    def key(self) -> int | None:
        return self.cluster.id if self.cluster else None

    def walk(self) -> Iterator[MixNode]:
        """This node and all below it, parents before children, in the given order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


def roll_up(clusters: Iterable[ClusterRow], units: Iterable[UnitRow]) -> MixNode:
    """Build the tree of `clusters` (in their given order) and total `units` at every level.

    A cluster whose parent is unknown hangs directly under the complex; a unit whose cluster
    is unknown counts for the complex only.
    """
    root = MixNode(cluster=None)
    nodes = {row.id: MixNode(cluster=row) for row in clusters}
    for node in nodes.values():
        assert node.cluster is not None
        parent = nodes.get(node.cluster.parent_id) if node.cluster.parent_id else None
        (parent or root).children.append(node)
    for unit in units:
        node = nodes.get(unit.cluster_id, root)
        node.units.append(unit)
        node.tally.add_unit(unit)
    _total(root, depth=0)
    return root


def _total(root: MixNode, depth: int) -> None:
    # Only clusters reachable from the complex are visited, so a cycle of parents (which
    # Cluster.clean forbids) cannot loop; no recursion, so no depth can exhaust the stack.
    root.depth = depth
    order = list(root.walk())
    for node in order:
        for child in node.children:
            child.depth = node.depth + 1
    for node in reversed(order):  # children before their parents
        for child in node.children:
            node.tally.add(child.tally)
