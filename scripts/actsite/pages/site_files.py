"""Files the site serves that live outside each language's docs_dir.

Both language projects serve the same figures (``figures/``) and the same shared assets
(``docs/assets``). Maths is typeset at build time (``actsite.pages.typeset``): no MathJax is served.
This module lists them as (source path, destination path) pairs; the hook turns them into
MkDocs ``File`` objects, so nothing is ever written into a docs folder.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FIGURES_DIR = ROOT / "figures"
SHARED_ASSETS_DIR = ROOT / "docs" / "assets"


def _tree(source: Path, destination: str) -> list[tuple[Path, str]]:
    if source.is_file():
        return [(source, destination)]
    return [(path, f"{destination}/{path.relative_to(source).as_posix()}")
            for path in sorted(source.rglob("*")) if path.is_file()]


def figure_files() -> list[tuple[Path, str]]:
    return [(path, f"assets/figures/{path.name}") for path in sorted(FIGURES_DIR.glob("*.svg"))]


def shared_asset_files() -> list[tuple[Path, str]]:
    return _tree(SHARED_ASSETS_DIR, "assets") if SHARED_ASSETS_DIR.exists() else []


def site_files() -> list[tuple[Path, str]]:
    return figure_files() + shared_asset_files()
