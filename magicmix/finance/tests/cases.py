"""The example cases of docs/finance.md, shipped in magicmix/finance/examples."""

from pathlib import Path

from magicmix.finance.model import Case
from magicmix.finance.model.io import load_case

EXAMPLES = Path(__file__).parents[1] / "examples"
DEFAULT = Path(__file__).parents[1] / "data" / "default-case.json"


def example(name: str) -> Case:
    return load_case(EXAMPLES / f"{name}.json")


def default() -> Case:
    return load_case(DEFAULT)
