"""For `make bench`: measure the cost of every function again and compare with data/cost.json.

Prints, per function, today's ratio to ReLU next to the committed one (values and derivatives, in
float64, the only type measured), and returns the summary numbers the benchmark records.  Nothing
is written: the committed data change only through scripts/measure_cost.py.
"""
from __future__ import annotations

import math
import statistics

from actsite.experiments import cost


def drift(repeats: int = 7) -> dict:
    committed = cost.load()
    fresh = cost.measure(repeats, keys=list(committed["functions"]))
    then, now = cost.ratios(committed), cost.ratios(fresh)
    print(f"cost: committed on {committed['machine']['cpu']} (numpy {committed['machine']['numpy']}), "
          f"now on {fresh['machine']['cpu']} (numpy {fresh['machine']['numpy']})", flush=True)
    changes = {}
    for label in sorted(then):
        changes[label] = math.log(now[label] / then[label])
        key, part, _ = label
        print(f"cost     {key:14s} {part:10s} committed {then[label]:8.2f}x  now {now[label]:8.2f}x", flush=True)
    worst = max(changes, key=lambda label: abs(changes[label]))
    return {"median_abs_log_change": statistics.median(abs(v) for v in changes.values()),
            "largest_change_factor": math.exp(abs(changes[worst]))}
