"""Claims of the relu-square notebook (both languages) about the network p_n: a constant plus n ReLU
units; its knots x_k = -2 + 4k/n (k = 0 .. n) are the points where it meets the parabola; each unit
becomes active at one of them and changes the slope there by its outgoing weight; p_n is straight between
knots and outside [-2, 2]; its largest error on [-2, 2] is 4/n². The notebook builds p_n itself with
np.maximum; the tests below run its code and check it against the site's p_n.  Its cells are run with
their output captured: each language prints in its own words, the printed numbers are the ones the prose
reads, written as the prose writes them (p₁₆, −2), and printed rows line up in display columns."""
from __future__ import annotations

import contextlib
import io
import re

import numpy as np
import pytest

from actsite.experiments.networks import max_error_on_interval, relu_interpolant_of_square
from actsite.pages.notebook_text import display_width

PAGE = "notebooks/relu-square.py"
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


# --- the notebook's own construction (its code cells, run with their output captured) --------------

def cells(lang):
    from actsite.pages.page_pairs import CONTENT, notebook_cells
    return notebook_cells((CONTENT[lang] / PAGE).read_text(encoding="utf-8"))[1]


def run_cells(code_cells):
    """(namespace, printed lines) of ``code_cells``, run in order."""
    namespace, printed = {}, io.StringIO()
    with contextlib.redirect_stdout(printed):
        for cell in code_cells:
            exec(cell, namespace)
    return namespace, printed.getvalue().splitlines()


@pytest.fixture(scope="module", params=("en", "zh"))
def notebook(request):
    """(language, namespace, printed lines) of the notebook's code cells, run as the reader runs them."""
    return request.param, *run_cells(cells(request.param))


BLOCKS = {"bias": (0, 1), "units": (1, 5), "errors": (6, 7), "far": (13, 4), "try": (17, 1)}   # (first line, lines)
DIGITS = str.maketrans("₀₁₂₃₄₅₆₇₈₉−", "0123456789-")


def block(printed, name):
    first, count = BLOCKS[name]
    return printed[first:first + count]


def numbers(line):
    """The numbers of a printed line, subscripts read as digits and − as a minus sign."""
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", line.translate(DIGITS))]


def field_ends(line):
    """The display column at which each run of non-space characters ends."""
    return [display_width(line[:m.end()]) for m in re.finditer(r"\S+", line)]


def label_ends(header):
    """The display column at which each label of a header ends (a label's words are one space apart)."""
    return [display_width(header[:m.end()]) for m in re.finditer(r"\S+(?: \S+)*", header)]


def test_both_languages_run_the_same_code_and_print_the_same_numbers(notebook):
    """The twins' code differs only in the words of its strings, and the numbers printed are the same."""
    from actsite.pages.page_pairs import code_shape
    assert [code_shape(c) for c in cells("en")] == [code_shape(c) for c in cells("zh")]
    lang, _, printed = notebook
    _, english = run_cells(cells("en"))
    assert len(printed) == len(english) == 18, printed
    assert [numbers(line) for line in printed] == [numbers(line) for line in english]


def test_the_notebook_prints_in_its_own_language_and_writes_numbers_as_the_prose_does(notebook):
    """The prose typesets p₄, p₁₆ and −2: the output prints the same, never p_16 or -2; the Chinese notebook
    prints Chinese words (its rows of numbers aside) and no English word, the English one no Chinese; every
    line fits in 80 display columns."""
    lang, _, printed = notebook
    text = "\n".join(printed)
    assert "p_" not in text and not re.search(r"-\d", text) and "-" not in text
    assert all(shown in text for shown in ("p₄", "p₁₆(10)", "p₁₆(−10)", "p₆₄(10)", "p₆₄(−10)", "[−2, 2]", "−3"))
    han = [bool(re.search(r"[\u4e00-\u9fff]", line)) for line in printed]
    english = [re.findall(r"[A-Za-z]{3,}", line) for line in printed]
    worded = [i for i, line in enumerate(printed) if i not in range(2, 6)]        # the unit rows are numbers only
    if lang == "zh":
        assert all(han[i] for i in worded) and not any(english), printed
    else:
        assert not any(han) and all(english[i] for i in worded), printed
    assert max(display_width(line) for line in printed) <= 80


@pytest.mark.parametrize("n", UNITS + (32, 64, 128))
def test_the_notebooks_p_n_built_from_its_weights_is_the_p_n_of_the_article(notebook, n):
    """Built with np.maximum from bias 4, first weight delta - 4, the others 2*delta, active above the
    knots; the same function as the site's p_n (and the article's formula)."""
    _, namespace, _ = notebook
    bias, switch_on, outgoing = namespace["weights"](n)
    site = relu_interpolant_of_square(n)
    delta = 4 / n
    assert bias == site.output_bias == 4.0
    np.testing.assert_allclose(switch_on, -site.hidden_bias, atol=1e-12)
    np.testing.assert_allclose(outgoing, site.output_weights, atol=1e-12)
    np.testing.assert_allclose(outgoing, [delta - 4] + [2 * delta] * (n - 1), atol=1e-12)
    x = np.linspace(-10, 10, 4001)
    np.testing.assert_allclose(namespace["p"](n, x), site(x), atol=1e-10)
    article = 4 + (delta - 4) * np.maximum(0, x + 2) + 2 * delta * sum(np.maximum(0, x - k) for k in site.knots[1:-1])
    np.testing.assert_allclose(namespace["p"](n, x), article, atol=1e-10)


@pytest.mark.parametrize("n", UNITS)
def test_chord_slopes_are_x_k_plus_x_k1_so_the_slope_starts_at_delta_minus_4_and_rises_by_2_delta(notebook, n):
    """The article derives the weights from the chords (slope x_k + x_k+1, starting at δ − 4 and rising by 2δ at
    each inner knot); the notebook links that derivation and keeps only the formula its code uses, 'Each unit
    becomes active at one knot and changes the slope there by its outgoing weight' (review final55, pc: the
    derivation has one home).  Checked: the code's weights add up to the chords' slopes."""
    from actsite.pages.page_pairs import CONTENT
    _, namespace, _ = notebook
    delta = 4 / n
    knots = -2 + delta * np.arange(n + 1)
    chord = np.diff(knots ** 2) / np.diff(knots)
    np.testing.assert_allclose(chord, knots[:-1] + knots[1:], atol=1e-12)
    assert chord[0] == pytest.approx(delta - 4)
    np.testing.assert_allclose(np.diff(chord), 2 * delta, atol=1e-12)
    _, _, outgoing = namespace["weights"](n)
    np.testing.assert_allclose(np.cumsum(outgoing), chord, atol=1e-12)
    article = (CONTENT["en"] / "blog/posts/why-nonlinear-activations.md").read_text(encoding="utf-8")
    assert "The chord on $[x_k, x_{k+1}]$ has slope $x_k + x_{k+1}$" in article           # the derivation's home
    for lang, text, gone in (
            ("en", "approximates $x^2$ on $[-2, 2]$ by chords between the knots\n# $x_k = -2 + k\\delta$, $\\delta = 4/n$, and "
                   "derives its weights.", "has slope $x_k + x_{k+1}$"),
            ("zh", "并推导了它的权重：把 $[-2, 2]$ 等分为 $n$ 段，插值节点为 $x_k = -2 + k\\delta$（$\\delta = 4/n$），用相邻节点之间的弦近似 $x^2$。",
             "的斜率是 $x_k + x_{k+1}$")):
        page = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
        assert text in page and gone not in page and "rises by" not in page and "增加 $2\\delta$" not in page
        assert "(../blog/posts/why-nonlinear-activations.md#quadratic)" in page.split("# %%\n")[0]
    for lang, text in (("en", "# Each unit becomes active at one knot and changes the slope there by its outgoing weight."),
                       ("zh", "# 每个单元在一个插值节点处开启，折线在那里的斜率随之改变，改变量等于这个单元的输出权重。")):
        assert text in (CONTENT[lang] / PAGE).read_text(encoding="utf-8")


@pytest.mark.parametrize("n", UNITS)
def test_each_unit_changes_the_slope_at_its_knot_by_its_outgoing_weight(notebook, n):
    _, namespace, _ = notebook
    p = lambda x: namespace["p"](n, x)
    bias, switch_on, outgoing = namespace["weights"](n)
    h = 1e-4
    for s, w in zip(switch_on, outgoing):
        left, right = (p(s) - p(s - h)) / h, (p(s + h) - p(s)) / h
        assert right - left == pytest.approx(w, abs=1e-6)


def test_first_cell_prints_the_weights_for_n_4(notebook):
    lang, _, printed = notebook
    assert block(printed, "bias") == [{"en": "p₄: output bias 4", "zh": "p₄：输出偏置 4"}[lang]]
    header, *units = block(printed, "units")
    # the column is the knots, named as the prose names them (review final59, pc: 'active from x' and 开启点 were a
    # second name for the knots, 插值节点 in the Chinese prose)
    # review final66, pc: 'knot x' was awkward; the column is headed by the name alone
    assert header == {"en": "knot   outgoing weight", "zh": "插值节点   输出权重"}[lang]
    # the site's term is "active" (glossary: active-unit), in the header and in the code (review final57, pc)
    from actsite.pages.page_pairs import CONTENT
    source = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    assert "switch" not in source.lower() and source.count("active_from") == 6
    assert "开启点" not in source and "active from" not in source
    assert {"en": "`weights(n)` returns the output bias, the knots at which the units become active",
            "zh": "`weights(n)` 返回输出偏置、各单元所在的插值节点和它们的输出权重"}[lang] in source
    assert [tuple(numbers(row)) for row in units] == [(-2.0, -3.0), (-1.0, 2.0), (0.0, 2.0), (1.0, 2.0)]
    assert all(field_ends(row) == label_ends(header) for row in units), units     # right-aligned under the labels


def test_the_error_table_is_4_over_n_squared_and_its_grid_holds_every_midpoint(notebook):
    lang, namespace, printed = notebook
    rows = block(printed, "errors")
    label = {"en": "largest error", "zh": "最大误差"}[lang]
    shown = [re.fullmatch(rf"n = +(\d+)   {label} = ([\d.]+)   \S+ × n² = ([\d.]+)", row) for row in rows]
    assert all(shown), rows
    assert [int(m[1]) for m in shown] == [2, 4, 8, 16, 32, 64, 128]
    assert len({tuple(field_ends(row)) for row in rows}) == 1                       # the columns line up
    x = namespace["x"]
    for m in shown:
        n = int(m[1])
        error = np.max(np.abs(namespace["p"](n, x) - x**2))                          # what the cell prints
        assert error == pytest.approx(4 / n ** 2, rel=1e-12)
        assert m[2] == f"{4 / n ** 2:.6f}" and m[3] == "4.0000"                                  # "a grid ... that holds every knot and midpoint for these n"
    assert len(x) == 2**17 + 1
    # review final66, pc: the grid's hold on every knot and midpoint was asserted, not explained; the prose now says
    # why: the grid's step is 2^-15, every knot and midpoint is -2 plus a multiple of 2/n, and for these n, 2/n is a
    # multiple of 2^-15 (so not for n = 5 or 10, the Try this)
    step = float(x[1] - x[0])
    assert step == 2.0 ** -15 and np.all(np.diff(x) == step) and x[0] == -2.0
    for n in (2, 4, 8, 16, 32, 64, 128):
        knots = relu_interpolant_of_square(n).knots
        assert np.all(np.isin((knots[:-1] + knots[1:]) / 2, x)) and np.all(np.isin(knots, x))
        assert (2 / n) / step == int((2 / n) / step)                                   # 2/n a multiple of the step
        offsets = np.concatenate([knots, (knots[:-1] + knots[1:]) / 2]) + 2             # knots and midpoints, minus -2
        np.testing.assert_allclose(offsets / (2 / n), np.round(offsets / (2 / n)), atol=1e-12)
    assert all((2 / n) / step != int((2 / n) / step) for n in (5, 10))
    for lang_, said in (("en", "on a grid of $2^{17} + 1$ points\n# spaced $2^{-15}$ apart, which holds every knot and midpoint: "
                               "these are $-2$ plus multiples of $2/n$, itself a\n# multiple of $2^{-15}$ for these $n$."),
                        ("zh", "所用网格有 $2^{17} + 1$ 个点，间距为 $2^{-15}$，包含了全部插值节点和中点：它们都等于 $-2$ 加上 $2/n$ "
                               "的整数倍，而对这些 $n$，$2/n$ 又是 $2^{-15}$ 的整数倍。")):
        from actsite.pages.page_pairs import CONTENT
        assert said in (CONTENT[lang_] / PAGE).read_text(encoding="utf-8")
    # Try this: for n = 5 and n = 10 (not powers of two) the grid no longer holds every knot and midpoint; the answer:
    # it holds only 0 of the five midpoints and ±1 of the ten (up to float rounding of the midpoints), which is why the
    # largest error is found exactly; the other midpoints lie within 1.3·10⁻⁵ of a grid point (review final56, pc)
    for n, held in ((5, [0]), (10, [-1, 1])):
        mids = (relu_interpolant_of_square(n).knots[:-1] + relu_interpolant_of_square(n).knots[1:]) / 2
        gap = np.min(np.abs(mids[:, None] - x[None, :]), axis=1)
        on_grid = gap < 1e-12
        assert len(mids) == n and np.allclose(sorted(mids[on_grid]), held)
        assert 1.2e-5 < gap[~on_grid].max() < 1.3e-5
        p_n = relu_interpolant_of_square(n)
        assert p_n(mids[on_grid]) - mids[on_grid] ** 2 == pytest.approx(4 / n ** 2)    # the bound, on the grid
        assert not np.all(np.isin(p_n.knots, x)) and n & (n - 1) != 0                  # not a power of two
        # review final80, pc: the answer promised that the printout shows whether the grid holds a midpoint; it cannot.
        # Without the held midpoints the grid still prints the bound to six decimals, short by under 2e-10
        off = ~np.isin(np.round(x, 12), np.round(mids[on_grid], 12))
        blind = float(np.max(np.abs(p_n(x[off]) - x[off] ** 2)))
        assert 0 < 4 / n ** 2 - blind < 2e-10 and f"{blind:.6f}" == f"{4 / n ** 2:.6f}"
        assert (4 / n ** 2 - blind) == pytest.approx(gap[~on_grid].min() ** 2, rel=1e-3)   # the square of the distance
    from actsite.pages.page_pairs import CONTENT
    for lang, question, answer in (
            ("en", "# Take $n = 5$ and $n = 10$, which are not powers of two, so the grid no longer holds every knot and midpoint.",
             "The grid now holds only some of the midpoints, where the bound is reached: 0 for\n"
             "#     $n = 5$, $\\pm 1$ for $n = 10$. The others lie within $1.3 \\times 10^{-5}$ of a grid point, and near a\n"
             "#     midpoint the error falls only by the square of the distance, so even a grid holding no midpoint would print\n"
             "#     the same six decimals: it would miss the bound by less than $2 \\times 10^{-10}$."),
            ("zh", "# 取 $n = 5$ 和 $n = 10$。它们都不是 2 的幂，网格不再包含全部插值节点和中点。",
             "误差在各段中点处达到上界，而网格这时只包含其中一部分中点：$n = 5$ 时只有 0，$n = 10$ 时只有 $\\pm 1$。"
             "其余中点离最近的网格点都不到 $1.3 \\times 10^{-5}$，而在中点附近，误差只按距离的平方减小；"
             "所以即使网格一个中点也不含，打印出的六位小数也不会变，离上界差不到 $2 \\times 10^{-10}$。")):
        text = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
        folded = {"en": '# ??? note "Answer"', "zh": '# ??? note "答案"'}[lang]
        assert question in text and text.index(question) < text.index(folded)
        assert answer in text and text.index(answer) > text.index(folded)        # review final55, pc: not before it
        assert text.count("$\\pm 1$") == 1 and text.count("1.3 \\times 10^{-5}") == 1


def test_for_n_4_the_four_pieces_have_slopes_minus_3_minus_1_1_3(notebook):
    """"the unit at −2 sets the first slope to −3 and each of the others adds 2, so the four pieces have
    slopes −3, −1, 1 and 3: the chords of x² between −2, −1, 0, 1 and 2"."""
    _, namespace, _ = notebook
    knots = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
    slopes = np.diff(namespace["p"](4, knots)) / np.diff(knots)
    np.testing.assert_allclose(slopes, [-3, -1, 1, 3], atol=1e-12)
    np.testing.assert_allclose(slopes, np.diff(knots ** 2) / np.diff(knots), atol=1e-12)
    _, _, outgoing = namespace["weights"](4)
    np.testing.assert_allclose(np.cumsum(outgoing), slopes, atol=1e-12)


@pytest.mark.parametrize("n", UNITS)
def test_left_of_minus_2_p_n_is_flat_at_4_and_misses_by_96_at_minus_10_whatever_n(notebook, n):
    _, namespace, _ = notebook
    bias, switch_on, _ = namespace["weights"](n)
    left = np.linspace(-10, -2, 81)
    assert np.all(left[:, None] - switch_on[None, :] <= 0)             # every unit off
    np.testing.assert_allclose(namespace["p"](n, left), bias, atol=1e-12)
    assert 100 - namespace["p"](n, -10.0) == pytest.approx(96)


@pytest.mark.parametrize("n", UNITS)
def test_right_of_2_every_unit_is_on_and_p_n_rises_along_the_last_chord_with_slope_4_minus_delta(notebook, n):
    _, namespace, _ = notebook
    _, switch_on, _ = namespace["weights"](n)
    delta = 4 / n
    right = np.linspace(2, 10, 81)
    assert np.all(right[:, None] - switch_on[None, :] > 0)              # every unit on
    slopes = np.diff(namespace["p"](n, right)) / np.diff(right)
    np.testing.assert_allclose(slopes, 4 - delta, atol=1e-9)
    assert (2 - delta) + 2 == pytest.approx(4 - delta)                 # the slope of the chord on [2 - delta, 2]
    assert np.all(2 * right > 4 - delta)                               # x² is steeper, and ever more so


def test_outside_minus_2_2_p_n_goes_on_in_straight_lines_and_more_units_barely_help_at_10(notebook):
    """'On [−2, 2], four times as many units divide the error by 16. ... p_n(10) = 4 + 8(4 − δ) = 36 − 32/n.' The cell prints p_16 and p_64 at 10 and −10."""
    lang, namespace, printed = notebook
    p16 = lambda x: namespace["p"](16, x)
    for side in (np.linspace(-10, -2, 81), np.linspace(2, 10, 81)):
        assert np.max(np.abs(np.diff(p16(side), 2))) < 1e-9
    rows = block(printed, "far")
    far = [tuple(numbers(row)) for row in rows]                                      # n, x, p_n(x), miss
    assert far == [(16, 10.0, 34.0, 66.0), (16, -10.0, 4.0, 96.0), (64, 10.0, 35.5, 64.5), (64, -10.0, 4.0, 96.0)]
    assert rows[0] == {"en": "p₁₆(10)  = 34.0, misses x² by 66.0", "zh": "p₁₆(10)  = 34.0，与 x² 相差 66.0"}[lang]
    assert len({tuple(field_ends(row)[1:]) for row in rows}) == 1                   # aligned after the label
    assert max_error_on_interval(relu_interpolant_of_square(16), np.square) == pytest.approx(
        16 * max_error_on_interval(relu_interpolant_of_square(64), np.square), rel=1e-9)
    for n in UNITS + (32, 64, 128, 1024):
        delta = 4 / n
        _, switch_on, _ = namespace["weights"](n)                          # every unit's knot lies in [-2, 2]
        np.testing.assert_allclose(switch_on, -2 + delta * np.arange(n))
        assert np.all((switch_on >= -2) & (switch_on <= 2))
        assert namespace["p"](n, 2.0) == pytest.approx(4.0)
        assert namespace["p"](n, 10.0) == pytest.approx(4 + 8 * (4 - delta)) == pytest.approx(36 - 32 / n)
        assert namespace["p"](n, 10.0) < 36
        assert 100 - namespace["p"](n, 10.0) == pytest.approx(64 + 32 / n) and 100 - namespace["p"](n, 10.0) > 64
        slopes = np.diff(namespace["p"](n, np.array([2.0, 10.0]))) / 8
        assert slopes[0] == pytest.approx(4 - delta) and slopes[0] < 4     # steeper with n, never 4
        beyond = np.linspace(2, 10, 33)
        np.testing.assert_allclose(np.diff(namespace["p"](n, beyond)) / np.diff(beyond), 4 - delta, atol=1e-9)  # "all the way"
    from actsite.pages.page_pairs import CONTENT
    assert "steepens" not in (CONTENT["en"] / PAGE).read_text(encoding="utf-8")            # the slope is constant past 2
    assert "逐渐趋向" not in (CONTENT["zh"] / PAGE).read_text(encoding="utf-8")
    for lang, text in (("en", "$p_n(10) = 4 + 8(4 - \\delta) = 36 - 32/n$, a miss of $64 + 32/n$ that more units\n# bring only towards 64."),
                       ("zh", "$p_n(10) = 4 + 8(4 - \\delta) = 36 - 32/n$，与 $x^2$ 相差 $64 + 32/n$，单元再多也只能让它趋近 64。")):
        assert "误差为 $64" not in (CONTENT["zh"] / PAGE).read_text(encoding="utf-8")      # the printed word, 相差 (review final60, pc)
        assert text in (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    # beyond [-2, 2] p_n goes on in straight lines: the article says why (no kinks there) and gives p_16 at 10; the
    # notebook points to it for p_16 (review final55, pc: not a second copy of the article's sentence).  Review final65,
    # pc: the opening now says what the notebook checks, outside [-2, 2] included, so the pointer no longer restates
    # that p_n is straight there (the answer below the far cell says why, from the units)
    en = (CONTENT["en"] / PAGE).read_text(encoding="utf-8")
    assert ("# On $[-2, 2]$, four times as many units divide the error by 16. What do they do at $x = 10$, where\n"
            "# [the article](../blog/posts/why-nonlinear-activations.md#quadratic) gives the value of $p_{16}$?") in en
    # review final68, pc: "gives p16" was elliptical; it gives p16's value there, as the zh says
    assert "gives $p_{16}$?" not in en
    zh = (CONTENT["zh"] / PAGE).read_text(encoding="utf-8")
    assert ("那么在 $x = 10$ 处呢？[文章](../blog/posts/why-nonlinear-activations.md#quadratic)给出了 $p_{16}$ 在这里的值。\n") in zh
    assert "there are no more kinks" not in en and "之外再没有折点" not in zh
    article = (CONTENT["en"] / "blog/posts/why-nonlinear-activations.md").read_text(encoding="utf-8")
    assert "Outside $[-2, 2]$ there are no more kinks" in article and "a 16-unit $p_{16}$ gives 34" in article
    for lang, text in (("en", "$p_n(10) = 4 + 8(4 - \\delta) = 36 - 32/n$"),
                       ("zh", "$p_n(10) = 4 + 8(4 - \\delta) = 36 - 32/n$")):
        assert text in (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    # the answer to "What do they do at x = 10?": every unit is active there; what barely changes is the miss
    assert "# They barely help: right of 2 every unit is active, so $p_n$ continues" in en and "Almost nothing" not in en
    assert "# 几乎没有改善。在 2 右侧所有单元都开启" in zh
    for lang, text in (("en", "Left of −2 every unit is off, so $p_n = 4$ there whatever $n$."),
                       ("zh", "在 −2 左侧所有单元都关闭，无论 $n$ 多大，$p_n$ 都等于 4。")):
        assert text in (CONTENT[lang] / PAGE).read_text(encoding="utf-8")


def test_try_this_names_the_cell_to_change_and_no_sentence_serves_the_build():
    from actsite.pages.page_pairs import CONTENT
    en, zh = ((CONTENT[lang] / PAGE).read_text(encoding="utf-8") for lang in ("en", "zh"))
    assert "change\n# `(16, 64)` to `(10,)` in the cell that printed $p_{64}(10)$ and rerun it." in en
    assert "再把打印 $p_{64}(10)$ 的那段代码里的 `(16, 64)` 改成 `(10,)`" in zh
    assert "for n in (16, 64):" in en and "cell above" not in en
    assert "site's figures" not in en and "本站插图" not in zh
    # the cell is preset to another n than the question's, and says which line to change
    assert ("change `n = 4` to `n = 5` in the cell below and rerun it (to run it, see [Rerun this](#rerun-this)), then to\n"
            "# `n = 10`.") in en
    assert "再把下面代码里的 `n = 4` 改成 `n = 5`，重新运行（运行方法见[亲手重跑](#rerun-this)），接着改成 `n = 10` 再运行一次。" in zh


@pytest.mark.parametrize("lang, prompt, spoiled", [
    ("en", "Guess $p_{64}(10)$", "before you run the cell"),
    ("zh", "先猜一猜 $p_{64}(10)$", "再运行下面的代码")])
def test_the_guess_before_the_far_cell_asks_only_what_a_reader_of_the_page_can_do(lang, prompt, spoiled):
    """Review final54 (pc): on the built page the output of the far cell is printed right below it, so the prompt
    asked the reader to guess before reading it, not before running the cell.  Review final74, pc2: even that cannot
    be honoured on the built page, where the output is already in view; the prompt is cut, and the question just
    above it ('What do they do at x = 10?') is what the cell answers."""
    from actsite.pages.page_pairs import CONTENT
    text = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    assert prompt not in text and spoiled not in text
    question = {"en": "What do they do at $x = 10$", "zh": "那么在 $x = 10$ 处呢？"}[lang]
    assert text.index(question) < text.index("for n in (16, 64):")


def test_try_this_cell_is_preset_to_n_4_and_the_folded_answer_gives_n_5_and_n_10(notebook):
    """The question is about n = 5 and n = 10; the cell as shipped runs n = 4 (0.250000, a row of the table above), so
    its printed output gives neither answer away (review final56, pc: preset to n = 5, it printed the answer to the
    question it asked).  The answer, folded in an 'Answer' note after the cell: n = 5 prints 0.160000 and n = 10 prints
    0.040000, 4/n² both times (the midpoints 0, and ±1, where the bound is reached, lie on the grid); with (10,) the far
    cell prints p₁₀(10) = 32.8 = 36 − 32/10, a miss of 67.2, and p₁₀(−10) = 4, a miss of 96.  The changes the text asks
    for print just that."""
    lang, namespace, printed = notebook
    assert block(printed, "try") == [{"en": "n = 4: largest error on [−2, 2] = 0.250000",
                                      "zh": "n = 4：在 [−2, 2] 上的最大误差 = 0.250000"}[lang]]
    assert namespace["n"] == 4 and f"{namespace['error']:.6f}" == f"{4 / 4 ** 2:.6f}"
    assert f"{4 / 4 ** 2:.6f}" in block(printed, "errors")[1]                     # already in the table: no spoiler
    code = cells(lang)
    try_cell = next(i for i, c in enumerate(code) if c.startswith("n = 4\n"))
    for n, shown in ((5, "0.160000"), (10, "0.040000")):
        asked = code[:try_cell] + [code[try_cell].replace("n = 4\n", f"n = {n}\n", 1)]
        ns_n, out_n = run_cells(asked)
        assert ns_n["n"] == n and out_n[-1] == {"en": f"n = {n}: largest error on [−2, 2] = {shown}",
                                                "zh": f"n = {n}：在 [−2, 2] 上的最大误差 = {shown}"}[lang]
        assert f"{4 / n ** 2:.6f}" == shown
    ns10 = ns_n
    mids = (relu_interpolant_of_square(10).knots[:-1] + relu_interpolant_of_square(10).knots[1:]) / 2
    assert np.any(np.isclose(mids, -1.0)) and np.any(np.isclose(mids, 1.0))
    assert np.isin([-1.0, 1.0], namespace["x"]).all()
    assert ns10["p"](10, 1.0) - 1.0 == pytest.approx(0.04)                        # the bound, reached on the grid
    p10 = lambda x: namespace["p"](10, x)
    left, right = abs(p10(-10.0) - 100), abs(p10(10.0) - 100)
    assert left == pytest.approx(96) and right == pytest.approx(67.2) and left > right
    assert p10(10.0) == pytest.approx(32.8) == pytest.approx(36 - 32 / 10)
    far_cell = next(i for i, c in enumerate(code) if "for n in (16, 64):" in c)
    changed = code[:far_cell] + [code[far_cell].replace("(16, 64)", "(10,)")]
    rows = run_cells(changed)[1][-2:]
    assert [numbers(row) for row in rows] == [[10, 10, 32.8, 67.2], [10, -10, 4, 96]]
    assert len({tuple(field_ends(row)[1:]) for row in rows}) == 1
    from actsite.pages.page_pairs import CONTENT
    text = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    folded = {"en": '# ??? note "Answer"\n#\n', "zh": '# ??? note "答案"\n#\n'}[lang]
    # review final71, pc: the answer no longer re-derives the article's 4/n² bound (checked for every n below)
    answer = {"en": "#     For $n = 5$ the cell prints 0.160000, and for $n = 10$ it prints 0.040000: $4/n^2$ both times, as the\n"
                    "#     article's bound predicts. The grid now holds only some of the midpoints, where the bound is reached: 0 for\n"
                    "#     $n = 5$, $\\pm 1$ for $n = 10$. The others lie within $1.3 \\times 10^{-5}$ of a grid point, and near a\n"
                    "#     midpoint the error falls only by the square of the distance, so even a grid holding no midpoint would print\n"
                    "#     the same six decimals: it would miss the bound by less than $2 \\times 10^{-10}$. With `(10,)` the other cell prints\n"
                    "#     $p_{10}(10) = 32.8$, which is $36 - 32/10$, a miss of 67.2; at −10, $p_{10}$ is 4, a miss of 96.",
              "zh": "#     $n = 5$ 时，代码打印 0.160000；$n = 10$ 时，打印 0.040000。两次都正是 $4/n^2$，与文章给出的上界一致。"
                    "误差在各段中点处达到上界，而网格这时只包含其中一部分中点：$n = 5$ 时只有 0，$n = 10$ 时只有 $\\pm 1$。"
                    "其余中点离最近的网格点都不到 $1.3 \\times 10^{-5}$，而在中点附近，误差只按距离的平方减小；"
                    "所以即使网格一个中点也不含，打印出的六位小数也不会变，离上界差不到 $2 \\times 10^{-10}$。改成 `(10,)` 之后，另一段代码打印 $p_{10}(10) = 32.8$，即 $36 - 32/10$，与 $x^2$ "
                    "相差 67.2；在 −10 处，$p_{10}$ 等于 4，相差 96。"}[lang]
    assert answer in text and text.index(answer) == text.index(folded) + len(folded)      # folded away until opened
    assert text.index("n = 4\nerror = ") < text.index(folded)                              # given after the cell
    assert text.count("0.040000") == 1 and text.count("0.160000") == 1 and text.count("32.8") == 1   # nowhere else
    assert "What the exercise tests" not in text and "真正要检验的" not in text   # review final80, pc: a promise the printout cannot keep
    assert "so it finds the largest error exactly" not in text and "所以仍能准确找到最大误差" not in text  # the reason is the grid
    # review final65, pc: "it finds the largest error exactly" -> "finds the point where the error is largest": the value
    # computed there for n = 5 is 0.15999999999999925, 4/25 only to rounding, so "exactly" claimed too much
    grid = namespace["x"]
    five = namespace["p"](5, grid) - grid ** 2
    assert float(np.max(np.abs(five))) != 4 / 25 and abs(float(np.max(np.abs(five))) - 4 / 25) < 1e-14
    assert grid[np.argmax(np.abs(five))] == 0.0                                            # the point: the midpoint 0
    assert "finds the largest error exactly" not in text and "准确找到最大误差" not in text


@pytest.mark.parametrize("n", UNITS)
def test_chord_gap_factorises_and_peaks_at_delta_squared_over_4_at_each_midpoint(n):
    """'Each chord lies above the parabola by at most δ²/4 = 4/n², at the midpoint of its piece (the
    article derives this by writing the gap on a piece as a product of two linear factors).'  The reminder says what
    the article derives (review final57, pc: 'factorises the gap' was cryptic), not a second copy of the
    factorisation; checked on every piece of p_n (which is the chord there): the gap is (x − a)(a + δ − x), a product
    of two linear factors, as the article writes it."""
    from actsite.pages.page_pairs import CONTENT
    p = relu_interpolant_of_square(n)
    delta = 4 / n
    for a in p.knots[:-1]:
        x = np.linspace(a, a + delta, 1001)
        gap = p(x) - x ** 2
        np.testing.assert_allclose(gap, (x - a) * (a + delta - x), atol=1e-12)
        assert np.all(gap >= -1e-12)                                       # the chord lies above
        assert x[np.argmax(gap)] == pytest.approx(a + delta / 2) and gap.max() == pytest.approx(delta ** 2 / 4)
    assert delta ** 2 / 4 == pytest.approx(4 / n ** 2)
    for lang, text in (("en", "# Each chord lies above the parabola by at most $\\delta^2/4 = 4/n^2$, at the midpoint of its piece\n"
                              "# ([the article](../blog/posts/why-nonlinear-activations.md#quadratic) derives this by writing the gap on a piece as a\n"
                              "# product of two linear factors)."),
                       ("zh", "每段弦都在抛物线上方，最多高出 $\\delta^2/4 = 4/n^2$，出现在该段的中点（[文章](../blog/posts/why-nonlinear-activations.md#quadratic)把这个差值写成两个因式之积，由此推出这一点）。")):
        page = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
        assert text in page and "(x - a)(a + \\delta - x)" not in page                # one home: the article
        article = (CONTENT[lang] / "blog/posts/why-nonlinear-activations.md").read_text(encoding="utf-8")
        assert "\\ell(x) - x^2 = (x - a)(a + \\delta - x)" in article                   # what the pointer says it derives


def test_the_largest_error_is_4_over_n_squared_for_every_n_not_only_the_two_tried(notebook):
    """The answer to Try this: '4/n² both times. Not only for these two: for every n the pieces have width δ = 4/n, and
    on each the chord lies above the parabola by at most δ²/4, at its midpoint, so the largest error is always
    δ²/4 = 4/n².'  Review final58 (pc): two examples did not show 'any n'; the answer now gives the argument, checked
    here on the notebook's own p_n for every n from 1 to 200: its n pieces all have width 4/n; on each piece the gap
    p_n − x² is never negative and peaks at the midpoint at δ²/4 (a fine grid per piece, midpoint included); so the
    largest error on [−2, 2] is 4/n², reached at every midpoint and nowhere exceeded.  A claim that failed for some n
    (say a wrong first weight) fails here."""
    lang, namespace, _ = notebook
    p = namespace["p"]
    for n in range(1, 201):
        _, starts, _ = namespace["weights"](n)
        delta = 4 / n
        knots = np.append(starts, 2.0)
        np.testing.assert_allclose(np.diff(knots), delta, rtol=1e-12)                   # n pieces, all of width 4/n
        pieces = knots[:-1, None] + delta * np.linspace(0, 1, 65)[None, :]              # 65 points per piece, midpoint = 33rd
        gap = p(n, pieces) - pieces ** 2
        assert gap.min() > -1e-12                                                       # the chord lies above
        np.testing.assert_allclose(gap.max(axis=1), delta ** 2 / 4, rtol=1e-9)          # each piece peaks at δ²/4 ...
        np.testing.assert_allclose(gap[:, 32], delta ** 2 / 4, rtol=1e-9)               # ... at its midpoint
        assert np.abs(gap).max() == pytest.approx(4 / n ** 2, rel=1e-9)                 # so the largest error is 4/n²
    from actsite.pages.page_pairs import CONTENT
    text = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    assert "holds for any $n$" not in text and "这个上界对任何 $n$ 都成立" not in text
    # review final71, pc: the argument is the article's; the answer no longer repeats it, this test checks it
    assert {"en": "for every $n$ the pieces have width $\\delta = 4/n$",
            "zh": "无论 $n$ 取多少，每段的宽度都是 $\\delta = 4/n$"}[lang] not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_opening_says_what_the_notebook_checks_and_the_table_is_read_as_printed(notebook, lang):
    """Review final65, pc: the opening described only the code, and the question came in the third markdown cell; it now
    says what the notebook checks: the largest error on [−2, 2] is 4/n² (the error table, every row 4.0000 after
    multiplying by n²), and outside [−2, 2] more units hardly help (p₁₆(10) = 34, p₆₄(10) = 35.5, misses of 66 and 64.5
    against x² = 100).  'Every row gives exactly 4' asked the reader to trust digits not shown; the prose reads the
    printed 4.0000."""
    _, namespace, printed = notebook
    from actsite.pages.page_pairs import CONTENT
    text = (CONTENT[lang] / PAGE).read_text(encoding="utf-8")
    opening = text.split("# %%\n")[0]
    said = {"en": "This notebook checks two things: that the largest\n# error of $p_n$ on $[-2, 2]$ is $4/n^2$, and that outside "
                  "$[-2, 2]$ more units hardly help.",
            "zh": "这个笔记本验证两件事：$p_n$ 在 $[-2, 2]$ 上的最大误差是 $4/n^2$；在 $[-2, 2]$ 之外，单元再多也几乎无济于事。"}[lang]
    assert said in opening
    x = namespace["x"]
    for n in (2, 4, 8, 16, 32, 64, 128):
        assert np.max(np.abs(namespace["p"](n, x) - x ** 2)) == pytest.approx(4 / n ** 2, rel=1e-12)
    misses = [100 - namespace["p"](n, 10.0) for n in (16, 64)]
    assert misses == [pytest.approx(66.0), pytest.approx(64.5)] and misses[1] > 0.6 * 100   # four times the units: 2% less
    assert all(row.endswith("4.0000") for row in block(printed, "errors"))
    table = {"en": "# Every row prints 4.0000 in the last column: the bound $4/n^2$ is reached at each midpoint",
             "zh": "# 每一行最后一列打印出的都是 4.0000：上界 $4/n^2$ 在每段的中点处取到"}[lang]
    assert table in text and "exactly 4 in the last column" not in text and "都恰好是 4" not in text
