"""Every activation in five floating-point formats: where it rounds to its asymptote, where its
derivative does, and where the exponentials of its textbook formula overflow.

**What "f evaluated in format F" means here.**  The input ``x`` is a value of F (every finite
value of F is tried), and the output is the exact ``f(x)`` rounded once to the nearest value
of F (ties to even), computed as the float64 value of :data:`actsite.maths.catalogue.EVERY`
cast to F: the correctly rounded value.  That is the best any kernel can return.  For the 8-
and 16-bit formats it is what an element-wise kernel returns when it computes in float32 and
rounds the result once, so those thresholds belong to the format, not to an implementation.
For float32 itself it is an ideal that float32 kernels need not reach
(:func:`float32_kernel_threshold` measures real ones).  The textbook formula evaluated
operation by operation in F is a separate question, answered by :data:`INTERMEDIATES` and
the softmax functions below, where every elementary operation rounds to F.

The formats are numpy's float32 and float16 and ``ml_dtypes``' bfloat16, float8_e4m3fn and
float8_e5m2.  The 8- and 16-bit formats are searched exhaustively (every finite value).
float32 has 2³² values: its search takes every 1024th positive value, then every value in
the bracket where the last disagreement lies, and checks the 65,536 values after the
threshold one by one.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Callable

import ml_dtypes
import numpy as np

from actsite.maths.catalogue import EVERY

FORMAT_KEYS = ("float32", "bfloat16", "float16", "float8_e5m2", "float8_e4m3fn")
DTYPES = {
    "float32": np.dtype(np.float32),
    "bfloat16": np.dtype(ml_dtypes.bfloat16),
    "float16": np.dtype(np.float16),
    "float8_e5m2": np.dtype(ml_dtypes.float8_e5m2),
    "float8_e4m3fn": np.dtype(ml_dtypes.float8_e4m3fn),
}
FLOAT32_STRIDE = 1024                  # every 1024th positive float32 in the coarse pass
FLOAT32_CHECK = 65536                  # values after a float32 threshold checked one by one
FAR = 1e200                            # where the asymptotes are read off


@dataclass(frozen=True)
class Format:
    key: str
    dtype: np.dtype
    max: float                         # largest finite value
    tiny: float                        # smallest positive normal value
    smallest: float                    # smallest positive (subnormal) value
    eps: float                         # spacing of values just above 1
    mantissa_bits: int                 # stored fraction bits
    exponent_bits: int
    has_inf: bool


def _format(key: str) -> Format:
    dtype = DTYPES[key]
    info = ml_dtypes.finfo(dtype)
    has_inf = bool(np.isinf(np.array(np.inf).astype(dtype)))
    return Format(key, dtype, float(info.max), float(info.tiny), float(info.smallest_subnormal),
                  float(info.eps), int(info.nmant), int(info.bits) - int(info.nmant) - 1, has_inf)


FORMATS: dict[str, Format] = {key: _format(key) for key in FORMAT_KEYS}


def to_format(values, key: str) -> np.ndarray:
    """``values`` rounded once to the nearest value of format ``key`` (ties to even), returned as float64.

    ml_dtypes converts float64 to its formats through float32, rounding twice: 1 + 2^-8 + 2^-40, just
    above the midpoint of two bfloat16 values, would come out as 1.  So the float32 step rounds to odd
    (the float32 neighbour of x whose last bit is 1, unless x is a float32): with 24 bits against at most
    11, the library's second rounding then gives the correctly rounded value (Boldo and Melquiond 2008,
    "Emulation of FMA and correctly rounded sums: proved algorithms using rounding to odd")."""
    x = np.asarray(values, dtype=np.float64)
    dtype = DTYPES[key]
    with np.errstate(over="ignore", invalid="ignore"):
        if dtype.itemsize >= 4:
            return x.astype(dtype).astype(np.float64)
        nearest = x.astype(np.float32)
        toward_zero = np.where(np.abs(nearest) > np.abs(x), np.nextafter(nearest, np.float32(0)), nearest)
        inexact = (toward_zero != x) & ~np.isnan(x)
        odd = (toward_zero.view(np.uint32) | inexact.astype(np.uint32)).view(np.float32)
        return odd.astype(dtype).astype(np.float64)


@functools.cache
def positive_values(key: str) -> np.ndarray:
    """Every positive finite value of a format up to 16 bits, ascending, as float64."""
    dtype = DTYPES[key]
    bits = dtype.itemsize * 8
    if bits > 16:
        raise ValueError(f"{key}: {2 ** bits} values are too many to list; use the float32 search")
    codes = np.arange(1, 2 ** (bits - 1), dtype=np.uint8 if bits == 8 else np.uint16)  # sign bit 0
    with np.errstate(invalid="ignore"):                # the NaN codes
        values = codes.view(dtype).astype(np.float64)
    return values[np.isfinite(values)]


def _float32_from_codes(codes: np.ndarray) -> np.ndarray:
    return codes.astype(np.uint32).view(np.float32).astype(np.float64)


FLOAT32_LAST_CODE = int(np.array(np.finfo(np.float32).max, dtype=np.float32).view(np.uint32))


def beyond_last(bad: Callable[[np.ndarray], np.ndarray], key: str, side: int) -> float | None:
    """The magnitude m of the first value of F, going out from 0 on ``side`` (+1 or -1), from
    which ``bad`` is False for every value of F further out: 0.0 if it is False everywhere on that
    side, None if it is True at the last finite value.  ``bad`` takes float64 inputs."""
    if DTYPES[key].itemsize <= 2:
        mags = positive_values(key)
        flags = np.asarray(bad(side * mags), dtype=bool)
        if not flags.any():
            return 0.0
        last = int(np.flatnonzero(flags)[-1])
        return None if last + 1 == len(mags) else float(mags[last + 1])
    grid = np.arange(1, FLOAT32_LAST_CODE + 1, FLOAT32_STRIDE, dtype=np.int64)
    grid = np.append(grid, FLOAT32_LAST_CODE) if grid[-1] != FLOAT32_LAST_CODE else grid
    flags = np.asarray(bad(side * _float32_from_codes(grid)), dtype=bool)
    if not flags.any():
        first = np.arange(1, FLOAT32_STRIDE + 1)                 # below the first grid point
        if np.asarray(bad(side * _float32_from_codes(first)), dtype=bool).any():
            raise AssertionError(f"{key}: a disagreement below the coarse grid")
        return 0.0
    g = int(np.flatnonzero(flags)[-1])
    if g + 1 == len(grid):
        return None
    window = np.arange(grid[g], grid[g + 1] + 1, dtype=np.int64)
    wflags = np.asarray(bad(side * _float32_from_codes(window)), dtype=bool)
    code = int(window[np.flatnonzero(wflags)[-1]]) + 1
    check = np.arange(code, min(code + FLOAT32_CHECK, FLOAT32_LAST_CODE + 1), dtype=np.int64)
    if np.asarray(bad(side * _float32_from_codes(check)), dtype=bool).any():
        raise AssertionError(f"{key}: a disagreement after the threshold found by the coarse search")
    return float(_float32_from_codes(np.array([code]))[0])


@dataclass(frozen=True)
class Asymptote:
    """f(x) → slope·x + intercept on one side."""

    slope: float
    intercept: float

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return self.slope * x + self.intercept


def asymptote(key: str, side: int) -> Asymptote:
    """The line (or constant) an activation tends to as x → side·∞, read off far out."""
    act = EVERY[key]
    with np.errstate(all="ignore"):
        slope = float(act.df(np.array([side * FAR]))[0])
        if slope == 0.0:
            return Asymptote(0.0, float(act.f(np.array([side * FAR]))[0]))
        x = side * 1e4
        intercept = float(act.f(np.array([x]))[0]) - slope * x
    if abs(intercept) > 1e-9:
        raise ValueError(f"{key}: a slanted asymptote with an intercept ({intercept}) is not handled")
    return Asymptote(slope, 0.0)


def _differs(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return ~((a == b) | (np.isnan(a) & np.isnan(b)))


def value_threshold(key: str, fmt: str, side: int) -> float | None:
    """|x| from which f, rounded to F, equals its asymptote rounded to F, at every value of F
    further out on ``side``: for σ on the right, where σ(x) rounds to exactly 1."""
    act, asym = EVERY[key], asymptote(key, side)

    def bad(x):
        with np.errstate(all="ignore"):
            return _differs(to_format(act.f(x), fmt), to_format(asym(x), fmt))
    return beyond_last(bad, fmt, side)


def slope_threshold(key: str, fmt: str, side: int) -> float | None:
    """|x| from which f', rounded to F, equals the asymptote's slope rounded to F (0 for a
    saturating side: where the derivative underflows to zero)."""
    act, asym = EVERY[key], asymptote(key, side)

    def bad(x):
        with np.errstate(all="ignore"):
            return _differs(to_format(act.df(x), fmt), to_format(np.full_like(x, asym.slope), fmt))
    return beyond_last(bad, fmt, side)


# The exponentials (and GELU's cube) that an activation's textbook formula computes, each done
# in the format itself.  ELU and SELU exponentiate only x ≤ 0, where e^x ≤ 1 cannot overflow;
# the other functions compute no exponential.
def _exp(sign: int) -> Callable[[np.ndarray], np.ndarray]:
    # np.negative, not -1.0 * x: a Python float would promote bfloat16 and FP8 arrays to float32
    return (lambda x: np.exp(x)) if sign > 0 else (lambda x: np.exp(np.negative(x)))


INTERMEDIATES: dict[str, tuple[tuple[str, Callable[[np.ndarray], np.ndarray]], ...]] = {
    "sigmoid": ((r"e^{-x}", _exp(-1)),),
    "tanh": ((r"e^{x}", _exp(+1)), (r"e^{-x}", _exp(-1))),
    "softplus": ((r"e^{x}", _exp(+1)),),
    "silu": ((r"e^{-x}", _exp(-1)),),
    "mish": ((r"e^{x}", _exp(+1)),),
    "gelu_tanh": ((r"x^{3}", lambda x: x * x * x),),
}


def overflow_threshold(key: str, fmt: str, side: int) -> float | None:
    """|x| from which an intermediate of the textbook formula, computed in F, is no longer
    finite (∞, or NaN in a format without infinities); None if none overflows on that side."""
    parts = INTERMEDIATES.get(key, ())
    if not parts:
        return None
    dtype = DTYPES[fmt]

    def finite(x):
        xf = x.astype(dtype)
        ok = np.ones(x.shape, dtype=bool)
        with np.errstate(all="ignore"):
            for _, g in parts:
                out = np.asarray(g(xf))
                if out.dtype != dtype:
                    raise AssertionError(f"{key}: an intermediate left {fmt} ({out.dtype})")
                ok &= np.isfinite(out.astype(np.float64))
        return ok
    first = beyond_last(finite, fmt, side)
    return None if first is None or first == 0.0 else first


def exp_overflow(fmt: str) -> float:
    """The smallest x of F at which e^x computed in F is not finite (about ln max)."""
    return overflow_threshold("softplus", fmt, +1)


@dataclass(frozen=True)
class Row:
    key: str
    fmt: str
    value: tuple[float | None, float | None]      # (left, right): signed x of the thresholds
    slope: tuple[float | None, float | None]
    overflow: tuple[float | None, float | None]
    asymptotes: tuple[Asymptote, Asymptote]


def _signed(m: float | None, side: int) -> float | None:
    return None if m is None else side * m


@functools.cache
def row(key: str, fmt: str) -> Row:
    sides = (-1, +1)
    return Row(key, fmt,
               tuple(_signed(value_threshold(key, fmt, s), s) for s in sides),
               tuple(_signed(slope_threshold(key, fmt, s), s) for s in sides),
               tuple(_signed(overflow_threshold(key, fmt, s), s) for s in sides),
               tuple(asymptote(key, s) for s in sides))


def table(formats: tuple[str, ...] = FORMAT_KEYS) -> dict[tuple[str, str], Row]:
    """One row per registered activation and format."""
    return {(key, fmt): row(key, fmt) for key in EVERY for fmt in formats}


# --- softmax and log-sum-exp, every operation rounded to the format ----------------------------

def softmax_in(z, dtype, subtract_max: bool) -> np.ndarray:
    z = np.asarray(z, dtype=np.float64).astype(dtype)
    with np.errstate(all="ignore"):
        if subtract_max:
            z = z - z.max()
        e = np.exp(z)
        return e / e.sum()


def logsumexp_in(z, dtype, subtract_max: bool):
    z = np.asarray(z, dtype=np.float64).astype(dtype)
    with np.errstate(all="ignore"):
        if not subtract_max:
            return np.log(np.exp(z).sum())
        m = z.max()
        return m + np.log(np.exp(z - m).sum())


def exact_logsumexp(z) -> float:
    z = np.asarray(z, dtype=np.float64)
    m = float(z.max())
    return m + math.log(float(np.exp(z - m).sum()))


# --- textbook formulas, every operation rounded to the format ----------------------------------

def _one(x: np.ndarray) -> np.ndarray:
    return np.array(1.0).astype(x.dtype)


def _naive_gelu_tanh(x: np.ndarray) -> np.ndarray:
    c, k, h = (np.array(v).astype(x.dtype) for v in (math.sqrt(2 / math.pi), 0.044715, 0.5))
    return x * h * (_one(x) + np.tanh(c * (x + k * (x * x * x))))


NAIVE: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": lambda x: _one(x) / (_one(x) + np.exp(np.negative(x))),
    "tanh": lambda x: (np.exp(x) - np.exp(np.negative(x))) / (np.exp(x) + np.exp(np.negative(x))),
    "softplus": lambda x: np.log(_one(x) + np.exp(x)),
    "silu": lambda x: x / (_one(x) + np.exp(np.negative(x))),
    "mish": lambda x: x * np.tanh(np.log(_one(x) + np.exp(x))),
    "gelu_tanh": _naive_gelu_tanh,
}


# The same functions rewritten to exponentiate only non-positive numbers, e^{-|x|}, with log1p
# for log(1 + ·): no exponential overflows, and a small e^x is not lost by adding it to 1.
def _stable_sigmoid(x: np.ndarray) -> np.ndarray:
    e = np.exp(np.negative(np.abs(x)))
    return np.where(np.signbit(x), e / (_one(x) + e), _one(x) / (_one(x) + e))


def _stable_softplus(x: np.ndarray) -> np.ndarray:
    return np.maximum(x, np.zeros_like(x)) + np.log1p(np.exp(np.negative(np.abs(x))))


def _stable_tanh(x: np.ndarray) -> np.ndarray:
    m = np.expm1(np.negative(np.abs(x)))                      # e^{-|x|} - 1
    d = m * (m + _one(x) + _one(x))                           # e^{-2|x|} - 1, without computing 2|x|
    t = np.negative(d) / (_one(x) + _one(x) + d)
    return np.where(np.signbit(x), np.negative(t), t)


STABLE: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "sigmoid": _stable_sigmoid,
    "tanh": _stable_tanh,
    "softplus": _stable_softplus,
    "silu": lambda x: x * _stable_sigmoid(x),
    "mish": lambda x: x * np.tanh(_stable_softplus(x)),
}


def _in_format(formulas: dict, key: str, x, fmt: str) -> np.ndarray:
    xf = np.asarray(x, dtype=np.float64).astype(DTYPES[fmt])
    with np.errstate(all="ignore"):
        out = np.asarray(formulas[key](xf))
    if out.dtype != DTYPES[fmt]:
        raise AssertionError(f"{key}: the formula left {fmt} ({out.dtype})")
    return out.astype(np.float64)


def naive_in(key: str, x, fmt: str) -> np.ndarray:
    """The textbook formula of ``key`` at ``x`` with every operation done in format ``fmt``
    (inputs rounded to it first), returned as float64."""
    return _in_format(NAIVE, key, x, fmt)


def stable_in(key: str, x, fmt: str) -> np.ndarray:
    """The rewritten formula of ``key`` (:data:`STABLE`), every operation done in ``fmt``."""
    return _in_format(STABLE, key, x, fmt)


def every_value(key: str) -> np.ndarray:
    """Every finite value of a format up to 16 bits (one zero), ascending, as float64."""
    p = positive_values(key)
    return np.concatenate([-p[::-1], [0.0], p])


def float32_kernel_threshold(kernel: Callable[[np.ndarray], np.ndarray]) -> float | None:
    """x from which ``kernel``, given float32 inputs and computing in float32, returns exactly 1
    at every float32 value further out (a real kernel, not the correctly rounded value)."""
    def bad(x):
        with np.errstate(all="ignore"):
            y = np.asarray(kernel(x.astype(np.float32)))
        if y.dtype != np.float32:
            raise AssertionError(f"the kernel left float32 ({y.dtype})")
        return y.astype(np.float64) != 1.0
    return beyond_last(bad, "float32", +1)
