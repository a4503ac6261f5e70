"""Files the site serves that live outside each language's docs_dir.

Both language projects serve the same figures (``figures/``), the same self-hosted MathJax
(npm ``mathjax``, copied from ``node_modules``) and the same shared assets (``docs/assets``).
This module lists them as (source path, destination path) pairs; the hook turns them into
MkDocs ``File`` objects, so nothing is ever written into a docs folder.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIGURES_DIR = ROOT / "figures"
SHARED_ASSETS_DIR = ROOT / "docs" / "assets"
MATHJAX_DIR = ROOT / "node_modules" / "mathjax" / "es5"
# The combined TeX+CHTML bundle, its fonts, and the parts it loads on demand
# (TeX extensions by \require or autoload, the menu, accessibility and speech).
MATHJAX_PARTS = ("tex-mml-chtml.js", "input", "output/chtml", "ui", "a11y", "sre", "adaptors")


class MissingAssetError(FileNotFoundError):
    pass


def _tree(source: Path, destination: str) -> list[tuple[Path, str]]:
    if source.is_file():
        return [(source, destination)]
    return [(path, f"{destination}/{path.relative_to(source).as_posix()}")
            for path in sorted(source.rglob("*")) if path.is_file()]


def figure_files() -> list[tuple[Path, str]]:
    return [(path, f"assets/figures/{path.name}") for path in sorted(FIGURES_DIR.glob("*.svg"))]


def mathjax_files() -> list[tuple[Path, str]]:
    if not (MATHJAX_DIR / "tex-mml-chtml.js").exists():
        raise MissingAssetError(
            f"{MATHJAX_DIR}: MathJax is not installed; run `npm ci` (make serve / make build do)")
    files = []
    for part in MATHJAX_PARTS:
        files += _tree(MATHJAX_DIR / part, f"assets/mathjax/{part}")
    return files


def shared_asset_files() -> list[tuple[Path, str]]:
    return _tree(SHARED_ASSETS_DIR, "assets") if SHARED_ASSETS_DIR.exists() else []


def site_files() -> list[tuple[Path, str]]:
    return figure_files() + mathjax_files() + shared_asset_files()
