"""The seam with the engine: the Django side copies the engine's enums for its forms and
models, and reaches the engine only through its public package (`magicmix.allocation`)."""

from __future__ import annotations

import ast
from pathlib import Path

from magicmix import allocation as engine
from magicmix.people.models import Role, SupportNeed
from magicmix.rounds.forms import RoundForm
from magicmix.rounds.models import Dimension
from magicmix.rounds.models.round import RANKING_KEYS, Mode

ROOT = Path(__file__).resolve().parents[2]  # the magicmix package


def test_every_enum_copied_from_the_engine_has_the_same_members() -> None:
    assert set(Mode.values) == {m.value for m in engine.Mode}
    assert {key for key, _ in RANKING_KEYS} == {k.value for k in engine.PriorityKey}
    assert set(Dimension.values) == {d.value for d in engine.Dimension}
    assert set(Role.values) == {r.value for r in engine.Role}
    assert set(SupportNeed.values) == {s.value for s in engine.SupportLevel}
    places = {value for value, _ in RoundForm.base_fields["without_score"].choices}  # type: ignore[attr-defined]
    assert places <= {p.value for p in engine.Place}


def test_no_module_outside_the_engine_imports_an_engine_internal_module() -> None:
    found = []
    for path in ROOT.rglob("*.py"):
        if ROOT / "allocation" in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            internal = [
                n
                for n in names
                if n.startswith("magicmix.allocation.")
                and n.split(".")[2] not in set(engine.__all__)
            ]
            if internal:
                found.append(f"{path.relative_to(ROOT)}: {internal}")
    assert not found, found
