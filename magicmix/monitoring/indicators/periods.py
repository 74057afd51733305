"""The periods an indicator is shown for: calendar quarters, half years, waves."""

from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    label: str
    start: datetime.date
    end: datetime.date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def until(self, day: datetime.date) -> Period:
        """This period cut off at `day` (a quarter still running)."""
        return Period(self.label, self.start, min(self.end, day))


def quarters(today: datetime.date, count: int = 4) -> list[Period]:
    """The last `count` calendar quarters, the running one (up to today) last."""
    year, quarter = today.year, (today.month - 1) // 3
    found = []
    for _ in range(count):
        start = datetime.date(year, 3 * quarter + 1, 1)
        next_start = datetime.date(year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1)
        found.append(
            Period(f"{year} K{quarter + 1}", start, next_start - datetime.timedelta(days=1))
        )
        year, quarter = (year - 1, 3) if quarter == 0 else (year, quarter - 1)
    return [period.until(today) for period in reversed(found)]


def half_years(today: datetime.date, count: int = 4) -> list[Period]:
    """The last `count` half years, the running one (up to today) last."""
    year, half = today.year, (today.month - 1) // 6
    found = []
    for _ in range(count):
        start = datetime.date(year, 6 * half + 1, 1)
        end = datetime.date(year, 6, 30) if half == 0 else datetime.date(year, 12, 31)
        found.append(Period(f"{year} H{half + 1}", start, end))
        year, half = (year - 1, 1) if half == 0 else (year, 0)
    return [period.until(today) for period in reversed(found)]


def months(today: datetime.date, count: int = 6) -> list[Period]:
    """The last `count` calendar months, the running one (up to today) last."""
    found = []
    start = today.replace(day=1)
    for _ in range(count):
        end = (start + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
        found.append(Period(f"{start.year}-{start.month:02d}", start, end))
        start = (start - datetime.timedelta(days=1)).replace(day=1)
    return [period.until(today) for period in reversed(found)]


def years(today: datetime.date, count: int = 4) -> list[int]:
    """The last `count` calendar years, the running one last."""
    return list(range(today.year - count + 1, today.year + 1))
