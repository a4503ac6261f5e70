"""How far a fresh timing of every function moves the ratios of the committed data/cost.json.

`make bench` calls :func:`drift`: it prints, per function, today's ratio to ReLU next to the
committed one (values and derivatives, in float64, the only type measured) and returns the summary
numbers the benchmark records in benchmarks/latest.json.  ``scripts/measure_cost.py --rerun`` calls
:func:`rerun` instead and commits its summary to :data:`RERUN`: that record, not the benchmark's, is
the one the build page quotes, so running `make bench` leaves the page's claims alone.
"""
from __future__ import annotations

import math
import statistics

from actsite.experiments import cost

RERUN = cost.DATA.with_name("cost-rerun.json")


def compare(committed: dict, fresh: dict, show: bool = False) -> dict:
    """The median |log change| of the ratios to ReLU, the factor of the largest change, and the largest factor by
    which the quotient of two ratios changed (what decides whether the two keep their order)."""
    then, now = cost.ratios(committed), cost.ratios(fresh)
    changes = {}
    for label in sorted(then):
        changes[label] = math.log(now[label] / then[label])
        key, part, _ = label
        if show:
            print(f"cost     {key:14s} {part:10s} committed {then[label]:8.2f}x  now {now[label]:8.2f}x", flush=True)
    worst = max(changes, key=lambda label: abs(changes[label]))
    return {"median_abs_log_change": statistics.median(abs(v) for v in changes.values()),
            "largest_change_factor": math.exp(abs(changes[worst])),
            "largest_pair_change_factor": math.exp(max(changes.values()) - min(changes.values())),
            "largest_change": f"{worst[0]} {worst[1]}"}


def drift(repeats: int = 7) -> dict:
    committed = cost.load()
    fresh = cost.measure(repeats, keys=list(committed["functions"]))
    print(f"cost: committed on {committed['machine']['cpu']} (numpy {committed['machine']['numpy']}), "
          f"now on {fresh['machine']['cpu']} (numpy {fresh['machine']['numpy']})", flush=True)
    return compare(committed, fresh, show=True)


def load_rerun(path=RERUN) -> dict:
    """The committed rerun record; a missing file names the command that writes it (not the one for cost.json)."""
    try:
        return cost.load(path)
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no rerun recorded; run `python scripts/measure_cost.py --rerun`") from None


def rerun(committed: dict, repeats: int, times: int = 3) -> dict:
    """``times`` fresh timings of the committed functions, each summarised by :func:`compare`, for :data:`RERUN`."""
    runs = [cost.measure(repeats, keys=list(committed["functions"])) for _ in range(times)]
    return {"runs": [compare(committed, fresh) for fresh in runs], "machine": runs[0]["machine"], "repeats": repeats}
