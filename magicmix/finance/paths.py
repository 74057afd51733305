"""Reading and writing a figure of a case document by its path ("unit_types[0].count")."""

from __future__ import annotations

import itertools
import re
from typing import Any

from .model.io import lookup

_TOKEN = re.compile(r"([A-Za-z_]\w*)|\[(\d+)\]")

__all__ = ["field_name", "lookup", "set_at", "tokens"]


def tokens(path: str) -> list[str | int]:
    return [name or int(index) for name, index in _TOKEN.findall(path)]


def field_name(path: str) -> str:
    """A form field name for a path: "unit_types-0-count"."""
    return "-".join(str(t) for t in tokens(path))


def set_at(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the figure at `path`, creating the objects and list entries on the way."""
    parts = tokens(path)
    node: Any = data
    for here, after in itertools.pairwise(parts):
        empty: Any = [] if isinstance(after, int) else {}
        if isinstance(here, int):
            while len(node) <= here:
                node.append({})
            if node[here] is None:
                node[here] = empty
        elif node.get(here) is None:
            node[here] = empty
        node = node[here]
    last = parts[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value
