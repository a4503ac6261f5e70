#!/usr/bin/env python3
"""Build the whole site (both languages) strictly, replacing site/ only when the build succeeds.

usage: python scripts/build_site.py [--config-file mkdocs.yml] [--site-dir DIR]
A failed build prints MkDocs' error (which names the file) and leaves the last good site intact.
"""
from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import actsite  # noqa: E402,F401 - single-threaded BLAS for reproducible experiments


def build_into(config_file: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(config_file), site_dir=str(site_dir), strict=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config-file", type=Path, default=ROOT / "mkdocs.yml")
    parser.add_argument("--site-dir", type=Path, help="default: site/ beside the config file")
    args = parser.parse_args(argv)
    config_file = args.config_file.resolve()
    target = (args.site_dir or config_file.parent / "site").resolve()
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    os.chdir(config_file.parent)
    target.parent.mkdir(parents=True, exist_ok=True)       # --site-dir may name a folder not made yet
    staging = Path(tempfile.mkdtemp(prefix=".site-", dir=target.parent))
    try:
        build_into(config_file, staging)
    except BaseException as error:  # noqa: BLE001 - report any build failure, keep the old site
        shutil.rmtree(staging, ignore_errors=True)
        print(f"build failed, {target} left as it was: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    previous = target.with_name(f".{target.name}-previous")
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        os.replace(target, previous)
    os.replace(staging, target)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"site built in {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
