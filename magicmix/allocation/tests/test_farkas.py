"""Kept infeasibility certificates (`farkas.Refuter`) refute only what is infeasible.

Random small LPs with integer data, bounds as the warm model changes them (column upper
bounds, row ranges, equality rows). Each refutation is checked by a fresh HiGHS solve of the
same bounds, which must find the LP infeasible; a certificate learned from a solve must
refute that solve's own bounds, and some of the perturbed bounds must be refuted too (else the
check would be vacuous).
"""

from __future__ import annotations

import highspy
import numpy as np
import pytest
from scipy.sparse import csc_matrix

from magicmix.allocation.farkas import Refuter


def _matrix(rows: int, cols: int, rng: np.random.Generator) -> csc_matrix:
    dense = rng.integers(-2, 3, (rows, cols)) * (rng.random((rows, cols)) < 0.4)
    return csc_matrix(dense.astype(float))


def _bounds(
    rng: np.random.Generator, rows: int, cols: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    upper = rng.integers(0, 3, cols).astype(float)
    lo = rng.integers(-2, 4, rows).astype(float)
    hi = lo + rng.integers(0, 3, rows)
    lo[rng.random(rows) < 0.2] = -np.inf
    hi[rng.random(rows) < 0.2] = np.inf
    return upper, lo, hi


def _solve(matrix: csc_matrix, upper: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> highspy.Highs:
    lp = highspy.HighsLp()
    lp.num_col_, lp.num_row_ = matrix.shape[1], matrix.shape[0]
    lp.col_cost_ = np.zeros(matrix.shape[1])
    lp.col_lower_ = np.zeros(matrix.shape[1])
    lp.col_upper_ = upper
    lp.row_lower_, lp.row_upper_ = lo, hi
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = matrix.indptr
    lp.a_matrix_.index_ = matrix.indices
    lp.a_matrix_.value_ = matrix.data
    highs = highspy.Highs()  # type: ignore[no-untyped-call]
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("presolve", "off")  # presolve may find infeasibility without a ray
    highs.passModel(lp)
    highs.run()
    return highs


def _ray(highs: highspy.Highs) -> np.ndarray | None:
    _, found, ray = highs.getDualRay()  # type: ignore[attr-defined]
    return np.asarray(ray) if found else None


def _infeasible(highs: highspy.Highs) -> bool:
    return bool(highs.getModelStatus() == highspy.HighsModelStatus.kInfeasible)


@pytest.mark.parametrize("seed", range(30))
def test_refutations_are_infeasible(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows, cols = 6, 10
    matrix = _matrix(rows, cols, rng)
    refuter = Refuter(matrix, keep=4)
    for _ in range(40):
        upper, lo, hi = _bounds(rng, rows, cols)
        if refuter.refutes(upper, lo, hi):
            assert _infeasible(_solve(matrix, upper, lo, hi))
            continue
        highs = _solve(matrix, upper, lo, hi)
        if _infeasible(highs):
            ray = _ray(highs)
            if ray is not None:
                refuter.learn(ray, upper, lo, hi)
                assert refuter.refutes(upper, lo, hi)


def test_some_new_bounds_are_refuted() -> None:
    refuted = 0
    for seed in range(30):
        rng = np.random.default_rng(seed)
        matrix = _matrix(6, 10, rng)
        refuter = Refuter(matrix)
        for _ in range(40):
            upper, lo, hi = _bounds(rng, 6, 10)
            if refuter.refutes(upper, lo, hi):
                refuted += 1
                continue
            highs = _solve(matrix, upper, lo, hi)
            if _infeasible(highs):
                ray = _ray(highs)
                if ray is not None:
                    refuter.learn(ray, upper, lo, hi)
    assert refuted > 0
