"""Every numerical or mathematical claim of blog/posts/why-nonlinear-activations.md, checked.

One test per claim, in the order of the article.  Closed forms are checked numerically
(finite differences, exact evaluation on grids); experiment numbers come from the cached
experiments ``gradient_depth``, ``training_speed`` and ``stalled_layers`` and are compared at
the precision the text quotes them.
"""
from __future__ import annotations

import inspect

import numpy as np
import pytest

from actsite.experiments.datasets import voronoi
from actsite.experiments.deep_nets import INIT_STD, layer_gradient_norms
from actsite.experiments import gradient_depth, stalled_layers, training_speed
from actsite.experiments.cache import cached
from actsite.figures.nonlinearity import tanh_flat_threshold
from actsite.maths.functions import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime
from actsite.experiments.mlp import INIT_SCALE
from actsite.experiments.networks import (FNN_LAYER_SIZES, absolute_from_relus, collapse, forward_identity,
                              max_error_on_interval, parameter_count, quadratic_h2,
                              quadratic_h2_as_printed, random_affine_stack,
                              relu_interpolant_of_square)

H = 1e-6


def central_difference(f, x, h=H):
    return (f(x + h) - f(x - h)) / (2 * h)


@pytest.fixture(scope="module")
def depth():
    return cached("gradient_depth")


@pytest.fixture(scope="module")
def speed():
    r = cached("training_speed")
    return {"relu": np.median(r["reach_relu"], axis=1), "tanh": np.median(r["reach_tanh"], axis=1),
            "lr": list(r["learning_rates"])}


@pytest.fixture(scope="module")
def stalled():
    return cached("stalled_layers")


# --- linear collapse ------------------------------------------------------------------------

def test_fnn_is_2_4_2_with_16_weights_6_biases_22_parameters():
    assert FNN_LAYER_SIZES == (2, 4, 2)
    layers = random_affine_stack(FNN_LAYER_SIZES)
    assert sum(layer.W.size for layer in layers) == 16
    assert sum(layer.b.size for layer in layers) == 6
    assert parameter_count(FNN_LAYER_SIZES) == 22


def test_weight_shapes_w1_4x2_w2_2x4():
    W1, W2 = (layer.W for layer in random_affine_stack(FNN_LAYER_SIZES))
    assert W1.shape == (4, 2) and W2.shape == (2, 4)
    assert random_affine_stack(FNN_LAYER_SIZES)[0].b.shape == (4,)
    assert random_affine_stack(FNN_LAYER_SIZES)[1].b.shape == (2,)


@pytest.mark.parametrize("seed", range(3))
def test_identity_network_is_w2w1_x_plus_w2b1_plus_b2(seed):
    layers = random_affine_stack(FNN_LAYER_SIZES, seed=seed)
    (W1, b1), (W2, b2) = ((layer.W, layer.b) for layer in layers)
    x = np.random.default_rng(100 + seed).normal(size=(200, 2))
    np.testing.assert_allclose(forward_identity(layers, x), x @ (W2 @ W1).T + W2 @ b1 + b2, rtol=1e-12)
    folded = collapse(layers)
    np.testing.assert_allclose(folded.W, W2 @ W1)
    np.testing.assert_allclose(folded.b, W2 @ b1 + b2)


def test_product_in_the_other_order_is_4x4_and_cannot_act_on_x():
    W1, W2 = (layer.W for layer in random_affine_stack(FNN_LAYER_SIZES))
    assert (W2 @ W1).shape == (2, 2)
    assert (W1 @ W2).shape == (4, 4)
    with pytest.raises(ValueError):
        (W1 @ W2) @ np.ones(2)


def test_collapsed_map_has_6_parameters():
    folded = collapse(random_affine_stack(FNN_LAYER_SIZES))
    assert folded.W.size == 4 and folded.b.size == 2


def test_ten_random_5x5_layers_fold_into_one():
    layers = random_affine_stack((5,) * 11, seed=7)
    assert len(layers) == 10 and all(layer.W.shape == (5, 5) for layer in layers)
    x = np.random.default_rng(8).normal(size=(100, 5))
    np.testing.assert_allclose(forward_identity(layers, x), collapse(layers)(x), rtol=1e-9, atol=1e-9)


def test_narrow_hidden_layer_forces_low_rank():
    layers = random_affine_stack((5, 2, 5), seed=3)
    assert np.linalg.matrix_rank(collapse(layers).W) == 2


def test_affine_maps_satisfy_the_corner_identity_and_xor_breaks_it():
    corners = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    for seed in range(5):
        f = collapse(random_affine_stack((2, 4, 3, 1), seed=seed))
        v = f(corners)
        np.testing.assert_allclose(v[0] + v[1], v[2] + v[3], atol=1e-12)
    xor = np.logical_xor(corners[:, 0], corners[:, 1]).astype(float)
    assert xor[0] + xor[1] == 0 and xor[2] + xor[3] == 2


def test_no_affine_map_fits_xor():
    corners = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    xor = np.array([0.0, 0.0, 1.0, 1.0])
    design = np.hstack([corners, np.ones((4, 1))])
    _, residual, _, _ = np.linalg.lstsq(design, xor, rcond=None)
    assert residual[0] > 0.9                     # best affine fit is 1/2 everywhere: residual 1


def test_affine_maps_in_one_dimension_satisfy_f_minus_1_plus_f_1_equals_2_f_0_and_abs_does_not():
    for seed in range(5):
        f = collapse(random_affine_stack((1, 3, 1), seed=seed))
        v = f(np.array([[-1.0], [1.0], [0.0]]))[:, 0]
        assert v[0] + v[1] == pytest.approx(2 * v[2])
    assert abs(-1) + abs(1) == 2 and 2 * abs(0) == 0


# --- ReLU is not linear ---------------------------------------------------------------------

def test_relu_additivity_fails_at_1_and_minus_1():
    assert relu(1.0) + relu(-1.0) == 1.0
    assert relu(1.0 + -1.0) == 0.0


def test_relu_homogeneity_fails_for_negative_scalars_but_holds_for_positive_ones():
    assert relu(-1.0) == 0.0 and -relu(1.0) == -1.0
    x = np.linspace(-5, 5, 101)
    for c in (0.0, 0.5, 2.0, 7.0):
        np.testing.assert_allclose(relu(c * x), c * relu(x))


def test_relu_is_linear_on_each_half_line_with_different_slopes():
    assert central_difference(relu, 2.0) == pytest.approx(1.0)
    assert central_difference(relu, -2.0) == 0.0


def test_absolute_value_is_exactly_two_relus():
    x = np.linspace(-3, 3, 6001)
    assert np.max(np.abs(absolute_from_relus(x) - np.abs(x))) == 0.0
    np.testing.assert_array_equal(relu(x) + relu(-x), np.abs(x))


def test_absolute_value_network_has_four_weights_and_no_biases():
    hidden_w, output_w = np.array([1.0, -1.0]), np.array([1.0, 1.0])
    x = np.linspace(-3, 3, 601)
    np.testing.assert_array_equal(relu(x[:, None] * hidden_w) @ output_w, np.abs(x))
    assert hidden_w.size + output_w.size == 4


def test_h2_passes_through_x_squared_at_the_five_knots():
    knots = np.arange(-2.0, 3.0)
    np.testing.assert_array_equal(quadratic_h2(knots), knots ** 2)


def test_h2_is_abs_between_minus_1_and_1_and_has_slope_3_beyond():
    x = np.linspace(-1, 1, 201)
    np.testing.assert_array_equal(quadratic_h2(x), np.abs(x))
    assert central_difference(quadratic_h2, 1.5) == pytest.approx(3.0)
    assert central_difference(quadratic_h2, -1.5) == pytest.approx(-3.0)
    assert relu(-2 * -1.5 - 2) == 1.0 and relu(-2 * -0.5 - 2) == 0.0   # g(-2x-2) is on only below -1
    assert relu(2 * 1.5 - 2) == 1.0 and relu(2 * 0.5 - 2) == 0.0     # g(2x-2) is on only above 1


def test_h2_max_error_0_25_at_half_points():
    assert max_error_on_interval(quadratic_h2, np.square) == pytest.approx(0.25, abs=1e-12)
    worst = np.array([-1.5, -0.5, 0.5, 1.5])
    np.testing.assert_allclose(np.abs(quadratic_h2(worst) - worst ** 2), 0.25)


def test_printed_variant_adds_2_at_0_and_6_at_2_and_misses_by_6():
    assert quadratic_h2_as_printed(0.0) - quadratic_h2(0.0) == 2.0
    assert quadratic_h2_as_printed(2.0) - quadratic_h2(2.0) == 6.0
    assert max_error_on_interval(quadratic_h2_as_printed, np.square) == pytest.approx(6.0)
    assert max_error_on_interval(absolute_from_relus, np.square) == pytest.approx(2.0)


def test_closed_form_p_n_matches_the_interpolant():
    x = np.linspace(-2, 2, 4001)
    for n in (2, 4, 8, 16, 33):
        h = 4 / n
        knots = -2 + h * np.arange(n + 1)
        p = 4 + (h - 4) * relu(x + 2) + 2 * h * sum(relu(x - knots[k]) for k in range(1, n))
        np.testing.assert_allclose(p, relu_interpolant_of_square(n)(x), atol=1e-10)
        np.testing.assert_allclose(relu_interpolant_of_square(n)(knots), knots ** 2, atol=1e-10)


def test_p4_equals_h2_on_the_interval():
    x = np.linspace(-2, 2, 401)
    np.testing.assert_allclose(relu_interpolant_of_square(4)(x), quadratic_h2(x), atol=1e-12)


@pytest.mark.parametrize("a, h", [(-2.0, 1.0), (0.3, 0.5), (1.0, 0.25)])
def test_chord_minus_parabola_factorises_and_peaks_at_h2_over_4(a, h):
    x = np.linspace(a, a + h, 1001)
    chord = a ** 2 + (2 * a + h) * (x - a)
    np.testing.assert_allclose(chord - x ** 2, (x - a) * (a + h - x), atol=1e-12)
    assert np.max(chord - x ** 2) == pytest.approx(h ** 2 / 4)
    assert x[np.argmax(chord - x ** 2)] == pytest.approx(a + h / 2, abs=h / 1000)


@pytest.mark.parametrize("n, quoted", [(2, 1.0), (4, 0.25), (128, 0.000244)])
def test_n_units_leave_error_4_over_n_squared(n, quoted):
    approx = relu_interpolant_of_square(n)
    assert approx.units == n
    error = max_error_on_interval(approx, np.square)
    assert error * n ** 2 == pytest.approx(4.0, abs=1e-6)
    assert error == pytest.approx(quoted, rel=1e-3)


def test_error_slope_minus_two_on_log_axes():
    units = 2 ** np.arange(1, 8)
    errors = [max_error_on_interval(relu_interpolant_of_square(int(n)), np.square) for n in units]
    assert np.polyfit(np.log(units), np.log(errors), 1)[0] == pytest.approx(-2.0, abs=0.01)


def test_outside_the_interval_h2_gives_28_and_p16_gives_34_at_10():
    assert quadratic_h2(10.0) == 28.0 and quadratic_h2(-10.0) == 28.0
    assert float(relu_interpolant_of_square(16)(np.array(10.0))) == pytest.approx(34.0)
    x = np.linspace(-10, 10, 2001)
    error = np.abs(relu_interpolant_of_square(16)(x) - x ** 2)
    assert error[-1] > error[-200] > 1             # error keeps growing beyond the knots


def test_finite_relu_net_grows_at_most_linearly():
    approx = relu_interpolant_of_square(16)
    far = np.array([1e3, 1e4, 1e5])
    assert np.all(np.abs(approx(far)) / far < 4)   # while x^2 / x = x grows without bound


# --- saturation -----------------------------------------------------------------------------

def test_sigmoid_range_open_unit_interval_and_tanh_range_minus_one_to_one():
    x = np.linspace(-15, 15, 3001)
    assert np.all((sigmoid(x) > 0) & (sigmoid(x) < 1))
    assert np.all((tanh(x) > -1) & (tanh(x) < 1))
    assert tanh(-2.0) < -0.9 and tanh(2.0) > 0.9
    np.testing.assert_allclose(tanh(-x), -tanh(x))     # odd


def test_sigmoid_derivative_formula_and_bound_one_quarter():
    x = np.linspace(-10, 10, 401)
    np.testing.assert_allclose(sigmoid_prime(x), central_difference(sigmoid, x), atol=1e-9)
    assert sigmoid_prime(np.linspace(-20, 20, 40001)).max() <= 0.25 == sigmoid_prime(0.0)


def test_tanh_is_2_sigmoid_2x_minus_1():
    x = np.linspace(-10, 10, 2001)
    assert np.max(np.abs(tanh(x) - (2 * sigmoid(2 * x) - 1))) < 1e-15


def test_tanh_derivative_is_4_sigmoid_prime_2x_and_1_minus_tanh_squared_at_most_1():
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(tanh_prime(x), 4 * sigmoid_prime(2 * x), atol=1e-12)
    np.testing.assert_allclose(tanh_prime(x), central_difference(tanh, x), atol=1e-9)
    assert tanh_prime(np.linspace(-20, 20, 40001)).max() <= 1.0 == tanh_prime(0.0)


def test_sigmoid_slope_below_0_01_beyond_4_585():
    edge = np.log((1 + np.sqrt(1 - 0.04)) / (1 - np.sqrt(1 - 0.04)))   # sigma' = 0.01 exactly
    assert round(edge, 3) == 4.585
    assert sigmoid_prime(4.586) < 0.01 < sigmoid_prime(4.584)
    assert sigmoid_prime(-4.586) < 0.01


def test_tanh_slope_below_0_01_beyond_2_993():
    edge = tanh_flat_threshold(0.01)
    assert round(edge, 3) == 2.993
    assert tanh_prime(2.994) < 0.01 < tanh_prime(2.992)


def test_product_of_sigmoid_slopes_at_most_quarter_to_the_n():
    rng = np.random.default_rng(0)
    for n in (1, 5, 10, 20):
        z = rng.normal(scale=3, size=(1000, n))
        assert np.all(np.prod(sigmoid_prime(z), axis=1) <= 0.25 ** n)
    assert 0.25 ** 10 == pytest.approx(9.5e-7, rel=0.01)
    assert 0.25 ** 20 == pytest.approx(9.1e-13, rel=0.01)


def test_slope_in_a_tail_is_below_0_01():
    assert sigmoid_prime(6.0) < 0.01 and tanh_prime(4.0) < 0.01


def test_five_stacked_sigmoids_shrink_the_gap_between_minus_and_plus_ten_to_0_0027():
    low, high = sigmoid(-10.0), sigmoid(10.0)
    assert high - low == pytest.approx(1.0, abs=1e-3)
    for _ in range(4):
        low, high = sigmoid(low), sigmoid(high)
    assert round(float(high - low), 4) == 0.0027


def test_textbook_sigmoid_is_exactly_one_at_37_and_its_slope_exactly_zero():
    def naive(x):
        return 1.0 / (1.0 + np.exp(-x))
    assert naive(36.0) < 1.0 and naive(37.0) == 1.0
    assert np.exp(-37.0) < np.spacing(1.0) / 2 < np.exp(-36.0)
    s = naive(37.0)
    assert s * (1 - s) == 0.0


def test_tanh_is_exactly_one_at_19_with_slope_exactly_zero():
    """The page's claim is about the slope computed from the output, 1 - tanh^2, as frameworks do."""
    assert np.tanh(18.0) < 1.0 and np.tanh(19.0) == 1.0
    t = np.tanh(19.0)
    assert 1 - t ** 2 == 0.0
    assert 0.0 < tanh_prime(19.0) < 1e-15       # the site's own sech^2 form keeps the tiny true value


# --- ReLU caveats ---------------------------------------------------------------------------

def test_relu_slope_is_exactly_1_for_positive_and_exactly_0_for_negative_inputs():
    x = np.array([-1e6, -3.0, -1e-9, 1e-9, 3.0, 1e6])
    np.testing.assert_array_equal(relu_prime(x), [0, 0, 0, 1, 1, 1])


def test_backward_rule_through_one_relu_layer_by_finite_differences():
    rng = np.random.default_rng(1)
    W, h_prev, upstream = rng.normal(size=(6, 5)), rng.normal(size=5), rng.normal(size=6)

    def loss(h):
        return upstream @ relu(W @ h)
    analytic = W.T @ (relu_prime(W @ h_prev) * upstream)
    finite = np.array([central_difference(lambda t: loss(h_prev + t * e), 0.0) for e in np.eye(5)])
    np.testing.assert_allclose(analytic, finite, atol=1e-6)


def test_depth_experiment_setup_50_layers_256_wide_batch_64():
    assert gradient_depth.DEPTH == 50
    signature = inspect.signature(layer_gradient_norms)
    assert signature.parameters["width"].default == 256
    assert signature.parameters["batch"].default == 64
    assert INIT_STD["small"](256) == 0.01
    assert INIT_STD["xavier"](256) ** 2 == pytest.approx(2 / (256 + 256))
    assert INIT_STD["he"](256) ** 2 == pytest.approx(2 / 256)


def test_small_weights_scale_the_signal_by_about_0_11_per_layer(depth):
    assert round(0.01 * np.sqrt(256 / 2), 2) == 0.11
    std = depth["relu_small_std"]
    per_layer = (std[-1] / std[0]) ** (1 / (len(std) - 1))
    assert round(float(per_layer), 2) == 0.11


def test_relu_small_init_first_layer_gradient_about_5e_minus_44(depth):
    g = float(depth["relu_small_grad"][0])
    assert g < 1e-40
    assert 4.5e-44 <= g < 5.5e-44


def test_relu_xavier_first_layer_gradient_about_5e_minus_5(depth):
    assert 4.5e-5 <= float(depth["relu_xavier_grad"][0]) < 5.5e-5


def test_relu_he_first_layer_gradient_about_1100_and_1_8_times_the_last(depth):
    g = depth["relu_he_grad"]
    assert round(float(g[0]), -2) == 1100
    assert round(float(g[0] / g[-1]), 1) == 1.8
    assert 0.5 < g[0] / g[-1] < 2


def test_sigmoid_xavier_first_to_last_ratio_about_4e_minus_31(depth):
    g = depth["sigmoid_xavier_grad"]
    assert 3.5e-31 <= float(g[0] / g[-1]) < 4.5e-31


def test_relu_first_to_last_ratio_is_1_8_under_all_three_scales(depth):
    ratios = [float(depth[f"relu_{init}_grad"][0] / depth[f"relu_{init}_grad"][-1]) for init in INIT_STD]
    assert all(round(r, 1) == 1.8 for r in ratios)
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-9)
    assert depth["relu_small_grad"].max() < 1e-40            # small everywhere, not lopsided


def test_dead_unit_is_a_flat_region_that_is_not_a_global_minimum():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(200, 3))
    y = relu(x @ np.array([1.0, -0.5, 0.3]))

    def loss_and_grad(w, b):
        z = x @ w + b
        r = relu(z) - y
        mask = relu_prime(z)
        return np.mean(r ** 2), 2 * np.mean((r * mask)[:, None] * x, axis=0), 2 * np.mean(r * mask)
    w, b = np.full(3, 0.1), -100.0
    loss, gw, gb = loss_and_grad(w, b)
    assert np.all(gw == 0) and gb == 0
    for _ in range(20):
        _, gw2, gb2 = loss_and_grad(w + rng.normal(scale=0.1, size=3), b + rng.normal(scale=0.1))
        assert np.all(gw2 == 0) and gb2 == 0
    fitted, _, _ = loss_and_grad(np.array([1.0, -0.5, 0.3]), 0.0)
    assert fitted == 0.0 < loss


# --- training speed -------------------------------------------------------------------------

def test_relu_slope_one_is_four_times_sigmoid_best_and_tanh_best_only_at_zero():
    assert relu_prime(5.0) == 1.0 == 4 * sigmoid_prime(0.0) == tanh_prime(0.0)
    x = np.linspace(-5, 5, 1001)
    assert np.all(tanh_prime(x[x != 0]) < 1.0)


def test_training_speed_setup_matches_text():
    assert training_speed.SIZES == (10, 128, 128, 128, 10)
    assert training_speed.SEEDS == (0, 1, 2) and training_speed.EVERY == 25
    assert training_speed.TARGET_ERROR == 0.25
    assert training_speed.LEARNING_RATES == (0.01, 0.03, 0.1)
    assert training_speed.INIT == {"relu": "he", "tanh": "lecun"}
    assert INIT_SCALE["lecun"](256, 1) == pytest.approx(1 / np.sqrt(256))
    source = inspect.getsource(training_speed.error_curve)
    assert "momentum=0.9" in source and "minibatches(len(X), 128" in source
    defaults = inspect.signature(voronoi).parameters
    assert (defaults["dim"].default, defaults["centroids"].default, defaults["classes"].default) == (10, 100, 10)


def test_median_iterations_to_25_percent_table(speed):
    np.testing.assert_array_equal(speed["relu"], [500, 275, 250])
    np.testing.assert_array_equal(speed["tanh"], [1075, 475, 300])


def test_tanh_over_relu_ratios_2_15_1_73_1_20(speed):
    ratios = speed["tanh"] / speed["relu"]
    assert [round(float(r), 2) for r in ratios] == [2.15, 1.73, 1.20]
    assert np.all(np.diff(ratios) < 0)                 # the gap narrows as the learning rate grows
    assert ratios.max() < 6


def test_tanh_gains_more_from_larger_steps(speed):
    assert speed["tanh"][0] / speed["tanh"][-1] > speed["relu"][0] / speed["relu"][-1]


def test_best_against_best_250_vs_300_ratio_1_20(speed):
    assert speed["relu"].min() == 250 and speed["tanh"].min() == 300
    assert round(float(speed["tanh"].min() / speed["relu"].min()), 2) == 1.20


# --- after the gradient has vanished --------------------------------------------------------

def test_stalled_layers_setup():
    assert stalled_layers.SIZES == (10,) + (64,) * 8 + (10,)
    assert stalled_layers.STEPS == 1500 and stalled_layers.FROZEN == 4
    assert stalled_layers.RUNS["sigmoid"][:2] == ("sigmoid", "xavier")
    assert stalled_layers.RUNS["relu"][:2] == ("relu", "he")


def test_sigmoid_first_layer_moved_about_0_05_percent_relu_more_than_100(stalled):
    assert round(float(stalled["sigmoid_change"][0]) * 100, 2) == 0.05
    assert float(stalled["relu_change"][0]) > 1.0


def test_freezing_the_lower_four_sigmoid_layers_changes_nothing(stalled):
    np.testing.assert_allclose(stalled["sigmoid_frozen_error"], stalled["sigmoid_error"], atol=1e-12)


def test_sigmoid_stuck_at_83_percent_relu_down_to_about_20(stalled):
    assert round(float(stalled["sigmoid_error"][-1]) * 100) == 83
    assert np.all(np.round(stalled["sigmoid_error"][-20:] * 100) == 83)
    assert round(float(stalled["relu_error"][-1]), 1) == 0.2


def test_saturating_means_bounded_on_both_sides_and_elu_saturates_on_one_side_only():
    """Sigmoid and tanh: bounded, slope -> 0 in both tails. ELU: bounded below by -alpha, slope -> 0
    as x -> -inf, but the identity with slope 1 for positive inputs (unbounded above)."""
    from actsite.maths.catalogue import elu, elu_prime
    tails = np.array([-40.0, 40.0])
    for f, fp, (low, high) in ((sigmoid, sigmoid_prime, (0, 1)), (tanh, tanh_prime, (-1, 1))):
        x = np.linspace(-40, 40, 8001)
        assert np.all((f(x) >= low) & (f(x) <= high))
        assert np.all(fp(tails) < 1e-15)
    alpha = 1.0
    x = np.linspace(-30, -1e-9, 3001)            # e^-30 still shows in double precision
    assert np.all(elu(x, alpha) > -alpha) and elu_prime(np.array([-40.0]), alpha)[0] < 1e-15
    positive = np.array([0.5, 10.0, 1e6])
    np.testing.assert_array_equal(elu(positive, alpha), positive)
    np.testing.assert_array_equal(elu_prime(positive, alpha), 1.0)
