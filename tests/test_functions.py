"""The maths registry: derivatives, identities and declared properties, checked numerically."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.functions import ACTIVATIONS, LEAKY_SLOPE, sigmoid, sigmoid_prime, tanh

KEYS = sorted(ACTIVATIONS)
GRID = np.linspace(-8, 8, 3201)


def central_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


@pytest.mark.parametrize("key", KEYS)
def test_derivative_matches_finite_difference(key):
    act = ACTIVATIONS[key]
    x = GRID[np.all(np.abs(GRID[:, None] - np.array(act.kinks or [np.inf])) > 1e-3, axis=1)]
    np.testing.assert_allclose(act.df(x), central_difference(act.f, x), atol=1e-8)


@pytest.mark.parametrize("key", KEYS)
def test_output_range_is_respected(key):
    act = ACTIVATIONS[key]
    lo, hi = act.output_range
    y = act.f(np.linspace(-30, 30, 6001))
    assert y.min() >= lo and y.max() <= hi
    # the bounds are approached (open interval) or unbounded as declared
    far = act.f(np.array([-1e3, 1e3]))
    assert np.isclose(far[0], lo, atol=1e-6) if np.isfinite(lo) else far[0] < -1
    assert np.isclose(far[1], hi, atol=1e-6) if np.isfinite(hi) else far[1] > 1


@pytest.mark.parametrize("key", KEYS)
def test_declared_monotonicity(key):
    act = ACTIVATIONS[key]
    assert bool(np.all(np.diff(act.f(GRID)) >= 0)) == act.monotonic


@pytest.mark.parametrize("key", KEYS)
def test_declared_zero_centredness_under_standard_normal(key):
    z = np.random.default_rng(0).normal(size=4_000_000)
    mean = ACTIVATIONS[key].f(z).mean()
    assert (abs(mean) < 5e-3) == ACTIVATIONS[key].zero_centred, mean


@pytest.mark.parametrize("key", KEYS)
def test_declared_saturation(key):
    """Saturating: bounded on both sides (Krizhevsky et al.'s sense); else |f| grows without bound."""
    f = ACTIVATIONS[key].f
    unbounded = max(abs(f(np.array(-1e3))), abs(f(np.array(1e3)))) > 100
    assert unbounded != ACTIVATIONS[key].saturating


def test_tanh_is_a_rescaled_sigmoid():
    x = np.linspace(-10, 10, 20001)
    assert np.max(np.abs(tanh(x) - (2 * sigmoid(2 * x) - 1))) < 1e-15


def test_sigmoid_is_stable_far_out():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert sigmoid(np.array(-1000.0)) == 0.0 and sigmoid(np.array(1000.0)) == 1.0


def test_sigmoid_derivative_peaks_at_a_quarter():
    assert sigmoid_prime(np.array(0.0)) == 0.25
    assert sigmoid_prime(GRID).max() == 0.25


def test_leaky_relu_uses_its_slope_on_the_negative_side():
    act = ACTIVATIONS["leaky_relu"]
    assert act.f(np.array(-2.0)) == -2 * LEAKY_SLOPE and act.df(np.array(-2.0)) == LEAKY_SLOPE
