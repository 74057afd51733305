"""Build a scenario from the complex's own units, change inputs, preview and save."""

import pytest
from django.test import Client

from magicmix.accounts.models import User
from magicmix.finance.forms import CaseForm
from magicmix.finance.models import Scenario
from magicmix.housing.models import Complex

pytestmark = pytest.mark.django_db


def form_data(form: CaseForm, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def new_form(client: Client, complex_: Complex) -> CaseForm:
    response = client.get(f"/complexes/{complex_.pk}/finance/new/")
    assert response.status_code == 200
    form: CaseForm = response.context["form"]
    return form


def test_a_new_scenario_starts_from_the_units_of_the_complex(
    client: Client, complex_: Complex, letting: User
) -> None:
    client.force_login(letting)
    form = new_form(client, complex_)
    assert form.document["years"] == 15 and form.document["start_year"] == 2016
    types = {t["code"]: t for t in form.document["unit_types"]}
    assert types["studio"]["count"] == 12 and types["apartment"]["count"] == 4
    assert types["apartment"]["rents"][0]["rent_per_month"] == 650.0
    assert form.document["rthf"]["homes"] == 16
    assert (
        "magicmix: gemiddelde van de 4 eenheden"
        in form["unit_types-0-rents-0-rent_per_month"].help_text
    )
    assert "BZK Rekenmodel" in form["discount_rate"].help_text
    assert form["discount_rate"].initial == 5.24  # shown as a percentage


def test_save_with_a_changed_rent_records_who_entered_it(
    client: Client, complex_: Complex, letting: User
) -> None:
    client.force_login(letting)
    form = new_form(client, complex_)
    before = CaseForm(form_data(form), complex_=complex_, document=form.document, author="x")
    assert before.is_valid(), before.errors
    response = client.post(
        f"/complexes/{complex_.pk}/finance/new/",
        form_data(form, name="Hogere huur", **{"unit_types-1-rents-0-rent_per_month": "600"}),
    )
    scenario = Scenario.objects.get(name="Hogere huur")
    assert response.status_code == 302
    assert response["Location"] == f"/complexes/{complex_.pk}/finance/{scenario.pk}/"
    document = scenario.document
    assert document["unit_types"][1]["rents"][0]["rent_per_month"] == 600
    source = document["sources"]["unit_types[1].rents[0].rent_per_month"]
    assert source["source"] == "ingevoerd door Ruben Jansen"
    assert scenario.result().npv > _npv(before)


def _npv(form: CaseForm) -> float:
    from magicmix.finance.model import evaluate

    assert form.case is not None
    return evaluate(form.case).npv


def test_htmx_preview_shows_the_new_npv_without_saving(
    client: Client, complex_: Complex, letting: User
) -> None:
    client.force_login(letting)
    form = new_form(client, complex_)
    response = client.post(
        f"/complexes/{complex_.pk}/finance/new/",
        form_data(form, **{"unit_types-0-investment_per_unit": "80000"}),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert '<dd data-figure="npv">' in response.text and "<svg" in response.text
    assert "<html" not in response.text
    assert response.context["result"].case.unit_types[0].investment_per_unit == 80000
    assert not Scenario.objects.exists()


def test_problems_land_on_their_field_and_nothing_is_saved(
    client: Client, complex_: Complex, letting: User
) -> None:
    client.force_login(letting)
    form = new_form(client, complex_)
    url = f"/complexes/{complex_.pk}/finance/new/"
    too_high = client.post(url, form_data(form, **{"residual-stay": "90"}))
    errors = too_high.context["form"].errors
    assert errors["residual-stay"] == ["Zorg ervoor dat deze waarde hoogstens 85 is."]
    half_row = client.post(url, form_data(form, **{"relocations-1-year": "3"}))
    errors = half_row.context["form"].errors
    assert errors["relocations-1-cost_share"] == ["Dit veld is verplicht."]  # the whole new row
    sums = client.post(url, form_data(form, **{"unit_types-0-rents-0-share": "50"}))
    errors = sums.context["form"].errors
    # The shares of a unit type are a group: the problem is on the form as a whole.
    assert errors["__all__"] == ["the shares of the contract types add up to 0.75, not 1"]
    assert not Scenario.objects.exists()


def test_add_and_remove_a_relocation_keeps_the_sources_right(
    client: Client, scenario: Scenario, letting: User
) -> None:
    client.force_login(letting)
    url = f"/complexes/{scenario.complex.pk}/finance/{scenario.pk}/edit/"
    form = client.get(url).context["form"]
    data = form_data(
        form,
        **{
            "relocations-0-remove": "on",
            "relocations-1-year": "5",
            "relocations-1-cost_share": "25",
            "relocations-1-municipality_share": "0",
            "relocations-1-vacant_months": "2",
        },
    )
    assert client.post(url, data).status_code == 302
    scenario.refresh_from_db()
    assert scenario.document["relocations"] == [
        {"year": 5, "cost_share": 0.25, "municipality_share": 0.0, "vacant_months": 2.0}
    ]
    assert scenario.document["sources"]["relocations[0].cost_share"]["source"].startswith(
        "ingevoerd door"
    )


def test_switching_the_rthf_off(client: Client, scenario: Scenario, letting: User) -> None:
    client.force_login(letting)
    url = f"/complexes/{scenario.complex.pk}/finance/{scenario.pk}/edit/"
    form = client.get(url).context["form"]
    data = form_data(form)
    del data["rthf-enabled"]
    assert client.post(url, data).status_code == 302
    scenario.refresh_from_db()
    assert scenario.document["rthf"] is None
    assert scenario.case.rthf is None
    assert not any(p.startswith("rthf.") for p in scenario.document["sources"])
