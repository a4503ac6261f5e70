"""The package's folders are its layers: each imports only from the layers below it.

    base (actsite/*.py: numerics pins, atomic writes, source hashing)
      < maths < experiments < figures < pages < tooling
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "actsite"
LAYERS = ("maths", "experiments", "figures", "pages", "tooling")   # bottom to top


def layer_of(module: str) -> int:
    """0 for the base modules at the package's top, then 1.. for each layer folder."""
    parts = module.split(".")
    return LAYERS.index(parts[1]) + 1 if len(parts) > 2 and parts[1] in LAYERS else 0


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def own_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import of an ``actsite`` module in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found += [(node.lineno, f"{node.module}.{alias.name}") if node.module in ("actsite", *(f"actsite.{l}" for l in LAYERS))
                      else (node.lineno, node.module) for alias in node.names]
    return [(line, name) for line, name in found if name == "actsite" or name.startswith("actsite.")]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_sits_in_a_known_layer():
    folders = {path.parent.name for path in MODULES if path.parent != PACKAGE}
    assert folders == set(LAYERS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_or_sideways(path):
    own = layer_of(module_name(path))
    upward = [f"{path.relative_to(PACKAGE.parent)}:{line} imports {name} ({LAYERS[layer_of(name) - 1]})"
              for line, name in own_imports(path) if layer_of(name) > own]
    assert not upward, "\n".join(upward)


def test_the_layer_rule_can_fail():
    """The rule itself: a maths module importing a figure module would be refused."""
    assert layer_of("actsite.figures.registry") > layer_of("actsite.maths.functions") > layer_of("actsite.atomic")
