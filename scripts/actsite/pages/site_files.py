"""Files the site serves that live outside each language's docs_dir.

Both language projects serve the same figures (``figures/``), the same shared assets
(``docs/assets``) and the browser libraries installed from the npm lock file (``node_modules``). Maths is typeset at build time (``actsite.pages.typeset``): no MathJax is served.
This module lists them as (source path, destination path) pairs; the hook turns them into
MkDocs ``File`` objects, so nothing is ever written into a docs folder.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FIGURES_DIR = ROOT / "figures"
SHARED_ASSETS_DIR = ROOT / "docs" / "assets"
NODE_MODULES = ROOT / "node_modules"
# Browser libraries served from the npm lock's own copies (no CDN): source in node_modules, destination.
VENDOR = (("uplot/dist/uPlot.iife.min.js", "assets/vendor/uplot/uPlot.iife.min.js"),
          ("uplot/dist/uPlot.min.css", "assets/vendor/uplot/uPlot.min.css"),
          ("uplot/LICENSE", "assets/vendor/uplot/LICENSE"))


def _tree(source: Path, destination: str) -> list[tuple[Path, str]]:
    if source.is_file():
        return [(source, destination)]
    return [(path, f"{destination}/{path.relative_to(source).as_posix()}")
            for path in sorted(source.rglob("*")) if path.is_file()]


def figure_files() -> list[tuple[Path, str]]:
    return [(path, f"assets/figures/{path.name}") for path in sorted(FIGURES_DIR.glob("*.svg"))]


def shared_asset_files() -> list[tuple[Path, str]]:
    return _tree(SHARED_ASSETS_DIR, "assets") if SHARED_ASSETS_DIR.exists() else []


def vendor_files() -> list[tuple[Path, str]]:
    """The npm libraries the pages load (uPlot for the playground's charts)."""
    files = [(NODE_MODULES / source, destination) for source, destination in VENDOR]
    missing = [str(path) for path, _ in files if not path.is_file()]
    if missing:
        raise ValueError(f"missing {', '.join(missing)}: run `npm ci` (make setup) to install the pinned npm packages")
    return files


def site_files() -> list[tuple[Path, str]]:
    return figure_files() + shared_asset_files() + vendor_files()
