"""Small counts stay hidden, also where a published sum would give them away."""

from magicmix.composition.disclosure import Visibility, protect
from magicmix.composition.mix import ClusterRow, Resident, UnitRow, roll_up

SUP, VRA = "supporting", "supported"
ROLES = {"roles": [SUP, VRA]}
SHOWN, SMALL, HIDDEN = Visibility.SHOWN, Visibility.SMALL, Visibility.HIDDEN


def units(cluster: int, supporting: int, supported: int, start: int) -> list[UnitRow]:
    roles = [SUP] * supporting + [VRA] * supported
    return [
        UnitRow(start + i, f"U{start + i}", cluster, True, "in_use", (Resident(1, role, "none"),))
        for i, role in enumerate(roles)
    ]


def test_a_lone_small_count_takes_a_second_cell_with_it_in_its_row_and_column() -> None:
    # Gang A: 10 dragend, 2 vragend. Gang B: 8 dragend, 9 vragend.
    clusters = [ClusterRow(1, None, "A", "gang"), ClusterRow(2, None, "B", "gang")]
    root = roll_up(clusters, units(1, 10, 2, 0) + units(2, 8, 9, 100))
    seen = protect(root, ROLES)

    assert seen[(1, "roles", VRA)] == SMALL  # 2 → "<5"
    # Else 12 − 10 (row A) or 11 − 9 (complex − gang B) gives the 2 back:
    assert seen[(1, "roles", SUP)] == HIDDEN
    assert seen[(2, "roles", VRA)] == HIDDEN
    # ... and then 17 − 8 would give gang B's 9 back:
    assert seen[(2, "roles", SUP)] == HIDDEN
    assert seen[(1, "residents", "")] == seen[(2, "residents", "")] == SHOWN
    assert [seen[(None, "roles", role)] for role in (SUP, VRA)] == [SHOWN, SHOWN]


def test_zero_is_below_five_too() -> None:
    root = roll_up([ClusterRow(1, None, "A", "gang")], units(1, 12, 0, 0))
    seen = protect(root, ROLES)
    assert seen[(1, "roles", VRA)] == SMALL
    assert seen[(1, "roles", SUP)] == HIDDEN  # 12 − 12 would say "nobody here is vragend"


def test_residents_of_a_cluster_own_units_cannot_be_worked_out() -> None:
    # A building with one resident in its own unit, and a gang of 10 dragend, 6 vragend.
    clusters = [ClusterRow(1, None, "Gebouw", "building"), ClusterRow(2, 1, "Gang", "gang")]
    root = roll_up(clusters, units(1, 1, 0, 0) + units(2, 10, 6, 100))
    seen = protect(root, ROLES)
    # Building − gang would be that one resident's role; so the gang's figures are hidden.
    assert [
        seen[(2, dim, cat)] for dim, cat in [("residents", ""), ("roles", SUP), ("roles", VRA)]
    ] == [HIDDEN] * 3
    assert [seen[(1, "roles", role)] for role in (SUP, VRA)] == [SHOWN, SHOWN]


def test_large_counts_everywhere_hide_nothing() -> None:
    root = roll_up([ClusterRow(1, None, "A", "gang")], units(1, 6, 7, 0))
    assert set(protect(root, ROLES).values()) == {SHOWN}
