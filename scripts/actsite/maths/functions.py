"""The single source of truth for the maths: every activation function, declared once.

Each :class:`Activation` carries its value and derivative (vectorised numpy), its LaTeX,
its names in both languages and its declared properties.  Figures, notebooks, tables and
tests import :data:`ACTIVATIONS`; no formula is typed anywhere else.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

Array = np.ndarray
LEAKY_SLOPE = 0.01  # the conventional slope of Leaky ReLU (CS231n: "0.01, or so")


def sigmoid(x: Array) -> Array:
    """Logistic sigmoid, stable for large |x| (no overflow warning at x = -1000)."""
    x = np.asarray(x, dtype=float)
    return np.exp(-np.logaddexp(0.0, -x))


def sigmoid_prime(x: Array) -> Array:
    """σ(x)σ(−x): equal to σ(1 − σ), but accurate far out, where 1 − σ(x) rounds to 0."""
    x = np.asarray(x, dtype=float)
    return sigmoid(x) * sigmoid(-x)


def tanh(x: Array) -> Array:
    return np.tanh(np.asarray(x, dtype=float))


def sech_squared(x: Array) -> Array:
    """sech²(x) = 1 − tanh²(x), as 4e^{−2|x|} / (1 + e^{−2|x|})²: no cancellation, no overflow."""
    e = np.exp(-2.0 * np.abs(np.asarray(x, dtype=float)))
    return 4.0 * e / (1.0 + e) ** 2


def tanh_prime(x: Array) -> Array:
    return sech_squared(x)


def keep_nan(x: Array, value: Array) -> Array:
    """``value``, but NaN wherever ``x`` is NaN (comparisons with NaN are False, not NaN)."""
    return np.where(np.isnan(x), np.nan, value)


def times_vanishing(x: Array, g: Array) -> Array:
    """x · g for a factor g that vanishes as x → ±∞: the limit 0 there, where inf · 0 is NaN."""
    x = np.asarray(x, dtype=float)
    with np.errstate(invalid="ignore"):              # inf · 0, replaced by the limit
        return np.where(np.isinf(x) & (g == 0), 0.0, x * g)


def relu(x: Array) -> Array:
    return np.maximum(0.0, np.asarray(x, dtype=float))


def relu_prime(x: Array) -> Array:
    """1 for x > 0, 0 otherwise (the value frameworks use at the kink x = 0)."""
    x = np.asarray(x, dtype=float)
    return keep_nan(x, (x > 0).astype(float))


def leaky_relu(x: Array, slope: float = LEAKY_SLOPE) -> Array:
    x = np.asarray(x, dtype=float)
    return np.where(x > 0, x, slope * x)


def leaky_relu_prime(x: Array, slope: float = LEAKY_SLOPE) -> Array:
    x = np.asarray(x, dtype=float)
    return keep_nan(x, np.where(x > 0, 1.0, slope))


@dataclass(frozen=True)
class Param:
    """A shape parameter of an activation function: a keyword of ``f`` and ``df``."""

    name: str
    latex: str                         # its symbol in formulas and on the explorer's slider
    default: float
    lo: float                          # the range a reader may explore
    hi: float


@dataclass(frozen=True)
class Activation:
    """One activation function and everything the site says about it.

    Declared properties hold at the parameters' defaults; the tests check each numerically.
    """

    key: str
    symbol: str                        # mathtext name for figures, e.g. r"\sigma"
    names: dict[str, str]              # {"zh": ..., "en": ...}
    latex: str                         # f(x) = ...
    latex_prime: str                   # f'(x) = ...
    f: Callable[[Array], Array]
    df: Callable[[Array], Array]
    output_range: tuple[float, float]  # open interval (lo, hi); inf for unbounded
    monotonic: bool
    zero_centred: bool                 # E[f(z)] = 0 for z ~ N(0, 1)
    saturating: bool                   # |f| stays bounded on both sides (so f' -> 0 there)
    cost: str                          # dominant operation: "exp" or "compare"
    kinks: tuple[float, ...] = field(default=())  # points where f is not differentiable
    smoothness: str = "C0"             # "C0" (kinks), "C1" (f' continuous, f'' jumps) or "Cinf"
    joins: tuple[float, ...] = field(default=())  # where the pieces of a C1 function meet
    minimum: tuple[float, float] | None = None    # (x*, f(x*)) of a non-monotone function
    params: tuple[Param, ...] = ()
    family: str = "classic"            # "classic", "rectifier", "smooth" or "hard"
    # Provenance, as keys of actsite.pages.bibliography.WORKS: the earliest source we could check that
    # defines the function (possibly with other constants), and, where different, the works that
    # made it widely used.  Empty first_appeared: older than neural networks, first use unpinned.
    first_appeared: tuple[str, ...] = ()
    popularised_by: tuple[str, ...] = ()
    # What those works did for it, per language, where they did not make the whole function popular: the
    # 0.2-slope hard sigmoid was in use before MobileNetV3, tanh before Efficient BackProp, ReLU6 before
    # MobileNetV2 (in MobileNetV1's released models).  Appended to the reference table's line.
    popularised_scope: dict[str, str] = field(default_factory=dict)
    # The line's label, per language, where the default ("Popularised by") would say more than the work did:
    # Efficient BackProp recommended tanh over the logistic sigmoid; it did not make tanh known.
    popularised_label: dict[str, str] = field(default_factory=dict)
    # What the first line's source ("Earliest source cited", one label for every function) defines, where that
    # differs from the function as shown (the hard sigmoid: a Theano commit with slope 0.2).
    first_scope: dict[str, str] = field(default_factory=dict)

    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}

ACTIVATIONS: dict[str, Activation] = {a.key: a for a in (
    Activation(
        key="sigmoid", symbol=r"\sigma", names={"zh": "sigmoid（逻辑斯谛函数）", "en": "Sigmoid (logistic)"},
        latex=r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        latex_prime=r"\sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr)",
        f=sigmoid, df=sigmoid_prime, output_range=(0.0, 1.0),
        monotonic=True, zero_centred=False, saturating=True, cost="exp", smoothness="Cinf",
        first_appeared=(), popularised_by=("rumelhart1986",),
    ),
    Activation(
        key="tanh", symbol=r"\tanh", names={"zh": "tanh（双曲正切）", "en": "Hyperbolic tangent (tanh)"},
        latex=r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        latex_prime=r"\tanh'(x) = 1 - \tanh^2(x)",
        f=tanh, df=tanh_prime, output_range=(-1.0, 1.0),
        monotonic=True, zero_centred=True, saturating=True, cost="exp", smoothness="Cinf",
        first_appeared=(), popularised_by=("lecun1998",),
        popularised_label={"en": "Recommended by", "zh": "推荐文献"},
        popularised_scope={"en": ", which advises it, scaled, over the logistic sigmoid for hidden units",
                           "zh": "，该文建议隐藏单元用缩放后的 tanh 而不用 sigmoid（逻辑斯谛函数）"},
    ),
    Activation(
        key="relu", symbol=r"\mathrm{ReLU}", names={"zh": "ReLU（线性整流函数）", "en": "ReLU (rectified linear unit)"},
        latex=r"f(x) = \max(0, x)",
        latex_prime=r"f'(x) = \begin{cases} 1 & x > 0 \\ 0 & x < 0 \end{cases}",
        f=relu, df=relu_prime, output_range=(0.0, np.inf),
        monotonic=True, zero_centred=False, saturating=False, cost="compare", kinks=(0.0,),
        first_appeared=("fukushima1969",), popularised_by=("jarrett2009", "nair2010", "glorot2011"),
    ),
    Activation(
        key="leaky_relu", symbol=r"\mathrm{LReLU}", names={"zh": "Leaky ReLU（带泄漏的 ReLU）", "en": "Leaky ReLU"},
        latex=r"f(x) = \begin{cases} x & x > 0 \\ a x & x \le 0 \end{cases},\quad a = 0.01",
        latex_prime=r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x < 0 \end{cases}",
        f=leaky_relu, df=leaky_relu_prime, output_range=(-np.inf, np.inf),
        monotonic=True, zero_centred=False, saturating=False, cost="compare", kinks=(0.0,),
        params=(Param("slope", "a", LEAKY_SLOPE, 0.0, 0.5),),
        first_appeared=("maas2013",), popularised_by=(),
    ),
)}
