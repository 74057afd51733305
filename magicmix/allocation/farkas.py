"""Infeasibility proofs that outlive the solve that found them.

The serial modes solve one warm model many times with other bounds (`formulation.Warm`),
and most of those programmes are infeasible: they prove a refusal. HiGHS proves an LP
infeasible with a dual ray y (a Farkas certificate): with c = A'y, every x in the columns'
box gives c'x = y'(Ax), and the range of c'x over that box misses the range of y'r over the
rows' box. The matrix A never changes, so a certificate is checked against new bounds with
two sparse products, and a refusal it proves needs no solve. An infeasible LP leaves no
integral solution either, so the answer is the one the solve would have given.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import csc_matrix, csr_matrix, vstack

_BIG = 1e30  # stands for an infinite row bound (0 * inf would be nan)
_TINY = 1e-9  # ray entries below this are dropped (the check still holds for what is kept)


class Refuter:
    """Certificates of earlier infeasible solves of one model, checked against new bounds."""

    def __init__(self, matrix: csc_matrix, keep: int = 32) -> None:
        self.transposed = matrix.T.tocsr()
        self.keep = keep
        self.rays: list[tuple[csr_matrix, csr_matrix]] = []  # (y, c = A'y) as sparse rows
        self.used: list[int] = []  # per certificate: when it last proved something
        self.clock = 0
        self.refuted = 0  # solves this saved
        self._stack: tuple[csr_matrix, csr_matrix, csr_matrix, csr_matrix] | None = None

    def refutes(self, upper: np.ndarray, row_lo: np.ndarray, row_hi: np.ndarray) -> bool:
        """Whether a kept certificate proves that no x with 0 <= x <= upper meets the rows."""
        if not self.rays:
            return False
        if self._stack is None:
            y = vstack([r for r, _ in self.rays], format="csr")
            c = vstack([c for _, c in self.rays], format="csr")
            self._stack = (c.maximum(0), c.minimum(0), y.maximum(0), y.minimum(0))
        c_pos, c_neg, y_pos, y_neg = self._stack
        proven = _proves(c_pos, c_neg, y_pos, y_neg, upper, row_lo, row_hi)
        if not proven.any():
            return False
        self.clock += 1
        self.used[int(np.argmax(proven))] = self.clock
        self.refuted += 1
        return True

    def learn(
        self, ray: np.ndarray, upper: np.ndarray, row_lo: np.ndarray, row_hi: np.ndarray
    ) -> None:
        """Keep HiGHS's dual ray for an infeasible solve with these bounds, if it proves it."""
        y = np.where(np.abs(ray) < _TINY, 0.0, np.asarray(ray, dtype=np.float64))
        y_row = csr_matrix(y.reshape(1, -1))
        c_row = csr_matrix((self.transposed @ y).reshape(1, -1))
        if not _proves(
            c_row.maximum(0), c_row.minimum(0), y_row.maximum(0), y_row.minimum(0),
            upper, row_lo, row_hi,
        )[0]:  # fmt: skip
            return
        if len(self.rays) >= self.keep:  # drop the one unused longest
            stale = int(np.argmin(self.used))
            del self.rays[stale], self.used[stale]
        self.clock += 1
        self.rays.append((y_row, c_row))
        self.used.append(self.clock)
        self._stack = None


def _proves(
    c_pos: csr_matrix,
    c_neg: csr_matrix,
    y_pos: csr_matrix,
    y_neg: csr_matrix,
    upper: np.ndarray,
    row_lo: np.ndarray,
    row_hi: np.ndarray,
) -> np.ndarray:
    """Per certificate (row): whether the range of c'x over 0 <= x <= upper misses the range
    of y'r over row_lo <= r <= row_hi."""
    lo, hi = np.clip(row_lo, -_BIG, _BIG), np.clip(row_hi, -_BIG, _BIG)
    reach_lo, reach_hi = c_neg @ upper, c_pos @ upper
    need_lo = y_pos @ lo + y_neg @ hi
    need_hi = y_pos @ hi + y_neg @ lo
    tolerance = 1e-6 * np.maximum(1.0, np.maximum(np.abs(reach_lo), np.abs(reach_hi)))
    return np.asarray((reach_hi < need_lo - tolerance) | (reach_lo > need_hi + tolerance))
