#!/usr/bin/env python3
"""Regenerate stale figures into figures/.

usage: python scripts/build_figures.py [--only NAME ...] [--check] [--jobs N] [--out DIR]
exit status: 0 all fresh or drawn; 1 a figure failed, or (--check) some are stale; 2 bad usage.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from actsite.blas_check import BlasError, ensure_blas_works  # noqa: E402
from actsite.figures.build import FigureStore, build  # noqa: E402
from actsite.figures.registry import FIGURES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", metavar="NAME", help="build only these figures")
    parser.add_argument("--check", action="store_true", help="list stale figures; exit 1 if any")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="draw N figures at once")
    parser.add_argument("--out", type=Path, default=ROOT / "figures", help="output directory")
    args = parser.parse_args(argv)
    unknown = sorted(set(args.only or ()) - set(FIGURES))
    if unknown:
        parser.error(f"unknown figure(s): {', '.join(unknown)}; known: {', '.join(FIGURES)}")
    specs = [FIGURES[name] for name in (args.only or FIGURES)]
    try:
        ensure_blas_works()
    except BlasError as error:
        print(error, file=sys.stderr)
        return 1

    start = time.perf_counter()
    outcomes = build(FigureStore(args.out), specs, check=args.check, jobs=max(1, args.jobs))
    counts = {status: sum(o.status == status for o in outcomes)
              for status in ("drawn", "up to date", "stale", "failed")}
    summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
    print(f"total: {len(outcomes)} figures ({summary}) in {time.perf_counter() - start:.2f} s")
    if counts["failed"]:
        return 1
    if args.check and counts["stale"]:
        stale = ", ".join(o.name for o in outcomes if o.status == "stale")
        print(f"stale figures: {stale}; run `make figures` and commit figures/", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
