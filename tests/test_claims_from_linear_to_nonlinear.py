"""Every numerical or mathematical claim of blog/posts/from-linear-to-nonlinear.md, checked.

One test per claim, in the order of the article.  The dead-unit numbers come from
``cached("dead_relu")`` (``actsite.experiments.dead_relu``); the activations from
``actsite.functions``; the networks are built with ``actsite.mlp.MLP`` and
``actsite.networks``.  Closed forms are checked numerically with numpy (finite differences,
bisection, Monte Carlo with fixed seeds).

Four measurements of the article have no experiment module of their own, so their setup is
fixed here and is the reference for the numbers quoted:

* the per-example gradient signs of a 10-32-32-10 sigmoid MLP (``sigmoid_gradient_signs``),
* the swapped-units loss of a trained 2-4-2 tanh MLP (``swap_losses``),
* the RMS activation after 20 ReLU layers with He or Xavier initialisation (``deep_rms``),
* the saturated share of drifted sigmoid pre-activations before and after batch
  normalisation (``drifted_batch``).
"""
from __future__ import annotations

import inspect

import numpy as np
import pytest

from actsite.datasets import voronoi
from actsite.experiments import dead_relu
from actsite.experiments.cache import cached
from actsite.functions import (ACTIVATIONS, LEAKY_SLOPE, leaky_relu, leaky_relu_prime, relu, relu_prime,
                               sigmoid, sigmoid_prime, tanh, tanh_prime)
from actsite.mlp import INIT_SCALE, MLP, minibatches
from actsite.networks import (Affine, collapse, forward_identity, max_error_on_interval, parameter_count,
                              random_affine_stack, relu_interpolant_of_square)

H = 1e-5
CLASSIC = ("sigmoid", "tanh", "relu", "leaky_relu")


@pytest.fixture(scope="module")
def dr():
    return cached("dead_relu")


def second_derivative(f, x, h=H):
    return (f(x + h) - 2 * f(x) + f(x - h)) / h ** 2


def bisect(f, lo, hi, steps=200):
    """A root of f in [lo, hi], where f changes sign."""
    flo = f(lo)
    for _ in range(steps):
        mid = 0.5 * (lo + hi)
        if (f(mid) > 0) == (flo > 0):
            lo, flo = mid, f(mid)
        else:
            hi = mid
    return 0.5 * (lo + hi)


def layer2_percent(r, key):
    return 100 * r[f"{key}_inactive"][..., 1]           # (learning rate, seed), second hidden layer


# --- a shallow network is logistic regression on learned features --------------------------------

def test_logistic_output_is_a_probability_in_open_interval_and_label_needs_threshold_one_half():
    rng = np.random.default_rng(0)
    X, w, b = rng.normal(size=(1000, 5)), rng.normal(size=5), 0.3
    a = sigmoid(X @ w + b)
    assert np.all((a > 0) & (a < 1))
    assert len(np.unique(np.round(a, 3))) > 100          # a graded probability, not 0 or 1
    np.testing.assert_array_equal(a > 0.5, X @ w + b > 0)  # thresholding at 1/2 = sign of the score


def test_linear_hidden_layer_folds_into_logistic_regression():
    rng = np.random.default_rng(1)
    first, second = random_affine_stack((3, 4, 1), seed=1)
    x = rng.normal(size=(200, 3))
    shallow = sigmoid(second(first(x)))                  # phi = identity
    folded = collapse([first, second])
    np.testing.assert_allclose(shallow, sigmoid(folded(x)), atol=1e-12)
    assert folded.W.shape == (1, 3)                      # one affine map of the inputs: logistic regression


def test_linear_regression_is_a_one_layer_identity_network():
    rng = np.random.default_rng(2)
    X = rng.normal(size=(300, 4))
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + 0.7 + 0.1 * rng.normal(size=300)
    w, b = np.zeros(4), 0.0
    for _ in range(3000):                                 # gradient descent on squared error
        r = X @ w + b - y
        w, b = w - 0.1 * X.T @ r / len(X), b - 0.1 * r.mean()
    design = np.hstack([X, np.ones((300, 1))])
    least_squares = np.linalg.lstsq(design, y, rcond=None)[0]
    np.testing.assert_allclose(np.append(w, b), least_squares, atol=1e-8)


def test_stacked_linear_layers_add_nothing():
    layers = random_affine_stack((3, 5, 5, 2), seed=3)
    x = np.random.default_rng(3).normal(size=(50, 3))
    np.testing.assert_allclose(forward_identity(layers, x), collapse(layers)(x), atol=1e-10)


def test_softmax_outputs_sum_to_one_independent_sigmoids_do_not():
    logits = np.random.default_rng(4).normal(size=(100, 5)) * 3
    softmax = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    np.testing.assert_allclose(softmax.sum(axis=1), 1.0)
    assert np.max(np.abs(sigmoid(logits).sum(axis=1) - 1)) > 0.5


XOR_X = np.array([[0, 0], [1, 1], [0, 1], [1, 0]], dtype=float)
XOR_Y = np.array([0, 0, 1, 1])


def test_logistic_regression_cannot_separate_xor():
    """Whenever (1,0), (0,1) score positive and (0,0) negative, (1,1) scores positive: as argued."""
    rng = np.random.default_rng(5)
    w1, w2, b = rng.normal(size=(3, 2_000_000)) * 3
    ok = (w1 + b > 0) & (w2 + b > 0) & (b < 0)
    assert ok.sum() > 10_000
    assert np.all(w1[ok] + w2[ok] + b[ok] > -b[ok]) and np.all(w1[ok] + w2[ok] + b[ok] > 0)


def xor_score(x, act=relu):
    h1 = act(x[:, 0] + x[:, 1])
    h2 = act(x[:, 0] + x[:, 1] - 1)
    return h1 - 2 * h2 - 0.5


def test_two_relus_give_minus_and_plus_k_over_2():
    np.testing.assert_array_equal(xor_score(XOR_X), [-0.5, -0.5, 0.5, 0.5])
    for k in (0.01, 1.0, 7.0, 40.0):
        assert np.array_equal(sigmoid(k * xor_score(XOR_X)) > 0.5, XOR_Y == 1)
    p = sigmoid(40.0 * xor_score(XOR_X))
    assert np.all(np.abs(p - XOR_Y) < 1e-8)              # large k: probabilities close to 0 and 1


def test_identity_in_place_of_the_relus_fails_on_at_least_one_point():
    score = xor_score(XOR_X, act=lambda z: z)
    np.testing.assert_allclose(score, 1.5 - XOR_X.sum(axis=1))    # a straight-line boundary
    assert np.sum((score > 0) != (XOR_Y == 1)) >= 1


def test_one_hidden_relu_layer_approximates_closer_with_more_units():
    errors = [max_error_on_interval(relu_interpolant_of_square(n), np.square) for n in (4, 16, 64)]
    assert errors[0] > errors[1] > errors[2] and errors[2] < 1e-3


# --- what a good activation needs ---------------------------------------------------------------

def test_relu_is_linear_on_each_half_with_a_kink_at_zero():
    left, right = np.linspace(-3, -0.1, 30), np.linspace(0.1, 3, 30)
    assert np.all(relu(left) == 0) and np.allclose(relu(right), right)
    h = 1e-8
    assert (relu(h) - relu(0.0)) / h == pytest.approx(1.0) and (relu(0.0) - relu(-h)) / h == 0.0


def test_any_slope_in_0_1_is_a_subgradient_at_zero_and_frameworks_use_0():
    x = np.linspace(-5, 5, 1001)
    for s in (0.0, 0.3, 1.0):
        assert np.all(relu(x) >= relu(0.0) + s * x)      # the subgradient inequality
    assert not np.all(relu(x) >= 1.2 * x) and not np.all(relu(x) >= -0.2 * x)
    assert relu_prime(0.0) == 0.0


def test_exactly_zero_preactivation_is_rare_with_real_valued_data():
    X, _ = voronoi(seed=200)
    net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
    assert all(np.count_nonzero(z == 0) == 0 for z in net.hidden_preactivations(X))


@pytest.mark.parametrize("key", CLASSIC)
def test_all_four_classic_functions_are_monotone(key):
    x = np.linspace(-30, 30, 60001)
    assert ACTIVATIONS[key].monotonic and np.all(np.diff(ACTIVATIONS[key].f(x)) >= 0)


@pytest.mark.parametrize("key", CLASSIC)
def test_larger_weight_on_positive_input_never_lowers_the_output(key):
    f = ACTIVATIONS[key].f
    rng = np.random.default_rng(6)
    x, w, b = rng.uniform(0.01, 2, size=(500, 3)), rng.normal(size=3), 0.2
    base = f(x @ w + b)
    for i in range(3):
        bumped = w.copy()
        bumped[i] += 0.5
        assert np.all(f(x @ bumped + b) >= base)


def test_tanh_is_identity_near_zero_sigmoid_is_not():
    assert tanh(0.0) == 0.0 and tanh_prime(0.0) == 1.0
    assert sigmoid(0.0) == 0.5 and sigmoid_prime(0.0) == 0.25
    x = np.linspace(0.1, 3, 30)
    np.testing.assert_allclose(relu(x), x)
    assert np.all(relu(-x) != -x)                        # ReLU equals x only for x > 0


def test_taylor_series_of_sigmoid_and_tanh():
    x = np.array([0.02, 0.04, 0.08])
    sig_rest = (sigmoid(x) - (0.5 + x / 4 - x ** 3 / 48)) / x ** 5
    tanh_rest = (tanh(x) - (x - x ** 3 / 3)) / x ** 5
    np.testing.assert_allclose(sig_rest, 1 / 480, rtol=2e-2)     # next terms: x^5/480 and 2x^5/15
    np.testing.assert_allclose(tanh_rest, 2 / 15, rtol=2e-2)


def test_bounded_output_stays_bounded_for_huge_preactivations():
    z = np.array([-1e6, -50.0, 50.0, 1e6])
    assert np.all(np.abs(sigmoid(z)) <= 1) and np.all(np.abs(tanh(z)) <= 1)
    assert relu(1e6) == 1e6


def test_bounded_monotone_curves_flatten_and_relu_has_no_flat_positive_side():
    assert sigmoid_prime(20.0) < 1e-8 and tanh_prime(20.0) < 1e-15
    assert np.all(relu_prime(np.linspace(0.01, 1e6, 100)) == 1.0)


def test_open_ranges_but_textbook_sigmoid_rounds_to_1_from_about_36_74():
    x = np.linspace(-30, 30, 6001)
    assert np.all((sigmoid(x) > 0) & (sigmoid(x) < 1)) and np.all(np.abs(tanh(x / 2)) < 1)
    assert ACTIVATIONS["sigmoid"].output_range == (0.0, 1.0) and ACTIVATIONS["tanh"].output_range == (-1.0, 1.0)

    def textbook(v):
        return 1.0 / (1.0 + np.exp(-np.asarray(v, dtype=float)))
    x = np.linspace(30.0, 40.0, 100_001)
    first_one = x[np.argmax(textbook(x) == 1.0)]
    assert round(float(first_one), 2) == 36.74
    assert np.all(textbook(x[x >= first_one]) == 1.0) and np.all(textbook(x[x < first_one]) < 1.0)


# --- monotone does not mean convex ----------------------------------------------------------------

def squared_loss(w):
    return (sigmoid(w) - 1.0) ** 2


def squared_loss_second(w):
    s = sigmoid(-w)
    return 2 * s ** 2 * (1 - s) * (2 - 3 * s)


def test_squared_loss_equals_sigma_of_minus_w_squared():
    w = np.linspace(-10, 10, 201)
    np.testing.assert_allclose(squared_loss(w), sigmoid(-w) ** 2, atol=1e-15)


def test_second_derivative_formula_matches_finite_differences():
    w = np.linspace(-6, 6, 121)
    np.testing.assert_allclose(second_derivative(squared_loss, w, 1e-4), squared_loss_second(w), atol=1e-6)


def test_concave_exactly_when_sigma_minus_w_above_two_thirds_i_e_w_below_minus_ln2():
    w = np.linspace(-10, 10, 20001)
    w = w[np.abs(w + np.log(2)) > 1e-9]
    np.testing.assert_array_equal(squared_loss_second(w) < 0, sigmoid(-w) > 2 / 3)
    np.testing.assert_array_equal(squared_loss_second(w) < 0, w < -np.log(2))
    assert sigmoid(np.log(2)) == pytest.approx(2 / 3)
    assert round(-np.log(2), 2) == -0.69


def test_most_negative_second_derivative_minus_0_120_near_w_minus_1_85():
    w = np.linspace(-5, 0, 500001)
    curvature = squared_loss_second(w)
    assert round(float(curvature.min()), 3) == -0.120
    assert round(float(w[np.argmin(curvature)]), 2) == -1.85


def test_loss_bounded_in_0_1_and_not_constant():
    w = np.linspace(-40, 40, 8001)
    L = squared_loss(w)
    assert np.all((L >= 0) & (L <= 1)) and L.max() - L.min() > 0.99


def test_chord_from_minus_8_to_0_lies_below_the_curve_at_minus_4():
    assert round(float(squared_loss(-8.0)), 3) == 0.999
    assert squared_loss(0.0) == 0.25
    chord = (squared_loss(-8.0) + squared_loss(0.0)) / 2
    assert chord <= 0.625 and round(float(chord), 3) == 0.625
    assert round(float(squared_loss(-4.0)), 3) == 0.964 and squared_loss(-4.0) > chord


def test_cross_entropy_unit_is_convex_with_second_derivative_sigma_times_one_minus_sigma():
    w = np.linspace(-15, 15, 301)

    def ce(v):
        return np.logaddexp(0.0, -v)
    np.testing.assert_allclose(ce(w), -np.log(sigmoid(w)), rtol=1e-9)
    np.testing.assert_allclose(second_derivative(ce, w, 1e-4), sigmoid(w) * (1 - sigmoid(w)), atol=1e-6)
    assert np.all(sigmoid(w) * (1 - sigmoid(w)) > 0)


# The swap experiment: a 2-4-2 tanh MLP on a two-dimensional, two-class version of the project's
# Voronoi task (10 centres), LeCun initialisation, SGD with batches of 64 at rate 0.3 for 2000 steps.
SWAP_SIZES = (2, 4, 2)
SWAP_STEPS, SWAP_LR = 2000, 0.3


def swap_units(net: MLP, i: int, j: int) -> MLP:
    W = [w.copy() for w in net.weights]
    b = [c.copy() for c in net.biases]
    W[0][:, [i, j]] = W[0][:, [j, i]]                    # incoming weights
    b[0][[i, j]] = b[0][[j, i]]                          # biases
    W[1][[i, j]] = W[1][[j, i]]                          # outgoing weights
    return MLP(net.sizes, net.activation, W, b)


@pytest.fixture(scope="module")
def swap_losses():
    X, y = voronoi(dim=2, centroids=10, classes=2, seed=0)
    net = MLP.create(SWAP_SIZES, "tanh", "lecun", seed=0)
    batches = minibatches(len(X), 64, np.random.default_rng(0))
    for _ in range(SWAP_STEPS):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], SWAP_LR)
    swapped = swap_units(net, 0, 1)
    midpoint = MLP(net.sizes, "tanh", [(a + c) / 2 for a, c in zip(net.weights, swapped.weights)],
                   [(a + c) / 2 for a, c in zip(net.biases, swapped.biases)])
    return {"midpoint_net": midpoint, "X": X,
            **{k: float(n.loss_and_grads(X, y)[0]) for k, n in
               (("trained", net), ("swapped", swapped), ("midpoint", midpoint))}}


def test_swapping_two_hidden_units_changes_the_weights_but_not_the_loss(swap_losses):
    assert swap_losses["swapped"] == pytest.approx(swap_losses["trained"], rel=1e-12)


def test_swapped_units_are_identical_at_the_midpoint(swap_losses):
    mid = swap_losses["midpoint_net"]
    np.testing.assert_array_equal(mid.weights[0][:, 0], mid.weights[0][:, 1])
    h = mid.forward(swap_losses["X"])[1][1]
    np.testing.assert_array_equal(h[:, 0], h[:, 1])


def test_swap_losses_0_15_and_midpoint_1_35(swap_losses):
    assert round(swap_losses["trained"], 2) == 0.15 and round(swap_losses["swapped"], 2) == 0.15
    assert round(swap_losses["midpoint"], 2) == 1.35
    assert swap_losses["midpoint"] > max(swap_losses["trained"], swap_losses["swapped"])   # not convex


# --- sigmoid and tanh, derived ------------------------------------------------------------------

def test_sigmoid_derivative_chain_rule_form_and_product_form():
    x = np.linspace(-12, 12, 481)
    e = np.exp(-x)
    finite = (sigmoid(x + H) - sigmoid(x - H)) / (2 * H)
    np.testing.assert_allclose(e / (1 + e) ** 2, finite, atol=1e-10)
    np.testing.assert_allclose(1 / (1 + e) * e / (1 + e), sigmoid(x) * (1 - sigmoid(x)), atol=1e-15)
    np.testing.assert_allclose(1 - sigmoid(x), e / (1 + e), atol=1e-15)
    np.testing.assert_allclose(sigmoid_prime(x), finite, atol=1e-10)


def test_sigmoid_slope_at_most_one_quarter_reached_at_zero():
    s = np.linspace(0, 1, 100001)
    assert np.all(s * (1 - s) <= 0.25) and 0.5 * (1 - 0.5) == 0.25
    x = np.linspace(-20, 20, 40001)
    assert sigmoid_prime(x).max() == 0.25 and x[np.argmax(sigmoid_prime(x))] == 0.0


def test_tanh_is_a_rescaled_sigmoid_and_its_derivative_is_one_minus_tanh_squared():
    x = np.linspace(-8, 8, 321)
    np.testing.assert_allclose(tanh(x), 2 * sigmoid(2 * x) - 1, atol=1e-15)
    np.testing.assert_allclose(sigmoid(2 * x), (1 + tanh(x)) / 2, atol=1e-15)
    np.testing.assert_allclose(1 - sigmoid(2 * x), (1 - tanh(x)) / 2, atol=1e-15)
    finite = (tanh(x + H) - tanh(x - H)) / (2 * H)
    np.testing.assert_allclose(4 * sigmoid_prime(2 * x), finite, atol=1e-9)
    np.testing.assert_allclose((1 + tanh(x)) * (1 - tanh(x)), 1 - tanh(x) ** 2, atol=1e-15)
    np.testing.assert_allclose(tanh_prime(x), finite, atol=1e-9)


def test_tanh_slope_maximum_is_1_at_zero():
    x = np.linspace(-20, 20, 40001)
    assert tanh_prime(x).max() == 1.0 and x[np.argmax(tanh_prime(x))] == 0.0


def test_slopes_below_0_01_beyond_4_585_and_2_993():
    sig_edge = bisect(lambda v: sigmoid_prime(v) - 0.01, 0.0, 10.0)
    tanh_edge = bisect(lambda v: tanh_prime(v) - 0.01, 0.0, 10.0)
    assert round(sig_edge, 3) == 4.585 and round(tanh_edge, 3) == 2.993
    x = np.linspace(-15, 15, 30001)
    for df, edge in ((sigmoid_prime, sig_edge), (tanh_prime, tanh_edge)):
        np.testing.assert_array_equal(df(x) < 0.01, np.abs(x) > edge)


# The sign experiment: a 10-32-32-10 sigmoid MLP with Xavier initialisation (seed 0), at its
# initial weights, on the first 200 points of the Voronoi task with data seed 200.
SIGN_SIZES = (10, 32, 32, 10)


@pytest.fixture(scope="module")
def sigmoid_gradient_signs():
    X, y = voronoi(seed=200)
    X, y = X[:200], y[:200]
    net = MLP.create(SIGN_SIZES, "sigmoid", "xavier", seed=0)
    zs, hs = net.forward(X)
    per_example = []
    for n in range(len(X)):                              # exact gradient of one example at a time
        grads_W = net.loss_and_grads(X[n:n + 1], y[n:n + 1])[1]
        per_example.append(grads_W[1].T)                 # row j: the incoming weights of unit j
    g = np.array(per_example)                            # (example, unit, input)
    return {"g": g, "inputs": hs[1]}


def test_unit_weight_gradient_is_delta_times_input():
    X, y = voronoi(seed=200)
    net = MLP.create(SIGN_SIZES, "sigmoid", "xavier", seed=0)
    x, t = X[:1], y[:1]
    _, grads_W, grads_b = net.loss_and_grads(x, t)
    h1 = net.forward(x)[1][1][0]
    np.testing.assert_allclose(grads_W[1], np.outer(h1, grads_b[1]), atol=1e-15)   # dL/dw_i = delta x_i


def test_6400_per_example_gradients_every_one_single_signed_54_positive_46_negative(sigmoid_gradient_signs):
    g, inputs = sigmoid_gradient_signs["g"], sigmoid_gradient_signs["inputs"]
    assert g.shape[:2] == (200, 32) and g.shape[0] * g.shape[1] == 6400
    assert np.all(inputs > 0)                            # sigmoid outputs feed the second layer
    positive = np.all(g > 0, axis=2).mean()
    negative = np.all(g < 0, axis=2).mean()
    assert positive + negative == 1.0                    # none mixed
    assert round(100 * positive) == 54 and round(100 * negative) == 46


def test_tanh_is_odd_with_zero_mean_output_for_symmetric_inputs():
    z = np.random.default_rng(7).standard_normal(2_000_000)
    np.testing.assert_array_equal(tanh(-z), -tanh(z))
    assert abs(tanh(z).mean()) < 2e-3 and abs(sigmoid(z).mean() - 0.5) < 2e-3
    assert ACTIVATIONS["tanh"].zero_centred and not ACTIVATIONS["sigmoid"].zero_centred


def test_sigmoid_and_tanh_cost_an_exponential_relu_a_comparison():
    assert ACTIVATIONS["sigmoid"].cost == ACTIVATIONS["tanh"].cost == "exp"
    assert ACTIVATIONS["relu"].cost == "compare"


# --- ReLU and dead units ------------------------------------------------------------------------

def test_relu_slope_exactly_1_on_positive_side_and_many_exact_zeros_per_input():
    assert np.all(relu_prime(np.logspace(-8, 8, 50)) == 1.0)
    X, _ = voronoi(seed=200)
    net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
    h = relu(net.hidden_preactivations(X)[0])
    assert 0.4 < np.mean(h == 0) < 0.6


def make_dead_unit(unit: int = 7, layer: int = 0):
    """A trained-size ReLU MLP with one unit pushed negative on the whole data set via its bias."""
    X, y = voronoi(seed=200)
    net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
    z = net.hidden_preactivations(X)[layer][:, unit]
    net.biases[layer][unit] -= z.max() + 1.0
    return net, X, y


def test_unit_negative_on_all_data_has_exactly_zero_gradients():
    net, X, y = make_dead_unit()
    assert np.all(net.hidden_preactivations(X)[0][:, 7] < 0)
    _, grads_W, grads_b = net.loss_and_grads(X, y)
    assert np.all(grads_W[0][:, 7] == 0.0) and grads_b[0][7] == 0.0
    assert np.any(grads_W[0][:, 6] != 0.0) and grads_b[0][6] != 0.0   # a live neighbour does learn


def test_dead_unit_outputs_zero_everywhere_and_contributes_nothing_downstream():
    net, X, y = make_dead_unit()
    h = net.forward(X)[1][1]
    assert np.all(h[:, 7] == 0.0)
    before = net.loss_and_grads(X, y)
    net.weights[1][7] += 5.0                              # its outgoing weights do not matter
    after = net.loss_and_grads(X, y)
    assert after[0] == before[0] and np.all(before[1][1][7] == 0.0)


def test_first_layer_dead_unit_never_changes_under_sgd():
    net, X, y = make_dead_unit()
    w0, b0 = net.weights[0][:, 7].copy(), net.biases[0][7]
    batches = minibatches(len(X), 64, np.random.default_rng(0))
    for _ in range(100):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], 1.0)
    np.testing.assert_array_equal(net.weights[0][:, 7], w0)
    assert net.biases[0][7] == b0
    assert np.all(net.hidden_preactivations(X)[0][:, 7] < 0)


def test_deeper_dead_unit_can_come_back_when_the_layer_below_changes():
    net, X, y = make_dead_unit(unit=3, layer=1)
    assert np.all(net.hidden_preactivations(X)[1][:, 3] <= 0)
    _, grads_W, grads_b = net.loss_and_grads(X, y)
    assert np.all(grads_W[1][:, 3] == 0.0) and grads_b[1][3] == 0.0
    net.weights[0] *= 3.0                                 # the layer below changes its outputs
    assert np.any(net.hidden_preactivations(X)[1][:, 3] > 0)


def test_units_die_in_a_few_large_updates_at_a_high_learning_rate():
    """Seed 0 of the experiment, step by step: at rate 1.0 single steps kill dozens of units."""
    def killed_per_step(lr, steps=4):
        X, y = voronoi(seed=200)
        net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
        batches = minibatches(len(X), 64, np.random.default_rng(0))
        counts = [0]
        for _ in range(steps):
            idx = next(batches)
            net.sgd_step(X[idx], y[idx], lr)
            counts.append(round(256 * dead_relu.inactive_fraction(net, X)[1]))
        return np.diff(counts)
    assert killed_per_step(1.0).max() >= 50               # a quarter of the layer in one update
    assert killed_per_step(0.3).max() <= 3



def test_in_a_long_run_some_dead_second_layer_units_come_back():
    """Seed 0 at rate 1.0, the experiment's 600 steps: the dead count peaks, then falls."""
    X, y = voronoi(seed=200)
    net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
    batches = minibatches(len(X), 64, np.random.default_rng(0))
    dead = []
    for step in range(dead_relu.STEPS):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], 1.0)
        if step % 10 == 9:
            dead.append(dead_relu.inactive_fraction(net, X)[1])
    assert dead[-1] < max(dead) - 0.05                 # at least 13 of 256 units revived

# --- the measurement ----------------------------------------------------------------------------

def test_dead_relu_setup_as_stated():
    assert dead_relu.SIZES == (10, 256, 256, 10) and dead_relu.STEPS == 600
    assert tuple(dead_relu.LEARNING_RATES) == (0.01, 0.1, 0.3, 1.0, 2.0) and len(dead_relu.SEEDS) == 3
    assert tuple(dead_relu.ACTIVATIONS) == ("relu", "leaky_relu") and LEAKY_SLOPE == 0.01
    source = inspect.getsource(dead_relu.trained)          # the training loop behind dead_relu.train
    assert "minibatches(len(X), 64," in source and '"he"' in source and "sgd_step" in source
    X, y = voronoi(seed=200)
    assert X.shape == (4000, 10) and len(np.unique(y)) == 10
    assert inspect.signature(voronoi).parameters["centroids"].default == 100
    assert all(np.all(b == 0) for b in MLP.create(dead_relu.SIZES, "relu", "he", seed=0).biases)


def test_dead_means_preactivation_at_most_zero_on_every_training_point():
    net, X, _ = make_dead_unit()
    frac = dead_relu.inactive_fraction(net, X)
    assert frac[0] == pytest.approx(1 / 256) and frac[1] == 0.0
    net.biases[0][7] = -net.hidden_preactivations(X)[0][:, 7].max() + (net.biases[0][7] + 1e-9)
    assert dead_relu.inactive_fraction(net, X)[0] == 0.0  # one point barely positive: not dead


def test_leaky_inactive_unit_still_passes_gradient_scaled_by_a():
    z = -np.linspace(0.01, 10, 100)
    assert np.all(leaky_relu_prime(z) == 0.01) and np.all(relu_prime(z) == 0.0)


def test_figure_medians_about_41_and_49_relu_27_leaky_no_leaky_point_at_2(dr):
    relu_median = np.median(layer2_percent(dr, "relu"), axis=1)
    leaky = layer2_percent(dr, "leaky_relu")
    assert np.all(relu_median[:3] < 2.5)                  # near 0 on a 0-50% axis
    assert round(float(relu_median[3])) == 41 and round(float(relu_median[4])) == 49
    assert np.all(np.median(leaky[:3], axis=1) < 2.5) and round(float(np.median(leaky[3]))) == 27
    assert np.all(np.isnan(leaky[4]))


def test_at_initialisation_first_layer_none_second_layer_one_unit_in_one_seed(dr):
    for key in ("relu", "leaky_relu"):
        at_init = dr[f"{key}_at_init"]
        assert np.all(at_init[..., 0] == 0)
        counts = np.round(at_init[..., 1] * 256).astype(int)
        for row in counts:                                 # same initial nets for every learning rate
            assert sorted(row.tolist()) == [0, 0, 1]


def test_up_to_0_3_at_most_2_3_percent_dead(dr):
    assert round(float(layer2_percent(dr, "relu")[:3].max()), 1) == 2.3


def test_at_1_0_between_41_and_45_percent(dr):
    p = layer2_percent(dr, "relu")[3]
    assert round(float(p.min())) == 41 and round(float(p.max())) == 45


def test_at_2_0_between_43_and_52_percent_roughly_half(dr):
    p = layer2_percent(dr, "relu")[4]
    assert round(float(p.min())) == 43 and round(float(p.max())) == 52


def test_first_layer_never_lost_more_than_0_8_percent(dr):
    first = 100 * dr["relu_inactive"][..., 0]
    assert round(float(first.max()), 1) == 0.8


def test_dead_fraction_jumps_after_0_3(dr):
    p = layer2_percent(dr, "relu")
    assert p[3].min() > 10 * p[:3].max()


def test_training_errors_18_23_at_0_3_then_24_29_and_31_38(dr):
    err = 100 * dr["relu_error"]
    for row, (lo, hi) in zip(err[2:], ((18, 23), (24, 29), (31, 38))):
        assert (round(float(row.min())), round(float(row.max()))) == (lo, hi)


def test_best_runs_in_the_grid_are_at_0_3(dr):
    err = dr["relu_error"]
    assert np.argmin(err.min(axis=1)) == 2
    assert np.all(np.argmin(err, axis=0) == 2)            # best rate for every seed


def test_leaky_at_1_0_24_to_27_percent_inactive_and_21_percent_error(dr):
    p = layer2_percent(dr, "leaky_relu")[3]
    assert round(float(p.min())) == 24 and round(float(p.max())) == 27
    err = 100 * dr["leaky_relu_error"][3]
    assert np.all(np.round(err) == 21)
    assert err.max() < 100 * dr["relu_error"][3].min()    # lower than every ReLU run at 1.0


def test_leaky_at_2_0_all_three_runs_diverged(dr):
    assert np.all(np.isnan(dr["leaky_relu_inactive"][4])) and np.all(np.isnan(dr["leaky_relu_error"][4]))
    assert np.all(np.isfinite(dr["relu_inactive"][4]))    # the ReLU runs did not


def test_sparsity_per_input_is_not_deadness():
    X, _ = voronoi(seed=200)
    net = MLP.create(dead_relu.SIZES, "relu", "he", seed=0)
    z = net.hidden_preactivations(X)[0]
    assert np.mean(z <= 0) > 0.4                          # half the units are zero on a given input
    assert np.mean(np.all(z <= 0, axis=0)) == 0.0         # none on every input


# --- He initialisation ----------------------------------------------------------------------------

def test_preactivation_variance_is_fan_in_times_weight_variance_times_mean_square_input():
    rng = np.random.default_rng(8)
    n, var_w = 256, 0.01
    h = relu(rng.normal(size=(4000, n)))
    W = rng.normal(0, np.sqrt(var_w), size=(n, 4096))
    z = h @ W
    assert z.var() == pytest.approx(n * var_w * np.mean(h ** 2), rel=0.02)


def test_relu_of_symmetric_input_has_mean_square_half_the_variance():
    z = np.random.default_rng(9).normal(0, 1.7, size=4_000_000)
    assert np.mean(relu(z) ** 2) == pytest.approx(0.5 * z.var(), rel=3e-3)


def test_he_is_2_over_fan_in_xavier_1_over_n_for_equal_widths():
    assert INIT_SCALE["he"](256, 256) ** 2 == pytest.approx(2 / 256)
    assert INIT_SCALE["xavier"](256, 256) ** 2 == pytest.approx(2 / (256 + 256)) == pytest.approx(1 / 256)


# The depth measurement: 20 hidden ReLU layers of width 256 built with MLP (seed 0), on 1000
# standard normal inputs of width 256 (seed 0); RMS of the last hidden layer's activations.
@pytest.fixture(scope="module")
def deep_rms():
    X = np.random.default_rng(0).normal(size=(1000, 256))
    out = {}
    for init in ("he", "xavier"):
        net = MLP.create((256,) * 21 + (10,), "relu", init, seed=0)
        out[init] = float(np.sqrt(np.mean(net.forward(X)[1][-1] ** 2)))
    return out


def test_he_keeps_the_variance_xavier_halves_it_every_layer():
    X = np.random.default_rng(0).normal(size=(1000, 256))
    for init, factor in (("he", 1.0), ("xavier", 0.5)):
        net = MLP.create((256,) * 21 + (10,), "relu", init, seed=0)
        ms = np.array([np.mean(h ** 2) for h in net.forward(X)[1][1:]])
        assert np.exp(np.mean(np.log(ms[1:] / ms[:-1]))) == pytest.approx(factor, rel=0.05)


def test_20_layers_rms_1_12_with_he_and_0_0011_with_xavier_about_2_to_minus_10(deep_rms):
    assert round(deep_rms["he"], 2) == 1.12
    assert round(deep_rms["xavier"], 4) == 0.0011
    assert deep_rms["xavier"] / deep_rms["he"] == pytest.approx(2.0 ** -10, rel=0.05)


# --- Leaky ReLU, PReLU, RReLU, Maxout -----------------------------------------------------------

def f_a(x, a):
    return np.maximum(0, x) + a * np.minimum(0, x)


def test_one_formula_for_the_negative_slope_and_its_two_derivatives():
    x = np.concatenate([np.linspace(-5, -0.01, 50), np.linspace(0.01, 5, 50)])
    for a in (0.01, 0.25, 1.7, -0.3):
        dx = (f_a(x + H, a) - f_a(x - H, a)) / (2 * H)
        np.testing.assert_allclose(dx, np.where(x > 0, 1.0, a), atol=1e-8)
        da = (f_a(x, a + H) - f_a(x, a - H)) / (2 * H)
        np.testing.assert_allclose(da, np.minimum(0, x), atol=1e-8)
    np.testing.assert_allclose(f_a(x, LEAKY_SLOPE), leaky_relu(x))


def test_max_ax_x_shorthand_holds_for_leaky_slopes_and_fails_above_1():
    """max(ax, x) = f_a(x) for every a <= 1 (so for all 0 < a < 1), and fails for every a > 1."""
    x = np.linspace(-5, 5, 101)
    for a in (0.01, 0.25, 0.5, 0.99, 0.0, -0.5):
        np.testing.assert_allclose(np.maximum(a * x, x), f_a(x, a))
    for a in (1.01, 1.5, 2.0):
        assert not np.allclose(np.maximum(a * x, x), f_a(x, a))


def test_slope_1_is_the_identity():
    x = np.linspace(-5, 5, 101)
    np.testing.assert_array_equal(f_a(x, 1.0), x)


def test_rrelu_test_slope_is_the_mean_about_0_229_and_averaging_commutes():
    lo, hi = 1 / 8, 1 / 3
    assert round((lo + hi) / 2, 3) == 0.229
    a = np.random.default_rng(10).uniform(lo, hi, size=2_000_000)
    for x in (-3.0, -0.5, 2.0):
        assert np.mean(f_a(x, a)) == pytest.approx(f_a(x, (lo + hi) / 2), rel=1e-3)


def test_maxout_with_k_2_gives_relu_abs_and_leaky_relu():
    z = np.linspace(-5, 5, 101)
    np.testing.assert_array_equal(np.maximum(z, 0 * z), relu(z))
    np.testing.assert_array_equal(np.maximum(z, -z), np.abs(z))
    np.testing.assert_allclose(np.maximum(z, LEAKY_SLOPE * z), leaky_relu(z))


def test_maxout_is_convex_piecewise_linear_and_gradient_goes_to_the_winner():
    rng = np.random.default_rng(11)
    W, b = rng.normal(size=(4, 3)), rng.normal(size=4)
    for _ in range(20):
        p, q = rng.normal(size=(2, 3))
        t = np.linspace(0, 1, 2001)[:, None]
        line = p + t * (q - p)
        h = np.max(line @ W.T + b, axis=1)
        assert np.all(np.diff(h, 2) >= -1e-12)           # convex along every line
    x = rng.normal(size=3)
    winner = int(np.argmax(W @ x + b))
    grad_W = np.zeros_like(W)
    for j in range(4):
        for i in range(3):
            Wp = W.copy()
            Wp[j, i] += H
            grad_W[j, i] = (np.max(Wp @ x + b) - np.max(W @ x + b)) / H
    assert np.all(grad_W[np.arange(4) != winner] == 0) and np.allclose(grad_W[winner], x, atol=1e-6)


@pytest.mark.parametrize("k, m, n", [(2, 100, 50), (3, 7, 4)])
def test_maxout_layer_has_k_m_n_plus_1_parameters(k, m, n):
    ordinary = parameter_count((n, m))
    assert ordinary == m * (n + 1)
    pieces = [Affine(np.zeros((m, n)), np.zeros(m)) for _ in range(k)]   # k affine maps per layer
    maxout = sum(p.W.size + p.b.size for p in pieces)
    assert maxout == k * m * (n + 1) == k * ordinary


# --- batch normalisation --------------------------------------------------------------------------

def batch_norm(z, gamma=1.0, beta=0.0, eps=1e-5):
    return gamma * (z - z.mean(axis=0)) / np.sqrt(z.var(axis=0) + eps) + beta


# The drift measurement: 256 examples x 100 sigmoid units, pre-activations N(6, 2^2), seed 0.
@pytest.fixture(scope="module")
def drifted_batch():
    return np.random.default_rng(0).normal(6.0, 2.0, size=(256, 100))


def test_normalised_preactivations_have_mean_0_variance_1_per_unit(drifted_batch):
    z = batch_norm(drifted_batch)
    np.testing.assert_allclose(z.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(z.var(axis=0), 1, rtol=1e-5)


def test_relu_unit_cannot_be_negative_on_a_whole_normalised_batch():
    rng = np.random.default_rng(12)
    z = rng.normal(-50.0, 3.0, size=(64, 200))           # every raw value negative: dead on the batch
    assert np.all(z < 0)
    assert np.all(np.any(batch_norm(z) > 0, axis=0))


def test_drift_to_mean_6_std_2_leaves_76_percent_saturated_none_after_normalisation(drifted_batch):
    saturated = sigmoid_prime(drifted_batch) < 0.01
    assert round(100 * float(saturated.mean())) == 76
    assert np.count_nonzero(sigmoid_prime(batch_norm(drifted_batch)) < 0.01) == 0


def test_gamma_and_beta_can_move_the_values_back(drifted_batch):
    z = drifted_batch
    restored = batch_norm(z, gamma=np.sqrt(z.var(axis=0) + 1e-5), beta=z.mean(axis=0))
    np.testing.assert_allclose(restored, z, atol=1e-10)
