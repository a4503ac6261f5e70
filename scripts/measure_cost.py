#!/usr/bin/env python3
"""Time every declared activation function in numpy and write data/cost.json.

usage: python scripts/measure_cost.py [--repeats N] [--out PATH] [--rerun]

Run it on a quiet machine; the file records which machine that was.  Then `make figures`
redraws the cost figure from it.  `--rerun` times everything three more times, leaves
data/cost.json alone and records in data/cost-rerun.json how far the ratios moved (the build page
quotes it).  `make bench` re-measures and prints the drift without writing either file.
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import actsite  # noqa: E402,F401 - pins the numerics before numpy loads
from actsite.experiments import cost  # noqa: E402
from actsite.atomic import write_atomic  # noqa: E402
from actsite.tooling import cost_drift  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=cost.REPEATS)
    parser.add_argument("--out", type=Path, default=cost.DATA)
    parser.add_argument("--rerun", action="store_true",
                        help=f"time again and write the drift from data/cost.json to {cost_drift.RERUN.name}")
    args = parser.parse_args(argv)
    if args.rerun:
        record = cost_drift.rerun(cost.load(args.out), args.repeats)
        write_atomic(cost_drift.RERUN, cost.dumps(record).encode())
        for run in record["runs"]:
            print(f"rerun: median change x{math.exp(run['median_abs_log_change']):.3f}, "
                  f"largest x{run['largest_change_factor']:.3f}, between two x{run['largest_pair_change_factor']:.3f}")
        print(f"wrote {cost_drift.RERUN}")
        return 0
    data = cost.measure(args.repeats)
    write_atomic(args.out, cost.dumps(data).encode())
    for (key, part, dtype), ratio in sorted(cost.ratios(data).items()):
        print(f"{key:14s} {part:10s} {dtype}  {ratio:8.2f} x ReLU")
    print(f"wrote {args.out} ({data['machine']['cpu']}, numpy {data['machine']['numpy']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
