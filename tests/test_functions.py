"""The maths registry: derivatives, identities and declared properties, checked numerically."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY
from actsite.maths.functions import ACTIVATIONS, LEAKY_SLOPE, sigmoid, sigmoid_prime, tanh, tanh_prime

KEYS = sorted(EVERY)
GRID = np.linspace(-8, 8, 3201)


def central_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


@pytest.mark.parametrize("key", KEYS)
def test_derivative_matches_finite_difference(key):
    act = EVERY[key]
    x = GRID[np.all(np.abs(GRID[:, None] - np.array(act.kinks + act.joins or [np.inf])) > 1e-3, axis=1)]
    np.testing.assert_allclose(act.df(x), central_difference(act.f, x), atol=1e-8)


@pytest.mark.parametrize("key", sorted(k for k in EVERY if EVERY[k].params))
def test_derivative_matches_finite_difference_across_the_parameter_range(key):
    act = EVERY[key]
    x = GRID[np.abs(GRID) > 1e-3]
    for param in act.params:
        assert param.lo <= param.default <= param.hi
        for value in np.linspace(param.lo, param.hi, 7):
            kw = {**act.defaults(), param.name: value}
            np.testing.assert_allclose(act.df(x, **kw), central_difference(lambda v: act.f(v, **kw), x),
                                       atol=1e-7, err_msg=f"{key} at {param.name} = {value}")


@pytest.mark.parametrize("key", KEYS)
def test_stable_far_out(key):
    act = EVERY[key]
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        values = np.concatenate([act.f(np.array([-1e3, 1e3])), act.df(np.array([-1e3, 1e3]))])
    assert np.all(np.isfinite(values))


FAR = 1e100        # far enough out that every function has reached its limit to double precision
KNOWN_LIMITS = {   # (f(-inf), f(inf)) written down from the formulas, not computed
    "sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0), "softsign": (-1.0, 1.0), "hard_sigmoid": (0.0, 1.0),
    "hard_tanh": (-1.0, 1.0), "relu": (0.0, np.inf), "gelu": (0.0, np.inf), "gelu_tanh": (0.0, np.inf),
    "silu": (0.0, np.inf), "mish": (0.0, np.inf), "softplus": (0.0, np.inf), "maxout": (np.inf, np.inf),
    "elu": (-1.0, np.inf),
}


def limit(values: np.ndarray) -> np.ndarray:
    """What f(±FAR) says the limit is: ±inf where it has grown past 1e50, else its value."""
    return np.where(np.abs(values) >= 1e50, np.copysign(np.inf, values), values)


@pytest.mark.parametrize("key", KEYS)
def test_value_and_derivative_reach_their_limits_at_infinity(key):
    act = EVERY[key]
    infinite = np.array([-np.inf, np.inf])
    with np.errstate(over="ignore"):
        far_f, far_df = act.f(np.array([-FAR, FAR])), act.df(np.array([-FAR, FAR]))
    np.testing.assert_allclose(act.f(infinite), limit(far_f), atol=1e-12, err_msg=f"{key}(±inf)")
    np.testing.assert_allclose(act.df(infinite), limit(far_df), atol=1e-12, err_msg=f"{key}'(±inf)")
    if key in KNOWN_LIMITS:
        np.testing.assert_array_equal(act.f(infinite), np.array(KNOWN_LIMITS[key]))


def test_every_function_with_a_finite_or_infinite_limit_is_listed_or_parametrised():
    assert set(KNOWN_LIMITS) <= set(EVERY)


@pytest.mark.parametrize("key", KEYS)
def test_nan_in_gives_nan_out(key):
    act = EVERY[key]
    with np.errstate(invalid="ignore"):
        values = [act.f(np.array([np.nan, 1.0])), act.df(np.array([np.nan, 1.0]))]
    for name, (at_nan, at_one) in zip(("f", "f'"), values):
        assert np.isnan(at_nan), f"{key}: {name}(NaN) = {at_nan}"
        assert np.isfinite(at_one), f"{key}: {name}(1) = {at_one}"


@pytest.mark.parametrize("x", [20.0, 37.0, 100.0, 300.0])
def test_classic_derivatives_keep_their_relative_accuracy_in_the_tails(x):
    """σ(1 − σ) is 0 from x ≈ 37 and 1 − tanh² from x ≈ 19; σ(x)σ(−x) and sech² are not."""
    e = np.exp(-x)
    assert sigmoid_prime(np.array(x)) == pytest.approx(e / (1 + e) ** 2, rel=1e-13, abs=0)
    assert sigmoid_prime(np.array(-x)) == pytest.approx(e / (1 + e) ** 2, rel=1e-13, abs=0)
    e2 = np.exp(-2 * x)
    assert tanh_prime(np.array(x)) == pytest.approx(4 * e2 / (1 + e2) ** 2, rel=1e-13, abs=0)


@pytest.mark.parametrize("key", KEYS)
def test_declared_smoothness(key):
    """C0: f' jumps at every declared kink.  C1: f' continuous, f'' jumps where the pieces join.
    Cinf: f' and f'' both continuous (no jump between grid points 0.005 apart)."""
    act = EVERY[key]
    assert act.smoothness in {"C0", "C1", "Cinf"}
    for kink in act.kinks:
        assert abs(act.df(np.array(kink + 1e-6)) - act.df(np.array(kink - 1e-6))) > 1e-3
    assert bool(act.kinks) == (act.smoothness == "C0") and bool(act.joins) == (act.smoothness == "C1")
    if act.smoothness == "C0":
        return
    fine = np.linspace(-8, 8, 3201)
    assert np.max(np.abs(np.diff(act.df(fine)))) < 0.05                # f' has no jump
    second = lambda v: central_difference(act.df, np.asarray(v, dtype=float), h=1e-7)  # noqa: E731
    for join in act.joins:
        assert abs(second(join + 1e-4) - second(join - 1e-4)) > 0.5
    if act.smoothness == "Cinf":
        assert np.max(np.abs(np.diff(second(fine)))) < 0.05


@pytest.mark.parametrize("key", KEYS)
def test_output_range_is_respected(key):
    act = EVERY[key]
    lo, hi = act.output_range
    y = act.f(np.linspace(-30, 30, 6001))
    assert y.min() >= lo and y.max() <= hi
    # the bounds are attained at the declared minimum, approached far out, or unbounded as declared
    far = act.f(np.array([-1e8, 1e8]))
    if act.minimum:
        assert act.f(np.array(act.minimum[0])) == pytest.approx(lo, abs=1e-15)
    else:
        assert np.isclose(far[0], lo, atol=1e-6) if np.isfinite(lo) else far[0] < -1
    assert np.isclose(far[1], hi, atol=1e-6) if np.isfinite(hi) else far[1] > 1


@pytest.mark.parametrize("key", KEYS)
def test_declared_monotonicity(key):
    act = EVERY[key]
    assert bool(np.all(np.diff(act.f(GRID)) >= 0)) == act.monotonic


@pytest.mark.parametrize("key", KEYS)
def test_declared_zero_centredness_under_standard_normal(key):
    z = np.random.default_rng(0).normal(size=4_000_000)
    mean = EVERY[key].f(z).mean()
    assert (abs(mean) < 5e-3) == EVERY[key].zero_centred, mean


@pytest.mark.parametrize("key", KEYS)
def test_declared_saturation(key):
    """Saturating: bounded on both sides (Krizhevsky et al.'s sense); else |f| grows without bound."""
    f = EVERY[key].f
    unbounded = max(abs(f(np.array(-1e3))), abs(f(np.array(1e3)))) > 100
    assert unbounded != EVERY[key].saturating


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


# --- gated units: two inputs, f(a, b) = a * g(b) (actsite.maths.gated) ----------------------------

from actsite.maths.gated import GATED, GATES  # noqa: E402

GATED_KEYS = sorted(GATED)
A, B = np.meshgrid(np.linspace(-3, 3, 61), np.linspace(-6, 6, 241))


@pytest.mark.parametrize("key", GATED_KEYS)
def test_gated_partials_match_finite_differences(key):
    unit = GATED[key]
    b = B[np.abs(B) > 1e-3]                          # ReGLU's gate has its kink at b = 0
    a = A[np.abs(B) > 1e-3]
    h = 1e-6
    np.testing.assert_allclose(unit.da(a, b), (unit.f(a + h, b) - unit.f(a - h, b)) / (2 * h), atol=1e-7)
    np.testing.assert_allclose(unit.db(a, b), (unit.f(a, b + h) - unit.f(a, b - h)) / (2 * h), atol=1e-7)


@pytest.mark.parametrize("key", sorted(k for k in GATED if GATED[k].params))
def test_gated_partials_across_the_parameter_range(key):
    unit, h = GATED[key], 1e-6
    for param in unit.params:
        for value in np.linspace(param.lo, param.hi, 5):
            kw = {param.name: value}
            np.testing.assert_allclose(unit.db(A, B, **kw), (unit.f(A, B + h, **kw) - unit.f(A, B - h, **kw)) / (2 * h),
                                       atol=1e-6, err_msg=f"{key} at {param.name} = {value}")


@pytest.mark.parametrize("key", GATED_KEYS)
def test_gated_unit_is_its_gate_times_the_value(key):
    unit = GATED[key]
    gate = GATES[unit.gate]
    np.testing.assert_array_equal(unit.f(A, B), A * gate.g(B))
    np.testing.assert_array_equal(unit.da(A, B), gate.g(B))


@pytest.mark.parametrize("key", GATED_KEYS)
def test_gated_limits_as_the_gate_input_goes_to_infinity(key):
    """b -> -inf closes every gate but the identity; b -> +inf opens it (to 1 for the sigmoid)."""
    unit, gate = GATED[key], GATES[GATED[key].gate]
    a = np.array([-2.0, 0.5, 3.0])
    far = np.array([-1e6, 1e6])
    lo, hi = gate.limits
    for limit, b in ((lo, -np.inf), (hi, np.inf)):
        with np.errstate(over="raise", invalid="raise"):
            value = unit.f(a, b)
        np.testing.assert_array_equal(value, a * limit)
    # the declared limits are those of the gate function itself, reached far out
    np.testing.assert_allclose(gate.g(far), [lo if np.isfinite(lo) else -1e6, hi if np.isfinite(hi) else 1e6],
                               rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(unit.dg(far), gate.slope_limits, atol=1e-12)
    np.testing.assert_array_equal(unit.dg(np.array([-np.inf, np.inf])), gate.slope_limits)


@pytest.mark.parametrize("key", GATED_KEYS)
def test_gated_nan_in_nan_out(key):
    unit = GATED[key]
    values = np.array([np.nan, 1.0, np.nan])
    for a, b in ((values, 1.0), (1.0, values), (values, values)):
        for out in (unit.f(a, b), unit.da(a, b), unit.db(a, b)):
            np.testing.assert_array_equal(np.isnan(out), [True, False, True])


def test_every_gate_is_a_declared_function_or_the_identity():
    for unit in GATED.values():
        gate = GATES[unit.gate]
        if gate.key != "identity":
            assert gate.g is EVERY[gate.key].f and gate.dg is EVERY[gate.key].df
