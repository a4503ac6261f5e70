"""Every numerical or mathematical claim of guide.md (both languages), checked.

One test per claim, in the order of the page.  The dead-unit numbers come from the experiment
runs ``cached("dead_relu")`` (plain ReLU) and ``cached("dead_relu_batchnorm")`` (batch
normalisation before the ReLU, :mod:`actsite.experiments.dead_relu_batchnorm`), whose backward
pass is checked against finite differences here; the cost numbers from the committed
measurements in data/cost.json; gains by quadrature.

Citations, not testable here (each names its source on the page):

* BERT and the GPT models use GELU; Shazeer (2020) found GEGLU and SwiGLU best among his
  variants and compared them at equal parameter counts; PaLM and LLaMA use SwiGLU;
* LSTM and GRU gates use the sigmoid and the candidate state tanh; the forget gate is Gers et
  al.'s (2000); CS231n's "never use sigmoid" is advice about hidden layers;
* MobileNetV2/V3 use ReLU6, hard swish and hard-sigmoid gates; Klambauer et al.'s assumptions
  (LeCun initialisation, wide layers, alpha dropout), and that their derivation covers fully
  connected layers;
* that GELU, SiLU and Mish are commonly initialised with He's rule (a convention, as the
  page says); that published gains of smooth gates are each paper's own benchmarks;
* the recommendations themselves (judgements, each linked to its evidence).
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from actsite.experiments import cost
from actsite.maths.catalogue import EVERY
from actsite.experiments import dead_relu, dead_relu_batchnorm
from actsite.experiments.cache import cached
from actsite.maths.functions import relu, sigmoid, sigmoid_prime, tanh, tanh_prime
from actsite.maths.gaussian import gaussian_expectation
from actsite.pages.page_pairs import CONTENT, skeleton

PAGE = "guide.md"
X = np.linspace(-20, 20, 400_001)


@pytest.fixture(scope="module")
def plain():
    return cached("dead_relu")


@pytest.fixture(scope="module")
def with_bn():
    return cached("dead_relu_batchnorm")


def percent_range(values) -> str:
    return f"{round(100 * float(np.min(values)))}–{round(100 * float(np.max(values)))}%"


# --- the page -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["zh", "en"])
def test_page_is_in_the_nav_and_linked_from_the_home_page(lang):
    assert "guide.md" in (CONTENT[lang].parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "](guide.md)" in (CONTENT[lang] / "index.md").read_text(encoding="utf-8")
    assert "short-answer" in skeleton(CONTENT[lang] / PAGE).anchors


# --- hidden layers --------------------------------------------------------------------------

def test_sigmoid_and_tanh_slopes_fall_below_0_01_beyond_4_585_and_2_993():
    for slope, edge in ((sigmoid_prime, 4.585), (tanh_prime, 2.993)):
        beyond = X[np.abs(X) > edge + 1e-3]
        inside = X[np.abs(X) < edge - 1e-3]
        assert np.all(slope(beyond) < 0.01) and np.all(slope(inside) >= 0.01)


def test_silu_costs_32_times_relu_in_numpy_and_only_a_clip_matches_relu():
    data = cost.load()
    ratios = {key: cost.ratios(data)[key, "value", "float64"] for key in EVERY}
    assert round(ratios["silu"]) == 32
    assert {key for key, r in ratios.items() if r <= 1 and key != "relu"} == {"relu6", "hard_tanh"}
    assert all(data["functions"][key]["value"]["operations"] == {"clip": 1} for key in ("relu6", "hard_tanh"))


def test_hard_swish_costs_under_a_third_of_silu():
    ratios = cost.ratios(cost.load())
    assert 3 < ratios["silu", "value", "float64"] / ratios["hard_swish", "value", "float64"] < 4


def test_a_leaky_rectifier_has_a_nonzero_slope_on_the_negative_side():
    negative = np.linspace(-10, -0.01, 100)
    for key in ("leaky_relu", "prelu", "elu"):
        assert np.all(EVERY[key].df(negative) > 0), key
    assert np.all(EVERY["relu"].df(negative) == 0)


# --- transformers ---------------------------------------------------------------------------

def test_a_gated_layer_at_two_thirds_width_has_the_parameters_of_a_plain_one():
    d_model, d_ff = 768, 3072
    plain_layer = 2 * d_model * d_ff                       # in and out matrices
    gated_layer = 3 * d_model * (2 * d_ff // 3)            # two in matrices and one out
    assert gated_layer == plain_layer


# --- recurrent gates ------------------------------------------------------------------------

def test_sigmoid_lies_between_0_and_1_and_is_half_open_at_zero():
    moderate = np.linspace(-30, 30, 6001)
    assert np.all((sigmoid(moderate) > 0) & (sigmoid(moderate) < 1))
    assert float(sigmoid(np.array(0.0))) == 0.5
    assert float(sigmoid(np.array(-40.0))) < 1e-17            # saturation: nearly closed


def test_a_gru_state_stays_in_minus_1_1_and_an_lstm_cell_can_grow():
    rng = np.random.default_rng(0)
    h, c = np.zeros(100), np.zeros(100)
    for _ in range(1000):
        update, candidate = sigmoid(rng.normal(0, 3, 100)), tanh(rng.normal(0, 3, 100))
        h = (1 - update) * h + update * candidate           # GRU: a gated average
        c = 1.0 * c + sigmoid(rng.normal(0, 3, 100)) * candidate   # LSTM cell, forget gate open
    assert np.all(np.abs(h) < 1) and np.max(np.abs(c)) > 10
    assert np.all(np.abs(sigmoid(np.array(5.0)) * tanh(c)) < 1)   # the output passes through tanh


# --- output layers ---------------------------------------------------------------------------

def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def test_cross_entropy_on_logits_has_gradient_p_minus_y():
    rng = np.random.default_rng(0)
    z, y = rng.normal(size=7), np.eye(7)[3]
    loss = lambda v: -np.sum(y * (v - v.max() - np.log(np.sum(np.exp(v - v.max())))))  # noqa: E731
    h = 1e-6
    numeric = np.array([(loss(z + h * e) - loss(z - h * e)) / (2 * h) for e in np.eye(7)])
    np.testing.assert_allclose(numeric, softmax(z) - y, atol=1e-8)


def test_the_combined_form_avoids_overflow_and_lost_precision():
    z = np.array([1000.0, 0.0])
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        naive = np.log(np.exp(z) / np.exp(z).sum())
    stable = z - z.max() - np.log(np.sum(np.exp(z - z.max())))
    assert np.isnan(naive).any() and np.all(np.isfinite(stable)) and stable[1] == -1000.0
    with np.errstate(divide="ignore"):
        assert np.log(1 / (1 + np.exp(40.0))) > -50 and np.log(sigmoid(np.array(-800.0))) == -np.inf
    assert -np.logaddexp(0.0, 800.0) == -800.0                 # log sigmoid(-800) from the logit


# --- initialisation ---------------------------------------------------------------------------

def gain(key: str, q: float) -> float:
    return math.sqrt(q / gaussian_expectation(lambda z: EVERY[key].f(z) ** 2, q))


def test_relu_gain_is_root_2_at_every_scale():
    for q in (0.01, 1.0, 4.0, 100.0):
        assert gain("relu", q) == pytest.approx(math.sqrt(2), rel=1e-9)
    assert round(math.sqrt(2), 3) == 1.414


def test_gelu_and_silu_gains_depend_on_the_scale():
    assert (round(gain("gelu", 1.0), 3), round(gain("gelu", 4.0), 3)) == (1.534, 1.44)
    assert (round(gain("silu", 1.0), 3), round(gain("silu", 4.0), 3)) == (1.677, 1.508)
    for key in ("gelu", "silu"):
        assert gain(key, 1.0) > gain(key, 4.0) > gain(key, 100.0) > math.sqrt(2)
        assert gain(key, 10_000.0) == pytest.approx(math.sqrt(2), rel=1e-3)   # towards ReLU's


def test_he_initialisation_lets_ten_gelu_or_silu_layers_shrink_the_mean_square():
    for key, after_ten in (("gelu", 0.029), ("silu", 0.0036)):
        q, history = 1.0, [1.0]
        for _ in range(10):
            q = 2 * gaussian_expectation(lambda z: EVERY[key].f(z) ** 2, q)
            history.append(q)
        assert float(f"{q:.2g}") == after_ten, key
        ratios = np.array(history[1:]) / np.array(history[:-1])
        assert np.all(np.diff(ratios) < 0)                   # the fall speeds up
        assert ratios[-1] == pytest.approx(0.5, abs=0.07)      # towards halving


def test_gelu_and_silu_are_close_to_x_over_2_near_zero():
    x = np.linspace(-1e-3, 1e-3, 201)
    for key in ("gelu", "silu"):
        np.testing.assert_allclose(EVERY[key].f(x), x / 2, atol=1e-6)


# --- training stalls ---------------------------------------------------------------------------

def test_plain_relu_dead_units_almost_none_up_to_0_3_and_41_45_percent_at_1(plain):
    rates = list(plain["learning_rates"])
    layer2 = plain["relu_inactive"][..., 1]
    assert round(100 * max(layer2[rates.index(r)].max() for r in (0.01, 0.1, 0.3)), 1) <= 2.3   # "almost none"
    assert percent_range(layer2[rates.index(1.0)]) == "41–45%"


def test_the_batchnorm_run_is_the_dead_relu_setting_at_learning_rate_1():
    assert dead_relu_batchnorm.LEARNING_RATE == 1.0 and 1.0 in dead_relu.LEARNING_RATES
    assert dead_relu.SIZES == (10, 256, 256, 10) and dead_relu.STEPS == 600 and dead_relu.SEEDS == (0, 1, 2)
    net = dead_relu_batchnorm.BatchNormMLP.create(seed=0)
    assert all(np.all(g == 1) for g in net.gammas) and all(np.all(b == 0) for b in net.betas)


def test_no_unit_died_with_batchnorm_in_any_seed_or_layer(with_bn, plain):
    assert np.all(with_bn["dead"] == 0) and with_bn["dead"].shape == (3, 2)
    assert np.all(plain["relu_inactive"][list(plain["learning_rates"]).index(1.0), :, 1] > 0.4)


def test_least_active_units_14_17_percent_in_layer_2_and_31_in_layer_1(with_bn):
    assert percent_range(with_bn["least_active"][:, 1]) == "14–17%"
    assert {round(100 * v) for v in with_bn["least_active"][:, 0]} == {31}


def test_training_error_15_21_percent_with_batchnorm_against_24_29_without(with_bn, plain):
    assert percent_range(with_bn["error"]) == "15–21%"
    assert percent_range(plain["relu_error"][list(plain["learning_rates"]).index(1.0)]) == "24–29%"


def test_a_normalised_unit_dies_only_if_beta_is_below_minus_gamma_times_its_largest_value():
    rng = np.random.default_rng(0)
    z = rng.normal(2.0, 3.0, 4000)
    z_hat = (z - z.mean()) / z.std()
    assert abs(z_hat.mean()) < 1e-12 and z_hat.max() > 0
    gamma = 0.7
    edge = -gamma * z_hat.max()
    assert np.all(gamma * z_hat + edge <= 0) and not np.all(gamma * z_hat + (edge + 1e-9) <= 0)


def test_batchnorm_backward_pass_matches_finite_differences():
    net = dead_relu_batchnorm.BatchNormMLP.create((4, 6, 5, 3), seed=1)
    for beta in net.betas:
        beta += 0.3                                       # keep units away from the kink
    rng = np.random.default_rng(2)
    X, y = rng.normal(size=(16, 4)), rng.integers(3, size=16)
    _, grads = net.loss_and_grads(X, y)
    h = 1e-6
    for name, params in (("W", net.weights), ("gamma", net.gammas), ("beta", net.betas)):
        for layer, p in enumerate(params):
            numeric = np.zeros_like(p)
            for index in np.ndindex(p.shape):
                saved = p[index]
                p[index] = saved + h
                up = net.loss_and_grads(X, y)[0]
                p[index] = saved - h
                down = net.loss_and_grads(X, y)[0]
                p[index] = saved
                numeric[index] = (up - down) / (2 * h)
            np.testing.assert_allclose(grads[name][layer], numeric, atol=1e-7, err_msg=f"{name}[{layer}]")


def test_tanh_keeps_the_variance_only_near_zero_and_sigmoid_keeps_mostly_its_mean():
    tanh_square = lambda q: gaussian_expectation(lambda z: EVERY["tanh"].f(z) ** 2, q)  # noqa: E731
    assert tanh_square(1e-4) == pytest.approx(1e-4, rel=1e-3) and tanh_square(1.0) < 0.5
    mean = gaussian_expectation(lambda z: sigmoid(z), 1.0)
    square = gaussian_expectation(lambda z: sigmoid(z) ** 2, 1.0)
    assert mean == pytest.approx(0.5, abs=1e-12) and mean ** 2 / square > 0.85


def test_he_rule_for_a_leaky_slope_is_exact_at_every_scale():
    for a in (0.01, 0.25):
        second = lambda q: gaussian_expectation(lambda z: EVERY["leaky_relu"].f(z, a) ** 2, q)  # noqa: E731
        for q in (0.01, 1.0, 100.0):
            assert math.sqrt(q / second(q)) == pytest.approx(math.sqrt(2 / (1 + a ** 2)), rel=1e-9)


def test_dead_units_are_counted_on_all_4000_training_points():
    from actsite.experiments.datasets import voronoi
    X, _ = voronoi(seed=200)
    net = dead_relu_batchnorm.BatchNormMLP.create(seed=0)
    assert len(X) == 4000 and net.forward(X)[1][1][3].shape == (4000, 256)


def test_figure_and_text_how_often_each_unit_is_active(with_bn):
    from matplotlib.figure import Figure

    from actsite.figures.guide import draw_dead_relu_batchnorm
    fig = Figure()
    drawn = draw_dead_relu_batchnorm(fig, {k: "black" for k in ("accent", "second")})
    plain, normalised = drawn["plain_shares"], drawn["shares"]
    assert plain.shape == normalised.shape == (3, 256) and fig.axes[0].get_ylim() == (-2, 50)
    assert np.all(np.diff(plain, axis=1) >= 0) and np.all(np.diff(normalised, axis=1) >= 0)   # sorted
    assert percent_range(np.mean(plain == 0, axis=1)) == "41–45%"
    assert np.allclose(np.mean(plain == 0, axis=1), cached("dead_relu")["relu_inactive"][3, :, 1])
    assert percent_range(np.mean(plain < 0.05, axis=1)) == "64–67%"          # "about two thirds"
    assert percent_range(plain[:, -1]) == "20–29%" and round(100 * plain.max()) == 29
    assert percent_range(normalised[:, 0]) == "14–17%" and percent_range(normalised[:, -1]) == "41–45%"
    assert {round(100 * float(np.median(row))) for row in normalised} == {27, 28}
