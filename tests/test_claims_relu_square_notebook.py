"""Claims of the relu-square notebook (both languages) about the network p_n: a constant plus n ReLU
units; its knots x_k = -2 + 4k/n (k = 0 .. n) are the points where it meets the parabola; each unit
switches on at one of them; p_n is straight between knots; its largest error on [-2, 2] is 4/n²."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.experiments.networks import max_error_on_interval, relu_interpolant_of_square

UNITS = (2, 4, 8, 10, 16)


@pytest.mark.parametrize("n", UNITS)
def test_p_n_is_a_constant_plus_n_relu_units_with_knots_minus_2_plus_4k_over_n(n):
    p = relu_interpolant_of_square(n)
    assert p.units == n
    np.testing.assert_allclose(p.knots, -2 + 4 * np.arange(n + 1) / n, atol=1e-12)
    np.testing.assert_allclose(p(np.array(-50.0)), p.output_bias)      # every unit off far left


@pytest.mark.parametrize("n", UNITS)
def test_p_n_meets_the_parabola_at_the_knots_and_nowhere_else(n):
    p = relu_interpolant_of_square(n)
    np.testing.assert_allclose(p(p.knots), p.knots ** 2, atol=1e-10)
    x = np.linspace(-10, 10, 200_001)
    gap = np.abs(p(x) - x ** 2)
    near_a_knot = np.min(np.abs(x[:, None] - p.knots[None, :]), axis=1) < 1e-3
    assert gap[~near_a_knot].min() > 1e-7


@pytest.mark.parametrize("n", UNITS)
def test_each_unit_switches_on_at_one_knot(n):
    p = relu_interpolant_of_square(n)
    switch_points = -p.hidden_bias                     # unit k computes g(x + hidden_bias[k])
    assert len(switch_points) == n
    assert all(np.any(np.isclose(s, p.knots)) for s in switch_points)


@pytest.mark.parametrize("n", UNITS)
def test_p_n_is_straight_between_knots_and_its_error_is_4_over_n_squared(n):
    p = relu_interpolant_of_square(n)
    for a, b in zip(p.knots[:-1], p.knots[1:]):
        x = np.linspace(a, b, 9)
        assert np.max(np.abs(np.diff(p(x), 2))) < 1e-10
    assert max_error_on_interval(p, np.square) == pytest.approx(4 / n ** 2, rel=1e-9)


def test_left_of_minus_2_no_unit_is_active_so_p16_is_4_and_its_worst_error_on_minus_10_10_is_96_at_minus_10():
    p = relu_interpolant_of_square(16)
    x = np.linspace(-10, -2, 801)
    assert np.all(x[:, None] + p.hidden_bias[None, :] <= 0)          # every unit off left of -2
    np.testing.assert_allclose(p(x), 4.0, atol=1e-12)
    grid = np.linspace(-10, 10, 2001)
    err = np.abs(p(grid) - grid ** 2)
    assert grid[np.argmax(err)] == -10.0 and err.max() == pytest.approx(96.0, abs=1e-9)
    far = np.array([20.0, 40.0, 80.0])                                 # outside [-2, 2] the error keeps growing
    assert np.all(np.diff(np.abs(p(far) - far ** 2)) > 0) and np.all(np.diff(np.abs(p(-far) - far ** 2)) > 0)


@pytest.mark.parametrize("n", UNITS)
def test_between_knots_delta_apart_the_chord_lies_above_by_the_product_and_peaks_at_delta_squared_over_4(n):
    """Between knots x_k, x_k+1 = x_k + delta (delta = 4/n), p_n - x² = (x - x_k)(x_k+1 - x), at most
    delta²/4 = 4/n², halfway between them."""
    p = relu_interpolant_of_square(n)
    delta = 4 / n
    np.testing.assert_allclose(np.diff(p.knots), delta, atol=1e-12)
    for a, b in zip(p.knots[:-1], p.knots[1:]):
        x = np.linspace(a, b, 101)
        np.testing.assert_allclose(p(x) - x ** 2, (x - a) * (b - x), atol=1e-10)
        mid = (a + b) / 2
        assert p(np.array(mid)) - mid ** 2 == pytest.approx(delta ** 2 / 4, abs=1e-10)
    assert delta ** 2 / 4 == pytest.approx(4 / n ** 2)
