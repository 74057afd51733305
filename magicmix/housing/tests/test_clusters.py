"""Clusters nest to any depth, stay inside their complex, never loop, and keep their units."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from magicmix.housing.models import Cluster
from magicmix.testing import factories

from .conftest import Stock


def _url(name: str, stock: Stock, *args: int) -> str:
    return reverse(f"housing:{name}", args=[stock.complex.pk, *args])


def test_clusters_nest_to_any_depth(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    parent = None
    for name, kind in [
        ("Terrein", "site"),
        ("Gebouw A", "building"),
        ("Vleugel Oost", "wing"),
        ("Verdieping 3", "floor"),
        ("Gang 3B", "gang"),
    ]:
        response = client.post(
            _url("cluster_create", stock),
            {"name": name, "kind": kind, "parent": parent or "", "position": 0},
        )
        assert response.status_code == 302, response.context["form"].errors
        parent = Cluster.objects.get(name=name).pk
    assert parent is not None
    deepest = Cluster.objects.get(pk=parent)
    assert deepest.parent.parent.parent.parent.name == "Terrein"
    detail = client.get(reverse("housing:complex_detail", args=[stock.complex.pk]))
    assert "Terrein / Gebouw A / Vleugel Oost / Verdieping 3 / Gang 3B" in detail.text


def test_a_parent_from_another_complex_is_refused(client: Client, stock: Stock) -> None:
    foreign = factories.cluster(factories.complex(stock.corporation))
    client.force_login(stock.officer)
    response = client.post(
        _url("cluster_create", stock),
        {"name": "Gang 2", "kind": "gang", "parent": foreign.pk, "position": 0},
    )
    assert "parent" in response.context["form"].errors
    assert not Cluster.objects.filter(name="Gang 2").exists()


def test_a_cluster_cannot_move_below_itself(client: Client, stock: Stock) -> None:
    child = factories.cluster(stock.complex, stock.gang, name="Hoek")
    client.force_login(stock.officer)
    form = client.get(_url("cluster_edit", stock, stock.gang.pk)).context["form"]
    assert [value for value, _ in form.fields["parent"].choices] == [""]
    response = client.post(
        _url("cluster_edit", stock, stock.gang.pk),
        {"name": "Gang 1", "kind": "gang", "parent": child.pk, "position": 0},
    )
    assert "parent" in response.context["form"].errors
    stock.gang.refresh_from_db()
    assert stock.gang.parent is None


def test_names_are_unique_per_place_and_have_no_slash(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    for name in ["gang 1", "Gang / 2"]:
        response = client.post(
            _url("cluster_create", stock),
            {"name": name, "kind": "gang", "parent": "", "position": 0},
        )
        assert "name" in response.context["form"].errors, name
    assert Cluster.objects.filter(complex=stock.complex).count() == 1


def test_a_cluster_holding_units_is_not_deleted(client: Client, stock: Stock) -> None:
    building = factories.cluster(stock.complex, name="Gebouw B", kind="building")
    stock.unit.cluster = factories.cluster(stock.complex, building, name="Gang B1")
    stock.unit.save()
    client.force_login(stock.officer)
    response = client.post(_url("cluster_delete", stock, building.pk))
    assert response.status_code == 200
    assert "kan niet worden verwijderd: het bevat nog 1 wooneenheid" in response.text
    assert Cluster.objects.filter(pk=building.pk).exists()


def test_an_empty_cluster_is_deleted_with_its_empty_parts(client: Client, stock: Stock) -> None:
    building = factories.cluster(stock.complex, name="Gebouw B", kind="building")
    factories.cluster(stock.complex, building, name="Gang B1")
    client.force_login(stock.officer)
    response = client.post(_url("cluster_delete", stock, building.pk), follow=True)
    assert "Cluster Gebouw B is verwijderd." in response.text
    assert list(Cluster.objects.filter(complex=stock.complex)) == [stock.gang]


def test_a_renamed_cluster_keeps_its_history(client: Client, stock: Stock) -> None:
    client.force_login(stock.officer)
    client.post(
        _url("cluster_edit", stock, stock.gang.pk),
        {"name": "Gang 1A", "kind": "gang", "parent": "", "position": 1},
    )
    response = client.get(_url("cluster_edit", stock, stock.gang.pk))
    assert "Gang 1 → Gang 1A" in response.text
