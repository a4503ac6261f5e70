"""What each declared function costs in numpy: run time as a ratio to ReLU, and numpy operations.

Every one-input function of :data:`actsite.maths.catalogue.EVERY` is timed, value and derivative at
its default parameters, on one fixed array of :data:`SIZE` elements in float64; each time is
the median of :data:`REPEATS` calls.  Only float64 is timed: every registered function converts
its input to float64 first, so timing a float32 input would time a conversion followed by float64
arithmetic.  The counts come from running the function once on a traced array: every numpy ufunc
or array function it applies to a whole array (``x * y`` is ``np.multiply``, ``np.where`` an
array function) counts as one operation, that is one pass over the data.  The measured numbers are committed in ``data/cost.json`` with the
machine they came from, so that the figure drawn from them does not change between builds.
"""
from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Callable

import numpy as np

from actsite.maths.catalogue import EVERY

SIZE = 1_000_000
SEED = 0
SPREAD = 3.0                      # inputs ~ N(0, 3^2): every piece of every function is used
DTYPES = ("float64",)             # see the module docstring: the functions compute in float64
PARTS = ("value", "derivative")
REPEATS = 41                      # the committed data/cost.json was measured with 41
BASELINE = "relu"
DATA = Path(__file__).resolve().parents[3] / "data" / "cost.json"
NUMERICS = ("OPENBLAS_NUM_THREADS", "OPENBLAS_CORETYPE", "NPY_DISABLE_CPU_FEATURES")


def sample(dtype: str) -> np.ndarray:
    return (SPREAD * np.random.default_rng(SEED).standard_normal(SIZE)).astype(dtype)


def part(key: str, name: str) -> Callable[[np.ndarray], np.ndarray]:
    act = EVERY[key]
    return act.f if name == "value" else act.df


class _Traced(np.ndarray):
    """An array that records each numpy operation applied to it (and to arrays made from it)."""

    log: Counter = Counter()

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        _Traced.log[ufunc.__name__ if method == "__call__" else f"{ufunc.__name__}.{method}"] += 1
        result = getattr(ufunc, method)(*_plain(inputs), **{k: _plain(v) for k, v in kwargs.items()})
        return _traced(result)

    def __array_function__(self, func, types, args, kwargs):
        _Traced.log[func.__name__] += 1
        return _traced(func(*_plain(args), **{k: _plain(v) for k, v in kwargs.items()}))

    def astype(self, *args, **kwargs):
        _Traced.log["astype"] += 1
        return _traced(self.view(np.ndarray).astype(*args, **kwargs))


def _plain(value):
    if isinstance(value, _Traced):
        return value.view(np.ndarray)
    if isinstance(value, (tuple, list)):
        return type(value)(_plain(v) for v in value)
    return value


def _traced(value):
    if isinstance(value, np.ndarray) and value.ndim:
        return value.view(_Traced)
    if isinstance(value, tuple):
        return tuple(_traced(v) for v in value)
    return value


def count_operations(fn: Callable[[np.ndarray], np.ndarray], x: np.ndarray) -> Counter:
    """The numpy operations ``fn`` applies to whole arrays, by name, when called on ``x``.

    The functions convert their input with ``np.asarray``, which would drop the tracing, so
    for this one call ``np.asarray`` keeps a traced array traced (and counts a conversion
    when it makes one)."""
    original = np.asarray

    def keep_traced(a, dtype=None, *args, **kwargs):
        if isinstance(a, _Traced):
            converted = original(a.view(np.ndarray), dtype, *args, **kwargs)
            if converted.dtype != a.dtype:
                _Traced.log["astype"] += 1
            return converted.view(_Traced)
        return original(a, dtype, *args, **kwargs)

    _Traced.log = Counter()
    np.asarray = keep_traced
    try:
        result = fn(np.array(x).view(_Traced))
    finally:
        np.asarray = original
    if not isinstance(result, _Traced) or result.shape != x.shape:
        raise TypeError(f"{fn.__module__}.{fn.__name__}: the result lost its tracing; its count would be wrong")
    return _Traced.log


def median_seconds(jobs: dict, repeats: int) -> dict:
    """Median seconds per call of each ``{label: (fn, x)}``.  The calls are interleaved, one
    round over every job at a time, so that a change in the machine's load while measuring
    falls on all functions alike rather than on the few measured at that moment."""
    for fn, x in jobs.values():
        fn(x)                                               # warm up: first-call allocations
    times = {label: [] for label in jobs}
    for _ in range(repeats):
        for label, (fn, x) in jobs.items():
            start = time.perf_counter()
            fn(x)
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(values) for label, values in times.items()}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> dict:
    return {"cpu": cpu_model(), "logical_cpus": os.cpu_count(), "numpy": np.__version__,
            "python": platform.python_version(), "system": f"{platform.system()} {platform.machine()}",
            "numerics": {name: os.environ.get(name, "") for name in NUMERICS}}


def measure(repeats: int = REPEATS, keys=None) -> dict:
    """Seconds per call (median) and operation counts for every function, value and derivative."""
    keys = list(keys or EVERY)
    arrays = {dtype: sample(dtype) for dtype in DTYPES}
    jobs = {(key, name, dtype): (part(key, name), arrays[dtype]) for key in keys for name in PARTS for dtype in DTYPES}
    with np.errstate(all="ignore"):
        seconds = median_seconds(jobs, repeats)
        functions = {key: {name: {
            "seconds": {dtype: seconds[key, name, dtype] for dtype in DTYPES},
            "operations": dict(sorted(count_operations(part(key, name), arrays[DTYPES[0]][:1000]).items())),
        } for name in PARTS} for key in keys}
    return {"machine": machine(), "size": SIZE, "repeats": repeats, "spread": SPREAD, "baseline": BASELINE,
            "functions": functions}


def ratios(data: dict) -> dict[tuple[str, str, str], float]:
    """{(key, part, dtype): seconds / the baseline's seconds for the same part and dtype}."""
    base = data["functions"][data["baseline"]]
    return {(key, name, dtype): entry[name]["seconds"][dtype] / base[name]["seconds"][dtype]
            for key, entry in data["functions"].items() for name in PARTS for dtype in DTYPES}


def operation_count(data: dict, key: str, name: str) -> int:
    return sum(data["functions"][key][name]["operations"].values())


def load(path: Path = DATA) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no measured cost; run `python scripts/measure_cost.py`") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"{path}, line {error.lineno}: not valid JSON ({error.msg})") from None


def dumps(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True) + "\n"
