"""Reading the housing stock: pages with links and totals, filters, sorting, camelCase."""

from __future__ import annotations

import pytest

from magicmix.housing.models import Unit
from magicmix.testing import factories

pytestmark = pytest.mark.django_db


def test_complexes_page_with_links_totals_filter_and_sort(api_as):
    corporation = factories.organisation()
    for name in ["Cedar", "Alder", "Birch"]:
        factories.complex(corporation, name=name, municipality="Utrecht")
    factories.complex(corporation, name="Dune", municipality="Zwolle")
    client = api_as(corporation)

    first = client.get("/complexes", municipality="Utrecht", sort="-name", pageSize=2).json()
    assert [c["name"] for c in first["results"]] == ["Cedar", "Birch"]
    assert (first["totalCount"], first["pageCount"], first["page"]) == (3, 2, 1)
    assert "prev" not in first["_links"] or first["_links"]["prev"] is None
    following = client.client.get(first["_links"]["next"]["href"], headers=client.headers).json()
    assert [c["name"] for c in following["results"]] == ["Alder"]
    assert following["_links"]["next"] is None
    assert "municipality=Utrecht" in following["_links"]["prev"]["href"]


def test_a_complex_reads_in_camel_case_with_iso_dates(api_as):
    corporation = factories.organisation()
    complex_ = factories.complex(corporation, name="Riekerhaven")
    body = api_as(corporation).get(f"/complexes/{complex_.pk}").json()
    assert body == {
        "id": complex_.pk,
        "organisationId": corporation.pk,
        "name": "Riekerhaven",
        "street": "Riekerhaven",
        "houseNumber": "1",
        "zipCode": "1066 AB",
        "city": "Amsterdam",
        "municipality": "Amsterdam",
        "exploitationStart": "2016-06-01",
        "exploitationEnd": "2031-06-01",
        "placementStyle": "speckled",
    }


def test_units_filter_by_status_and_sort_by_rent(api_as):
    corporation = factories.organisation()
    complex_ = factories.complex(corporation)
    gang = factories.cluster(complex_)
    factories.unit(gang, code="A", basic_rent="500.00")
    factories.unit(gang, code="B", basic_rent="400.00")
    factories.unit(gang, code="C", basic_rent="450.00", status=Unit.Status.RENOVATION)
    Unit.objects.filter(code="A").update(
        designation="soft", designated_dimension="role", designated_value="supported"
    )
    client = api_as(corporation)
    body = client.get(f"/complexes/{complex_.pk}/units", status="in_use", sort="basicRent").json()
    assert [(u["code"], u["basicRent"], u["designation"]) for u in body["results"]] == [
        ("B", "400.00", None),
        ("A", "500.00", {"strength": "soft", "dimension": "role", "value": "supported"}),
    ]
    clusters = client.get(f"/complexes/{complex_.pk}/clusters").json()
    assert [c["name"] for c in clusters["results"]] == [gang.name]


def test_ids_out_of_range_are_404_not_500(api_as):
    api = api_as(factories.organisation())
    for path in ["/complexes/99999999999999999999999", "/complexes/0", "/complexes/-5/units"]:
        assert api.get(path).status_code == 404, path
