"""The tree roll-up, against numbers worked out by hand."""

import pytest

from magicmix.composition.mix import ClusterRow, Resident, UnitRow, roll_up

SUP, VRA = "supporting", "supported"
STUDENT, STATUSHOUDER = 10, 11


def unit(id_: int, cluster: int, *residents: Resident, in_use: bool = True) -> UnitRow:
    status = "in_use" if in_use else "renovation"
    return UnitRow(id_, f"U{id_}", cluster, in_use, status, residents)


CLUSTERS = [
    ClusterRow(1, None, "Gebouw", "building"),
    ClusterRow(2, 1, "Verdieping 1", "floor"),
    ClusterRow(3, 1, "Verdieping 2", "floor"),
    ClusterRow(4, 2, "Gang 1", "gang"),
    ClusterRow(5, 3, "Gang 2", "gang"),
    ClusterRow(6, 3, "Gang 3", "gang"),
]
UNITS = [
    unit(1, 4, Resident(STUDENT, SUP, "none")),
    unit(2, 4),
    unit(3, 4, in_use=False),
    unit(4, 5, Resident(STATUSHOUDER, VRA, "light")),
    unit(5, 5, Resident(STUDENT, SUP, "none")),
    unit(6, 6, Resident(STATUSHOUDER, VRA, "intensive")),
    unit(7, 1),  # a unit directly in the building, vacant
]


def test_every_level_totals_its_own_units_and_everything_below() -> None:
    root = roll_up(CLUSTERS, UNITS)
    nodes = {node.key: node for node in root.walk()}
    gang1, floor2, building = nodes[4].tally, nodes[3].tally, nodes[1].tally

    assert (gang1.places, gang1.occupied, gang1.vacant, gang1.out_of_use) == (2, 1, 1, 1)
    assert gang1.occupancy == 50
    assert (floor2.places, floor2.occupied, floor2.residents) == (3, 3, 3)
    assert floor2.groups == {STUDENT: 1, STATUSHOUDER: 2}
    assert nodes[2].tally == gang1

    assert (building.places, building.occupied, building.vacant) == (6, 4, 2)
    assert building.occupancy == pytest.approx(66.67, abs=0.01)
    assert building.roles == {SUP: 2, VRA: 2}
    assert building.needs == {"none": 2, "light": 1, "intensive": 1}
    assert root.tally == building


def test_walk_goes_parent_first_in_the_given_order_with_depths() -> None:
    root = roll_up(CLUSTERS, UNITS)
    assert [(node.key, node.depth) for node in root.walk()] == [
        (None, 0),
        (1, 1),
        (2, 2),
        (4, 3),
        (3, 2),
        (5, 3),
        (6, 3),
    ]
    assert [u.id for u in root.children[0].units] == [7]


def test_strays_count_for_the_complex() -> None:
    orphan = ClusterRow(9, 99, "Los", "gang")  # its parent is not in the complex
    root = roll_up([orphan], [unit(1, 9, Resident(STUDENT, SUP, "none")), unit(2, 42)])
    assert [child.key for child in root.children] == [9]
    assert (root.tally.places, root.tally.residents) == (2, 1)
    assert [u.id for u in root.units] == [2]


def test_no_places_means_no_occupancy() -> None:
    root = roll_up([], [unit(1, 1, in_use=False)])
    assert root.tally.occupancy is None
    assert root.tally.out_of_use == 1
