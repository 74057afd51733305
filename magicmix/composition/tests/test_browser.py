import pytest

from magicmix.accounts.models import Organisation, Role
from magicmix.conftest import assert_accessible, log_in
from magicmix.housing.models import Unit
from magicmix.testing import factories

from .conftest import build

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_see_the_building_and_switch_to_roles(page) -> None:
    org = factories.organisation()
    building = build(org, floors=2, gangs_per_floor=3, units_per_gang=20)
    staff = factories.user(org, Role.LETTING)
    log_in(page, staff.email)
    page.goto(f"/complexes/{building.complex.pk}/mix/")
    picture = page.locator("#mix-picture")
    assert picture.locator(".mm-tiles > li").count() == 120
    vacant = picture.locator(".mm-tile--vacant").first
    assert vacant.is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="rol").click()
    page.wait_for_url("**by=role**")
    assert picture.locator(".mm-tiles .mm-tile--supported").count() == 57
    assert page.locator("#mix-picture [aria-current=true]").inner_text() == "rol"
    assert_accessible(page)


def test_policy_officer_sees_small_counts_hidden_and_no_picture(page) -> None:
    org = factories.organisation()
    building = build(org, floors=1, gangs_per_floor=2, units_per_gang=6)
    municipality = factories.organisation(Organisation.Kind.MUNICIPALITY)
    factories.partner(building.complex, municipality)
    officer = factories.user(municipality, Role.POLICY_OFFICER)
    log_in(page, officer.email)
    page.goto(f"/complexes/{building.complex.pk}/mix/")
    assert page.get_by_text("<5").first.is_visible()
    assert page.locator("#mix-picture").count() == 0
    assert "Fenna" not in page.content()
    assert_accessible(page)


def fits(page) -> bool:
    """Nothing sticks out sideways: the page body needs no horizontal scrolling."""
    return page.evaluate(
        "() => document.body.scrollWidth <= document.body.clientWidth"
        " && document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )


def test_the_mix_page_counts_as_the_complex_list_and_fits_a_phone_and_a_laptop(page) -> None:
    org = factories.organisation()
    building = build(org, floors=2, gangs_per_floor=3, units_per_gang=20)
    # The last unit of each gang is vacant (6); one of those is under renovation, so it is a
    # unit but not a place, and not vacant: 120 units, 119 places, 5 vacant.
    renovated = building.units[19]
    renovated.status = Unit.Status.RENOVATION
    renovated.save()
    staff = factories.user(org, Role.LETTING)
    log_in(page, staff.email)
    page.goto("/complexes/")
    row = page.get_by_role("row", name=building.complex.name)
    assert row.locator("td").all_inner_texts()[-2:] == ["120", "5"]
    for width, height in ((390, 844), (1366, 768)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"/complexes/{building.complex.pk}/mix/")
        summary = page.locator(".mm-summary").first
        figures = dict(
            zip(
                summary.locator("dt").all_inner_texts(),
                summary.locator("dd").all_inner_texts(),
                strict=True,
            )
        )
        assert (figures["Wooneenheden"], figures["Plaatsen (eenheden in gebruik)"]) == (
            "120",
            "119",
        )
        assert figures["Leeg"] == "5"
        assert fits(page), width
    assert_accessible(page)
