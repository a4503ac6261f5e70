"""Which source files shape a computation: a module and, transitively, the project modules it imports.

Found by reading import statements (no importing), so that freshness checks stay cheap.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

OWN_PACKAGE = "actsite"
LIBRARIES = ("numpy", "matplotlib")


def module_file(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"no module named {module!r}")
    return Path(spec.origin)


def imported_modules(module: str, path: Path) -> set[str]:
    """Modules named by the import statements of one source file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.add(importlib.util.resolve_name("." * node.level + (node.module or ""), package))
    return found


def source_files(*modules: str) -> list[Path]:
    """The modules' files and, transitively, the files of the project modules (and packages) they import."""
    seen: dict[str, Path] = {}
    todo = list(modules)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen[name] = path = module_file(name)
        parent = name.rpartition(".")[0]   # importing a module runs its package's __init__ first
        todo += [m for m in [*imported_modules(name, path), parent]
                 if (m == OWN_PACKAGE or m.startswith(OWN_PACKAGE + ".")) and m not in seen]
    return sorted(set(seen.values()))


def content_hash(*modules: str, extra: str = "") -> str:
    """SHA-256 of the modules' sources (transitively), library versions and ``extra``."""
    digest = hashlib.sha256(extra.encode())
    for library in LIBRARIES:
        digest.update(f"{library}=={importlib.metadata.version(library)}".encode())
    for path in source_files(*modules):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
