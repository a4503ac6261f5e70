"""Claims of the first article about affine stacks and ReLU approximants."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.maths.functions import relu
from actsite.experiments.networks import (FNN_LAYER_SIZES, absolute_from_relus, collapse, forward_identity,
                              max_error_on_interval, parameter_count, quadratic_h2,
                              quadratic_h2_as_printed, random_affine_stack,
                              relu_interpolant_of_square)

UNITS = [2, 4, 8, 16, 32, 64, 128]


def test_the_2_4_2_network_has_22_parameters_and_collapses_to_6():
    assert FNN_LAYER_SIZES == (2, 4, 2)
    assert parameter_count(FNN_LAYER_SIZES) == 16 + 6 == 22
    folded = collapse(random_affine_stack(FNN_LAYER_SIZES))
    assert folded.W.shape == (2, 2) and folded.b.shape == (2,)
    assert folded.W.size + folded.b.size == 6


def test_identity_activation_network_equals_one_affine_map():
    layers = random_affine_stack(FNN_LAYER_SIZES, seed=1)
    x = np.random.default_rng(2).normal(size=(100, 2))
    W1, b1, W2, b2 = layers[0].W, layers[0].b, layers[1].W, layers[1].b
    np.testing.assert_allclose(forward_identity(layers, x), x @ (W2 @ W1).T + W2 @ b1 + b2)
    assert (W1 @ W2).shape == (4, 4)    # the other order is a different (wrong) map


def test_ten_affine_layers_fold_into_one():
    layers = random_affine_stack((5,) * 11, seed=3)
    x = np.random.default_rng(4).normal(size=(50, 5))
    np.testing.assert_allclose(forward_identity(layers, x), collapse(layers)(x), rtol=1e-9)


def test_relu_is_not_additive():
    assert relu(np.array(-1.0)) + relu(np.array(1.0)) == 1.0
    assert relu(np.array(0.0)) == 0.0


def test_two_relus_give_the_absolute_value_exactly():
    x = np.linspace(-3, 3, 6001)
    assert np.max(np.abs(absolute_from_relus(x) - np.abs(x))) == 0.0
    assert abs(-1) + abs(1) == 2 and abs(0) == 0


def test_h2_interpolates_the_square_at_the_knots_with_error_a_quarter():
    knots = np.arange(-2.0, 3.0)
    np.testing.assert_array_equal(quadratic_h2(knots), knots ** 2)
    assert abs(max_error_on_interval(quadratic_h2, np.square) - 0.25) < 1e-12
    worst = np.array([-1.5, -0.5, 0.5, 1.5])
    np.testing.assert_allclose(np.abs(quadratic_h2(worst) - worst ** 2), 0.25)


def test_h2_slope_outside_the_interval_is_three():
    assert quadratic_h2(np.array(3.0)) - quadratic_h2(np.array(2.0)) == 3.0
    assert quadratic_h2(np.array(-3.0)) - quadratic_h2(np.array(-2.0)) == 3.0


def test_the_printed_h2_is_wrong():
    assert quadratic_h2_as_printed(np.array(0.0)) == 2.0
    assert quadratic_h2_as_printed(np.array(2.0)) == 10.0
    assert max_error_on_interval(quadratic_h2_as_printed, np.square) == pytest.approx(6.0)
    assert max_error_on_interval(absolute_from_relus, np.square) == pytest.approx(2.0)


@pytest.mark.parametrize("n", UNITS)
def test_n_unit_interpolant_error_is_four_over_n_squared(n):
    approx = relu_interpolant_of_square(n)
    assert approx.units == n
    assert abs(max_error_on_interval(approx, np.square) * n ** 2 - 4) < 1e-6
    assert approx(np.array(-2.0)) == pytest.approx(4.0)   # output bias 4 = (-2)^2


def test_error_falls_with_slope_minus_two_on_log_axes():
    errors = [max_error_on_interval(relu_interpolant_of_square(n), np.square) for n in UNITS]
    slope = np.polyfit(np.log(UNITS), np.log(errors), 1)[0]
    assert -2.05 <= slope <= -1.95
    np.testing.assert_allclose(errors[-1], 0.000244, rtol=1e-3)


def test_four_unit_interpolant_is_h2_on_the_interval():
    x = np.linspace(-2, 2, 401)
    np.testing.assert_allclose(relu_interpolant_of_square(4)(x), quadratic_h2(x), atol=1e-12)


def test_approximation_is_only_local():
    x = np.linspace(-10, 10, 2001)
    assert np.max(np.abs(quadratic_h2(x) - x ** 2)) > 50


def test_interpolant_rejects_zero_units():
    with pytest.raises(ValueError, match="at least one"):
        relu_interpolant_of_square(0)
