"""Output layers and losses (actsite.maths.output_layers): the stable forms agree with the naive
formulas where those work, keep working where they overflow, and the gradients the page
derives match finite differences."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.maths import output_layers as out
from actsite.maths.functions import sigmoid

RNG = np.random.default_rng(11)
MODERATE = RNG.normal(0, 3, size=(50, 6))       # logits where the naive forms are accurate


def central(f, z, h=1e-6):
    """Finite-difference Jacobian of a vector function f at z: column j is df/dz_j."""
    z = np.asarray(z, dtype=float)
    columns = []
    for j in range(z.size):
        step = np.zeros_like(z)
        step[j] = h
        columns.append((f(z + step) - f(z - step)) / (2 * h))
    return np.stack(columns, axis=-1)


@pytest.mark.parametrize("key", sorted(out.OUTPUTS))
def test_stable_equals_naive_on_moderate_inputs(key):
    o = out.OUTPUTS[key]
    if key == "bce_with_logits":
        y = (RNG.random(MODERATE.shape) < 0.5).astype(float)
        np.testing.assert_allclose(o.stable(MODERATE, y), o.naive(MODERATE, y), rtol=1e-10)
    elif key == "cross_entropy":
        y = RNG.random(MODERATE.shape)
        y /= y.sum(axis=-1, keepdims=True)                  # a target distribution per row
        np.testing.assert_allclose(o.stable(MODERATE, y), o.naive(MODERATE, y), rtol=1e-10)
    else:
        np.testing.assert_allclose(o.stable(MODERATE), o.naive(MODERATE), rtol=1e-10, atol=1e-12)


def test_naive_softmax_overflows_at_logit_1000_and_the_stable_one_does_not():
    z = np.array([1000.0, 0.0, -1000.0])
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(out.naive_softmax(z)[0])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        np.testing.assert_array_equal(out.softmax(z), [1.0, 0.0, 0.0])
        assert out.log_softmax(z)[1] == -1000.0
        assert out.logsumexp(np.array([1000.0, 1000.0])) == pytest.approx(1000 + np.log(2), rel=1e-15)
    with np.errstate(over="ignore"):
        assert np.isinf(out.naive_logsumexp(np.array([1000.0, 1000.0])))


def test_cross_entropy_row_is_lse_minus_the_target_logits_computed_with_the_max_shift():
    """The registry row: L = -sum y_i log softmax(z)_i (short enough for the table to fit the text column),
    its stable form m + log sum exp(z - m) - sum y_i z_i, which is LSE(z) - sum y_i z_i with m the largest
    logit; the naive form overflows at logit 1000, the stable one does not."""
    o = out.OUTPUTS["cross_entropy"]
    assert o.latex == r"L(z, y) = -\sum_i y_i \log \mathrm{softmax}(z)_i" and o.library == "torch.nn.CrossEntropyLoss"
    assert o.stable_latex == r"m + \log \textstyle\sum_j e^{z_j - m} - \sum_i y_i z_i,\ m = \max_j z_j,\ \textstyle\sum_i y_i = 1"
    # the condition is needed (review final51, cb): for targets that do not sum to 1 the written form is not the loss
    weights = 2.0 * np.eye(6)[:len(MODERATE) % 6 + 1].sum(axis=0)                 # unnormalised targets
    lse = np.log(np.exp(MODERATE).sum(axis=-1))
    assert not np.allclose(o.stable(MODERATE, weights), lse - (weights * MODERATE).sum(axis=-1))
    y = np.eye(6)[RNG.integers(0, 6, size=len(MODERATE))]
    m = MODERATE.max(axis=-1)
    written = m + np.log(np.exp(MODERATE - m[:, None]).sum(axis=-1)) - (y * MODERATE).sum(axis=-1)
    np.testing.assert_allclose(o.stable(MODERATE, y), written, rtol=1e-12)
    z, label = np.array([1000.0, 0.0, -1000.0]), np.array([0.0, 1.0, 0.0])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        assert not np.isfinite(o.naive(z, label))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert o.stable(z, label) == 1000.0


def test_naive_log_sigmoid_gives_minus_infinity_at_minus_1000_and_the_stable_one_minus_1000():
    with np.errstate(over="ignore", divide="ignore"):
        assert out.naive_log_sigmoid(-1000.0) == -np.inf
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        assert out.log_sigmoid(-1000.0) == -1000.0
        assert out.log_sigmoid(1000.0) == 0.0


def test_naive_bce_loses_precision_then_overflows_where_the_stable_one_does_not():
    with np.errstate(divide="ignore", over="ignore"):
        assert out.naive_bce(37.0, 0.0) == np.inf              # 1 - sigma(37) rounds to 0
        assert out.naive_bce(-800.0, 1.0) == np.inf            # exp(800) overflows
    assert out.bce_with_logits(37.0, 0.0) == pytest.approx(37.0, rel=1e-15)
    assert out.bce_with_logits(-800.0, 1.0) == 800.0
    stable, naive = out.bce_with_logits(30.0, 0.0), out.naive_bce(30.0, 0.0)
    assert abs(naive - stable) / stable > 1e-6                 # cancellation in 1 - sigma(x)


def test_exp_overflow_threshold():
    with np.errstate(over="raise"):
        np.exp(out.EXP_OVERFLOW)
        with pytest.raises(FloatingPointError):
            np.exp(np.nextafter(out.EXP_OVERFLOW, np.inf) + 1e-12)


@pytest.mark.parametrize("temperature", [0.5, 1.0, 3.0])
def test_softmax_jacobian_matches_finite_differences(temperature):
    for z in MODERATE[:10]:
        numeric = central(lambda v: out.softmax(v, temperature), z)
        np.testing.assert_allclose(out.softmax_jacobian(z, temperature), numeric, atol=1e-8)


def test_cross_entropy_gradient_is_p_minus_y():
    for k, z in enumerate(MODERATE[:10]):
        y = np.eye(z.size)[k % z.size]
        numeric = central(lambda v: np.array([out.cross_entropy_with_logits(v, y)]), z)[0]
        np.testing.assert_allclose(out.cross_entropy_gradient(z, y), numeric, atol=1e-8)
        np.testing.assert_allclose(numeric, out.softmax(z) - y, atol=1e-8)


def test_bce_gradient_is_sigmoid_minus_y():
    x, h = np.linspace(-20, 20, 401), 1e-6
    for y in (0.0, 0.3, 1.0):
        numeric = (out.bce_with_logits(x + h, y) - out.bce_with_logits(x - h, y)) / (2 * h)
        np.testing.assert_allclose(out.bce_gradient(x, y), numeric, atol=1e-8)
        np.testing.assert_allclose(out.bce_gradient(x, y), sigmoid(x) - y)


def test_non_positive_temperature_is_an_error():
    with pytest.raises(ValueError, match="temperature"):
        out.softmax([1.0, 2.0], 0.0)
