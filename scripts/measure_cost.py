#!/usr/bin/env python3
"""Time every declared activation function in numpy and write data/cost.json.

usage: python scripts/measure_cost.py [--repeats N] [--out PATH]

Run it on a quiet machine; the file records which machine that was.  Then `make figures`
redraws the cost figure from it.  `make bench` re-measures and prints the drift instead.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import actsite  # noqa: E402,F401 - pins the numerics before numpy loads
from actsite.experiments import cost  # noqa: E402
from actsite.atomic import write_atomic  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=cost.REPEATS)
    parser.add_argument("--out", type=Path, default=cost.DATA)
    args = parser.parse_args(argv)
    data = cost.measure(args.repeats)
    write_atomic(args.out, cost.dumps(data).encode())
    for (key, part, dtype), ratio in sorted(cost.ratios(data).items()):
        print(f"{key:14s} {part:10s} {dtype}  {ratio:8.2f} x ReLU")
    print(f"wrote {args.out} ({data['machine']['cpu']}, numpy {data['machine']['numpy']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
