"""Hole 7 as found: a 500-level cluster path made every page of the complex answer 500."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from magicmix.housing.cluster_tree import cluster_tree
from magicmix.housing.models import MAX_CLUSTER_DEPTH, Cluster
from magicmix.housing.unit_import import ImportRejected, import_units
from magicmix.testing import factories

from .conftest import Stock


def _chain(stock: Stock, levels: int) -> Cluster:
    """A chain of `levels` clusters below the gang, written straight to the database."""
    parent = stock.gang
    for level in range(levels):
        parent = Cluster.objects.create(
            complex=stock.complex, parent=parent, name=f"L{level}", kind="gang"
        )
    return parent


def _import(stock: Stock, levels: int) -> list[str]:
    path = " / ".join(f"C{i}" for i in range(levels))
    data = f"code;cluster;type;woonoppervlak;kale huur\nB-1;{path};studio;23;450\n".encode()
    with pytest.raises(ImportRejected) as refused:
        import_units(stock.complex, "units.csv", data)
    assert Cluster.objects.count() == 1
    return refused.value.problems


def test_an_import_with_a_deep_cluster_path_is_refused_with_a_message(stock: Stock) -> None:
    assert _import(stock, 500) == ["Rij 2 heeft een cel van meer dan 1000 tekens."]
    assert _import(stock, 100) == [
        "Rij 2, cluster: clusters zijn hoogstens 10 niveaus diep genest, dit pad heeft 100"
    ]


def test_pages_of_a_complex_with_an_old_500_level_chain_still_answer(
    client: Client, stock: Stock
) -> None:
    deepest = _chain(stock, 500)
    factories.unit(deepest, code="DEEP")
    tree = cluster_tree(stock.complex)
    assert max(node.depth for node in tree) == MAX_CLUSTER_DEPTH - 1
    assert tree.roots[0].unit_count == 2 and len(list(tree)) == 501
    client.force_login(stock.officer)
    for url in (
        reverse("housing:complex_detail", args=[stock.complex.pk]),
        reverse("housing:unit_list", args=[stock.complex.pk]),
        reverse("housing:unit_export", args=[stock.complex.pk, "csv"]),
        reverse("composition:complex", args=[stock.complex.pk]),
    ):
        assert client.get(url).status_code == 200, url


def test_a_cluster_cannot_be_made_the_eleventh_level(stock: Stock) -> None:
    ninth = _chain(stock, MAX_CLUSTER_DEPTH - 2)  # the gang is level 1
    Cluster(complex=stock.complex, parent=ninth, name="tiende", kind="gang").full_clean()
    tenth = Cluster.objects.create(complex=stock.complex, parent=ninth, name="X", kind="gang")
    with pytest.raises(ValidationError) as refused:
        Cluster(complex=stock.complex, parent=tenth, name="elfde", kind="gang").full_clean()
    assert refused.value.message_dict["parent"] == ["Clusters zijn hoogstens 10 niveaus diep."]


def test_moving_a_branch_under_another_counts_the_levels_below_it(
    client: Client, stock: Stock
) -> None:
    ninth = _chain(stock, MAX_CLUSTER_DEPTH - 2)
    other = factories.cluster(stock.complex, name="Gebouw B")
    factories.cluster(stock.complex, other, name="Gang B1")  # "Gebouw B" has one level below
    client.force_login(stock.officer)
    response = client.post(
        reverse("housing:cluster_edit", args=[stock.complex.pk, other.pk]),
        {"name": "Gebouw B", "kind": "building", "parent": ninth.pk, "position": 0},
    )
    assert response.status_code == 200
    assert "Clusters zijn hoogstens 10 niveaus diep." in response.text
    other.refresh_from_db()
    assert other.parent is None
