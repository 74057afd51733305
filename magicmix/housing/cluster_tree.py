"""The clusters of a complex as a tree, read in one query, with unit counts per branch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count

from .models import MAX_CLUSTER_DEPTH, PATH_SEPARATOR, Cluster, Complex


@dataclass
class ClusterNode:
    cluster: Cluster
    path: str
    depth: int
    own_units: int
    children: list[ClusterNode] = field(default_factory=list)

    @property
    def unit_count(self) -> int:
        """Units in this cluster and in every cluster below it."""
        return sum(node.own_units for node in self.walk())

    def walk(self) -> Iterator[ClusterNode]:
        """This node and all below it, depth first, in display order (without recursion)."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))


@dataclass
class ClusterTree:
    roots: list[ClusterNode]

    def __iter__(self) -> Iterator[ClusterNode]:
        for root in self.roots:
            yield from root.walk()

    def node(self, pk: int) -> ClusterNode | None:
        return next((node for node in self if node.cluster.pk == pk), None)

    def paths(self) -> dict[int, str]:
        return {node.cluster.pk: node.path for node in self}


def cluster_tree(complex_: Complex) -> ClusterTree:
    """Built level by level, without recursion. Clusters deeper than MAX_CLUSTER_DEPTH (which
    forms and imports no longer allow) hang at the deepest level, so every page that draws the
    tree stays bounded; clusters that no root reaches (a cycle) are left out."""
    clusters = list(complex_.clusters.annotate(own_units=Count("units")))
    children: dict[int | None, list[Cluster]] = {}
    for cluster in clusters:  # already in display order (position, name)
        children.setdefault(cluster.parent_id, []).append(cluster)
    roots = [ClusterNode(c, c.name, 0, c.own_units) for c in children.get(None, [])]  # type: ignore[attr-defined]
    todo: list[tuple[ClusterNode, ClusterNode | None]] = [(root, None) for root in roots]
    seen = {root.cluster.pk for root in roots}
    while todo:
        node, holder = todo.pop()
        if node.depth + 1 < MAX_CLUSTER_DEPTH:
            holder, depth = node, node.depth + 1
        else:
            depth = node.depth  # too deep: beside this node, under the same parent
        for child in children.get(node.cluster.pk, []):
            if child.pk in seen or holder is None:
                continue
            seen.add(child.pk)
            path = f"{node.path}{PATH_SEPARATOR}{child.name}"
            below = ClusterNode(child, path, depth, child.own_units)  # type: ignore[attr-defined]
            holder.children.append(below)
            todo.append((below, holder))
    return ClusterTree(roots)
