"""Every numerical or mathematical claim of catalogue/output-layers.md, checked.

One test per claim, in the order of the page; both languages carry the same numbers.  The
functions come from ``actsite.maths.output_layers``, the figures' data from their plotters, and
the page's code block is run as it stands.

Not testable here, because they report what a source states: Hinton et al. (2015) distil
with high temperatures and multiply the soft-target loss by T^2 (the 1/T^2 scaling that
motivates it is tested); what PyTorch's documentation says about CrossEntropyLoss ("the unnormalized logits for each class"
as input; log_softmax followed by nll_loss, which keeps its output for the backward pass) and BCEWithLogitsLoss (more stable, log-sum-exp); its
autocast list of ops run in float32 (softmax, log_softmax, nll_loss, cross_entropy among them);
Bridle (1990) naming softmax and reading its outputs as posterior class probabilities; Goodfellow et al.'s section 6.2.2 on output units; label smoothing
(Szegedy et al. 2016) and PyTorch's `label_smoothing` argument for it; that Keras's cross-entropy losses take logits with
`from_logits=True` and expect probabilities by default (its documentation of the probabilistic losses).
"""
from __future__ import annotations

import contextlib
import io
import re
import warnings

import numpy as np
import pytest

from actsite.maths import output_layers as out
from actsite.maths.catalogue import EVERY
from actsite.maths.functions import sigmoid, sigmoid_prime
from actsite.pages.page_pairs import CODE
from claim_helpers import LANGS, display_equations, page_text, plotted

PAGE = "catalogue/output-layers.md"


def page(lang: str) -> str:
    return page_text(PAGE, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_display_equations_include_the_registry_formulas(lang):
    shown = display_equations(PAGE, lang)
    for key in ("softmax", "bce_with_logits"):
        formula = out.OUTPUTS[key].latex if key == "softmax" else out.OUTPUTS[key].stable_latex
        assert any(" ".join(formula.split()) in eq for eq in shown), key


@pytest.mark.parametrize("lang", LANGS)
def test_figures_shown(lang):
    assert re.findall(r"\]\(figure:([\w-]+)", page(lang)) == ["softmax_temperature", "stable_vs_naive"]


# --- why the last layer is different --------------------------------------------------------

def test_sigmoid_is_two_class_softmax():
    x = np.linspace(-30, 30, 601)
    pairs = np.stack([x, np.zeros_like(x)], axis=-1)
    np.testing.assert_allclose(out.softmax(pairs)[:, 0], sigmoid(x), rtol=1e-12)


def test_confidently_wrong_gradients_cross_entropy_against_squared_error():
    x, y = -10.0, 1.0
    cross_entropy = out.bce_gradient(x, y)
    squared = (sigmoid(x) - y) * sigmoid_prime(x)
    h = 1e-6
    numeric = ((0.5 * (sigmoid(x + h) - y) ** 2) - (0.5 * (sigmoid(x - h) - y) ** 2)) / (2 * h)
    assert squared == pytest.approx(numeric, rel=1e-6)
    assert f"{cross_entropy:.5f}" == "-0.99995"
    assert f"{squared:.1e}" == "-4.5e-05"
    # "the log's derivative 1/p cancels the small factor p in sigma'(x) = p(1 - p), leaving -(1 - p)":
    # d(-log sigma)/dx = -(1/p) sigma'(x) = -(1 - p)
    xs = np.linspace(-30, 30, 601)
    p = sigmoid(xs)
    left = xs <= 10                                                   # where 1 - p is still exact enough in float64
    np.testing.assert_allclose(sigmoid_prime(xs[left]), (p * (1 - p))[left], rtol=1e-6)
    np.testing.assert_allclose(-sigmoid_prime(xs) / p, -(1 - p), rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(-(1 - p), out.bce_gradient(xs, 1.0), rtol=1e-9, atol=1e-15)
    assert -(1 - sigmoid(x)) == pytest.approx(cross_entropy, rel=1e-12)
    for lang, said in (("en", "the log's derivative $1/p$ cancels the small factor $p$ in $\\sigma'(x) = p(1 - p)$, leaving $-(1 - p)$."),
                       ("zh", "对数求导给出的 $1/p$ 约掉了 $\\sigma'(x) = p(1 - p)$ 中很小的因子 $p$，剩下 $-(1 - p)$。")):
        assert said in page(lang), lang


# --- softmax and its Jacobian ---------------------------------------------------------------

def test_softmax_is_a_distribution_invariant_to_a_shift():
    z = np.random.default_rng(3).normal(0, 4, size=(100, 7))
    p = out.softmax(z)
    assert np.all(p > 0)
    np.testing.assert_allclose(p.sum(axis=-1), 1.0, rtol=1e-14)
    for temperature in (0.5, 1.0, 4.0):
        np.testing.assert_allclose(out.softmax(z + 17.3, temperature), out.softmax(z, temperature), rtol=1e-12)


def test_jacobian_properties():
    rng = np.random.default_rng(5)
    for _ in range(20):
        z = rng.normal(0, 2, size=6)
        J, p = out.softmax_jacobian(z), out.softmax(z)
        np.testing.assert_allclose(J, J.T)
        np.testing.assert_allclose(J.sum(axis=1), 0.0, atol=1e-15)
        np.testing.assert_allclose(J.sum(axis=1), p - p * p.sum(), atol=1e-15)   # "p_i - p_i sum_j p_j = 0"
        np.testing.assert_allclose(J @ np.ones(6), 0.0, atol=1e-15)
        eigenvalues = np.linalg.eigvalsh(J)
        assert eigenvalues.min() > -1e-15 and np.linalg.matrix_rank(J) == 5
        np.testing.assert_allclose(np.diag(J), p * (1 - p))
        assert np.diag(J).max() <= 0.25
        w = rng.normal(size=6)                        # "w^T J w is the variance of w's entries weighted by p"
        mean = (p * w).sum()
        assert w @ J @ w == pytest.approx((p * (w - mean) ** 2).sum(), rel=1e-12, abs=1e-15)
        # "a small change w of the logits changes p by about J w ... never move against the change"
        h = 1e-6
        step = out.softmax(z + h * w) - p
        np.testing.assert_allclose(step / h, J @ w, atol=1e-5)
        assert step @ w >= 0
        for i in range(6):                            # "raising one logit alone never lowers its probability"
            for size in (1e-3, 1.0, 50.0):
                assert out.softmax(z + size * np.eye(6)[i])[i] >= p[i]
    # "entry i of J w is p_i (w_i - sum_j p_j w_j), so to first order a probability falls exactly when its logit rises by
    # less than the average rise, weighted by p"; with p = (0.45, 0.45, 0.10), w = (1, 2, 0) 1e-3, p_1 falls although its
    # logit rose more than z_3 (reviews final53 and final55, cb)
    z3, change = np.zeros(3), np.array([1.0, 3.0, 0.0])
    moved = out.softmax(z3 + 1e-3 * change) - out.softmax(z3)
    assert moved[0] < 0 and moved @ change > 0
    zp = np.log(np.array([0.45, 0.45, 0.10])); w = np.array([1.0, 2.0, 0.0]) * 1e-3
    pp = out.softmax(zp); dp = out.softmax(zp + w) - pp
    np.testing.assert_allclose(dp, pp * (w - pp @ w), rtol=2e-3)
    assert dp[0] < 0 and w[0] > w[2] and w[0] < pp @ w
    # "exactly when", both ways: for small random changes the sign of each dp_i is the sign of w_i - p.w
    rng = np.random.default_rng(55)
    checked = 0
    for _ in range(200):
        z6, w6 = rng.normal(0, 2, size=6), rng.normal(size=6) * 1e-6
        p6 = out.softmax(z6)
        np.testing.assert_allclose(out.softmax_jacobian(z6) @ w6, p6 * (w6 - p6 @ w6), atol=1e-20)
        dp6, gap = out.softmax(z6 + w6) - p6, w6 - p6 @ w6
        clear = np.abs(gap) > 1e-3 * np.abs(w6).max()                  # away from the boundary w_i = p.w
        assert np.all(np.sign(dp6[clear]) == np.sign(gap[clear]))
        checked += clear.sum()
    assert checked > 1000
    # "raising one logit alone never lowers its own probability: p_i = 1/(1 + sum_{j != i} e^(z_j - z_i)), and raising z_i
    # shrinks every term of that sum": the formula, and every term falling (strictly, so p_i rises) when z_i alone rises
    rng = np.random.default_rng(58)
    for _ in range(20):
        z6 = rng.normal(0, 3, size=6)
        for i in range(6):
            others = np.delete(z6, i)
            assert out.softmax(z6)[i] == pytest.approx(1 / (1 + np.exp(others - z6[i]).sum()), rel=1e-12)
            assert np.all(np.exp(others - (z6[i] + 0.5)) < np.exp(others - z6[i]))
            assert out.softmax(z6 + 0.5 * np.eye(6)[i])[i] > out.softmax(z6)[i]
    # the one-line argument stays in the text; the several-logits rule and the variance reading of the inner product,
    # which nothing later on the page uses, sit in a collapsed note after the saturation paragraph, so that the Jacobian
    # leads straight to saturation (reviews final54 and final57, cb; folded in final59, cb), with one Chinese word for
    # "weighted by p" (以 p 为权重, review final59, cb); the one-line argument closes the null-space paragraph, after the
    # invariance it contrasts with, not a paragraph of its own (review final60, cb)
    for lang, said, note in (
            ("en", "does not change $p$. Raising one logit alone, on the other hand, never lowers its own probability: "
                   "$p_i = 1/\\bigl(1 + \\sum_{j \\ne i} "
                   "e^{z_j - z_i}\\bigr)$, and raising $z_i$ shrinks every term of that sum.\n\nThe diagonal entries of $J$",
             "??? note \"Several logits at once\"\n\n    When several logits change by a small $w$, $p$ changes by about $J w$, "
             "whose entry $i$ is $p_i\\bigl(w_i - \\sum_j p_j w_j\\bigr)$, so to first order a probability falls exactly when "
             "its logit rises by less than the average rise, weighted by $p$. Taken as a whole, though, the change of the "
             "probabilities never points against the change of the logits: to first order their inner product is "
             "$w^{\\top} J w = \\sum_i p_i w_i^{2} - \\bigl(\\sum_i p_i w_i\\bigr)^{2}$, the variance of the entries of $w$ "
             "weighted by $p$, which is never negative.\n\n## "),
            ("zh", "所有 logit 一起平移不改变 $p$。单独调高一个 logit 则不同，它自己的概率绝不会下降：$p_i = 1/\\bigl(1 + \\sum_{j \\ne i} e^{z_j - z_i}\\bigr)$，"
                   "调高 $z_i$ 会让这个和式中的每一项都变小。\n\n$J$ 的对角元",
             "??? note \"几个 logit 同时变化时\"\n\n    几个 logit 同时有微小的变化 $w$ 时，$p$ 约改变 $J w$，其第 $i$ "
             "个分量是 $p_i\\bigl(w_i - \\sum_j p_j w_j\\bigr)$，所以在一阶近似下，一个概率下降，当且仅当它的 logit "
             "的增量小于以 $p$ 为权重的平均增量。不过从整体看，概率的变化量与 logit 的变化量方向从不相背：在一阶近似下，"
             "两者的内积是 $w^{\\top} J w = \\sum_i p_i w_i^{2} - \\bigl(\\sum_i p_i w_i\\bigr)^{2}$，正是 $w$ 的各分量"
             "以 $p$ 为权重的方差，永远不为负。\n\n## ")):
        text = page(lang)
        assert said in text and note in text, lang
        section = text.split("{ #softmax }")[1].split("{ #cross-entropy }")[0]
        assert section.index(said) < section.index("1.4 \\times 10^{-4}") < section.index(note), lang
        assert "以 $p$ 为权的" not in text, lang
        assert r"v^{\top} J v" not in page(lang)     # v is the teacher's logits further down


@pytest.mark.parametrize("lang", LANGS)
def test_jacobian_and_cross_entropy_are_defined_where_first_named(lang):
    """The page says in words what the Jacobian is where the matrix first appears, and gives cross-entropy's
    formula where the term is first named; the formula is the one the cross-entropy section derives (review final41, cb)."""
    text = page(lang)
    jacobian = {"en": "The matrix of all these partial derivatives is the *Jacobian* of softmax:",
                "zh": "由所有这些偏导数组成的矩阵就是 softmax 的**雅可比矩阵**："}[lang]
    assert jacobian in text and text.index(jacobian) < text.index(r"J = \frac{\partial p}{\partial z}")
    formula = r"$-\sum_i y_i \log p_i$"
    # its own sentence, split from the Gaussian's at the old semicolon (review final58, cb)
    named = {"en": "$y$. For the classification outputs the negative log-likelihood is *cross-entropy*, " + formula,
             "zh": "处的概率密度。各种分类输出的负对数似然则是**交叉熵** " + formula}[lang]
    body = text.split("{ #last-layer }")[1]
    first = body.find({"en": "cross-entropy", "zh": "交叉熵"}[lang])
    assert body.index(named) <= first < body.index(named) + len(named)
    assert r"L(z, y) = -\sum_i y_i \log p_i" in text.split("{ #cross-entropy }")[1]
    # the gradient p - y depends on nothing but the prediction and the target, however saturated softmax is:
    # at logits (30, 0, -30) with the last class true, the loss's slope is still almost -1 on that class
    if lang == "zh":
        # review final75, cb: zh said the size depends only on the distance, a notch stronger than the English
        # "large exactly when the prediction is far from the target"; both now say the same
        assert "预测离目标远时梯度就大，离得近时就小，不管 softmax 饱和得多厉害。" in text and "梯度越大" not in text
        assert "只取决于预测离目标有多远" not in text
        # computational cost is 计算代价, as on the catalogue's other pages (review final57, cb)
        assert "计算代价高不高" in text and "便宜" not in text.split("{ #last-layer }")[0] and "开销" not in text
        assert "计算代价是否小" not in text          # read stiffly (review final58, cb)
    z, y, h = np.array([30.0, 0.0, -30.0]), np.array([0.0, 0.0, 1.0]), 1e-6
    slope = [(out.cross_entropy_with_logits(z + h * e, y) - out.cross_entropy_with_logits(z - h * e, y)) / (2 * h)
             for e in np.eye(3)]
    np.testing.assert_allclose(slope, out.softmax(z) - y, atol=1e-6)
    assert slope[2] == pytest.approx(-1.0, abs=1e-6) and np.abs(out.softmax_jacobian(z)).max() < 1e-12


def test_softmax_saturates():
    J = out.softmax_jacobian(np.array([10.0, 0.0, 0.0, 0.0]))
    assert f"{np.abs(J).max():.1e}" == "1.4e-04"
    # the largest in magnitude (the off-diagonal entries are negative); the page says so (review final38, cb)
    assert "the largest entry of $J$ in magnitude is only $1.4 \\times 10^{-4}$" in page("en")
    assert "$J$ 中绝对值最大的元素只有 $1.4 \\times 10^{-4}$" in page("zh")
    # saturation, the page's diagnosis, is linked to its glossary row at its first use, the saturated sigmoid of
    # #last-layer; the later uses rely on it (review final56, cb)
    for lang, first in (("en", "the derivative of the [saturated](../glossary.md#saturation) sigmoid"),
                        ("zh", "sigmoid 已经[饱和](../glossary.md#saturation)，")):
        word = {"en": "saturat", "zh": "饱和"}[lang]
        body = page(lang).split("{ #output-layers }")[1]
        assert first in body and body.index(word) == body.index(first) + first.index(word), lang
        assert body.count("glossary.md#saturation") == 1, lang
    # tokens are glossed as the glossary defines them: a word or a piece of a word
    assert "[tokens](../glossary.md#token) (the words or pieces of words it generates one at a time)" in page("en")
    assert "[词元](../glossary.md#token)（模型逐个生成的词或词的一部分）" in page("zh")


# --- cross-entropy on logits ----------------------------------------------------------------

def test_cross_entropy_is_lse_minus_the_target_logit():
    rng = np.random.default_rng(7)
    for _ in range(20):
        z, y = rng.normal(0, 3, size=5), rng.dirichlet(np.ones(5))
        assert out.cross_entropy_with_logits(z, y) == pytest.approx(out.logsumexp(z) - y @ z, rel=1e-12)


def test_lse_gradient_is_softmax():
    z, h = np.array([0.3, -1.2, 2.0, 0.0]), 1e-6
    numeric = [(out.logsumexp(z + h * e) - out.logsumexp(z - h * e)) / (2 * h) for e in np.eye(4)]
    np.testing.assert_allclose(numeric, out.softmax(z), atol=1e-9)


def test_chain_rule_through_the_jacobian_gives_p_minus_y():
    rng = np.random.default_rng(9)
    for _ in range(20):
        z, y = rng.normal(0, 3, size=5), np.eye(5)[rng.integers(5)]
        p = out.softmax(z)
        np.testing.assert_allclose(out.softmax_jacobian(z) @ (-y / p), p - y, atol=1e-12)
        g = out.cross_entropy_gradient(z, y)
        assert np.all(np.abs(g) < 1) and abs(g.sum()) < 1e-15
    # review final80, cb: the chain-rule step was only asserted; the page now writes it out term by term, which also
    # holds for a soft target (sum y = 1): sum_i (-y_i/p_i) p_i (delta_ij - p_j) = -y_j + p_j sum_i y_i = p_j - y_j
    z, y = rng.normal(0, 2, size=4), rng.dirichlet(np.ones(4))
    p = out.softmax(z)
    terms = np.array([[(-y[i] / p[i]) * p[i] * ((i == j) - p[j]) for i in range(4)] for j in range(4)])
    np.testing.assert_allclose(terms.sum(axis=1), -y + p * y.sum(), atol=1e-14)
    np.testing.assert_allclose(terms.sum(axis=1), p - y, atol=1e-14)
    step = "\\sum_i (-y_i / p_i)\\, p_i(\\delta_{ij} - p_j) = -y_j + p_j \\sum_i y_i = p_j - y_j$"
    for lang, old in (("en", "gives exactly $p - y$."), ("zh", "结果恰好是 $p - y$。")):
        assert step in page_text(PAGE, lang) and old not in page_text(PAGE, lang), lang
    # review final80, cb: the opening no longer says "the rest of this catalogue" (low-precision and transformer-block
    # are not lists of activation functions); it names the three pages it means
    assert "on the rectifier, smooth-gate and hard-and-cheap pages" in page_text(PAGE, "en")
    assert "整流函数变体、平滑门控函数和低成本激活函数三页" in page_text(PAGE, "zh")
    for lang, old in (("en", "the rest of this catalogue"), ("zh", "函数目录其他各页")):
        assert old not in page_text(PAGE, lang)


# --- temperature ----------------------------------------------------------------------------

def test_temperature_limits_order_and_entropy():
    z = np.array([2.0, 1.0, 0.5, -1.0])
    np.testing.assert_allclose(out.softmax(z, 0.01), [1, 0, 0, 0], atol=1e-40)
    np.testing.assert_allclose(out.softmax(z, 1e6), 0.25, atol=1e-6)
    temperatures = np.geomspace(0.05, 100, 200)
    entropy = [-(p * np.log(p)).sum() for p in (out.softmax(z, t) for t in temperatures)]
    assert np.all(np.diff(entropy) > 0)
    # entropy is defined where it is first used, with the page's one logarithm, the natural one
    assert entropy[-1] < np.log(4) and entropy[-1] == pytest.approx(np.log(4), abs=1e-3)   # uniform: log K
    # strictly, unless all logits are equal, when it stays log K (test_entropy_is_constant_in_t_when_all_logits_are_equal)
    # review final78, cb: the slope dH/dT is stated in the text, its derivation folded into a note
    for lang, said in (("en", r"Its entropy $H = -\sum_i p_i \log p_i$, a measure of how spread out it is, grows strictly with $T$ unless all logits are equal, because its slope is"),
                       ("zh", r"分布的熵 $H = -\sum_i p_i \log p_i$ 衡量分布有多分散；只要 logit 不全相等，它就随 $T$ 严格增大，因为它对 $T$ 的导数是")):
        assert said in page(lang), lang
    # why it rises: dH/dT = Var_p(z) / T^3, checked by central differences; zero only for equal logits
    def entropy_at(logits, t):
        p = out.softmax(logits, t)
        return -(p * np.log(p)).sum()
    for logits in (z, np.array([3.0, -2.0, 0.1]), np.array([0.7, 0.7, 0.7])):
        for t in (0.3, 1.0, 2.0, 7.0):
            p, h = out.softmax(logits, t), 1e-5 * t
            variance = p @ logits ** 2 - (p @ logits) ** 2
            slope = (entropy_at(logits, t + h) - entropy_at(logits, t - h)) / (2 * h)
            assert slope == pytest.approx(variance / t ** 3, rel=1e-6, abs=1e-12)
            assert (variance > 1e-12) == (np.ptp(logits) > 0)
    # the paragraph is split after the limits, and the derivative is a display (review final54, cb)
    var_p = r"$\mathrm{Var}_p(z) = \sum_i p_i z_i^{2} - \bigl(\sum_i p_i z_i\bigr)^{2}$"
    assert ("$p_i \\propto e^{-E_i/T}$.\n\nIts entropy" in page("en")
            and "$p_i \\propto e^{-E_i/T}$。\n\n分布的熵" in page("zh"))
    # the step to the variance is shown, by way of beta = 1/T (review final67, cb: it was asserted, "Written as ... and
    # differentiated"); the derivatives it uses are recomputed below.
    # review final69, cb: the product-rule step d/dbeta[beta sum p_i z_i] = sum p_i z_i + beta Var_p(z) is its own display
    step = "$$\n\\frac{d}{d\\beta}\\Bigl[\\beta \\sum_i p_i z_i\\Bigr] = \\sum_i p_i z_i + \\beta\\,\\mathrm{Var}_p(z)\n$$"
    dhdt = "$$\n\\frac{dH}{dT} = \\frac{\\mathrm{Var}_p(z)}{T^{3}}\n$$"
    indented = step.replace("\n", "\n    ")
    assert (f"because its slope is\n\n{dhdt}\n\nwhere {var_p} is the variance of the logits under $p$, zero only when all logits are equal.\n\n"
            "??? note \"Deriving the slope of the entropy\"\n\n"
            "    With $\\beta = 1/T$, $H = \\log\\sum_j e^{\\beta z_j} - \\beta \\sum_i p_i z_i$. Differentiate in $\\beta$. The first "
            "term gives $\\sum_i p_i z_i$; the second, by the product rule and $dp_i/d\\beta = p_i\\bigl(z_i - \\sum_j p_j z_j\\bigr)$, "
            f"gives\n\n    {indented}\n\n    The terms $\\sum_i p_i z_i$ cancel, "
            "leaving $dH/d\\beta = -\\beta\\,\\mathrm{Var}_p(z)$, and $d\\beta/dT = -1/T^2$ turns this into $dH/dT$ above.") in page("en")
    assert (f"因为它对 $T$ 的导数是\n\n{dhdt}\n\n其中 {var_p} 是 logit 在分布 $p$ 下的方差，只有所有 logit 都相等时才为零。\n\n"
            "??? note \"熵的导数怎样推出\"\n\n"
            "    记 $\\beta = 1/T$，则 $H = \\log\\sum_j e^{\\beta z_j} - \\beta \\sum_i p_i z_i$。对 $\\beta$ 求导。第一项的导数是 "
            "$\\sum_i p_i z_i$；第二项按乘积法则求导，并利用 $dp_i/d\\beta = p_i\\bigl(z_i - \\sum_j p_j z_j\\bigr)$，得到\n\n"
            f"    {indented}\n\n    两个 $\\sum_i p_i z_i$ 相消，"
            "剩下 $dH/d\\beta = -\\beta\\,\\mathrm{Var}_p(z)$；再乘以 $d\\beta/dT = -1/T^2$，就得到上面的 $dH/dT$。") in page("zh")
    for lang in LANGS:
        assert r"\frac{dH}{dT} = \frac{\mathrm{Var}_p(z)}{T^{3}}" in display_equations(PAGE, lang), lang
    for t in (0.5, 2.0):                            # the form differentiated: H = log sum e^(beta z) - beta sum p z
        beta, p = 1 / t, out.softmax(logits, t)
        assert np.log(np.exp(beta * logits).sum()) - beta * (p @ logits) == pytest.approx(entropy_at(logits, t), rel=1e-12)
        h = 1e-6                                    # dp/dbeta = p (z - sum p z) and dH/dbeta = -beta Var_p(z)
        dp = (out.softmax(logits, 1 / (beta + h)) - out.softmax(logits, 1 / (beta - h))) / (2 * h)
        np.testing.assert_allclose(dp, p * (logits - p @ logits), rtol=1e-6, atol=1e-10)
        dh = (entropy_at(logits, 1 / (beta + h)) - entropy_at(logits, 1 / (beta - h))) / (2 * h)
        assert dh == pytest.approx(-beta * (p @ logits ** 2 - (p @ logits) ** 2), rel=1e-6)
    for t in temperatures:
        assert np.argmax(out.softmax(z, t)) == 0 and np.all(np.diff(out.softmax(z, t)) < 0)
    # "if only one logit is largest": with a tie the limit splits between the tied logits
    np.testing.assert_allclose(out.softmax(np.array([2.0, 2.0, 0.5]), 0.01), [0.5, 0.5, 0.0], atol=1e-40)


def test_lowering_the_temperature_stretches_every_ratio_and_raises_the_largest_probability():
    """"Lowering T stretches every ratio p_i/p_j = e^{(z_i - z_j)/T} with z_i > z_j, so the largest probability rises":
    the reason sampling at T < 1 favours the likeliest tokens is this, not the entropy's fall alone (review final55, cb).
    p_max = 1 / sum_j e^{(z_j - z_max)/T}, and each term with z_j < z_max shrinks as T falls."""
    rng = np.random.default_rng(21)
    temperatures = np.geomspace(0.05, 20, 120)[::-1]                     # falling T
    for z in [np.array([2.0, 1.0, 0.5, -1.0]), np.array([0.3, 0.3, -0.2])] + [rng.normal(0, 2, size=8) for _ in range(20)]:
        ps = np.array([out.softmax(z, t) for t in temperatures])
        top, order = np.argmax(z), np.argsort(z)
        assert np.all(np.diff(ps[:, top]) >= 0)                          # the largest probability rises as T falls,
        rest = np.delete(ps, top, axis=1).sum(axis=1)                    # strictly (seen in 1 - p_max, which float64
        assert np.all(np.diff(rest) < 0)                                 # resolves after p_max itself rounds to 1)
        for t, p in zip(temperatures, ps):
            np.testing.assert_allclose(p[:, None] / p[None, :], np.exp((z[:, None] - z[None, :]) / t), rtol=1e-9)
            np.testing.assert_allclose(p[top], 1 / np.exp((z - z.max()) / t).sum(), rtol=1e-12)
        ratios = ps[:, order[-1]] / ps[:, order[0]]                       # largest over smallest: stretched
        assert np.all(np.diff(ratios) > 0)
    for lang, said in (("en", "Lowering $T$ stretches every ratio $p_i/p_j = e^{(z_i - z_j)/T}$ with $z_i > z_j$, so the largest "
                              "probability rises: sampling from a language model at $T < 1$ favours the likeliest"),
                       ("zh", "降低 $T$ 会拉大每个比值 $p_i/p_j = e^{(z_i - z_j)/T}$（其中 $z_i > z_j$），最大的概率随之上升，"
                              "所以从语言模型采样时取 $T < 1$ 会偏向最可能的")):
        assert said in page(lang), lang
        assert "therefore favours" not in page(lang) and "因此，从语言模型" not in page(lang)


def test_temperature_figure_values():
    data = plotted("softmax_temperature")
    p = {t: np.round(v, 2) for t, v in data["p"].items()}
    assert round(float(data["p"][0.5][0]), 2) == 0.84
    np.testing.assert_array_equal(p[1.0], [0.61, 0.22, 0.14, 0.03])
    np.testing.assert_array_equal(p[2.0], [0.43, 0.26, 0.21, 0.10])
    np.testing.assert_array_equal(p[5.0], [0.32, 0.26, 0.24, 0.18])
    assert data["uniform"] == 0.25


def test_temperature_gradient_is_p_minus_q_over_t_and_shrinks_like_one_over_t_squared():
    z, v, h = np.array([1.0, -0.5, 0.2, 0.0]), np.array([0.4, 0.3, -1.0, 0.1]), 1e-6

    def loss(logits, t):
        return -(out.softmax(v, t) * out.log_softmax(logits, t)).sum()

    for t in (1.0, 3.0):
        numeric = np.array([(loss(z + h * e, t) - loss(z - h * e, t)) / (2 * h) for e in np.eye(4)])
        np.testing.assert_allclose(numeric, (out.softmax(z, t) - out.softmax(v, t)) / t, atol=1e-8)
    norm = lambda t: np.linalg.norm((out.softmax(z, t) - out.softmax(v, t)) / t)   # noqa: E731
    assert norm(20.0) / norm(40.0) == pytest.approx(4.0, rel=0.02)
    # p - q shrinks like 1/T because q is softened at the same T: both approach the uniform distribution
    gap = lambda t: np.linalg.norm(out.softmax(z, t) - out.softmax(v, t))           # noqa: E731
    assert gap(20.0) / gap(40.0) == pytest.approx(2.0, rel=0.02)
    assert np.abs(out.softmax(z, 1e4) - 0.25).max() < 1e-4 and np.abs(out.softmax(v, 1e4) - 0.25).max() < 1e-4
    # review final68, cb: the page gives the expansion's reason, e^{z_i/T} ≈ 1 + z_i/T in numerator and denominator;
    # that quotient, (1 + z_i/T)/(K(1 + z̄/T)), agrees with the stated form to first order in 1/T
    assert r"(expand $e^{z_i/T} \approx 1 + z_i/T$ in numerator and denominator)" in page("en")
    assert r"（分子分母分别用 $e^{z_i/T} \approx 1 + z_i/T$ 展开）" in page("zh")
    for t in (50.0, 200.0):                                   # "p_i ≈ (1 + (z_i − z̄)/T)/K", error O(1/T²)
        first_order = (1 + (z - z.mean()) / t) / 4
        expanded = (1 + z / t) / (1 + z / t).sum()
        assert np.abs(expanded - first_order).max() < 1 / t ** 2
        assert np.abs(out.softmax(z, t) - first_order).max() < 1 / t ** 2
        assert np.abs(out.softmax(z, t) - 0.25).max() > 1 / t ** 2
    fixed = np.array([0.7, 0.1, 0.1, 0.1])                                           # a q that is not softened
    assert np.linalg.norm(out.softmax(z, 1e4) - fixed) == pytest.approx(np.linalg.norm(0.25 - fixed), rel=1e-3)


# --- computing them stably ------------------------------------------------------------------

def test_exp_overflow_and_naive_softmax_nan():
    assert f"{out.EXP_OVERFLOW:.2f}" == "709.78"
    with np.errstate(over="ignore", invalid="ignore"):
        assert np.isnan(out.naive_softmax(np.array([1000.0, 0.0]))[0])
    np.testing.assert_array_equal(out.softmax(np.array([1000.0, 0.0])), [1.0, 0.0])
    # NaN is glossed where the page meets it, as low-precision.md glosses it (review final56, cb)
    assert "computes $\\infty / \\infty$ for the first class and returns NaN (not a number)." in page("en")
    assert "第一类会得到 $\\infty / \\infty$，结果是 NaN（非数值）。" in page("zh")
    assert "NaN（非数值）" in page_text("catalogue/low-precision.md", "zh")


def test_lse_bounds():
    rng = np.random.default_rng(13)
    for k in (2, 5, 50):
        z = rng.normal(0, 5, size=(200, k))
        lse, m = out.logsumexp(z), z.max(axis=-1)
        assert np.all(m <= lse) and np.all(lse <= m + np.log(k) + 1e-12)
    assert out.logsumexp(np.zeros(7)) == pytest.approx(np.log(7))     # the upper bound is reached


def test_log_sigmoid_at_minus_1000():
    with np.errstate(over="ignore", divide="ignore"):
        assert out.naive_log_sigmoid(-1000.0) == -np.inf
    assert out.log_sigmoid(-1000.0) == -1000.0


def test_naive_bce_becomes_infinite_from_53_ln_2():
    assert f"{53 * np.log(2):.2f}" == "36.74"
    for lang in LANGS:                                # one symbol for the natural logarithm, stated once
        assert r"$53 \log 2$" in page(lang) and r"\ln" not in page(lang) and "ln 2" not in page(lang)
    # stated where log first appears, in the loss's definition, not inside a formula-laden sentence (review final35, cb)
    for lang, said in (("en", "Throughout, log is the natural logarithm."), ("zh", r"本页的 $\log$ 都是自然对数。")):
        assert page(lang).count(said) == 1
        assert page(lang).index(said) < page(lang).index(r"$-y \log p")
        assert page(lang).split(said)[0].split("{ #last-layer }")[1].count("\n\n") == 2   # the second paragraph
    with np.errstate(divide="ignore"):
        assert np.isfinite(out.naive_bce(36.73, 0.0)) and out.naive_bce(36.74, 0.0) == np.inf
    assert 1.0 + np.exp(-36.74) == 1.0
    # "there e^{-x} falls to 2^{-53}, half the gap between 1 and the next larger float64 number. That gap, eps = 2^{-52}
    # ~ 2.2e-16, is the machine epsilon of float64": eps is defined here, at its first use (review final54, cb), in two
    # sentences rather than three stacked appositions (review final58, cb).  review final74, cb: "is called" makes the
    # sentence read as the definition it is (the term's home, low-precision, comes later in the reading order)
    assert np.exp(-53 * np.log(2)) == pytest.approx(2.0 ** -53, rel=1e-14)
    assert np.nextafter(1.0, 2.0) - 1.0 == 2 * 2.0 ** -53
    assert 1.0 + 2.0 ** -53 == 1.0 and 1.0 + 2.0 ** -53 * (1 + 2.0 ** -52) > 1.0
    eps = np.finfo(np.float64).eps
    assert eps == 2.0 ** -52 == np.nextafter(1.0, 2.0) - 1.0 and f"{eps:.1e}" == "2.2e-16" and 2.0 ** -53 == eps / 2
    for lang, said in (("en", "there $e^{-x}$ falls to $2^{-53}$, half the gap between 1 and the next larger float64 number. "
                              "That gap, $\\varepsilon = 2^{-52} \\approx 2.2 \\times 10^{-16}$, is called the "
                              "[machine epsilon](low-precision.md#formats) of float64."),
                       ("zh", "此时 $e^{-x}$ 降到 $2^{-53}$，恰为 1 与比它大的下一个 float64 数之间间距的一半。"
                              "这个间距 $\\varepsilon = 2^{-52} \\approx 2.2 \\times 10^{-16}$ 称为 float64 的"
                              "[机器精度](low-precision.md#formats)。")):
        text = page(lang)
        assert said in text, lang
        assert text.index(said) < text.index("stable_vs_naive") and text.count("low-precision.md#formats") == 1, lang
        assert text.index("\\varepsilon") == text.index(said) + said.index("\\varepsilon"), lang     # its first use
    assert "larger double" not in page("en")         # float64 is the site's one name for the format
    assert out.bce_with_logits(36.74, 0.0) == pytest.approx(36.74, rel=1e-15)


def test_stable_vs_naive_figure():
    data = plotted("stable_vs_naive")
    assert data["first_inf"] == pytest.approx(36.75, abs=0.06)
    assert data["stable"][0] == pytest.approx(np.log(2))
    finite = np.isfinite(data["naive"])
    x = data["x"]
    early = finite & (x < 30)
    np.testing.assert_allclose(data["naive"][early], data["stable"][early], rtol=1e-3)
    assert data["naive"][finite][-1] == pytest.approx(52 * np.log(2), rel=1e-12)   # 1 - sigma(x) = 2^-52, in steps
    assert np.abs(data["naive"][finite] - data["stable"][finite]).max() < 0.7
    error, xe = data["error"], data["xe"]
    assert error[xe < 2].max() < 1e-15 and 1e-3 < error[xe > 35].max() < 1e-1
    assert np.all(error <= data["eps"] * np.exp(xe) / xe)


def test_the_naive_curve_ends_in_one_short_flat_step_as_the_alt_text_says():
    """Alt text of panel (a): the naive curve turns "into a short flat step just before" the dotted line (review final60,
    cb: the smaller steps before it are not visible at the drawn size).  From x = 52 log 2, where e^-x = 2^-52, to the
    threshold 53 log 2, 1 + e^-x rounds to 1 + 2^-52, so the computed 1 - sigma(x) is 2^-52 and the naive loss stays
    at 52 log 2: one flat piece log 2 = 0.69 long, ending where the loss becomes infinite."""
    x = np.linspace(52 * np.log(2) + 1e-6, 53 * np.log(2) - 1e-6, 2001)
    np.testing.assert_allclose(out.naive_bce(x, 0.0), 52 * np.log(2), rtol=1e-15)
    with np.errstate(divide="ignore"):
        assert np.isinf(out.naive_bce(53 * np.log(2) + 1e-6, 0.0))
    data = plotted("stable_vs_naive")
    flat = np.isfinite(data["naive"]) & (data["x"] > 52 * np.log(2))
    assert flat.sum() >= 2 and np.ptp(data["naive"][flat]) < 1e-9 < np.ptp(data["naive"][np.isfinite(data["naive"])])
    for lang, said in (("en", "turning into a short flat step just before a dotted vertical line at x ≈ 36.7"),
                       ("zh", "临近 x ≈ 36.7 处的竖直点线时变成一小段水平台阶")):
        assert said in page(lang) and "small steps" not in page(lang) and "小台阶" not in page(lang)


def test_relative_error_of_the_naive_form():
    rel = lambda x: abs(out.naive_bce(x, 0.0) - out.bce_with_logits(x, 0.0)) / out.bce_with_logits(x, 0.0)  # noqa: E731
    assert f"{np.finfo(float).eps:.1e}" == "2.2e-16"
    bound = lambda x: np.finfo(float).eps * np.exp(x) / x  # noqa: E731
    assert f"{rel(20.0):.1e}" == "1.8e-09" and f"{rel(30.0):.1e}" == "3.4e-05"      # measured
    assert rel(20.0) < bound(20.0) / 2 and rel(30.0) < bound(30.0) / 2                 # "less than half the bound"
    assert f"{bound(20.0):.1e}" == "5.4e-09" and f"{bound(30.0):.1e}" == "7.9e-05"     # the bound itself differs
    for lang in LANGS:
        assert r"1.8 \times 10^{-9}" in page(lang) and r"3.4 \times 10^{-5}" in page(lang)


def test_why_the_bound_holds_sigma_near_1_carries_an_error_up_to_eps_and_1_minus_sigma_is_about_exp_minus_x():
    """The page's explanation of the bound: eps = 2^-52 is the gap between 1 and the next float64 number; the computed
    sigma(x) is within eps of the true value, and 1 - sigma(x) computed from it (an exact subtraction) is then off
    by up to eps, a relative error up to about eps e^x since 1 - sigma(x) is about e^-x; the loss is about x."""
    eps = np.finfo(float).eps
    assert eps == 2.0 ** -52 and np.nextafter(1.0, 2.0) - 1.0 == eps and f"{eps:.1e}" == "2.2e-16"
    x = np.linspace(1.0, 36.7, 35_701)
    tail = 1.0 - out.naive_sigmoid(x)                       # exact: Sterbenz, both numbers in [1/2, 1]
    true_tail = 1.0 / (1.0 + np.exp(x))                     # sigma(-x), accurate to a few ulps of itself
    assert np.all(np.abs(tail - true_tail) < eps)           # the absolute error of sigma(x) near 1: less than eps
    assert np.abs(tail - true_tail).max() > eps / 8         # and it does reach the order of eps
    np.testing.assert_allclose(true_tail[x > 10] * np.exp(x[x > 10]), 1.0, atol=1e-4)   # 1 - sigma(x) ~ e^-x
    loss = out.bce_with_logits(x, 0.0)
    assert np.all(np.abs(loss[x > 5] / x[x > 5] - 1) < 0.01)                           # the loss is about x
    rel = np.abs(out.naive_bce(x, 0.0) - loss) / loss
    assert np.all(rel <= eps * np.exp(x) / x)
    # the paragraph that first names the loss of precision gives the same cause: an error small beside 1 and large
    # beside 1 - sigma(x), not an inexact subtraction (review final76, cb: "subtracts two numbers close to 1" read as
    # the cause, against "the subtraction from 1 is then exact" further down)
    for lang, words, gone in (("en", "because $\\sigma(x)$ is close to 1 and its rounding error, small beside 1, is large beside "
                                     "the difference $1 - \\sigma(x)$", "subtracts two numbers close to 1"),
                              ("zh", "因为 $\\sigma(x)$ 接近 1，它的舍入误差相对 1 很小，相对差值 $1 - \\sigma(x)$ 却很大",
                               "两个接近 1 的数相减")):
        assert words in page(lang) and gone not in page(lang), lang


@pytest.mark.parametrize("lang", LANGS)
def test_the_code_block_runs_matches_the_registry_and_prints_what_the_page_says(lang):
    text = page(lang)
    (block,) = CODE.findall(text)
    namespace, printed = {}, io.StringIO()
    with warnings.catch_warnings(), np.errstate(all="raise", under="ignore"), contextlib.redirect_stdout(printed):
        warnings.simplefilter("error")
        exec(compile(block, f"{PAGE} ({lang})", "exec"), namespace)
    stated = re.search(r"`(\[[^`]*\])`", text.split(block)[1]).group(1)
    assert printed.getvalue().strip() == stated
    x = np.linspace(-800, 800, 16_001)
    for y in (0.0, 0.25, 1.0):
        np.testing.assert_allclose(namespace["bce_with_logits"](x, y), out.bce_with_logits(x, y), rtol=1e-15)


# --- why frameworks fuse softmax with the loss ----------------------------------------------

def test_fused_loss_avoids_the_log_of_an_underflowed_probability():
    z, y = np.array([0.0, -800.0]), np.array([0.0, 1.0])
    with np.errstate(divide="ignore"):
        assert out.naive_softmax(z)[1] == 0.0 and -np.log(out.naive_softmax(z)[1]) == np.inf
    assert out.cross_entropy_with_logits(z, y) == pytest.approx(800.0, rel=1e-15)
    assert out.cross_entropy_with_logits(z, y) == pytest.approx(-out.log_softmax(z)[1], rel=1e-15)   # minus the log-softmax
    assert np.isfinite(out.log_softmax(z)).all()


def test_half_precision_overflows_the_exponential_beyond_11_09():
    largest = float(np.finfo(np.float16).max)
    assert largest == 65504.0 and f"{np.log(largest):.2f}" == "11.09"
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float16(11.1))) and np.isfinite(np.exp(np.float16(11.08)))
    assert f"{np.log(np.finfo(np.float64).max):.2f}" == "709.78"
    # every float16 logit above 11.09 overflows (the next float16 after 11.0859 is 11.09375), none at or below
    assert float(np.float16(11.09)) == 11.09375 and np.isfinite(np.exp(np.float16(11.0859375)))
    # one clause where float64's threshold is given, with the link to its home (review final35, cb)
    assert ("In float64 $e^{x}$ overflows to infinity for $x > 709.78$, and in float16, a 16-bit floating-point format, already for $x > 11.09$ "
            "([softmax in 16 bits](low-precision.md#softmax)).") in page("en")
    assert np.finfo(np.float16).bits == 16
    assert ("在 float64 中，$x > 709.78$ 时 $e^{x}$ 会溢出为无穷大；在 16 位浮点格式 float16 中，$x > 11.09$ 时就已溢出"
            "（见 [16 位下的 softmax](low-precision.md#softmax)）。") in page("zh")


def test_pytorch_cross_entropy_is_log_softmax_then_nll_and_the_gradient_follows_from_the_saved_log_probabilities():
    z = np.array([2.0, -1.0, 0.5, 3.0]); y = np.eye(4)[2]
    log_p = out.log_softmax(z)                                                        # what log_softmax saves
    assert -(y * log_p).sum() == pytest.approx(out.cross_entropy_with_logits(z, y), rel=1e-14)   # nll of log_softmax
    np.testing.assert_allclose(np.exp(log_p) - y, out.softmax(z) - y, rtol=1e-14)                 # p - y from exp


def test_log_softmax_backward_turns_the_nll_gradient_minus_y_into_p_minus_y_without_dividing_by_p():
    """The backward of log_softmax, g - exp(saved) * sum(g), applied to nll_loss's gradient -y."""
    z = np.array([0.0, -800.0, 3.0]); y = np.array([0.2, 0.5, 0.3])       # p_2 underflows to 0
    log_p = out.log_softmax(z)
    g = -y                                                                # d nll / d log_p
    grad = g - np.exp(log_p) * g.sum()
    p = out.softmax(z)
    assert p[1] == 0.0 and np.all(np.isfinite(grad))
    np.testing.assert_allclose(grad, p - y, rtol=0, atol=1e-15)
    with np.errstate(divide="ignore", invalid="ignore"):                  # the route the combined loss avoids
        via_division = (np.diag(p) - np.outer(p, p)) @ (-y / p)
    assert not np.all(np.isfinite(via_division))
    # the backward map the page states is the transposed Jacobian of z -> z - LSE(z), d log p_i / d z_j = [i = j] - p_j
    zz = np.array([0.3, -1.2, 2.0]); pp = out.softmax(zz); gg = np.array([0.7, -0.4, 1.1])
    np.testing.assert_allclose((np.eye(3) - np.outer(np.ones(3), pp)).T @ gg, gg - pp * gg.sum(), atol=1e-15)
    # nll_loss, glossed: with a class index (one-hot y) it returns -log p_target = -sum y log p, whose gradient in
    # the log-probabilities is -y
    one_hot = np.array([0.0, 0.0, 1.0])
    assert -(one_hot * log_p).sum() == -log_p[2]
    h = 1e-6
    numeric = [(-(one_hot * (log_p + h * e)).sum() + (one_hot * (log_p - h * e)).sum()) / (2 * h) for e in np.eye(3)]
    np.testing.assert_allclose(numeric, -one_hot, atol=1e-9)
    # review final80, cb: the backward map is given its reason, the Jacobian I - 1 p^T of z - LSE(z)
    # review final79, cb: the paragraph after the list re-derived p - y through the transposed Jacobian, a second
    # derivation on the page; the paragraph now says it in two sentences and links to the derivation at #cross-entropy
    for lang, item in (("en", "In PyTorch, with class indices as targets, `CrossEntropyLoss` is `log_softmax` followed by `nll_loss`, which returns minus "
                              "the target's log-probability and for one [training point](../glossary.md#training-point) passes back $-y$. "
                              "The backward pass of `log_softmax` maps any incoming gradient $g$ to $g - p \\sum_i g_i$ (the Jacobian of $z - \\mathrm{LSE}(z)$ is $I - \\mathbf{1} p^{\\top}$), so it turns $-y$ into "
                              "the [$p - y$ derived above](#cross-entropy), with $p$ the exponential of the log-probabilities it saved."),
                       ("zh", "在 PyTorch 中，目标以类别索引给出时，`CrossEntropyLoss` 就是 `log_softmax` 后接 `nll_loss`；`nll_loss` 取目标对数概率的相反数，"
                              "对单个[训练样本](../glossary.md#training-point)传回 $-y$。`log_softmax` 的反向传播把传入的任意梯度 $g$ 变成 "
                              "$g - p \\sum_i g_i$（$z - \\mathrm{LSE}(z)$ 的雅可比矩阵是 $I - \\mathbf{1} p^{\\top}$），于是 $-y$ 正好变成[前面推出的 $p - y$](#cross-entropy)，其中 $p$ 由它保存的对数概率取指数得到。")):
        text = page_text(PAGE, lang)
        assert item in text, lang
        fused = text.split("{ #fused }")[1].split("{ #pitfalls }")[0]
        assert "\\delta_{ij} - p_j" not in fused and "-y + p \\sum_i y_i" not in fused, lang   # derived once, at #cross-entropy
        assert "p - y" in text.split("{ #cross-entropy }")[1].split("{ #temperature }")[0], lang
    # the list item states the result; the paragraph after it gives the mechanics, once (review final47, cb)
    for lang, lead in (("en", "** No division by a probability that may be 0, and no Jacobian formed; the next paragraph shows how."),
                       ("zh", "**不用拿可能为 0 的概率做除数，也不用构造雅可比矩阵；下一段说明做法。")):
        assert lead in page_text(PAGE, lang), lang


def test_multi_label_outputs_are_independent_sigmoids_whose_probabilities_need_not_sum_to_1():
    z = np.array([2.0, 1.5, -3.0]); y = np.array([1.0, 1.0, 0.0])          # two labels at once
    p = sigmoid(z)
    assert abs(p.sum() - 1) > 0.5
    loss = lambda v: float(np.sum(-y * np.log(sigmoid(v)) - (1 - y) * np.log(1 - sigmoid(v))))
    h = 1e-6
    numeric = np.array([(loss(z + h * e) - loss(z - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(numeric, p - y, atol=1e-8)                  # each class on its own: sigma - y


def test_softmax_applied_twice_caps_the_probability():
    """review final71, cb: e/(e+9) is a supremum the probability never reaches (its inputs lie in the open interval
    (0, 1)), so the page says "less than", not "no more than"; checked below on the largest input the cap allows."""
    k = 10
    cap = np.e / (np.e + k - 1)
    assert f"{cap:.3f}" == "0.232" and f"{-np.log(cap):.3f}" == "1.461"
    assert abs(cap - 0.232) > 1e-5                    # rounded, so the page writes "≈" and "about"
    assert r"$e/(e + 9) \approx 0.232$, and the loss cannot fall below about 1.461" in page("en")
    assert r"$e/(e + 9) \approx 0.232$，即使分类器完全正确，损失也不会低于约 1.461。" in page("zh")
    assert r"every class gets less than $e/(e + 9)" in page("en") and r"任何一类的概率都小于 $e/(e + 9)" in page("zh")
    assert "no class can get more than" not in page("en") and "都不会超过 $e/(e + 9)" not in page("zh")
    near = out.softmax(np.array([1 - 1e-9] + [0.0] * (k - 1)))[0]   # an input just below 1: the cap is not reached
    assert near < cap
    perfect = np.eye(k)[0] * 50.0                     # a classifier sure of the right class
    y = np.eye(k)[0]
    twice = out.cross_entropy_with_logits(out.softmax(perfect), y)
    assert -np.log(cap) < twice < -np.log(cap) + 1e-12
    rng = np.random.default_rng(17)
    for _ in range(100):
        assert out.softmax(out.softmax(rng.normal(0, 10, size=k))).max() < cap


def test_with_a_one_hot_target_the_loss_keeps_falling_as_the_true_logit_pulls_away():
    y = np.eye(4)[0]
    gaps = np.array([0.0, 1.0, 5.0, 10.0, 20.0, 30.0])
    losses = [out.cross_entropy_with_logits(np.array([g, 0.0, 0.0, 0.0]), y) for g in gaps]
    assert np.all(np.diff(losses) < 0) and losses[-1] > 0                # falling, never reaching its infimum 0


def test_label_smoothing_keeps_the_optimal_logits_finite():
    k, eps = 10, 0.1
    target = np.full(k, eps / k) + (1 - eps) * np.eye(k)[0]                 # every class gets a little
    best = np.log(target)                                                    # logits minimising the loss
    assert np.all(np.isfinite(best)) and np.allclose(out.softmax(best), target)
    gradient = out.softmax(best) - target
    assert np.abs(gradient).max() < 1e-15                                    # a finite optimum exists
    # the page now gives the smoothed target and the optimal gap (review final67, cb: "smallest at finite logits" was
    # asserted without the target); any logits with softmax equal to the target differ by these log-ratios
    gap = best[0] - best[1]
    assert gap == pytest.approx(np.log((1 - eps + eps / k) / (eps / k))) and f"{gap:.1f}" == "4.5"
    assert np.allclose(best[1:], best[1])
    formula = r"$\log\bigl((1 - \alpha + \alpha/K)/(\alpha/K)\bigr)$"
    assert (r"trains instead on the target $(1 - \alpha)\,y + \alpha/K$ for a small $\alpha$, which gives every class at least "
            r"$\alpha/K$. The loss is then smallest where $p$ equals that target, at finite logits: the true class's logit leads "
            f"every other by {formula}, {gap:.1f} for $\\alpha = {eps}$ and $K = {k}$.") in page("en")
    assert (r"改用目标 $(1 - \alpha)\,y + \alpha/K$（$\alpha$ 取较小的值），给每一类至少分 $\alpha/K$ 的概率。这样损失在 $p$ "
            f"等于这个目标时最小，对应的 logit 是有限的：真实类别的 logit 比其余每一类都高出 {formula}，"
            f"$\\alpha = {eps}$、$K = {k}$ 时为 {gap:.1f}。") in page("zh")


# --- review fixes: claims added to the page ---------------------------------------------------

def test_the_z_loss_is_one_linked_sentence_at_the_shift_invariance_it_answers():
    """Review final74, cb and tf: the z-loss paragraph sat at the end of #fused, an API section, and restated the
    definition that transformer-block#z-loss holds (with PaLM and soft-capping).  It is now one sentence in #softmax,
    right after the shift invariance it answers: a loss computed from p cannot fix the logits' common level, and the
    z-loss (linked to its home) is the extra term that does.  Label smoothing stays in #fused, no longer counted as one
    of "two adjustments"; PaLM, cited only for the z-loss, has left the page and its reference list.
    review final77, cb: the sentence names the penalty, proportional to (log sum_k e^{z_k})^2 (its minimum over the
    common level is checked above), without redefining it; the double softmax and label smoothing have their own section."""
    home = page_text("catalogue/transformer-block.md", "en")
    assert "{ #z-loss }" in home and "(output-layers.md#softmax)" in home          # the home links back here
    # the invariance the sentence rests on, and what pins the level: (log Z + c)^2 is smallest at c = -log Z
    z = np.array([3.0, 1.0, -2.0, 0.5])
    shifts = np.linspace(-10, 10, 20001)
    losses = np.array([-np.log(out.softmax(z + c, 1.0)[0]) for c in shifts[::1000]])
    np.testing.assert_allclose(losses, losses[0], rtol=1e-12)                    # the cross-entropy ignores the level
    penalty = np.array([np.logaddexp.reduce(z + c) ** 2 for c in shifts])
    assert shifts[penalty.argmin()] == pytest.approx(-np.logaddexp.reduce(z), abs=1e-3)
    said = {"en": "only differences between logits matter. So a loss computed from $p$ cannot hold the logits' common level in "
                  "place; the [z-loss](transformer-block.md#z-loss), an extra loss term proportional to $(\\log \\sum_k e^{z_k})^2$, does.",
            "zh": "起作用的只是 logit 之间的差。因此，由 $p$ 算出的损失无法固定 logit 的整体水平；"
                  "[z 损失](transformer-block.md#z-loss)就是为此在损失里另加的一项，它与 $(\\log \\sum_k e^{z_k})^2$ 成正比。"}
    for lang in LANGS:
        text = page(lang)
        section = text.split("{ #softmax }")[1].split("{ #cross-entropy }")[0]
        assert said[lang] in section, lang
        assert text.count("#z-loss") == 1 and text.count({"en": "z-loss]", "zh": "z 损失"}[lang]) == 1
        fused = text.split("{ #fused }")[1].split("{ #pitfalls }")[0]
        pitfalls = text.split("{ #pitfalls }")[1].split("{ #references }")[0]
        assert "z-loss" not in fused + pitfalls and "z 损失" not in fused + pitfalls and "soft-capping" not in fused and "软上限" not in fused
        # review final77, cb: label smoothing and the double softmax left #fused (an API section) for a section of their own
        assert "label_smoothing" in pitfalls and "label_smoothing" not in fused and "Two adjustments" not in pitfalls and "两种调整" not in pitfalls
        assert {"en": "a common mistake", "zh": "容易让人犯一个错误"}[lang] in pitfalls
        assert "PaLM" not in text and "Chowdhery" not in text


def test_the_temperature_is_the_boltzmann_distribution_with_negative_energies_as_logits():
    """#temperature: "with the logits read as negative energies, z_i = -E_i, softmax with a temperature is the Boltzmann
    distribution, p_i proportional to e^(-E_i/T)" -- said where the temperature section opens, its one home (the
    reference page's source note links here; review final60, cb)."""
    rng = np.random.default_rng(60)
    for _ in range(10):
        energies, T = rng.normal(0, 3, size=5), float(rng.uniform(0.2, 5.0))
        boltzmann = np.exp(-energies / T) / np.exp(-energies / T).sum()
        np.testing.assert_allclose(out.softmax(-energies, T), boltzmann, rtol=1e-12)
    for lang in LANGS:
        opening = page(lang).split("{ #temperature }")[1].split("\n\n")[1]
        assert ("Boltzmann distribution, $p_i \\propto e^{-E_i/T}$" if lang == "en" else "玻尔兹曼分布 $p_i \\propto e^{-E_i/T}$") in opening
        assert page(lang).count("Boltzmann" if lang == "en" else "玻尔兹曼") == 1


def test_the_16_bit_paragraph_links_to_low_precision_and_does_not_repeat_it():
    """The float16 overflow and what autocast keeps in float32 have their home on low-precision
    (#softmax, #mixed-precision); this page keeps one clause, in #stability beside float64's threshold,
    and one link (review final31 and final35, cb)."""
    home = page_text("catalogue/low-precision.md", "en")
    assert "{ #softmax }" in home and "{ #mixed-precision }" in home and "`log_softmax`" in home
    for lang in LANGS:
        paragraphs = [par for par in page(lang).split("\n\n") if "11.09" in par]
        assert len(paragraphs) == 1 and "(low-precision.md#softmax)" in paragraphs[0] and "709.78" in paragraphs[0]
        stability = page(lang).split("{ #stability }")[1].split("\n## ")[0]
        assert paragraphs[0] in stability and "autocast" not in page(lang)
        assert "reduction" not in paragraphs[0] and "归约" not in paragraphs[0]


def test_the_gaussian_negative_log_likelihood_is_squared_error_up_to_a_positive_factor_and_a_constant():
    from scipy.stats import norm
    y, mu = np.array([0.3, -1.2, 2.0]), np.array([0.1, 0.4, 2.5])
    for sd in (0.5, 1.0, 3.0):                                     # any fixed variance
        nll = -norm.logpdf(y, loc=mu, scale=sd)                    # -log N(y; mu, sd^2)
        factor, constant = 1 / (2 * sd ** 2), np.log(sd) + 0.5 * np.log(2 * np.pi)
        np.testing.assert_allclose(nll, factor * (y - mu) ** 2 + constant, rtol=1e-12)
        assert factor > 0
    assert "For a regression output read as the mean $\\mu$ of a Gaussian with fixed variance $s^2$, this is the squared error up to a positive factor and an added constant" in page("en")
    assert "负对数似然就是平方误差，只差一个正的比例因子和一个加性常数" in page("zh")
    # the one line that shows it, with the factor 1/(2 s^2) and the constant log(s sqrt(2 pi)) checked above
    line = r"$-\log \mathcal{N}(y; \mu, s^2) = (y - \mu)^2 / (2s^2) + \log(s\sqrt{2\pi})$"
    for lang in LANGS:
        assert line in page(lang), lang
    # the term is glossed where it is used: minus the log of the probability (density) given to the target
    assert "the negative log-likelihood of the target: minus the log of the probability the prediction gives the target (or of its density, for a regression output)." in page("en")
    assert "目标的负对数似然，即模型赋予目标的概率取对数后再取相反数（回归输出则用概率密度）。" in page("zh")


def test_the_binary_loss_is_defined_before_its_gradient_and_has_gradient_sigma_minus_y():
    for lang in LANGS:
        text = page(lang)
        assert text.index(r"\ell(x, y) = -y \log \sigma(x)") < text.index(r"\frac{\partial \ell}{\partial x}")
    x, h = np.linspace(-6, 6, 13), 1e-6
    for y in (0.0, 1.0):
        loss = lambda t: -y * np.log(sigmoid(t)) - (1 - y) * np.log(1 - sigmoid(t))   # noqa: E731
        np.testing.assert_allclose((loss(x + h) - loss(x - h)) / (2 * h), sigmoid(x) - y, atol=1e-8)
        # the page's two-line derivation: logits (x, 0), target (y, 1 - y); the loss is that cross-entropy,
        # p_1 = sigma(x), and the first component of p - y is sigma(x) - y (review final39, cb)
        for xi in x:
            z, target = np.array([xi, 0.0]), np.array([y, 1 - y])
            p = out.softmax(z)
            assert p[0] == pytest.approx(sigmoid(xi), rel=1e-12)
            assert out.cross_entropy_with_logits(z, target) == pytest.approx(loss(xi), rel=1e-9, abs=1e-12)
            assert (p - target)[0] == pytest.approx(sigmoid(xi) - y, abs=1e-12)
    assert (r"is this computation with the logits $(x, 0)$ and the target $(y, 1 - y)$. Then $p_1 = \sigma(x)$, "
            r"and the derivative with respect to $x$ is the first component of $p - y$:") in page("en")
    assert (r"这正是上面的计算取 logit $(x, 0)$、目标 $(y, 1 - y)$ 的情形。此时 $p_1 = \sigma(x)$，"
            r"对 $x$ 的导数就是 $p - y$ 的第一个分量：") in page("zh")
    # the PyTorch walk-through is its own paragraph after the list (review final39, cb)
    for lang, opening in (("en", "\n\nIn PyTorch, with class indices as targets, `CrossEntropyLoss` is"),
                          ("zh", "\n\n在 PyTorch 中，目标以类别索引给出时")):
        assert opening in page(lang), lang
    assert "错得很自信" not in page("zh") and "模型以很高的置信度判错时" in page("zh")


def test_log_of_a_computed_softmax_is_minus_infinity_where_log_softmax_is_finite():
    z = np.array([1000.0, 0.0])
    with np.errstate(divide="ignore"):
        naive = np.log(out.softmax(z))
    assert out.softmax(z)[1] == 0.0 and naive[1] == -np.inf
    assert out.log_softmax(z)[1] == -1000.0
    assert "(1000, 0)" in page("en") and "(1000, 0)" in page("zh")


def test_entropy_is_constant_in_t_when_all_logits_are_equal():
    z = np.full(4, 0.7)
    for t in (0.1, 1.0, 10.0):
        p = out.softmax(z, t)
        assert -(p * np.log(p)).sum() == pytest.approx(np.log(4), rel=1e-12)


def test_the_temperature_alt_text_rounds_each_bar_as_drawn():
    """At T = 2 the third bar is e^0.25 / (e + e^0.5 + e^0.25 + e^-0.5) = 0.2052: 0.21, not 0.20."""
    z = np.array([2.0, 1.0, 0.5, -1.0])
    assert round(float(out.softmax(z, 2.0)[2]), 4) == 0.2052
    assert "0.43, 0.26, 0.21 and 0.10" in page("en")


def test_the_page_names_the_naive_loss_as_the_figure_labels_it():
    """"(written ℓ̃ in the figure below)": the stable_vs_naive legend and axis label call the naive loss ℓ̃."""
    from pathlib import Path
    plotter = (Path(__file__).resolve().parents[1] / "scripts" / "actsite" / "figures" / "output_layers.py").read_text(encoding="utf-8")
    assert r"label=r\"$\tilde{\ell} = -\log(1 - \sigma(x))$\"".replace("\\\"", '"') in plotter
    assert r"$-\log\bigl(1 - \sigma(x)\bigr)$ (written $\tilde\ell$ in the figure below)" in page("en")
    assert r"$-\log\bigl(1 - \sigma(x)\bigr)$（下图记作 $\tilde\ell$）" in page("zh")


def test_the_stable_binary_cross_entropy_is_softplus_minus_xy_with_the_stable_softplus():
    """max(x, 0) - x y + log(1 + e^{-|x|}) is softplus(x) - x y, and its softplus part is the stable form the
    smooth-gates page gives (max(x, 0) + log1p(e^{-|x|})); the page says so and links there."""
    x = np.linspace(-30, 30, 601)
    for y in (0.0, 0.3, 1.0):
        np.testing.assert_allclose(out.bce_with_logits(x, y), EVERY["softplus"].f(x) - x * y, rtol=1e-13, atol=1e-13)
    np.testing.assert_allclose(np.maximum(x, 0) + np.log1p(np.exp(-np.abs(x))), EVERY["softplus"].f(x), rtol=1e-14)
    assert r"\max(x, 0) + \mathrm{log1p}\bigl(e^{-|x|}\bigr)" in page_text("catalogue/smooth-gates.md", "en")
    # softplus is defined where this page first uses it, with the glossary link (review final35, cb)
    np.testing.assert_allclose(EVERY["softplus"].f(x), np.log1p(np.exp(x)), rtol=1e-12)
    for lang, said in (("en", "the loss is $\\operatorname{softplus}(x) - x y$, where $\\operatorname{softplus}(x) = \\log(1 + e^{x})$ "
                              "is a smooth version of ReLU; with softplus in [its stable form](smooth-gates.md#softplus)"),
                       ("zh", "损失就是 $\\operatorname{softplus}(x) - x y$，其中 $\\operatorname{softplus}(x) = \\log(1 + e^{x})$ "
                              "是平滑化的 ReLU；softplus 按[稳定的写法](smooth-gates.md#softplus)计算")):
        text = page_text(PAGE, lang)
        assert said in text, lang
        assert text.index("softplus") == text.index(said.split("softplus", 1)[0]) + len(said.split("softplus", 1)[0]), lang
        # one link for softplus, to its home on smooth-gates, not a second one to the glossary (review final55, cb)
        assert "glossary.md#softplus" not in text and text.count("smooth-gates.md#softplus") == 1, lang


@pytest.mark.parametrize("lang", LANGS)
def test_no_uncited_torch_amp_entry_and_bridle_is_written_as_in_the_reference_list(lang):
    """No reference without a sentence that cites it (the torch.amp entry went with the autocast sentence;
    mixed precision is now a link to low-precision), and Bridle's venue is written as in the generated
    list on the reference page (review final32, cb)."""
    from actsite.pages.bibliography import WORKS
    references = page(lang).split("{ #references }")[1]
    assert "amp.html" not in references and "torch.amp" not in references
    bridle = next(line for line in references.splitlines() if "Bridle" in line)
    assert WORKS["bridle1990"].venue.startswith("Neurocomputing, NATO ASI Series F68")
    assert " Neurocomputing" in bridle and "In Neurocomputing" not in bridle and "收于" not in bridle
    # the venue written as the generated list on the reference page writes it: in Chinese its parts are separated by
    # "，" (reviews final35 and final55, cb)
    from actsite.pages.bibliography import venue
    assert venue(WORKS["bridle1990"].venue, lang) in bridle
    if lang == "zh":
        assert "Neurocomputing，NATO ASI Series F68，Springer，227–236。" in bridle and "Neurocomputing, " not in bridle


def test_sigma_near_1_is_off_by_less_than_epsilon_and_each_rounding_by_half_a_spacing():
    """'Computed in a few rounded steps, sigma(x) is off by less than eps, because each rounding costs at most half the
    spacing of float64 numbers near 1. For 1 + e^(-x), just above 1, that is eps/2; for the quotient, just below 1, it is
    eps/4' (reviews final51 and final54, cb; two sentences since final58, cb): the two
    spacings, and the error of sigma(x) = 1/(1 + e^(-x)) computed in float64 against a 50-digit value, over x in
    [15, 35]: below eps everywhere, and above eps/4 at some points (so a quarter-epsilon bound alone would be wrong).
    Review final65, cb: "off by up to about eps" stacked two hedges; the rounding steps give eps/2 + eps/4 < eps, so the
    page says "less than eps", which the errors below keep strictly.  Review final66, cb: the page did not say that the
    two errors add up; it now says the division carries the first into sigma(x) and the two add up to at most 3 eps/4,
    which the measured errors keep (largest 0.741 eps over [1, 36.5]), so 1 - sigma(x) is off by at most about
    eps e^x relative to e^(-x); the paragraph ends before the code."""
    from decimal import Decimal, getcontext
    from fractions import Fraction
    getcontext().prec = 50
    eps = np.finfo(np.float64).eps
    assert np.spacing(1.0 + 1e-9) == eps and np.spacing(1.0 - 1e-9) == eps / 2
    errors = []
    for x in np.linspace(15, 35, 401):
        exact = 1 / (1 + Decimal(-float(x)).exp())
        errors.append(abs(float(Decimal(float(1 / (1 + np.exp(-x)))) - exact)) / eps)
    for x in np.linspace(1, 36.5, 2001):
        exact = 1 / (1 + Decimal(-float(x)).exp())
        errors.append(abs(float(Decimal(float(1 / (1 + np.exp(-x)))) - exact)) / eps)
    assert max(errors) <= 0.75 and max(errors) > 0.5, max(errors)          # within 3 eps/4, and above eps/2 alone
    assert 0.5 + 0.25 == 0.75 < 1
    for lang, old in (("en", "is off by up to about $\\varepsilon$"), ("zh", "误差可达约 $\\varepsilon$")):
        assert old not in page(lang), lang
    assert "up to about $\\varepsilon\\, e^{x}$" not in page("en") and "相对误差可达约" not in page("zh")
    # review final75, cb: the page says why only two roundings count: for sigma(x) in [1/2, 1], 1 - sigma(x) is exact
    # in float64 (Sterbenz), checked here against exact decimal arithmetic
    for x in np.linspace(0, 36.5, 2001):
        s = float(1 / (1 + np.exp(-x)))
        assert Fraction(1.0 - s) == 1 - Fraction(s), x
    # review final67, cb: the English sentence on the two roundings is split in two
    # review final78, cb: each rounding names the float64 spacing where it happens (eps above 1, eps/2 below)
    assert np.nextafter(1.0, 2.0) - 1.0 == 2.0 ** -52 and 1.0 - np.nextafter(1.0, 0.0) == 2.0 ** -53
    for lang, words in (("en", "Just above 1 float64 numbers are $\\varepsilon$ apart, so rounding $1 + e^{-x}$ costs up to $\\varepsilon/2$, "
                               "and the division carries that error into $\\sigma(x)$. Just below 1 they are $\\varepsilon/2$ apart, "
                               "so rounding the quotient costs up to $\\varepsilon/4$ more. The subtraction from 1 is then exact, "
                               "so the two add up to at most $3\\varepsilon/4$, and the relative error of "
                               "$1 - \\sigma(x)$ is at most about $\\varepsilon\\, e^{x}$."),
                        ("zh", "每步舍入的误差至多是所在处 float64 数间距的一半。1 之上的间距为 $\\varepsilon$，所以略大于 1 的 $1 + e^{-x}$ 舍入误差至多 "
                               "$\\varepsilon/2$，这个误差经除法带进 $\\sigma(x)$；1 之下的间距为 $\\varepsilon/2$，所以略小于 1 的商舍入时再添至多 $\\varepsilon/4$。"
                               "随后用 1 去减这一步没有误差，所以两者相加至多 $3\\varepsilon/4$，因此 $1 - \\sigma(x)$ 的相对误差最多约为 $\\varepsilon\\, e^{x}$。")):
        assert words in page(lang), lang
    # review final74, cb: the densest paragraph of the page is two: the bound on 1 - sigma(x), then what the log makes of it
    for lang, split in (("en", "is at most about $\\varepsilon\\, e^{x}$.\n\nThe logarithm turns it"),
                        ("zh", "最多约为 $\\varepsilon\\, e^{x}$。\n\n取对数后，")):
        assert split in page(lang), lang
    for lang, split in (("en", "less than half the bound at both points.\n\nIn NumPy the stable form takes one line:"),
                        ("zh", "两处都不到上界的一半。\n\n在 NumPy 里，稳定的写法只要一行：")):
        assert split in page(lang), lang
    # the heading names what the section covers, softmax and the sigmoid (review final54, cb); the zh title uses the
    # body's term, and PyTorch's targets are class indices, 类别索引
    assert "## Why frameworks compute the output function inside the loss { #fused }" in page("en")
    assert "## 框架为什么在损失函数内部计算输出层函数 { #fused }" in page("zh")
    # one zh term for "output function", the one of the reference's generated tables and the glossary (review final58, cb);
    # review final65, cb: the page also said "output unit" / 输出单元 for the same thing; it now says the output layer
    # where it means the layer, and output function where it means the function
    assert "输出函数" not in page("zh") and page("zh").count("输出层函数") == 6
    prose = {lang: page(lang).split("{ #references }")[0] for lang in LANGS}     # the book's section title aside
    assert "output unit" not in prose["en"] and "输出单元" not in prose["zh"]
    assert "The output layer must produce something the target can be compared with" in page("en")
    assert "输出层则必须给出能与目标直接比较的东西" in page("zh")
    # the term is defined where it first appears (review final64, cb: "output function" was used undefined)
    for lang, defined, term in (("en", "The function a network's last layer applies, its *output function*,", "output function"),
                                ("zh", "网络最后一层所用的函数（称为输出层函数）", "输出层函数")):
        assert page(lang).index(defined) <= page(lang).index(term) < page(lang).index(defined) + len(defined), lang
    # "frameworks", plural, shown by a second one, stated exactly and cited (review final55, cb)
    for lang in LANGS:
        fused = page(lang).split("{ #fused }")[1].split("\n\n")[1]
        assert "`from_logits=True`" in fused and "Keras" in fused, lang
        assert "<https://keras.io/api/losses/probabilistic_losses/>" in page(lang).split("{ #references }")[1], lang
    # the zh title names what the English one names: softmax, log-softmax and sigmoid with cross-entropy
    # (review final55, cb), in the front matter, the H1 and the home page's list; 配, not 及其, which read as
    # "the sigmoid's own cross-entropy" (review final56, cb)
    title = "输出层与损失函数：softmax、log-softmax、sigmoid 配交叉熵"
    assert f'title: "{title}"' in page("zh") and f"# {title} {{ #output-layers }}" in page("zh")
    assert "(catalogue/output-layers.md)：softmax、log-softmax、sigmoid 配交叉熵。" in page_text("index.md", "zh")
    assert "及其交叉熵" not in page("zh") + page_text("index.md", "zh")
    assert "二元交叉熵 {" not in page("zh")
    assert "sigmoid 交叉熵" not in page("zh") and "类别下标" not in page("zh")


@pytest.mark.parametrize("lang", LANGS)
def test_the_sigmoid_failures_the_threshold_and_the_logit_form_are_three_paragraphs(lang):
    """The paragraph on the sigmoid side did four jobs (review final57, cb): the failures end one paragraph, the threshold
    53 log 2 with machine epsilon is the next, and the rewrite in the logit opens the third, which leads to the display."""
    text = page(lang)
    ends, threshold, rewrite = {
        "en": ("$\\sigma(x)$ to 1 and the loss to $\\infty$.\n\n", "\n\nThat threshold is $53 \\log 2$",
               "of float64.\n\nRewritten in the logit, the loss is"),
        "zh": ("$\\sigma(x)$ 也就成了 1，损失变成 $\\infty$。\n\n", "\n\n这个阈值就是 $53 \\log 2$",
               "称为 float64 的[机器精度](low-precision.md#formats)。\n\n改用 logit 来写，损失就是")}[lang]
    for said in (ends, threshold, rewrite):
        assert said in text, (lang, said)
    assert text.index(ends) < text.index(threshold) < text.index(rewrite)
    assert 53 * np.log(2) == pytest.approx(36.7368, abs=1e-4) and np.exp(-53 * np.log(2)) == pytest.approx(2.0 ** -53, rel=1e-12)


@pytest.mark.parametrize("lang", LANGS)
def test_null_space_posterior_probabilities_and_the_gaussian_density_are_glossed_where_used(lang):
    """Three terms the page used without a word of explanation (review final57, cb): the null space (the vectors J maps
    to 0; the ones vector is one), the posterior probabilities (each class's probability given the input) and the
    notation N(y; mu, s^2), the Gaussian density at the target."""
    from scipy.stats import norm
    text = page(lang)
    said = {"en": ("So the vector of ones is in its null space, the set of vectors $w$ with $J w = 0$, and $J$ is singular",
                   "the posterior probabilities of the classes: the probability of each class given the input.",
                   "where $\\mathcal{N}(y; \\mu, s^2)$ is the density of that Gaussian at the target $y$."),
            "zh": ("所以全 1 向量在它的零空间里（零空间即满足 $J w = 0$ 的全体向量 $w$），$J$ 是奇异矩阵",
                   "看作各类别的后验概率，即给定输入时每个类别的概率。",
                   "其中 $\\mathcal{N}(y; \\mu, s^2)$ 是这个高斯分布在目标 $y$ 处的概率密度。")}[lang]
    for words in said:
        assert words in text, (lang, words)
    z = np.array([1.5, -0.3, 0.2, 2.0])
    assert np.abs(out.softmax_jacobian(z) @ np.ones(4)).max() < 1e-15
    y, mu, s = 0.4, -0.2, 1.7
    density = np.exp(-(y - mu) ** 2 / (2 * s ** 2)) / (s * np.sqrt(2 * np.pi))
    assert norm.pdf(y, loc=mu, scale=s) == pytest.approx(density, rel=1e-12)


@pytest.mark.parametrize("lang", LANGS)
def test_softmax_is_defined_where_first_named_and_machine_epsilon_where_first_used(lang):
    """Review final59, cb: softmax was named at #last-layer, and written softmax((x, 0))_1, before its formula at
    #softmax; it is now given at its first use, p_i = e^{z_i} / sum_j e^{z_j}, the temperature-1 form of the section's
    formula.  Machine epsilon is glossed (the gap between 1 and the next float64 number) where the page first names it.
    The binary loss is "用 logit x 表示的损失", not the calque "logit x 上的损失".  (The opening paragraph names softmax
    only as the subject of one of the page's questions.)"""
    text = page(lang).split("{ #last-layer }")[1]          # after the opening, which only lists the page's questions
    said = {"en": "given by softmax, which turns the layer's $K$ numbers $z_i$ into $p_i = e^{z_i} / \\sum_j e^{z_j}$.",
            "zh": "由 softmax 给出：它把这一层的 $K$ 个数 $z_i$ 变成 $p_i = e^{z_i} / \\sum_j e^{z_j}$。"}[lang]
    assert said in text, lang
    first = text.lower().index("softmax")
    assert text.index(said) <= first < text.index(said) + len(said), lang
    assert text.index(said) < text.index("\\mathrm{softmax}") < text.index("{ #softmax }")
    z = np.array([2.0, 1.0, 0.5, -1.0])
    np.testing.assert_allclose(out.softmax(z), np.exp(z) / np.exp(z).sum(), rtol=1e-14)
    # review final65, cb: the #softmax section defined softmax a second time; it now adds only the temperature, and the
    # formula with T is the first one at T = 1
    section = page(lang).split("{ #softmax }")[1].split("$$")[0]
    assert {"en": "A temperature $T$ (usually 1) divides the logits first:",
            "zh": "带温度 $T$（通常取 1）时，先把 logit 除以 $T$："}[lang] in section
    assert "positive numbers that sum to 1" not in section and "和为 1 的正数" not in section
    np.testing.assert_allclose(out.softmax(z, 1.0), out.softmax(z), rtol=1e-15)
    np.testing.assert_allclose(out.softmax(z, 2.0), out.softmax(z / 2.0), rtol=1e-15)
    term = {"en": "machine epsilon", "zh": "机器精度"}[lang]
    gloss = {"en": "That gap, $\\varepsilon = 2^{-52} \\approx 2.2 \\times 10^{-16}$, is called the [machine epsilon]",
             "zh": "这个间距 $\\varepsilon = 2^{-52} \\approx 2.2 \\times 10^{-16}$ 称为 float64 的[机器精度]"}[lang]
    assert text.index(gloss) < text.index(term) < text.index(gloss) + len(gloss), lang
    assert np.finfo(np.float64).eps == np.nextafter(1.0, 2.0) - 1.0 == 2.0 ** -52
    if lang == "zh":
        assert "二分类时，用 logit $x$ 表示的损失为" in text and "logit $x$ 上的损失" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_normaliser_and_the_logits_are_named_before_later_paragraphs_use_them(lang):
    """:33 names Z = sum_k e^{z_k} the normaliser (归一化因子), which :130's z-loss squares the logarithm of; :7 says the
    raw scores are the logits defined below (review final61, cb: both names were used before the page gave them).
    Z is the softmax's denominator: e^{z_i}/Z sums to 1 and Z = exp(log-sum-exp).
    review final69, cb: the symbol is Z (was S), as on transformer-block and in the glossary's z-loss entry.
    review final74, cb: the z-loss's (log Z)^2 has left this page (its home is transformer-block#z-loss)."""
    from claim_helpers import page_text
    text = page_text("catalogue/output-layers.md", lang)
    named = {"en": "with $Z = \\sum_k e^{z_k}$, the *normaliser*,", "zh": "其中 $Z = \\sum_k e^{z_k}$ 即归一化因子；"}[lang]
    word = {"en": "normaliser", "zh": "归一化因子"}[lang]
    assert named in text and text.index(word) < text.index(named) + len(named)      # first said where it is named
    home = page_text("catalogue/transformer-block.md", lang)                       # one symbol site-wide
    assert r"Z = \sum_j e^{z_j}" in home and "S = \\sum" not in text
    raw = {"en": "raw scores (its logits, defined below)", "zh": "原始分数（即下文的 logit）"}[lang]
    body = text.split("\n---\n", 1)[1] if text.startswith("---") else text          # after the front matter
    assert raw in body and body.index("logit") >= body.index(raw)                 # no logit before the pointer
    z = np.random.default_rng(0).normal(size=7)
    Z = np.exp(z).sum()
    assert np.exp(z).sum() / Z == pytest.approx(1.0) and np.log(Z) == pytest.approx(np.logaddexp.reduce(z))


def test_the_log_sigmoid_is_named_where_its_naive_form_fails():
    """review final69, cb: the reference table's Log-sigmoid row points here for its derivation, and the page now names
    the function (log-sigmoid) where it shows the naive form giving -inf at x = -1000, whose true value is -1000."""
    with np.errstate(over="ignore", divide="ignore"):
        assert out.naive_log_sigmoid(np.array([-1000.0]))[0] == -np.inf
    assert out.log_sigmoid(np.array([-1000.0]))[0] == pytest.approx(-1000.0)
    assert "The *log-sigmoid* $\\log \\sigma(x)$ computed as $\\log\\bigl(1 / (1 + e^{-x})\\bigr)$ gives $-\\infty$ at $x = -1000$" in page("en")
    assert "计算 **log-sigmoid** $\\log \\sigma(x)$，在 $x = -1000$ 处得到 $-\\infty$" in page("zh")
    # review final72, cb: the page fixed only binary cross-entropy; the stable log-sigmoid is now given as -l(x, 1)
    x = np.array([-1000.0, -30.0, -1.0, 0.0, 2.5, 40.0])
    stable = -(np.maximum(-x, 0.0) + np.log1p(np.exp(-np.abs(x))))
    assert np.allclose(stable, -out.bce_with_logits(x, np.ones_like(x)), rtol=1e-15, atol=0)
    assert np.allclose(stable, out.log_sigmoid(x), rtol=1e-12) and stable[0] == -1000.0
    formula = r"$\log \sigma(x) = -\ell(x, 1) = -\bigl(\max(-x, 0) + \log(1 + e^{-|x|})\bigr)$"
    assert f"With $y = 1$ the same line gives the stable log-sigmoid: {formula}, which is $-1000$ at $x = -1000$." in page("en")
    assert f"取 $y = 1$，同一个式子就给出 log-sigmoid 的稳定算法：{formula}，在 $x = -1000$ 处正好得到 $-1000$。" in page("zh")


def test_the_output_function_is_chosen_with_the_loss_without_always():
    """review final72, cb: "always chosen together with the loss" was stronger than needed (ranking and contrastive
    set-ups choose the loss for other reasons); the sentence says the two are chosen together."""
    assert "the output function is chosen together with the loss that scores that prediction" in page("en")
    assert "而且它要和给这一预测打分的损失函数一起选定" in page("zh")
    assert "always chosen together" not in page("en") and "总是和给这一预测" not in page("zh")
    # review final77, cb: "chosen" three times in two sentences; the output function "answers to the task instead"
    assert "is chosen for another reason" not in page("en") and "its *output function*, answers to the task instead" in page("en")
