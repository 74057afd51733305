"""The start page: what each role has to do now, with counts and links.

Every app that gives a role work contributes one function `tasks(user) -> list[Task]` in its own
`start.py` and names it in `SOURCES`. The start page shows the tasks with a count above zero,
most urgent first; an app's function queries only what the user may see, through the app's own
`visible_to` / `editable_by` querysets, so the start page adds no access rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import import_string

from magicmix.accounts.models import User


@dataclass(frozen=True)
class Task:
    label: str | Promise  # "Checks to review"
    count: int
    url: str
    urgent: bool = False  # e.g. offers about to expire: shown first, marked


# Dotted paths of the apps' `tasks` functions, in the order their tasks are shown.
SOURCES: tuple[str, ...] = (
    "magicmix.legal.start.tasks",
    "magicmix.rounds.start.tasks",
    "magicmix.selection.start.tasks",
    "magicmix.tenancies.start.tasks",
    "magicmix.community.start.tasks",
    "magicmix.monitoring.start.tasks",
)


def tasks_for(user: User) -> list[Task]:
    found = [task for source in SOURCES for task in _load(source)(user) if task.count]
    return sorted(found, key=lambda task: not task.urgent)


def _load(source: str) -> Callable[[User], list[Task]]:
    loaded: Callable[[User], list[Task]] = import_string(source)
    return loaded
