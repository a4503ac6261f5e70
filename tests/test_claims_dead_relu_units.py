"""Every numerical or mathematical claim of blog/posts/dead-relu-units.md, checked.

One test per claim, in the order of the article.  The dead-unit numbers come from
``cached("dead_relu")`` (``actsite.experiments.dead_relu``) and, for the batch-normalised
repeat the article quotes from the guide, ``cached("dead_relu_batchnorm")``; the activations
from ``actsite.maths.functions``; the networks are built with ``actsite.experiments.mlp.MLP``.  Closed forms are
checked numerically with numpy (finite differences, Monte Carlo with fixed seeds).

One measurement of the article has no experiment module of its own, so its setup is fixed here
and is the reference for the numbers quoted: the saturated share of drifted sigmoid
pre-activations before and after batch normalisation (``drifted_batch``).

Citations, not testable here: CS231n's "as much as 40%" (only the figure's 40% line is checked);
Glorot, Bordes and Bengio (2011), 83.4% and 72.0% sparsity under an L1 penalty; He et al. (2015)
for the rule and PReLU; Glorot and Bengio (2010) for Xavier's rule; Maas, Hannun and Ng (2013) for
the leaky rectifier; Xu et al. (2015), a non-zero slope improving results; Goodfellow et al.
(2013) for Maxout; PyTorch's RReLU bounds (the registry's constants are checked); Ioffe and
Szegedy (2015), 14 times fewer steps; Santurkar et al. (2018), the smoother landscape.
"""
from __future__ import annotations

import inspect

import numpy as np
import pytest

from actsite.experiments.datasets import voronoi
from actsite.experiments import dead_relu, dead_relu_batchnorm, init_spread
from actsite.experiments.cache import cached
from actsite.maths.functions import ACTIVATIONS, LEAKY_SLOPE, leaky_relu, leaky_relu_prime, relu, relu_prime, sigmoid_prime
from actsite.experiments.mlp import INIT_SCALE, MLP, minibatches
from actsite.experiments.networks import Affine, parameter_count

H = 1e-5


@pytest.fixture(scope="module")
def dr():
    return cached("dead_relu")


def layer2_percent(r, key):
    return 100 * r[f"{key}_inactive"][..., 1]           # (learning rate, seed), second hidden layer


# --- introduction ---------------------------------------------------------------------------------

def test_relu_slope_is_1_on_the_active_side_and_it_costs_one_comparison():
    assert np.all(relu_prime(np.logspace(-8, 8, 50)) == 1.0)
    assert ACTIVATIONS["relu"].cost == "compare" and ACTIVATIONS["tanh"].cost == "exp"


# --- a unit that never learns again -----------------------------------------------------------

def test_relu_slope_is_0_for_every_negative_input():
    assert np.all(relu_prime(-np.logspace(-8, 8, 50)) == 0.0)


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


def test_figure_draws_a_dotted_line_at_40_percent():
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib.figure import Figure
    from actsite.figures.results import draw_dead_relu
    fig = Figure()
    draw_dead_relu(fig, {k: "black" for k in ("accent", "second", "muted")})
    lines = [ln for ln in fig.axes[0].get_lines() if ln.get_linestyle() == ":"]
    assert len(lines) == 1 and set(lines[0].get_ydata()) == {40}


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


def test_he_keeps_the_variance_xavier_halves_it_every_layer():
    X = np.random.default_rng(0).normal(size=(1000, 256))
    for init, factor in (("he", 1.0), ("xavier", 0.5)):
        net = MLP.create((256,) * 21 + (10,), "relu", init, seed=0)
        ms = np.array([np.mean(h ** 2) for h in net.forward(X)[1][1:]])
        assert np.exp(np.mean(np.log(ms[1:] / ms[:-1]))) == pytest.approx(factor, rel=0.05)


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


def test_the_initialisation_article_measures_both_rules_in_a_50_layer_network():
    r = cached("init_spread")
    assert int(r["depth"]) == 50 == init_spread.DEPTH
    assert init_spread.PAIRINGS["relu_he"][:2] == ("relu", "he")           # He's rule, 2/n
    assert init_spread.PAIRINGS["relu_lecun"][:2] == ("relu", "lecun")     # 1/n: Xavier's at equal widths


def test_guide_repeat_at_rate_1_0_with_batchnorm_no_unit_died_in_three_seeds_either_layer():
    with_bn, plain = cached("dead_relu_batchnorm"), cached("dead_relu")
    assert dead_relu_batchnorm.LEARNING_RATE == 1.0 and len(dead_relu.SEEDS) == 3
    assert with_bn["dead"].shape == (3, 2) and np.all(with_bn["dead"] == 0)
    assert np.all(plain["relu_inactive"][list(plain["learning_rates"]).index(1.0), :, 1] > 0.4)
