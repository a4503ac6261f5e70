"""Every numerical or mathematical claim of catalogue/rectifiers.md (both languages), checked.

One small test per claim, in the order of the page.  Functions, constants and declared
properties come from :mod:`actsite.maths.catalogue`; the cards are drawn with the real plotter
``actsite.figures.catalogue.draw_card``.  Means under a standard normal input are computed by
quadrature on a fine grid; everything is computed, and printed numbers are compared at the
precision the page prints them.

Citations of results the papers report are not testable here and are listed instead:

* He et al. (2015): PReLU initialised at 0.25 (the registry default is checked, the paper's
  choice is a citation); one slope per channel or per layer; no weight decay on the slope;
  4.94% top-5 error on ImageNet 2012, GoogLeNet's 6.66%, human level 5.1% (only the "26%
  relative improvement" arithmetic is checked); the He initialisation comes from this paper.
* Xu et al. (2015): a division by a U(3, 8) draw in the experiments (the NDSB winner's setting), and the test
  rule x / ((l + u) / 2) (the consequences of that rule are checked, the fact that the paper
  uses it is a citation, read from the paper's text as quoted by Papers with Code); a non-zero
  slope improving results; overfitting of fixed and learned slopes on small data; 75.68% on
  CIFAR-100 without multiple tests or ensembles; noise as regulariser.
* PyTorch documentation: RReLU bounds 1/8 and 1/3 and the mean slope in evaluation mode
  (the registry's constants are checked, their agreement with PyTorch is a citation).
* Clevert et al. (2016): the motivation (mean towards zero, noise-robust deactivation); faster
  learning and better generalisation beyond five layers; best published CIFAR-100 result at
  the time; faster learning on ImageNet; batch normalisation not improving ELU on CIFAR-100;
  ELU's near-zero mean presented as a cheaper way to part of batch normalisation's effect.
* Klambauer et al. (2017): the proof that the fixed point attracts (Theorem 1; its statement, Banach's
  theorem and the conditions have their home in the initialisation article), alpha dropout (its mechanism is
  checked below, though the page now states only that it keeps mean and variance); the overall
  comparison on 121 UCI tasks, Tox21, the astronomy data set, very deep winning networks.  (That SELU
  maps mean 0 / variance 1 to mean 0 / variance 1 is checked, and that the point attracts for exact
  weight moments; attraction is the initialisation article's experiment.)
* Goodfellow et al. (2013): maxout designed as a companion to dropout; the two-hidden-unit
  universal approximation theorem; state-of-the-art results on MNIST, CIFAR-10, CIFAR-100, SVHN.
* "Which one to use": that none of the papers makes one variant a general winner, and the advice
  paragraph, are judgements, not claims a test can check.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pytest
from matplotlib.figure import Figure

from actsite.maths import catalogue
from actsite.pages.bibliography import first_year
from actsite.maths.catalogue import (EVERY, MODERN, PRELU_INIT, RRELU_BOUNDS, RRELU_EVAL_SLOPE, SELU_ALPHA,
                               SELU_LAMBDA, elu, elu_prime, maxout, maxout_prime, prelu, prelu_prime,
                               rrelu_eval, rrelu_train, selu, selu_prime)
from actsite.figures.catalogue import X_RANGE, draw_card
from actsite.maths.functions import LEAKY_SLOPE, leaky_relu, relu, relu_prime
from actsite.pages.page_pairs import CONTENT, DISPLAY_MATH, FIGURE, skeleton

PAGE = "catalogue/rectifiers.md"
KEYS = ("prelu", "rrelu", "elu", "selu", "maxout")
COLOURS = {"muted": "#888888", "accent": "#1f77b4", "second": "#ff7f0e", "third": "#2ca02c", "text": "#000000"}
H = 1e-6

Z = np.linspace(-12.0, 12.0, 2_400_001)
WEIGHT = np.exp(-Z ** 2 / 2) / math.sqrt(2 * math.pi) * (Z[1] - Z[0])


def normal_mean(g) -> float:
    """E[g(z)] for z ~ N(0, 1), by quadrature."""
    return float(np.sum(g(Z) * WEIGHT))


def phi_cdf(x: float) -> float:
    return 0.5 * math.erfc(-x / math.sqrt(2))


def page_text(lang: str) -> str:
    return (CONTENT[lang] / PAGE).read_text(encoding="utf-8")


def card(key: str) -> tuple[dict, object]:
    fig = Figure(figsize=(6.4, 3.4))
    info = draw_card(key, fig, COLOURS)
    return info, fig.axes[0]


# --- The page as a whole --------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_section_and_one_card_per_function_in_registry_order(lang):
    sk = skeleton(CONTENT[lang] / PAGE)
    assert sk.anchors == ("rectifiers", *(k.replace("_", "-") for k in KEYS), "which-one", "references")
    assert sk.figures == KEYS
    assert all(MODERN[k].family == "rectifier" for k in KEYS)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("key", KEYS)
def test_formula_and_derivative_are_the_registrys_latex(lang, key):
    displays = {" ".join(e.split()) for e in DISPLAY_MATH.findall(page_text(lang))}
    act = MODERN[key]
    assert " ".join(act.latex.split()) in displays
    assert " ".join(act.latex_prime.split()) in displays


def test_figure_markers_name_the_registered_cards():
    from actsite.figures.registry import FIGURES
    for key in FIGURE.findall(page_text("en")):
        assert FIGURES[key].args == (key,)


# --- Introduction ---------------------------------------------------------------------------

def test_the_linked_measurement_covers_relu_and_leaky_relu_only():
    """The introduction sends the reader to the dead-unit experiment for ReLU and Leaky ReLU; that
    article measures those two and says the other variants are not measured there."""
    article = {lang: (CONTENT[lang] / "blog/posts/dead-relu-units.md").read_text(encoding="utf-8") for lang in ("en", "zh")}
    assert "PReLU, RReLU and Maxout are described but not measured here" in article["en"]
    assert "{ #dead-relu-experiment }" in article["en"] and "{ #dead-relu-experiment }" in article["zh"]
    # review final67, ca: the article is the subject ("the article ... measures how many ReLU units die and what Leaky
    # ReLU changes"), not a compound subject with a singular verb
    assert "measures how many ReLU units die and what Leaky ReLU changes." in page_text("en")
    assert "is measured in the article" not in page_text("en")
    assert "以及换成 Leaky ReLU 后情况有何变化" in page_text("zh")
    for lang, plural in (("en", "leaky variants"), ("zh", "带泄漏的变体")):
        assert plural not in page_text(lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_leaky_relu_links_to_its_home_and_names_maas(lang):
    """Leaky ReLU's home is dead-relu-units#relu-variants (the glossary's), which attributes it to Maas,
    Hannun and Ng (2013); this page links there, names them, and lists the work (review final41/ca)."""
    home = (CONTENT[lang] / "blog/posts/dead-relu-units.md").read_text(encoding="utf-8")
    assert "{ #relu-variants }" in home and ("Maas, Hannun and Ng (2013)" in home or "Maas、Hannun 和 Ng（2013）" in home)
    text = page_text(lang)
    said = {"en": "[Leaky ReLU](../blog/posts/dead-relu-units.md#relu-variants) (Maas et al. 2013), $\\max(x, a x)$",
            "zh": "[Leaky ReLU](../blog/posts/dead-relu-units.md#relu-variants)（Maas 等人，2013）即 $\\max(x, a x)$"}[lang]
    assert said in text and "reference.md#leaky-relu" not in text
    assert "Rectifier Nonlinearities Improve Neural Network Acoustic Models" in text.split("{ #references }")[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rrelu_has_pytorchs_convention_and_the_setting_of_xu_et_als_experiments(lang):
    """Not "two conventions in use": only PyTorch's is a library convention; the divide-by-U(3, 8) rule is
    the setting of Xu et al.'s experiments (review final41/ca).  Review final65, ca: the contrast is carried by
    "the slope itself" and "the same range" (the next test), not by a sentence of its own."""
    said = {"en": "PyTorch, whose convention the card follows, draws the slope itself from the same range,",
            "zh": "函数卡片沿用的 PyTorch 约定则直接抽取斜率："}[lang]
    assert said in page_text(lang)
    assert "Two conventions are in use" not in page_text(lang) and "两套约定" not in page_text(lang)


def test_relu_output_and_gradient_are_exactly_zero_for_negative_inputs():
    x = np.linspace(-5, -1e-9, 1001)
    assert np.all(relu(x) == 0) and np.all(relu_prime(x) == 0)


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "is at most zero on every training point, it outputs 0 on all of them", "is negative on every training point"),
    ("zh", "都不大于零，它在所有训练样本上都输出 0", "都是负的，它在所有训练样本上")])
def test_a_dead_unit_is_one_whose_pre_activation_is_at_most_zero_as_elsewhere(lang, said, gone):
    """Review final59, ca: the site's criterion for a dead unit is "at most zero" (都不大于零), not "negative": at
    exactly 0 ReLU outputs 0 and its derivative, as frameworks take it at the kink, is 0 too."""
    assert said in page_text(lang) and gone not in page_text(lang)
    z = np.array([-2.0, -0.5, 0.0])                     # at most zero, one of them exactly 0
    assert np.all(relu(z) == 0) and np.all(relu_prime(z) == 0)
    guide = (CONTENT[lang] / "guide.md").read_text(encoding="utf-8")
    assert {"en": "at most zero on every", "zh": "都不大于零"}[lang] in guide


def test_prelu_is_named_parametric_relu_not_parametric_rectifier():
    """Review final59, ca: the site's long name for PReLU is "parametric ReLU" (参数化 ReLU)."""
    assert "introduced the parametric ReLU, PReLU, in *Delving Deep into Rectifiers*" in page_text("en")
    assert "PReLU（参数化 ReLU）由 He、Zhang、Ren 和 Sun" in page_text("zh")
    assert "parametric rectifier" not in page_text("en")


def test_relu_mean_is_one_over_root_two_pi_positive():
    mean = normal_mean(relu)
    assert mean == pytest.approx(1 / math.sqrt(2 * math.pi), abs=1e-9)
    assert round(mean, 3) == 0.399


def test_maxout_is_the_oldest_of_the_five():
    years = {k: first_year(MODERN[k].first_appeared) for k in KEYS}
    assert min(years, key=years.get) == "maxout" and sorted(years.values()).count(years["maxout"]) == 1


def test_elu_and_selu_level_off_below_zero():
    assert float(elu(-1000.0)) == -1.0
    assert float(selu(-1000.0)) == pytest.approx(-SELU_LAMBDA * SELU_ALPHA, rel=1e-15)


CARD_Y_RANGES = {"prelu": (-1.75, 3.0), "rrelu": (-1.75, 3.0), "elu": (-1.5, 3.0), "selu": (-2.0, 3.0),
                 "maxout": (-1.5, 3.0)}                                    # as the alt texts say


@pytest.mark.parametrize("key", KEYS)
def test_every_card_shows_the_stated_axes_and_line_styles(key):
    info, ax = card(key)
    assert X_RANGE == (-5.0, 5.0) and ax.get_xlim() == (-5.0, 5.0) and ax.get_ylim() == CARD_Y_RANGES[key]
    styles = {line.get_label(): line.get_linestyle() for line in ax.get_lines() if not line.get_label().startswith("_")}
    assert styles == {r"$\mathrm{ReLU}(x)$": ":", "$f(x)$": "-", "$f'(x)$": "--"}
    assert info["relative"] == "relu"


# --- PReLU ----------------------------------------------------------------------------------

def test_prelu_slope_starts_at_a_quarter():
    assert PRELU_INIT == 0.25 and MODERN["prelu"].defaults() == {"a": 0.25}


def test_he_et_al_improvement_over_googlenet_is_26_percent_relative():
    assert round(100 * (1 - 4.94 / 6.66)) == 26


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_top5_gloss_follows_the_term_it_defines(lang):
    """The definition of top-5 error sits in parentheses right after the term, not after "test set" (review final54, ca)."""
    said = {"en": "a top-5 error (the share of images whose true class is not among the network's five highest-scored classes) "
                  "of 4.94% on the ImageNet 2012 classification test set.",
            "zh": "top-5 错误率（真实类别不在网络得分最高的五个类别之中的图像所占比例）为 4.94%"}[lang]
    assert said in page_text(lang)


@pytest.mark.parametrize("a", [-0.5, 0.0, 0.25, 0.7])
def test_prelu_derivatives_in_x_and_in_a(a):
    x = np.array([-3.0, -0.4, 0.3, 2.5])
    numeric_x = (prelu(x + H, a) - prelu(x - H, a)) / (2 * H)
    numeric_a = (prelu(x, a + H) - prelu(x, a - H)) / (2 * H)
    np.testing.assert_allclose(prelu_prime(x, a), numeric_x, atol=1e-8)
    np.testing.assert_allclose(numeric_a, np.minimum(0.0, x), atol=1e-8)


def test_prelu_card_values():
    info, ax = card("prelu")
    assert float(prelu(-5.0)) == -1.25 and float(prelu(3.0)) == 3.0 == ax.get_ylim()[1]
    assert set(np.unique(info["df"])) == {0.25, 1.0}


def test_prelu_range_is_the_whole_line_for_every_positive_a():
    assert MODERN["prelu"].output_range == (-np.inf, np.inf)
    assert float(prelu(-1e300)) == -0.25e300 and float(prelu(1e300)) == 1e300
    for a in (1e-6, 0.01, 0.25, 1.0, 3.0):                 # unbounded below and above for a > 0
        assert float(prelu(-1e300, a)) < -1e293 and float(prelu(1e300, a)) == 1e300
    x = np.linspace(-1e6, 1e6, 20001)
    for a in (0.0, -0.25, -1.0):                           # not for a <= 0: the output is never negative
        assert prelu(x, a).min() == 0.0
    for lang, said in (("en", "For every $a > 0$ the range is the whole real line"), ("zh", "$a > 0$ 时值域是整条实数轴")):
        assert said in page_text(lang), lang


def test_prelu_is_monotone_exactly_when_a_is_not_negative():
    x = np.linspace(-5, 5, 2001)
    for a in (0.0, 0.01, 0.25, 0.5, 1.0):
        assert np.all(np.diff(prelu(x, a)) >= 0)
    for a in (-0.01, -0.25, -1.0):
        assert not np.all(np.diff(prelu(x, a)) >= 0)


def test_prelu_kink_slope_jumps_from_a_to_1():
    assert MODERN["prelu"].kinks == (0.0,)
    assert float(prelu_prime(-1e-12)) == 0.25 and float(prelu_prime(1e-12)) == 1.0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_card_leaves_the_kink_out_and_says_implementations_return_a_there(lang):
    """The card's derivative uses strict cases (no derivative at a kink: the reference table's rule); the one-sided
    slopes differ (a against 1). The page names one implementation's choice at x = 0, PyTorch's PReLU backward
    (input > 0 ? grad : weight * grad), which returns a, as the site's own derivative does (np.where(x > 0, 1, a));
    not every library does (Keras's relu(x) - alpha * relu(-x) gives 0 there, review final56, ca), so no "convention". Review final55, ca: the page says
    so in one sentence, without the earlier aside about another article's notation, and links "kink" at its first use."""
    from actsite.maths.functions import leaky_relu_prime
    for a in (0.01, 0.25):
        left = (prelu(0.0, a) - prelu(-H, a)) / H
        right = (prelu(H, a) - prelu(0.0, a)) / H
        assert float(left) == pytest.approx(a) and float(right) == pytest.approx(1.0)
        assert float(prelu_prime(0.0, a)) == a and float(leaky_relu_prime(0.0, a)) == a
        assert float(prelu_prime(-0.0, a)) == a
    assert r"a & x < 0 \end{cases},\quad \frac{\partial f}{\partial a}" in MODERN["prelu"].latex_prime
    said = {"en": "At the [kink](../glossary.md#kink), $x = 0$, PReLU has no derivative with respect to $x$, but an implementation must return a value there: PyTorch returns $a$.",
            "zh": "PReLU 在[折点](../glossary.md#kink) $x = 0$ 处对 $x$ 不可导，但实现总得在这一点给出一个值：PyTorch 返回的是 $a$。"}[lang]
    text = page_text(lang)
    assert said in text and "writing the case as" not in text and "相应的情形写作" not in text
    # review final69, ca: the PyTorch detail has a source in the References, the backward kernel's mask input > 0
    refs = text.split("{ #references }")[1]
    assert "`prelu_backward_kernel`" in refs and "aten/src/ATen/native/cpu/Activation.cpp" in refs
    assert "conventionally" not in text and "按惯例" not in text
    word = {"en": "kink", "zh": "折点"}[lang]
    first = text.index(word)                                   # the first use of the word is the glossary link
    assert text[first - 1] == "[" and text[first:].startswith(f"{word}](../glossary.md#kink)")
    assert text.count("(../glossary.md#kink)") == 1


@pytest.mark.parametrize("a", [0.0, 0.01, 0.25, 0.5, 0.9])
def test_prelu_mean_is_one_minus_a_over_root_two_pi(a):
    mean = normal_mean(lambda z: prelu(z, a))
    assert mean == pytest.approx((1 - a) / math.sqrt(2 * math.pi), abs=1e-9)
    assert mean > 0.0


def test_prelu_mean_at_default_and_zero_at_a_equal_1():
    assert round(normal_mean(prelu), 3) == 0.299 < round(normal_mean(relu), 3)
    assert normal_mean(lambda z: prelu(z, 1.0)) == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("a", [0.0, 0.25, 0.5, -0.5])
def test_prelu_mean_square_and_the_variance_preserving_initialisation(a):
    """E[f(z)^2] = (1 + a^2)/2 Var(z) for symmetric z, so n Var(w) E[f^2] = Var(z) iff Var(w) = 2/((1+a^2) n)."""
    for std in (1.0, 2.0):
        second = normal_mean(lambda z: prelu(std * z, a) ** 2)
        assert second == pytest.approx((1 + a ** 2) / 2 * std ** 2, rel=1e-9)
        n = 256
        var_w = 2 / ((1 + a ** 2) * n)
        assert n * var_w * second == pytest.approx(std ** 2, rel=1e-9)
    assert ("He et al. generalise the ReLU initialisation rule to a weight variance $2/\\bigl((1 + a^2)\\,n\\bigr)$ "
            "for a unit with $n$ inputs (its fan-in; [derived in the initialisation article](../blog/posts/initialisation.md#he)).") in page_text("en")
    assert ("He 等人把 ReLU 的初始化规则推广为权重方差 $2/\\bigl((1 + a^2)\\,n\\bigr)$，$n$ 为每个单元的输入个数，即扇入"
            "（[推导见初始化一文](../blog/posts/initialisation.md#he)）。") in page_text("zh")


def test_prelu_special_slopes():
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(prelu(x, 0.0), relu(x))
    np.testing.assert_array_equal(prelu(x, LEAKY_SLOPE), leaky_relu(x))
    assert LEAKY_SLOPE == 0.01
    np.testing.assert_array_equal(prelu(x, 1.0), x)
    np.testing.assert_array_equal(prelu(x, -1.0), np.abs(x))
    np.testing.assert_array_equal(prelu(x, -1.0), MODERN["maxout"].f(x))     # the shape on the Maxout card
    assert ("$a = 0$ gives ReLU and $a = 0.01$ Leaky ReLU; $a = 1$ is the identity" in page_text("en")
            and "at $a = -1$ it is $|x|$, the shape drawn on the [Maxout card](#maxout)" in page_text("en"))
    assert ("$a = 0$ 得到 ReLU，$a = 0.01$ 得到 Leaky ReLU，$a = 1$ 是恒等函数" in page_text("zh")
            and "$a = -1$ 时它就是 $|x|$，即 [Maxout 一节](#maxout)函数卡片上画的形状" in page_text("zh"))


# --- RReLU ----------------------------------------------------------------------------------

def test_rrelu_pytorch_convention_bounds_and_mean():
    lo, hi = RRELU_BOUNDS
    assert (lo, hi) == (1 / 8, 1 / 3)
    assert RRELU_EVAL_SLOPE == pytest.approx(11 / 48, abs=1e-15) == (lo + hi) / 2
    assert round(RRELU_EVAL_SLOPE, 3) == 0.229


def test_rrelu_training_draws_one_slope_per_element_within_the_bounds():
    rng = np.random.default_rng(0)
    x = -np.ones(100_000)
    slopes = -rrelu_train(x, rng)
    assert np.all((slopes >= 1 / 8) & (slopes <= 1 / 3)) and len(np.unique(slopes)) == x.size
    assert slopes.mean() == pytest.approx(11 / 48, abs=1e-3)
    assert np.array_equal(rrelu_train(np.array([2.0, 0.5]), rng), [2.0, 0.5])


def test_xu_divide_by_u_3_8_which_gives_slopes_below_1_where_multiplying_would_give_3_to_8():
    """'Xu et al. divide': multiplied by a number in [3, 8] the negative side would be 3 to 8 times
    steeper than the positive one; divided, the slopes are 1/8 to 1/3.  The page states the experiments' division
    in one sentence.  Review final65, ca: the scheme first, the inconsistency in one bracketed sentence.
    Review final74, ca: the remark on the paper's notation moved from the main line to the note on Xu et al.'s entry.
    Review final77, ca: the body states that the paper prints a multiplication and that the division is the page's reading."""
    lo, hi = 3.0, 8.0
    x = -1.0
    assert (lo * x) / x == 3 and (hi * x) / x == 8                    # a product: steeper than slope 1
    assert 0 < 1 / hi < 1 / lo < 1                                    # a division: leaky slopes below 1
    # the notation audit (the formula's [0, 1) factor against the experiments' division) was cut to one sentence
    # (review final54, ca); the division is stated, and the glossary's RReLU entry keeps the mechanics
    # review final57, ca: the experiments' scheme is stated once, precisely, where Xu et al. are introduced (before
    # PyTorch's), and the test-time paragraph only compares the slopes
    # review final58, ca: Xu et al., not "their experiments", do the dividing, and "During training," takes its comma
    # review final60, ca: the division is the page's reading of inconsistent equations, and the page says so
    # review final62, ca: the inconsistency and that reading in two sentences, the factor named d once, where it is drawn
    # review final65, ca: the section was the page's heaviest; the scheme is stated first, as a division, and the
    # inconsistency shrinks to one bracketed sentence that still marks the division as the page's reading (and no
    # dangling "Read as a division, ..., training divides")
    # review final66, ca: the bracket argued with a formula the reader could not see; it now shows both of the paper's
    # rules, $y = d\,x$ and $y = x/5.5$, and the reason for reading both as divisions (a product would give slopes 3 to 8)
    # review final67, ca: the note on the paper's notation moved out of the main line into a collapsed note, which
    # still shows both rules and marks the division as the page's reading
    # review final72, ca: the collapsed note argued with a formula the reader cannot see; it is one sentence in the
    # main line again: the paper writes a product, draws from U(3, 8) and divides at test time; the page reads divisions
    # review final74, ca: the note on the paper's notation left the main line (it argued with a formula the reader cannot
    # see) for the note on Xu et al.'s entry in the reference list, which still marks the division as the page's reading
    # review final77, ca: the body stated the division as what the paper does; the paper prints a multiplication, so the
    # body now says so and marks the division as the page's reading (the note on the reference entry is cut: said once)
    # review final78, ca: the body argued with rules the reader could not see; it now quotes the paper's two printed
    # rules as one display (training a x with a ~ U(l, u), test x/((l + u)/2)) before giving the page's reading
    said = {"en": ("Their paper prints the rule for a negative input $x_{ji}$ as\n\n$$\ny_{ji} = a_{ji}\\,x_{ji},\\ a_{ji} "
                   "\\sim U(l, u); \\qquad y_{ji} = \\frac{x_{ji}}{(l + u)/2},\n$$\n\n"
                   "the first in training, the second at test time, with $(l, u) = (3, 8)$. Read literally, the training rule gives slopes from 3 to 8. This page reads it as "
                   "a division, like the test rule: in training each negative input is divided by a random $d \\sim U(3, 8)$, "
                   "redrawn for every channel of every training image, so the slope $1/d$ lies between 1/8 and 1/3; at test "
                   "time it is divided by 5.5, the mean of $d$.\n"),
            "zh": ("论文对负输入 $x_{ji}$ 给出的规则是\n\n$$\ny_{ji} = a_{ji}\\,x_{ji},\\ a_{ji} \\sim U(l, u); "
                   "\\qquad y_{ji} = \\frac{x_{ji}}{(l + u)/2},\n$$\n\n"
                   "前者用于训练，后者用于测试，其中 $(l, u) = (3, 8)$。照字面读，训练时的斜率会在 3 到 8 之间。本页与测试规则一样按除法理解：训练时"
                   "每个负输入都除以随机数 $d \\sim U(3, 8)$，每张训练图像的每个通道都重新抽取，因此斜率 $1/d$ "
                   "介于 1/8 和 1/3 之间；测试时则除以 $d$ 的均值 5.5。\n")}
    for lang, gone in (("en", "prints the training rule as a multiplication"), ("zh", "印成了乘以")):
        assert gone not in page_text(lang), lang
    for lang, gone in (("en", "In training they divide each negative input"), ("zh", "训练时，他们把每个负输入除以")):
        text = page_text(lang)
        assert said[lang] in text and gone not in text, lang
        references = text.split("{ #references }")[1]
        assert "U(3, 8)" not in references and "Empirical Evaluation of Rectified Activations" in references, lang
    for lang, gone in (("en", "Their paper writes the training rule as a multiplication"), ("zh", "论文把训练规则写成乘法")):
        assert gone not in page_text(lang), lang
    assert "??? note \"The paper's notation\"" not in page_text("en") and "??? note \"论文的写法\"" not in page_text("zh")
    # review final71, ca: the paper writes y = a x with a ~ U(l, u), l, u in [0, 1), not "y = d x"; its own bounds
    # contradict U(3, 8), which is the evidence for reading both rules as divisions
    assert "The paper writes the training rule as $y = d" not in page_text("en") and "论文把训练规则写成 $y = d" not in page_text("zh")
    l_bound, u_bound = 3.0, 8.0
    assert not (0 <= l_bound < 1 and 0 <= u_bound < 1) and (l_bound + u_bound) / 2 == 5.5
    assert "(The paper writes" not in page_text("en") and "（论文把训练规则" not in page_text("zh")
    d = np.linspace(3.0, 8.0, 501)
    assert np.all(d >= 3) and np.all(1 / d < 1) and 1 / 5.5 < 1                  # product: slope d >= 3; division: below 1
    for lang, gone in (("en", "Read as a division, as the test formula implies, training divides"),
                       ("en", "Their training formula writes a product"),
                       ("zh", "他们的训练公式写的是乘法"),
                       ("zh", "按测试公式理解为除法，训练时就是")):
        assert gone not in page_text(lang), lang
    # "fits this range": a product with a factor from [3, 8] would make the negative side 3 to 8 times steeper than
    # the positive one, a division gives slopes below 1; "and their test formula": that formula divides by the mean
    assert 1 < lo < hi and 1 / hi < 1 / lo < 1
    for lang, gone in (("en", "drawn from between 3 and 8"), ("zh", "在 3 到 8 之间抽取")):
        assert gone not in page_text(lang), lang
    assert 1 / hi == 1 / 8 and 1 / lo == 1 / 3 == RRELU_BOUNDS[1] and RRELU_BOUNDS[0] == 1 / 8   # the same range as PyTorch's
    for lang in ("en", "zh"):
        text = page_text(lang)
        rrelu = text.split("{ #rrelu }")[1].split("\n## ")[0]
        # review final72, ca: the scheme (d ~ U(3, 8)) is stated once, then the paper's notation in one sentence
        assert rrelu.count("$d \\sim U(3, 8)$") == 1 and rrelu.count("U(3, 8)") == 1, lang   # review final74, ca
        assert rrelu.index("U(3, 8)") < rrelu.index("U(1/8, 1/3)"), lang
        assert "redrawn for every channel of every training image; at test time it is fixed" not in text
        assert "训练时负半轴斜率是随机的" not in text
    for lang in ("en", "zh"):                                         # review final72, ca: the paper's [0, 1) bounds are cut
        assert "[0, 1)$" not in page_text(lang) and "??? note" not in page_text(lang).split("{ #rrelu }")[1].split("\n## ")[0]
    from actsite.pages.glossary import TERMS
    rrelu = next(term for term in TERMS if term.key == "rrelu")
    # review final69: the glossary (edited by another group) now gives PyTorch's convention and Xu et al.'s test slope
    # only, leaving U(3, 8) to this page; its numbers must still be this page's
    assert "draws the slope from $U(1/8, 1/3)$ and fixes it at its mean, $11/48$ (Xu et al.'s test slope is $2/11$)" in rrelu.en_definition
    assert "训练时斜率取自 $U(1/8, 1/3)$，测试时固定为其均值 $11/48$（Xu 等人的测试斜率为 $2/11$）" in rrelu.zh_definition
    assert all(s in page_text("en") for s in ("U(1/8, 1/3)$", "\\tfrac{11}{48}", "2/11"))
    # review final74, ca: the entry carried the note on the paper's notation; review final77, ca: it is in the body now
    assert "Convolutional Network. arXiv preprint. <https://arxiv.org/abs/1505.00853>" in page_text("en")
    assert "Convolutional Network. arXiv 预印本。<https://arxiv.org/abs/1505.00853>" in page_text("zh")
    assert all(page_text(lang).count("<https://arxiv.org/abs/1505.00853>") == 1 for lang in ("en", "zh"))
    for lang in ("en", "zh"):
        assert "reads them consistently" not in page_text(lang) and "前后一致地" not in page_text(lang)
    assert "which they say was first used in Kaggle's National Data Science Bowl competition; they kept the " \
           "setting the competition's winner suggested" in page_text("en")              # the competition, not its winner
    assert "据 Xu 等人所述，RReLU 最早出现在 Kaggle 竞赛 National Data Science Bowl 中；他们沿用了该竞赛冠军建议的" \
           in page_text("zh")
    for lang in ("en", "zh"):                      # review final59, ca: the abbreviation was introduced and never used
        assert "NDSB" not in page_text(lang)
    for lang in ("en", "zh"):
        assert "winner of Kaggle's National Data Science Bowl (NDSB) had first used" not in page_text(lang)
        assert "最早由 Kaggle 竞赛 National Data Science Bowl（NDSB）的冠军团队使用" not in page_text(lang)
    for lang in ("en", "zh"):                                          # the convention table was folded into the prose
        assert "| Convention |" not in page_text(lang) and "| 约定 |" not in page_text(lang)


def test_xu_test_rule_divides_by_the_mean_five_and_a_half_slope_two_elevenths():
    assert (3 + 8) / 2 == 5.5
    assert 1 / 5.5 == pytest.approx(2 / 11, abs=1e-15)
    assert round(2 / 11, 3) == 0.182 != round(RRELU_EVAL_SLOPE, 3)
    assert "at test time it is divided by 5.5, the mean of $d$." in page_text("en")   # review final77, ca
    assert "测试时则除以 $d$ 的均值 5.5。" in page_text("zh")


def test_mean_slope_gives_the_mean_output_because_f_is_linear_in_a():
    x = np.linspace(-5, 5, 101)
    a1, a2 = 0.13, 0.31
    np.testing.assert_allclose(leaky_relu(x, (a1 + a2) / 2), (leaky_relu(x, a1) + leaky_relu(x, a2)) / 2, atol=1e-15)
    draws = 20_000
    rng = np.random.default_rng(2)
    mean_out = np.mean([rrelu_train(x, rng) for _ in range(draws)], axis=0)
    slope_sd = (RRELU_BOUNDS[1] - RRELU_BOUNDS[0]) / math.sqrt(12)
    assert np.all(np.abs(mean_out - rrelu_eval(x)) <= 5 * slope_sd * np.abs(x) / math.sqrt(draws) + 1e-15)
    assert 11 / 48 == pytest.approx((RRELU_BOUNDS[0] + RRELU_BOUNDS[1]) / 2)    # PyTorch's test slope = mean training slope
    # f is linear in a for x < 0, so a test slope a_t gives the expected training output a_t x = E[a] x only if a_t = E[a]
    assert leaky_relu(-1.0, 11 / 48 + 0.01) != pytest.approx(float(np.mean(rrelu_train(np.full(200_000, -1.0), np.random.default_rng(3)))), abs=1e-3)
    # review final65, ca: the reason (linearity in the slope) is stated, and the "only when" is what the line above checks
    assert ("The output is linear in the slope, so the test output equals the average training output only when the test "
            "slope is the mean training slope. PyTorch's $\\bar a$ is that mean;") in page_text("en")
    assert ("输出是斜率的线性函数，所以只有测试斜率取训练斜率的均值，测试输出才等于训练输出的期望。PyTorch 的 $\\bar a$ "
            "正是这个均值；") in page_text("zh")


def test_xu_mean_training_slope_is_log_8_over_3_over_5_not_two_elevenths():
    a = np.linspace(3, 8, 2_000_001)
    mean_slope = float(np.mean(1 / a))
    assert mean_slope == pytest.approx(math.log(8 / 3) / 5, abs=1e-6)
    assert round(mean_slope, 3) == 0.196 and abs(mean_slope - 2 / 11) > 0.01
    # Xu et al.'s test slope, 1/mean(a) = 2/11, is below the mean training slope (Jensen: 1/E[a] < E[1/a])
    assert round(2 / 11, 3) == 0.182 and 2 / 11 < mean_slope
    assert math.log(8 / 3) / 5 > 1 / 5.5                     # E[1/d] > 1/E[d] (Jensen)
    assert 1 / 5.5 == pytest.approx(2 / 11, abs=1e-15)
    # review final66, ca: the mean is shown as its integral, which also says that log is the natural logarithm
    # (log10 would give 0.085)
    from scipy.integrate import quad
    integral = quad(lambda t: 1 / t, 3, 8)[0] / 5
    # review final80, ca: the integration variable is t, not u, which names the upper bound of U(l, u) = U(3, 8)
    assert "du}{u}" not in page_text("en") + page_text("zh")
    assert integral == pytest.approx(math.log(8 / 3) / 5, rel=1e-12) and round(math.log10(8 / 3) / 5, 3) == 0.085
    assert ("Xu et al.'s test slope, $1/5.5 = 2/11 \\approx 0.182$, is below the mean of $1/d$, "
            "$\\tfrac{1}{5}\\int_{3}^{8} \\tfrac{dt}{t} = \\log(8/3)/5 \\approx 0.196$.") in page_text("en")
    assert ("Xu 等人的测试斜率 $1/5.5 = 2/11 \\approx 0.182$ 却低于 $1/d$ 的均值 "
            "$\\tfrac{1}{5}\\int_{3}^{8} \\tfrac{dt}{t} = \\log(8/3)/5 \\approx 0.196$。") in page_text("zh")


def test_rrelu_card_values():
    info, _ = card("rrelu")
    assert round(float(rrelu_eval(-5.0)), 3) == -1.146 and float(rrelu_eval(3.0)) == 3.0
    assert {round(v, 3) for v in np.unique(info["df"])} == {0.229, 1.0}


def test_rrelu_at_test_time_is_prelu_with_a_equal_11_48():
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(rrelu_eval(x), prelu(x, 11 / 48))
    act = MODERN["rrelu"]
    assert act.monotonic and act.kinks == (0.0,) and act.cost == "compare"


def test_rrelu_mean_is_37_48_over_root_two_pi():
    mean = normal_mean(rrelu_eval)
    assert mean == pytest.approx((37 / 48) / math.sqrt(2 * math.pi), abs=1e-9)
    assert round(mean, 3) == 0.308


# --- ELU ------------------------------------------------------------------------------------

def test_elu_levels_off_at_minus_alpha():
    for alpha in (0.5, 1.0, 2.0):
        assert float(elu(-50.0, alpha)) == pytest.approx(-alpha, rel=1e-15)
        assert np.all(elu(np.linspace(-30, 0, 1001), alpha) > -alpha)    # strictly above (e^-30 still shows)


def test_elu_deactivated_state_barely_moves_well_below_zero_unlike_a_straight_negative_side():
    """'well below zero, a change in the input barely changes the output, which stays near -alpha'."""
    x = np.linspace(-30.0, -3.0, 2701)
    for alpha in (0.5, 1.0, 2.0):
        assert np.all(elu_prime(x, alpha) <= 0.05 * alpha)                      # slope at most 5 % of alpha
        assert np.all(np.abs(elu(x, alpha) + alpha) <= 0.05 * alpha)            # within 5 % of -alpha
    assert np.all(prelu_prime(x, 0.25) == 0.25)                                # a straight side keeps its slope


def test_elu_card_values():
    info, _ = card("elu")
    assert round(float(elu(-5.0)), 3) == -0.993 and float(elu(3.0)) == 3.0
    assert round(float(elu_prime(-5.0)), 3) == 0.007
    assert not MODERN["elu"].kinks           # the pen is not lifted: no jump drawn at 0
    assert np.max(np.abs(np.diff(info["df"]))) < 0.01


def test_elu_range_and_monotone():
    assert MODERN["elu"].output_range == (-1.0, np.inf) and MODERN["elu"].monotonic
    assert np.all(np.diff(elu(np.linspace(-20, 30, 50001))) > 0)


def test_elu_is_c1_at_alpha_1_with_a_jump_in_the_second_derivative():
    assert MODERN["elu"].smoothness == "C1" and MODERN["elu"].joins == (0.0,)
    assert float(elu_prime(-1e-12)) == pytest.approx(1.0, abs=1e-11) and float(elu_prime(1e-12)) == 1.0
    second_left = (elu_prime(-H) - elu_prime(-2 * H)) / H
    second_right = (elu_prime(2 * H) - elu_prime(H)) / H
    assert float(second_left) == pytest.approx(1.0, abs=1e-5) and float(second_right) == 0.0


@pytest.mark.parametrize("alpha", [0.5, 1.5, 2.0])
def test_elu_has_a_kink_for_any_other_alpha(alpha):
    assert float(elu_prime(-1e-12, alpha)) == pytest.approx(alpha) != float(elu_prime(1e-12, alpha))


def test_elu_derivative_from_the_forward_value():
    x = np.linspace(-10, 0, 1001)
    for alpha in (0.5, 1.0, 1.6):
        np.testing.assert_allclose(elu_prime(x, alpha), elu(x, alpha) + alpha, atol=1e-14)


def test_elu_mean_is_0_161_against_relus_0_399_and_not_zero_centred():
    mean = normal_mean(elu)
    closed = 1 / math.sqrt(2 * math.pi) + math.exp(0.5) * phi_cdf(-1) - 0.5
    assert mean == pytest.approx(closed, abs=1e-9)
    assert round(mean, 3) == 0.161 and round(normal_mean(relu), 3) == 0.399
    assert 0 < mean < normal_mean(relu) and MODERN["elu"].zero_centred is False
    for lang in ("en", "zh"):
        elu_section = page_text(lang).split("{ #elu }")[1].split("{ #selu }")[0]
        assert f"{mean:.3f}" in elu_section and f"{normal_mean(relu):.3f}" in elu_section


def test_elu_is_close_to_the_identity_near_zero():
    for x in (-1e-2, -1e-3, -1e-4):
        assert abs(float(elu(x)) - x) / abs(x) < abs(x)      # relative gap ~ |x|/2


def test_elu_tends_to_relu_as_alpha_goes_to_0():
    x = np.linspace(-50, 5, 5501)
    gaps = [np.max(np.abs(elu(x, alpha) - relu(x))) for alpha in (0.1, 0.01, 0.001)]
    assert gaps == pytest.approx([0.1, 0.01, 0.001], rel=1e-9)


# --- SELU -----------------------------------------------------------------------------------

def test_selu_maps_mean_0_variance_1_to_mean_0_variance_1():
    assert normal_mean(selu) == pytest.approx(0.0, abs=1e-9)
    assert normal_mean(lambda z: selu(z) ** 2) == pytest.approx(1.0, abs=1e-9)
    # review final79, ca: the theorem is stated as Klambauer et al. state it (windows on omega and tau; a fixed point
    # near, not at, (0, 1)); weights of variance 1/n meet the omega window only on average (the share is recomputed below)
    for gone in ("the network pulls them back to 0 and 1", "(as with mean 0 and variance $1/n$)", "二者会被拉回 0 和 1",
                 "即属此类", "proved that, for weights with mean 0 and variance $1/n$", "附近时，激活值的均值和方差会被拉回",
                 # review final80, ca: omega is exactly standard normal only for normally drawn weights, and the
                 # paragraph is split after the theorem
                 "Weights drawn with mean 0", "按均值 0、方差 $1/n$ 初始化权重"):
        assert gone not in page_text("en") + page_text("zh"), gone
    share = 2 * phi_cdf(0.1) - 1                          # omega = sum of n weights of variance 1/n is N(0, 1)
    assert round(100 * share) == 8
    assert ("Their Theorem 1 concerns a unit whose incoming weights sum to $\\omega \\in [-0.1, 0.1]$ and whose squared "
            "weights sum to $\\tau \\in [0.95, 1.1]$: if the activations' mean and variance start near 0 and 1, the successive "
            "layers draw them to a stable fixed point, a mean and variance that a layer maps back to themselves. That point "
            "lies near mean 0 and variance 1, and exactly there only when $\\omega = 0$ and $\\tau = 1$.\n\nWeights drawn "
            "from a normal distribution with mean 0 and variance $1/n$ meet these conditions only on average: $\\tau$ is then near 1 in a wide layer, but "
            f"$\\omega$ is itself standard normal, within 0.1 of 0 for only about {round(100 * share)}% of units.") in page_text("en")
    assert ("论文的定理 1 针对这样的单元：输入权重之和 $\\omega \\in [-0.1, 0.1]$，权重平方和 $\\tau \\in [0.95, 1.1]$。"
            "这时只要激活值的均值和方差起初在 0 和 1 附近，逐层传下去，二者就会被吸引到一个稳定的不动点，即经过一层后保持不变的均值和方差。"
            "这个不动点在均值 0、方差 1 附近，只有 $\\omega = 0$、$\\tau = 1$ 时才恰好是这两个值。\n\n按均值 0、方差 $1/n$ 的正态分布初始化权重，"
            "只在期望意义上满足这些条件：宽的层里 $\\tau$ 确实接近 1，但 $\\omega$ 本身服从标准正态分布，"
            f"落在 0 附近 0.1 以内的单元只占约 {round(100 * share)}%。") in page_text("zh")
    rng = np.random.default_rng(0)
    n = 1000
    w = rng.normal(0.0, math.sqrt(1 / n), size=(20_000, n))
    omega, tau = w.sum(axis=1), (w ** 2).sum(axis=1)
    assert abs(np.mean(np.abs(omega) <= 0.1) - share) < 0.01               # only ~8% of units meet the omega window
    assert np.mean((tau >= 0.95) & (tau <= 1.1)) > 0.85                      # the tau window holds in a wide layer
    # review final65, ca: "fixed point" is glossed where it is first used: the mean 0 and variance 1 a layer maps back
    # to themselves (the next test computes that map and finds (0, 1) fixed for weight mean 0 and variance 1/n)
    assert "a stable fixed point, a mean and variance that a layer maps back to themselves." in page_text("en")
    assert "一个稳定的不动点，即经过一层后保持不变的均值和方差。" in page_text("zh")
    for lang in ("en", "zh"):
        section = page_text(lang).split("{ #selu }")[1]
        first = section.index("fixed point" if lang == "en" else "不动点")
        assert first == section.index("a stable fixed point" if lang == "en" else "一个稳定的不动点") + (
            len("a stable ") if lang == "en" else len("一个稳定的")), lang          # its first use is the glossed one


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_selu_details_that_have_their_home_in_the_initialisation_article_are_not_repeated(lang):
    """The Banach theorem and the two equations are derived in the initialisation article (#selu-fixed-point); the
    card page states the theorem's conditions once (review final79, ca: it is their home) and links there."""
    section = page_text(lang).split("{ #selu }")[1].split("\n## ")[0]
    assert "Banach" not in section and r"\sum_i w_i" not in section
    assert section.count("initialisation.md#selu-fixed-point") == 1
    assert "alpha dropout" in section


def test_selu_fixed_point_is_0_1_for_exact_weight_moments_and_moves_for_nearby_ones():
    """Klambauer et al.'s map (their Eq. 3): inputs of mean mu and variance nu, weights with sum omega
    (n times their mean) and square sum tau (n times their variance, for mean 0), pre-activation
    ~ N(mu omega, nu tau). At (omega, tau) = (0, 1), i.e. weight mean 0 and variance 1/n, the fixed point
    is (0, 1); at the corners of Theorem 1's weight domain it is another point, inside the theorem's
    stated ranges, reached from every corner of the activation domain (the conditions the initialisation article lists)."""
    z = np.linspace(-12.0, 12.0, 240_001)
    weight = np.exp(-z ** 2 / 2) / math.sqrt(2 * math.pi) * (z[1] - z[0])

    def step(mu, nu, omega, tau):
        y = selu(mu * omega + math.sqrt(nu * tau) * z)
        mean = float(np.sum(y * weight))
        return mean, float(np.sum(y * y * weight)) - mean ** 2

    def fixed_points(omega, tau):
        ends = []
        for mu, nu in ((-0.1, 0.8), (0.1, 0.8), (-0.1, 1.5), (0.1, 1.5), (0.0, 1.0)):
            for _ in range(150):
                mu, nu = step(mu, nu, omega, tau)
            ends.append((mu, nu))
        return np.array(ends)

    exact = fixed_points(0.0, 1.0)
    np.testing.assert_allclose(exact, [[0.0, 1.0]] * 5, atol=1e-6)
    for omega, tau in ((-0.1, 0.95), (0.1, 0.95), (-0.1, 1.1), (0.1, 1.1)):
        ends = fixed_points(omega, tau)
        assert np.ptp(ends, axis=0).max() < 1e-9                                   # one attracting point
        mu, nu = ends[0]
        assert -0.03106 <= mu <= 0.06773 and 0.80009 <= nu <= 1.48617            # Theorem 1's ranges
        assert abs(mu) + abs(nu - 1) > 0.1                                         # but not (0, 1)


def test_selu_constants_solve_the_two_equations_and_print_as_stated():
    alpha = (1 / math.sqrt(2 * math.pi)) / (0.5 - math.sqrt(math.e) * phi_cdf(-1))
    second = 0.5 + alpha ** 2 * (math.e ** 2 * phi_cdf(-2) - 2 * math.sqrt(math.e) * phi_cdf(-1) + 0.5)
    lam = 1 / math.sqrt(second)
    assert (alpha, lam) == pytest.approx((SELU_ALPHA, SELU_LAMBDA), rel=1e-12)
    assert (round(lam, 4), round(alpha, 4)) == (1.0507, 1.6733)


def test_alpha_dropout_needs_an_affine_correction_a_scale_alone_cannot_keep_the_mean():
    """Alpha dropout sets dropped units to -lambda*alpha, then applies a*(.)+b (Klambauer et al.'s
    a and b): that keeps mean 0 and variance 1, while any pure rescaling (b = 0) leaves a non-zero mean."""
    m1, m2 = normal_mean(selu), normal_mean(lambda z: selu(z) ** 2)
    saturation = -SELU_LAMBDA * SELU_ALPHA
    assert float(selu(-50.0)) == pytest.approx(saturation, rel=1e-12)       # SELU's negative saturation value
    for q in (0.95, 0.9, 0.8, 0.5):                                           # keep probability
        first = q * m1 + (1 - q) * saturation                                  # E and E[.^2] after dropping
        second = q * m2 + (1 - q) * saturation ** 2
        a = (q + saturation ** 2 * q * (1 - q)) ** -0.5
        b = -a * (1 - q) * saturation
        mean, square = a * first + b, a * a * second + 2 * a * b * first + b * b
        assert (mean, square - mean ** 2) == pytest.approx((0.0, 1.0), abs=1e-9)
        for scale in (a, 1 / q, 1.0):
            assert abs(scale * first) > 0.01                                   # a scale alone moves the mean
    # the page keeps one clause; the mechanism has its home in the initialisation article (review final54, ca)
    assert "so they also introduced *alpha dropout*, which keeps mean and variance." in page_text("en")
    assert "为此他们另外提出了能保持均值和方差不变的 **alpha dropout**。" in page_text("zh")
    for lang, words in (("en", "which keeps mean and variance"), ("zh", "alpha dropout")):
        home = (CONTENT[lang] / "blog/posts/initialisation.md").read_text(encoding="utf-8")
        assert words in home.split("{ #selu-fixed-point }")[1].split("\n## ")[0], lang


def test_selu_positive_slope_exceeds_1():
    assert SELU_LAMBDA > 1 and float(selu_prime(1.0)) == SELU_LAMBDA


def test_selu_card_values():
    info, _ = card("selu")
    assert round(3 / SELU_LAMBDA, 2) == 2.86 and float(selu(3 / SELU_LAMBDA)) == pytest.approx(3.0)
    assert round(SELU_LAMBDA * SELU_ALPHA, 4) == 1.7581
    assert round(float(selu(-5.0)), 3) == -1.746
    assert round(float(info["df"][0]), 3) == 0.012                      # left edge, x = -5
    assert round(float(selu_prime(-1e-12)), 4) == 1.7581 and round(float(selu_prime(1e-12)), 4) == 1.0507
    assert MODERN["selu"].kinks == (0.0,)                               # the pen is lifted at 0


def test_selu_range_monotone_and_declared():
    lo = -SELU_LAMBDA * SELU_ALPHA
    assert MODERN["selu"].output_range == (lo, np.inf) and MODERN["selu"].monotonic
    assert np.all(selu(np.linspace(-30, 5, 3501)) > lo) and np.all(np.diff(selu(np.linspace(-20, 30, 5001))) > 0)


def test_selu_is_the_only_zero_centred_function_on_the_page():
    """Review final66, ca: a card is a plot and has no output; the page says "the only function on this page whose output
    is zero-centred", and the summary is of "this page's functions"."""
    means = {k: normal_mean(MODERN[k].f) for k in KEYS}
    assert [k for k in KEYS if abs(means[k]) < 1e-6] == ["selu"]
    assert [k for k in KEYS if MODERN[k].zero_centred] == ["selu"]
    for lang, said, gone in (("en", "which makes it the only function on this page whose output is zero-centred.",
                              "only card on this page"),
                             ("zh", "因此本页各函数中只有它的输出是零中心的。", "在本页的函数卡片中，只有它")):
        assert said in page_text(lang) and gone not in page_text(lang), lang
    assert "summarised here for this page's functions (ReLU" in page_text("en") and "for the cards of this page" not in page_text("en")
    # review final68, ca: zh said 事实 twice in two clauses; now 数学性质 ... 这些性质
    assert "真正确立的主要是数学性质，下表把本页各函数的这些性质列在一起（" in page_text("zh")
    assert "这些事实" not in page_text("zh") and "本页函数卡片上的这些事实" not in page_text("zh")
    # the condition on the means is said once, in the introduction, not again above the table
    assert "means under a standard normal input" not in page_text("en") and "均值按标准正态输入计算" not in page_text("zh")
    assert "Every mean on this page is taken under a standard normal input" in page_text("en")
    assert "文中的均值都针对标准正态输入 $\\mathcal{N}(0, 1)$ 计算" in page_text("zh")


@pytest.mark.parametrize("lang, convex, affine", [
    ("en", "its own [convex](../blog/posts/from-linear-to-nonlinear.md#monotone-not-convex) piecewise-linear shape",
     "$k$ affine functions of its input (each a linear map plus a constant)"),
    ("zh", "自己的[凸](../blog/posts/from-linear-to-nonlinear.md#monotone-not-convex)分段线性形状",
     "$k$ 个仿射函数（即线性映射加上一个常数）")])
def test_convex_is_linked_and_affine_glossed_at_first_use(lang, convex, affine):
    """Review final66, ca: "convex" and "affine" were used without a definition; convex links, at its first use, to the
    site's definition (every chord on or above the graph), and affine is glossed where Maxout's pieces are introduced."""
    text = page_text(lang)
    word = {"en": "convex", "zh": "凸"}[lang]
    assert convex in text and text[text.index(word) - 1] == "["                  # the first use is the link
    assert text.count("from-linear-to-nonlinear.md#monotone-not-convex") == 1
    home = (CONTENT[lang] / "blog/posts/from-linear-to-nonlinear.md").read_text(encoding="utf-8")
    assert "{ #monotone-not-convex }" in home
    first_affine = text.index({"en": "affine", "zh": "仿射"}[lang])
    assert affine in text and text.index(affine) == first_affine - len("$k$ " if lang == "en" else "$k$ 个")


def test_selu_derivative_jumps_at_0_because_alpha_is_not_1():
    assert SELU_ALPHA != 1
    left, right = float(selu_prime(-1e-12)), float(selu_prime(1e-12))
    assert left == pytest.approx(SELU_LAMBDA * SELU_ALPHA, rel=1e-10) and right == SELU_LAMBDA and left > right
    assert MODERN["selu"].cost == "exp"


def test_selu_is_lambda_times_elu_alpha():
    x = np.linspace(-10, 10, 2001)
    np.testing.assert_allclose(selu(x), SELU_LAMBDA * elu(x, SELU_ALPHA), rtol=1e-15)


# --- Maxout ---------------------------------------------------------------------------------

def test_a_maximum_of_affine_functions_is_convex_and_piecewise_linear():
    rng = np.random.default_rng(3)
    w, b = rng.normal(size=4), rng.normal(size=4)
    x = np.linspace(-5, 5, 10001)
    h = np.max(np.outer(x, w) + b, axis=1)
    assert np.all(np.diff(h, 2) >= -1e-12)
    slopes = np.diff(h) / np.diff(x)
    on_a_piece = np.isclose(slopes[:, None], w[None, :], atol=1e-9).any(axis=1)
    assert on_a_piece.mean() > 0.999                  # only the few cells where pieces cross differ


def test_maxout_layer_has_k_times_the_parameters():
    n, m = 100, 50
    for k in (2, 3, 5):
        assert k * m * (n + 1) == k * (m * (n + 1))


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "It costs a sign flip and one comparison here, $k$ affine maps in a real layer.", "It costs one comparison here"),
    ("zh", "在这里它只需一次取负和一次比较，真实的层里则要算 $k$ 个仿射映射。", "在这里它只需一次比较")])
def test_the_card_maxout_costs_a_sign_flip_and_one_comparison(lang, said, gone):
    """Review final58, ca: |x| = max(x, -x) needs the negation -x as well as the comparison; a general two-piece
    max(x, a x) needs the product a x in its place."""
    x = np.linspace(-5, 5, 1001)
    negated = -x                                                      # the sign flip
    np.testing.assert_array_equal(np.where(x >= negated, x, negated), maxout(x))   # then one comparison
    assert not np.array_equal(np.maximum(x, 0.0), maxout(x))          # a comparison with a constant is not enough
    assert said in page_text(lang) and gone not in page_text(lang)


def test_maxout_card_is_the_two_piece_case_at_a_equal_minus_1():
    assert MODERN["maxout"].defaults() == {"a": -1.0}
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(maxout(x), np.maximum(x, -x))
    # tied weights: pieces w1.v + b1 and a (w1.v + b1) of one pre-activation give max(z, a z)
    rng = np.random.default_rng(0)
    w1, b1, v = rng.normal(size=4), 0.3, rng.normal(size=(200, 4))
    z = v @ w1 + b1
    h = np.max(np.stack([v @ w1 + b1, v @ (-1.0 * w1) + (-1.0 * b1)]), axis=0)
    np.testing.assert_allclose(h, maxout(z), atol=1e-12)
    # review final69, ca: max(x, a x) is a one-parameter special case (one piece the identity, biases 0), not "the simplest" unit
    assert "A card has one input axis, so it shows a two-piece special case, $\\max(x, a x)$, here with $a = -1$." in page_text("en")
    assert "卡片只有一条输入轴，所以这里画的是两段单元的一个特例 $\\max(x, a x)$，取 $a = -1$。" in page_text("zh")
    assert "simplest two-piece unit" not in page_text("en") and "最简单的两段单元" not in page_text("zh")
    # review final69, ca: the Maxout alt text, like the other cards', says where the legend is (catalogue.py puts a
    # V-shaped card's legend at the lower right)
    # review final75, ca: the alt text described the phone layout too; it now describes the card the page shows
    assert "with a legend at the lower right." in page_text("en") and "on a phone" not in page_text("en")
    assert "图例在右下角。" in page_text("zh") and "手机上" not in page_text("zh")


def test_maxout_card_values_and_label():
    info, ax = card("maxout")
    assert float(maxout(-3.0)) == float(maxout(3.0)) == 3.0 == ax.get_ylim()[1]
    assert set(np.unique(info["df"])) == {-1.0, 1.0}
    labels = [t.get_text() for t in ax.texts]
    assert labels == [r"$(0.000,\ 0.000)$"]
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    renderer = FigureCanvasAgg(ax.figure).get_renderer()
    legend, box = ax.get_legend().get_window_extent(renderer), ax.get_window_extent(renderer)
    assert legend.x0 > (box.x0 + box.x1) / 2 and legend.y1 < (box.y0 + box.y1) / 2   # bottom right on the desktop card
    # review final68, ca: the phone variant, which shares the alt text, puts the legend elsewhere.
    # review final69, ca: so the alt names both places, each computed here from the drawn figure (the phone layout
    # lets matplotlib choose, and it picks the middle of the left edge)
    from actsite.figures.registry import FIGURES
    from actsite.figures.render import draw
    spec, where = FIGURES["maxout"], {}
    for layout in ("wide", "phone"):
        fig, _ = draw(spec.plot(), "light", spec.size, layout)
        renderer = FigureCanvasAgg(fig).get_renderer()
        fig.draw(renderer)
        lg, bx = fig.axes[0].get_legend().get_window_extent(renderer), fig.axes[0].get_window_extent(renderer)
        where[layout] = (((lg.x0 + lg.x1) / 2 - bx.x0) / bx.width, ((lg.y0 + lg.y1) / 2 - bx.y0) / bx.height)
    assert where["wide"][0] > 0.5 and where["wide"][1] < 1 / 3                     # lower right
    assert where["phone"][0] < 1 / 3 and 1 / 3 < where["phone"][1] < 2 / 3        # middle left
    for lang, said in (("en", "with a legend at the lower right."), ("zh", "图例在右下角。")):   # review final75, ca
        alt = next(line for line in page_text(lang).splitlines() if "(figure:maxout" in line)
        assert said in alt and "phone" not in alt and "手机" not in alt, lang


def test_maxout_is_the_absolute_value_with_range_from_0_and_its_minimum_at_the_origin():
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(maxout(x), np.abs(x))
    assert MODERN["maxout"].minimum == (0.0, 0.0) and float(maxout(0.0)) == 0.0 and np.all(maxout(x) >= 0)
    assert not MODERN["maxout"].monotonic and not np.all(np.diff(maxout(x)) >= 0)
    assert float(maxout_prime(-1e-12)) == -1.0 and float(maxout_prime(1e-12)) == 1.0


def test_two_piece_maxout_is_convex_for_every_a():
    x = np.linspace(-5, 5, 1001)
    for a in (-1.5, -1.0, 0.0, 0.5, 1.0, 2.0):
        assert np.all(np.diff(maxout(x, a), 2) >= -1e-12)


def test_maxout_mean_is_root_two_over_pi():
    mean = normal_mean(maxout)
    assert mean == pytest.approx(math.sqrt(2 / math.pi), abs=1e-9)
    assert round(mean, 3) == 0.798


def test_maxout_is_prelu_for_a_up_to_1():
    x = np.linspace(-5, 5, 1001)
    for a in (-1.0, 0.0, 0.01, 0.25, 0.9, 1.0):
        np.testing.assert_array_equal(maxout(x, a), prelu(x, a))
    np.testing.assert_array_equal(maxout(x, 0.0), relu(x))
    np.testing.assert_array_equal(maxout(x, 0.01), leaky_relu(x))
    np.testing.assert_array_equal(maxout(x, PRELU_INIT), prelu(x))
    assert float(maxout(2.0, 1.5)) != float(prelu(2.0, 1.5))           # above 1 it is no longer PReLU


def test_a_two_piece_unit_with_both_pieces_learned_takes_every_listed_prelu_shape():
    """'A real two-piece unit learns both pieces, so it can take any of these PReLU shapes.'  Review final66, ca: the
    Maxout neighbours no longer repeat the PReLU section's list of slopes (a = 0, 0.01, ...); they name the shapes."""
    for lang, said in (("en", "is PReLU with slope $a$, and so covers ReLU, Leaky ReLU and RReLU at test time; no value"),
                       ("zh", "就是斜率为 $a$ 的 PReLU，因而也涵盖了 ReLU、Leaky ReLU 和测试阶段的 RReLU；但无论")):
        assert said in page_text(lang), lang
        maxout = page_text(lang).split("{ #maxout }")[1].split("\n## ")[0]
        assert "$a = 0.01$" not in maxout and "$a = 0$" not in maxout, lang
    x = np.linspace(-5, 5, 1001)
    for a in (0.0, 0.01, PRELU_INIT, RRELU_EVAL_SLOPE):                  # ReLU, Leaky, PReLU at 0.25, RReLU test
        two_piece = np.maximum(1.0 * x + 0.0, a * x + 0.0)              # max(w1 x + b1, w2 x + b2)
        np.testing.assert_array_equal(two_piece, prelu(x, a))
    assert "so it can take any of these PReLU shapes; PReLU learns only the negative side" in page_text("en")
    assert "因而上面这些 PReLU 形状都学得出来；PReLU 只学负半轴" in page_text("zh")


# --- Which one to use -----------------------------------------------------------------------

def test_non_zero_negative_slopes_pass_gradient_for_negative_inputs():
    x = np.linspace(-50, -1e-6, 1001)
    assert np.all(prelu_prime(x) != 0) and np.all(MODERN["rrelu"].df(x) != 0)
    for a in (-1.0, 0.01, 0.25):
        assert np.all(maxout_prime(x, a) != 0)
    assert np.all(elu_prime(x) > 0) and np.all(selu_prime(x) > 0)


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "A PReLU slope can reach 0, but it still receives the gradient $\\sum \\delta x$ over the negative inputs, "
           "$\\delta$ being the incoming gradient at each, so it can move away from 0 again. Their units therefore cannot "
           "die as ReLU units do.",
     "unless a learned PReLU slope reaches 0"),
    ("zh", "PReLU 的斜率可能变成 0，但它仍能从负输入得到梯度 $\\sum \\delta x$（$\\delta$ 是每个输入处传入的梯度），所以还能重新离开 0。"
           "因此这两种单元不会像 ReLU 单元那样死亡。",
     "除非学出来的 PReLU 斜率变成 0")])
def test_a_learned_prelu_slope_at_zero_still_learns_and_the_unit_recovers(lang, said, gone):
    """Review final67, ca (WRONG): the page said a PReLU unit can die "if a learned slope reaches 0".  At a = 0 an
    inactive unit's incoming weights get no gradient, but a does (df/da = min(0, x) = x for x < 0), so one step moves a
    off 0 and the weights learn again: not death in the page's sense ("no gradient that could change this").
    A toy unit: three weights, 200 inputs all with pre-activation below zero, a = 0, output weight 0.7, squared loss.
    Review final74, ca: the gradient reaching a is sum(delta x) over the negative inputs, not the local derivative x."""
    assert said in page_text(lang) and gone not in page_text(lang)
    # review final67c, ca (WRONG): PReLU does not keep a non-zero slope at every negative input (a learned slope can be 0);
    # RReLU's never falls below 1/8, PReLU's is learned
    assert not any(old in page_text(lang) for old in ("keep a non-zero slope at every negative input", "在每个负输入处都保留一个非零的斜率"))
    # review final69, ca: "is learned, so cannot die" was a non sequitur; the reason (df/da = x) now comes before "so"
    # review final72, ca: the bullet packed three ideas into two sentences; the floor, the gradient on a and the
    # conclusion are now one sentence each, the reasons before "therefore"
    assert {"en": "RReLU's negative slope is never below 1/8. A PReLU slope can reach 0",
            "zh": "RReLU 的负半轴斜率从不低于 1/8。PReLU 的斜率可能变成 0"}[lang] in page_text(lang)
    assert {"en": "and PReLU's is learned, so", "zh": "PReLU 的斜率则是学出来的，所以"}[lang] not in page_text(lang)
    rng = np.random.default_rng(0)
    inputs = rng.normal(size=(200, 3))
    w = -np.abs(rng.normal(size=3)) - 1.0
    inputs = np.abs(inputs)                                          # w . x < 0 on every training point
    z = inputs @ w
    assert np.all(z < 0)
    target, v, a = rng.normal(size=200) + 1.0, 0.7, 0.0

    def grads(w, a):
        z = inputs @ w
        err = v * prelu(z, a) - target                               # d(loss)/d(output) for loss = err**2 / 2
        upstream = err * v
        return (upstream * prelu_prime(z, a)) @ inputs / len(z), float(np.mean(upstream * np.minimum(0.0, z)))

    grad_w, grad_a = grads(w, a)
    assert np.all(grad_w == 0) and grad_a != 0                       # the weights are stuck, the slope is not
    # review final74, ca: what reaches a is sum(delta * x) over the negative inputs, not the local derivative x itself;
    # with incoming gradients of mixed sign the terms can partly cancel
    z0 = inputs @ w
    delta = (v * prelu(z0, a) - target) * v
    np.testing.assert_allclose(grad_a, np.sum(delta * z0) / len(z0))
    assert np.any(delta > 0) and np.any(delta < 0) and abs(grad_a) < np.mean(np.abs(delta * z0))
    assert "\\partial f/\\partial a = x$ from every negative" not in page_text(lang)
    assert "从每个负输入得到梯度 $\\partial f/\\partial a = x$" not in page_text(lang)
    a_next = a - 0.01 * grad_a
    assert a_next != 0
    grad_w_next, _ = grads(w, a_next)
    assert np.any(grad_w_next != 0)                                  # one step later the weights learn again


def test_prelu_units_can_still_be_inactive_with_a_gradient_a_times_as_large():
    """'although they can still be inactive on every training point, passing back a gradient only a times as large'
    (review final42/ca): a unit whose pre-activations are all negative outputs a x and passes back a times the
    upstream gradient that an active unit (slope 1) would; the link goes to the measurement of inactive units.
    Review final65, ca: split into two sentences; "$a$ times" became "their negative slope times"."""
    a = 0.25
    z = -np.abs(np.random.default_rng(4).normal(size=1000)) - 1e-3     # negative on every training point
    upstream = np.random.default_rng(5).normal(size=1000)
    np.testing.assert_allclose(upstream * prelu_prime(z, a), a * upstream * relu_prime(-z), rtol=0, atol=0)
    assert np.all(prelu_prime(z, a) != 0)
    # review final65, ca: the sentence is split, and "$a$ times" became "their negative slope times", which covers
    # RReLU's slope (drawn at each step in training) as well as PReLU's a
    # review final69, ca: the sentence before now ends "can move away from 0 again" after the reason (df/da = x)
    # review final71, ca: the paragraph became one bullet per family (PReLU and RReLU, ELU and SELU, Maxout), and
    # "inactive" links its glossary entry rather than the article's measurement
    assert ("- **PReLU and RReLU.** The incoming gradient, scaled by the negative slope instead of by 1.") in page_text("en")
    assert ("cannot die as ReLU units do. A unit can still be [inactive](../glossary.md#inactive-unit) (pre-activation "
            "at most zero) on every training point.\n- **ELU and SELU.** A gradient too, but a small one far out on the "
            "negative side") in page_text("en")
    assert "- **PReLU 和 RReLU。**传入的梯度乘以负半轴斜率（而不是乘以 1）。" in page_text("zh")
    # review final72, ca: the zh link text is the glossary headword, 始终关闭的单元 (was 关闭)
    assert ("不会像 ReLU 单元那样死亡。不过，单元仍可能[始终关闭](../glossary.md#inactive-unit)（在所有训练样本上预激活值都不大于零）。"
            "\n- **ELU 和 SELU。**也有梯度") in page_text("zh")
    assert "[关闭](../glossary.md#inactive-unit)" not in page_text("zh")
    for lang in ("en", "zh"):
        assert "- **" + {"en": "Maxout.** No fixed negative side", "zh": "Maxout。**没有固定的负半轴"}[lang] in page_text(lang)
        assert "dead-relu-units.md#dead-relu-experiment) (pre-activation" not in page_text(lang)
        assert "dead-relu-units.md#dead-relu-experiment)（预激活值" not in page_text(lang)
    # review final66, ca: "the gradient an active unit would receive" was hard to parse, and 只是 read as "merely reduced";
    # the incoming gradient is rescaled by the slope where an active unit rescales it by 1
    for lang, gone in (("en", "passing back only $a$ times"), ("zh", "传回的梯度只有单元开启时的 $a$ 倍"),
                       ("en", "times the gradient an active unit would receive"), ("zh", "只是单元开启时的梯度")):
        assert gone not in page_text(lang), lang
    rng = np.random.default_rng(6)                   # RReLU in training: each element's own drawn slope scales its gradient
    drawn = rrelu_train(z, rng) / z
    assert np.all((drawn >= RRELU_BOUNDS[0] - 1e-12) & (drawn <= RRELU_BOUNDS[1] + 1e-12))
    z_edge = np.concatenate([z, [0.0]])             # "at most zero": a pre-activation of exactly 0 is inactive too
    assert np.all(prelu_prime(z_edge, a) == a) and np.all(relu_prime(z_edge) == 0)
    from actsite.pages.glossary import TERMS as GLOSSARY
    assert any(term.key == "inactive-unit" for term in GLOSSARY)


def test_rrelu_slope_is_never_below_an_eighth_in_either_convention():
    """'RReLU's is never below 1/8': PyTorch draws a in [1/8, 1/3]; Xu et al. use 1/a with a in [3, 8]."""
    lower, upper = RRELU_BOUNDS
    assert lower == 1 / 8 and upper == 1 / 3 and RRELU_EVAL_SLOPE >= 1 / 8
    x = -np.linspace(1e-3, 50, 2001)
    rng = np.random.default_rng(1)
    for _ in range(20):
        y = rrelu_train(x, rng)
        assert np.all(y / x >= 1 / 8 - 1e-12)
    assert 1 / 8 == min(1 / a for a in np.linspace(3, 8, 501))


def test_a_maxout_unit_passes_the_gradient_to_its_winning_piece_and_none_to_a_losing_one():
    """The gradient of max_j z_j with respect to z is 1 for the largest piece and 0 for the others."""
    rng = np.random.default_rng(0)
    z = rng.normal(size=(1000, 4))                       # k = 4 pieces, 1000 inputs
    winner = z.argmax(axis=1)
    for i in range(0, 1000, 97):
        grad = np.array([(np.max(z[i] + H * np.eye(4)[j]) - np.max(z[i] - H * np.eye(4)[j])) / (2 * H)
                         for j in range(4)])
        assert grad[winner[i]] == pytest.approx(1.0) and np.all(np.delete(grad, winner[i]) == 0)
    shifted = z.copy()
    shifted[:, 3] -= 100.0                               # a piece far below the others never wins
    assert not np.any(shifted.argmax(axis=1) == 3)


def test_elu_slope_at_minus_5_is_0_007():
    assert round(float(elu_prime(-5.0)), 3) == 0.007 == round(math.exp(-5), 3)


def test_numbers_in_prose_are_identical_in_both_languages():
    def numbers(text: str) -> list[str]:
        body = re.sub(r"!\[[^\]]*\]", "", text)                    # alt texts spell minus signs differently
        body = re.sub(r"^\d+\. ", "", body, flags=re.M)              # reference list numbering
        return sorted(re.findall(r"\d+(?:\.\d+)?", body))
    assert numbers(page_text("en")) == numbers(page_text("zh"))


def test_two_piece_maxout_reaches_the_piecewise_linear_functions_but_not_elu_or_selu():
    x = np.linspace(-5, 5, 2001)
    for a in np.linspace(-2, 1, 301):
        card_shape = np.maximum(x, a * x)
        for key in ("elu", "selu"):
            assert np.abs(EVERY[key].f(x) - card_shape).max() > 0.1        # a curved negative side


def test_cards_share_the_x_range_and_fit_their_own_vertical_range():
    assert len({CARD_Y_RANGES[key] for key in KEYS}) > 1 and all(card(key)[1].get_xlim() == (-5.0, 5.0) for key in KEYS)


def test_the_papers_results_are_reported_in_one_set_of_terms_and_the_uci_result_as_an_overall_comparison():
    """SNNs won the 121-task UCI comparison overall (by rank), not every task; the Xu et al. and
    Clevert et al. results name the same two exclusions, multi-view testing and ensembles."""
    en, zh = page_text("en"), page_text("zh")
    assert "in an overall comparison on 121 UCI tasks" in en and "across 121" not in en
    # review final69, ca: the UCI Machine Learning Repository is 机器学习库 (数据库 reads as a DBMS); Xu et al.'s finding is
    # "reported" (他们报告), as en says, not 他们发现
    assert "在 121 个 UCI 任务（取自 UCI 机器学习库的分类数据集）的总体比较中" in zh and "数据库" not in zh
    assert "他们报告，负半轴斜率不为零时，结果一贯更好" in zh and "他们发现，负半轴斜率" not in zh
    assert en.count("multi-view testing") == 2 and "multi-view evaluation" not in en
    # review final71, ca: 多裁剪测试 rendered "multi-view" too narrowly (views are crops and flips); it is 多视图测试
    assert zh.count("多视图测试") == 2 and "多裁剪" not in zh
    assert "model averaging" not in en and en.count("or ensembles") == 2
    assert zh.count("模型集成") == 3 and "模型平均" not in zh
    # review final68, ca: ensemble, weight decay and regulariser are glossed at first use, mini-batch linked
    for lang, words in (("en", ("With an ensemble of PReLU networks (several networks whose predictions are averaged),",
                                "The paper applies no weight decay to $a$: weight decay shrinks every parameter it applies to "
                                "towards 0 at each step, so it would pull PReLU towards ReLU.",
                                "as a regulariser, a curb on overfitting.",
                                "over a [mini-batch](../glossary.md#mini-batch))")),
                        ("zh", ("用多个 PReLU 网络做模型集成（对几个网络的预测取平均），",
                                "论文不对 $a$ 做权重衰减：权重衰减每一步都把它作用的参数往 0 缩一点，用在 $a$ 上就会把 PReLU 往 ReLU 拉。",
                                "起到了正则化的作用，也就是抑制过拟合。",
                                "在一个[小批量](../glossary.md#mini-batch)上"))):
        text = page_text(lang)
        for w in words:
            assert w in text, w
        assert text.index(words[0]) < text.index("ensembles" if lang == "en" else "没有使用模型集成")
    # the gloss is true: decay shrinks a towards 0, and PReLU at a = 0 is ReLU
    x = np.linspace(-3, 3, 61)
    a = 0.25 * (1 - 0.1 * 5e-4) ** np.arange(0, 200_001, 50_000)
    assert np.all(np.diff(a) < 0) and np.allclose(np.maximum(x, 0 * x), np.maximum(x, 0))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_xus_divisor_has_its_own_letter_and_dropout_is_glossed_at_first_use(lang):
    """On this page $a$ is always a negative-side slope (PReLU, PyTorch's draw, the Maxout card); Xu et al.'s
    divisor U(3, 8) is $d$, so "slope $a$" and "slope $1/d$" never name different things with one letter.
    Dropout, used by SELU's and Maxout's sections, gets a few words of gloss where it first appears."""
    text = page_text(lang)
    section = text.split("{ #rrelu }")[1].split("\n## ")[0]
    assert "$x/a$" not in section and "$1/a$" not in section and "$a \\sim U(3, 8)$" not in section
    assert "$d \\sim U(3, 8)$" in section and "the mean of $d$" in section.replace("$d$ 的均值", "the mean of $d$")
    # the first use also links the glossary's entry (review final71, ca: dropout had no glossary home)
    gloss = {"en": "[dropout](../glossary.md#dropout) (zeroing a random subset of units at each training step)",
             "zh": "[dropout](../glossary.md#dropout)（训练时每步随机把一部分单元置零）"}[lang]
    first = text.lower().index("dropout")
    assert text.lower()[first - 1:].startswith(gloss.lower())
    assert text.count(gloss) == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_which_one_table_summarises_the_cards_from_the_registry(lang):
    """Review final50, ca: "Which one to use" gathers the answer in one table (ReLU for comparison), every cell
    computed here from the registry the cards are drawn from: the slope on the negative side (its formula, and its
    value at x = -5), the mean under N(0, 1), the smoothness class and monotonicity."""
    from actsite.maths.gaussian import gaussian_expectation
    from claim_helpers import table_rows
    rows = table_rows((CONTENT[lang] / PAGE).read_text(encoding="utf-8"), "{ #which-one }", "{ #references }")
    names = {"en": {"relu": "ReLU", "selu": "SELU", "prelu": "PReLU ($a = 0.25$)", "rrelu": "RReLU (test time)", "elu": "ELU ($\\alpha = 1$)",
                    "maxout": "Maxout ($\\lvert x \\rvert$)"},
             "zh": {"relu": "ReLU", "selu": "SELU", "prelu": "PReLU（$a = 0.25$）", "rrelu": "RReLU（测试时）", "elu": "ELU（$\\alpha = 1$）",
                    "maxout": "Maxout（$\\lvert x \\rvert$）"}}[lang]
    # symbols in the slope column (PReLU's a, RReLU's a-bar), values in the next (review final62, ca)
    formula = {"relu": "0", "prelu": "$a$", "rrelu": "$\\bar a$", "elu": "$\\alpha e^{x}$", "selu": "$\\lambda\\alpha e^{x}$",
               "maxout": "$-1$"}
    yes = {"en": ("yes", "no"), "zh": ("是", "否")}[lang]
    assert len(rows) == 7                                                   # the header and six functions
    x = np.linspace(-5, -0.01, 500)
    for key in ("relu", "prelu", "rrelu", "elu", "selu", "maxout"):
        act = EVERY[key]
        slope, at5, mean, smooth, monotone = rows[names[key]]
        assert slope == formula[key], (key, slope)
        exact = {"relu": 0 * x, "prelu": 0.25 + 0 * x, "rrelu": 11 / 48 + 0 * x, "elu": np.exp(x),
                 "selu": SELU_LAMBDA * SELU_ALPHA * np.exp(x), "maxout": -1 + 0 * x}[key]
        np.testing.assert_allclose(act.df(x), exact, rtol=1e-12, atol=1e-15)   # the formula is the card's slope
        value = float(act.df(np.array(-5.0)))
        assert at5 == ("$-1$" if value == -1 else f"{value:.2g}" if abs(value) < 0.1 else f"{value:.3g}"), (key, at5)
        m = gaussian_expectation(act.f)
        assert mean == ("0" if abs(m) < 1e-9 else f"{m:.3f}"), (key, mean)
        assert smooth == f"$C^{act.smoothness[1:]}$", (key, smooth)
        assert monotone == yes[0 if act.monotonic else 1], (key, monotone)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_table_says_c0_is_only_continuous_and_every_c0_row_has_a_slope_jump(lang):
    """Review final72, ca: "$C^0$ means continuous with a kink" defined the class wrongly (every C^1 function is C^0
    too).  The table's key now says that C^0 marks a function that is only continuous, its slope jumping at a kink;
    each C^0 row's function has such a jump at 0, and the C^1 row's (ELU) has none."""
    # review final78, ca: C^1 and C^2 are glossed where ELU first uses them; the table's key keeps only C^0
    said = {"en": "in the smoothness column, $C^0$ marks a function that is only continuous, its slope jumping at a kink)",
            "zh": "平滑性一列里，$C^0$ 表示函数只做到连续，斜率在折点处跳变）"}[lang]
    text = page_text(lang)
    assert said in text
    assert text.index({"en": "$C^1$ (continuous with its first derivative)", "zh": "$C^1$ 的（函数及其一阶导数连续）"}[lang]) \
        < text.index(said) and text.index("$C^") == text.index("$C^1$ (" if lang == "en" else "$C^1$ 的（")
    for gone in ("$C^0$ means continuous with a kink", "$C^0$ 表示连续但有折点"):
        assert gone not in text, gone
    h = 1e-7
    for key in ("relu", "prelu", "rrelu", "selu", "maxout", "elu"):
        act = EVERY[key]
        f0 = float(act.f(np.array(0.0)))
        left = (f0 - float(act.f(np.array(-h)))) / h
        right = (float(act.f(np.array(h))) - f0) / h
        assert abs(float(act.f(np.array(h))) - f0) < 1e-6                      # continuous at the kink
        jumps = abs(right - left) > 1e-3
        assert jumps == (act.smoothness == "C0"), (key, left, right, act.smoothness)


@pytest.mark.parametrize("lang, pointer, home", [
    ("en", "ELU is $C^1$ (continuous with its first derivative) but not $C^2$ (which also needs a continuous second derivative). For any",
     "- **Smoothness**: $C^0$ marks a function that is only continuous, its slope jumping at kinks; $C^1$ means the slope is continuous but the second derivative jumps;"),
    ("zh", "所以 ELU 是 $C^1$ 的（函数及其一阶导数连续），但不是 $C^2$ 的（后者还要求二阶导数连续）。",
     "- **平滑性**：$C^0$ 表示函数只做到连续，斜率在折点处跳变；$C^1$ 表示斜率连续，二阶导数跳变；")])
def test_the_smoothness_classes_have_one_home_the_reference_page(lang, pointer, home):
    """Review final72, ca: C^0 marks a function that is only continuous (the old "C^0 means continuous, with kinks"
    read as if every C^0 function had one).  Review final62, ca: C^k was defined here (ELU's properties) and again on the reference page; it is defined once,
    on the reference page's #columns, and ELU's properties link there (the summary table no longer points back to ELU).
    ELU (alpha = 1) is C^1 and not C^2: its slope meets 1 at 0 and its second derivative jumps from 1 to 0.
    Review final79, ca: the link now stands outside the gloss's parenthesis.
    Review final80, ca: the inline gloss stays and the pointer to the reference table goes (two homes for one
    definition); the zh gloss of C^2 no longer reads as a statement about ELU."""
    text = page_text(lang)
    for gone in ("defines these classes", "这些平滑性等级的定义见", "但不是 $C^2$ 的（二阶导数也连续）"):
        assert gone not in text, gone
    assert pointer in text
    reference = (CONTENT[lang] / "reference.md").read_text(encoding="utf-8")
    assert home in reference.split("{ #columns }")[1].split("\n## ")[0]
    for gone in ("first $k$ derivatives are continuous", "前 $k$ 阶导数都连续", "as defined [for ELU](#elu)", "[ELU 一节](#elu)"):
        assert gone not in text, gone
    assert "表示导数也连续" not in text and "with a continuous derivative as well" not in text
    assert "means continuous, with kinks" not in reference and "表示连续，但在折点处" not in reference
    h = 1e-6
    elu = lambda x: np.where(x > 0, x, np.expm1(np.minimum(x, 0)))
    left, right = (elu(0.0) - elu(-h)) / h, (elu(h) - elu(0.0)) / h
    assert abs(left - 1) < 1e-5 and abs(right - 1) < 1e-5                                  # C^1 at 0
    second_left = (elu(-2 * h) - 2 * elu(-h) + elu(0.0)) / h ** 2
    assert abs(second_left - 1) < 1e-3                                                     # e^0 = 1 on the left, 0 on the right


@pytest.mark.parametrize("lang, pytorch", [
    ("en", "draws the slope itself from the same range, $a \\sim U(1/8, 1/3)$, independently for every element, "
           "and at test time uses its mean, $\\bar a = 11/48 \\approx 0.229$:"),
    ("zh", "直接抽取斜率：训练时为每个元素独立地从同一范围抽取 $a \\sim U(1/8, 1/3)$，测试时取其均值")])
def test_pytorch_draws_the_slope_itself_over_the_range_of_xus_slopes(lang, pytorch):
    """Review final57, ca: after Xu et al.'s division, PyTorch "instead draws the slope itself". Both conventions give
    slopes in [1/8, 1/3]; they differ in what is uniform, the divisor d or the slope 1/d."""
    assert pytorch in page_text(lang)
    d = np.linspace(3.0, 8.0, 100_001)
    assert (float(np.min(1 / d)), float(np.max(1 / d))) == pytest.approx(RRELU_BOUNDS, abs=1e-15)
    counts, _ = np.histogram(1 / d[:-1], bins=4, range=RRELU_BOUNDS)      # d uniform: 1/d is not
    assert counts[0] > 2 * counts[-1]


@pytest.mark.parametrize("lang, once, after, gone", [
    ("en", "an output of mean 0 and variance 1. Their Theorem 1", "its output has mean 0 and variance 1", "mean square"),
    ("zh", "输出均值为 0、方差为 1。论文的定理 1", "它的输出均值为 0、方差为 1", "均方")])
def test_selus_normalisation_is_named_by_its_variance_with_the_mean_square_said_once(lang, once, after, gone):
    """Review final57, ca: one wording for one fact, "variance", the word the initialisation article uses.
    Review final67, ca: the aside "(so mean square 1)" was never used on the page and is cut; at mean 0 the two agree."""
    text = page_text(lang)
    assert text.count(once) == 1 and after in text and text.index(once) < text.index(after)
    assert gone not in text
    mean, square = normal_mean(selu), normal_mean(lambda z: selu(z) ** 2)
    assert square - mean ** 2 == pytest.approx(square, abs=1e-9) == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "Maxout was designed to be used with dropout, and the benchmark results its paper "
           "reports all use it.", "is worth trying mainly in a network that uses dropout anyway"),
    ("zh", "Maxout 本是为配合 dropout 而设计的，论文报告的基准结果也都用了 dropout。",
     "主要适合本来就用 dropout 的网络")])
def test_the_maxout_advice_rests_on_what_the_page_reports(lang, said, gone):
    """Review final57, ca: no comparison shows maxout helping more with dropout than without, so the advice states what
    the page does report: the unit was designed as dropout's companion, and its benchmark results (MNIST, CIFAR-10,
    CIFAR-100, SVHN) were all obtained with dropout (a citation).  Review final66, ca: the advice no longer repeats the
    cost of k times the parameters, said once where maxout is introduced."""
    text = page_text(lang)
    assert said in text and gone not in text
    assert text.count({"en": "$k$ times the parameters", "zh": "参数量和乘加次数都是普通层的 $k$ 倍"}[lang]) == 1
    assert "参数量是普通层的 $k$ 倍" not in text
    maxout = text.split("{ #maxout }")[1].split("\n## ")[0]
    assert "dropout" in maxout and all(name in maxout for name in ("MNIST", "CIFAR-10", "CIFAR-100", "SVHN"))


def test_prelu_turns_a_into_a_parameter():
    """Review final57, ca (language): "makes $a$ a parameter" reads as "makes a a parameter" when skimmed."""
    assert "PReLU turns $a$ into a parameter, learned by backpropagation" in page_text("en")
    assert "makes $a$ a parameter" not in page_text("en")
    assert "PReLU 则把 $a$ 变成参数" in page_text("zh")


@pytest.mark.parametrize("lang, once", [("en", "layer after layer"), ("zh", "一层层")])
def test_selus_layer_after_layer_is_said_once(lang, once):
    """Review final60, ca: "layer after layer" closed two sentences in a row; the SELU section says it once."""
    section = page_text(lang).split("{ #selu }")[1].split("\n## ")[0]
    assert section.count(once) == 1


def test_the_dead_unit_article_is_named_by_its_title():
    """Review final60, ca: the article's title, lower-cased and unmarked, ran into the sentence ("measured in why ...")."""
    article = (CONTENT["en"] / "blog/posts/dead-relu-units.md").read_text(encoding="utf-8")
    title = "Why ReLU units die, and what keeps them alive"
    assert f"# {title}\n" in article
    assert f"the article [*{title}*](../blog/posts/dead-relu-units.md#dead-relu-experiment) measures" in page_text("en")
    assert "measured in [why" not in page_text("en")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_references_are_listed_in_order_of_first_mention(lang):
    """Review final60, ca: the list is in the order the page first cites each work, as on the other catalogue pages."""
    text = page_text(lang)
    body, refs = text.split("{ #references }")
    cited = {"en": ["He, Zhang, Ren and Sun", "(Maas et al. 2013)", "Xu, Wang, Chen and Li", "PyTorch, whose convention",
                    "Clevert, Unterthiner and Hochreiter", "Klambauer, Unterthiner", "Goodfellow, Warde-Farley"],
             "zh": ["He、Zhang、Ren 和 Sun", "（Maas 等人，2013）", "Xu、Wang、Chen 和 Li", "PyTorch 约定",
                    "Clevert、Unterthiner 和 Hochreiter", "Klambauer、Unterthiner", "Goodfellow、Warde-Farley"]}[lang]
    positions = [body.index(s) for s in cited]
    assert positions == sorted(positions)
    # review final69, ca: the PyTorch PReLU kernel, the source of "PyTorch returns a" at the kink, is third
    assert body.index({"en": "PyTorch returns $a$", "zh": "PyTorch 返回的是 $a$"}[lang]) < body.index(cited[2])
    listed = ["Delving Deep into Rectifiers", "Rectifier Nonlinearities", "prelu_backward_kernel", "Empirical Evaluation", "torch.nn.RReLU",
              "Exponential Linear Units", "Self-Normalizing", "Maxout Networks"]
    entries = [line for line in refs.splitlines() if line[:1].isdigit()]
    assert len(entries) == len(listed) and all(work in entry for work, entry in zip(listed, entries))


@pytest.mark.parametrize("lang, said", [("en", "ReLU, $\\max(0, x)$, discards every negative input"),
                                        ("zh", "ReLU 即 $\\max(0, x)$，它把负输入一概丢弃")])
def test_relu_is_written_out_where_the_page_starts_from_it(lang, said):
    """Review final62, ca: the page started from ReLU without writing it; the first sentence gives its formula, and it
    is the function every card draws dotted (the registry's ReLU)."""
    text = page_text(lang)
    assert said in text and text.index(said) < text.index("{ #prelu }")
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(relu(x), np.maximum(0, x))


def test_the_chinese_page_calls_every_card_by_the_glossary_term():
    """Review final62, ca: the glossary's Chinese term for a card is 函数卡片; five mentions on this page (its home)
    said 卡片 alone."""
    from actsite.pages.glossary import TERMS
    assert next(t for t in TERMS if t.key == "card").zh == "函数卡片"
    text = page_text("zh")
    assert text.count("卡片") == text.count("函数卡片") >= 6


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_maxout_properties_leave_the_mean_of_one_shape_to_the_table(lang):
    """Review final62, ca: the mean of |x| is a fact about one arbitrary two-piece shape, not about maxout; the
    properties paragraph no longer states it, and the summary row, labelled Maxout (|x|), keeps it (checked above)."""
    maxout_section = page_text(lang).split("{ #maxout }")[1].split("\n## ")[0]
    assert "0.798" not in maxout_section and "\\sqrt{2/\\pi}" not in maxout_section
    assert "0.798" in page_text(lang).split("{ #which-one }")[1]


@pytest.mark.parametrize("lang, said, gone", [
    ("en", ("Every mean on this page is taken under a standard normal input, $\\mathcal{N}(0, 1)$. That is roughly how "
            "pre-activations are spread when the initialisation keeps their variance at 1; it is also the input under which",
            "\n\nSELU's self-normalisation is a theorem only under"),
     ": roughly how pre-activations are spread"),
    ("zh", ("文中的均值都针对标准正态输入 $\\mathcal{N}(0, 1)$ 计算。初始化让预激活值的方差保持为 1 时，预激活值大致就是这样分布的。"
            "本站判断一个函数是否",
            "\n\nSELU 的自归一化只有在其证明的前提下才是定理"),
     "计算：初始化让预激活值")])
def test_the_normal_input_sentence_and_the_which_one_paragraph_are_split(lang, said, gone):
    """Review final68, ca: one colon carried two points (why N(0, 1) is realistic, and that it defines zero-centred), and
    one paragraph of "Which one to use" carried the dying, gradient and SELU-assumption points; each is now split, the
    SELU assumptions in their own paragraph.  The captions name no bare symbols (a, alpha, lambda) in upright text."""
    text = page_text(lang)
    assert all(s in text for s in said) and gone not in text
    for key in ("prelu", "elu", "selu", "maxout"):
        caption = re.search(r'\(figure:%s "([^"]*)"\)' % key, text).group(1)
        assert not re.search(r"\ba = |α|λ|max\(", caption), caption


@pytest.mark.parametrize("lang, die, maxout", [
    ("en", "a unit can [*die*](../glossary.md#dead-unit):", "designed the maxout unit as a companion to dropout."),
    ("zh", "二是单元可能[**死亡**](../glossary.md#dead-unit)：", "设计 maxout 单元时，就是要让它与 dropout 配合使用。")])
def test_defined_terms_link_the_glossary_and_maxout_is_a_companion_to_dropout(lang, die, maxout):
    """Review final72, ca: the opening's "die" links the glossary's dead-unit entry (as "inactive" links its entry);
    the article is linked once, for the measurement.  zh: 搭档 was colloquial; 配套单元 renders "companion".
    Review final75, ca: zh 配套单元 repeated 单元 and read stiffly; the sentence now says the unit was designed to be used with dropout."""
    from actsite.pages.glossary import TERMS as GLOSSARY
    text = page_text(lang)
    assert die in text and maxout in text and "搭档" not in text and "配套单元" not in text
    assert any(term.key == "dead-unit" for term in GLOSSARY)
    assert text.count("dead-relu-units.md#dead-relu)") == 0


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_caveat_on_reported_results_comes_with_the_first_one(lang):
    """Review final74, ca: the reader met five headline numbers before the closing section discounted them; a pointer
    now sits before the first (PReLU's 4.94%), and zh's closing sentence lost the calque 结论……窄.
    Review final75, ca: en "the next is its authors' own report" read like a note; now "the one that follows".
    Review final79, ca: the link label says what the closing section weighs (what the reports can and cannot show)."""
    text = page_text(lang)
    pointer = {"en": "Like every benchmark result on this page, the one that follows is the authors' own report ([what "
                     "such reports can and cannot show](#which-one)).",
               "zh": "和本页引用的其他基准结果一样，下面这个也出自作者自己的报告（[这类报告能说明什么、不能说明什么](#which-one)）。"}[lang]
    assert "what such reports settle" not in text                        # review final79, ca: cryptic link label
    assert pointer in text and text.index(pointer) < text.index("4.94%")
    assert not re.search(r"\d%", text[:text.index(pointer)])             # no reported result before the pointer
    assert "{ #which-one }" in text
    assert {"en": "The experimental evidence is narrower than it may seem.",
            "zh": "实验证据的覆盖面，其实没有看上去那么广。"}[lang] in text
    assert "比看上去要窄" not in text and "the next is its" not in text


@pytest.mark.parametrize("lang, said, gone", [
    ("en", "What reaches a unit's incoming weights when its pre-activation is negative:", "when its input lies on the negative side"),
    ("zh", "预激活值为负时，单元的输入权重还能收到什么：", "输入落在负半轴时，单元"),
])
def test_the_gradient_list_is_about_a_negative_pre_activation_not_input(lang, said, gone):
    """Review final77, ca: a unit's input is the vector x; what the list is about is its pre-activation being negative,
    the quantity the page defines and uses everywhere else."""
    assert said in page_text(lang) and gone not in page_text(lang)
