"""The clusters of a complex as a tree, read in one query, with unit counts per branch."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db.models import Count

from .models import PATH_SEPARATOR, Cluster, Complex


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
        return self.own_units + sum(child.unit_count for child in self.children)

    def walk(self) -> Iterator[ClusterNode]:
        """This node and all below it, depth first, in display order."""
        yield self
        for child in self.children:
            yield from child.walk()


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
    clusters = list(complex_.clusters.annotate(own_units=Count("units")))
    children: dict[int | None, list[Cluster]] = {}
    for cluster in clusters:  # already in display order (position, name)
        children.setdefault(cluster.parent_id, []).append(cluster)

    def build(cluster: Cluster, parent_path: str, depth: int) -> ClusterNode:
        path = f"{parent_path}{PATH_SEPARATOR}{cluster.name}" if parent_path else cluster.name
        node = ClusterNode(cluster, path, depth, cluster.own_units)  # type: ignore[attr-defined]
        node.children = [build(child, path, depth + 1) for child in children.get(cluster.pk, [])]
        return node

    return ClusterTree([build(root, "", 0) for root in children.get(None, [])])
