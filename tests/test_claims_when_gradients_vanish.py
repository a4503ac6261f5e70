"""Every numerical or mathematical claim of blog/posts/when-gradients-vanish.md, checked.

One test per claim, in the order of the article.  Experiment numbers come from
``cached("gradient_depth")`` (the 50-layer stacks of :mod:`actsite.experiments.deep_nets`) and
``cached("stalled_layers")`` (the deep sigmoid and ReLU classifiers); the initial state of
the stalled-layers network is recomputed with :class:`actsite.experiments.mlp.MLP`.  Closed forms (the
backward recursion, the norm bound, the variance argument and its fixed points, the residual
Jacobian) are checked numerically with numpy: finite differences, Gauss-Hermite quadrature
and Monte Carlo with fixed seeds.  Figures are checked on what they draw.

Numbers quoted from the literature (Hochreiter's thesis, the 30-layer ReLU network of He et
al., batch normalisation's 14 times fewer steps, the 152-layer ResNet) are citations, not
computations of this project, and are not tested here.  The article shows no code block.
"""
from __future__ import annotations

import inspect
import math
import re

import numpy as np
import pytest

from actsite.experiments.datasets import voronoi
from claim_helpers import assert_voronoi_matches_its_description, page_text
from actsite.experiments.deep_nets import INIT_STD, layer_gradient_norms
from actsite.experiments import gradient_depth, stalled_layers
from actsite.experiments.cache import cached
from actsite.maths.functions import ACTIVATIONS, relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime
from actsite.experiments.mlp import MLP, minibatches

WIDTH = 256
H = 1e-6
GAUSS_X, GAUSS_W = np.polynomial.hermite_e.hermegauss(201)
GAUSS_W = GAUSS_W / GAUSS_W.sum()


@pytest.fixture(scope="module")
def gd():
    return cached("gradient_depth")


@pytest.fixture(scope="module")
def st():
    return cached("stalled_layers")


@pytest.fixture(scope="module")
def initial_sigmoid_net():
    """The stalled-layers sigmoid network at initialisation, with its training data."""
    X, y = voronoi(seed=400)
    return MLP.create(stalled_layers.SIZES, "sigmoid", "xavier", seed=stalled_layers.SEED), X, y


def gaussian_mean(f, variance):
    """E[f(z)] for z ~ N(0, variance), by Gauss-Hermite quadrature (smooth f only)."""
    return float(GAUSS_W @ f(np.sqrt(variance) * GAUSS_X))


def steady_variance(f, n_var_w, q=1.0, iterations=5000):
    """Fixed point of the forward recursion Var(z') = n Var(w) E[f(z)^2]."""
    for _ in range(iterations):
        q = n_var_w * gaussian_mean(lambda z: f(z) ** 2, q)
    return q


def bisect(g, lo, hi, steps=200):
    for _ in range(steps):
        mid = (lo + hi) / 2
        if (g(lo) > 0) == (g(mid) > 0):
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def per_layer_factor(norms):
    """The factor by which one layer down multiplies the gradient: (first / last)^(1/(L-1))."""
    return float((norms[0] / norms[-1]) ** (1 / (len(norms) - 1)))


def e(x, digits=0):
    """Scientific notation as the article prints it (one significant digit by default)."""
    return f"{x:.{digits}e}"


# --- a small bias-free stack, for the chain-rule claims --------------------------------------

def small_stack(seed, depth=4, width=5, scale=1.0, activation="sigmoid"):
    rng = np.random.default_rng(seed)
    weights = [rng.normal(0, scale / np.sqrt(width), (width, width)) for _ in range(depth)]
    x = rng.normal(size=width)
    upstream = rng.normal(size=width)           # dL/dh_L of the loss L = upstream . h_L
    return ACTIVATIONS[activation], weights, x, upstream


def forward(act, weights, x):
    h, zs, hs = x, [], [x]
    for W in weights:
        z = W @ h
        zs.append(z)
        h = act.f(z)
        hs.append(h)
    return zs, hs


def loss(act, weights, x, upstream):
    return float(upstream @ forward(act, weights, x)[1][-1])


def deltas(act, weights, x, upstream):
    """delta_l = (W_{l+1}^T delta_{l+1}) * f'(z_l), starting from delta_L = dL/dh_L * f'(z_L)."""
    zs, _ = forward(act, weights, x)
    out = [None] * len(weights)
    out[-1] = upstream * act.df(zs[-1])
    for layer in reversed(range(len(weights) - 1)):
        out[layer] = (weights[layer + 1].T @ out[layer + 1]) * act.df(zs[layer])
    return out


# --- the gradient is a product -----------------------------------------------------------------

@pytest.mark.parametrize("seed", range(3))
def test_weight_gradient_is_outer_product_delta_times_incoming_signal(seed):
    act, weights, x, upstream = small_stack(seed)
    _, hs = forward(act, weights, x)
    ds = deltas(act, weights, x, upstream)
    for layer, W in enumerate(weights):
        finite = np.empty_like(W)
        for i in range(W.shape[0]):
            for j in range(W.shape[1]):
                step = np.zeros_like(W)
                step[i, j] = H
                plus = [w + step if k == layer else w for k, w in enumerate(weights)]
                minus = [w - step if k == layer else w for k, w in enumerate(weights)]
                finite[i, j] = (loss(act, plus, x, upstream) - loss(act, minus, x, upstream)) / (2 * H)
        np.testing.assert_allclose(np.outer(ds[layer], hs[layer]), finite, rtol=1e-5, atol=1e-10)


@pytest.mark.parametrize("seed", range(3))
def test_delta_recursion_matches_finite_differences_in_z(seed):
    """delta_l = dL/dz_l: perturb z_l and run the rest of the stack forward."""
    act, weights, x, upstream = small_stack(seed)
    zs, _ = forward(act, weights, x)
    ds = deltas(act, weights, x, upstream)
    for layer in range(len(weights)):
        def rest(z):
            return loss(act, weights[layer + 1:], act.f(z), upstream)
        finite = np.array([(rest(zs[layer] + H * u) - rest(zs[layer] - H * u)) / (2 * H)
                           for u in np.eye(len(x))])
        np.testing.assert_allclose(ds[layer], finite, rtol=1e-5, atol=1e-10)


@pytest.mark.parametrize("seed", range(3))
def test_unrolled_delta_1_is_L_slope_matrices_and_L_minus_1_weight_matrices(seed):
    act, weights, x, upstream = small_stack(seed, depth=6)
    zs, _ = forward(act, weights, x)
    D = [np.diag(act.df(z)) for z in zs]
    product = D[0]
    for layer in range(1, len(weights)):
        product = product @ weights[layer].T @ D[layer]
    factors_D, factors_W = len(D), len(weights) - 1
    assert (factors_D, factors_W) == (6, 5)
    np.testing.assert_allclose(product @ upstream, deltas(act, weights, x, upstream)[0], rtol=1e-12)


def test_sigmoid_slope_at_most_one_quarter_with_the_peak_at_zero():
    x = np.linspace(-30, 30, 600001)
    assert sigmoid_prime(x).max() <= 0.25 and sigmoid_prime(0.0) == 0.25
    assert x[np.argmax(sigmoid_prime(x))] == 0.0
    assert np.all(np.diff(sigmoid_prime(x[x >= 0])) <= 0)        # flatter away from zero


@pytest.mark.parametrize("seed, scale", [(s, c) for s in range(4) for c in (0.1, 1.0, 4.0, 20.0)])
def test_norm_bound_on_delta_1_holds_whatever_the_weights(seed, scale):
    act, weights, x, upstream = small_stack(seed, depth=8, width=6, scale=scale)
    delta_1 = deltas(act, weights, x, upstream)[0]
    spectral = np.prod([np.linalg.norm(W, 2) for W in weights[1:]])
    bound = 0.25 ** len(weights) * spectral * np.linalg.norm(upstream)
    assert np.linalg.norm(delta_1) <= bound * (1 + 1e-12)


def test_spectral_norm_is_the_largest_stretch_factor():
    W = np.random.default_rng(3).normal(size=(6, 6))
    v = np.random.default_rng(4).normal(size=(6, 20000))
    stretch = np.linalg.norm(W @ v, axis=0) / np.linalg.norm(v, axis=0)
    assert stretch.max() <= np.linalg.norm(W, 2) * (1 + 1e-12)
    top = np.linalg.svd(W)[2][0]
    assert np.linalg.norm(W @ top) == pytest.approx(np.linalg.norm(W, 2))


@pytest.mark.parametrize("lang, wording", [("en", "contribute at most $(1/4)^{10} \\approx 9.5 \\times 10^{-7}$"),
                                            ("zh", "至多贡献 $(1/4)^{10} \\approx 9.5 \\times 10^{-7}$")])
def test_slopes_alone_over_ten_layers_at_most_9_5e_minus_7(lang, wording):
    """An upper bound, not the value: sigmoid' peaks at 1/4 (at z = 0) and is below it elsewhere."""
    z = np.linspace(-10, 10, 200_001)
    assert sigmoid_prime(z).max() == pytest.approx(0.25) and sigmoid_prime(np.array([0.5, 2.0])).max() < 0.25
    assert e(0.25 ** 10, 1) == "9.5e-07"
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)


def test_weights_stretching_by_four_per_layer_would_compensate_the_slopes():
    assert (0.25 * 4) ** 10 == 1.0


def test_sigmoid_slope_is_0_01_where_s_is_half_of_1_plus_root_0_96_at_4_585():
    s = (1 + math.sqrt(0.96)) / 2
    assert s * (1 - s) == pytest.approx(0.01, rel=1e-12)
    edge = math.log(s / (1 - s))
    assert round(edge, 3) == 4.585
    assert sigmoid_prime(4.586) < 0.01 < sigmoid_prime(4.584)
    assert sigmoid_prime(-4.586) < 0.01
    assert np.all(sigmoid_prime(np.linspace(edge + 1e-9, 40, 10001)) < 0.01)


def test_tanh_slope_is_0_01_where_tanh_is_root_0_99_at_2_993():
    edge = math.atanh(math.sqrt(0.99))
    assert 1 - math.tanh(edge) ** 2 == pytest.approx(0.01, rel=1e-9)
    assert round(edge, 3) == 2.993
    assert tanh_prime(2.994) < 0.01 < tanh_prime(2.992)
    assert np.all(tanh_prime(np.linspace(edge + 1e-9, 20, 10001)) < 0.01)


def test_25_inputs_of_1_with_weights_0_2_give_a_pre_activation_of_5_beyond_the_sigmoid_threshold():
    assert sum([0.2] * 25) == pytest.approx(5.0) and 5.0 > 4.585 and sigmoid_prime(5.0) < 0.01


def test_sigmoid_figure_shades_both_tails_beyond_4_585_and_labels_the_left_one():
    """Alt text: 'Both tails, beyond |x| = 4.585, are shaded; a label in the left one
    reads σ′ < 0.01 for |x| > 4.585.'"""
    from actsite.figures.registry import FIGURES
    from actsite.figures.render import draw
    spec = FIGURES["sigmoid"]
    fig, data = draw(spec.plot(), "light", spec.size)
    ax = fig.axes[0]
    assert round(data["flat_edge"], 3) == 4.585 and data["x"].min() == -10 and data["x"].max() == 10
    spans = sorted(tuple(np.round(p.get_x() + np.array([0, p.get_width()]), 3)) for p in ax.patches
                   if p.get_width() < 20)
    assert spans == [(-10.0, -4.585), (4.585, 10.0)]
    labels = [t for t in ax.texts if "0.01" in t.get_text()]
    assert len(labels) == 1 and "4.585" in labels[0].get_text()
    x, _ = labels[0].get_position()
    assert -10 < x < -4.585                                            # in the left tail
    # the dashed curve is the slope, the site's word for f' (review final54, pb)
    for lang, said, not_said in (("en", "with the bell-shaped slope drawn dashed", "derivative"),
                                 ("zh", "虚线画出钟形的斜率曲线", "导数")):
        (alt,) = [line for line in page_text("blog/posts/when-gradients-vanish.md", lang).splitlines()
                  if "(figure:sigmoid" in line]
        assert said in alt and not_said not in alt


def test_factors_above_one_explode_below_one_vanish():
    assert 1.1 ** 50 > 100 and 0.9 ** 50 < 0.01 and 1.0 ** 50 == 1.0


# --- measuring it in a 50-layer network ----------------------------------------------------------

def test_setup_50_layers_256_wide_batch_64_three_activations_three_scales(gd):
    assert int(gd["depth"]) == gradient_depth.DEPTH == 50
    assert gradient_depth.ACTIVATIONS == ("sigmoid", "tanh", "relu")
    assert set(INIT_STD) == {"small", "xavier", "he"}
    defaults = {k: p.default for k, p in inspect.signature(layer_gradient_norms).parameters.items()}
    assert defaults["width"] == WIDTH and defaults["batch"] == 64
    for act in gradient_depth.ACTIVATIONS:
        for init in INIT_STD:
            assert gd[f"{act}_{init}_grad"].shape == (50,)


def test_initial_scales_0_01_xavier_1_over_256_he_2_over_n():
    assert INIT_STD["small"](WIDTH) == 0.01
    assert INIT_STD["xavier"](WIDTH) ** 2 == pytest.approx(2 / (WIDTH + WIDTH))
    assert INIT_STD["xavier"](WIDTH) ** 2 == pytest.approx(1 / 256)
    assert INIT_STD["he"](WIDTH) ** 2 == pytest.approx(2 / WIDTH)


def test_experiment_backprop_is_the_exact_chain_rule():
    """layer_gradient_norms on a tiny stack against finite differences of L = upstream . h_L."""
    depth, width, batch, seed = 3, 4, 2, 11
    r = layer_gradient_norms("tanh", "he", depth=depth, width=width, batch=batch, seed=seed)
    rng = np.random.default_rng(seed)                      # the same draws, in the same order
    weights = [rng.normal(0.0, INIT_STD["he"](width), size=(width, width)) for _ in range(depth)]
    h0 = rng.normal(size=(batch, width))

    def out(ws):
        h = h0
        for W in ws:
            h = np.tanh(h @ W.T)
        return h
    upstream = rng.normal(size=(batch, width))
    for layer in range(depth):
        grad = np.empty((width, width))
        for i in range(width):
            for j in range(width):
                step = np.zeros((width, width))
                step[i, j] = H
                plus = [W + step if k == layer else W for k, W in enumerate(weights)]
                minus = [W - step if k == layer else W for k, W in enumerate(weights)]
                grad[i, j] = (np.sum(upstream * out(plus)) - np.sum(upstream * out(minus))) / (2 * H)
        assert np.linalg.norm(grad) == pytest.approx(r["grad_norm"][layer], rel=1e-6)


def test_figure_axis_is_labelled_every_ten_decades_from_1e_minus_60_to_1e0_over_layers_1_to_50(gd):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from actsite.figures.results import draw_gradient_depth
    from actsite.figures.style import palette
    fig = Figure(figsize=(10.0, 3.4))
    FigureCanvasAgg(fig)
    draw_gradient_depth(fig, palette("light"))
    fig.canvas.draw()
    axes = fig.axes
    assert len(axes) == 3 and all(ax.get_shared_y_axes().joined(axes[0], ax) for ax in axes)
    assert all(ax.get_yscale() == "log" for ax in axes)
    lo, hi = axes[0].get_ylim()
    shown = [round(np.log10(t)) for t in axes[0].get_yticks() if lo <= t <= hi]
    assert shown == list(range(-60, 1, 10))
    assert [line.get_linestyle() for line in axes[0].get_lines()] == [":", "--", "-"]
    np.testing.assert_array_equal(axes[0].get_lines()[0].get_xdata(), np.arange(1, 51))


def test_figure_sigmoid_lines_are_straight_and_rise_steeply(gd):
    layers = np.arange(50)
    for init in INIT_STD:
        log_g = np.log10(gd[f"sigmoid_{init}_grad"])
        fit = np.polyfit(layers, log_g, 1)
        assert fit[0] > 0.4                                           # rising, > 20 decades in all
        assert np.abs(log_g - np.polyval(fit, layers)).max() < 0.5   # straight on the log axis


def test_figure_sigmoid_starts_near_1e_minus_66_28_22_and_meets_near_1e2(gd):
    assert [round(np.log10(gd[f"sigmoid_{i}_grad"][0])) for i in ("small", "xavier", "he")] == [-66, -28, -22]
    assert all(round(np.log10(gd[f"sigmoid_{i}_grad"][-1])) == 2 for i in INIT_STD)


def test_figure_tanh_panel_as_described(gd):
    xavier, he, small = gd["tanh_xavier_grad"], gd["tanh_he_grad"], gd["tanh_small_grad"]
    assert np.all(np.round(np.log10(xavier)) == 2)                     # nearly flat near 10^2
    assert np.all(he > xavier)                                         # a little higher
    assert round(np.log10(he[0])) == 4 and round(np.log10(he[-1])) == 3
    assert np.all(np.diff(np.log10(he)) < 0.1)                         # falling gently
    assert np.all(np.round(np.log10(small)) == -36)                    # flat near 10^-36


def test_figure_relu_panel_three_flat_parallel_lines(gd):
    assert np.all(np.round(np.log10(gd["relu_he_grad"])) == 3)
    assert np.all((gd["relu_xavier_grad"] > 1e-5) & (gd["relu_xavier_grad"] < 1e-4))
    assert np.all(np.floor(np.log10(gd["relu_small_grad"])) == -44)      # between 10^-44 and 10^-43
    shape = gd["relu_he_grad"] / gd["relu_he_grad"][0]
    for init in ("xavier", "small"):
        np.testing.assert_allclose(gd[f"relu_{init}_grad"] / gd[f"relu_{init}_grad"][0], shape, rtol=1e-9)


def test_sigmoid_xavier_top_layer_gradient_247(gd):
    assert round(float(gd["sigmoid_xavier_grad"][-1])) == 247


def test_sigmoid_xavier_first_layer_about_1e_minus_28(gd):
    assert e(gd["sigmoid_xavier_grad"][0]) == "1e-28"


def test_sigmoid_xavier_first_over_last_4e_minus_31(gd):
    g = gd["sigmoid_xavier_grad"]
    assert e(g[0] / g[-1]) == "4e-31"


def test_sigmoid_xavier_factor_0_24_per_layer(gd):
    assert round(per_layer_factor(gd["sigmoid_xavier_grad"]), 2) == 0.24


def test_sigmoid_every_layer_multiplies_by_about_the_same_factor(gd):
    g = gd["sigmoid_xavier_grad"]
    assert np.all(np.abs(np.log10(g[:-1] / g[1:]) - np.log10(0.24)) < 0.2)


def test_0_24_just_below_the_one_quarter_predicted_for_xavier(gd):
    assert WIDTH * INIT_STD["xavier"](WIDTH) ** 2 == pytest.approx(1.0)      # so the prediction is sqrt(1)/4
    assert 0.23 < per_layer_factor(gd["sigmoid_xavier_grad"]) < 0.25


def test_xavier_weights_leave_the_size_of_the_signal_unchanged_on_average():
    """E||W^T v||^2 = n Var(w) ||v||^2: with Xavier initialisation, averaged over draws, the ratio is 1."""
    rng = np.random.default_rng(0)
    v = rng.standard_normal(WIDTH)
    ratios = [np.sum(((INIT_STD["xavier"](WIDTH) * rng.standard_normal((WIDTH, WIDTH))).T @ v) ** 2) / np.sum(v ** 2)
              for _ in range(200)]
    assert abs(np.mean(ratios) - 1) < 0.01
    for init in ("small", "he"):                                           # the other scales do change it
        assert abs(WIDTH * INIT_STD[init](WIDTH) ** 2 - 1) > 0.5


def test_ceiling_over_49_layers_about_3e_minus_30_and_measured_is_smaller(gd):
    assert e(0.25 ** 49) == "3e-30"
    g = gd["sigmoid_xavier_grad"]
    assert g[0] / g[-1] < 0.25 ** 49


def test_sigmoid_small_scale_first_layer_about_2e_minus_66(gd):
    assert e(gd["sigmoid_small_grad"][0]) == "2e-66"


def test_sigmoid_he_first_layer_about_2e_minus_22(gd):
    assert e(gd["sigmoid_he_grad"][0]) == "2e-22"


def test_scale_changes_the_slope_not_the_direction_none_saves_sigmoid(gd):
    """'Changing the weight scale changes how steeply the line rises, not that it rises' (review final55, pb: a
    line's slope is its direction): every sigmoid line rises towards the top, each at its own rate."""
    slopes = [per_layer_factor(gd[f"sigmoid_{i}_grad"]) for i in ("small", "xavier", "he")]
    assert slopes[0] < slopes[1] < slopes[2] < 1
    assert all(gd[f"sigmoid_{i}_grad"][0] / gd[f"sigmoid_{i}_grad"][-1] < 1e-20 for i in INIT_STD)
    for lang, said, gone in (("en", "Changing the weight scale changes how steeply the line rises, not that it rises:",
                              "the slope of the line but not its direction"),
                             ("zh", "换一个权重尺度，直线陡峭的程度会变，上升的走向却不变：", "直线的斜率会变")):
        text = page_text("blog/posts/when-gradients-vanish.md", lang)
        assert said in text and gone not in text


def test_tanh_xavier_first_is_1_3_times_last_and_the_line_is_flat(gd):
    g = gd["tanh_xavier_grad"]
    assert round(float(g[0] / g[-1]), 1) == 1.3
    assert g.max() / g.min() < 2                                 # no layer-by-layer shrinking
    assert np.all(g[:-1] / g[1:] > 0.9)                          # no step loses more than a tenth


def test_tanh_slope_at_zero_is_1_four_times_sigmoid_and_centred():
    assert tanh_prime(0.0) == 1.0 and tanh_prime(0.0) == 4 * sigmoid_prime(0.0)
    assert ACTIVATIONS["tanh"].zero_centred and not ACTIVATIONS["sigmoid"].zero_centred
    assert gaussian_mean(tanh, 1.0) == pytest.approx(0.0, abs=1e-12)


def test_tanh_small_scale_flat_near_2e_minus_36(gd):
    g = gd["tanh_small_grad"]
    assert e(np.exp(np.log(g).mean())) == "2e-36"
    assert g.max() / g.min() < 1.5


def test_tanh_he_first_is_17_5_times_last(gd):
    g = gd["tanh_he_grad"]
    assert round(float(g[0] / g[-1]), 1) == 17.5


def test_relu_first_over_last_1_8_for_all_scales_the_same_to_every_printed_digit(gd):
    ratios = [float(gd[f"relu_{i}_grad"][0] / gd[f"relu_{i}_grad"][-1]) for i in INIT_STD]
    assert all(round(r, 1) == 1.8 for r in ratios)
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-12)    # equal to rounding, not to three digits


def test_relu_first_layer_about_1100_he_5e_minus_5_xavier_5e_minus_44_small(gd):
    assert round(float(gd["relu_he_grad"][0]), -2) == 1100
    assert e(gd["relu_xavier_grad"][0]) == "5e-05"
    assert e(gd["relu_small_grad"][0]) == "5e-44"


@pytest.mark.parametrize("lang, wording, evidence", [
    ("en", "the problem has only moved from the ratio between layers to the overall scale. A gradient that is equally tiny "
           "at every layer still matters: with plain [stochastic gradient descent](../../glossary.md#sgd) (SGD) every layer then learns at a negligible rate, and no single learning "
           "rate suits "
           "both such a network and a well-scaled one.\n\n"
           "Why are the ReLU ratios exactly equal?",
     "Going from He to Xavier here means $c = 1/\\sqrt{2}$: the weights shrink only by $\\sqrt{2}$, yet every gradient is "
     "multiplied by $2^{-49/2} \\approx 4.2 \\times 10^{-8}$, exactly what the measurement gives."),
    ("zh", "问题只是从层与层之间的比值，转移到了整体的量级上。梯度在各层都一样微小，照样是问题：用普通的[随机梯度下降](../../glossary.md#sgd)（SGD）训练时，每一层都学得极慢，"
           "而且没有哪个学习率能同时适合这样的网络和尺度合适的网络。\n\nReLU 的这几个比值为什么恰好相等？",
     "从 He 换成 Xavier，相当于这里的 $c = 1/\\sqrt{2}$：权重只缩小为原来的 $1/\\sqrt{2}$，每个梯度却缩小为原来的 "
     "$2^{-49/2} \\approx 4.2 \\times 10^{-8}$，与实测结果完全一致。")])
def test_a_uniformly_tiny_relu_gradient_still_matters(gd, lang, wording, evidence):
    """Why a tiny gradient that is the same at every layer is still a problem (review final54, pb): a plain gradient
    step moves each weight by the learning rate times its gradient, so at one learning rate the Xavier and small-scale
    networks move every layer's weights, relative to their own size, more than 10^7 and 10^45 times less than the He
    network does; a rate scaled up to suit them would be that many times too large for the He network.  Review
    final63, pb: the claim now carries its evidence from this experiment, He to Xavier: every layer's gradient shrinks
    by 2^24.5 = 2.4e7 (the reciprocal of the next paragraph's 4.2e-8) while the weights shrink by sqrt(2).  Review
    final65, pb: the same fact was said twice in a row (2.4e7 here, 4.2e-8 in the next paragraph); it is said once, in
    the next paragraph, with the weights' sqrt(2) beside the gradients' 2^(-49/2).  Review final74, pb: the argument
    holds for a plain gradient step, not for an optimiser that divides by the gradient's own scale (Adam), which a
    uniform rescaling of every gradient leaves unchanged (checked below); the sentence now names plain SGD.  Review final77, pb: SGD is spelled out and linked at this, its first use, and
    only abbreviated in the stalled-layers section."""
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert wording in text and evidence in text
    first = text.index("SGD")
    assert text[:first].count({"en": "stochastic gradient descent", "zh": "随机梯度下降"}[lang]) == 1
    assert text.count("../../glossary.md#sgd") == 1
    assert {"en": "still matters: every layer then learns", "zh": "照样是问题：每一层都学得极慢"}[lang] not in text
    g = np.random.default_rng(0).standard_normal(1000)
    from actsite.experiments.playground_net import ADAM_BETAS      # the betas the site's own Adam uses
    b1, b2 = ADAM_BETAS

    def adam_first_step(g):                     # bias-corrected moments after one step, epsilon left out
        m, v = (1 - b1) * g / (1 - b1), (1 - b2) * g * g / (1 - b2)
        return m / np.sqrt(v)
    np.testing.assert_allclose(adam_first_step(g * 2 ** -24.5), adam_first_step(g), rtol=1e-12)   # scale-free
    np.testing.assert_allclose((0.1 * g * 2 ** -24.5) / (0.1 * g), 2 ** -24.5)      # the plain step is not
    assert "2.4 \\times 10^{7}" not in text
    gap = gd["relu_he_grad"] / gd["relu_xavier_grad"]
    assert all(f"{float(v):.1e}" == "2.4e+07" for v in gap) and f"{2 ** 24.5:.1e}" == "2.4e+07"
    np.testing.assert_allclose(gap, 2 ** 24.5, rtol=1e-9)
    assert INIT_STD["he"](WIDTH) / INIT_STD["xavier"](WIDTH) == pytest.approx(np.sqrt(2), rel=1e-15)
    for init, at_least in (("xavier", 1e7), ("small", 1e45)):
        gap = gd["relu_he_grad"] / gd[f"relu_{init}_grad"]                     # layer by layer
        weight_gap = INIT_STD["he"](WIDTH) / INIT_STD[init](WIDTH)              # the weights' own scale
        assert np.all(gap / weight_gap > at_least), init                        # relative step, every layer


@pytest.mark.parametrize("c", [0.3, 1 / np.sqrt(2), 2.5])
def test_relu_positively_homogeneous(c):
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_allclose(relu(c * x), c * relu(x), rtol=1e-15)


def test_scaling_weights_by_c_scales_layer_outputs_and_deltas_as_stated():
    c, depth = 0.7, 6
    act, weights, x, upstream = small_stack(5, depth=depth, activation="relu")
    scaled = [c * W for W in weights]
    _, hs = forward(act, weights, x)
    _, hs_c = forward(act, scaled, x)
    ds, ds_c = deltas(act, weights, x, upstream), deltas(act, scaled, x, upstream)
    for l in range(1, depth + 1):                              # layers numbered 1..L
        np.testing.assert_allclose(hs_c[l - 1], c ** (l - 1) * hs[l - 1], rtol=1e-12)
        np.testing.assert_allclose(ds_c[l - 1], c ** (depth - l) * ds[l - 1], rtol=1e-12)
        np.testing.assert_allclose(np.outer(ds_c[l - 1], hs_c[l - 1]),
                                   c ** (depth - 1) * np.outer(ds[l - 1], hs[l - 1]), rtol=1e-12)


def test_he_to_xavier_is_c_one_over_root_2():
    assert INIT_STD["xavier"](WIDTH) / INIT_STD["he"](WIDTH) == pytest.approx(1 / np.sqrt(2), rel=1e-15)


def test_every_relu_gradient_shrinks_by_2_to_minus_49_over_2_about_4_2e_minus_8(gd):
    assert e(2 ** (-49 / 2), 1) == "4.2e-08"
    np.testing.assert_allclose(gd["relu_xavier_grad"] / gd["relu_he_grad"], 2 ** (-49 / 2), rtol=1e-9)
    c = INIT_STD["small"](WIDTH) / INIT_STD["he"](WIDTH)
    np.testing.assert_allclose(gd["relu_small_grad"] / gd["relu_he_grad"], c ** 49, rtol=1e-9)


@pytest.mark.parametrize("lang, relu, tanh", [
    ("en", "The ratio 1.8 itself is a property of the random draw: across twelve draws of weights, inputs and top "
           "gradient, this one among them, it runs from 0.5 to 2.3 "
           "([the notebook](../../notebooks/gradient-depth.py#try-this) runs them).",
     "across the same twelve draws the measured ratio runs from 12.9 to 17.5 (median 14.5)"),
    ("zh", "对权重、输入和顶层梯度做 12 次随机抽样（本次抽样也在其中），比值落在 0.5 到 2.3 之间"
           "（[笔记本](../../notebooks/gradient-depth.py#try-this)把这 12 次都跑了一遍）。",
     "在同样的 12 次随机抽样中，实测比值在 12.9 到 17.5 之间")])
def test_twelve_draws_give_relu_ratios_between_0_5_and_2_3(lang, relu, tanh):
    """Review final60, pb: the ReLU range was over twenty other draws (seeds 1-20) and the tanh one over twelve (seeds
    0-11), with no reason given.  Seeds 0-11 give the same ReLU range, 0.50 (seed 1) to 2.26 (seed 3), so both ranges
    are now over the same twelve draws, this one (seed 0) among them; the tanh range is tested with its note.  Review
    final65, pb: the reader could not see the twelve draws; the notebook's Try-this cell now runs seeds 0 to 11 and the
    sentence links it (its printed ratios are checked in test_claims_gradient_depth_notebook.py).  Review final68, pb:
    what is drawn at the top is the gradient dL/dh_N, not the error signal delta_l = dL/dz_l (the site's term for the
    latter), so the sentence says "top gradient"."""
    ratios = []
    for seed in range(12):
        g = layer_gradient_norms("relu", "he", seed=seed)["grad_norm"]
        ratios.append(g[0] / g[-1])
    assert round(min(ratios), 1) == 0.5 and round(max(ratios), 1) == 2.3
    assert round(ratios[0], 1) == 1.8                                       # this draw, within the range
    text = page_text("blog/posts/when-gradients-vanish.md", lang).replace("\n    ", " ")
    assert relu in text and tanh in text and text.index(relu) < text.index(tanh)
    assert {"en": "twenty", "zh": "20 次"}[lang] not in text
    try_cell = page_text("notebooks/gradient-depth.py", lang).split("{ #try-this }")[1]
    assert "for seed in range(12):" in try_cell and 'runs = (("relu", "he"), ("relu", "xavier"), ("tanh", "he"))' in try_cell


@pytest.mark.parametrize("lang, wording", [
    ("en", "It has the same architecture as the stack of [the gradient measurement](when-gradients-vanish.md#measured-depth) "
           "in the article on vanishing gradients, with its own weights and 500 inputs; the gradient ratios in the table's "
           "last column depend on that draw."),
    ("zh", "这个网络的结构与[《梯度消失：深层网络为何学不动》一文中测量梯度所用的网络](when-gradients-vanish.md#measured-depth)相同，但权重不同，"
           "输入换成 500 个；表中最后一列的梯度之比取决于这次抽样。")])
def test_the_initialisation_articles_draw_of_the_same_stack_gives_1_01(gd, lang, wording):
    """The same bias-free 50 x 256 stack and ReLU/He scale, with other weights (the seed-0 numbers used
    transposed), other inputs and error signal, and 500 inputs instead of 64: its ratio is 1.01. The
    initialisation article says why its ratios differ; this article no longer repeats it.  Review final59, pb: the
    sentence gives every pairing both articles measure (tanh with 1/n, which is Xavier's at equal widths; the sigmoid
    with Xavier; ReLU with He), not ReLU's alone.  Review final60, pb: the initialisation article points to this one
    in a plain clause instead of reconciling the pairs; the pairs still differ, as checked here.  Review final65, pb:
    the clause says that the table's ratios depend on the draw, and no longer that they differ from this article's."""
    from actsite.experiments import init_spread
    sp = cached("init_spread")
    assert (init_spread.DEPTH, init_spread.WIDTH, int(sp["batch"])) == (50, WIDTH, 500)
    assert float(sp["relu_he_weight_std"]) == pytest.approx(INIT_STD["he"](WIDTH))
    g = sp["relu_he_grad_norm"]
    assert round(float(g[0] / g[-1]), 2) == 1.01
    assert not np.allclose(g, gd["relu_he_grad"])
    assert round(float(gd["relu_he_grad"][0] / gd["relu_he_grad"][-1]), 1) == 1.8      # "1.8 there"
    here = {key: float(sp[f"{key}_grad_norm"][0] / sp[f"{key}_grad_norm"][-1]) for key in ("tanh_lecun", "sigmoid_xavier")}
    there = {key: float(gd[f"{key}_grad"][0] / gd[f"{key}_grad"][-1]) for key in ("tanh_xavier", "sigmoid_xavier")}
    assert round(here["tanh_lecun"], 2) == 1.22 and round(there["tanh_xavier"], 1) == 1.3
    assert f"{here['sigmoid_xavier']:.1e}" == "3.1e-31" and f"{there['sigmoid_xavier']:.0e}" == "4e-31"
    assert float(sp["tanh_lecun_weight_std"]) == pytest.approx(INIT_STD["xavier"](WIDTH))     # 1/n is Xavier's here
    assert wording in page_text("blog/posts/initialisation.md", lang)
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    body = page.split("{ #references }")[0]                 # (an arXiv number there contains "1.01")
    assert "1.01" not in body.replace("1.014", "")          # the other draw's ratio is not repeated here
    # this article links #measured-spread only for tanh above gain 1, not for the other draw's ratios
    parts = page.split("initialisation.md#measured-spread")
    assert len(parts) > 1
    for before, after in zip(parts[:-1], parts[1:]):        # the sentence holding the link is about tanh
        before, after = (part.replace("et al. ", "et al ") for part in (before, after))   # (not a sentence's end)
        ends = [i for i in (after.find(". "), after.find("。")) if i >= 0]
        sentence = before[max(before.rfind(". "), before.rfind("。")):] + after[:min(ends)]
        assert "tanh" in sentence, sentence


# --- initialisation: keeping the product near one ---------------------------------------------

@pytest.mark.parametrize("key, q", [("sigmoid", 1.0), ("tanh", 0.6), ("relu", 1.0)])
def test_forward_variance_equation(key, q):
    """Var(z_{l+1}) = n Var(w) E[f(z_l)^2] for independent zero-mean weights."""
    act, n, var_w = ACTIVATIONS[key], 256, 1.5 / 256
    rng = np.random.default_rng(1)
    second_moment = []
    for _ in range(64):                                    # average over independent weight draws
        z = rng.normal(0, np.sqrt(q), size=(200, n))
        W = rng.normal(0, np.sqrt(var_w), size=(n, n))
        second_moment.append(np.mean((act.f(z) @ W.T) ** 2))
    mean_f2 = np.mean(act.f(rng.normal(0, np.sqrt(q), 2_000_000)) ** 2)
    assert np.mean(second_moment) == pytest.approx(n * var_w * mean_f2, rel=0.03)


@pytest.mark.parametrize("key, q", [("sigmoid", 1.0), ("tanh", 0.6), ("relu", 1.0)])
def test_backward_variance_equation(key, q):
    """Var(delta_l) = n Var(w) E[f'(z_l)^2] Var(delta_{l+1})."""
    act, n, var_w = ACTIVATIONS[key], 256, 1.5 / 256
    rng = np.random.default_rng(2)
    z = rng.normal(0, np.sqrt(q), size=(2000, n))
    delta_above = rng.normal(0, 0.3, size=(2000, n))
    W = rng.normal(0, np.sqrt(var_w), size=(n, n))
    delta = (delta_above @ W) * act.df(z)
    mean_df2 = np.mean(act.df(rng.normal(0, np.sqrt(q), 2_000_000)) ** 2)
    predicted = n * var_w * mean_df2 * 0.3 ** 2
    assert delta.var() == pytest.approx(predicted, rel=0.05)


@pytest.mark.parametrize("lang, backward, forward", [
    ("en", "is then a sum of $n$ uncorrelated terms, each of variance $\\sigma_w^2\\operatorname{Var}(\\delta_{l+1})$",
     "The same argument, with the activation in place of its slope, gives the forward pass a similar recursion"),
    ("zh", "都是 $n$ 个互不相关的项之和，每项的方差为 $\\sigma_w^2\\operatorname{Var}(\\delta_{l+1})$",
     "把斜率换成激活函数本身，同样的论证给出前向传播的类似递推")])
def test_each_term_of_the_sums_has_the_stated_variance_and_the_terms_are_uncorrelated(lang, backward, forward):
    """The one-line derivation, and the same argument with f in place of f' for the forward pass:
    w * delta and w * f(z) have variances sigma_w^2 Var(delta) and
    sigma_w^2 E[f(z)^2] (the mean square, since w has mean zero); n such uncorrelated terms add
    their variances; an independent factor f'(z) multiplies a zero-mean variance by E[f'^2]."""
    rng, var_w, n, q = np.random.default_rng(5), 0.01, 256, 1.0
    w = rng.normal(0, np.sqrt(var_w), size=(400_000, 2))
    delta = rng.normal(0, 0.3, size=(400_000, 2))
    h = sigmoid(rng.normal(0, np.sqrt(q), size=(400_000, 2)))          # mean 1/2, not zero
    terms_back, terms_fwd = w * delta, w * h
    assert terms_back[:, 0].var() == pytest.approx(var_w * 0.3 ** 2, rel=0.02)
    assert terms_fwd[:, 0].var() == pytest.approx(var_w * np.mean(h ** 2), rel=0.02)
    assert abs(np.corrcoef(terms_back.T)[0, 1]) < 0.01 and abs(np.corrcoef(terms_fwd.T)[0, 1]) < 0.01
    sums = rng.normal(0, np.sqrt(var_w), size=(4000, n)) * rng.normal(0, 0.3, size=(4000, n))
    total = sums.sum(axis=1)
    assert total.var() == pytest.approx(n * var_w * 0.3 ** 2, rel=0.06)
    slope = sigmoid_prime(rng.normal(0, np.sqrt(q), size=total.size))
    assert (slope * total).var() == pytest.approx(np.mean(slope ** 2) * total.var(), rel=0.06)
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert backward in text and forward in text


def test_sigmoid_weight_gradient_norm_follows_the_error_signal_because_outputs_stay_near_one_half():
    from actsite.experiments.deep_nets import propagate
    rng = np.random.default_rng(0)
    std = INIT_STD["xavier"](WIDTH)
    weights = [rng.normal(0.0, std, size=(WIDTH, WIDTH)).T for _ in range(50)]
    X, upstream = rng.normal(size=(64, WIDTH)), rng.normal(size=(64, WIDTH))
    run = propagate(ACTIVATIONS["sigmoid"], weights, X, upstream)
    hidden = np.array(run["hidden"][:-1])                 # the incoming signal of layers 2..50
    assert np.all(np.abs(hidden.mean(axis=(1, 2)) - 0.5) < 0.02)
    rms = np.sqrt((hidden ** 2).mean(axis=(1, 2)))
    assert rms.max() / rms.min() < 1.1                    # keeps its size from layer to layer
    deltas, d = [], upstream
    for layer in reversed(range(50)):
        d = d * ACTIVATIONS["sigmoid"].df(run["pre"][layer])
        deltas.append(np.linalg.norm(d))
        d = d @ weights[layer].T
    per_delta = run["grad_norm"][1:] / np.array(deltas[::-1])[1:]
    assert per_delta.max() / per_delta.min() < 2          # so the gradient norm scales with delta,
    assert max(deltas) / min(deltas) > 1e25               # which itself changes by 25 orders and more


@pytest.mark.parametrize("lang, wording", [
    ("en", "so from layer 2 on the signal entering each layer keeps its size, and the weight gradient"),
    ("zh", "所以从第 2 层起，流入每一层的信号大小基本不变。")])
def test_first_layer_input_is_about_twice_the_sigmoid_outputs_which_lifts_the_small_scale_factor(gd, lang, wording):
    """The data (mean square 1) are about twice as large, in root mean square, as the sigmoid outputs
    that enter layers 2..50, at every scale; spread over the 49 steps this lifts the small-scale factor
    from the predicted 0.040 to the 0.041 the notebook prints, and only a little (2^(1/49) = 1.014)."""
    from actsite.experiments.deep_nets import propagate
    ratios = {}
    for init in INIT_STD:
        rng = np.random.default_rng(0)
        weights = [rng.normal(0.0, INIT_STD[init](WIDTH), size=(WIDTH, WIDTH)).T for _ in range(50)]
        X, upstream = rng.normal(size=(64, WIDTH)), rng.normal(size=(64, WIDTH))
        run = propagate(ACTIVATIONS["sigmoid"], weights, X, upstream)
        ratios[init] = np.sqrt(np.mean(X ** 2)) / np.sqrt(np.mean(run["hidden"][0] ** 2))
        assert 1.7 < ratios[init] < 2.1, init
    small = per_layer_factor(gd["sigmoid_small_grad"])
    assert small / ratios["small"] ** (1 / 49) == pytest.approx(0.04, abs=0.0005)   # without the larger input: 0.040
    assert round(2 ** (1 / 49), 3) == 1.014
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)
    quoted = {"en": "Second, the input to layer 1 has about twice the root mean square of the later layers' "
                    "inputs; spread over the 49 steps, that multiplies the predicted factor per layer by "
                    "$2^{1/49} \\approx 1.014$",
              "zh": "二是流入第 1 层的数据，均方根约为后面各层输入的两倍，摊到 49 层上，"
                    "相当于把每层的预测因子乘上 $2^{1/49} \\approx 1.014$"}[lang]
    assert quoted in page_text("blog/posts/when-gradients-vanish.md", lang)
    said = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said.count({"en": "about twice", "zh": "两倍"}[lang]) == 1                  # said once, at the correction
    assert "约大一倍" not in said


@pytest.mark.parametrize("lang, wording", [
    ("en", "First, $\\mathbb{E}[f'^2]$ should be taken at the forward recursion's fixed point $q^*$, not at zero: $q^*$ is 0.26 for Xavier and 0.56 for He, "
           "and at that variance $\\mathbb{E}[f'^2]$ falls from 0.0625 to 0.056 and 0.050, which lowers the predicted "
           "factors by about 6% and 10%."),
    ("zh", "一是 $\\mathbb{E}[f'^2]$ 应在前向递推的不动点 $q^*$ 处取值，"
           "而不是在零点。Xavier 下 $q^*$ 为 0.26，He 下为 0.56；预激活值散开到这个程度，$\\mathbb{E}[f'^2]$ 就从 "
           "0.0625 降到 0.056 和 0.050，预测因子相应降低约 6% 和 10%。")])
def test_first_correction_takes_the_mean_squared_slope_at_the_fixed_point(lang, wording):
    """The forward recursion's fixed point q* is 0.26 (Xavier) and 0.56 (He); there E[sigma'^2] is 0.056 and
    0.050 instead of 1/16, and sqrt of the ratio lowers the predicted factor by 6% and 10%.  Review final72, pb: the
    forward recursion is now displayed in the body, where q* is defined once, before the notes that use it."""
    out = []
    for init in ("xavier", "he"):
        n_var_w = WIDTH * INIT_STD[init](WIDTH) ** 2
        q = steady_variance(sigmoid, n_var_w)
        slope = gaussian_mean(lambda t: sigmoid_prime(t) ** 2, q)
        out.append((round(q, 2), round(slope, 3), round(100 * (1 - math.sqrt(16 * slope)))))
    assert out == [(0.26, 0.056, 6), (0.56, 0.050, 10)]
    assert gaussian_mean(lambda t: sigmoid_prime(t) ** 2, 1e-12) == pytest.approx(0.0625)
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)
    body = page_text("blog/posts/when-gradients-vanish.md", lang).split("{ #initialisation }")[1].split("??? note")[0]
    assert {"en": "Writing $q$ for $\\operatorname{Var}(z)$, its fixed point $q^*$ is the pre-activation variance that one layer maps to itself",
            "zh": "经过一层后保持不变的那个预激活值方差就是这个递推的不动点，记作 $q^*$"}[lang] in body
    assert "$$\n\\operatorname{Var}(z_{l+1}) \\approx n\\,\\sigma_w^2\\,\\mathbb{E}\\bigl[f(z_l)^2\\bigr]\n$$" in body
    # q* is a variance; "spread" on this site is a standard deviation (review final56, pb)
    assert "at that spread" not in page_text("blog/posts/when-gradients-vanish.md", lang)


@pytest.mark.parametrize("lang, wording", [
    ("en", "With both, each prediction comes within 0.5% of the measured factor; "
           "[the notebook](../../notebooks/gradient-depth.py) computes them."),
    ("zh", "两处都算上，每个预测值与实测因子都相差不到 0.5%，计算见[笔记本](../../notebooks/gradient-depth.py)。")])
def test_two_corrections_close_the_gap_between_predicted_and_measured_sigmoid_factors(gd, lang, wording):
    """E[f'^2] taken at the forward recursion's fixed point instead of at zero, times 2^(1/49) for the
    larger input to layer 1, predicts each measured factor to within 0.5%."""
    predicted, measured = [], []
    for init in ("small", "xavier", "he"):
        n_var_w = WIDTH * INIT_STD[init](WIDTH) ** 2
        q = steady_variance(sigmoid, n_var_w)
        p = np.sqrt(n_var_w * gaussian_mean(lambda t: sigmoid_prime(t) ** 2, q)) * 2 ** (1 / 49)
        m = per_layer_factor(gd[f"sigmoid_{init}_grad"])
        assert abs(p / m - 1) < 0.005, init
        predicted.append(p)
        measured.append(m)
    assert [f"{predicted[0]:.4f}", f"{predicted[1]:.3f}", f"{predicted[2]:.3f}"] == ["0.0405", "0.239", "0.322"]
    assert [f"{measured[0]:.4f}", f"{measured[1]:.3f}", f"{measured[2]:.3f}"] == ["0.0406", "0.240", "0.322"]
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)
    # the notebook computes the corrected predictions with the site's forward recursion and quadrature
    from actsite.experiments.init_spread import next_variance
    from actsite.maths.gaussian import gaussian_expectation
    for init, p, m in zip(("small", "xavier", "he"), predicted, measured):
        n_var_w, q = WIDTH * INIT_STD[init](WIDTH) ** 2, 1.0
        for _ in range(100):
            q = next_variance("sigmoid", n_var_w, q)
        c = np.sqrt(n_var_w * gaussian_expectation(lambda t: sigmoid_prime(t) ** 2, q)) * 2 ** (1 / 49)
        assert c == pytest.approx(p, rel=1e-4) and abs(c / m - 1) < 0.005, init
    notebook = page_text("notebooks/gradient-depth.py", lang)
    for code in ('q = next_variance("sigmoid", n_var_w, q)', "gaussian_expectation(lambda z: sigmoid_prime(z) ** 2, q)",
                 "corrected = np.sqrt(n_var_w * slope) * 2 ** (1 / (depth - 1))", "for _ in range(100):"):
        assert code in notebook
    # the markdown says how the cell reaches q*: one layer of the recursion, applied 100 times
    assert {"en": "the code reaches it by applying\n# `next_variance`, one layer of the recursion, 100 times",
            "zh": "代码把一层递推 `next_variance` 连续做 100 次求得"}[lang] in notebook
    assert next_variance("sigmoid", 1.0, 0.3) == pytest.approx(gaussian_expectation(lambda t: sigmoid(t) ** 2, 0.3))
    # review final71, pb: the notebook states it after the cell that prints it
    assert {"en": "each corrected prediction comes\n# within 0.5% of it.",
            "zh": "修正后的每个预测值与实测因子都相差不到 0.5%。"}[lang] in notebook
    assert "0.0405" not in notebook                        # printed by the cell, not typed into the prose


@pytest.mark.parametrize("lang, wording", [
    ("en", "These thresholds bound the two tails of each curve, its [flat region](../../glossary.md#flat-region)"),
    ("zh", "这两个阈值划出了曲线的两条尾部，也就是函数的[平坦区](../../glossary.md#flat-region)")])
def test_the_region_beyond_the_0_01_thresholds_is_called_the_flat_region(lang, wording):
    """The glossary's flat region is exactly the inputs where the slope is below 0.01.  Review final60, pb: the term is
    defined in why-nonlinear-activations#saturation, earlier in the reading order; this page owns only the thresholds,
    so it links the definition instead of defining the term again.  Review final62, pb: the page linked the term to two
    targets; both of its links now go to the glossary entry, as the term's other links on the site do."""
    from actsite.pages import glossary
    term = next(t for t in glossary.TERMS if t.key == "flat-region")
    assert "below 0.01" in term.en_definition and "小于 0.01" in term.zh_definition
    assert bisect(lambda t: sigmoid_prime(t) - 0.01, 0.0, 20.0) == pytest.approx(4.585, abs=5e-4)
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert wording in text
    assert {"en": "form its [flat region]", "zh": "构成函数的[平坦区]"}[lang] not in text
    home = page_text("blog/posts/why-nonlinear-activations.md", lang).split("{ #saturation }")[1].split("\n## ")[0]
    assert "(../../glossary.md#flat-region)" in home and ("0.01" in home)            # the definition, at its home


def test_sigmoid_mean_squared_slope_near_zero_is_1_16():
    assert gaussian_mean(lambda t: sigmoid_prime(t) ** 2, 1e-6) == pytest.approx(1 / 16, rel=1e-5)


@pytest.mark.parametrize("lang, said", [
    ("en", "The amount $n\\sigma_w^2\\,\\mathbb{E}[f'^2]$ by which one step down multiplies the variance is the "
           "*variance factor*, and the factor per layer is roughly its square root. For the sigmoid near zero, "
           "$\\mathbb{E}[f'^2] \\approx 1/16$, which predicts factors of $\\sqrt{n\\sigma_w^2}/4$"),
    ("zh", "反向传播每走一步，方差乘上的量 $n\\sigma_w^2\\,\\mathbb{E}[f'^2]$ 称为**方差因子**；每层因子大约是它的平方根，"
           "即 $\\sqrt{n\\sigma_w^2\\,\\mathbb{E}[f'^2]}$。sigmoid 在零点附近有 $\\mathbb{E}[f'^2] \\approx 1/16$，"
           "由此预测每层的因子为 $\\sqrt{n\\sigma_w^2}/4$")])
def test_the_variance_factor_is_defined_once_and_the_factor_per_layer_is_its_square_root(lang, said):
    """Review final58, pb: the English defined the variance factor with its formula written twice in one sentence; now
    one sentence defines it and the factor per layer is its square root: sqrt(n var_w / 16) = sqrt(n var_w) / 4."""
    assert said in page_text("blog/posts/when-gradients-vanish.md", lang)
    for n_var_w in (0.0256, 1, 2):
        assert np.sqrt(n_var_w * (1 / 16)) == pytest.approx(np.sqrt(n_var_w) / 4)


@pytest.mark.parametrize("init, n_var_w, predicted", [("small", 0.0256, 0.04), ("xavier", 1, 0.25),
                                                      ("he", 2, 0.35)])
def test_table_n_var_w_and_predicted_factor(init, n_var_w, predicted):
    assert WIDTH * INIT_STD[init](WIDTH) ** 2 == pytest.approx(n_var_w)
    assert round(np.sqrt(n_var_w) / 4, 2) == predicted


@pytest.mark.parametrize("init, measured", [("small", 0.04), ("xavier", 0.24), ("he", 0.32)])
def test_table_measured_factor(gd, init, measured):
    assert round(per_layer_factor(gd[f"sigmoid_{init}_grad"]), 2) == measured


def test_xavier_and_he_factors_a_little_below_the_prediction_small_scale_agrees(gd):
    """At the 0.01 scale both are 0.04 at the printed precision (0.0406 measured, 0.0400 predicted)."""
    for init in ("xavier", "he"):
        predicted = np.sqrt(WIDTH * INIT_STD[init](WIDTH) ** 2) / 4
        measured = per_layer_factor(gd[f"sigmoid_{init}_grad"])
        assert 0.85 * predicted < measured < predicted
    assert round(per_layer_factor(gd["sigmoid_small_grad"]), 2) == round(np.sqrt(0.0256) / 4, 2)


def test_factor_one_needs_n_var_w_at_least_16():
    assert np.sqrt(16) / 4 == 1.0


def test_at_n_var_w_16_variance_settles_near_5_9_and_factor_argument_0_40():
    """'their variance settles at the fixed point $q^*$, near 5.9': iterated from q = 1, the forward recursion reaches 5.9 and maps it to itself."""
    q = steady_variance(sigmoid, 16)
    assert round(q, 1) == 5.9
    assert 16 * gaussian_mean(lambda t: sigmoid(t) ** 2, q) == pytest.approx(q, rel=1e-9)
    assert round(16 * gaussian_mean(lambda t: sigmoid_prime(t) ** 2, q), 2) == 0.40
    # on the table's scale (the per-layer factor is a square root of this product): sqrt(0.40) = 0.63 (review final54, pb)
    assert round(np.sqrt(16 * gaussian_mean(lambda t: sigmoid_prime(t) ** 2, q)), 2) == 0.63 and round(np.sqrt(0.40), 2) == 0.63
    # review final69, pb: "on the scale of the table" -> "the table's factor per layer"; review final71, pb: the table
    # has no row at 16, so the factor is "in the table's sense", not "the table's"; review final77, pb: only two names,
    # variance factor and factor per layer (its square root), so the qualifier goes
    for lang, said in (("en", "is only about 0.40, a factor per layer of $\\sqrt{0.40} \\approx 0.63$."),
                       ("zh", "只有约 0.40，每层因子为 $\\sqrt{0.40} \\approx 0.63$。")):
        assert said in page_text("blog/posts/when-gradients-vanish.md", lang), lang
        # review final77, pb: the next article derives the forward recursion only; the backward one lives here
        # review final79, pb: "the forward one" had no noun; now "this forward recursion"
        assert "the forward one and" not in page_text("blog/posts/when-gradients-vanish.md", lang)
        assert {"en": "derives this forward recursion and its fixed points.", "zh": "前向递推及其不动点的推导见下一篇"}[lang] in \
            page_text("blog/posts/when-gradients-vanish.md", lang)
        assert {"en": "the table's factor per layer as", "zh": "对应上表中的每层因子"}[lang] not in page_text("blog/posts/when-gradients-vanish.md", lang)


def test_at_n_var_w_16_mean_squared_slope_falls_from_0_0625_to_0_025():
    assert sigmoid_prime(0.0) ** 2 == 0.0625                                # 1/16 at the peak
    assert round(gaussian_mean(lambda t: sigmoid_prime(t) ** 2, steady_variance(sigmoid, 16)), 3) == 0.025


def test_at_n_var_w_16_preactivations_spread_well_beyond_the_peak_but_mostly_not_into_the_tails():
    """'At that scale the pre-activations spread well beyond the peak of sigma'': the standard deviation
    at the fixed point (2.42) exceeds the half-width of sigma' at half its maximum (1.76), yet only
    about 6% of units lie where sigma' < 0.01, so the page blames the fall of E[f'^2], not the tails."""
    std = np.sqrt(steady_variance(sigmoid, 16))
    half_width = bisect(lambda t: sigmoid_prime(t) - 0.125, 0.0, 20.0)
    assert round(std, 2) == 2.42 and round(half_width, 2) == 1.76 and std > 1.3 * half_width
    edge = bisect(lambda t: sigmoid_prime(t) - 0.01, 0.0, 20.0)
    assert math.erfc(edge / (std * math.sqrt(2))) < 0.07


def sigmoid_first_last_ratios(n_var_w, seeds=(0, 1, 2)):
    """First/last weight-gradient ratio of the #measured-depth stack (deep_nets.propagate: 50 layers of 256, batch
    64, the draw order of layer_gradient_norms) with weights of variance n_var_w / 256."""
    from actsite.experiments.deep_nets import propagate
    ratios = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        weights = [rng.normal(0.0, math.sqrt(n_var_w / WIDTH), size=(WIDTH, WIDTH)) for _ in range(50)]
        X, upstream = rng.normal(size=(64, WIDTH)), rng.normal(size=(64, WIDTH))
        with np.errstate(over="ignore"):
            g = propagate(ACTIVATIONS["sigmoid"], [W.T for W in weights], X, upstream)["grad_norm"]
        ratios.append(g[0] / g[-1])
    return np.array(ratios)


LARGER_SCALE = {
    "en": ("For Xavier and He the measured factors are a little below the prediction; the note below accounts for the gap. "
           "A sigmoid network would need $n\\sigma_w^2 \\ge 16$ to bring its factor per layer up to one, and even that is "
           "not enough: such weights spread the pre-activations into the sigmoid's flatter parts, where "
           "$\\mathbb{E}[f'^2]$ is smaller. Weights with about fifty times He's variance do bring the factor to one (the "
           "note works it out): in the stack above they give first-to-last ratios of 1.03, 0.84 and 0.69 in three draws, "
           "at initialisation. "
           "No standard rule comes near that scale."),
    "zh": ("权重方差要取到 He 的五十倍左右，每层因子才到 1（推算见下面的注）：用这样的权重，上面那个 50 层网络在初始化时的"
           "首末两层之比，三次抽样分别为 1.03、0.84 和 0.69。常用的规则都给不出这么大的尺度。")}
LARGER_SCALE_REPLY = {
    "en": ("**\"A larger weight scale fixes a deep sigmoid stack.\"** No standard rule's scale does: at Xavier's and He's "
           "the gradient vanishes. [The variance argument](#initialisation) brings the factor per layer to one only at a "
           "far larger scale, where about half of the pre-activations lie in the flat region; whether a stack at that "
           "scale trains, this article does not test."),
    "zh": ("**“把初始权重调大，深层 sigmoid 网络就能训练。”**常用规则的尺度都做不到：用 Xavier 和 He 的尺度，梯度照样消失。"
           "按[方差论证](#initialisation)，尺度要大到约一半预激活值落在平坦区，每层因子才到 1；这样的网络能否训练，本文没有检验。")}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_much_larger_scale_does_keep_the_sigmoid_gradient(lang):
    """Review final66, pb (WRONG): 'The weight scale alone is a poor cure for the sigmoid' and the reply 'Only in theory'
    were false: in the #measured-depth stack, weights at the crossing n sigma_w^2 = 103 (the note's, tested below) give
    first/last ratios of 1.03, 0.84 and 0.69 over seeds 0-2 (the notebook prints them), against about 4e-31 with Xavier
    and 1.5e-10 even at 16.  The text now says the larger scale works, 'about fifty times He's variance' (103 / 2 = 51.5),
    and that no standard rule gives it; the reply says so too, without repeating the note's 103.  Review final68, pb
    (WRONG): the reply said the larger scale 'fixes' the stack (zh: that it then trains), but only the gradient ratio at
    initialisation was measured; no network is trained at that scale (stalled_layers trains the sigmoid with Xavier
    only).  The reply now says no standard scale fixes it and that training at the larger scale is not tested; the
    text quotes the three ratios as printed."""
    wide = sigmoid_first_last_ratios(103)
    assert [f"{r:.2f}" for r in wide] == ["1.03", "0.84", "0.69"]
    trained = {(act, init) for act, init, _ in stalled_layers.RUNS.values()}
    assert trained == {("sigmoid", "xavier"), ("relu", "he")}                     # nothing trained at n sigma_w^2 = 103
    assert np.all(sigmoid_first_last_ratios(16) < 1e-9) and np.all(sigmoid_first_last_ratios(1) < 1e-29)
    a, _ = crossing()
    assert round(a / 2, -1) == 50                                   # "about fifty times He's variance" (He: n sigma_w^2 = 2)
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert LARGER_SCALE[lang] in page
    section = page.split("{ #initialisation }")[1].split("??? note")[0]
    assert LARGER_SCALE[lang] in section                            # in the text, not only in the collapsed note
    corrections = page.split("{ #corrections }")[1].split("{ #references }")[0]
    # review final74, pb: the reply only bounded the belief (no standard scale; the large one untested); the section
    # above answers it in full, so the misconception is cut rather than half-corrected
    assert LARGER_SCALE_REPLY[lang] not in corrections and LARGER_SCALE_REPLY[lang][:30] not in corrections
    assert "{ #initialisation }" in page
    for gone in ({"en": "poor cure", "zh": "好药方"}[lang], {"en": "Only in theory", "zh": "只在理论上"}[lang],
                 {"en": "keeps its gradient", "zh": "才行"}[lang], {"en": "between 0.7 and 1.0", "zh": "0.7 到 1.0"}[lang],
                 {"en": "Not at any useful scale", "zh": "在任何有用的尺度上都不行"}[lang]):
        assert gone not in page, gone
    assert "103" not in corrections                                  # said once, in the note
    assert stalled_layers.RUNS["sigmoid"][:2] == ("sigmoid", "xavier")            # the trained sigmoid: n sigma_w^2 = 1


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "The variance argument above gives tanh and the rectifiers their initialisation: Xavier initialisation for "
           "activations that act as the identity near zero, such as tanh, and He initialisation for rectifiers. For the "
           "sigmoid the scale that brings the gradient's factor to one, about fifty times He's variance, puts about "
           "half the pre-activations in the flat region.", ("gives each activation its initialisation", "no usable scale",
                                                              "the only scale it offers")),
    ("zh", "上面的方差论证为 tanh 和整流函数确定了权重尺度：在零点附近近似恒等的激活函数（如 tanh）用 Xavier 初始化，"
           "整流函数用 He 初始化。对 sigmoid，能让梯度的每层因子达到 1 的尺度是 He 的方差的五十倍左右，此时约一半预激活值落在平坦区。",
     ("为每种激活函数确定了权重尺度", "给不出可用的尺度", "它给出的唯一尺度"))])
def test_the_variance_argument_gives_the_sigmoid_only_a_scale_in_the_flat_region(lang, said, gone):
    """Review final68, pb (WRONG): 'What fixed it' said the variance argument gives each activation its initialisation,
    but for the sigmoid the variance factor at the forward fixed point stays below one at Xavier's and He's scales and
    reaches it only near n sigma_w^2 = 103, where about half the pre-activations lie beyond the flat-region edge.
    Review final69, pb (WRONG): 'gives no usable scale' denied the scale the page itself finds (about fifty times He's
    variance, untested in training); the sentence now names that scale and what it costs.  Review final73, pb (WRONG):
    "the only scale it offers" ignored the forward scale, 3.41/n, which keeps q = 1; the sentence names the gradient's.
    Review final78, pb: "the only scale" rested on monotonicity the page does not show; now "the scale that brings"."""
    assert 1 / gaussian_mean(lambda z: sigmoid(z) ** 2, 1.0) == pytest.approx(3.41, abs=0.01)   # the forward scale
    for n_var_w in (1, 2, 16):
        q = steady_variance(sigmoid, n_var_w)
        assert n_var_w * gaussian_mean(lambda z: sigmoid_prime(z) ** 2, q) < 0.5
    a, q = crossing()
    edge = bisect(lambda t: sigmoid_prime(t) - 0.01, 0.0, 20.0)
    assert 100 < a < 106 and 0.45 < math.erfc(edge / math.sqrt(2 * q)) < 0.55
    assert round(a / 2, -1) == 50                                             # "about fifty times He's variance"
    z = np.random.default_rng(0).normal(size=200_000)
    assert 2 * np.mean(relu_prime(z) ** 2) == pytest.approx(1, abs=0.01)     # He keeps ReLU's factor at one
    assert tanh_prime(0.0) == 1.0                                             # tanh acts as the identity near zero
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said in text and not any(g in text for g in gone)


def test_steady_variance_by_monte_carlo_agrees_with_quadrature():
    rng = np.random.default_rng(0)
    n, q = 400, 1.0
    h = rng.normal(size=(500, n))
    for _ in range(30):                       # a deep random sigmoid stack with n Var(w) = 16
        h = sigmoid(h @ rng.normal(0, np.sqrt(16 / n), size=(n, n)).T)
    z = h @ rng.normal(0, np.sqrt(16 / n), size=(n, n)).T
    assert z.var() == pytest.approx(steady_variance(sigmoid, 16), rel=0.1)


def quad_mean(f, variance):
    """E[f(z)] for z ~ N(0, variance) by adaptive quadrature: Gauss-Hermite with 201 nodes is 0.4%
    off for the narrow sigma'^2 at a standard deviation near 7."""
    from scipy.integrate import quad
    s = math.sqrt(variance)
    return quad(lambda t: f(s * t) * math.exp(-t * t / 2) / math.sqrt(2 * math.pi), -60, 60,
                points=[0.0], limit=800, epsabs=1e-14, epsrel=1e-12)[0]


def crossing():
    """n Var(w) where n Var(w) E[sigma'^2] at the forward fixed point reaches 1, and that fixed point."""
    from scipy.optimize import brentq

    def fixed(a):
        return brentq(lambda q: a * quad_mean(lambda t: float(sigmoid(t)) ** 2, q) - q, 1e-3, a, xtol=1e-12)

    def chi(a):
        return a * quad_mean(lambda t: float(sigmoid_prime(t)) ** 2, fixed(a))
    assert chi(16) < 1 < chi(200)
    a = brentq(lambda a: chi(a) - 1, 50, 200, xtol=1e-8)
    return a, fixed(a)


@pytest.mark.parametrize("lang, wording", [
    ("en", "The factor reaches one only at $n\\sigma_w^2 \\approx 103$, where the pre-activations have a standard deviation of about 6.8"),
    ("zh", "要等到 $n\\sigma_w^2 \\approx 103$，这个因子才达到 1，但那时预激活值的标准差约为 6.8")])
def test_argument_reaches_one_at_n_var_w_about_103_where_the_std_is_6_8(lang, wording):
    a, q = crossing()
    assert round(a) == 103 and round(math.sqrt(q), 1) == 6.8 and 6.75 < math.sqrt(q) < 6.76   # 6.7546 (adaptive quadrature)
    assert round(math.sqrt(steady_variance(sigmoid, 100)), 1) == 6.6          # not the std at 100
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert wording in text and "deviation of about 6.6" not in text and "标准差约为 6.6" not in text
    # the variance factor and the factor per layer (its square root) reach one together: one condition, not two
    assert "Both factors" not in text and "这两个因子" not in text
    # review final66, pb: 'such units act more like on/off switches' read as the reason the scale fails; it is cut
    assert {"en": "on/off switches", "zh": "开关"}[lang] not in text
    assert "6.75" not in text          # stated to the precision of "approx 103"; Gauss-Hermite gives 6.77 here


def test_at_the_crossing_half_of_units_below_slope_0_01():
    _, q = crossing()
    edge = bisect(lambda t: sigmoid_prime(t) - 0.01, 0.0, 20.0)        # sigma' < 0.01 beyond |z| > edge
    flat = math.erfc(edge / math.sqrt(2 * q))
    z = np.random.default_rng(0).normal(0, np.sqrt(q), 2_000_000)
    assert np.mean(sigmoid_prime(z) < 0.01) == pytest.approx(flat, abs=0.01)
    assert round(flat, 1) == 0.5


@pytest.mark.parametrize("lang, correction, note", [
    ("en", "brings the factor per layer to one only at a far larger scale, where about half of the pre-activations lie in "
            "the flat region",
     "The factor reaches one only at $n\\sigma_w^2 \\approx 103$, where the pre-activations have a standard deviation of "
     "about 6.8 and about half of the pre-activations lie in the [flat region](../../glossary.md#flat-region)"),
    ("zh", "尺度要大到约一半预激活值落在平坦区，每层因子才到 1",
     "要等到 $n\\sigma_w^2 \\approx 103$，这个因子才达到 1，但那时预激活值的标准差约为 6.8，"
     "大约一半预激活值落在[平坦区](../../glossary.md#flat-region)")])
def test_correction_points_to_the_crossing_at_103(lang, correction, note):
    """The reply names the crossing by what it means (about half of the pre-activations in the flat region, tested above); the
    note in #initialisation, which the reply links, gives its scale, 103 (review final60, pb: said once).  Review
    final68, pb: reworded with the reply.  Review final74, pb: the reply is cut (see above); the crossing is told once,
    in the text and its note."""
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert correction not in page
    section = page.split("{ #initialisation }")[1].split("{ #stalled-layers }")[0]
    assert note in section.replace("\n    ", " ")


def test_relu_mean_squared_slope_one_half_and_mean_square_half_the_variance():
    for q in (0.3, 1.0, 4.0):
        z = np.random.default_rng(0).normal(0, np.sqrt(q), 4_000_000)
        assert np.mean(relu_prime(z) ** 2) == pytest.approx(0.5, abs=1e-3)
        assert np.mean(relu(z) ** 2) == pytest.approx(q / 2, rel=3e-3)


def test_he_factor_two_makes_both_relu_factors_exactly_one():
    for n in (64, 256, 1000):
        var_w = INIT_STD["he"](n) ** 2
        assert n * var_w / 2 == pytest.approx(1.0)
        assert n * var_w == pytest.approx(2.0)


def test_xavier_leaves_relu_one_half_in_variance_0_707_in_std():
    var_w = INIT_STD["xavier"](WIDTH) ** 2
    assert WIDTH * var_w / 2 == pytest.approx(0.5)
    assert round(np.sqrt(0.5), 3) == 0.707
    # review final65, pb: the link no longer repeats that the other article states the rule's assumptions
    # review final71, pb: derived here from this page's own recursions (E[f'^2] = 1/2, E[f^2] = Var/2, checked above),
    # not by a forward link to the next article
    z = np.random.default_rng(0).standard_normal(400_000)
    assert np.mean(relu_prime(z) ** 2) == pytest.approx(0.5, abs=3e-3) and np.mean(relu(z) ** 2) == pytest.approx(0.5, abs=3e-3)
    for lang, wording in (("en", "so both recursions multiply the variance by $n\\sigma_w^2/2$: He initialisation, $\\sigma_w^2 = 2/n$, "
                                 "keeps it in both directions, and Xavier's $1/n$ halves it at every layer."),
                          ("zh", "两个递推式都把方差乘上 $n\\sigma_w^2/2$：He 初始化 $\\sigma_w^2 = 2/n$ 在前向和反向两个方向上都能保住方差，"
                                 "Xavier 初始化的 $1/n$ 则让方差每层减半。")):
        assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)
        assert "initialisation.md#he)" not in page_text("blog/posts/when-gradients-vanish.md", lang)
        assert "0.697" not in page_text("blog/posts/when-gradients-vanish.md", lang)   # the measurement's home is initialisation


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_relu_xavier_std_factor_0_697_as_the_notebook_prints_it(gd, lang):
    """The notebook's "factor per layer" of the ReLU/Xavier output std, printed with three decimals:
    close to the 1/sqrt(2) = 0.707 that halving the variance predicts."""
    import re
    std = gd["relu_xavier_std"]
    notebook = page_text("notebooks/gradient-depth.py", lang)
    assert "per_layer = (s[-1] / s[0]) ** (1 / (depth - 1))" in notebook and re.search(r"\{per_layer:\d+\.3f\}", notebook)
    assert f"{(std[-1] / std[0]) ** (1 / 49):.3f}" == "0.697"


def test_relu_xavier_activations_shrink_0_70_per_layer_to_1_2e_minus_8(gd):
    std = gd["relu_xavier_std"]
    assert round(per_layer_factor(std[::-1]), 2) == 0.70
    assert e(std[-1], 1) == "1.2e-08"


def test_tanh_small_behaves_linearly_shrinking_by_0_16_per_layer(gd):
    assert np.sqrt(WIDTH * 0.01 ** 2) == pytest.approx(0.16)
    assert gaussian_mean(lambda t: tanh_prime(t) ** 2, 0.0256) == pytest.approx(1.0, abs=0.05)
    assert round(per_layer_factor(gd["tanh_small_std"][::-1]), 2) == 0.16


def rebuilt_tanh_stack(init, cached_grad):
    """The experiment's tanh stack (layer_gradient_norms, seed 0) rebuilt by hand: its weights and data,
    the norm of the error signal delta_l and the RMS of every layer's input, after checking that it
    reproduces the cached gradient norms."""
    rng = np.random.default_rng(0)
    weights = [rng.normal(0.0, INIT_STD[init](WIDTH), size=(WIDTH, WIDTH)) for _ in range(50)]
    X, upstream = rng.normal(size=(64, WIDTH)), rng.normal(size=(64, WIDTH))
    h, inputs, pre = X, [], []
    for W in weights:
        inputs.append(h)
        pre.append(h @ W.T)
        h = tanh(pre[-1])
    delta_norms, grad_norms = np.empty(50), np.empty(50)
    for layer in reversed(range(50)):
        delta = upstream * tanh_prime(pre[layer])
        delta_norms[layer] = np.linalg.norm(delta)
        grad_norms[layer] = np.linalg.norm(delta.T @ inputs[layer])
        upstream = delta @ weights[layer]
    np.testing.assert_allclose(grad_norms, cached_grad, rtol=1e-10)             # the same experiment
    rms = [float(np.sqrt(np.mean(x ** 2))) for x in inputs]
    return weights, X, delta_norms, rms


def test_tanh_small_error_signal_shrinks_by_the_same_0_16_so_the_weight_gradient_is_flat(gd):
    """The error signal loses 0.16 per layer on its way down, as the forward signal does on its way
    up; the weight gradient takes one factor from each, so the tanh line is flat, while the sigmoid's
    outputs stay near 1/2 and its line falls steeply towards the input."""
    weights, X, delta_norms, _ = rebuilt_tanh_stack("small", gd["tanh_small_grad"])
    assert round(per_layer_factor(delta_norms), 2) == 0.16                       # down: 0.16 per layer
    assert np.all(np.abs(delta_norms[:-1] / delta_norms[1:] - 0.16) < 0.02)       # at every layer
    assert round(per_layer_factor(gd["tanh_small_std"][::-1]), 2) == 0.16        # up: 0.16 per layer
    assert gd["tanh_small_grad"].max() / gd["tanh_small_grad"].min() < 1.5       # product: flat
    h = X                                                      # the sigmoid stack on the same draw
    for W in weights:
        h = sigmoid(h @ W.T)
        assert abs(float(np.sqrt(np.mean(h ** 2))) - 0.5) < 0.01              # outputs stay near 1/2
    assert per_layer_factor(gd["sigmoid_small_grad"]) < 0.05                     # so its line is steep
    std = gd["tanh_small_std"]
    assert np.all(np.abs(std[1:] / std[:-1] - 0.16) < 0.01)                       # "multiplied by 0.16 at every layer"
    # "multiplied by 0.16", not "shrink by 0.16", which reads as a subtraction (review final58, pb)
    page = page_text("blog/posts/when-gradients-vanish.md", "en")
    assert ("the activations are multiplied by $\\sqrt{0.0256} = 0.16$ at every layer" in page
            and "On its way down the error signal is multiplied by the same 0.16 at every layer" in page)
    assert "shrink by $\\sqrt" not in page and "shrinks by the same 0.16" not in page
    zh = page_text("blog/posts/when-gradients-vanish.md", "zh")
    assert "激活值每层缩小为原来的 $\\sqrt{0.0256} = 0.16$ 倍" in zh and "每层也缩小为原来的 0.16 倍" in zh
    # so the notebook's "factor per layer" column is the weight gradient's change, not the error signal's
    # (1.00 for tanh at the small scale, where the error signal loses 0.16 a layer; review final44/pb)
    assert round(per_layer_factor(gd["tanh_small_grad"]), 2) == 1.0
    said = {"en": "how much the weight gradient changes\n# from one layer to the next, on average (a geometric mean over "
                  "the 49 steps). It combines two changes: that of the error\n# signal on its way down and that of the layer's "
                  "input on the forward pass.",
            "zh": "即权重梯度每往下一层平均变化的倍数（49 步的几何平均）。它同时包含两种变化：误差信号往下传时的变化，"
                  "以及该层输入在前向传播中的变化。"}
    for lang, words in said.items():
        assert words in page_text("notebooks/gradient-depth.py", lang), lang


@pytest.mark.parametrize("lang, wording", [
    ("en", "With He initialisation the tanh outputs settle at the fixed point of the "
           "[forward recursion](../blog/posts/initialisation.md#forward-recursion), which the last line computes: there the "
           "outputs' standard deviation $\\sqrt{\\mathbb{E}[\\tanh^2 z]}$ is 0.556, against the 0.558 measured at layer 50. "
           "The ReLU outputs, in this draw (seed 0), drift by under 2% per layer on average, which over 50 layers halves them."),
    ("zh", "用 He 初始化时，tanh 的输出稳定在[前向递推](../blog/posts/initialisation.md#forward-recursion)的不动点上，"
           "最后一行算出了这个不动点：那里输出的标准差 $\\sqrt{\\mathbb{E}[\\tanh^2 z]}$ 为 0.556，第 50 层实测为 0.558。"
           "在这次抽样（种子 0）里，ReLU 的输出平均每层只漂移不到 2%，累积 50 层就缩小了约一半。")])
def test_notebook_forward_with_he_tanh_settles_at_its_fixed_point_relu_drifts_and_halves(gd, lang, wording):
    """tanh/He: the output std converges to sqrt(E[tanh^2]) at the forward fixed point q* = 0.62, about 0.56.
    ReLU/He: under 2% per layer, yet 0.985^49 about halves it in the seed-0 draw; ReLU/He with seed 3
    drifts by 2.6% per layer, so the sentence names seed 0.  Review final65, pb: q* was stated, not computed; the
    forward-pass cell now iterates the recursion to it and prints q* (0.62) and the output standard deviation there
    (0.556), which the prose reads against the measured 0.558 (test_claims_gradient_depth_notebook checks the line)."""
    std = gd["tanh_he_std"]
    q = steady_variance(tanh, 2)
    fixed = np.sqrt(gaussian_mean(lambda t: tanh(t) ** 2, q))
    assert round(q, 2) == 0.62                                             # the article's pre-activation variance
    assert fixed == pytest.approx(np.sqrt(q / 2), rel=1e-6)                # q = 2 E[tanh^2] at the fixed point
    assert round(float(fixed), 2) == 0.56 and round(float(std[-1]), 2) == 0.56
    assert f"{float(fixed):.3f}" == "0.556" and f"{float(std[-1]):.3f}" == "0.558"
    assert np.all(np.abs(std[-20:] / fixed - 1) < 0.03)                    # settled, not drifting
    assert abs(std[0] / fixed - 1) > 0.2                                   # it started elsewhere (0.72)
    std = gd["relu_he_std"]
    assert abs((std[-1] / std[0]) ** (1 / 49) - 1) < 0.02
    assert 0.4 < std[-1] / std[0] < 0.6                                    # halved over the 50 layers
    std = layer_gradient_norms("relu", "he", seed=3)["output_std"]
    assert abs((std[-1] / std[0]) ** (1 / 49) - 1) > 0.02                 # not for every draw
    assert wording in page_text("notebooks/gradient-depth.py", lang).replace("\n# ", " ")
    for gone in ("(pre-activation variance 0.62", "（预激活值方差约 0.62"):
        assert gone not in page_text("notebooks/gradient-depth.py", lang)


@pytest.mark.parametrize("lang, wording", [
    ("en", "For ReLU even the direction of the drift depends on the random draw:"),
    ("zh", "对 ReLU 来说，连漂移的方向都取决于随机抽样：")])
def test_notebook_relu_he_drift_direction_depends_on_the_draw(gd, lang, wording):
    """Notebook gradient-depth: the ReLU/He output std drifts down in the seed-0 draw, up in seed 1's,
    which the Try-this cell prints next to the gradient ratios (review final65, pb: for seeds 0 to 11)."""
    def factor(std):
        return (std[-1] / std[0]) ** (1 / 49)
    assert factor(gd["relu_he_std"]) < 1 < factor(layer_gradient_norms("relu", "he", seed=1)["output_std"])
    assert wording in page_text("notebooks/gradient-depth.py", lang)
    try_cell = page_text("notebooks/gradient-depth.py", lang).split("{ #try-this }")[1]
    assert "for seed in range(12):" in try_cell and "per_layer = (s[-1] / s[0]) ** (1 / (depth - 1))" in try_cell
    assert "(g1, s), (g2, _), (g3, _) = (gradient_norms(act, init, seed=seed) for act, init in runs)" in try_cell
    assert 'runs = (("relu", "he"),' in try_cell                                   # s is the ReLU He run's output


@pytest.mark.parametrize("lang, wording", [
    ("en", "Tanh: Xavier nearly flat between 10 to the 2 and 10 to the 3; He falling steadily, by a factor of about 17, "
           "from just above 10 to the 4 at layer 1 to about 10 to the 3 at layer 50"),
    ("zh", "tanh 图：Xavier 那条线几乎水平，位于 10 的 2 次方与 3 次方之间；He 那条从第 1 层略高于 10 的 4 次方"
           "平稳下降，第 50 层约为 10 的 3 次方，是第 1 层的十七分之一左右")])
def test_alt_text_tanh_lines_xavier_flat_he_falling_steadily_by_about_17(gd, lang, wording):
    """Review final69, pb: zh alt text says what the 1/17 is of (layer 50 against layer 1)."""
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)
    xavier, he = np.log10(gd["tanh_xavier_grad"]), np.log10(gd["tanh_he_grad"])
    assert np.all((2 < xavier) & (xavier < 3))
    assert 4 < he[0] < 4.3 and round(float(he[-1])) == 3 and he[0] - he[-1] < 1.5
    assert np.all(np.diff(he) < 0)                                        # "steadily": lower at every layer
    assert int(10 ** (he[0] - he[-1])) == 17                              # "about 17" (17.5)

def test_tanh_he_variance_settles_near_0_62_with_argument_1_11():
    q = steady_variance(tanh, 2)
    assert round(q, 2) == 0.62
    chi = 2 * gaussian_mean(lambda t: tanh_prime(t) ** 2, q)
    assert round(chi, 2) == 1.11 and chi > 1


@pytest.mark.parametrize("lang, wording", [
    ("en", "the variance factor settles slightly above one, so on its way down the error signal grows by a few percent "
           "per layer on average, and the first layer's input, the data, is larger than the later layers'. "
           "It is a mild explosion, but it shows that the rule is not \"bigger is safer\": the product has to stay near one in both directions. "
           "[The article on initialisation](initialisation.md#measured-spread) works out the variance factor of tanh at other "
           "[gains](../../glossary.md#gain) $\\sqrt{n}\\,\\sigma_w$, following Poole et al. (2016) and "
           "Schoenholz et al. (2017).\n\n"
           "??? note \"How much the tanh gradient grows with He initialisation\"\n"
           "    The forward recursion settles at a pre-activation variance of about 0.62, where the variance factor "
           "$n\\sigma_w^2\\,\\mathbb{E}[f'^2] \\approx 1.11$. Run from the data's variance, the "
           "recursion predicts a first-to-last ratio of about 14; across the same twelve draws "
           "the measured ratio runs from 12.9 to 17.5 (median 14.5), and this draw's 17.5 is the largest."),
    ("zh", "方差因子稳定在略大于 1 的位置，所以误差信号往下传时平均每层增大几个百分点，而第 1 层的输入（即数据本身）又比后面各层的大。"
           "这只是轻度的梯度爆炸，但它说明规则并不是“越大越保险”：乘积在两个方向上都得守在 1 附近。"
           "tanh 在其他[增益](../../glossary.md#gain) $\\sqrt{n}\\,\\sigma_w$ 下的方差因子，见[《初始化要看激活函数》](initialisation.md#measured-spread)，"
           "那里沿用了 Poole 等人（2016）和 Schoenholz 等人（2017）的分析。\n\n"
           "??? note \"用 He 初始化时，tanh 的梯度增大多少\"\n"
           "    按前向递推，预激活值的方差稳定在约 0.62，此时方差因子 $n\\sigma_w^2\\,\\mathbb{E}[f'^2] \\approx 1.11$。"
           "从数据的方差出发，递推式预测首末两层之比约为 14；在同样的 12 次随机抽样中，实测比值在 12.9 到 17.5 之间，"
           "中位数 14.5，本文这次抽样的 17.5 恰好是其中最大的。")])
def test_tanh_he_error_signal_grows_a_few_per_cent_per_layer_and_the_larger_input_completes_17_5(gd, lang, wording):
    """The error signal delta grows by 1.048 per layer on average (9.8 over 49 steps), as the predicted
    sqrt(1.11) = 1.05 says; the first layer's input is 1.8 times the last layer's, and the two together
    give the weight gradients' 17.5.  The general statement lives on the initialisation article."""
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert wording in page
    q = steady_variance(tanh, 2)
    assert round(np.sqrt(2 * gaussian_mean(lambda t: tanh_prime(t) ** 2, q)), 2) == 1.05
    _, _, delta_norm, rms = rebuilt_tanh_stack("he", gd["tanh_he_grad"])
    ratio = float(delta_norm[0] / delta_norm[-1])
    assert 1.02 < ratio ** (1 / 49) < 1.06 and round(ratio ** (1 / 49), 3) == 1.048   # "a few percent", on average
    assert rms[0] / rms[-1] > 1.5                                                       # the larger input
    assert round(float(gd["tanh_he_grad"][0] / gd["tanh_he_grad"][-1]), 1) == 17.5
    assert ratio * rms[0] / rms[-1] == pytest.approx(17.5, rel=0.01)                   # the two parts give 17.5
    # the recursion run from the data (q_1 = 2 * 1): backward factor over z_1..z_49, over the RMS of h_49
    qs = [2.0]
    for _ in range(48):
        qs.append(2 * gaussian_mean(lambda t: tanh(t) ** 2, qs[-1]))
    back = float(np.prod([np.sqrt(2 * gaussian_mean(lambda t: tanh_prime(t) ** 2, qq)) for qq in qs]))
    predicted = back / np.sqrt(gaussian_mean(lambda t: tanh(t) ** 2, qs[-1]))
    assert round(predicted) == 14 and 0.5 < predicted / 17.5 < 1                       # "most of", "about 14"
    # other draws (seeds 0-11, the experiment's own code): 13 to 17.5, median 14.5, this draw (seed 0) the largest
    spread = [float(np.divide(*layer_gradient_norms("tanh", "he", seed=s)["grad_norm"][[0, -1]])) for s in range(12)]
    # review final77, pb: the smallest is given to one decimal, as the largest is (13 -> 12.9)
    assert round(min(spread), 1) == 12.9 and round(max(spread), 1) == 17.5 and int(np.argmax(spread)) == 0
    assert round(float(np.median(spread)), 1) == 14.5
    assert layer_gradient_norms("tanh", "he", seed=0)["grad_norm"][0] == gd["tanh_he_grad"][0]   # seed 0 is this draw
    assert ratio > back and ratio ** (1 / 49) - back ** (1 / 49) < 0.01                # this draw grows a little faster
    for gone in ("1.048", "9.8", "about 12", "约 12 倍"):                              # per-layer bookkeeping not restated
        assert gone not in page.split("{ #initialisation }")[1].split("{ #stalled-layers }")[0]
    init = page_text("blog/posts/initialisation.md", lang)
    assert {"en": "above 1 it settles but the backward pass's variance factor $n\\sigma_w^2\\,\\mathbb{E}[\\tanh'(z)^2]$ exceeds one",
            "zh": "大于 1，方差能稳住，反向传播的方差因子 $n\\sigma_w^2\\,\\mathbb{E}[\\tanh'(z)^2]$ 却超过 1"}[lang] in init.split("{ #measured-spread }")[1]
    # the numbers of the He/tanh case sit in a collapsed note after the main thread (review final55, pb)
    note = page.split({"en": '??? note "How much the tanh gradient grows with He initialisation"',
                       "zh": '??? note "用 He 初始化时，tanh 的梯度增大多少"'}[lang])[1].split("\n\n")[0]
    assert all(n in note for n in ("0.62", "1.11", "14", "12.9", "17.5", "14.5"))
    # the general result is credited to Poole et al. (2016), which shows forward perturbations growing above gain 1,
    # and Schoenholz et al. (2017), who read it as backward-gradient growth (review final56, pb); both are cited as the
    # initialisation article cites them, renumbered.  The terms order and chaos are defined on the linked page only:
    # this page no longer names the analysis by them (review final62, pb)
    init_references = init.split("{ #references }")[1]
    body, references = page.split("{ #references }")
    for title in ("Exponential Expressivity in Deep Neural Networks through Transient Chaos", "Deep Information Propagation"):
        (cited,) = [line for line in references.splitlines() if title in line]
        (theirs,) = [line for line in init_references.splitlines() if title in line]
        assert cited.split(". ", 1)[1] == theirs.split(". ", 1)[1], title          # the same entry, renumbered
    assert {"en": "following Poole et al. (2016) and Schoenholz et al. (2017)",
            "zh": "那里沿用了 Poole 等人（2016）和 Schoenholz 等人（2017）的分析"}[lang] in body
    assert not any(word in body for word in ("order-to-chaos", "chaos", "混沌", "有序"))
    assert {"en": "the general result of Poole", "zh": "Poole 等人（2016）得出的一般结论"}[lang] not in body
    # the claim for every gain above one is stated once, at its home on the initialisation page; this page gives its own
    # measurement at He's gain and links there (review final58, pb)
    assert {"en": "the same happens at every", "zh": "情况都是这样"}[lang] not in body
    # review final74, pb: the initialisation page no longer digresses into order and chaos; it names the variance factor
    # chi_1 after both papers, and states the claim for every gain above 1 once
    assert {"en": "above 1 it settles but the backward pass's variance factor",
            "zh": "大于 1，方差能稳住，反向传播的方差因子"}[lang] in init.split("{ #measured-spread }")[1]
    assert {"en": "Poole et al. (2016) and Schoenholz et al. (2017) call this factor $\\chi_1$",
            "zh": "Poole 等人（2016）和 Schoenholz 等人（2017）把这个因子记作 $\\chi_1$"}[lang] in init
    numbered = [line for line in references.splitlines() if re.match(r"\d+\. ", line)]
    assert [int(line.split(".")[0]) for line in numbered] == list(range(1, len(numbered) + 1))
    years = [int(re.search(r"[(（](\d{4})[)）]", line).group(1)) for line in numbered]
    assert years == sorted(years)                                                    # the list runs by year
    assert {"en": "For tanh without biases, no gain", "zh": "对不带偏置的 tanh 网络，没有哪个增益"}[lang] in init.split("{ #measured-spread }")[1]


# --- what stalled layers do to training ----------------------------------------------------------

def test_stalled_setup_10_inputs_eight_hidden_of_64_10_outputs():
    assert stalled_layers.SIZES == (10, 64, 64, 64, 64, 64, 64, 64, 64, 10)
    assert stalled_layers.STEPS == 1500 and stalled_layers.LR == 0.1 and stalled_layers.FROZEN == 4


def test_stalled_task_4000_points_10_dims_100_centres_10_classes():
    defaults = {k: p.default for k, p in inspect.signature(voronoi).parameters.items()}
    assert (defaults["n"], defaults["dim"], defaults["centroids"], defaults["classes"]) == (4000, 10, 100, 10)
    X, y = voronoi(seed=400)
    assert X.shape == (4000, 10) and len(np.unique(y)) == 10
    # one name for them, the glossary's (training point / 训练样本), not "inputs" or 点 (review final54, pb)
    en, zh = (page_text("blog/posts/when-gradients-vanish.md", lang) for lang in ("en", "zh"))
    # review final65, pb: the set-up paragraph in shorter sentences
    assert ("Its task is of the kind used in [the experiment on dead ReLU units]"
            "(dead-relu-units.md#dead-relu-experiment), with a draw of its own: 4000 training points from a "
            "ten-dimensional standard normal distribution, each labelled with the class of the nearest of 100 random "
            "centres, and each centre given one of the ten classes at random.") in en and "4000 inputs" not in en
    # review final79, pb: the inputs and how centres get classes, so the task stands alone
    assert "取自 10 维标准正态分布；每个样本的类别取离它最近的那个随机中心（共 100 个，各自随机分到十类之一）的类别" in zh
    assert "[死亡 ReLU 单元的实验](dead-relu-units.md#dead-relu-experiment)属于同一类人工构造的十分类任务" in zh
    for lang in ("en", "zh"):                                  # the task's home, described there in full
        home = page_text("blog/posts/dead-relu-units.md", lang)
        assert "{ #dead-relu-experiment }" in home and "100" in home.split("{ #dead-relu-experiment }")[1][:800]
    assert "the most common class holds 16.6% of the training points" in en and "of the points" not in en
    assert "共 4000 个训练样本" in zh and "占全部训练样本的 16.6%" in zh
    assert not re.search(r"4000 个(?:点|输入)|每个点|全部点", zh)


def test_stalled_task_labels_by_the_nearest_centre_whose_class_is_drawn_at_random():
    """'standard normal inputs, each labelled with the class of the nearest of 100 random centres,
    where each centre was given one of 10 classes at random'"""
    owner = assert_voronoi_matches_its_description(400)
    assert len(np.unique(owner)) == 10                      # every class owns at least one centre


def test_stalled_three_runs_as_described():
    assert stalled_layers.RUNS == {"sigmoid": ("sigmoid", "xavier", 0),
                                   "sigmoid_frozen": ("sigmoid", "xavier", 4),
                                   "relu": ("relu", "he", 0)}


def test_stalled_training_is_sgd_momentum_0_9_lr_0_1_batches_of_128(st):
    """Fifty steps with the stated optimiser reproduce the recorded ReLU error at step 50."""
    X, y = voronoi(seed=400)
    net = MLP.create(stalled_layers.SIZES, "relu", "he", seed=stalled_layers.SEED)
    batches = minibatches(len(X), 128, np.random.default_rng(stalled_layers.SEED))
    for _ in range(stalled_layers.EVERY):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], 0.1, momentum=0.9)
    assert net.error_rate(X, y) == float(st["relu_error"][1])
    assert int(st["every"]) == 50


def test_stalled_figure_starts_near_0_91_and_0_92(st):
    assert round(float(st["sigmoid_error"][0]), 2) == 0.91
    assert st["sigmoid_frozen_error"][0] == st["sigmoid_error"][0]
    assert round(float(st["relu_error"][0]), 2) == 0.92


def test_sigmoid_error_0_834_from_step_150_to_the_end(st):
    errors = st["sigmoid_error"]
    assert np.all(errors[150 // int(st["every"]):] == 0.834)
    first = int(np.argmax(errors == 0.834)) * int(st["every"])      # "already 0.834 at step 50,
    assert first == 50 and np.any(errors[:150 // int(st["every"])] != 0.834)
    assert int(st["every"]) == 50 and errors[0] != 0.834              #  the first check after the start"
    assert errors[0] > 0.834 and errors.min() == 0.834            # it dips from the start
    assert ("is already 0.834 at step 50, the first check after the start, and from step 150 on it stays there"
            in page_text("blog/posts/when-gradients-vanish.md", "en"))
    assert ("在第 50 步（开始后的第一个记录点）就已是 0.834，从第 150 步起直到最后一步都停在那里"
            in page_text("blog/posts/when-gradients-vanish.md", "zh"))


@pytest.mark.parametrize("lang, wording", [
    ("en", "lie on top of each other throughout: they start near 0.91, fall to about 0.83 at step 50, rise to "
           "about 0.86 at step 100 and stay flat at about 0.83 from step 150 to the end"),
    ("zh", "的曲线自始至终完全重合：都从 0.91 左右起步，第 50 步降到 0.83 左右，第 100 步回升到 0.86 左右，"
           "从第 150 步直到最后都平在 0.83 左右")])
def test_stalled_figure_sigmoid_curves_fall_rise_once_then_stay_flat(st, lang, wording):
    """Alt text of the stalled-layers figure: the recorded errors at steps 0, 50, 100, 150, ..."""
    errors = st["sigmoid_error"]
    np.testing.assert_array_equal(st["sigmoid_frozen_error"], errors)
    assert int(st["every"]) == 50
    assert [round(float(e), 2) for e in errors[:4]] == [0.91, 0.83, 0.86, 0.83]
    assert errors[2] > errors[1] and np.all(errors[3:] == errors[1])
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)


def test_0_834_is_exactly_the_error_of_always_answering_the_commonest_class(st):
    _, y = voronoi(seed=400)
    share = np.bincount(y).max() / len(y)
    assert round(share * 100, 1) == 16.6
    assert float(st["sigmoid_error"][-1]) == pytest.approx(1 - share, abs=1e-12)
    # the page claims only what this shows: no better than always answering the commonest class
    # (the cache holds errors, not the trained network's outputs, so nothing is said about them)
    assert float(st["sigmoid_error"][-1]) >= 1 - share - 1e-12
    assert 1 - 1 / 10 == pytest.approx(0.9)          # "Random guessing among 10 classes would give about 0.9"
    assert ("Random guessing among 10 classes would give about 0.9, so the network has learned which class "
            "is most common and does no better than that." in page_text("blog/posts/when-gradients-vanish.md", "en"))
    assert ("在 10 个类别里随机乱猜，误差约为 0.9；可见网络只学会了哪一类最常见，没有做得比这更好。"
            in page_text("blog/posts/when-gradients-vanish.md", "zh"))


@pytest.mark.parametrize("lang, wording", [
    ("en", "The error of 0.834 on the last line is where [the trained network stalls](../blog/posts/when-gradients-vanish.md#stalled-layers):\n# "
           "no better than always answering the most common class."),
    ("zh", "最后一行的误差 0.834，正是[文章里训练后的网络停住的地方](../blog/posts/when-gradients-vanish.md#stalled-layers)：不比一律回答最常见的类别更好。")])
def test_notebook_0_834_is_where_the_trained_sigmoid_network_stalls(st, lang, wording):
    assert wording in page_text("notebooks/gradient-depth.py", lang)
    _, y = voronoi(seed=400)
    assert float(st["sigmoid_error"][-1]) == pytest.approx(1 - np.bincount(y).max() / len(y), abs=1e-12)
    assert round(float(st["sigmoid_error"][-1]), 3) == 0.834


def test_random_guessing_among_ten_classes_about_0_9():
    assert 1 - 1 / 10 == pytest.approx(0.9)


def test_relu_reaches_about_0_2(st):
    """The final error is 0.1865 with the project's pinned numerics; the article says 'about 0.2'."""
    assert round(float(st["relu_error"][-1]), 1) == 0.2
    assert st["relu_error"][-1] < st["relu_error"][0] - 0.6


@pytest.mark.parametrize("lang, wording", [
    ("en", "the training error is identical at every recorded step, including the rise at step 100, and layers 5 to 9 "
           "end with weight changes that agree to within 0.01%."),
    ("zh", "每个记录点上的训练误差都完全相同，第 100 步的那次回升也不例外；两次训练中，第 5 到第 9 层最终的权重变化量相差不到 0.01%。")])
def test_freezing_first_four_layers_leaves_the_training_error_unchanged(st, lang, wording):
    """From step 150 on any collapsed network gives the majority-class error, so the evidence that the frozen layers
    are not part of the trained model is the rise at step 100, identical in both runs, and the upper layers' weight
    changes, which agree to within 0.01% (review final54, pb)."""
    np.testing.assert_array_equal(st["sigmoid_frozen_error"], st["sigmoid_error"])
    np.testing.assert_array_equal(st["sigmoid_frozen_change"][:4], 0.0)
    errors = st["sigmoid_error"]
    assert int(st["every"]) == 50 and errors[2] > errors[1] and errors[2] > errors[3]       # the rise at step 100
    assert st["sigmoid_frozen_error"][2] == errors[2]
    # only the training error is identical: the upper layers' weights differ in late digits, within 0.01%
    frozen, free = st["sigmoid_frozen_change"][4:], st["sigmoid_change"][4:]
    assert not np.array_equal(frozen, free)
    assert np.all(np.abs(frozen / free - 1) < 1e-4)
    assert len(frozen) == 5                                                                # layers 5 to 9
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)


@pytest.mark.parametrize("lang, wording, overclaim", [
    ("en", "Not in the [deep sigmoid network above](#stalled-layers): freezing its first four layers left its training "
           "error unchanged, and in 1500 steps its top layers learned only which class is the most frequent.",
     "changed nothing"),
    ("zh", "[上面的深层 sigmoid 网络](#stalled-layers)并非如此：冻结它的前四层，训练误差也分毫未变；1500 步里，"
           "靠上的几层只学会了哪个类别最常见。", "毫无影响")])
def test_correction_says_only_the_training_error_is_unchanged(st, lang, wording, overclaim):
    """Review final60, pb: the stalled result was told three times (introduction, #stalled-layers, this reply); the reply
    is now one sentence with a link back, naming only the training error as unchanged (the upper layers' weights differ
    in late digits) and the 1500 steps (one run cannot tell "never" from "far more slowly")."""
    corrections = page_text("blog/posts/when-gradients-vanish.md", lang).split("{ #corrections }")[1]
    assert wording in corrections and overclaim not in corrections
    # the belief is stated so that the run refutes it (review final55, pb): not "slower", but "only slower, and the top
    # layers still learn a useful classifier", which they did not: majority-class error
    assert {"en": '**"Tiny gradients in the first layers only cost some speed; the top layers still learn a useful classifier."**',
            "zh": "**“前几层梯度很小，只是学得慢一点，靠上的几层照样能学出有用的分类器。”**"}[lang] in corrections
    for restated in ("0.0005", "0.2", "0.834"):                                  # told in #stalled-layers
        assert restated not in corrections.split("{ #references }")[0], restated
    _, y = voronoi(seed=400)
    assert float(st["sigmoid_error"][-1]) == pytest.approx(1 - np.bincount(y).max() / len(y), abs=1e-12)
    assert st["sigmoid_frozen_error"][-1] == st["sigmoid_error"][-1]
    assert {"en": "only more slowly", "zh": "只是慢一些"}[lang] not in corrections
    assert stalled_layers.STEPS == 1500
    for slower in ("20,000", "20000", "2 万"):                                  # no longer run is claimed
        assert slower not in corrections


def test_sigmoid_first_layer_moved_about_0_0005_layers_1_to_3_below_0_001(st):
    change = st["sigmoid_change"]
    assert round(float(change[0]), 4) == 0.0005
    assert np.all(change[:3] < 0.001)


def test_sigmoid_eighth_layer_moved_about_0_53(st):
    assert round(float(st["sigmoid_change"][7]), 2) == 0.53


def test_relu_first_layer_moved_about_1_2_none_below_0_7(st):
    """'about 1.2': 1.17 here, 1.18 on another machine (the ReLU run depends on the summation order; review
    final55, pb), so the page gives one decimal."""
    assert round(float(st["relu_change"][0]), 1) == 1.2
    assert st["relu_change"].min() > 0.7
    for lang, said in (("en", "The ReLU network's first layer moved by about 1.2; none of its layers moved by less than 0.7."),
                       ("zh", "ReLU 网络的第 1 层变化了约 1.2，没有哪一层的变化小于 0.7。")):
        text = page_text("blog/posts/when-gradients-vanish.md", lang)
        assert said in text and "1.17" not in text


def test_stalled_figure_right_panel_nine_layers_and_ranges(st):
    assert len(st["sigmoid_change"]) == len(st["relu_change"]) == 9
    assert round(float(st["sigmoid_change"][7]), 1) == 0.5
    assert np.all(np.diff(st["sigmoid_change"][2:8]) > 0)         # growing towards layer 8
    assert st["relu_change"].min() > 0.7 and round(float(st["relu_change"].max()), 1) == 2.2
    assert round(float(st["sigmoid_change"][8]), 1) == 0.3                # the output layer


def spreads(net, X):
    """Mean over units of each unit's standard deviation across the inputs, per hidden layer."""
    _, hs = net.forward(X)
    return np.array([h.std(axis=0).mean() for h in hs[1:]]), np.array([h.mean() for h in hs[1:]])


@pytest.mark.parametrize("lang, wording", [
    ("en", "shrinks to about a quarter at every hidden layer after the first (factors from 0.218 to 0.253)"),
    ("zh", "从第 2 个隐藏层起，每经过一层就缩小到约四分之一（各层的因子为 0.218 到 0.253）")])
def test_initial_spread_falls_by_about_four_per_layer_0_22_to_0_25(initial_sigmoid_net, lang, wording):
    """Article (stalled layers) and notebook gradient-depth: "about a quarter at every layer" after the
    first; the first hidden layer shrinks the standard normal inputs' spread (1) far more, to about 0.12."""
    net, X, _ = initial_sigmoid_net
    spread, _ = spreads(net, X)
    factors = spread[1:] / spread[:-1]
    assert len(spread) == 8
    assert spread[0] / X.std(axis=0).mean() < 0.2
    assert wording in page_text("blog/posts/when-gradients-vanish.md", lang)
    assert round(float(factors.min()), 3) == 0.218 and round(float(factors.max()), 3) == 0.253   # review final62: the ends
    assert round(float(np.exp(np.log(factors).mean())) ** -1) == 4


def test_last_hidden_spread_about_5e_minus_6_outputs_near_0_5(initial_sigmoid_net):
    net, X, _ = initial_sigmoid_net
    spread, means = spreads(net, X)
    assert e(spread[-1]) == "5e-06"
    assert np.all(np.round(means, 1) == 0.5)


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "until at the last hidden layer it is about $5 \\times 10^{-6}$, while the outputs themselves sit around 0.5. "
           "The output layer sees almost the same vector for every input.", "after the 1500 training steps"),
    ("zh", "到最后一个隐藏层只剩约 $5 \\times 10^{-6}$，而输出值本身都在 0.5 上下。无论输入是什么，输出层看到的几乎是同一个向量。",
     "训练 1500 步之后")])
def test_the_collapse_is_stated_at_initialisation_only(initial_sigmoid_net, lang, said, gone):
    """Review final60, pb, added the last hidden layer's spread after the 1500 training steps (1.2e-6); review final65,
    pb: no page let the reader compute it (the notebook shows the network at initialisation only), so the clause is cut
    and the paragraph states only what the notebook prints, the spreads at initialisation.  The answer's trained half
    rests on the training error, which the figure shows."""
    net, X, _ = initial_sigmoid_net
    spread, means = spreads(net, X)
    assert e(spread[-1]) == "5e-06" and np.all(np.round(means, 1) == 0.5)
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said in text and gone not in text
    assert "1.2 \\times 10^{-6}" not in text


@pytest.mark.parametrize("lang, said", [
    ("en", "because units whose pre-activations lie away from zero sit on the flatter parts of the curve."),
    ("zh", "因为预激活值离零点较远的单元落在曲线较平的部分。")])
def test_it_is_the_pre_activations_that_lie_away_from_zero(lang, said):
    """Review final60, pb: 'units away from zero' placed the units, not their pre-activations, away from zero.  The
    slope is largest at zero and falls on both sides."""
    x = np.linspace(0, 10, 1001)
    assert np.all(np.diff(sigmoid_prime(x)) < 0) and sigmoid_prime(0.0) == 0.25
    assert said in page_text("blog/posts/when-gradients-vanish.md", lang)


@pytest.mark.parametrize("lang, said", [
    ("en", "At this scale every random sigmoid layer shrinks the differences between inputs, the upper ones included: at "
           "initialisation the first four hidden layers bring the spread from about 1 at the input down to about "
           "$1.6 \\times 10^{-3}$, and layers 5 to 8, which training is free to change, shrink it at initialisation by a further factor of about "
           "350. And, as far as this measurement shows, the layers trained on top of such features do no better than "
           "always giving the most frequent answer."),
    ("zh", "其二，在这个尺度下，每一个随机的 sigmoid 层都会缩小输入之间的差别，上面几层也不例外：初始化时，前四个隐藏层"
           "把离散程度从输入处的约 1 缩小到约 $1.6 \\times 10^{-3}$，训练可以改动的第 5 到第 8 层在初始化时又把它缩小约 350 倍。"
           "其三，就这次测量所见，在这种特征之上训练的那几层，只能做到永远回答最常见的类别。")])
def test_the_collapse_is_not_the_frozen_layers_alone_and_the_causal_step_is_hedged(initial_sigmoid_net, st, lang, said):
    """Review final55, pb: the spread of the inputs (about 1) falls to 1.6e-3 at the output of layer 4, the last frozen
    one, and by another factor of about 350 (2.5 of the 4.4 decades after layer 1) to 4.6e-6 in layers 5 to 8, whose
    weights training changes (by 0.009 to 0.53; review final75, pb: "free to change", since layer 5 moved little); that the squeezed features are why the top layers fail is read from
    this one forward measurement, so the page hedges it.  Review final78, pb: the factor 350 is said to be measured at
    initialisation, not in the trained network."""
    net, X, _ = initial_sigmoid_net
    spread, _ = spreads(net, X)
    assert round(float(X.std(axis=0).mean()), 1) == 1.0
    assert f"{spread[3]:.1e}" == "1.6e-03"                                       # output of layer 4
    assert round(float(spread[3] / spread[7]), -1) == 350                        # layers 5 to 8
    assert 2.4 < np.log10(spread[3] / spread[7]) < 2.6 and round(float(np.log10(spread[0] / spread[7])), 1) == 4.4
    assert stalled_layers.FROZEN == 4 and np.all(st["sigmoid_change"][4:8] > 0.005)   # trained, and they moved
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said in text
    assert {"en": "long before they reach the layers that do learn", "zh": "早在输入传到能学习的那几层之前"}[lang] not in text


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "One measurement, taken at initialisation only, points to the reason: at Xavier's scale a random sigmoid "
           "stack is a poor feature map.", "points to the reason: a random sigmoid stack is a poor feature map."),
    ("zh", "有一项只在初始化时做的测量给出了线索：在 Xavier 的尺度下，随机初始化的 sigmoid 网络是一个很差的特征映射。",
     "给出了线索：随机初始化的 sigmoid 网络是一个很差的特征映射。")])
def test_poor_feature_map_is_scoped_to_xavier_and_to_initialisation(initial_sigmoid_net, lang, said, gone):
    """Review final74, pb: 'a random sigmoid stack is a poor feature map' was stated in general, but the evidence is
    one Xavier stack at initialisation.  There each hidden layer shrinks the inputs' spread to about a quarter; at
    n sigma_w^2 near 103 the variance factor, which also governs how differences between nearby inputs propagate
    forward, is 1, so the geometric shrinking is a property of the scale.  The sentence now names both limits."""
    net, X, _ = initial_sigmoid_net
    spread, _ = spreads(net, X)
    assert stalled_layers.SIZES and np.all(spread[1:] / spread[:-1] < 0.26)        # Xavier: about a quarter per layer
    a, q = crossing()
    assert a * quad_mean(lambda t: float(sigmoid_prime(t)) ** 2, q) == pytest.approx(1, abs=1e-6)   # not at 103
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said in text and gone not in text


def test_initial_gradient_first_layer_3e_minus_6_output_layer_1_1(initial_sigmoid_net):
    net, X, y = initial_sigmoid_net
    _, grads_W, _ = net.loss_and_grads(X, y)
    assert e(np.linalg.norm(grads_W[0])) == "3e-06"
    assert round(float(np.linalg.norm(grads_W[-1])), 1) == 1.1


# --- what fixed it -------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, wording", [
    ("en", "Around 2006 the remedy was layer-wise unsupervised pre-training, in which each layer was first "
           "trained on its own, without labels ([a later article](relu-sparsity-biology.md#pretraining) returns to it). "
           "Four ideas, mostly from 2010 to 2016, made very deep networks trainable without it."),
    ("zh", "2006 年前后的办法是逐层无监督预训练，即先不用标签把每一层单独训练一遍（[后面的文章](relu-sparsity-biology.md#pretraining)还会讲到）。"
           "后来主要在 2010 到 2016 年间出现的四个办法，使很深的网络不借助它也能训练。")])
def test_the_four_ideas_are_hedged_and_name_layer_wise_pre_training(lang, wording):
    """Not a complete list: layer-wise pre-training came first, and the linked section describes it.  The four are
    not ranked, since no source here ranks them (review final54, pb).  Review final65, pb: zh without the calque
    帮助……训练起来.  Review final72, pb: the link to article 7 says it comes later; the inline gloss carries the term.  Review final75, pb: en names
    pre-training first, so it no longer reads as the first of the four.  Review final79, pb: en dated ("Around 2006",
    "mostly from 2010 to 2016"), since variance-scaled initialisation (LeCun et al. 1998) predates pre-training.
    Review final80, pb: zh carries the same dates (2006 年前后, 2010 到 2016 年间) and says 逐层."""
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert "Before these ideas" not in page
    assert wording in page
    assert {"en": "did most", "zh": "贡献最大"}[lang] not in page and "帮助很深的网络" not in page
    section = page_text("blog/posts/relu-sparsity-biology.md", lang).split("{ #pretraining }")[1].split("\n## ")[0]
    assert ("Hinton, Osindero and Teh 2006" if lang == "en" else "Hinton") in section
    assert ("on its own, without labels" if lang == "en" else "预训练") in section
    assert {"en": "## Unsupervised pre-training { #pretraining }", "zh": "## 无监督预训练 { #pretraining }"}[lang] in \
        page_text("blog/posts/relu-sparsity-biology.md", lang)          # the link names it as the heading does (review final60)


def test_glorot_scale_keeps_both_passes_for_near_linear_units():
    n_in = n_out = WIDTH
    var_w = 2 / (n_in + n_out)
    assert n_in * var_w == pytest.approx(1.0) and n_out * var_w == pytest.approx(1.0)  # forward, backward
    assert WIDTH * INIT_STD["xavier"](WIDTH) ** 2 * gaussian_mean(lambda t: tanh_prime(t) ** 2, 1e-6) \
        == pytest.approx(1.0, rel=1e-5)


def test_xavier_is_for_units_that_act_as_the_identity_near_zero_such_as_tanh_not_the_sigmoid():
    """'Xavier's for activations that act as the identity near zero, such as tanh'."""
    assert float(tanh(0.0)) == 0.0 and float(tanh_prime(0.0)) == pytest.approx(1.0)
    x = np.linspace(-0.01, 0.01, 21)
    assert np.allclose(tanh(x), x, atol=1e-6)
    # the sigmoid is nearly linear at zero too, but not the identity: value 1/2, slope 1/4
    assert float(sigmoid(0.0)) == 0.5 and float(sigmoid_prime(0.0)) == pytest.approx(0.25)


def test_active_relu_unit_passes_slope_exactly_1():
    x = np.linspace(1e-9, 100, 1001)
    assert np.all(relu_prime(x) == 1.0) and np.all(relu_prime(-x) == 0.0)


@pytest.mark.parametrize("seed", range(3))
def test_residual_block_jacobian_is_identity_plus_jacobian_of_F(seed):
    rng = np.random.default_rng(seed)
    n = 5
    W1, W2 = rng.normal(size=(n, n)) / np.sqrt(n), rng.normal(size=(n, n)) / np.sqrt(n)
    h = rng.normal(size=n)

    def block(v):
        return v + W2 @ sigmoid(W1 @ v)
    jac_F = W2 @ np.diag(sigmoid_prime(W1 @ h)) @ W1
    finite = np.column_stack([(block(h + H * u) - block(h - H * u)) / (2 * H) for u in np.eye(n)])
    np.testing.assert_allclose(finite, np.eye(n) + jac_F, rtol=1e-6, atol=1e-9)


def test_residual_product_does_not_collapse_where_plain_stack_does():
    rng = np.random.default_rng(0)
    n, depth = 64, 50
    v = rng.normal(size=n)
    residual, plain = v.copy(), v.copy()
    h = rng.normal(size=n)
    for _ in range(depth):
        W1 = rng.normal(0, np.sqrt(1 / n), (n, n))
        W2 = rng.normal(0, np.sqrt(1 / n), (n, n))
        z = W1 @ h
        jac_F = W2 @ np.diag(sigmoid_prime(z)) @ W1
        residual = residual + jac_F.T @ residual           # (I + dF/dh)^T: the backward pass
        plain = W1.T @ (sigmoid_prime(z) * plain)           # a plain sigmoid layer
        h = h + W2 @ sigmoid(z)
    assert np.linalg.norm(residual) / np.linalg.norm(v) > 0.1
    assert np.linalg.norm(plain) / np.linalg.norm(v) < 1e-20


SAXE_WORDING = {   # review final66, pb: the random-product numbers live in the notebook; the article links them
    "en": "Initialisation can do more than set a variance. Random orthogonal matrices keep the norm of every vector, where Gaussian weights of variance $1/n$ keep it only on average ([the notebook](../../notebooks/gradient-depth.py#random-products) shows how unevenly). Saxe, McClelland and Ganguli (2014) showed that with orthogonal weights the learning time of a deep *linear* network, whose activation has slope 1 everywhere, does not grow with depth, which scaled Gaussian weights cannot achieve.",
    "zh": "初始化能做的还不止设定一个方差。随机正交矩阵保持每一个向量的范数，方差取 $1/n$ 的高斯随机权重则只在平均意义上做到这一点（各个方向的伸缩有多不均匀，见[笔记本](../../notebooks/gradient-depth.py#random-products)）。Saxe、McClelland 和 Ganguli（2014）证明，用正交矩阵初始化深层**线性**网络（激活函数斜率处处为 1），学习时间不随深度增长，而缩放过的高斯随机权重做不到这一点。",
}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_saxe_paragraph_is_quoted(lang):
    """Review final65, pb: 'learn at a speed set by the initial weights' was vague; the paragraph now states Saxe et
    al.'s concrete result (their abstract: depth-independent learning times from random orthogonal initial conditions,
    which scaled random Gaussian initialisations cannot find), after the product that motivates it."""
    assert SAXE_WORDING[lang] in page_text("blog/posts/when-gradients-vanish.md", lang)
    assert {"en": "learn at a speed set by the initial weights", "zh": "学习速度也由初始权重决定"}[lang] not in \
        page_text("blog/posts/when-gradients-vanish.md", lang)
    # review final66, pb: 'shrinks half of them' read as half of the dozen; the count is the notebook's alone now
    assert {"en": "half of them", "zh": "一半方向"}[lang] not in page_text("blog/posts/when-gradients-vanish.md", lang)
    # review final58, pb: the product's numbers had no cell behind them; the notebook's section computes three draws
    # (its printed numbers are checked in test_claims_gradient_depth_notebook.py)
    notebook = page_text("notebooks/gradient-depth.py", lang)
    assert "{ #random-products }" in notebook
    assert "product = rng.normal(0.0, 1 / np.sqrt(width), size=(width, width)) @ product" in notebook
    assert "for seed in (0, 1, 2):" in notebook.split("{ #random-products }")[1]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_scaled_gaussian_product_keeps_norms_only_on_average_orthogonal_keeps_every_norm(seed):
    """Saxe et al. (SAXE_WORDING): the singular values of a product of 50 N(0, 1/256) matrices run up
    to about 10 (7.6-12.8 over the seeds tried), a dozen or so of them above 1, and more than half lie below 1e-7 (median about 3e-8, well
    above float64 rounding, which sets the smallest computed values near 1e-17). Orthogonal factors keep
    every singular value at 1."""
    rng = np.random.default_rng(seed)
    gaussian, orthogonal = np.eye(WIDTH), np.eye(WIDTH)
    for _ in range(50):
        gaussian = rng.normal(0.0, 1 / np.sqrt(WIDTH), (WIDTH, WIDTH)) @ gaussian
        q, r = np.linalg.qr(rng.normal(size=(WIDTH, WIDTH)))
        orthogonal = (q * np.sign(np.diag(r))) @ orthogonal        # Haar-distributed orthogonal factor
    s = np.linalg.svd(gaussian, compute_uv=False)
    assert 5 < s.max() < 15                                         # up to about 10
    assert 10 <= np.sum(s > 1) <= 19                                # a dozen or so stretched (十几个)
    assert np.mean(s < 1e-7) >= 0.5                                 # half shrink by more than 1e7
    assert np.median(s) > 1e-12                                     # not a rounding artefact
    np.testing.assert_allclose(np.linalg.svd(orthogonal, compute_uv=False), 1.0, rtol=1e-9)
    # on average: one scaled Gaussian layer keeps the mean square of any fixed vector
    x = rng.normal(size=WIDTH)
    ratios = [np.sum((rng.normal(0.0, 1 / np.sqrt(WIDTH), (WIDTH, WIDTH)) @ x) ** 2) / np.sum(x ** 2)
              for _ in range(400)]
    assert np.mean(ratios) == pytest.approx(1.0, abs=0.02)


# --- corrections ----------------------------------------------------------------------------------

def test_correction_relu_xavier_0_70_and_5e_minus_5_against_1100(gd):
    """#measured-depth: 'the first-layer gradient is about 1100 with He initialisation, about 5e-5 with
    Xavier': the first layer's values; other layers' Xavier gradients go down to below 3e-5."""
    assert round(per_layer_factor(gd["relu_xavier_std"][::-1]), 2) == 0.70
    assert e(gd["relu_xavier_grad"][0]) == "5e-05" and round(float(gd["relu_he_grad"][0]), -2) == 1100
    assert e(gd["relu_small_grad"][0]) == "5e-44"
    assert float(gd["relu_xavier_grad"].min()) < 3e-5          # why the page names the first layer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_relu_misconception_is_refuted_on_its_home_page_not_here(lang):
    """'ReLU has no vanishing gradient at any depth' is refuted at why-nonlinear-activations#relu-caveats;
    this page keeps the measured 5e-5 against 1100 in #measured-depth only."""
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert "relu-caveats" not in page.split("{ #corrections }")[1].split("{ #references }")[0]
    assert "5 \\times 10^{-5}" in page.split("{ #measured-depth }")[1].split("{ #initialisation }")[0]


def test_correction_no_initial_scale_fixes_a_deep_sigmoid_stack(gd):
    assert all(per_layer_factor(gd[f"sigmoid_{i}_grad"]) < 0.5 for i in INIT_STD)
    assert all(gd[f"sigmoid_{i}_grad"][0] / gd[f"sigmoid_{i}_grad"][-1] < 1e-20 for i in INIT_STD)


def test_correction_tanh_he_mild_explosion(gd):
    g = gd["tanh_he_grad"]
    assert 1 < g[0] / g[-1] < 100 and per_layer_factor(g) > 1


def test_xavier_is_a_compromise_exact_in_both_directions_only_for_equal_fans():
    for n_in, n_out in ((256, 256), (100, 400), (784, 10)):
        xavier = 2 / (n_in + n_out)
        forward, backward = n_in * xavier, n_out * xavier          # variance factors for a linear unit
        assert min(forward, backward) <= 1 <= max(forward, backward)
        assert (forward == pytest.approx(1) and backward == pytest.approx(1)) == (n_in == n_out)


def test_sigmoid_activation_variance_factor_at_most_1_16():
    """ReLU's 1/2 is test_relu_mean_squared_slope_one_half_and_mean_square_half_the_variance."""
    x = np.linspace(-40, 40, 800_001)
    assert np.max(sigmoid_prime(x) ** 2) == pytest.approx(1 / 16)


@pytest.mark.parametrize("name", ["gradient_depth", "stalled_layers"])
def test_legends_are_mathematics_only_and_name_the_weight_scale_sigma_w(name):
    from actsite.figures.registry import FIGURES
    from actsite.figures.render import draw
    spec = FIGURES[name]
    fig = draw(spec.plot(), "light", spec.size)[0]
    labels = [t.get_text() for ax in fig.axes if ax.get_legend() for t in ax.get_legend().get_texts()]
    assert labels and all(s.startswith("$") and s.endswith("$") and s.count("$") == 2 for s in labels)
    assert not any("Var" in s for s in labels)
    if name == "gradient_depth":
        assert all(r"\sigma_w" in s for s in labels) and r"$\sigma_w=0.01$" in labels
        assert [s.split(",")[0] for s in labels[1:]] == [r"$\mathrm{Xavier}", r"$\mathrm{He}"]   # the rules, named as in the text


def test_notebook_article_draw_is_seed_0_and_the_try_cell_runs_the_twelve_draws(gd):
    """Notebook gradient-depth, "Try this": the ratio 1.79 (as the table prints it, three digits) is the
    draw of seed 0.  Review final65, pb: the cell ran seed 1 only, while the article quotes twelve draws; it now runs
    seeds 0 to 11, ReLU with He and with Xavier initialisation (the ratio does not move, the level does) and tanh with
    He.  Review final74, pb: "comes from one random draw (seed 0)"."""
    np.testing.assert_allclose(layer_gradient_norms("relu", "he", seed=0)["grad_norm"], gd["relu_he_grad"], rtol=1e-12)
    g = layer_gradient_norms("relu", "he", seed=1)["grad_norm"]
    assert f"{float(gd['relu_he_grad'][0] / gd['relu_he_grad'][-1]):.3g}" == "1.79"
    assert round(float(g[0] / g[-1]), 2) != 1.79
    assert "The ReLU first-to-last ratio 1.79 (identical at all three scales) comes from one random draw (seed 0)" in page_text(
        "notebooks/gradient-depth.py", "en").replace("\n# ", " ")
    # review final72, pb: the ratio is named (ReLU, first-to-last, the same at all three scales)
    assert "ReLU 首末两层梯度之比 1.79（三种尺度下相同）只来自一次随机抽样（种子 0）" in page_text("notebooks/gradient-depth.py", "zh")
    # the cell repeats each draw with Xavier initialisation: the ratio does not move, the level does
    x = layer_gradient_norms("relu", "xavier", seed=1)["grad_norm"]
    assert f"{float(x[0] / x[-1]):.3g}" == f"{float(g[0] / g[-1]):.3g}" and x[0] < 1e-6 * g[0]
    for lang in ("en", "zh"):
        try_cell = page_text("notebooks/gradient-depth.py", lang).split("{ #try-this }")[1]
        assert 'runs = (("relu", "he"), ("relu", "xavier"), ("tanh", "he"))' in try_cell and "for seed in range(12):" in try_cell
        assert {"en": "seeds 0 to 11, the twelve draws the article quotes",
                "zh": "用种子 0 到 11 抽取权重、输入和顶层梯度，也就是文章引用的那 12 次抽样"}[lang] in try_cell.replace("\n# ", " ")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_relu_is_credited_to_its_popularisers_with_their_full_references(lang):
    """'Chief among them is ReLU (Nair and Hinton 2010; Glorot, Bordes and Bengio 2011)': the two
    works the site's provenance record names as ReLU's popularisers, each in the page's references
    with the title, year and link of the site's bibliography."""
    from actsite.maths.catalogue import EVERY
    from actsite.pages.bibliography import WORKS
    page = page_text("blog/posts/when-gradients-vanish.md", lang)
    body, references = page.split("{ #references }")
    cited = {"en": ("Nair and Hinton 2010", "Glorot, Bordes and Bengio 2011"),
             "zh": ("Nair 和 Hinton，2010", "Glorot、Bordes 和 Bengio，2011")}[lang]
    assert all(citation in body for citation in cited)
    for key in ("nair2010", "glorot2011"):
        work = WORKS[key]
        assert key in EVERY["relu"].popularised_by
        (line,) = [line for line in references.splitlines() if work.title in line]
        assert f"({work.year})" in line or f"（{work.year}）" in line
        assert line.endswith(f"<{work.link}>")


@pytest.mark.parametrize("lang, wording", [
    ("en", "the sigmoid's gradient shrinks at every scale, by a factor between 0.04 and 0.32 per layer. For tanh "
           "and ReLU the factor per layer is within 1.2% of one, except tanh with He initialisation (1.06: its gradient "
           "grows 17.5-fold towards the input); the small scale leaves every layer's gradient "
           "near $2 \\times 10^{-36}$ (tanh) or between $2 \\times 10^{-44}$ and $5 \\times 10^{-44}$ (ReLU), as the last two "
           "lines show over all 50 layers."),
    ("zh", "sigmoid 的梯度在三种尺度下都逐层缩小，每层因子在 0.04 到 0.32 之间。tanh 和 ReLU 的每层因子与 1 相差不超过 1.2%，"
           "只有用 He 初始化的 tanh 例外（1.06：梯度越靠近输入越大，第 1 层是最后一层的 17.5 倍）；"
           "小尺度让每一层的梯度在 tanh 下都停在 $2 \\times 10^{-36}$ 附近，"
           "在 ReLU 下都落在 $2 \\times 10^{-44}$ 到 $5 \\times 10^{-44}$ 之间，表下的两行给出了全部 50 层的范围。")])
def test_notebook_reads_the_nine_run_table(gd, lang, wording):
    sig = [per_layer_factor(gd[f"sigmoid_{i}_grad"]) for i in INIT_STD]
    assert (round(min(sig), 2), round(max(sig), 2)) == (0.04, 0.32)
    others = [per_layer_factor(gd[f"{a}_{i}_grad"]) for a in ("tanh", "relu") for i in INIT_STD if (a, i) != ("tanh", "he")]
    assert min(others) > 1 and round(max(others) - 1, 3) == 0.012                  # within 1.2% of one
    assert round(per_layer_factor(gd["tanh_he_grad"]), 2) == 1.06                 # the one exception
    tanh_small, relu_small = gd["tanh_small_grad"], gd["relu_small_grad"]
    assert np.all((tanh_small > 1.9e-36) & (tanh_small < 2.6e-36))               # every layer near 2e-36
    assert np.all((relu_small > 1.95e-44) & (relu_small < 5.05e-44))             # every layer 2e-44 to 5e-44
    assert e(relu_small[0]) == "5e-44"                                             # the article's first-layer value
    g = gd["tanh_he_grad"]
    assert round(float(g[0] / g[-1]), 1) == 17.5 and np.all(np.diff(g) < 0)   # larger towards the input
    assert wording in page_text("notebooks/gradient-depth.py", lang).replace("\n# ", " ")


@pytest.mark.parametrize("lang, wording", [
    ("en", "The first layer's gradient, about $3 \\times 10^{-6}$, is about 1/370,000 of the output layer's."),
    ("zh", "第 1 层的梯度约为 $3 \\times 10^{-6}$，只有输出层的约 37 万分之一。")])
def test_notebook_reads_the_classifier_gradient_norms(initial_sigmoid_net, lang, wording):
    net, X, y = initial_sigmoid_net
    _, grads_W, _ = net.loss_and_grads(X, y)
    first, last = np.linalg.norm(grads_W[0]), np.linalg.norm(grads_W[-1])
    assert e(first) == "3e-06" and round(last / first, -4) == 370000
    assert wording in page_text("notebooks/gradient-depth.py", lang)


@pytest.mark.parametrize("lang, wording", [
    ("en", "a small one (weight standard deviation $\\sigma_w = 0.01$),\n# Xavier initialisation ($\\sigma_w^2 = 1/n$ when all layers have the same width $n$) and He initialisation ($\\sigma_w^2 = 2/n$)."),
    ("zh", "小尺度（权重标准差 $\\sigma_w = 0.01$）、Xavier 初始化（各层宽度同为 $n$ 时 $\\sigma_w^2 = 1/n$）和 He 初始化（同样宽度下 $\\sigma_w^2 = 2/n$）")])
def test_notebook_names_the_three_scales(lang, wording):
    n = 256
    assert INIT_STD["small"](n) == 0.01
    assert INIT_STD["xavier"](n) ** 2 == pytest.approx(1 / n) and INIT_STD["he"](n) ** 2 == pytest.approx(2 / n)
    assert wording in page_text("notebooks/gradient-depth.py", lang)


@pytest.mark.parametrize("lang, wording", [
    ("en", "The first table compares it with the measured factor.\n#\n# The second table applies the two corrections given in\n# [Initialisation: keeping the product near one](../blog/posts/when-gradients-vanish.md#initialisation):"),
    ("zh", "第一张表把预测值和实测值放在一起对照。\n#\n# 第二张表加上了文章[“初始化：让乘积保持在 1 附近”一节](../blog/posts/when-gradients-vanish.md#initialisation)给出的两处修正：")])
def test_notebook_points_to_the_corrections_for_xavier_and_he(gd, lang, wording):
    """Review final71, pb: the notebook says 'a little lower' after the cell that prints it (checked in the notebook's tests)."""
    for init in ("xavier", "he"):
        n_var_w = 256 * INIT_STD[init](256) ** 2
        measured = per_layer_factor(gd[f"sigmoid_{init}_grad"])
        assert 0.85 * np.sqrt(n_var_w) / 4 < measured < np.sqrt(n_var_w) / 4        # a little lower
    assert wording in page_text("notebooks/gradient-depth.py", lang)
    assert "two corrections close the gap" in page_text("blog/posts/when-gradients-vanish.md", "en")


@pytest.mark.parametrize("lang, said", [
    ("en", ("The short answer, for the network trained here: they stay close to their random initial weights, and the "
            "layers above them never get beyond answering the most frequent class.",
            "The output layer sees almost the same vector for every input.")),
    ("zh", ("简单地说，就这里训练的网络而言，这些层几乎停在随机的初始权重上，而它们上面的几层到头来也只学会了一律回答最常见的类别。",
            "无论输入是什么，输出层看到的几乎是同一个向量。"))])
def test_the_short_answer_says_where_the_differences_between_inputs_are_smallest(initial_sigmoid_net, st, lang, said):
    """The introduction's short answer and the output layer's view (review final46, pb): the spread falls about
    fourfold per layer after the first and is smallest, 5e-6 against outputs near 0.5, at the last hidden layer,
    which is what the output layer reads; the layers below it see more (layer 4's output about 1.6e-3).  Review final58,
    pb: the short answer ends with the answer to the introduction's question, that the trained network learns only which
    class is the most frequent (its final error is exactly that of always answering it).  Review final59, pb: the short
    answer no longer makes the collapse measured at initialisation the cause ('So the output layer sees ...'): it says
    the collapse is measured at initialisation, and that in training the upper layers, which do move (layers 5 to 9: a
    relative change of at least 0.008), end at the most frequent class.  Review final78, pb: the introduction keeps only
    the short answer; the collapse at initialisation is told once, in the stalled-layers section."""
    _, y = voronoi(seed=400)
    assert float(st["sigmoid_error"][-1]) == pytest.approx(1 - np.bincount(y).max() / len(y), abs=1e-12)
    net, X, _ = initial_sigmoid_net
    spread, means = spreads(net, X)
    factors = spread[1:] / spread[:-1]
    assert np.all((factors > 0.2) & (factors < 0.26)) and int(np.argmin(spread)) == len(spread) - 1
    # review final60, pb: the introduction gives the answer without the per-layer numbers, which #stalled-layers states
    # (the first hidden layer shrinks the inputs' spread, 0.998, to 0.118; about fourfold at each layer after it)
    first = float(X.std(axis=0).mean() / spread[0])
    assert 8 < first < 9 and first > 2 / factors.max()
    intro = page_text("blog/posts/when-gradients-vanish.md", lang).split("<!-- more -->")[0]
    assert not any(s in intro for s in ("eightfold", "fourfold", "八分之一", "四分之一"))
    assert spread[-1] / means[-1] < 1e-4 and spread[3] > 100 * spread[-1]
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert all(s in text for s in said), lang
    assert {"en": "So the output layer sees nearly the same vector", "zh": "于是无论输入是什么"}[lang] not in text
    change = st["sigmoid_change"]
    assert np.all(change[4:] > 0.008) and np.all(change[:3] < 1e-3), change        # the upper layers do change
    assert {"en": "for this network and this run", "zh": "就这个网络的这次训练而言"}[lang] in text     # one run, one seed
    # LeCun et al. made the forward-pass argument; Glorot and Bengio, and He et al., carried it backwards
    assert {"en": "LeCun, Bottou, Orr and Müller (1998) answered this for the forward pass with a variance argument",
            "zh": "LeCun、Bottou、Orr 和 Müller（1998）借助一个方差论证，就前向传播回答了这个问题"}[lang] in text


@pytest.mark.parametrize("lang, said", [
    ("en", "The line is straight on the logarithmic axis, which means every layer multiplies the gradient by about the same "
           "factor. This *factor per layer* is the 49th root of the first-to-last ratio, the geometric mean of the 49 steps "
           "from one layer to the next; here it is 0.24."),
    ("zh", "这条线在对数坐标下是直的，说明每一层都把梯度乘上差不多相同的因子。这个**每层因子**定义为首末两层之比的 49 次方根，"
           "也就是相邻两层之间 49 步变化的几何平均，这里是 0.24。")])
def test_the_factor_per_layer_is_defined_where_it_is_first_used(gd, lang, said):
    """Review final57, pb: the table's 'measured factor per layer' was never defined on the page; it is defined at its
    first use as (g_1 / g_50)^(1/49), the geometric mean of the 49 layer-to-layer changes, 0.24 for Xavier's sigmoid
    (the notebook's definition)."""
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said in text
    term = {"en": "factor per layer", "zh": "每层因子"}[lang]
    assert text.index(term) > text.index(said) and text.index(term) < text.index(said) + len(said)   # first use
    g = gd["sigmoid_xavier_grad"]
    steps = g[:-1] / g[1:]                                          # layer l over layer l + 1, 49 of them
    assert len(steps) == 49
    assert per_layer_factor(g) == pytest.approx(float(np.exp(np.log(steps).mean())), rel=1e-12)
    assert round(per_layer_factor(g), 2) == 0.24 and round(float(g[0] / g[-1]) ** (1 / 49), 2) == 0.24


@pytest.mark.parametrize("lang, said", [
    ("en", "with tanh and ReLU the first and last layers differ by a factor of at most 17.5, but the lines' height depends on the scale."),
    ("zh", "用 tanh 和 ReLU 时，第 1 层的梯度至多是最后一层的 17.5 倍，但线的高低取决于尺度。")])
def test_the_caption_bounds_the_tanh_and_relu_lines_instead_of_calling_them_flat(lang, said):
    """Review final49, pb: tanh with He rises 17.5-fold over the 50 layers, so the caption gives the bound, the largest
    first/last ratio of the six tanh and ReLU runs, against at least 1e24 for every sigmoid run."""
    r = cached("gradient_depth")
    ratio = lambda a: float(max(a[0] / a[-1], a[-1] / a[0]))      # noqa: E731
    spread = [ratio(r[f"{act}_{init}_grad"]) for act in ("tanh", "relu") for init in ("small", "xavier", "he")]
    assert f"{max(spread):.1f}" == "17.5" and max(spread) == ratio(r["tanh_he_grad"])
    # the Chinese caption states the direction: in all six runs the first layer's gradient is the larger
    assert all(r[f"{act}_{init}_grad"][0] >= r[f"{act}_{init}_grad"][-1] for act in ("tanh", "relu") for init in ("small", "xavier", "he"))
    assert min(ratio(r[f"sigmoid_{init}_grad"]) for init in ("small", "xavier", "he")) > 1e24
    assert said in page_text("blog/posts/when-gradients-vanish.md", lang)


def test_the_flat_tanh_xavier_line_is_a_cancellation_not_factors_near_one():
    """'That is not because nothing shrinks. The error signal falls about sevenfold on its way down, most of it in
    the ten layers nearest the input, whose pre-activations are the largest of the stack (variance 1 at the first
    layer, falling to 0.06 at the tenth; review final72, pb: linked to the notebook cell that prints them). Tanh's slope is therefore furthest below 1 there; meanwhile, the layers' inputs grow almost tenfold towards the data. The two nearly cancel in the
    weight gradient' (review final50, pb; review final59, pb: the sentence now says that the weight gradient is
    the error signal times the layer's input): the article's own draw (deep_nets, seed 0), rerun with the error signal
    and the layer inputs recorded separately."""
    rng = np.random.default_rng(0)                              # layer_gradient_norms("tanh", "xavier"), step by step
    width, depth = 256, 50
    weights = [rng.normal(0.0, INIT_STD["xavier"](width), size=(width, width)).T for _ in range(depth)]
    X, upstream = rng.normal(size=(64, width)), rng.normal(size=(64, width))
    h, inputs, pre = X, [], []
    for W in weights:
        inputs.append(h)
        pre.append(h @ W)
        h = tanh(pre[-1])
    delta_rms, grad = np.empty(depth), np.empty(depth)
    for layer in reversed(range(depth)):
        delta = upstream * tanh_prime(pre[layer])
        delta_rms[layer], grad[layer] = np.sqrt(np.mean(delta ** 2)), np.linalg.norm(delta.T @ inputs[layer])
        upstream = delta @ weights[layer].T
    np.testing.assert_allclose(grad, layer_gradient_norms("tanh", "xavier")["grad_norm"])   # the same draw
    assert round(grad[0] / grad[-1], 1) == 1.3                                      # "1.3 times"
    fall = delta_rms[-1] / delta_rms[0]
    assert 6.5 < fall < 8.5, fall                                                    # "about sevenfold"
    near = np.log(delta_rms[10] / delta_rms[0]) / np.log(fall)
    assert near > 0.5, near                                                          # "most of it in the ten layers"
    q = np.array([float(np.var(z)) for z in pre])
    assert 0.9 < q[0] < 1.1 and round(q[9], 2) == 0.06, q[:10]                      # "variance 1 ... 0.06 at the tenth"
    assert q[0] == q.max() and np.all(np.diff(q[:10]) < 0)                           # "the largest of the stack"
    slope = [float(np.mean(tanh_prime(z) ** 2)) for z in pre]
    assert slope[0] == min(slope) and slope[0] < 0.5                                 # "furthest below 1" 
    rms_in = [float(np.sqrt(np.mean(x ** 2))) for x in inputs]
    grow = rms_in[0] / rms_in[-1]
    assert 9 < grow < 10, grow                                                       # "almost tenfold"
    for lang, words in (("en", "That is not because nothing shrinks. The error signal falls about sevenfold"),
                        ("zh", "但这并不是因为什么都没有缩小：误差信号往下传时缩小到约七分之一")):
        text = page_text("blog/posts/when-gradients-vanish.md", lang)
        assert words in text and "factors in the product stay near one" not in text and "乘积里的因子都停在 1 附近" not in text
    # the long sentence ends at the parenthesis (review final56, pb); review final65, pb: in shorter sentences still
    assert ("The error signal falls about sevenfold on its way down, mostly in the ten layers nearest the input. Their "
            "pre-activations are the largest of the stack (variance 1 at the first layer, falling to 0.06 at the tenth; "
            "[the notebook](../../notebooks/gradient-depth.py#forward-pass) prints these numbers), so there tanh's slope is furthest below 1. Meanwhile, the layers' inputs grow almost tenfold towards the "
            "data.") in page_text("blog/posts/when-gradients-vanish.md", "en")
    assert ("（方差从第 1 层的 1 降到第 10 层的 0.06；这几个数见[笔记本](../../notebooks/gradient-depth.py#forward-pass)的输出），"
            "tanh 的斜率也就离 1 最远。") in page_text("blog/posts/when-gradients-vanish.md", "zh")
    # review final72, pb: the numbers are linked to the notebook cell that prints them, and that cell prints them
    # review final74, pb: the section's cell is split in two; the second prints these numbers, still in #forward-pass
    cell = page_text("notebooks/gradient-depth.py", "en").split("{ #forward-pass }")[1].split("{ #sigmoid-classifier }")[0]
    assert "at layer 1" in cell and "at layer 10" in cell and "error signal" in cell and "layer input" in cell


@pytest.mark.parametrize("lang, gradient, change", [
    ("en", "the Frobenius norm $\\|\\partial L / \\partial W_l\\|_F$ of the gradient summed over the batch, the square "
           "root of the sum of its squared entries "
           "(not the spectral norm used above)",
     "$\\|W_l - W_l^{(0)}\\|_F / \\|W_l^{(0)}\\|_F$ (Frobenius norms again)"),
    ("zh", "的 Frobenius 范数 $\\|\\partial L / \\partial W_l\\|_F$，即各元素平方和的平方根（不是上文的谱范数）",
     "$\\|W_l - W_l^{(0)}\\|_F / \\|W_l^{(0)}\\|_F$（仍是 Frobenius 范数）")])
def test_the_measured_norms_are_frobenius_not_the_spectral_norm_of_the_bound(lang, gradient, change):
    """The bound uses the spectral norm ||W_l||; the experiments measure Frobenius norms (np.linalg.norm of a
    matrix, no ord), and the two differ: read as spectral, the quoted changes would be wrong (review final53, pb).  Review final75, pb: en
    reworded to "records, at every layer, the Frobenius norm ... of the gradient summed over the batch"."""
    import inspect
    from actsite.experiments import deep_nets, stalled_layers
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert gradient in text and change in text
    assert text.index("spectral norm" if lang == "en" else "谱范数") < text.index(gradient)
    for source in (inspect.getsource(stalled_layers), inspect.getsource(deep_nets)):
        calls = re.findall(r"np\.linalg\.norm\(([^\n]*)", source)
        assert calls and not any("ord" in c for c in calls)
    W = np.random.default_rng(0).standard_normal((64, 64))
    assert np.linalg.norm(W) == pytest.approx(np.sqrt((W ** 2).sum())) and np.linalg.norm(W, 2) < 0.5 * np.linalg.norm(W)


@pytest.mark.parametrize("lang, said, gone", [
    ("en", ["Going one layer down, the error signal is multiplied by the transposed weights",
            "The weight gradient $\\delta_l h_{l-1}^{\\top}$ multiplies the error signal by the layer's input, so the two "
            "changes nearly cancel in it. But", "This is the same chain rule that gives one unit its gradient",
            "rather than, as Ioffe and Szegedy proposed, stabilising the distribution of each layer's inputs.",
            "compares the rules in a 50-layer stack.\n\n    Initialisation can do more than set a variance."],
     ["the error is multiplied", "The two nearly cancel in the weight gradient", "as they do for the small scale",
      "gives one neuron its gradient", "as originally proposed", "SELU is an activation built"]),
    ("zh", ["每往下走一层，误差信号先乘上转置后的权重矩阵",
            "这正是[《一个单元的梯度：全正输入为何让权重走之字形》](neuron-gradients-zigzag.md#update-direction)一文求梯度时用的"
            "链式法则，只不过这里每层各用一次。",
            "权重梯度 $\\delta_l h_{l-1}^{\\top}$ 是误差信号与这一层输入的乘积，所以两者的变化在其中几乎抵消",
            "就像只训练了上面几层，而它们的输入是数据经过一个固定随机变换后的结果。",
            "在一个 50 层网络里把各条规则放在一起比较。\n\n    初始化能做的还不止设定一个方差。", "点线给出了答案的第二部分。"],
     ["讲单个神经元的那篇文章", "讲模型神经元的那篇文章", "输入则是一个固定的随机变换", "误差先乘上", "两者在权重梯度",
      "小尺度时的情形一样", "点线给出了第二部分", "SELU 是一种特意构造的激活函数"])])
def test_the_wording_the_final59_review_asked_for(lang, said, gone):
    """Review final59, pb: one name for the backward quantity, the error signal (EN l.31); the weight gradient is said
    to be the error signal times the layer's input where the flat tanh line is explained, before the variance recursion
    (l.73); the initialisation item of 'What fixed it' in two paragraphs, the rules and SELU, then what initialisation
    does beyond a variance (l.137); zh l.37 without the doubled 单个神经元, and zh l.125 where the input is not a
    transformation but the data after one.  Review final65, pb: zh cites every other article by its title in 《》 at first
    mention (the neuron article too), and the Saxe paragraph opens with its own sentence.  Review final66, pb: the tanh
    paragraph no longer points ahead to the small scale; 'one unit' (the site's term); the Ioffe-Szegedy clause
    attaches to its verb; zh '答案的第二部分', parallel to the first.  Review final72, pb: the SELU gloss is cut from
    the initialisation item (SELU's home is the linked article)."""
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    for s in said:
        assert s in text, s
    for s in gone:
        assert s not in text, s
    item = text.split("{ #what-fixed-it }")[1].split("\n- **")[1]                # the initialisation item, both paragraphs
    assert "Saxe" in item.split("\n\n")[1] and "Saxe" not in item.split("\n\n")[0]


@pytest.mark.parametrize("lang, said", [
    ("en", "Every layer has $n_\\text{in} = 256$ inputs and $n_\\text{out} = 256$ outputs.\n\n"
           "- The *small scale* is a fixed $\\sigma_w = 0.01$.\n"
           "- Xavier (Glorot) initialisation, after Glorot and Bengio (2010), sets "
           "$\\sigma_w^2 = 2/(n_\\text{in} + n_\\text{out}) = 1/256$.\n"
           "- He initialisation, after He et al. (2015), sets $\\sigma_w^2 = 2/n_\\text{in} = 2/256$.\n"),
    ("zh", "每层的输入数 $n_\\text{in}$ 和输出数 $n_\\text{out}$ 都是 256。\n\n"
           "- **小尺度**是固定的 $\\sigma_w = 0.01$。\n"
           "- Xavier（Glorot）初始化出自 Glorot 和 Bengio（2010），取 $\\sigma_w^2 = 2/(n_\\text{in} + n_\\text{out}) = 1/256$。\n"
           "- He 初始化出自 He 等人（2015），取 $\\sigma_w^2 = 2/n_\\text{in} = 2/256$。\n")])
def test_the_text_defines_the_fan_in_and_fan_out_that_the_figure_legend_uses(lang, said):
    """Review final62, pb: the gradient_depth legend writes Xavier as 2/(n_in + n_out) and He as 2/n_in, which the page
    never defined.  The text now states both rules in that notation before the figure, with n_in = n_out = 256, where
    they give the experiment's 1/256 and 2/256.  Review final65, pb: the three scales in one sentence each.
    Review final72, pb: the setup paragraph splits after the norm; the three scales are a list of their own."""
    from actsite.figures import results
    source = inspect.getsource(results.draw_gradient_depth)
    assert r"\frac{2}{n_\mathrm{in}+n_\mathrm{out}}" in source and r"\frac{2}{n_\mathrm{in}}" in source
    assert INIT_STD["xavier"](256) ** 2 == pytest.approx(2 / (256 + 256)) == pytest.approx(1 / 256)
    assert INIT_STD["he"](256) ** 2 == pytest.approx(2 / 256)
    text = page_text("blog/posts/when-gradients-vanish.md", lang)
    assert said in text and text.index(said) < text.index("(figure:gradient_depth")


def test_the_wording_the_final72_review_asked_for():
    """Review final72, pb: zh thresholds are near zero, not 'not far away' (并不遥远, a calque); zh names the
    first-to-last ratio 首末两层之比 throughout; en keeps 'first-to-last ratio'; the sigma_w disclaimer is short."""
    zh = page_text("blog/posts/when-gradients-vanish.md", "zh")
    en = page_text("blog/posts/when-gradients-vanish.md", "en")
    assert "这两个阈值离零点并不远" in zh and "并不遥远" not in zh
    assert "首末之比" not in zh and zh.count("首末两层之比") >= 4
    assert "no relation to the sigmoid" not in en and "与 sigmoid 的 $\\sigma$ 无关" not in zh
    assert "(the subscript keeps it apart from the sigmoid $\\sigma$)" in en
    assert "（带下标，以免与 sigmoid 的 $\\sigma$ 混淆）" in zh


def test_xavier_keeps_the_error_signal_not_the_sigmoids_forward_signal():
    """Review final73, pb: "the weights leave the size of the signal unchanged" is false for the sigmoid's forward
    signal (its pre-activation variance settles well below 1 under Xavier); what n sigma_w^2 = 1 keeps is the size of the
    error signal passing back through the weight matrices (each W^T multiplies its mean square by n sigma_w^2)."""
    assert steady_variance(sigmoid, 1.0) < 0.5                               # the forward signal shrinks
    rng = np.random.default_rng(0)
    n = 400
    W = rng.normal(scale=1 / np.sqrt(n), size=(n, n))
    delta = rng.normal(size=(n, 2000))
    assert np.mean((W.T @ delta) ** 2) / np.mean(delta ** 2) == pytest.approx(1, abs=0.02)
    for lang, said, gone in (
            ("en", "the weight matrices leave the size of the error signal passing back through them unchanged on average",
             "the weights leave the size of the signal unchanged"),
            ("zh", "误差信号反向穿过权重矩阵，其大小平均而言不变", "权重平均而言不改变信号的大小")):
        text = page_text("blog/posts/when-gradients-vanish.md", lang)
        assert said in text and gone not in text, lang
