"""Glossary definitions that must agree with the pages they summarise (review final23, cb)."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY
from actsite.pages import glossary
from actsite.pages.page_pairs import CONTENT

TERMS = {term.key: term for term in glossary.TERMS}


def test_token_has_an_entry_that_matches_its_gloss_on_the_pages():
    token = TERMS["token"]
    assert (token.en, token.zh) == ("token", "词元")
    assert "a word or a piece of a word" in token.en_definition and "一个词或词的一部分" in token.zh_definition
    page, _, anchor = token.home.partition("#")
    for lang, gloss in (("en", "*token* (a word or piece of a word in the input)"),
                        ("zh", "**词元**（token，输入文本中的一个词或词的一部分）")):
        assert gloss in (CONTENT[lang] / page).read_text(encoding="utf-8"), lang


def test_log_sum_exp_entry_is_the_stable_form_the_output_layers_page_derives():
    from actsite.maths import output_layers as out
    term = TERMS["log-sum-exp"]
    z = np.array([1000.0, 999.0, -5.0])
    m = z.max()
    assert out.logsumexp(z) == pytest.approx(m + np.log(np.exp(z - m).sum()), rel=1e-15)
    assert np.all(z - m <= 0)                                          # no exponential overflows
    for definition in (term.en_definition, term.zh_definition):
        assert r"m + \log \sum_j e^{z_j - m}" in definition
    assert term.home == "catalogue/output-layers.md#stability"


def test_smooth_gate_entry_defines_the_term_and_leaves_softplus_to_its_own_entry():
    """Softplus is on the Smooth gates page but is not x g(x): it is log 2, not 0, at x = 0.  The smooth-gate row
    defines the term and no longer describes the page's layout (review final57, cb); the softplus row says that it
    is not a smooth gate."""
    assert float(EVERY["softplus"].f(0.0)) == pytest.approx(np.log(2))
    term = TERMS["smooth-gate"]
    for definition in (term.en_definition, term.zh_definition):
        assert "softplus" not in definition.lower() and "page" not in definition and "一页" not in definition
    assert "A smooth gate is the whole function; the gate is only its factor $g$." in term.en_definition
    assert "平滑门控函数指整个函数，门只是其中的因子 $g$。" in term.zh_definition
    # the name is the site's own, as its home page says (review final59, ca): the Swish paper says "self-gated"
    assert term.en_definition.endswith("The name is this site's, not a standard term.")
    assert term.zh_definition.endswith("这个名称是本站的叫法，并非通用术语。")
    home = {lang: (CONTENT[lang] / term.home).read_text(encoding="utf-8") for lang in ("en", "zh")}
    assert "this site calls the whole function" in home["en"] and "本站把整个函数" in home["zh"]
    softplus = TERMS["softplus"]
    assert "not a smooth gate" in softplus.en_definition and "不是平滑门控函数" in softplus.zh_definition
    for lang in ("en", "zh"):
        assert "softplus" in (CONTENT[lang] / term.home).read_text(encoding="utf-8").split("\n## ")[0].lower()


def test_saturation_entry_agrees_with_the_reference_column_and_the_articles():
    """Two-sided unqualified; one-sided for ReLU and for every function that levels off on the negative side only.
    review final67, cb: the row named only ReLU, ELU and SELU as one-sided; it now names every such function of the
    registry (softplus, GELU, SiLU, Mish and hard swish too), and the list is recomputed here."""
    term = TERMS["saturation"]
    assert '"saturating" without qualification means both sides' in term.en_definition
    assert "指两侧都饱和" in term.zh_definition
    article = (CONTENT["en"] / "blog/posts/why-nonlinear-activations.md").read_text(encoding="utf-8")
    assert 'On this site, "saturating" without qualification means both sides' in article
    assert not EVERY["elu"].saturating and not EVERY["selu"].saturating and EVERY["sigmoid"].saturating
    # ReLU does not saturate, as the reference table's column says from the registry (saturating=False: unbounded above,
    # slope 1 there); its negative side is constant from the kink on, slope exactly 0, not only in the limit (final60)
    x = np.linspace(-50, -1e-9, 1001)
    assert np.all(EVERY["relu"].df(x) == 0) and np.all(EVERY["relu"].f(x) == 0)
    # review final68, cb: "from the kink on" read as the positive direction; the entry gives the inequality
    assert "ReLU saturates on the negative side only: it is constant for all $x < 0$, with slope exactly 0, " \
           "and a unit whose pre-activation lies there is off." in term.en_definition
    assert "ReLU 只在负半轴一侧饱和：它在 $x < 0$ 时恒为常数，斜率恰为 0，预激活值落在那里的单元是关闭的。" in term.zh_definition
    assert "kink on" not in term.en_definition and "从折点起" not in term.zh_definition
    # the one-sided functions besides ReLU, from the registry: not saturating, slope -> 0 on the left, unbounded on the
    # right with slope -> 1 (lambda for SELU)
    from actsite.maths.catalogue import SELU_LAMBDA
    one_sided = [key for key, act in EVERY.items() if key != "relu" and not act.saturating
                 and abs(act.df(np.array([-60.0]))[0]) < 1e-12 and np.isinf(act.output_range[1])]
    assert one_sided == ["elu", "selu", "softplus", "gelu", "gelu_tanh", "silu", "mish", "hard_swish"]
    for key in one_sided:
        far = EVERY[key].df(np.array([60.0]))[0]
        assert far == pytest.approx(SELU_LAMBDA if key == "selu" else 1.0), key
    listed = term.en_definition.split("slope exactly 0")[1]                       # after ReLU's sentence
    for key in one_sided:
        name = EVERY[key if key != "gelu_tanh" else "gelu"].names["en"].split(" (")[0].split(" / ")[0]
        assert name.lower() in listed.lower(), key
    assert "ELU, SELU, softplus, GELU, SiLU, Mish and hard swish also saturate on the negative side only." in term.en_definition
    assert "ELU、SELU、softplus、GELU、SiLU、Mish 和 hard swish 也只在负半轴一侧饱和。" in term.zh_definition
    assert "so none of these is saturating: each grows without bound on the positive side, with slope tending to 1 " \
           "(λ for SELU)." in term.en_definition
    assert "所以这些函数都不算饱和函数：它们在正半轴上无界，斜率趋于 1（SELU 趋于 λ）。" in term.zh_definition
    assert "extreme case" not in term.en_definition and "最极端" not in term.zh_definition


def test_the_tanh_form_is_a_variant_of_the_tanh_approximation():
    term = TERMS["gelu-tanh"]
    assert "tanh form" in term.avoid("en") and "tanh 形式" in term.avoid("zh")
    flagged = glossary.variant_pattern("tanh form")
    assert flagged.search("the tanh form is slower") and not flagged.search("the tanh formula of the next section")


def test_shape_parameter_gain_and_outlier_entries():
    shape = TERMS["shape-parameter"]
    assert r"Swish's $\beta$ (SiLU is $\beta = 1$)" in shape.en_definition
    assert r"Swish 的 $\beta$（SiLU 即 $\beta = 1$）" in shape.zh_definition
    assert "its fan-in" in TERMS["gain"].en_definition and "即一个单元的输入个数" in TERMS["gain"].zh_definition
    outlier = TERMS["outlier"]
    # the entry defines the term and links to its home; the 8-bit argument (int8 codes, E4M3's ratio of
    # 28,672) is made once, at low-precision#outliers, and tested there (review final41, cb)
    # values, not functions: "activation values", as the zh 激活值 (review final56, cb)
    assert outlier.en_definition == ("One of the few activation values in a tensor that are orders of magnitude larger than "
                                     "the rest; they squeeze the other values into few levels of an 8-bit format.")
    assert outlier.zh_definition == "张量中比其余值大出几个数量级的少数激活值；它们使其余的值在 8 位格式中只能分到很少几个可表示值。"
    assert outlier.home == "catalogue/low-precision.md#outliers"
    for words in ("28,672", "28672", "int8", "E4M3"):
        assert words not in outlier.en_definition + outlier.zh_definition, words
    # "few levels": scaled so that an outlier of 1000 fits E4M3 (largest 448), a thousand values 30,000 to
    # 300,000 times smaller share 8 of the format's values, as few as the values between 56 and 112 get
    import ml_dtypes
    levels = np.unique((np.linspace(0.0033, 0.033, 1000) * 448.0 / 1000.0).astype(ml_dtypes.float8_e4m3fn))
    assert len(levels) <= 8 and len(np.unique((np.linspace(1, 2, 1000) * 56.0).astype(ml_dtypes.float8_e4m3fn))) == 9


def test_no_build_terms_in_the_reader_glossary():
    assert "hash" not in TERMS
    assert all(not term.home.startswith("how-this-site-is-built") for term in glossary.TERMS)


def test_silu_entry_fixes_the_name_of_swish_at_beta_one():
    """SiLU is x sigma(x), the member beta = 1 of Swish's family x sigma(beta x) (Shazeer's Swish_1)."""
    x = np.linspace(-8, 8, 161)
    sigmoid = EVERY["sigmoid"].f
    np.testing.assert_allclose(EVERY["silu"].f(x), x * sigmoid(1.0 * x), rtol=1e-12, atol=1e-15)
    assert not np.allclose(x * sigmoid(2.0 * x), EVERY["silu"].f(x))          # other betas are not SiLU
    term = TERMS["silu"]
    assert term.home == "catalogue/smooth-gates.md#silu"
    # which paper: Shazeer (2020), the comparison of GLU variants the gated-units page quotes (review final48, cb)
    assert "SiLU its member $\\beta = 1$, which Shazeer (2020) writes $\\mathrm{Swish}_1$ in his comparison of GLU variants" in term.en_definition
    assert "SiLU 是其中 $\\beta = 1$ 的一员，Shazeer（2020）在 GLU 变体的比较中记作 $\\mathrm{Swish}_1$" in term.zh_definition
    assert "Swish" in (CONTENT["en"] / "catalogue/gated-units.md").read_text(encoding="utf-8").split("{ #shazeer-2020 }")[0]
    # the entry states the site's naming as the site practises it: the function is "SiLU / Swish" in the tables and
    # headings (its card, the reference table), Swish alone means the family (review final43, cb); review final66, cb:
    # the prose calls it SiLU, far more often than "SiLU / Swish", and the entry now says so
    assert ('This site calls the function SiLU (labelled "SiLU / Swish" in tables and headings) and says Swish alone only '
            'for the family.') in term.en_definition
    assert "本站称这个函数为 SiLU（表格和标题中标作“SiLU / Swish”），单说 Swish 时只指整个函数族。" in term.zh_definition
    assert "names the function \"SiLU / Swish\"" not in term.en_definition and "写作“SiLU / Swish”" not in term.zh_definition
    assert EVERY["silu"].names == {"en": "SiLU / Swish", "zh": "SiLU / Swish"}
    import re
    for lang in ("en", "zh"):
        assert "## SiLU / Swish { #silu }" in (CONTENT[lang] / "catalogue/smooth-gates.md").read_text(encoding="utf-8")
        prose = "\n".join(path.read_text(encoding="utf-8") for path in CONTENT[lang].rglob("*.md"))
        alone = len(re.findall(r"(?<![\w\\])SiLU(?! / Swish)(?!\w)", prose))
        labelled = prose.count("SiLU / Swish")
        assert alone > 3 * labelled > 0, (lang, alone, labelled)


def test_machine_epsilon_entry_gives_the_double_precision_value():
    assert np.finfo(np.float64).eps == 2.0 ** -52 and np.finfo(np.float32).eps == 2.0 ** -23
    assert np.finfo(np.float16).eps == 2.0 ** -10
    term = TERMS["machine-epsilon"]
    assert "$2^{-52}$ in float64" in term.en_definition and "float64 为 $2^{-52}$" in term.zh_definition


def test_the_zh_glossary_says_training_sample_not_point():
    """One zh term for a training example, 训练样本 (the usual Chinese term; review final47, cb), as the dead-unit, SGD and
    mini-batch rows use; never the earlier 训练点, and 样本 only inside that term."""
    for term in glossary.TERMS:
        assert "训练点" not in term.zh_definition and "样本" not in term.zh_definition.replace("训练样本", ""), term.key
    assert "由单个训练样本算出的更新" in TERMS["zig-zag"].zh_definition and "由单个训练样本算出的更新" in TERMS["sign-rule"].zh_definition


def test_gain_and_xavier_entries_say_what_the_initialisation_article_says():
    """The article works with the mean square (not the variance) and derives Xavier for activations
    that are symmetric with slope 1 at zero; ReLU halves the mean square, hence gain sqrt(2)."""
    z = np.random.default_rng(0).normal(size=1_000_000)
    assert np.mean(EVERY["relu"].f(z) ** 2) == pytest.approx(0.5, abs=2e-3)
    gain, xavier = TERMS["gain"], TERMS["xavier-initialisation"]
    assert "mean square" in gain.en_definition and "variance" not in gain.en_definition
    assert "均方" in gain.zh_definition and "方差" not in gain.zh_definition
    assert "symmetric and have slope 1 at zero" in xavier.en_definition and "nearly linear" not in xavier.en_definition
    assert "对称、零点斜率为 1 的激活函数" in xavier.zh_definition
    for lang, (square, slope) in (("en", ("mean square", "slope 1 at zero")), ("zh", ("均方", "零点斜率为 1"))):
        article = (CONTENT[lang] / "blog/posts/initialisation.md").read_text(encoding="utf-8")
        forward = article.split("{ #forward-recursion }")[1].split("\n## ")[0]
        xavier_section = article.split("{ #xavier }")[1].split("\n### ")[0]
        assert square in forward and slope in xavier_section, lang


def test_lecun_entry_says_what_the_rule_keeps_and_the_guide_links_its_first_use():
    """LeCun initialisation, 1/n_in (review final56, cb): a weighted sum's variance is then the mean square of the
    layer's inputs (zero-mean weights independent of the inputs); tanh acts almost as the identity near zero
    (tanh(x) = x - x^3/3 + ...); SELU's fixed point, standard normal pre-activations giving mean 0 and variance 1, is
    the one that scale keeps.  Written as the Xavier and He rows are, homed where the article states the three rules."""
    from actsite.maths.gaussian import gaussian_expectation
    rng = np.random.default_rng(3)
    n, trials = 400, 4000
    x = rng.normal(0.5, 1.2, size=n)                                      # one layer's inputs, not zero-mean
    w = rng.normal(0.0, np.sqrt(1.0 / n), size=(trials, n))
    assert np.var(w @ x) == pytest.approx(np.mean(x ** 2), rel=0.06)
    assert abs(np.var(rng.normal(0.0, np.sqrt(2.0 / n), size=(trials, n)) @ x) - np.mean(x ** 2)) > 0.5 * np.mean(x ** 2)
    small = np.linspace(-0.1, 0.1, 21)
    assert np.max(np.abs(EVERY["tanh"].f(small) - small)) < 4e-4
    mean = gaussian_expectation(lambda z: EVERY["selu"].f(z), 1.0)
    square = gaussian_expectation(lambda z: EVERY["selu"].f(z) ** 2, 1.0)
    assert abs(mean) < 1e-4 and square - mean ** 2 == pytest.approx(1.0, abs=1e-4)
    lecun, xavier, he = TERMS["lecun-initialisation"], TERMS["xavier-initialisation"], TERMS["he-initialisation"]
    assert (lecun.en, lecun.zh) == ("LeCun initialisation", "LeCun 初始化")
    assert lecun.home == xavier.home == he.home == "blog/posts/initialisation.md#three-rules"
    assert [t.key for t in glossary.TERMS].index("lecun-initialisation") + 1 == \
        [t.key for t in glossary.TERMS].index("xavier-initialisation")
    for term in (lecun, xavier, he):
        assert term.en_definition.startswith("Weights drawn with variance $\\sigma_w^2 = ")
        assert term.zh_definition.startswith("按方差 $\\sigma_w^2 = ")
    assert "$\\sigma_w^2 = 1/n_{\\text{in}}$, so that a weighted sum's variance equals the mean square of the layer's inputs" in lecun.en_definition
    # review final69, cb: the clause after the semicolon was a fragment; it is a sentence ("It suits activations that ...")
    assert ". It suits activations that act almost as the identity near zero, such as tanh, and SELU, whose fixed point " \
           "(mean 0, variance 1) assumes this scale." in lecun.en_definition
    assert "$\\sigma_w^2 = 1/n_{\\text{in}}$ 取权重，使加权和的方差等于这一层输入的均方" in lecun.zh_definition
    assert "（如 tanh），也是 SELU 的不动点（均值 0、方差 1）所要求的尺度" in lecun.zh_definition
    # the home states the rule: sigma_w^2 = 1/n, gain 1, for a tanh-like activation in its linear range
    for lang in ("en", "zh"):
        article = (CONTENT[lang] / "blog/posts/initialisation.md").read_text(encoding="utf-8")
        rules = article.split("{ #three-rules }")[1].split("\n## ")[0]
        assert "{ #lecun }" in rules and "$\\sigma_w^2 = 1/n$" in rules.split("{ #lecun }")[1].split("\n### ")[0], lang
        # the guide links the rule's first mention, with He and Xavier beside it, to the glossary
        guide = (CONTENT[lang] / "guide.md").read_text(encoding="utf-8").split("{ #guide }")[1]
        first = guide.index("LeCun")
        assert guide[first - 1:].startswith("[LeCun](glossary.md#lecun-initialisation)"), lang
        assert guide.count("glossary.md#lecun-initialisation") == 1, lang
        for key in ("he-initialisation", "xavier-initialisation"):
            assert guide.count(f"glossary.md#{key}") == 1, (lang, key)


def test_the_flat_region_has_one_entry_whose_home_derives_its_threshold():
    """One term for the inputs where the slope is below 0.01 (no separate 'tail' row), at the section
    that derives the thresholds."""
    assert "flat-tail" not in TERMS
    term = TERMS["flat-region"]
    assert term.home == "blog/posts/when-gradients-vanish.md#flat-tails"
    x = np.linspace(-10, 10, 200_001)
    for name, edge in (("sigmoid", 4.585), ("tanh", 2.993)):
        flat = np.abs(EVERY[name].df(x)) < 0.01
        assert np.all(flat[np.abs(x) > edge + 1e-3]) and not np.any(flat[np.abs(x) < edge - 1e-3]), name
    assert "below 0.01" in term.en_definition and "小于 0.01" in term.zh_definition
    # a definition only, without a note on how the playground displays it (review final59, cb)
    assert "playground" not in term.en_definition and "演练场" not in term.zh_definition
    for lang in ("en", "zh"):
        section = (CONTENT[lang] / "blog/posts/when-gradients-vanish.md").read_text(encoding="utf-8")
        assert "{ #flat-tails }" in section and "glossary.md#flat-region" in section


def test_machine_epsilon_rounding_sides_match_output_layers():
    """Just above 1 the spacing is ε, so 1 + δ rounds to 1 for δ up to ε/2 (the tie goes to even 1); that is
    output-layers' 2^-53 in float64. Just below 1 the spacing is ε/2, so the threshold there is ε/4."""
    from fractions import Fraction
    eps = 2.0 ** -52
    assert 1.0 + eps / 2 == 1.0 and 1.0 + eps / 2 * (1 + 2 ** -10) > 1.0
    assert float(Fraction(1) - Fraction(eps / 4)) == 1.0 and float(Fraction(1) - Fraction(eps / 4) * (1 + Fraction(1, 1024))) < 1.0
    entry = {t.key: t for t in glossary.TERMS}["machine-epsilon"]
    assert r"a number just above 1 rounds to 1 once it is within $\varepsilon/2$ of it" in entry.en_definition
    assert r"略大于 1 的数离 1 不超过 $\varepsilon/2$ 时就舍入成 1" in entry.zh_definition
    output_layers = (CONTENT["en"] / "catalogue" / "output-layers.md").read_text(encoding="utf-8")
    assert r"there $e^{-x}$ falls to $2^{-53}$, half the gap between 1 and the next larger float64 number." in output_layers
    assert r"That gap, $\varepsilon = 2^{-52}" in output_layers


def test_float64_entry_gives_the_format_numpy_uses():
    """float64: 1 sign, 11 exponent and 52 fraction bits, largest value about 1.8 x 10^308, NumPy's default."""
    info = np.finfo(np.float64)
    assert (info.nexp, info.nmant, 1 + info.nexp + info.nmant) == (11, 52, 64)
    assert f"{info.max:.1e}" == "1.8e+308" and np.array([0.5]).dtype == np.float64
    term = TERMS["float64"]
    assert "1 sign, 11 exponent and 52 fraction bits, largest value about $1.8 \\times 10^{308}$" in term.en_definition
    assert "1 位符号、11 位指数、52 位尾数，最大约 $1.8 \\times 10^{308}$" in term.zh_definition
    # the two formats are named alike: the format's name as the term, the precision as another name (review final41, cb);
    # low-precision uses "half precision" (NVIDIA's word), so it is given in the definition, not as "not used here"
    half = TERMS["half-precision"]
    assert (half.en, half.zh) == ("float16", "float16") and (term.en, term.zh) == ("float64", "float64")
    assert half.en_definition.startswith("The 16-bit floating-point format, also called half precision, with")
    assert half.zh_definition.startswith("16 位浮点格式，又称半精度：")
    assert "double precision" in term.also("en") and "双精度" in term.also("zh")
    assert (np.finfo(np.float16).nexp, np.finfo(np.float16).nmant, float(np.finfo(np.float16).max)) == (5, 10, 65504.0)


def test_gated_unit_terms_value_gate_input_hidden_width_and_log_perplexity_match_their_homes():
    """Rows for the terms gated-units defines and uses with numbers (review final30, cb): each row's home
    defines the term, and the definitions say what the page says."""
    from actsite.maths.gated import GATED
    for key, en, zh, home_words in (
            ("value", "value", "值", {"en": "Write $u$ for the *value*", "zh": "记 $u$ 为**值**"}),
            ("gate-input", "gate input", "门输入", {"en": "$v$ for the *gate input*", "zh": "$v$ 为**门输入**"}),
            ("hidden-width", "hidden width", "隐藏宽度", {"en": "hidden width $d_\\mathrm{ff}$", "zh": "$d_\\mathrm{ff}$ 为隐藏宽度"}),
            ("log-perplexity", "log-perplexity", "对数困惑度",
             {"en": "log-perplexity](../glossary.md#log-perplexity) on held-out data, the average negative log-probability the model assigns to each target token",
              "zh": "对数困惑度](../glossary.md#log-perplexity)，即模型给每个目标词元的概率取负对数后的平均值"})):
        term = TERMS[key]
        assert (term.en, term.zh) == (en, zh)
        page, _, anchor = term.home.partition("#")
        for lang in ("en", "zh"):
            text = (CONTENT[lang] / page).read_text(encoding="utf-8")
            section = text.split(f"{{ #{anchor} }}")[1].split("\n## ")[0]
            assert home_words[lang] in section, (key, lang)
    # the value passes multiplied by the gate, and so does its gradient: d(u g(v))/du = g(v)
    u, v, h = 0.7, -0.4, 1e-6
    for unit in GATED.values():
        assert (unit.f(u + h, v) - unit.f(u - h, v)) / (2 * h) == pytest.approx(unit.f(1.0, v), abs=1e-8)
    # T5 base: d = 768, d_ff = 4d = 3072 (the original Transformer's ratio)
    assert 4 * 768 == 3072 and "$4d$ in the original Transformer" in TERMS["hidden-width"].en_definition
    # a gated block has two projections into its hidden layer, so the rows do not speak of "two projections"
    # (review final41, cb): the gated block (g(xW) * xV) W2 has three matrices, two of them into the hidden layer
    assert ("in the hidden layer of a feed-forward block, between the projection into it (two for a gated unit) "
            "and the projection out") in TERMS["hidden-width"].en_definition
    assert "隐藏层夹在输入投影（门控单元有两个）与输出投影之间" in TERMS["hidden-width"].zh_definition
    assert "one projection up to a wider layer (two for a gated unit)" in TERMS["feed-forward-block"].en_definition
    assert "先用一次投影升维（门控单元用两次）" in TERMS["feed-forward-block"].zh_definition
    for term in (TERMS["hidden-width"], TERMS["feed-forward-block"]):
        assert "two projections" not in term.en_definition and "两次投影之间" not in term.zh_definition
    gated = (CONTENT["en"] / "catalogue/gated-units.md").read_text(encoding="utf-8")
    assert r"A gated block, $\bigl(g(xW) \odot xV\bigr)\,W_2$, has three." in gated
    # perplexity is the exponential of the log-perplexity (natural logarithm)
    p = np.array([0.5, 0.25, 0.125])
    assert np.exp(-np.log(p).mean()) == pytest.approx(1 / np.prod(p) ** (1 / 3))


def test_jacobian_entry_is_the_softmax_jacobian_of_output_layers():
    from actsite.maths import output_layers as out
    term = TERMS["jacobian"]
    assert term.home == "catalogue/output-layers.md#softmax"
    z, h = np.array([0.3, -1.2, 2.0]), 1e-6
    p = out.softmax(z)
    numeric = np.column_stack([(out.softmax(z + h * e) - out.softmax(z - h * e)) / (2 * h) for e in np.eye(3)])
    np.testing.assert_allclose(numeric, np.diag(p) - np.outer(p, p), atol=1e-9)      # J_ij = d p_i / d z_j
    for definition in (term.en_definition, term.zh_definition):
        assert r"J_{ij} = \partial p_i / \partial z_j" in definition and r"\mathrm{diag}(p) - p\,p^{\top}" in definition



def test_function_rows_point_to_their_catalogue_homes_and_their_formulas_hold():
    """GELU, ELU, SELU, Mish, softplus and log-softmax have rows (review final31, cb), each at the catalogue
    section that treats it; the intro says the formulas and properties are in the reference table."""
    from scipy.stats import norm
    from actsite.maths import output_layers as out
    homes = {"gelu": "catalogue/smooth-gates.md#gelu", "elu": "catalogue/rectifiers.md#elu",
             "selu": "catalogue/rectifiers.md#selu", "mish": "catalogue/smooth-gates.md#mish",
             "softplus": "catalogue/smooth-gates.md#softplus", "log-softmax": "catalogue/output-layers.md#stability"}
    for key, home in homes.items():
        assert TERMS[key].home == home, key
    x = np.linspace(-8, 8, 1601)
    np.testing.assert_allclose(EVERY["gelu"].f(x), x * norm.cdf(x), atol=1e-12)
    np.testing.assert_allclose(EVERY["elu"].f(x), np.where(x > 0, x, np.expm1(x)), atol=1e-12)      # alpha = 1
    assert EVERY["elu"].f(-50.0) == pytest.approx(-1.0) and "$\\alpha = 1$" in TERMS["elu"].en_definition
    lam, alpha = 1.0507009873554805, 1.6732632423543772
    np.testing.assert_allclose(EVERY["selu"].f(x), lam * np.where(x > 0, x, alpha * np.expm1(x)), rtol=1e-6)
    from actsite.maths.gaussian import gaussian_expectation
    assert gaussian_expectation(EVERY["selu"].f) == pytest.approx(0, abs=1e-4)
    assert gaussian_expectation(lambda v: EVERY["selu"].f(v) ** 2) == pytest.approx(1, abs=1e-4)
    assert "1.0507" in TERMS["selu"].en_definition and "1.6733" in TERMS["selu"].en_definition
    softplus = np.logaddexp(0, x)
    np.testing.assert_allclose(EVERY["mish"].f(x), x * np.tanh(softplus), atol=1e-12)
    np.testing.assert_allclose(EVERY["softplus"].f(x), softplus, atol=1e-12)
    assert np.all(softplus > 0)
    np.testing.assert_allclose(np.gradient(softplus, x)[1:-1], EVERY["sigmoid"].f(x)[1:-1], atol=1e-4)
    z = np.array([1000.0, 0.0, -5.0])
    np.testing.assert_allclose(out.log_softmax(z), z - out.logsumexp(z), rtol=1e-15)
    assert np.isfinite(out.log_softmax(z)).all()
    for lang, said in (("en", "the [reference table](reference.md) gives their formulas"),
                       ("zh", "[速查表](reference.md)给出它们的公式")):
        assert said in (CONTENT[lang] / "glossary.md").read_text(encoding="utf-8")


def test_smooth_gate_is_the_whole_function_and_gate_its_factor():
    assert "A smooth gate is the whole function; the gate is only its factor $g$" in TERMS["smooth-gate"].en_definition
    assert "平滑门控函数指整个函数，门只是其中的因子 $g$" in TERMS["smooth-gate"].zh_definition
    assert "not the whole function" in TERMS["gate"].en_definition and "不是整个函数" in TERMS["gate"].zh_definition
    assert TERMS["zero-centred"].en_definition.startswith("On this site,")
    assert TERMS["zero-centred"].zh_definition.startswith("本站指")


def test_the_feed_forward_block_home_is_the_section_that_defines_it():
    """The transformer-block page's section #block defines the block, italicised, with its formula
    FFN(h) = f(hW1) W2; gated units introduces it in a clause and links the term there, so the glossary's
    home is that section too (review final32, cb; review final65, tf: zh names the block as the subject, 前馈模块是…)."""
    term = TERMS["feed-forward-block"]
    page, _, anchor = term.home.partition("#")
    assert term.home == "catalogue/transformer-block.md#block"
    for lang, defined in (("en", "The *feed-forward block* is the two-layer network $\\mathrm{FFN}(h) = f(h W_1)\\,W_2$"),
                          ("zh", "用在**前馈模块**里。前馈模块是一个两层网络，$\\mathrm{FFN}(h) = f(h W_1)\\,W_2$")):
        section = (CONTENT[lang] / page).read_text(encoding="utf-8").split(f"{{ #{anchor} }}")[1].split("\n## ")[0]
        assert defined in section, lang
        gated = (CONTENT[lang] / "catalogue/gated-units.md").read_text(encoding="utf-8")
        assert "(transformer-block.md#block)" in gated.split("\n## ")[0], lang


def test_training_point_is_defined_in_its_home_section():
    """The glossary's home for "training point" defines it there, in the words of the entry."""
    term = TERMS["training-point"]
    assert "together with its target" in term.en_definition and "连同它的目标" in term.zh_definition
    page, _, anchor = term.home.partition("#")
    for lang, gloss in (("en", "one *training point* (one input of the training data, together with its target)"),
                        ("zh", "只有一个**训练样本**（训练数据中的一个输入，连同它的目标）")):
        text = (CONTENT[lang] / page).read_text(encoding="utf-8")
        section = text.split(f"{{ #{anchor} }}")[1].split("\n## ")[0]
        assert gloss in section, lang


def test_every_function_and_gated_unit_of_the_registry_has_an_entry_whose_home_resolves():
    """The glossary promises an entry for every activation function and gated unit the site discusses."""
    from actsite.maths.gated import GATED
    for key in [*EVERY, *GATED]:
        term = TERMS.get(key.replace("_", "-"))
        assert term is not None, key
        page, _, anchor = term.home.partition("#")
        for lang in ("en", "zh"):
            assert anchor in glossary.page_headings(lang, page)[1], (key, lang, term.home)
    # the promise is what this test checks: the reference table's rows (EVERY) and the gated units (GATED);
    # ranges and properties are tabulated for the one-input functions only (review final39, cb)
    for lang, promise in (("en", "Every activation function with a row in the reference table, and every gated unit, has an entry here"),
                          ("zh", "在速查表中占一行的每个激活函数，以及每个门控单元，在这里都有一条简短的释义")):
        assert promise in (CONTENT[lang] / "glossary.md").read_text(encoding="utf-8")
    for lang, scope in (("en", "gives their formulas, and the ranges and properties of the one-input functions"),
                        ("zh", "给出它们的公式，以及单输入函数的值域和性质")):
        assert scope in (CONTENT[lang] / "glossary.md").read_text(encoding="utf-8")
    from actsite.pages.reference_table import MARKER as ACTIVATION_TABLE
    assert ACTIVATION_TABLE in (CONTENT["en"] / "reference.md").read_text(encoding="utf-8")
    # the reference-table row says the same (review final67, cb: it gave ranges and properties to all three families):
    # the gated units' and output functions' tables have formulas but no range or property column
    from actsite.pages import gated_table, reference_table
    for lang in ("en", "zh"):
        headers = [gated_table.WORDS[lang][key] for _, _, columns in gated_table.layouts(lang) for key, _ in columns]
        assert gated_table.WORDS[lang]["formula"] in headers and gated_table.WORDS[lang]["definition"] in headers
        assert reference_table.WORDS[lang]["range"] not in headers
        assert not {reference_table.WORDS[lang][k] for k in ("monotonic", "saturating", "smoothness")} & set(headers)
    row = TERMS["reference-table"]
    assert row.en_definition.endswith("giving the formulas of its activation functions, gated units and output functions, "
                                      "and the ranges and properties of the one-input functions.")
    # review final68, cb: the 30-character attributive chain before 表格 is split: the noun first, then what it holds
    assert row.zh_definition == "本站的一页表格，汇总各激活函数、门控单元和输出层函数的公式，以及单输入函数的值域与性质。"
    # the gated units are one topic of their own, and kink and zero-centred sit with saturation
    topics = {en: [t.key for t in terms] for _, en, terms in glossary.groups()}
    # review final69, cb: element-wise is used for activations and kernels generally, so it sits with units and gradients
    assert topics["Units and gradients"][-1] == "element-wise"
    assert topics["Gated units"] == ["gate", "gated-unit", "value", "gate-input",
                                     *[k.replace("_", "-") for k in GATED], "gated-tanh-unit"]
    # LayerNorm's entry is headed by the name the English pages use (LayerNorm; "layer normalisation" appears only in
    # reference titles), with the full name shown as "also called"; the Chinese pages say 层归一化; the anchor stays
    # layer-norm, which the pages link (reviews final56, final57 and final60, cb)
    assert TERMS["layer-norm"].en == "LayerNorm" and TERMS["layer-norm"].zh == "层归一化"
    assert TERMS["layer-norm"].also("en") == ("layer normalisation", "layer norm")     # shown as "also called", "also spelled"
    import re
    prose = "\n".join(re.sub(r"^\d+\. .*$", "", path.read_text(encoding="utf-8"), flags=re.M)     # reference lists out
                      for path in CONTENT["en"].rglob("*.md"))
    assert "LayerNorm" in prose and not re.search(r"layer normali[sz]ation", prose, re.I)
    assert TERMS["batch-normalisation"].en == "batch normalisation"
    assert not TERMS["layer-norm"].en_definition.startswith("Short for")
    units = topics["Units and gradients"]
    assert units[units.index("saturation") + 1:units.index("saturation") + 3] == ["kink", "zero-centred"]
    # the new rows' formulas agree with the registry
    from actsite.maths.catalogue import RRELU_EVAL_SLOPE
    x = np.linspace(-8, 8, 1601)
    assert RRELU_EVAL_SLOPE == pytest.approx(11 / 48) and "$11/48$" in TERMS["rrelu"].en_definition
    np.testing.assert_allclose(EVERY["hard_sigmoid"].f(x), np.clip(x / 6 + 0.5, 0, 1), atol=1e-12)
    np.testing.assert_allclose(EVERY["hard_tanh"].f(x), np.clip(x, -1, 1), atol=1e-12)
    np.testing.assert_allclose(EVERY["softsign"].f(x), x / (1 + abs(x)), atol=1e-12)
    np.testing.assert_allclose(EVERY["relu6"].f(x), np.clip(x, 0, 6), atol=1e-12)
    np.testing.assert_allclose(EVERY["hard_swish"].f(x), x * np.clip(x + 3, 0, 6) / 6, atol=1e-12)
    np.testing.assert_allclose(EVERY["maxout"].f(x), np.maximum(x, -x), atol=1e-12)


def test_pre_activation_home_is_the_first_article_in_reading_order_and_defines_it():
    term = TERMS["pre-activation"]
    assert term.home == "blog/posts/why-nonlinear-activations.md#saturation"
    en = (CONTENT["en"] / "blog/posts/why-nonlinear-activations.md").read_text(encoding="utf-8")
    zh = (CONTENT["zh"] / "blog/posts/why-nonlinear-activations.md").read_text(encoding="utf-8")
    assert "(the weighted sum that enters the activation)" in en
    assert "（送入激活函数的加权和）" in zh


def test_card_is_defined_at_its_home_on_the_first_catalogue_page():
    """"card" is defined where the catalogue first uses it (rectifiers), in the words of the entry: solid function,
    dashed derivative, dotted reference curve, x from -5 to 5; the cards really use that x range."""
    from matplotlib.figure import Figure
    from actsite.figures import catalogue as card
    term = TERMS["card"]
    assert term.home == "catalogue/rectifiers.md#rectifiers"
    for lang, gloss in (("en", "Each function gets a *card*, a plot that shows the function solid, its derivative dashed"),
                        ("zh", "每个函数配一张**函数卡片**")):
        assert gloss in (CONTENT[lang] / "catalogue/rectifiers.md").read_text(encoding="utf-8"), lang
    colours = {k: "black" for k in ("muted", "accent", "second", "third", "text")}
    fig = Figure()
    card.draw_card("elu", fig, colours)
    assert fig.axes[0].get_xlim() == (-5.0, 5.0)
    # not every card: ReLU6's runs from -4 to 9, so the entry says "usually" (review final34, cb)
    fig = Figure()
    card.draw_card("relu6", fig, colours)
    assert fig.axes[0].get_xlim() == (-4.0, 9.0)
    assert "usually with $x$ from −5 to 5" in term.en_definition and "通常从 −5 到 5" in term.zh_definition
    # the exception is named, not left as "the range is chosen per function" (review final42, cb): ReLU6 is the
    # only card whose x range differs, and it runs to 9 so that the cap at 6 shows
    assert {k for k, (x_range, _) in card.VIEWS.items() if x_range != card.X_RANGE} == {"relu6"}
    # review final79, cb: the entry gives ReLU6's whole range, the left edge included, as draw_card sets it above
    assert "ReLU6's runs from −4 to 9, to show its cap at 6." in term.en_definition
    assert "ReLU6 的函数卡片从 −4 画到 9，以画出 6 处的上限。" in term.zh_definition   # the term itself, not bare 卡片 (review final58, cb)
    assert "chosen per function" not in term.en_definition and "范围按函数而定" not in term.zh_definition


def test_the_gated_tanh_unit_has_an_entry_at_the_section_that_discusses_it():
    """gated-units#gradient compares GLU with the gated tanh unit tanh(u) sigma(v); the glossary's promise of
    an entry for every gated unit the site discusses covers it (review final34, cb)."""
    term = TERMS["gated-tanh-unit"]
    assert term.home == "catalogue/gated-units.md#gradient"
    # review final78, cb: on the page the provenance sentence now follows the 0.0099 number
    for lang, said in (("en", "The gated tanh unit is the one van den Oord et al. (2016) used in their gated PixelCNN, "
                              "modelled on the gates of LSTMs (long short-term memory networks, recurrent networks whose sigmoid "
                              "gates decide what to keep)"),
                       ("zh", "门控 tanh 单元是 van den Oord 等人（2016）在门控 PixelCNN 中所用的门控方式，仿照的是 LSTM（长短期记忆网络，一种用 sigmoid 门决定保留哪些信息的循环网络）的门。")):
        text = (CONTENT[lang] / "catalogue/gated-units.md").read_text(encoding="utf-8")
        assert said in text.split("{ #gradient }")[1].split("\n## ")[0], lang
    assert "$\\tanh(u)\\,\\sigma(v)$" in term.en_definition and "$\\tanh(u)\\,\\sigma(v)$" in term.zh_definition
    # the unit is van den Oord et al.'s LSTM-style gating (PixelCNN), not the gating of an LSTM (review final43, cb)
    # review final66, cb: the gated PixelCNN, the cited paper's; the first PixelCNN used ReLU
    assert "The gating van den Oord et al. (2016) used in their gated PixelCNN, modelled on the gates of LSTM recurrent networks" in term.en_definition
    assert "van den Oord 等人（2016）在门控 PixelCNN 中仿照 LSTM 循环网络的门所用的门控方式" in term.zh_definition
    assert "used in LSTMs" not in term.en_definition and "LSTM 等循环网络所用" not in term.zh_definition
    # it is not a gated unit in the glossary's sense u g(v): tanh acts on the value first (review final60, cb)
    assert "the gated unit $\\tanh" not in term.en_definition and not term.zh_definition.startswith("门控单元")
    assert "applies tanh to the value before gating it" in term.en_definition and "先对值取 tanh，再乘以门" in term.zh_definition
    u, v = np.linspace(-2, 2, 9), 0.7
    assert not np.allclose(np.tanh(u) * (1 / (1 + np.exp(-v))), u * (1 / (1 + np.exp(-v))))


def test_rrelu_entry_defines_it_as_xu_et_al_do_and_names_pytorchs_slope_as_pytorchs():
    """Random slope in training, fixed at test: Xu et al. divide by d ~ U(3, 8), then by its mean 5.5 (slope
    2/11); 11/48 is PyTorch's test slope, the mean of U(1/8, 1/3) (review final35, cb)."""
    from fractions import Fraction
    from actsite.maths.catalogue import RRELU_BOUNDS, RRELU_EVAL_SLOPE
    term = TERMS["rrelu"]
    assert Fraction(1) / ((Fraction(3) + 8) / 2) == Fraction(2, 11)
    assert RRELU_EVAL_SLOPE == pytest.approx(float(Fraction(1, 2) * (Fraction(1, 8) + Fraction(1, 3))))
    assert RRELU_BOUNDS == (1 / 8, 1 / 3) and Fraction(11, 48) != Fraction(2, 11)
    en, zh = term.en_definition, term.zh_definition
    assert en.startswith("Leaky ReLU whose negative-side slope is random in training and fixed at test time.")
    # review final69, cb: the entry defines and gives the site's slope; Xu et al.'s draw is told on its home (rectifiers)
    assert "This site follows PyTorch, which draws the slope from $U(1/8, 1/3)$ and fixes it at its mean, $11/48$ (Xu et al.'s test slope is $2/11$)." in en
    assert zh.startswith("随机斜率 ReLU：负半轴斜率训练时随机、测试时固定的 Leaky ReLU。")
    assert r"（Xu 等人的测试斜率为 $2/11$）" in zh and "ml_dtypes" not in TERMS["overflow"].en_definition
    assert "本站按 PyTorch 的约定" in zh and "$11/48$" in zh
    # the rectifiers page, the entry's home, gives both conventions with these numbers
    home = (CONTENT["en"] / "catalogue/rectifiers.md").read_text(encoding="utf-8")
    assert "$d \\sim U(3, 8)$" in home and "$1/5.5 = 2/11 \\approx 0.182$" in home and "11/48" in home


def test_binary_cross_entropy_has_an_entry_homed_where_output_layers_defines_it():
    term = TERMS["binary-cross-entropy"]
    assert (term.en, term.zh) == ("binary cross-entropy", "二元交叉熵")
    # the entry links where the loss is defined and its gradient p - y motivated, #last-layer (review final65, cb; it
    # linked #stability, where only the logit form is derived, since review final38, cb)
    page, _, anchor = term.home.partition("#")
    assert term.home == "catalogue/output-layers.md#last-layer"
    for lang, said, logit_form in (("en", "the binary cross-entropy is $-y \\log p - (1 - y) \\log(1 - p)$",
                                    "Rewritten in the logit, the loss is $\\operatorname{softplus}(x) - x y$"),
                                   ("zh", "二元交叉熵是 $-y \\log p - (1 - y) \\log(1 - p)$",
                                    "改用 logit 来写，损失就是 $\\operatorname{softplus}(x) - x y$")):
        text = (CONTENT[lang] / page).read_text(encoding="utf-8")
        home = text.split(f"{{ #{anchor} }}")[1].split("\n## ")[0]
        assert said in home and "p - y" in home, lang
        assert logit_form in text.split("{ #stability }")[1].split("\n## ")[0], lang
    # review final80, cb: the row gave the logit form softplus(x) - x y, which its home (#last-layer) does not show; the
    # row now keeps only what #last-layer says (the loss and its gradient), and the logit form stays at #stability
    for definition in (term.en_definition, term.zh_definition):
        assert r"-y \log p - (1 - y) \log(1 - p)" in definition and "softplus" not in definition
        assert r"\sigma(x) - y" in definition
    # the entry's claims: softplus(x) - x y is the loss, and its slope is sigma(x) - y
    x, h = np.linspace(-8, 8, 33), 1e-6
    sig = 1 / (1 + np.exp(-x))
    for y in (0.0, 1.0):
        loss = lambda t: np.log1p(np.exp(t)) - t * y                           # noqa: E731
        np.testing.assert_allclose(loss(x), -y * np.log(sig) - (1 - y) * np.log(1 - sig), rtol=1e-9, atol=1e-12)
        np.testing.assert_allclose((loss(x + h) - loss(x - h)) / (2 * h), sig - y, atol=1e-8)


def test_gelu_tanh_entry_keeps_one_tense_and_the_smooth_gate_entry_names_no_page():
    # a one-line definition; the provenance chain (Choudhury, Page 1977) is told at its home, which the entry
    # links (review final43, cb; not which experiments used it, review final39, cb)
    term = TERMS["gelu-tanh"]
    # "faster" is the paper's offer, not a fact of every implementation (review final45, cb)
    assert term.en_definition.endswith(", an approximation of GELU that the paper introducing GELU offers as faster to compute.")
    assert term.zh_definition.endswith("：提出 GELU 的论文给出的近似公式，作者称其计算更快。")
    for definition in (term.en_definition, term.zh_definition):
        assert "Choudhury" not in definition and "Page" not in definition and "experiments" not in definition and "实验" not in definition
    assert term.home == "catalogue/smooth-gates.md#gelu-tanh"
    home = (CONTENT["en"] / "catalogue/smooth-gates.md").read_text(encoding="utf-8").split("{ #gelu-tanh }")[1].split("\n## ")[0]
    assert "Choudhury" in home and "Page's (1977)" in home
    # the smooth-gate entry defines the term; the page that covers it is the row's link, not a sentence of the
    # definition (review final57, cb; it once named the page by its title, review final43)
    smooth = TERMS["smooth-gate"]
    for lang, definition in (("en", smooth.en_definition), ("zh", smooth.zh_definition)):
        title = (CONTENT[lang] / smooth.home).read_text(encoding="utf-8").split("title: ")[1].split("\n")[0].strip('"')
        label = title.split("：")[0].split(":")[0]
        assert label not in definition and "《" not in definition, (lang, label)
    assert "Smooth gates page" not in smooth.en_definition


def test_step_function_entry_says_what_from_linear_to_nonlinear_says():
    """The glossary promises an entry for every activation the site discusses; the step function is
    discussed at from-linear-to-nonlinear#good-activation (review final38, cb)."""
    term = TERMS["step-function"]
    assert (term.en, term.zh) == ("step function", "阶跃函数")
    assert term.home == "blog/posts/from-linear-to-nonlinear.md#good-activation"
    for lang, said in (("en", "A step function fails: it is not continuous at its jump, and the derivative it has everywhere else is 0"),
                       ("zh", "阶跃函数就不满足：它在跳变点不连续，在其余各点的导数又恒为 0")):
        section = (CONTENT[lang] / "blog/posts/from-linear-to-nonlinear.md").read_text(encoding="utf-8")
        assert said in section.split("{ #good-activation }")[1].split("\n## ")[0], lang
    x = np.array([-3.0, -0.5, 0.5, 3.0])
    step = (x > 0).astype(float)
    assert step.tolist() == [0, 0, 1, 1] and np.all(np.gradient(step, x)[[0, -1]] == 0)
    assert "slope is 0 wherever it exists" in term.en_definition and "斜率在存在处都是 0" in term.zh_definition


def test_zh_entries_of_the_rectifiers_use_the_reference_tables_chinese_names():
    """One Chinese name per function: the glossary's zh definitions open with the gloss the reference
    table's zh name gives in brackets (review final38, cb)."""
    for key in ("selu", "rrelu", "leaky_relu", "prelu", "elu"):
        name = EVERY[key].names["zh"]
        gloss = name.split("（", 1)[1].rstrip("）")
        assert TERMS[key.replace("_", "-")].zh_definition.startswith(gloss + "："), (key, gloss)
    assert "缩放的 ELU" not in TERMS["selu"].zh_definition


def test_the_zh_headword_for_an_active_unit_is_a_clean_term():
    term = TERMS["active-unit"]
    assert term.zh == "开启" and "（" not in term.zh
    assert term.zh_definition.startswith("单元对某个输入的预激活值为正时，称它对这个输入开启")


def test_momentum_approaches_ten_times_and_the_condition_number_glosses_the_hessian():
    """Momentum 0.9 under a constant gradient: the update v <- 0.9 v + step approaches 10 steps but never reaches
    it, so the entry says 'grows towards' / '逐渐趋近'; the condition-number entry says what the Hessian is
    (review final42, cb).  Review final66, cb: the condition was "while the gradient keeps its direction", which is not
    enough: a gradient that keeps its direction but halves every step, g_t = 0.5^t, gives updates whose ratio to the
    step grows without bound; the limit 10 needs the gradient to stay the same."""
    update, updates = 0.0, []
    for _ in range(300):
        update = 0.9 * update + 1.0
        updates.append(update)
    assert all(u < 10 for u in updates) and updates[-1] == pytest.approx(10, rel=1e-9)
    update, ratios = 0.0, []
    for t in range(60):                                        # same direction, shrinking: no limit of 10
        step = 0.5 ** t
        update = 0.9 * update + step
        ratios.append(update / step)
    assert ratios[-1] > 1e10 and all(b > a for a, b in zip(ratios, ratios[1:]))
    momentum = TERMS["momentum"]
    assert "while the gradient stays the same, the update grows towards 1/(1 − 0.9) = 10 times the plain step" in momentum.en_definition
    assert "梯度保持不变时，更新量会逐渐趋近普通梯度步的 1/(1 − 0.9) = 10 倍" in momentum.zh_definition and "增大到" not in momentum.zh_definition
    assert "keeps its direction" not in momentum.en_definition and "方向" not in momentum.zh_definition
    kappa = TERMS["condition-number"]
    assert "the Hessian (the matrix of the loss's second derivatives with respect to the weights)" in kappa.en_definition
    assert "海森矩阵（损失对权重的二阶导数构成的矩阵）" in kappa.zh_definition


def test_only_glus_gate_stays_in_zero_one():
    """The gate entry: 'such a gate need not lie in (0, 1): of the two-input units on this site, only GLU and the gated
    tanh unit, both gated by a sigmoid, keep it there' (review final47, cb; the gated tanh unit, tanh(u) sigma(v), named
    since review final52, cb).  Review final65, cb: the entry said "only a sigmoid gate does", which is false of gates in
    general: Phi, GELU's gate, lies in (0, 1) and is no sigmoid; the claim now names the units it is about."""
    from actsite.maths.catalogue import normal_cdf
    from actsite.maths.gated import GATED
    v = np.linspace(-20, 20, 4001)
    u = np.ones_like(v)                                       # with u = 1 the unit's output is its gate g(v)
    inside = {key: bool(np.all((unit.f(u, v) > 0) & (unit.f(u, v) < 1))) for key, unit in GATED.items()}
    assert inside.pop("glu") is True and not any(inside.values()), inside
    sigmoid_gate = 1 / (1 + np.exp(-v))                       # the gated tanh unit's gate, sigma(v), as GLU's
    assert np.all((sigmoid_gate > 0) & (sigmoid_gate < 1)) and "\\sigma(v)" in TERMS["gated-tanh-unit"].en_definition
    # a gate in (0, 1) that is not a sigmoid: Phi, so "only a sigmoid gate does" would be false as a general statement
    phi = normal_cdf(np.linspace(-8, 8, 1601))
    assert np.all((phi > 0) & (phi < 1)) and np.max(np.abs(phi - 1 / (1 + np.exp(-np.linspace(-8, 8, 1601))))) > 0.05
    term = TERMS["gate"]
    # review final77, cb: the 60-word sentence is split after GELU(v)
    assert ("$\\mathrm{GELU}(v)$. A gate need not lie in $(0, 1)$. Of the two-input units on this site, only GLU and "
            "the gated tanh unit keep it there; both are gated by a sigmoid.") in term.en_definition
    assert "such a gate need not" not in term.en_definition
    assert "这样的门不一定落在 $(0, 1)$ 内：本站的双输入单元中，只有 GLU 和门控 tanh 单元的门落在其中，二者都以 sigmoid 为门。" in term.zh_definition
    assert "only a sigmoid gate does" not in term.en_definition and "只有 sigmoid 门如此" not in term.zh_definition


def test_element_wise_and_dropout_rows_point_to_where_the_terms_are_explained_and_the_twins_agree():
    """review final77, cb: "element-wise" was homed on gated-units, later than its first use and no explanation there; its
    home is the first article that uses it, where the chain rule multiplies the gradient element-wise by g'(z).  "dropout"
    was homed on a side remark; its home is smooth-gates #gelu, which says what dropout does (multiplies a unit by a
    random 0 or 1) because GELU is built from it.  The zh output-function row no longer says 总是 (the EN row does not say
    always), and the EN kernel row has the zh row's aside."""
    for key, home, words in (("element-wise", "blog/posts/why-nonlinear-activations.md#relu-caveats",
                              {"en": "element-wise, by the derivatives", "zh": "逐元素乘以导数"}),
                             ("dropout", "catalogue/smooth-gates.md#gelu",
                              {"en": "Dropout multiplies a unit by a random 0 or 1", "zh": "dropout"})):
        assert TERMS[key].home == home, key
        page, _, anchor = home.partition("#")
        for lang in ("en", "zh"):
            section = (CONTENT[lang] / page).read_text(encoding="utf-8").split(f"{{ #{anchor} }}")[1].split("\n## ")[0]
            assert words[lang] in section, (key, lang)
    assert "总是" not in TERMS["output-function"].zh_definition and "它要和损失函数一起选定" in TERMS["output-function"].zh_definition
    assert "(not an operating-system kernel)" in TERMS["kernel"].en_definition and "（不是操作系统内核）" in TERMS["kernel"].zh_definition


def test_an_explained_in_link_never_repeats_the_section_as_the_page():
    """The step-function row's home is the first section of an article: the link reads "page › section", with
    one short title for the article, not "What a good activation needs › What a good activation needs" (review
    final54, cb) nor the article's full title (review final55, cb); no row of either language reads "A › A"."""
    home = "blog/posts/from-linear-to-nonlinear.md#good-activation"
    assert TERMS["step-function"].home == home
    assert glossary.home_title("en", home) == "What a good activation needs › The properties to ask for"
    assert glossary.home_title("zh", home) == "好的激活函数需要什么 › 好的激活函数应具备哪些性质"
    for lang in ("en", "zh"):
        for term in glossary.TERMS:
            page, _, section = glossary.home_title(lang, term.home).partition(" › ")
            assert page.casefold() != section.casefold(), (lang, term.key)


def test_the_zh_glossary_names_a_stand_in_one_way_and_pairs_inactive_with_active_once():
    """"Stand-in" is 替身 throughout (review final54, cb), and the 开启 entry names the unit that is never 开启 and
    says what sets it apart from a dead one, for the reader, not as a note on English morphology (review final55, cb)."""
    zh = " ".join(term.zh_definition for term in glossary.TERMS)
    assert "替代" not in zh and zh.count("替身") >= 4
    for key in ("hard-sigmoid", "hard-tanh", "hard-swish", "hard-and-cheap"):
        assert "替身" in TERMS[key].zh_definition and "stand-in" in TERMS[key].en_definition, key
    active = TERMS["active-unit"].zh_definition
    assert "Leaky ReLU（以及 PReLU、RReLU）单元和批归一化之后的 ReLU 单元则称为始终关闭的单元：它从不开启，但仍能拿到梯度。" in active
    # one pair of words for the state, 开启 / 关闭: the unit that is never on is named with 关闭 (review final57, pc)
    inactive = TERMS["inactive-unit"]
    assert inactive.zh == "始终关闭的单元" and "不活跃单元" in inactive.avoid_zh and "关闭" in inactive.zh_definition
    assert not any("inactive" in term.zh_definition or "英文" in term.zh_definition for term in glossary.TERMS)
    # what the entry says of it holds: Leaky ReLU's slope on the negative side is a = 0.01, not zero
    from actsite.maths.catalogue import EVERY
    assert EVERY["leaky_relu"].df(-1.0) == pytest.approx(0.01) and EVERY["relu"].df(-1.0) == 0.0
    # review final66, ca: the rectifiers page calls PReLU and RReLU units inactive too; their negative slopes are not zero
    assert EVERY["prelu"].df(-1.0) > 0 and EVERY["rrelu"].df(-1.0) > 0
    assert "an inactive unit (Leaky ReLU, PReLU, RReLU, or ReLU after batch normalisation)" in TERMS["active-unit"].en_definition
    assert "PReLU" in inactive.en_definition and "PReLU" in inactive.zh_definition
    # review final77, pc: the dead-ReLU article also calls ReLU units after batch normalisation inactive (off on every
    # training point under whole-training-set statistics, possibly on in some mini-batches); the entry covers that use
    assert "after batch normalisation" in inactive.en_definition and "批归一化之后的 ReLU 单元" in inactive.zh_definition
    dead_relu = {lang: (CONTENT[lang] / "blog/posts/dead-relu-units.md").read_text(encoding="utf-8")
                 for lang in ("en", "zh")}
    assert "whole training set" in dead_relu["en"] and "inactive" in dead_relu["en"].split("{ #batchnorm-measured }")[1]
    # review final79, cb: the 开启/active row called every ReLU unit off on all training points dead, against the
    # inactive-unit row; now all three rows give a batch-normalised ReLU unit one name, inactive, and dead only plain ReLU
    dead, active_en = TERMS["dead-unit"], TERMS["active-unit"].en_definition
    assert "a dead unit (ReLU without batch normalisation)" in active_en and "未经批归一化的 ReLU 单元称为死亡单元" in active
    assert "without batch normalisation" in dead.en_definition and dead.zh_definition.startswith("未经批归一化")
    assert "a dead unit (ReLU)" not in active_en and "ReLU 的称为死亡单元" not in active
    # why the name differs: a unit off on every point under whole-set statistics can be on in a mini-batch, which
    # standardises on its own; one outlier among 15 equal values sits sqrt(15) ~ 3.87 standard deviations up
    rng = np.random.default_rng(0)
    z = rng.standard_normal(4000).clip(-2.9, 2.9)
    gamma, beta = 1.0, -3.0
    assert (gamma * (z - z.mean()) / z.std() + beta <= 0).all()          # off on every training point
    batch = np.r_[np.full(15, z[0]), z.max()]
    assert (gamma * (batch - batch.mean()) / batch.std() + beta > 0).any()   # yet on in this mini-batch


def test_site_terms_have_their_own_topic_and_explained_in_links_lead_to_the_explanation():
    """Review final65, cb: the "Activation functions" table filed three entries that are no activation functions (card,
    reference table, shape parameter), which now form "Using this site", while the family "hard and cheap functions"
    moved in among the activations; the site's coinages say so, as the smooth-gate entry does; zero-centred links where
    the site says why it matters (the zig-zag article), not the reference page's one-line definition; the zh universal
    approximation entry shows the full names a reader meets; the value is told apart from attention's value vectors."""
    topics = {en: [t.key for t in terms] for _, en, terms in glossary.groups()}
    assert topics["Using this site"] == ["shape-parameter", "card", "reference-table"]
    activations = topics["Activation functions"]
    assert "hard-and-cheap" in activations and activations.index("hard-and-cheap") < activations.index("hard-sigmoid")
    assert not {"card", "reference-table", "shape-parameter"} & set(activations)
    assert "hard-and-cheap" not in topics["Cheap and low-precision arithmetic"]
    for key in ("card", "hard-and-cheap", "smooth-gate"):
        assert "this site's" in TERMS[key].en_definition and "本站的叫法" in TERMS[key].zh_definition, key
    term = TERMS["zero-centred"]
    assert term.home == "blog/posts/neuron-gradients-zigzag.md#function-cards"
    for lang, word in (("en", "zero-centred"), ("zh", "零中心")):
        text = (CONTENT[lang] / "blog/posts/neuron-gradients-zigzag.md").read_text(encoding="utf-8")
        assert word in text.split("{ #function-cards }")[1].split("\n## ")[0], lang
    assert TERMS["universal-approximation"].also("zh") == ("通用逼近定理", "万能逼近定理", "普适逼近定理")
    assert "(not attention's value vectors)" in TERMS["value"].en_definition
    assert "（不是注意力机制中的值向量）" in TERMS["value"].zh_definition


def test_output_function_and_normaliser_have_entries_homed_where_output_layers_defines_them():
    """Review final66, cb: the glossary used "normaliser" (z-loss, log-sum-exp) and "output function" (reference table)
    without listing them, though output-layers defines both.  Each now has an entry, homed where the page defines it,
    and what the entry says holds: the normaliser is softmax's denominator and its logarithm the log-sum-exp."""
    from actsite.maths import output_layers as out
    for key, en, zh, page, defined in (
            ("output-function", "output function", "输出层函数", "catalogue/output-layers.md",
             {"en": "The function a network's last layer applies, its *output function*,",
              "zh": "网络最后一层所用的函数（称为输出层函数）"}),
            ("normaliser", "normaliser", "归一化因子", "catalogue/output-layers.md#softmax",
             {"en": "with $Z = \\sum_k e^{z_k}$, the *normaliser*,", "zh": "其中 $Z = \\sum_k e^{z_k}$ 即归一化因子；"})):   # Z, as in the z-loss entry (final69, cb)
        term = TERMS[key]
        assert (term.en, term.zh, term.home) == (en, zh, page), key
        path, _, anchor = page.partition("#")
        for lang in ("en", "zh"):
            text = (CONTENT[lang] / path).read_text(encoding="utf-8")
            section = text.split(f"{{ #{anchor} }}")[1].split("\n## ")[0] if anchor else text.split("\n## ")[0]
            assert defined[lang] in section, (key, lang)
    users = [t.key for t in glossary.TERMS if "normaliser" in t.en_definition]
    assert {"z-loss", "log-sum-exp"} <= set(users)
    assert "output functions" in TERMS["reference-table"].en_definition and "输出层函数" in TERMS["reference-table"].zh_definition
    z = np.array([2.0, -1.0, 0.5, 3.0])
    normaliser = np.exp(z).sum()
    np.testing.assert_allclose(np.exp(z) / normaliser, out.softmax(z), rtol=1e-14)
    assert np.log(normaliser) == pytest.approx(out.logsumexp(z), rel=1e-14)
    assert "$\\sum_j e^{z_j}$ of softmax" in TERMS["normaliser"].en_definition and "log-sum-exp" in TERMS["normaliser"].en_definition
    # the output function of each task, as the page's #last-layer lists them
    assert "the identity for regression, the sigmoid for a binary label, softmax for one of $K$ classes" in TERMS["output-function"].en_definition
    assert "回归直接输出（恒等函数），二元标签用 sigmoid，在 $K$ 类中选一类用 softmax" in TERMS["output-function"].zh_definition


def test_the_quantisation_entry_names_the_zero_point_as_its_home_does():
    """Review final66, ca: 零值码 (zero point) had no entry; the quantisation entry names it, in the home page's words."""
    from claim_helpers import page_text
    term = TERMS["quantisation"]
    assert "零值码" in term.zh_definition and "zero point" in term.en_definition
    for lang, word in (("zh", "零值码"), ("en", "zero point")):
        assert word in page_text(term.home.partition("#")[0], lang), lang
    # review final74, cb (for ca): 零值码 is the site's own rendering of "zero point" (零点 means x = 0), so it has its
    # own entry, homed at the 8-bit section that defines it; the quantisation entry no longer glosses it a second time
    zero = TERMS["zero-point"]
    assert (zero.en, zero.zh, zero.home) == ("zero point", "零值码", "catalogue/hard-and-cheap.md#int8")
    assert "the code that stands for 0" not in term.en_definition and "代表 0 的那个码" not in term.zh_definition
    for lang, formula in (("en", "r \\approx s\\,(q - z)"), ("zh", "r \\approx s\\,(q - z)")):
        assert formula in zero.definition(lang)
        section = page_text("catalogue/hard-and-cheap.md", lang).split("{ #int8 }")[1].split("\n## ")[0]
        assert formula in section and zero.name(lang) in section, lang
    assert "“零点”" in zero.zh_definition and "$x = 0$" in zero.zh_definition
    # review final79, cb: the row says what 零点 means elsewhere and here, without the clause justifying the site's choice
    # (零点 cannot be an "also called" name: those must be variants the pages avoid, and the pages use 零点 for x = 0)
    assert "别处常称“零点”，本站的“零点”则只指 $x = 0$。" in zero.zh_definition and "所以称零值码" not in zero.zh_definition
    s, z = 0.02, 128                                          # the code z decodes to exactly 0
    assert s * (z - z) == 0.0 and -s * z < 0 < s * (255 - z)


def test_sub_block_is_glossed_where_the_glossary_first_uses_it():
    """review final68, cb: the residual-stream and pre-norm entries rested on "sub-block" (子模块), which has no entry; the
    first entry to use it, in the glossary's own order, says what a sub-block is."""
    rows = [t for _, _, terms in glossary.groups() for t in terms]
    first_en = next(t for t in rows if "sub-block" in t.en_definition)
    first_zh = next(t for t in rows if "子模块" in t.zh_definition)
    assert first_en.key == first_zh.key == "residual-stream"
    assert "each sub-block of each block (its attention and its feed-forward block)" in first_en.en_definition
    assert "每个块的每个子模块（注意力和前馈模块）" in first_zh.zh_definition


def test_the_sites_own_name_lists_no_outside_alias():
    """review final72, cb: the zh smooth-gate entry says the name is this site's own coinage, so it can list no name
    other texts use (it showed 又称（本站不用）：光滑门控); the variant is still kept off the site's pages."""
    term = TERMS["smooth-gate"]
    assert "本站的叫法" in term.zh_definition and "this site's" in term.en_definition
    assert term.also("zh") == () and term.also("en") == ()
    assert "光滑门控" in term.avoid_zh
