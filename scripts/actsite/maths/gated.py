"""Gated units: two inputs, a value ``u`` and a gate input ``v``, combined as f(u, v) = u * g(v).

(The code names them ``a`` and ``b``; the pages write u and v, since a is the rectifiers' negative slope.)

A gated linear unit multiplies one linear projection of a layer's input (``u = xV``) by a
one-input function of another (``v = xW``).  The gate functions g are the ones declared in
:mod:`actsite.maths.functions` and :mod:`actsite.maths.catalogue` (sigmoid, ReLU, GELU, Swish); only the
identity gate of the bilinear unit is new.  So a :class:`GatedUnit` declares which gate it
uses, its LaTeX and names, its source, and derives its value and both partial derivatives
from the gate: no formula is typed twice.

Every function is vectorised numpy.  NaN in either input gives NaN in every output; an
infinite gate input gives the gate's limit, as the declared gate functions themselves do.
The reference table reads each gate's limits off the gate function itself.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from actsite.maths.catalogue import EVERY
from actsite.maths.functions import Array, Param


def identity(x: Array) -> Array:
    return np.asarray(x, dtype=float)


def identity_prime(x: Array) -> Array:
    return np.ones_like(np.asarray(x, dtype=float))


@dataclass(frozen=True)
class Gate:
    """A one-input function used as a gate; its limits at -inf and +inf are read off it."""

    key: str                                  # a key of catalogue.EVERY, or "identity"
    g: Callable[..., Array]
    dg: Callable[..., Array]
    symbol: str                               # mathtext, for figures
    params: tuple[Param, ...] = ()

    @property
    def limits(self) -> tuple[float, float]:
        """g(-inf), g(+inf): the declared functions return their limits there."""
        return tuple(float(v) for v in self.g(np.array([-np.inf, np.inf])))

    @property
    def slope_limits(self) -> tuple[float, float]:
        """g'(-inf), g'(+inf)."""
        return tuple(float(v) for v in self.dg(np.array([-np.inf, np.inf])))


def _declared(key: str) -> Gate:
    act = EVERY[key]
    return Gate(key, act.f, act.df, act.symbol, act.params)


GATES: dict[str, Gate] = {gate.key: gate for gate in (
    *(_declared(key) for key in ("sigmoid", "relu", "gelu", "silu")),
    Gate("identity", identity, identity_prime, r"\mathrm{id}"),
)}


def _nan_if_any_nan(values: Array, a: Array, b: Array) -> Array:
    return np.where(np.isnan(a) | np.isnan(b), np.nan, values)


@dataclass(frozen=True)
class GatedUnit:
    """One gated unit f(a, b) = a * g(b) and everything the site says about it."""

    key: str
    gate: str                          # a key of GATES
    symbol: str                        # mathtext name for figures
    names: dict[str, str]              # {"zh": ..., "en": ...}
    latex: str                         # f(a, b) = ...
    latex_da: str                      # df/da = ...
    latex_db: str                      # df/db = ...
    cited: tuple[str, ...]             # keys of actsite.pages.bibliography.WORKS: where it was introduced

    @property
    def params(self) -> tuple[Param, ...]:
        return GATES[self.gate].params

    def defaults(self) -> dict[str, float]:
        return {p.name: p.default for p in self.params}

    def _inputs(self, a: Array, b: Array) -> tuple[Array, Array]:
        return np.asarray(a, dtype=float), np.asarray(b, dtype=float)

    def g(self, b: Array, **params) -> Array:
        return GATES[self.gate].g(np.asarray(b, dtype=float), **params)

    def dg(self, b: Array, **params) -> Array:
        return GATES[self.gate].dg(np.asarray(b, dtype=float), **params)

    def f(self, a: Array, b: Array, **params) -> Array:
        a, b = self._inputs(a, b)
        return _nan_if_any_nan(a * self.g(b, **params), a, b)

    def da(self, a: Array, b: Array, **params) -> Array:
        """The partial derivative with respect to the value: the gate itself."""
        a, b = self._inputs(a, b)
        return _nan_if_any_nan(np.broadcast_to(self.g(b, **params), np.broadcast(a, b).shape), a, b)

    def db(self, a: Array, b: Array, **params) -> Array:
        """The partial derivative with respect to the gate input: the value times the gate's slope."""
        a, b = self._inputs(a, b)
        return _nan_if_any_nan(a * self.dg(b, **params), a, b)


GATED: dict[str, GatedUnit] = {unit.key: unit for unit in (
    GatedUnit(
        key="glu", gate="sigmoid", symbol=r"\mathrm{GLU}",
        names={"zh": "GLU（门控线性单元）", "en": "GLU (gated linear unit)"},
        latex=r"\mathrm{GLU}(u, v) = u\,\sigma(v)",
        latex_da=r"\frac{\partial f}{\partial u} = \sigma(v)",
        latex_db=r"\frac{\partial f}{\partial v} = u\,\sigma(v)\bigl(1 - \sigma(v)\bigr)",
        cited=("dauphin2017",),
    ),
    GatedUnit(
        key="bilinear", gate="identity", symbol=r"\mathrm{Bilinear}",
        names={"zh": "双线性单元（恒等门）", "en": "Bilinear unit (identity gate)"},
        latex=r"\mathrm{Bilinear}(u, v) = u\,v",
        latex_da=r"\frac{\partial f}{\partial u} = v",
        latex_db=r"\frac{\partial f}{\partial v} = u",
        cited=("mnih2007", "dauphin2017", "shazeer2020"),   # Mnih and Hinton's, per Dauphin et al.; in transformers, Shazeer
    ),
    GatedUnit(
        key="reglu", gate="relu", symbol=r"\mathrm{ReGLU}",
        names={"zh": "ReGLU（ReLU 门）", "en": "ReGLU (ReLU gate)"},
        latex=r"\mathrm{ReGLU}(u, v) = u\,\max(0, v)",
        latex_da=r"\frac{\partial f}{\partial u} = \max(0, v)",
        latex_db=r"\frac{\partial f}{\partial v} = \begin{cases} u & v > 0 \\ 0 & v < 0 \end{cases}",
        cited=("shazeer2020",),
    ),
    GatedUnit(
        key="geglu", gate="gelu", symbol=r"\mathrm{GEGLU}",
        names={"zh": "GEGLU（GELU 门）", "en": "GEGLU (GELU gate)"},
        latex=r"\mathrm{GEGLU}(u, v) = u\,v\,\Phi(v)",
        latex_da=r"\frac{\partial f}{\partial u} = v\,\Phi(v)",
        latex_db=r"\frac{\partial f}{\partial v} = u\,\bigl(\Phi(v) + v\,\varphi(v)\bigr)",
        cited=("shazeer2020",),
    ),
    GatedUnit(
        key="swiglu", gate="silu", symbol=r"\mathrm{SwiGLU}",
        names={"zh": "SwiGLU（SiLU 门）", "en": "SwiGLU (SiLU gate)"},
        latex=r"\mathrm{SwiGLU}(u, v) = u\,v\,\sigma(\beta v),\quad \beta = 1",
        latex_da=r"\frac{\partial f}{\partial u} = v\,\sigma(\beta v)",
        latex_db=r"\frac{\partial f}{\partial v} = u\,\bigl(\sigma(\beta v) + \beta v\,\sigma(\beta v)\bigl(1 - \sigma(\beta v)\bigr)\bigr)",
        cited=("shazeer2020",),
    ),
)}


def ffn_parameters(d_model: int, d_ff: int, gated: bool) -> int:
    """Weights of a transformer feed-forward block without biases: two matrices, or three when gated."""
    return (3 if gated else 2) * d_model * d_ff


def equal_parameter_width(d_ff: int) -> float:
    """The hidden width at which a gated block has as many weights as a plain block of width d_ff."""
    return 2 * d_ff / 3
