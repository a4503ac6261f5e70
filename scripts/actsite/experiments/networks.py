"""Small networks the articles reason about: affine stacks and ReLU approximants of x².

Everything here is plain numpy and is imported by figures and tests alike.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actsite.maths.functions import relu

# The 2-4-2 network of the first article: 2 inputs, 4 hidden units, 2 outputs.
FNN_LAYER_SIZES = (2, 4, 2)


@dataclass(frozen=True)
class Affine:
    """x -> W x + b, with W of shape (n_out, n_in)."""

    W: np.ndarray
    b: np.ndarray

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return x @ self.W.T + self.b


def random_affine_stack(sizes: tuple[int, ...], seed: int = 0) -> list[Affine]:
    rng = np.random.default_rng(seed)
    return [Affine(rng.normal(size=(n_out, n_in)), rng.normal(size=n_out))
            for n_in, n_out in zip(sizes[:-1], sizes[1:])]


def parameter_count(sizes: tuple[int, ...]) -> int:
    """Weights plus biases of a fully connected network with these layer sizes."""
    return sum(n_in * n_out + n_out for n_in, n_out in zip(sizes[:-1], sizes[1:]))


def forward_identity(layers: list[Affine], x: np.ndarray) -> np.ndarray:
    """The network with the identity as its activation."""
    for layer in layers:
        x = layer(x)
    return x


def collapse(layers: list[Affine]) -> Affine:
    """Fold a stack of affine maps into one: W' = W_L ... W_1, b' = W_L(...(W_2 b_1 + b_2)...) + b_L."""
    W, b = layers[0].W, layers[0].b
    for layer in layers[1:]:
        W, b = layer.W @ W, layer.W @ b + layer.b
    return Affine(W, b)


def absolute_from_relus(x: np.ndarray) -> np.ndarray:
    """h1(x) = g(x) + g(-x), which equals |x| exactly."""
    return relu(x) + relu(-x)


def quadratic_h2(x: np.ndarray) -> np.ndarray:
    """h2(x) = g(x) + g(-x) + g(2x - 2) + g(-2x - 2): the interpolant of x² at -2, -1, 0, 1, 2."""
    return relu(x) + relu(-x) + relu(2 * x - 2) + relu(-2 * x - 2)


def quadratic_h2_as_printed(x: np.ndarray) -> np.ndarray:
    """The variant with the sign typo, g(2x + 2) instead of g(-2x - 2), kept to show it fails."""
    return relu(x) + relu(-x) + relu(2 * x - 2) + relu(2 * x + 2)


@dataclass(frozen=True)
class ReluInterpolant:
    """One hidden layer of n ReLU units plus an output bias: the chordal interpolant of x² on [lo, hi]."""

    knots: np.ndarray         # n + 1 equally spaced points
    hidden_bias: np.ndarray   # unit k computes g(x - knots[k]) for k = 0 .. n-1
    output_weights: np.ndarray
    output_bias: float

    @property
    def units(self) -> int:
        return len(self.output_weights)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        hidden = relu(np.asarray(x, dtype=float)[..., None] + self.hidden_bias)
        return hidden @ self.output_weights + self.output_bias


def relu_interpolant_of_square(n: int, lo: float = -2.0, hi: float = 2.0) -> ReluInterpolant:
    """Chord slopes s_k = x_k + x_{k+1}; each unit adds the change of slope at its knot."""
    if n < 1:
        raise ValueError(f"need at least one ReLU unit, got n={n}")
    knots = np.linspace(lo, hi, n + 1)
    slopes = knots[:-1] + knots[1:]
    output_weights = np.diff(slopes, prepend=0.0)
    return ReluInterpolant(knots, -knots[:-1], output_weights, float(lo * lo))


def max_error_on_interval(approx, target, lo: float = -2.0, hi: float = 2.0,
                          samples: int = 2**17 + 1) -> float:
    """Max |approx - target| on a grid that contains every midpoint of 2^k equal intervals."""
    x = np.linspace(lo, hi, samples)
    return float(np.max(np.abs(approx(x) - target(x))))
