"""Claims of the first article about saturation and vanishing gradients."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.experiments.deep_nets import layer_gradient_norms
from actsite.figures.nonlinearity import tanh_flat_threshold
from actsite.maths.functions import sigmoid, sigmoid_prime, tanh_prime


def test_tanh_slope_is_below_a_hundredth_beyond_2_993():
    edge = tanh_flat_threshold()
    assert edge == pytest.approx(2.99322, abs=1e-5)
    assert tanh_prime(np.array(edge + 1e-9)) < 0.01 < tanh_prime(np.array(edge - 1e-6))
    x = np.linspace(0, 10, 1001)
    assert np.all(np.diff(tanh_prime(x)) < 0)


def test_tanh_slope_values_quoted():
    assert tanh_prime(np.array(0.0)) == 1.0
    assert tanh_prime(np.array(3.0)) == pytest.approx(0.00987, abs=1e-5)
    assert tanh_prime(np.array(5.0)) == pytest.approx(1.8e-4, rel=0.02)


def test_products_of_the_largest_sigmoid_slope():
    assert sigmoid_prime(np.array(0.0)) ** 10 == pytest.approx(9.5e-7, rel=0.01)
    assert sigmoid_prime(np.array(0.0)) ** 20 == pytest.approx(9.1e-13, rel=0.01)


def test_stacked_sigmoids_forget_the_difference_between_minus_and_plus_ten():
    low, high = np.array(-10.0), np.array(10.0)
    quoted = [1.0, 0.23, 0.053, 0.012, 0.0027]
    for layer, expected in enumerate(quoted, start=1):
        low, high = sigmoid(low), sigmoid(high)
        assert high - low == pytest.approx(expected, rel=0.02, abs=0.0), layer
    assert high - low < 0.003


def test_relu_gradient_vanishes_with_small_weights_but_not_with_he():
    small = layer_gradient_norms("relu", "small", depth=50, seed=0)["grad_norm"]
    he = layer_gradient_norms("relu", "he", depth=50, seed=0)["grad_norm"]
    assert small[0] < 1e-40
    assert 0.5 < he[0] / he[-1] < 2 and he[0] > 1
