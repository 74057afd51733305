"""Hands out the concrete units of a cell, lowest unit id first, so results never depend on input order."""

from __future__ import annotations

from ..problem import Problem


class Seats:
    def __init__(self, problem: Problem) -> None:
        self.free = [sorted(cell.units, reverse=True) for cell in problem.cells]

    def left(self, cell: int) -> int:
        return len(self.free[cell])

    def take(self, cell: int) -> str:
        return self.free[cell].pop()
