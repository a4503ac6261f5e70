"""Which source files shape a computation: a module and, transitively, the project modules it imports.

Found by reading import statements (no importing), so that freshness checks stay cheap.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import importlib.util
from pathlib import Path

OWN_PACKAGE = "actsite"
EXPERIMENTS = "actsite.experiments"      # cached("name") reads actsite.experiments.name
LIBRARIES = ("numpy", "matplotlib")


def module_file(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(f"no module named {module!r}")
    return Path(spec.origin)


def imported_modules(module: str, path: Path) -> set[str]:
    """Modules one source file depends on: those its import statements name, the submodules
    in ``from package import submodule``, and the experiments it reads with ``cached("name")``."""
    stat = path.stat()
    return set(_imported_modules(module, path, stat.st_mtime_ns, stat.st_size))


@functools.cache
def _imported_modules(module: str, path: Path, mtime_ns: int, size: int) -> frozenset[str]:
    """Parsed once per version of the file (a build hashes the same modules for every figure)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            source = importlib.util.resolve_name("." * node.level + (node.module or ""), package)
            found.add(source)
            found.update(_own_submodules(source, [alias.name for alias in node.names]))
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cached"
              and node.args and isinstance(node.args[0], ast.Constant)):
            found.add(f"{EXPERIMENTS}.{node.args[0].value}")
    return frozenset(found)


def _own_submodules(package: str, names: list[str]) -> set[str]:
    """Which of ``names`` are modules of one of the project's packages, looked up on disk
    (finding them with importlib would import the modules they sit beside)."""
    if not (package == OWN_PACKAGE or package.startswith(OWN_PACKAGE + ".")):
        return set()
    init = module_file(package)
    if init.name != "__init__.py":
        return set()
    return {f"{package}.{name}" for name in names
            if (init.parent / f"{name}.py").is_file() or (init.parent / name / "__init__.py").is_file()}


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


@functools.cache
def library_version(library: str) -> str:
    return importlib.metadata.version(library)


def script_imports(path: Path) -> set[str]:
    """The project modules a script outside the package (a notebook) imports directly."""
    return {m for m in imported_modules("__main__", Path(path)) if m == OWN_PACKAGE or m.startswith(OWN_PACKAGE + ".")}


def content_hash(*modules: str, extra: str = "") -> str:
    """SHA-256 of the modules' sources (transitively), library versions and ``extra``."""
    digest = hashlib.sha256(extra.encode())
    for library in LIBRARIES:
        digest.update(f"{library}=={library_version(library)}".encode())
    for path in source_files(*modules):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
