"""The generated reference page: every registry entry, with ranges and properties derived from it."""
from __future__ import annotations

import re

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY as ACTIVATIONS
from lxml import html

from claim_helpers import page_text
from conftest import ROOT
from actsite.pages.html_table import math_cell
from actsite.figures.registry import FIGURES
from actsite.pages.reference_table import (MARKER, WORDS, decimal, expand, figure_caption, formulas_table,
                                           properties_table, property_notes, range_latex, sections_markdown,
                                           standard_normal_mean, tables_markdown)


GRID_FINE = np.linspace(-3, 3, 600_001)


def test_ranges_use_open_and_closed_bounds_correctly():
    assert range_latex(ACTIVATIONS["sigmoid"]) == "(0, 1)"
    assert range_latex(ACTIVATIONS["tanh"]) == "(-1, 1)"
    assert range_latex(ACTIVATIONS["relu"]) == r"[0, \infty)"
    assert range_latex(ACTIVATIONS["leaky_relu"]) == r"(-\infty, \infty)"
    assert range_latex(ACTIVATIONS["gelu"]) == r"[-0.1700, \infty)"        # attained at the minimum, four decimals
    assert range_latex(ACTIVATIONS["silu"]) == r"[-0.2785, \infty)"
    assert range_latex(ACTIVATIONS["mish"]) == r"[-0.3088, \infty)"
    assert range_latex(ACTIVATIONS["selu"]) == r"(-1.7581, \infty)"        # approached, never reached
    assert range_latex(ACTIVATIONS["hard_swish"]) == r"[-0.375, \infty)"   # exact values stay exact
    assert range_latex(ACTIVATIONS["hard_tanh"]) == "[-1, 1]"
    assert range_latex(ACTIVATIONS["elu"]) == r"(-1, \infty)"
    # a rounded bound keeps the bracket of the exact one (review final65, cb): the tanh form's minimum, -0.17004, is
    # reached and printed -0.1700, as the smooth-gates page prints it; the legend says what the bracket describes
    tanh_form = ACTIVATIONS["gelu_tanh"]
    assert range_latex(tanh_form) == r"[-0.1700, \infty)" and tanh_form.f(GRID_FINE).min() < -0.1700
    # review final68, cb: "not exact" was vague; the legend names the case, a bound with no short exact decimal form,
    # and its example, GELU's minimum, which the table rounds (hard swish's -0.375 is exact and stays as it is)
    gelu = ACTIVATIONS["gelu"]
    assert range_latex(gelu) == r"[-0.1700, \infty)" and abs(gelu.f(GRID_FINE).min() + 0.1700) > 1e-6
    for lang, said in (("en", "A bound with no short exact decimal form (GELU's minimum, for instance) is rounded to four decimal "
                              "places; the bracket says whether the exact bound is reached."),
                       ("zh", "没有简短精确小数形式的端点（如 GELU 的最小值）四舍五入到四位小数，括号表示的是精确端点能否取到。")):
        assert said in page_text("reference.md", lang), lang


@pytest.mark.parametrize("lang", sorted(WORDS))
@pytest.mark.parametrize("build", [formulas_table, properties_table])
def test_each_table_has_one_full_row_per_function(lang, build):
    table = html.fragment_fromstring(build(lang))
    width = len(table.xpath("thead/tr/th"))
    rows = table.xpath("tbody/tr")
    assert len(rows) == len(ACTIVATIONS)
    for row, act in zip(rows, ACTIVATIONS.values()):
        assert len(row.xpath("th|td")) == width
        assert row.xpath("th/a")[0].text == act.names[lang]
        assert row.xpath("th/a/@href") == [f"#{act.key.replace('_', '-')}"]


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_formulas_reach_their_cells_whole(lang):
    """A | (softsign's |x|) or < in a formula stays inside its maths span, as the registry wrote it."""
    table = html.fragment_fromstring(formulas_table(lang))
    for row, act in zip(table.xpath("tbody/tr"), ACTIVATIONS.values()):
        assert row.xpath("td[1]/span[@class='arithmatex']")[0].text == f"\\({act.latex}\\)"
    assert any(r"\lvert" in act.latex for act in ACTIVATIONS.values())   # softsign's |x|, which broke the Markdown table
    assert html.fragment_fromstring(math_cell("|a| < b & c")).text == "\\(|a| < b & c\\)"


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_every_column_is_defined(lang):
    """The page's "how to read the table" list defines every column the generated tables have."""
    defined = page_text("reference.md", lang)
    for column in ("formula", "range", "monotonic", "zero_centred", "saturating", "smoothness", "cost"):
        assert f"**{WORDS[lang][column]}**" in defined


def test_saturating_functions_have_a_vanishing_derivative_far_out():
    """The column definition: bounded on both sides, and f' tends to 0 as x -> +-infinity."""
    far = np.array([-1e3, 1e3])
    for act in ACTIVATIONS.values():
        bounded = bool(np.all(np.isfinite(act.output_range)))
        vanishing = bool(np.all(np.abs(act.df(far)) < 1e-6))
        assert act.saturating == (bounded and vanishing), act.key


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_marker_expands_into_sections_with_figures(lang):
    page = expand(f"intro\n\n{MARKER}\n", lang)
    assert MARKER not in page
    for act in ACTIVATIONS.values():
        assert f"{{ #{act.key.replace('_', '-')} }}" in page
        assert f"](figure:{act.key} " in page


def test_standard_normal_means():
    assert standard_normal_mean(ACTIVATIONS["relu"]) == pytest.approx(1 / np.sqrt(2 * np.pi), abs=1e-7)
    assert standard_normal_mean(ACTIVATIONS["sigmoid"]) == pytest.approx(0.5, abs=1e-12)
    assert standard_normal_mean(ACTIVATIONS["gelu"]) == pytest.approx(1 / (2 * np.sqrt(np.pi)), abs=1e-9)
    assert standard_normal_mean(ACTIVATIONS["selu"]) == pytest.approx(0.0, abs=1e-7)   # kink at 0: O(h²)


def test_a_bound_has_at_most_four_decimals_and_exact_ones_stay_exact():
    assert decimal(-0.16997120747990369) == "-0.1700" and decimal(-0.375) == "-0.375" and decimal(6.0) == "6"
    for act in ACTIVATIONS.values():
        for bound in re.findall(r"-?\d+(?:\.\d+)?", range_latex(act)):
            assert len(bound.partition(".")[2]) <= 4, (act.key, bound)


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_maxout_is_not_monotone_only_as_drawn_and_a_note_says_so(lang):
    table = html.fragment_fromstring(properties_table(lang))
    row = table.xpath(f"tbody/tr[th/a/@href='#maxout']")[0]
    assert row.xpath("td[1]/sup/a/@href") == ["#note-maxout-monotonic"]
    assert not ACTIVATIONS["maxout"].monotonic
    x = np.linspace(-3, 3, 601)
    assert np.allclose(ACTIVATIONS["maxout"].f(x), np.abs(x))               # the card's max(x, -x)
    learned = np.maximum.reduce([0.5 * x - 1, 2 * x + 1, 0.1 * x])          # three affine pieces, all rising
    assert np.all(np.diff(learned) >= 0) and np.all(np.diff(learned, 2) >= -1e-12)   # monotone and convex
    assert 'id="note-maxout-monotonic"' in property_notes(lang) and "|x|" in property_notes(lang)
    # the term defined in the intro, 函数卡片, not a bare 卡片 (review final58, cb)
    assert {"en": "The Maxout row is the card&#x27;s two-piece case", "zh": "表中的 Maxout 是函数卡片上的两段情形"}[lang] in property_notes(lang)


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_each_figure_has_a_description_not_its_caption(lang):
    shown = re.findall(r'!\[([^\]]+)\]\(figure:([\w-]+) "([^"]+)"\)', sections_markdown(lang))
    assert len(shown) == len([key for key in ACTIVATIONS if key in FIGURES])
    for alt, key, caption in shown:
        assert alt != caption and len(alt) > 2 * len(caption), key
        assert caption == figure_caption(ACTIVATIONS[key], lang)
    if lang == "zh":
        assert figure_caption(ACTIVATIONS["softplus"], "zh") == "softplus 及其导数"
        assert figure_caption(ACTIVATIONS["gelu"], "zh") == "GELU（高斯误差线性单元）及其导数"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_classic_cards_take_the_description_of_the_article_that_shows_them(lang):
    """Sigmoid and Leaky ReLU are drawn in the articles that discuss them; the reference page reuses
    that description, whose numbers are those the plotters draw."""
    from claim_helpers import plotted
    from actsite.pages.reference_table import figure_alt
    sigmoid, leaky = plotted("sigmoid"), plotted("leaky_relu")
    assert float(sigmoid["df"].max()) == pytest.approx(0.25, abs=1e-6) and "1/4" in figure_alt("sigmoid", lang)
    assert f"{sigmoid['flat_edge']:.3f}" in figure_alt("sigmoid", lang)
    # the figure draws a = 0.01 (the slope left of zero) and carries no other number; the mean
    # output has its home in the zig-zag article, and the reference section beside the card gives it
    x, f = leaky["x"], leaky["f"]
    assert f[0] / x[0] == pytest.approx(0.01) and "0.01" in figure_alt("leaky_relu", lang)
    assert not re.search(r"0\.\d", figure_alt("leaky_relu", lang).replace("0.01", "").replace("0.1", ""))
    assert figure_alt("relu", lang)

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_prelu_is_shown_at_its_initial_slope_and_only_catalogue_functions_have_cards(lang):
    """The Formula bullet says PReLU's figure and mean use a = 0.25; the intro says only the
    catalogue's functions link to a card (the classic four have none)."""
    from actsite.pages.reference_table import CATALOGUE_PAGES, standard_normal_mean
    prelu = ACTIVATIONS["prelu"]
    assert [p.default for p in prelu.params] == [0.25]
    assert round(standard_normal_mean(prelu), 3) == round(0.75 / np.sqrt(2 * np.pi), 3) == 0.299
    text = page_text("reference.md", lang)
    assert ("$a = 0.25$" in text) and ("PReLU" in text.split("<!-- activation-reference -->")[0])
    sections = sections_markdown(lang)
    card_word = WORDS[lang]["card"]
    for key, act in ACTIVATIONS.items():
        section = sections.split(f"{{ #{key.replace('_', '-')} }}")[1].split("\n## ")[0]
        assert (card_word in section) == (act.family in CATALOGUE_PAGES), key
    assert {act.family for act in ACTIVATIONS.values()} - set(CATALOGUE_PAGES) == {"classic"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_section_links_to_where_the_site_discusses_the_function(lang):
    """The intro promises a link for every function: the catalogue card, or for the classic four
    (which have no card) the article section that derives and judges it; that section exists. The six
    carded functions an article also studies (review final31, cb) link to that article section too, and
    the intro names them."""
    from actsite.pages.reference_table import ARTICLE_HOMES, ARTICLE_SECTIONS, CATALOGUE_PAGES
    from actsite.pages.glossary import page_headings
    sections = sections_markdown(lang)
    article_word, also_word = WORDS[lang]["article"], WORDS[lang]["also"]
    assert set(ARTICLE_SECTIONS) == {"prelu", "rrelu", "maxout", "selu", "gelu", "silu"}
    for key, act in ACTIVATIONS.items():
        section = sections.split(f"{{ #{key.replace('_', '-')} }}")[1].split("\n## ")[0]
        if act.family in CATALOGUE_PAGES:
            assert f"{article_word}{WORDS[lang]['colon']}" not in section.replace(also_word, ""), key
            if key in ARTICLE_SECTIONS:
                page, _, anchor = ARTICLE_SECTIONS[key].partition("#")
                assert anchor in page_headings(lang, page)[1], (key, ARTICLE_SECTIONS[key])
                article = page_text(page, lang).split(f"{{ #{anchor} }}")[1].split("\n## ")[0]
                assert act.names["en"].split(" ")[0] in article, key          # the section studies the function
                assert f"{also_word}{WORDS[lang]['colon']}[" in section and f"]({ARTICLE_SECTIONS[key]})" in section, key
            else:
                assert also_word not in section, key
            continue
        page, _, anchor = ARTICLE_HOMES[key].partition("#")
        assert anchor in page_headings(lang, page)[1], (key, ARTICLE_HOMES[key])
        assert f"{article_word}{WORDS[lang]['colon']}[" in section and f"]({ARTICLE_HOMES[key]})" in section, key
    assert set(ARTICLE_HOMES) == {key for key, act in ACTIVATIONS.items() if act.family == "classic"}


def test_the_glossary_definition_of_tanh():
    """tanh(x) = (e^x − e^−x)/(e^x + e^−x) = 2σ(2x) − 1, onto (−1, 1), and zero-centred (odd)."""
    from actsite.pages.glossary import TERMS
    term = {t.key: t for t in TERMS}["tanh"]
    x = np.linspace(-20, 20, 4001)
    sigma = 1 / (1 + np.exp(-2 * x))
    assert np.allclose((np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x)), 2 * sigma - 1, atol=1e-12)
    assert np.allclose(np.tanh(x), 2 * sigma - 1, atol=1e-12) and np.allclose(np.tanh(-x), -np.tanh(x))
    assert round(standard_normal_mean(ACTIVATIONS["tanh"]), 12) == 0
    assert r"2\sigma(2x) - 1" in term.en_definition and "(-1, 1)" in term.en_definition and "zero-centred" in term.en_definition
    assert r"2\sigma(2x) - 1" in term.zh_definition and "零中心" in term.zh_definition


@pytest.mark.parametrize("key", sorted(ACTIVATIONS))
def test_a_derivative_shown_by_cases_leaves_out_the_kinks(key):
    """A C⁰ function has no derivative at a kink, so its cases use strict inequalities there
    (SELU: slope λα = 1.7581 from the left, λ = 1.0507 from the right, so "x < 0", not "x ≤ 0").
    Where a case boundary carries "≤" or "≥", the one-sided slopes must agree (ELU with α = 1)."""
    act = ACTIVATIONS[key]
    bounds = re.findall(r"x \\(le|ge) (-?\d+)", act.latex_prime)
    for _, at in bounds:
        x0, h = float(at), 1e-6
        left, right = act.df(np.array([x0 - h]))[0], act.df(np.array([x0 + h]))[0]
        assert abs(left - right) < 1e-4, (key, at, left, right)
    if act.smoothness == "C0":
        assert not bounds, key
    selu = ACTIVATIONS["selu"]
    assert selu.df(np.array([-1e-9]))[0] == pytest.approx(1.7581, abs=1e-4)
    assert selu.df(np.array([1e-9]))[0] == pytest.approx(1.0507, abs=1e-4)


def test_the_monotone_column_names_every_function_that_dips_below_zero():
    """"GELU (in both forms), SiLU, Mish and hard swish fall from 0 to a negative minimum before rising, so they are
    not": apart from the starred maxout, these are exactly the non-monotone rows, and each falls
    to a negative minimum at some x < 0 and rises from there on.  Review final65, cb: the bullet said they "dip below
    zero", which is not what breaks monotonicity (Leaky ReLU, ELU and SELU go below zero and are monotone); it now
    names the fall from 0, which is."""
    dipping = {key for key, act in ACTIVATIONS.items() if not act.monotonic and key != "maxout"}
    assert dipping == {"gelu", "gelu_tanh", "silu", "mish", "hard_swish"}
    x = np.linspace(-8, 8, 16001)
    for key in sorted(dipping):
        y = ACTIVATIONS[key].f(x)
        low = int(np.argmin(y))
        assert y[low] < 0 and x[low] < 0, key
        assert np.all(np.diff(y[:low + 1]) <= 1e-12) and np.all(np.diff(y[low:]) >= -1e-12), key
        far_left = float(ACTIVATIONS[key].f(np.array([-40.0]))[0])
        assert abs(far_left) < 1e-12 and far_left > y[low], key            # from 0 on the far left, down to the minimum
    below_yet_monotone = {key for key, act in ACTIVATIONS.items() if act.monotonic and act.f(x).min() < 0}
    assert {"leaky_relu", "elu", "selu"} <= below_yet_monotone              # going below zero alone breaks nothing
    for lang, words, old in (("en", "GELU (in both forms), SiLU, Mish and hard swish fall from 0 to a negative minimum before rising",
                              "dip below zero before rising"),
                             ("zh", "GELU（两种形式）、SiLU、Mish 和 hard swish 先从 0 下降到一个负的最小值，再上升，所以不单调",
                              "先降到零以下再上升")):
        assert words in page_text("reference.md", lang) and old not in page_text("reference.md", lang), lang


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rrelu_slope_is_named_as_pytorchs_test_time_slope(lang):
    """The Formula bullet: RReLU's ā = 11/48 is PyTorch's test-time slope (the mean of its default
    training range [1/8, 1/3]); Xu et al. (2015) fix a different one, 1/((3 + 8)/2) = 2/11."""
    from actsite.maths.catalogue import RRELU_BOUNDS, RRELU_EVAL_SLOPE
    rrelu = ACTIVATIONS["rrelu"]
    assert RRELU_BOUNDS == (1 / 8, 1 / 3) and RRELU_EVAL_SLOPE == pytest.approx(11 / 48, abs=1e-15)
    assert float(-rrelu.f(np.array([-1.0]))[0]) == pytest.approx(11 / 48, abs=1e-15)
    assert r"\tfrac{11}{48}" in rrelu.latex
    assert 1 / ((3 + 8) / 2) == pytest.approx(2 / 11) and round(2 / 11, 3) != round(11 / 48, 3)
    text = page_text("reference.md", lang)
    said = {"en": r"RReLU's slope $\bar a = 11/48$ is the one PyTorch uses at test time; Xu et al. (2015) draw and fix the slope differently",
            "zh": r"RReLU 的斜率 $\bar a = 11/48$ 是 PyTorch 测试时用的值；Xu 等人（2015）抽取和固定斜率的方式不同"}[lang]
    assert said in text and "(catalogue/rectifiers.md#rrelu)" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_rows_are_the_classic_four_and_the_catalogue_cards(lang):
    """The intro's rule: a function has a row if it is one of the articles' four or has a card (a section
    showing its card figure) on the rectifier, smooth-gate or hard-and-cheap page; squared ReLU, on the
    transformer-block page, has no card and so no row."""
    from actsite.pages.reference_table import CATALOGUE_PAGES
    content = ROOT / "docs" / lang / "content"
    cards = set()
    for page in CATALOGUE_PAGES.values():
        cards |= {name for name in re.findall(r"\]\(figure:(\w+)", (content / page).read_text(encoding="utf-8"))
                  if FIGURES[name].plotter.endswith(":draw_card")}
    classic = {key for key, act in ACTIVATIONS.items() if act.family == "classic"}
    assert len(classic) == 4 and set(ACTIVATIONS) == classic | cards
    block = (content / "catalogue" / "transformer-block.md").read_text(encoding="utf-8")
    assert "{ #squared-relu }" in block and "squared_relu" not in ACTIVATIONS and "relu2" not in ACTIVATIONS
    assert not [n for n in re.findall(r"\]\(figure:(\w+)", block) if FIGURES[n].plotter.endswith(":draw_card")]
    intro = (content / "reference.md").read_text(encoding="utf-8").split("\n## ")[0]
    # the four are the functions the articles run on, not the only ones they study (SELU, GELU, ...); not "classic",
    # which Leaky ReLU (2013) is not beside the sigmoid and tanh (review final54, cb)
    assert {"en": "The first four rows are the four functions that run through [the articles](blog/index.md)",
            "zh": "前四行是贯穿[各篇文章](blog/index.md)的四个函数"}[lang] in intro
    assert "classic functions" not in intro and "经典函数" not in intro
    # the second paragraph is the name links' one sentence and the explorer pointer: which carded functions also link to
    # an article is left to their sections, which show it (review final58, cb; a count of links before, review final39)
    navigation = intro.split("\n\n")[3].strip()
    assert navigation.startswith({"en": "Each function's name links to its section below, which gives", "zh": "点击函数名可跳到下方它的小节"}[lang])
    assert "leads to its section" not in navigation and "further down" not in navigation     # plain wording (review final60, cb)
    # review final69, cb: the paragraph now closes by announcing the gated and output tables
    assert navigation.endswith({"en": "use the [activation explorer](explorer.md). Two further pairs of tables, for [gated units and "
                                      "output layers](#gated-and-output), close the page.",
                                "zh": "请用[函数曲线探索器](explorer.md)。页末另有两组表，列出[门控单元和输出层函数](#gated-and-output)。"}[lang])
    assert navigation.count({"en": ". ", "zh": "。"}[lang]) == {"en": 2, "zh": 3}[lang], navigation     # three sentences (final69, cb)
    assert "also link to" not in intro and "还链接到" not in intro
    assert "Six of the rest" not in intro and "其中六个" not in intro
    # which table answers which question, in one plain sentence (reviews final41 and final55, cb)
    assert {"en": "the first table below gives its formula and range, and the second its properties: whether it is "
                  "monotone, zero-centred and saturating, how smooth it is and what it costs.",
            "zh": "下面第一张表给出它的公式和值域，第二张表给出它的性质：是否单调、是否零中心、是否饱和，有多平滑，"
                  "计算代价属于哪一类。"}[lang] in intro
    # titles in 书名号 listed one after another take no 顿号 between them (GB/T 15834-2011; review final55, cb)
    if lang == "zh":
        # a page named by its title is in 书名号 everywhere on the page, the column notes too (review final58, cb)
        whole = (content / "reference.md").read_text(encoding="utf-8")
        # (the Saturating note no longer links the page, which the intro already links: review final67, cb)
        assert "[《整流函数的变体》](catalogue/rectifiers.md)" in whole and "[整流函数的变体]" not in whole
        # one term for the output functions (输出层函数, review final58, cb); the third table, which also holds losses, is
        # captioned for both (review final60, cb: tested in test_the_output_tables_are_named_for_functions_and_losses)
        assert "第三张表给出输出层与损失函数中用到的各个函数及其出处" in whole
        assert "输出层常用的函数" not in whole and "输出函数" not in whole
        assert "》、[《" not in intro and "》、《" not in intro
        assert ("[《整流函数的变体》](catalogue/rectifiers.md)[《softplus 与平滑门控函数》](catalogue/smooth-gates.md)"
                "和[《低成本激活函数》](catalogue/hard-and-cheap.md)三页") in intro
    # the input is x on this page, as in every formula of the tables (review final55, cb)
    notes = (content / "reference.md").read_text(encoding="utf-8").split("{ #columns }")[1]
    assert {"en": "the input is a standard normal variable, $x \\sim \\mathcal{N}(0, 1)$.",
            "zh": "输入服从标准正态分布 $x \\sim \\mathcal{N}(0, 1)$ 时"}[lang] in notes
    assert "$z \\sim" not in notes
    from actsite.pages.reference_table import WORDS
    assert (WORDS[lang]["range"], WORDS[lang]["properties_caption"]) == {"en": ("Range", "Properties"), "zh": ("值域", "性质")}[lang]
    # Squared ReLU is a note under the property table, like the Maxout note (review final65, cb: it sat between the
    # reading key and the tables; before that it followed both legends, review final58, cb); the sentence is about the
    # function, its home and its properties, not about the table's design (review final56, cb)
    columns = (content / "reference.md").read_text(encoding="utf-8").split("{ #columns }")[1].split("<!-- activation-reference -->")[0]
    squared = {"en": "Squared ReLU, $\\max(0, x)^2$, which has no card, is discussed as a choice for the feed-forward block on "
                     "[the page on the transformer block](catalogue/transformer-block.md#squared-relu); ",
               "zh": "平方 ReLU，即 $\\max(0, x)^2$，没有函数卡片；[《Transformer 块内部》](catalogue/transformer-block.md#squared-relu)"
                     "一页把它作为前馈模块的一种选择来讨论。"}[lang]
    assert "Squared ReLU" not in columns and "平方 ReLU" not in columns
    generated = tables_markdown(lang)
    assert squared in generated and generated.index(squared) > generated.index('id="note-maxout-monotonic"')
    last_label = {"en": "so its label there is **Recommended by**.", "zh": "所以那里的标签是**推荐文献**。"}[lang]
    assert columns.rstrip().endswith(last_label)
    for table_talk in ("has no row", "In these columns", "would be", "不在表中", "按上面各列"):
        assert table_talk not in generated, table_talk
    assert "Squared ReLU" not in intro and "平方 ReLU" not in intro


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_squared_relu_has_the_properties_the_column_notes_give_it(lang):
    """max(0, x)^2: range [0, inf), monotone, mean 1/2 under N(0, 1), unbounded, C^1 (slope 2 max(0, x)
    is continuous; the second derivative jumps from 0 to 2 at the origin)."""
    from actsite.maths.gaussian import gaussian_expectation
    f = lambda x: np.maximum(0.0, x) ** 2                                      # noqa: E731
    x = np.linspace(-50, 50, 200001)
    assert f(x).min() == 0.0 and f(x).max() > 2000 and np.all(np.diff(f(x)) >= 0)
    assert gaussian_expectation(f) == pytest.approx(0.5, abs=1e-9)
    slope, h = lambda x: 2 * np.maximum(0.0, x), 1e-7                         # noqa: E731
    assert (f(h) - f(0)) / h == pytest.approx(slope(0), abs=1e-6) and abs(slope(h) - slope(-h)) < 1e-6
    assert (slope(h) - slope(0)) / h == pytest.approx(2) and (slope(0) - slope(-h)) / h == 0
    intro = tables_markdown(lang)                                              # the note under the property table
    assert {"en": "its range is $[0, \\infty)$, it is monotone, not zero-centred (its mean is 1/2), not saturating and $C^1$, "
                  "and it needs only comparisons and multiply-adds.",
            "zh": "。它的值域是 $[0, \\infty)$，单调，非零中心（均值为 1/2），不饱和，属于 $C^1$，只需比较与乘加。"}[lang] in intro
    # its cost class is the one of ReLU's row: a comparison, then one multiply
    assert ACTIVATIONS["relu"].cost == ACTIVATIONS["relu6"].cost


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_reading_key_lists_the_columns_apart_from_the_section_labels(lang):
    """Two lists under two lead-ins (review final56, cb): first the tables' columns, in the order of the tables' headers,
    then the labels of each function's section, in the order the sections use them."""
    from actsite.pages.reference_table import PROPERTY_COLUMNS, WORDS
    key = page_text("reference.md", lang).split("{ #columns }")[1].split("<!-- activation-reference -->")[0]
    blocks = [block.strip() for block in key.split("\n\n") if block.strip()]
    lists = [(blocks[i - 1], re.findall(r"^- \*\*(.+?)\*\*", block, re.M))
             for i, block in enumerate(blocks) if block.startswith("- **")]
    w = WORDS[lang]
    columns = [w["formula"], w["range"]] + [w[c] for c in PROPERTY_COLUMNS]
    labels = [w["first"], w["popular"]]
    assert lists == [({"en": "The columns of the two tables:", "zh": "两张表的各列："}[lang], columns),
                     ({"en": "The labels in each function's section, below the tables:",
                       "zh": "表格下方各函数小节中的标签："}[lang], labels)], lists
    # one honest label for the first line of every section, no second one for the hard sigmoid (review final57, cb)
    assert labels[0] == {"en": "Earliest source cited", "zh": "本页所引最早出处"}[lang]
    assert not any(hasattr(act, "first_label") for act in ACTIVATIONS.values())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_symbol_for_the_natural_log_and_the_library_rows_are_named(lang):
    """Every formula of the registries and every reader page writes the natural logarithm as log, never ln,
    and the Formula note says once that log is natural.
    The output rows whose source cell is a PyTorch function are exactly the four the intro names."""
    from actsite.maths.output_layers import OUTPUTS
    from actsite.pages.page_pairs import CONTENT
    ln = re.compile(r"\\ln(?![a-zA-Z])")
    formulas = [a.latex for a in ACTIVATIONS.values()] + [a.latex_prime for a in ACTIVATIONS.values()]
    formulas += [o.latex for o in OUTPUTS.values()]
    assert "\\log" in ACTIVATIONS["softplus"].latex and "\\log" in OUTPUTS["log_softmax"].latex
    assert not [f for f in formulas if f and ln.search(f)]
    pages = [p for p in CONTENT[lang].rglob("*") if p.suffix in (".md", ".py")]
    assert pages and not [p.name for p in pages if ln.search(p.read_text(encoding="utf-8"))]
    written = re.compile(r"(?<![A-Za-z\\])ln\s*[\d(]")                  # "ln 2" in a caption or alt text
    assert not [p.name for p in pages if written.search(p.read_text(encoding="utf-8"))]
    text = page_text("reference.md", lang)
    assert {"en": "$\\log$ is the natural logarithm, in these tables as everywhere on the site",
            "zh": "$\\log$ 在这些表里和全站各处都指自然对数"}[lang] in text
    library = {o.key for o in OUTPUTS.values() if not o.cited}
    assert library == {"log_softmax", "logsumexp", "cross_entropy", "log_sigmoid", "bce_with_logits"}
    # review final68, cb: "have no single originating paper" read as a note to an editor; the note says what they are
    assert {"en": "Log-softmax, log-sum-exp, cross-entropy, log-sigmoid and binary cross-entropy are standard constructions; "
                  "for them the column",
            "zh": "log-softmax、log-sum-exp、交叉熵、log-sigmoid 和二元交叉熵都是标准构造；对这几个函数，"}[lang] in text
    assert "originating paper" not in text and "首创论文" not in text
    # the opening names what each table shows instead of numbering questions (review final42, cb)
    assert "first three questions" not in text and "前三个问题" not in text and "第四个问题" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_phi_and_its_density_are_defined_on_the_page(lang):
    """GELU's derivative and GEGLU's partial use Φ and φ; the Formula bullet defines both."""
    from scipy.stats import norm
    from actsite.maths.gated import GATED
    x, h = np.linspace(-4, 4, 81), 1e-6
    numeric = (ACTIVATIONS["gelu"].f(x + h) - ACTIVATIONS["gelu"].f(x - h)) / (2 * h)
    np.testing.assert_allclose(numeric, norm.cdf(x) + x * norm.pdf(x), atol=1e-8)
    assert r"\varphi" in ACTIVATIONS["gelu"].latex_prime and r"\varphi" in GATED["geglu"].latex_db
    text = page_text("reference.md", lang)
    said = {"en": r"$\Phi$ and $\varphi$ are the standard normal distribution function and density (in GELU, GEGLU and their derivatives)",
            "zh": r"$\Phi$ 和 $\varphi$ 分别是标准正态分布的分布函数和概率密度函数（用于 GELU、GEGLU 及其导数）"}[lang]
    assert said in text.split("<!-- activation-reference -->")[0]


def test_gelu_is_credited_to_gpt_before_bert_as_the_model_table_shows():
    """GPT (Radford et al. 2018, §4.1) used GELU before BERT; the gated-units table says so."""
    from actsite.pages.bibliography import WORKS
    assert ACTIVATIONS["gelu"].popularised_by == ("radford2018", "devlin2019")
    assert WORKS["radford2018"].year <= WORKS["devlin2019"].year
    for lang in ("en", "zh"):
        models = page_text("catalogue/gated-units.md", lang)
        gpt = next(line for line in models.splitlines() if re.match(r"\| GPT[ （]", line))
        assert "GELU" in gpt and "§4.1" in gpt and "2018" in gpt


def test_the_stable_log_sigmoid_is_the_stable_bce_with_target_one_negated():
    from actsite.maths import output_layers as out
    x = np.linspace(-800, 800, 16_001)
    np.testing.assert_array_equal(out.log_sigmoid(x), -out.bce_with_logits(x, 1.0))
    assert out.OUTPUTS["log_sigmoid"].stable_latex == r"-\bigl(\max(-x, 0) + \log(1 + e^{-|x|})\bigr)"
    # a note of its own under the tables (review final65, cb: it closed the sentence that announced the four tables)
    for lang, said in (("en", "\n- The stable log-sigmoid is the stable binary cross-entropy with $y = 1$, negated.\n"),
                       ("zh", "\n- 稳定的 log-sigmoid 就是 $y = 1$ 时稳定的二元交叉熵取相反数。\n")):
        text = page_text("reference.md", lang)
        assert said in text and text.index(said) > text.index("<!-- gated-reference -->"), lang


def test_the_output_functions_keep_the_names_the_output_layers_page_uses():
    """One zh name per function: log-softmax and log-sigmoid, as on catalogue/output-layers."""
    from actsite.maths import output_layers as out
    assert out.OUTPUTS["log_softmax"].names["zh"] == "log-softmax" and out.OUTPUTS["log_sigmoid"].names["zh"] == "log-sigmoid"
    page = page_text("catalogue/output-layers.md", "zh")
    assert "log-softmax" in page and "对数 softmax" not in page


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_elu_and_selu_saturate_on_one_side_only_and_the_column_says_no(lang):
    """The Saturating column is two-sided (as "saturating" unqualified is, site-wide).  Every "no" is either one-sided
    (levels off on the negative side only) or levels off nowhere, and the bullet names each.
    review final67, cb: the bullet named only ReLU, ELU and SELU as one-sided; it now names all nine, recomputed here."""
    one_sided, neither = [], []
    for key, act in ACTIVATIONS.items():
        if act.saturating:
            continue
        left, right = abs(act.df(np.array([-60.0]))[0]), act.df(np.array([60.0]))[0]
        assert right >= 1 and np.isinf(act.output_range[1]), key          # no "no" levels off on the positive side
        (one_sided if left < 1e-12 else neither).append(key)
    assert one_sided == ["relu", "elu", "selu", "softplus", "gelu", "gelu_tanh", "silu", "mish", "hard_swish"]
    assert neither == ["leaky_relu", "prelu", "rrelu", "maxout"]
    x = np.linspace(-50, -3, 1001)
    assert np.all(ACTIVATIONS["hard_swish"].df(x) == 0) and np.all(ACTIVATIONS["relu"].df(x) == 0)
    # review final68, cb: "from its kink on", "from -3 on" read as x >= 0, x >= -3; the bullet gives the inequalities, and
    # the functions are constant exactly there (endpoints included) and not beyond
    assert np.all(ACTIVATIONS["hard_swish"].f(x) == 0) and np.all(ACTIVATIONS["relu"].f(np.linspace(-50, 0, 1001)) == 0)
    assert ACTIVATIONS["hard_swish"].f(np.array([-2.99]))[0] != 0 and ACTIVATIONS["relu"].f(np.array([0.01]))[0] != 0
    said = {"en": ('Of the functions marked "no", ReLU, ELU, SELU, softplus, GELU (in both forms), SiLU, Mish and hard swish '
                   "saturate on the negative side only (ReLU and hard swish are exactly "
                   "constant there, for $x \\le 0$ and $x \\le -3$ respectively). Leaky ReLU, PReLU, RReLU and "
                   "Maxout level off on neither side."),
            "zh": ("记为“否”的函数中，ReLU、ELU、SELU、softplus、GELU（两种形式）、SiLU、Mish 和 hard swish 只在负半轴一侧饱和"
                   "（ReLU 在 $x \\le 0$、hard swish 在 $x \\le -3$ 时恰为常数）。"
                   "Leaky ReLU、PReLU、RReLU 和 Maxout 在哪一侧都不饱和。")}[lang]
    text = page_text("reference.md", lang)
    assert said in text
    # review final78, cb: the bullet links "saturates" to its home instead of restating the definition
    assert "why-nonlinear-activations.md#saturation" in text.split("**Saturating**" if lang == "en" else "**饱和**")[1].split("\n")[0]
    assert "bounded on both sides and its slope tends to zero" not in text and "斜率都趋于零的" not in text
    for key in one_sided + neither:                       # every "no" is named in the bullet
        name = ACTIVATIONS["gelu" if key == "gelu_tanh" else key].names["en"].split(" (")[0].split(" / ")[0]
        assert name.lower() in said.lower(), key
    rows = html.fragment_fromstring(properties_table(lang)).xpath("tbody/tr")
    column = 1 + list(("monotonic", "zero_centred", "saturating", "smoothness", "cost")).index("saturating")
    for row in rows:
        key = row.xpath("th/a/@href")[0][1:].replace("-", "_")
        if key in one_sided + neither:
            assert row.xpath("th|td")[column].text_content() == WORDS[lang]["no"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_earliest_source_label_claims_no_first_use_and_the_hard_sigmoid_names_theanos_slope(lang):
    """Theano's hard_sigmoid is clip(0.2x + 0.5, 0, 1) (catalogue/hard-and-cheap), the site's x/6 + 1/2.  review final72,
    cb: the zh scope after Howard et al. (2019) reads 该文用的正是本站所取的斜率为 1/6 的形式."""
    from actsite.maths.catalogue import hard_sigmoid
    x = np.linspace(-2, 2, 41)
    np.testing.assert_allclose(np.gradient(hard_sigmoid(x), x), 1 / 6, rtol=1e-9)
    assert abs(0.2 - 1 / 6) > 0.03
    cheap = page_text("catalogue/hard-and-cheap.md", "en")
    assert r"Theano (2013), Keras 2, `tf.keras` up to TensorFlow 2.15 | $\min(1, \max(0, 0.2x + 0.5))$" in cheap
    assert ACTIVATIONS["hard_sigmoid"].first_appeared == ("theano2013",)
    text = page_text("reference.md", lang)
    # the labels name works (papers and code releases), not persons: 文献, not 者 (review final60, cb); 推广 reads as
    # "generalised" in a mathematical text, so the label says what it means, 使之流行 (review final65, cb)
    assert WORDS["zh"]["popular"] == "使之流行的文献" and "者**" not in text and "推广" not in text
    # the honest label, without guessing at earlier uses nobody has cited (review final55, cb)
    assert "others may have" not in text and "可能早有人" not in text and "obvious stand-in" not in text
    # one label for every function, defined as what it is, not as a first appearance (review final57, cb)
    said = {"en": "- **Earliest source cited**: of the works this page cites, the earliest that defines the function, "
                  "sometimes with other constants. It does not say who used the function first,",
            "zh": "- **本页所引最早出处**：在本页引用的文献中，最早给出这个函数的一篇，常数可能与本站不同。它并不说明这个函数最早由谁使用；"}[lang]
    assert said in text
    for old in ("First appeared", "Earliest source cited here", "**最早出处**", "与最早出处不同"):
        assert old not in text and old not in sections_markdown(lang), old
    if lang == "zh":      # the label's definition does not restate the label (review final32, cb)
        assert "- **使之流行的文献**：只在与本页所引最早出处不同时列出。" in text
        assert "推广" not in sections_markdown(lang)
    else:
        assert "- **Popularised by**: where different from the earliest source cited, the work or works" in text
    # a 2013 code commit is the earliest source cited, not where a clipped-line sigmoid first appeared: the note that
    # says so is in the hard sigmoid's section, under the label every section uses (reviews final54 and final57, cb)
    section = sections_markdown(lang).split("{ #hard-sigmoid }")[1].split("\n## ")[0]
    first = {"en": "Earliest source cited: <a href=\"#ref-theano2013\">Theano developers (2013)</a>, a code commit "
                   "that defines it with slope 0.2, not 1/6",
             "zh": "本页所引最早出处：<a href=\"#ref-theano2013\">Theano 开发者（2013）</a>，这是一次代码提交，"
                   "其中定义的斜率是 0.2，而不是 1/6"}[lang]
    assert first in section, section
    assert "Theano" not in text.split("{ #columns }")[1].split("<!-- activation-reference -->")[0]
    # every section that cites an earliest source opens with that label; ReLU's source is the one the literature credits
    sections = sections_markdown(lang)
    cited = [key for key, act in ACTIVATIONS.items() if act.first_appeared]
    assert sections.count(f'\n{WORDS[lang]["first"]}{WORDS[lang]["colon"]}') == len(cited) == len(ACTIVATIONS) - 2
    assert f'{WORDS[lang]["first"]}{WORDS[lang]["colon"]}<a href="#ref-fukushima1969">' in \
        sections.split("{ #relu }")[1].split("\n## ")[0]
    # the sigmoid and tanh cite no earliest source, so their sections have no such line (review final66, cb: "not given"
    # read as a form left blank); the reading key says why they name only the works that made them standard
    for key in ("sigmoid", "tanh"):
        assert not ACTIVATIONS[key].first_appeared
        section = sections.split(f"{{ #{key} }}")[1].split("\n## ")[0]
        assert WORDS[lang]["first"] not in section, key
    assert "unpinned" not in WORDS[lang] and "not given" not in sections and "不列" not in sections
    assert {"en": "The sigmoid and tanh are classical functions, older than neural networks, so their sections name only the "
                  "works that made them standard activations.",
            "zh": "sigmoid 和 tanh 是比神经网络古老得多的经典函数，所以它们的小节只列出让它们成为常用激活函数的文献。"}[lang] in text
    columns = text.split("{ #columns }")[1].split("<!-- activation-reference -->")[0]
    bullets = [line for line in columns.splitlines() if line.startswith("- **")]
    labels = {"en": ("**Earliest source cited**", "**Popularised by**"),
              "zh": ("**本页所引最早出处**", "**使之流行的文献**")}[lang]
    for label in labels:                     # each label opens its own bullet and is defined nowhere else
        assert sum(line.startswith(f"- {label}") for line in bullets) == 1 and columns.count(label) == 1, label
    assert {"en": "**Recommended by**", "zh": "**推荐文献**"}[lang] in columns
    # MobileNetV3 popularised the 1/6-slope form; the 0.2-slope one was in use before it (review final34, cb)
    section = sections_markdown(lang).split("{ #hard-sigmoid }")[1].split("\n## ")[0]
    scope = {"en": "Howard et al. (2019)</a>, in the 1/6-slope form used here",
             "zh": "，该文用的正是本站所取的斜率为 1/6 的形式"}[lang]
    assert scope in section, section
    # review final72, cb: the zh gloss on the citation read 流行开来的是…, awkward after a work's name
    assert "流行开来" not in section
    # tanh and ReLU6 were in use before the works listed: the line says what each work did (review final36, cb)
    for key, anchor_id, said in (("tanh", "tanh", {"en": "Recommended by: <a href=\"#ref-lecun1998\">LeCun et al. (1998)</a>, which advises it, scaled, over the logistic sigmoid",
                                                   "zh": "，该文建议隐藏单元用缩放后的 tanh 而不用 sigmoid（逻辑斯谛函数）"}),
                                 ("relu6", "relu6", {"en": "Sandler et al. (2018)</a>, which chose it for its robustness in low-precision",   # final69, cb
                                                     "zh": "，该文给出了选用它的理由：在低精度计算中更稳健"})):
        assert ACTIVATIONS[key].popularised_by in (("lecun1998",), ("sandler2018",))
        section = sections_markdown(lang).split(f"{{ #{anchor_id} }}")[1].split("\n## ")[0]
        assert said[lang] in section, section
    # GELU: GPT's released code computes the tanh approximation, as gated-units' table says (review final37, cb)
    assert ACTIVATIONS["gelu"].popularised_by == ("radford2018", "devlin2019")
    section = sections_markdown(lang).split("{ #gelu }")[1].split("\n## ")[0]
    said = {"en": "whose models use GELU (GPT's released code computes it with the tanh approximation)",
            "zh": "，这两篇论文的模型都用 GELU（前者公开的代码用的是 tanh 近似）"}[lang]
    assert said in section, section
    assert ("tanh approximation" if lang == "en" else "tanh 近似") in page_text("catalogue/gated-units.md", lang)
    # the tanh form's populariser is two code releases, GPT's and GPT-2's, and the line says so (review final39, cb)
    from actsite.pages.bibliography import WORKS
    assert ACTIVATIONS["gelu_tanh"].popularised_by == ("openai2018", "openai2019")
    assert all(WORKS[w].venue.startswith("GitHub repository") for w in ACTIVATIONS["gelu_tanh"].popularised_by)
    assert [WORKS[w].link.split("/")[4] for w in ("openai2018", "openai2019")] == ["finetune-transformer-lm", "gpt-2"]
    section = sections_markdown(lang).split("{ #gelu-tanh }")[1].split("\n## ")[0]
    said = {"en": ", the released code of GPT and GPT-2, which computes GELU in this form",
            "zh": "，二者都是公开的模型代码，其中的 GELU 都按这个形式计算"}[lang]
    assert said in section, section
    # softsign: Glorot and Bengio studied it beside the sigmoid and tanh, which does not make them its popularisers,
    # so the section gives no "popularised by" line (review final43, cb); its card, linked from the section, tells the study
    assert ACTIVATIONS["softsign"].popularised_by == ()
    section = sections_markdown(lang).split("{ #softsign }")[1].split("\n## ")[0]
    assert {"en": "Popularised by", "zh": "使之流行的文献"}[lang] not in section and "Glorot" not in section, section
    assert "hard-and-cheap.md#softsign" in section, section
    card = {"en": "Glorot and Bengio (2010) compared it with the sigmoid and tanh in deep feed-forward networks",
            "zh": "Glorot 和 Bengio（2010）在深层前馈网络里把它与 sigmoid、tanh 放在一起比较"}[lang]
    assert card in page_text("catalogue/hard-and-cheap.md", lang)
    # RReLU's first written source is Xu et al., who say it was first used in the National Data Science Bowl (as rectifiers says)
    assert ACTIVATIONS["rrelu"].first_appeared == ("xu2015",)
    used_first = {"en": "Xu et al. (2015) say RReLU was first used in Kaggle's National Data Science Bowl.",
                  "zh": "据 Xu 等人（2015）所述，RReLU 最早出现在 Kaggle 竞赛 National Data Science Bowl 中。"}[lang]
    card = page_text("catalogue/rectifiers.md", lang)
    assert used_first in text and ("first used in Kaggle's National Data Science Bowl" in card if lang == "en"
                                   else "RReLU 最早出现在 Kaggle 竞赛" in card)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_mish_years_are_publication_years_and_its_preprint_came_first(lang):
    """Mish is dated 2020 (BMVC) as its bibliography entry, but its arXiv preprint (1908.08681, 2019) came
    before YOLOv4 (arXiv 2004.10934, 2020), which the section names as popularising it."""
    from actsite.pages.bibliography import WORKS
    assert ACTIVATIONS["mish"].first_appeared == ("misra2020",) and ACTIVATIONS["mish"].popularised_by == ("bochkovskiy2020",)
    misra, yolo = WORKS["misra2020"], WORKS["bochkovskiy2020"]
    assert misra.year == 2020 and "BMVC 2020" in misra.venue and misra.link.endswith("/1908.08681")   # arXiv YYMM: 2019-08
    assert yolo.year == 2020 and yolo.link.endswith("/2004.10934") and "1908" < "2004"
    text = page_text("reference.md", lang)
    said = {"en": "A year is that of the cited publication, which can be later than a preprint: Mish was on arXiv in 2019, "
                  "before YOLOv4 (2020) used it, and appeared at BMVC in 2020.",
            "zh": "所列年份是所引文献正式发表的年份，可能晚于预印本：Mish 在 2019 年已见于 arXiv，早于使用它的 YOLOv4（2020），"
                  "2020 年才在 BMVC 正式发表。"}[lang]
    assert said in text
    smooth = page_text("catalogue/smooth-gates.md", "en")
    assert "Misra (arXiv 2019, BMVC 2020)" in smooth


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_output_tables_are_named_for_functions_and_losses(lang):
    """The third and fourth generated tables list cross-entropy and binary cross-entropy, which are losses, beside
    softmax and log-sigmoid: their captions say "output layers and losses" and the first column is headed "Function",
    not "Output function", the site's name for softmax and sigmoid only (output-layers#last-layer; review final60, cb)."""
    from actsite.pages.gated_table import WORDS as GATED_WORDS
    from actsite.maths import output_layers as out
    words = GATED_WORDS[lang]
    assert words["output"] == {"en": "Function", "zh": "函数"}[lang]
    assert words["outputs_caption"] == {"en": "Output layers and losses", "zh": "输出层与损失函数"}[lang]
    assert words["stable_caption"] == {"en": "Output layers and losses: stable computation",
                                       "zh": "输出层与损失函数的数值稳定写法"}[lang]
    assert {"cross_entropy", "bce_with_logits"} <= set(out.OUTPUTS) and {"softmax", "log_sigmoid"} <= set(out.OUTPUTS)
    # the losses are what their names say: cross-entropy from logits is LSE(z) - z_y, binary cross-entropy from a logit
    # is -log sigma(x) for the target 1
    z = np.array([1.5, -0.5, 0.25])
    assert out.cross_entropy_with_logits(z, np.eye(3)[0]) == pytest.approx(out.logsumexp(z) - z[0], rel=1e-12)
    assert out.bce_with_logits(2.0, 1.0) == pytest.approx(-np.log(1 / (1 + np.exp(-2.0))), rel=1e-12)
    text = page_text("reference.md", lang)
    # two sentences for four tables (review final65, cb: one sentence announced them all and a side fact)
    assert {"en": "The first table below gives each unit's formula, its gate's limits and its source, and the second its two "
                  "partial derivatives. The third gives the functions that output layers and their losses compute, and the "
                  "fourth their numerically stable forms;",
            "zh": "第二张给出各单元的两个偏导数。第三张表给出输出层与损失函数中用到的各个函数及其出处"}[lang] in text
    assert "functions used in output layers" not in text and "第三张表给出输出层函数及其出处" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_softmax_row_does_not_credit_hinton_with_the_temperature(lang):
    """Hinton et al. (2015) used the temperature for distillation; the page says the form is older."""
    from actsite.maths import output_layers as out
    assert out.OUTPUTS["softmax"].cited == ("bridle1990", "hinton2015")
    text = page_text("reference.md", lang)
    # review final75, cb: "the temperature is older than neural networks" personified the parameter; the note says
    # where the idea comes from
    assert "The temperature is older" not in text and "温度比神经网络古老" not in text
    # review final80, cb: the note explained the citation at length; it now says in one line what Hinton et al. are
    # cited for, parallel to the bilinear note, and links to the temperature's home
    assert "statistical physics" not in text and "统计物理" not in text
    said = {"en": "In the softmax row, Hinton et al. (2015) is cited for distillation with a "
                  "[temperature](catalogue/output-layers.md#temperature), not as its origin.\n- In the bilinear unit's row, Mnih and Hinton (2007) is the origin Dauphin et al. (2017) attribute it to.",
            "zh": "softmax 一行引用 Hinton 等人（2015），是因为他们借助[温度](catalogue/output-layers.md#temperature)做知识蒸馏，温度并非由他们提出。"
                  "\n- 双线性单元一行的 Mnih 和 Hinton（2007）是 Dauphin 等人（2017）认定的出处。"}[lang]
    assert said in text
    # the Boltzmann reading has its home in output-layers#temperature, where the temperature is introduced; this note
    # points there and does not restate it (review final60, cb)
    assert "Boltzmann" not in text and "玻尔兹曼" not in text
    home = page_text("catalogue/output-layers.md", lang).split("{ #temperature }")[1].split("\n## ")[0]
    assert {"en": "The name comes from statistical physics: with the logits read as negative energies, $z_i = -E_i$, "
                  "softmax with a temperature is the Boltzmann distribution, $p_i \\propto e^{-E_i/T}$.",
            "zh": "“温度”一名借自统计物理：把 logit 看作能量的相反数，$z_i = -E_i$，带温度的 softmax 就是玻尔兹曼分布 "
                  "$p_i \\propto e^{-E_i/T}$。"}[lang] in home
    from actsite.maths import gated
    assert gated.GATED["bilinear"].cited[0] == "mnih2007"   # the row the hedge speaks of, first citation
    # the row is named with the site's term, bilinear unit / 双线性单元 (review final66, cb: "Bilinear (identity gate)")
    assert gated.GATED["bilinear"].names == {"en": "Bilinear unit (identity gate)", "zh": "双线性单元（恒等门）"}
    # Boltzmann: p_i proportional to exp(-E_i / T); with E = -z that is softmax(z / T)
    z, T = np.array([2.0, 1.0, 0.5, -1.0]), 2.0
    boltzmann = np.exp(-(-z) / T) / np.exp(-(-z) / T).sum()
    np.testing.assert_allclose(out.softmax(z, T), boltzmann, rtol=1e-12)


def _fractions(latex: str) -> list[tuple[str, str]]:
    """(numerator, denominator) of every \\frac{..}{..} and \\tfrac{..}{..} in a formula, braces matched."""
    def group(at: int) -> tuple[str, int]:
        assert latex[at] == "{", latex[at:]
        depth = 0
        for end in range(at, len(latex)):
            depth += {"{": 1, "}": -1}.get(latex[end], 0)
            if depth == 0:
                return latex[at + 1:end], end + 1
        raise ValueError(latex)
    found = []
    for match in re.finditer(r"\\t?frac(?=\{)", latex):
        numerator, after = group(match.end())
        denominator, _ = group(after)
        found.append((numerator, denominator))
    return found


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_cost_column_names_a_kind_of_operation_and_ranks_none_by_expense(lang):
    """Cost (review final57, cb): what a function needs besides comparisons and multiply-adds -- nothing, a division by a
    quantity that depends on x, an exponential (or log or tanh), an error function -- with no claim that one kind costs
    more than another; a function needing a division and an exponential (the sigmoid, 1/(1 + e^-x)) is listed under
    exponential.  Each row's class is read off its formula here: erf or Phi; else e^, log, tanh or sigma (sigma
    itself divides); else a fraction whose denominator contains x; else comparisons and multiply-adds only (x/6 is a
    multiplication by a constant)."""
    from actsite.pages.reference_table import WORDS
    for key, act in ACTIVATIONS.items():
        latex = act.latex
        needs_erf = r"\operatorname{erf}" in latex or r"\Phi" in latex
        needs_exp = any(s in latex for s in ("e^{", r"\log", r"\tanh", r"\sigma"))
        divides = r"\sigma" in latex or any("x" in re.sub(r"\\[A-Za-z]+", "", den) for _, den in _fractions(latex))
        expected = "erf" if needs_erf else "exp" if needs_exp else "division" if divides else "compare"
        assert act.cost == expected, (key, act.cost, expected)
    both = [key for key, act in ACTIVATIONS.items() if act.cost == "exp" and
            any("x" in re.sub(r"\\[A-Za-z]+", "", den) for _, den in _fractions(act.latex))]
    assert "sigmoid" in both
    assert ACTIVATIONS["softsign"].cost == "division" and ACTIVATIONS["hard_sigmoid"].cost == "compare"
    columns = page_text("reference.md", lang).split("{ #columns }")[1].split("<!-- activation-reference -->")[0]
    bullet = next(line for line in columns.splitlines() if line.startswith(f"- **{WORDS[lang]['cost']}**"))
    said = {"en": ('the kind of operation the function needs per element, under one of four labels: "comparisons and '
                   'multiply-adds" if it needs nothing else, "division" if it also divides by a quantity that depends on $x$, '
                   '"exponential" if it needs an exponential, a logarithm or a tanh, and "error function" if it needs the '
                   'error function.',
                   "A function that needs both a division and an exponential, as the sigmoid does, is listed under exponential."),
            "zh": ("每个元素需要哪类运算，分四类，各有一个标签：只需比较与乘加的，记为“比较与乘加”；还要除以一个随 $x$ 变化的量的，"
                   "记为“除法”；要算指数、对数或 tanh 的，记为“指数类”；要算误差函数的，记为“误差函数”。",
                   "既要除法又要指数的函数（如 sigmoid）归入指数类。")}[lang]
    for words in said:
        assert words in bullet, words
    # the legend names each kind by exactly the label the generated column prints (review final59, cb), and every
    # label is used by at least one row
    quote = {"en": '"{}"', "zh": "“{}”"}[lang]
    for kind in ("compare", "division", "exp", "erf"):
        assert quote.format(WORDS[lang][kind]) in bullet, kind
        assert any(act.cost == kind for act in ACTIVATIONS.values()), kind
    assert "nothing else, a division" not in bullet and "不需要别的运算；" not in bullet
    for ranking in ("most expensive", "costliest", "最费时", "档"):
        assert ranking not in bullet, ranking
    # the Chinese header is the catalogue's word for computational cost
    assert WORDS["zh"]["cost"] == "计算代价" and "开销" not in page_text("reference.md", "zh")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_works_listed_here_and_by_hand_on_the_catalogue_pages_read_alike(lang):
    """Review final66, cb: the same works were printed in two formats (the OpenAI code releases: "GitHub repository,
    train.py" here, "code released with GPT, file `train.py` ... GitHub" on gated-units) and Hinton's initials three ways
    ("G. E. Hinton" and "G. Hinton" on this one page).  Each work this page lists that a catalogue page also lists by hand
    reads the same on both, code names set as code, and Hinton is "G. E. Hinton" in every entry of these pages."""
    from actsite.pages.bibliography import WORKS, entry
    for path, keys in (("catalogue/gated-units.md", ("mnih2007", "openai2018", "openai2019", "dauphin2017", "shazeer2020")),
                       ("catalogue/output-layers.md", ("hinton2015", "bridle1990"))):
        listed = page_text(path, lang).split("{ #references }")[1]
        for key in keys:
            generated = re.sub(r"<[^>]+>", "", entry(key, lang).replace("<code>", "`").replace("</code>", "`"))
            by_hand = next(line for line in listed.splitlines() if WORKS[key].link in line)
            by_hand = re.sub(r"^\d+\. ", "", by_hand).replace("<", "").replace(">", "")
            assert by_hand == generated, (path, key, by_hand, generated)
    for path in ("catalogue/gated-units.md", "catalogue/output-layers.md"):
        assert "G. Hinton" not in page_text(path, lang)
    assert all("G. Hinton" not in work.authors for work in WORKS.values())
    assert "Hinton" in WORKS["mnih2007"].authors and "Hinton" in WORKS["hinton2015"].authors


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_intro_announces_the_gated_and_output_tables_at_the_end(lang):
    """review final69, cb: the gated-unit and output-layer tables sit after every per-function section, and the intro
    did not say they were there; it now links them before the first table."""
    text = page_text("reference.md", lang)
    said = {"en": "Two further pairs of tables, for [gated units and output layers](#gated-and-output), close the page.",
            "zh": "页末另有两组表，列出[门控单元和输出层函数](#gated-and-output)。"}[lang]
    assert said in text and text.index(said) < text.index("<!-- activation-reference -->") < text.index("{ #gated-and-output }")
    assert text.split("{ #gated-and-output }")[1].count("<!-- gated-reference -->") == 1
