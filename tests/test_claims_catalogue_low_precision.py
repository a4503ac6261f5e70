"""Every numerical or mathematical claim of catalogue/low-precision.md, checked.

One test per claim or group of claims, in the order of the page; both languages carry the same
numbers.  Thresholds come from ``actsite.maths.low_precision`` (an exact search over each
format's values), and a sample of them is checked again by evaluating directly in the dtype.

Not testable here, because they report what a source states: Micikevicius et al. (2022)'s
recommendation of E4M3 for weights and activations and E5M2 for gradients, the contents of PyTorch's autocast
op lists and GradScaler's behaviour, NVIDIA's statement that activations are memory-limited,
Micikevicius et al.'s three techniques, that a GPU's element-wise activation kernels are limited by
memory traffic (NVIDIA's guides), and the findings of Dettmers et al., Sun et al. and
Fishman et al. (6.7 billion parameters, a magnitude of 6, 100,000 times, 200 billion tokens, 7 billion
parameters); the page attributes each to its source.
"""
from __future__ import annotations

import contextlib
import io
import math
import re

import ml_dtypes
import numpy as np
import pytest

from actsite.maths import low_precision as lp
from actsite.maths.catalogue import EVERY
from actsite.maths.functions import sigmoid, sigmoid_prime, tanh_prime
from actsite.maths.gated import GATED
from actsite.pages.markers import MARKER as FIGURE_MARKER
from actsite.pages.page_pairs import CODE
from claim_helpers import LANGS, page_text, plotted

PAGE = "catalogue/low-precision.md"
BF16, E4M3, E5M2 = (np.dtype(ml_dtypes.bfloat16), np.dtype(ml_dtypes.float8_e4m3fn),
                    np.dtype(ml_dtypes.float8_e5m2))


def page(lang: str) -> str:
    return page_text(PAGE, lang)


def both(*snippets: str) -> None:
    for lang in LANGS:
        text = page(lang)
        for s in snippets:
            assert s in text, (lang, s)


def r2(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


# --- the opening: double precision ------------------------------------------------------------

def test_double_precision_limits_quoted_in_the_opening():
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(709.78)) and np.isinf(np.exp(709.79))
    # 1/(1 + e^{-x}) in double precision is exactly 1 once e^{-x} is at most half of 2^-52: from 53 ln 2
    x = np.linspace(30, 45, 150_001)
    naive = 1 / (1 + np.exp(-x))
    first_one = float(x[np.argmax(naive == 1.0)])
    assert np.all(naive[x >= first_one] == 1.0) and abs(first_one - 53 * math.log(2)) < 1e-3
    assert f"{53 * math.log(2):.2f}" == "36.74"
    both("709.78", r"$1/(1 + e^{-x})$", r"$x = 36.74$")
    # the correctly rounded sigmoid is 1 once 1 - sigma(x) = 1/(1 + e^x) is at most half an ulp below 1, 2^-54
    below = lambda x: 1 / (1 + math.exp(x))                         # computed without cancellation
    assert below(37.42) > 2.0 ** -54 > below(37.44) and f"{54 * math.log(2):.2f}" == "37.43"
    page_lang("en", "The correctly rounded sigmoid reaches 1 only at 17.33 (in float64 the two thresholds are 36.74 and 37.43).", "")
    page_lang("zh", "", "正确舍入的 sigmoid 则要到 17.33 才变成 1（在 float64 中，这两个阈值是 36.74 和 37.43）")
    # one name for the 64-bit format on this page: float64
    for lang, other in (("en", "double precision"), ("zh", "双精度")):
        assert other not in page(lang), lang
    page_lang("en", "made in float64, the 64-bit format. There", "")
    page_lang("zh", "", "几乎都在 64 位的 float64 格式下进行")
    # the glossary's home of float64 is #formats, which names it with its bits, range and epsilon
    from actsite.pages.glossary import TERMS
    assert {t.key: t for t in TERMS}["float64"].home == "catalogue/low-precision.md#formats"
    f64 = np.finfo(np.float64)
    assert (f64.nexp, f64.nmant, f"{float(f64.max):.1e}", float(f64.eps)) == (11, 52, "1.8e+308", 2.0 ** -52)
    for lang, phrase in (("en", r"For comparison, float64 has 11 exponent and 52 fraction bits, a largest value of about "
                                r"$1.8 \times 10^{308}$ and $\varepsilon = 2^{-52}$."),
                         ("zh", r"作为对照，float64 有 11 位指数、52 位尾数，最大值约为 $1.8 \times 10^{308}$，"
                                r"$\varepsilon = 2^{-52}$。")):
        formats = page(lang).split("{ #formats }")[1].split("{ #evaluated }")[0]
        assert phrase in formats, lang


# --- the formats ------------------------------------------------------------------------------

def sci(v: float) -> str:
    m, e = f"{v:.1e}".split("e")
    return rf"${m} \times 10^{{{int(e)}}}$"


def cell(v: float, lang: str) -> str:
    if 100 <= v < 1e6 and v == int(v):
        return f"{int(v):,}" if lang == "en" else f"{v:g}"           # English groups thousands; Chinese writes plain digits
    if 0.1 <= v < 1:
        return f"{v:g}"
    return sci(v)


@pytest.mark.parametrize("key,label", [("float32", "float32"), ("bfloat16", "bfloat16"), ("float16", "float16"),
                                       ("float8_e5m2", "FP8 E5M2"), ("float8_e4m3fn", "FP8 E4M3")])
def test_format_table_rows(key, label):
    f = lp.FORMATS[key]
    for lang in LANGS:
        row = (f"| {label} | {f.exponent_bits} / {f.mantissa_bits} | {cell(f.max, lang)} | {cell(f.tiny, lang)} | "
               f"{cell(f.smallest, lang)} | {cell(f.eps, lang)} |")
        assert row in page(lang), (lang, row)


def test_rounding_to_one_within_a_quarter_of_epsilon_and_digits():
    for key in ("float16", "bfloat16", "float32"):
        f = lp.FORMATS[key]
        assert float(lp.to_format(1 - f.eps / 4, key)) == 1.0                      # the tie goes to 1
        assert float(lp.to_format(1 - f.eps / 4 * (1 + 1e-3), key)) < 1.0
        below = 1 - f.eps / 2                                                     # "a tie ... to the neighbour whose
        assert float(lp.to_format(1 - f.eps / 4 * (1 + 1e-3), key)) == below     #  last fraction bit is 0": 1 - eps/4
        assert (below + 1) / 2 == 1 - f.eps / 4                                   # lies halfway between 1 - eps/2
        stored = np.array([below, 1.0]).astype(lp.DTYPES[key])                   # both exact in the format
        last_bit = (stored.view({2: np.uint16, 4: np.uint32}[stored.itemsize]) & 1).tolist()
        assert last_bit == [1, 0], (key, last_bit)                                  # (odd) and 1 (even)
    assert round(math.log10(2 ** 8), 1) == 2.4 and round(math.log10(2 ** 11), 1) == 3.3  # "two", "three"
    both("$\\varepsilon/4$")
    page_lang("en", "about two significant digits. The float16 format keeps about three significant digits", "")
    page_lang("zh", "", "大约只有两位有效数字。float16 保留约三位有效数字")


def test_precision_is_the_spacing_relative_to_size():
    """"the fraction bits set the *precision*, the spacing between neighbouring values relative to their size",
    as the outliers section says ("A format's precision is relative"): across the normal range the absolute
    spacing grows with the value while spacing/value stays within a factor of 2 of epsilon."""
    for key in ("float16", "bfloat16", "float8_e4m3fn"):
        f = lp.FORMATS[key]
        p = lp.positive_values(key)
        normal = p[p >= f.tiny]
        rel = np.diff(normal) / normal[:-1]
        assert np.diff(normal)[-1] > 1000 * np.diff(normal)[0], key             # absolute spacing is not fixed
        assert rel.max() <= f.eps * (1 + 1e-12) and rel.min() > f.eps / 2, key  # relative spacing is
    page_lang("en", "the fraction bits set the *precision*, the spacing between neighbouring values relative to their size.", "")
    page_lang("zh", "", "尾数位数决定**精度**，即相邻两个可表示数的间距与数本身大小之比。")
    page_lang("en", "A format's precision is relative", "")
    page_lang("zh", "", "格式的精度是相对的")


def page_lang(lang: str, snippet_en: str, snippet_zh: str) -> None:
    assert (snippet_en if lang == "en" else snippet_zh) in page(lang), (lang, snippet_en, snippet_zh)


def test_the_asymptote_is_a_line_and_nan_is_glossed():
    """An asymptote is a line (y = 1, y = x), not the limit value; NaN and flush-to-zero carry their Chinese names."""
    x = np.array([50.0])
    assert EVERY["sigmoid"].f(x)[0] == 1.0 and abs(EVERY["gelu"].f(x)[0] - 50.0) < 1e-12
    page_lang("en", "Two concern the function's *asymptote*, the line it approaches: a horizontal line at its limit ($y = 1$ for "
              "the sigmoid on the right) or a slanted one ($y = x$ for GELU on the right).", "")
    page_lang("zh", "", "其中两个问题与函数的**渐近线**有关；渐近线是函数逐渐贴近的直线，可以是水平线"
              "（如 sigmoid 右侧的 $y = 1$），也可以是斜线（如 GELU 右侧的 $y = x$）。")
    # defined in the opening, at its first use on the page, and only there
    for lang, word, definition in (("en", "asymptote", "*asymptote*, the line it approaches"),
                                   ("zh", "渐近线", "**渐近线**有关；渐近线是函数逐渐贴近的直线")):
        text = page(lang).split("\n---\n", 1)[1]
        assert text.index(word) == text.index(definition) + definition.index(word), lang
        assert text.count(definition) == 1, lang
    # the rounding of ReLU-like functions: the product is the asymptote's value at x, not the line
    page_lang("en", "The only rounding happens when the input is multiplied by a slope, and that product is exactly the "
              "asymptote's value.", "")
    page_lang("zh", "", "唯一的舍入发生在乘以斜率时，而这个乘积恰好就是渐近线上的值。")
    for lang, loose in (("en", "the asymptote itself"), ("zh", "本身就是渐近线")):
        assert loose not in page(lang), lang
    for lang, loose in (("en", "The asymptote is the limit"), ("zh", "渐近线指极限")):
        assert loose not in page(lang), lang
    page_lang("zh", "", "NaN（非数值）")
    assert page("zh").count("非数值") == 1 and "not a number" not in page("zh")      # glossed once
    assert "“非数”" not in page("zh")


def test_normal_numbers_defined_before_use():
    for lang, term in (("en", "*normal*"), ("zh", "**正规数**")):
        text = page(lang)
        assert text.index(term) < text.index("subnormal" if lang == "en" else "次正规数"), lang
    for key in lp.FORMAT_KEYS[1:]:                     # the smallest normal has exponent bits 0…01
        f = lp.FORMATS[key]
        below = lp.positive_values(key)[lp.positive_values(key) < f.tiny]
        assert len(below) == 2 ** f.mantissa_bits - 1                    # the subnormals
    # "Most values are normal": 1.f times a power of 2 above the smallest normal, 0.f below it
    for key in lp.FORMAT_KEYS[1:]:
        f, values = lp.FORMATS[key], lp.positive_values(key)
        normal, sub = values[values >= f.tiny], values[values < f.tiny]
        assert len(normal) > len(sub), key
        mantissa, _ = np.frexp(normal)                                 # normal = (2·mantissa)·2^(e−1), 2·mantissa in [1, 2)
        steps = (2 * mantissa - 1) * 2 ** f.mantissa_bits              # the fraction bits f
        assert np.all(steps == np.round(steps)) and np.all((steps >= 0) & (steps < 2 ** f.mantissa_bits)), key
        fractions = sub / f.tiny * 2 ** f.mantissa_bits               # 0.f times the smallest normal
        assert np.all(fractions == np.round(fractions)) and np.all(fractions < 2 ** f.mantissa_bits), key
    page_lang("en", r"the value is $1.f$ times a power of 2", "")
    page_lang("zh", "", r"数值是 $1.f$ 乘以 2 的幂")
    for lang in LANGS:                 # an all-ones exponent is ∞ or NaN in four of the five formats
        assert "exponent bits are not all zero" not in page(lang) and "指数位不全为 0" not in page(lang), lang


def test_the_bfloat16_sigmoid_example_that_opens_the_method():
    """σ(6.25) = 0.99807 lies just nearer to 1 than to 0.99609, the largest bfloat16 value below 1;
    at 6.21875, the bfloat16 value just below 6.25, σ still rounds to 0.99609; 6.25 is the threshold."""
    one = np.array(1.0, dtype=BF16)
    below_one = float(np.nextafter(one, np.array(0.0, dtype=BF16)))
    assert below_one == 1 - 2.0 ** -8 and f"{below_one:.5f}" == "0.99609"
    s = float(sigmoid(np.array(6.25)))
    assert f"{s:.5f}" == "0.99807" and 1 - s < s - below_one
    prev = float(np.nextafter(np.array(6.25, dtype=BF16), np.array(0.0, dtype=BF16)))
    assert prev == 6.21875
    assert float(lp.to_format(s, "bfloat16")) == 1.0
    assert float(lp.to_format(float(sigmoid(np.array(prev))), "bfloat16")) == below_one
    larger = lp.positive_values("bfloat16")
    larger = larger[larger >= 6.25].astype(float)
    assert np.all(lp.to_format(sigmoid(larger), "bfloat16").astype(float) == 1.0)
    assert lp.row("sigmoid", "bfloat16").value[1] == 6.25
    page_lang("en", r"The largest bfloat16 value below 1 is 0.99609, and $\sigma(6.25) = 0.99807$ is nearer to 1, "
              "so in bfloat16 it is exactly 1, as is the sigmoid of every larger input. "
              "At 6.21875, the bfloat16 value just below 6.25, the sigmoid still rounds to 0.99609.", "")
    page_lang("zh", "", r"bfloat16 中小于 1 的最大值是 0.99609；$\sigma(6.25) = 0.99807$ 离 1 更近，"
              "所以在 bfloat16 中它恰好是 1，输入再大也都是 1。而在 6.25 下方紧邻的 bfloat16 值 6.21875 上，sigmoid 舍入后仍是 0.99609")


def test_the_threshold_is_named_where_it_is_first_described():
    """'the page reports such an input, the function's *threshold* on that side': the word is
    introduced with its definition, before any other use of it on the page."""
    for lang, word, definition in (
            ("en", "threshold", "the page reports such an input, the function's *threshold* on that side: "
                                "the first input from which the rounded value equals the rounded asymptote all the way out."),
            ("zh", "阈值", "本页都给出这样一个输入，称为函数在这一侧的**阈值**：从它开始，再往外的每个输入上，"
                           "舍入后的函数值都等于渐近线舍入后的值。")):
        text = page(lang).split("\n---\n", 1)[1]
        assert definition in text, lang
        assert text.index(word) == text.index(definition) + definition.index(word), lang
    # the definition agrees with the search: 6.25 is the bfloat16 sigmoid's threshold, and the value just below it is not
    assert lp.row("sigmoid", "bfloat16").value[1] == 6.25
    assert float(lp.to_format(float(sigmoid(np.array(6.21875))), "bfloat16")) < 1.0


def test_number_of_finite_bit_patterns_per_format():
    counts = {k: 2 * len(lp.positive_values(k)) + 2 for k in lp.FORMAT_KEYS[1:]}     # ±0 included
    assert counts == {"bfloat16": 65280, "float16": 63488, "float8_e5m2": 248, "float8_e4m3fn": 254}
    # the same count straight from the bit patterns: every pattern that decodes to a finite number
    for key in lp.FORMAT_KEYS[1:]:
        dtype = lp.DTYPES[key]
        bits = np.arange(2 ** (8 * dtype.itemsize), dtype=np.uint16 if dtype.itemsize == 2 else np.uint8)
        with np.errstate(invalid="ignore"):                            # E4M3's NaN patterns
            decoded = bits.view(dtype).astype(np.float64)
        finite = np.isfinite(decoded)
        assert int(finite.sum()) == counts[key], key
        values = decoded[finite]
        assert len(np.unique(values)) == counts[key] - 1, key           # +0 and -0 are one value
    # what the search itself takes as inputs: side·m for every positive finite m, on both sides; never ±0
    checked = {"bfloat16": 65278, "float16": 63486, "float8_e5m2": 246, "float8_e4m3fn": 252}
    for key in lp.FORMAT_KEYS[1:]:
        seen = []

        def bad(x):
            seen.append(np.asarray(x, dtype=np.float64))
            return np.zeros(len(x), dtype=bool)
        for side in (-1, 1):
            assert lp.beyond_last(bad, key, side) == 0.0
        inputs = np.concatenate(seen)
        assert len(inputs) == len(np.unique(inputs)) == checked[key] == counts[key] - 2, key
        assert not np.any(inputs == 0) and np.all(np.isfinite(inputs)), key
        assert np.array_equal(np.sort(inputs), np.sort(lp.every_value(key)[lp.every_value(key) != 0])), key
    # review final62, lp (shorter method note): the page gives the range of the counts, the fewest and the most
    assert min(checked.values()) == checked["float8_e5m2"] == 246 and max(checked.values()) == checked["bfloat16"] == 65278
    # review final68, lp: the method note is cut; the page says only that every finite value of F is an input
    page_lang("en", "the page takes every finite value $x$ of each format F as input", "")
    page_lang("zh", "", "把 F 中每一个有限值 $x$ 都当作输入")
    for lang, old in (("en", "How many inputs the search checks"), ("zh", "搜索检查了多少个输入")):
        assert old not in page(lang), (lang, old)
    for lang in LANGS:
        assert "counting $+0$ and $-0$" not in page(lang) and "都算在内" not in page(lang), lang


def test_float32_search_as_the_page_describes_it():
    """"for float32, with its about 4.3 billion values": 2^32 bit patterns, all but 2^24 finite;
    "exhaustive only near the threshold": a coarse stride of 1,024 values, then every value in the
    window of one stride that holds the threshold.  Review final66, lp: the page names the method without its
    constants ("from the last sample that disagrees to well past the threshold"), checked on the sigmoid's call."""
    finite = 2 ** 32 - 2 * (2 ** 23)                      # all-ones exponent: ±∞ and the NaNs
    assert 4e9 < finite < 5e9 and lp.FLOAT32_LAST_CODE + 1 == finite // 2
    assert round(2 ** 32 / 1e9, 1) == 4.3 and round(2 ** 32 / 1e8) == 43    # "about 4.3 billion" / "约 43 亿"
    assert lp.FLOAT32_STRIDE == 1024
    # the search and the exhaustive answer agree where both can be had: σ's right side in float32
    sig = lp.row("sigmoid", "float32").value[1]
    below = float(np.nextafter(np.float32(sig), np.float32(0)))
    assert float(lp.to_format(1 / (1 + math.exp(-below)), "float32")) < 1.0
    assert float(lp.to_format(1 / (1 + math.exp(-sig)), "float32")) == 1.0
    # review final59, lp: the values checked one by one past each threshold are part of the method, not a report
    # review final66, lp: the page names the method, not its constants: "every value from the last sample that
    # disagrees to well past the threshold".  The window after the last disagreeing sample (one stride) and the check
    # after the threshold (FLOAT32_CHECK values) join without a gap, and the check runs far past the window.
    assert lp.FLOAT32_CHECK == 65_536 and lp.FLOAT32_CHECK >= 64 * lp.FLOAT32_STRIDE
    calls = []
    def bad(x):
        calls.append(np.asarray(x, dtype=np.float64).copy())
        return lp.to_format(EVERY["sigmoid"].f(x), "float32") != 1.0
    assert lp.beyond_last(bad, "float32", 1) == sig
    coarse, window, check = calls
    codes = coarse.astype(np.float32).view(np.uint32).astype(np.int64)
    assert np.all(np.diff(codes[:-1]) == lp.FLOAT32_STRIDE)                            # every 1,024th value
    assert window[0] < sig <= window[-1] and bad(np.array([window[0]]))[0]            # from the last disagreeing sample
    assert check[0] == sig and len(check) == lp.FLOAT32_CHECK                         # to well past the threshold
    for run in (window, check):                                                        # each value, one by one
        run32 = run.astype(np.float32)
        assert np.all(np.nextafter(run32[:-1], np.float32(np.inf)) == run32[1:])
    # review final68, lp: the method in one clause, "a dense sample, then every value around each threshold"
    # review final77, lp: en keeps only what the reader can use, "every value near each threshold"
    # review final78, lp: without the sample, "near each threshold" presupposed where the threshold is; en says both steps
    page_lang("en", "(for float32, a dense sample first and then every value near each threshold)", "")
    assert "(for float32, every value near each threshold)" not in page("en")
    page_lang("zh", "", "（float32 则先密集取样，再在每个阈值附近逐个检查）")
    for lang, old in (("en", "every 1,024th"), ("zh", "每隔 1024 个")):
        assert old not in page(lang), (lang, old)
    for lang, constant in (("en", "65,536"), ("zh", "65536")):
        assert constant not in page(lang).split("{ #evaluated }")[1].split("{ #sigmoid-tail }")[0], lang
    for lang, report in (("en", "A check of the 65,536"), ("zh", "结果也与此一致")):
        assert report not in page(lang), lang


def test_float32_sampling_is_safe_because_the_distance_to_the_asymptote_only_shrinks():
    """"beyond each threshold, the distance between the function and its asymptote, and between their
    slopes, only shrinks": checked in double precision from every float32 threshold outwards, so no
    disagreement can hide between two of the coarse search's samples further out."""
    checked = 0
    for key in EVERY:
        r = lp.row(key, "float32")
        for side, index in ((-1, 0), (1, 1)):
            asym = lp.asymptote(key, side)
            for threshold, dist in ((r.value[index], lambda x: np.abs(EVERY[key].f(x) - asym(x))),
                                    (r.slope[index], lambda x: np.abs(EVERY[key].df(x) - asym.slope))):
                if threshold is None or threshold == 0.0:
                    continue
                x = side * np.geomspace(abs(threshold), 1e6 * abs(threshold), 20_001)
                with np.errstate(all="ignore"):
                    d = dist(x)
                # non-increasing, up to double-precision noise relative to the function's size
                noise = 1e-14 * np.maximum(1.0, np.abs(x[1:]))
                assert np.all(np.diff(d) <= noise), (key, side, threshold)
                checked += 1
    assert checked >= 20
    # GELU' (exact and tanh approximation), SiLU' and Mish' are not monotone: every turning point (a sign
    # change of f'') lies well inside the float32 slope threshold of its side, at less than a third of its distance
    for key in ("gelu", "gelu_tanh", "silu", "mish"):
        left, right = lp.row(key, "float32").slope       # beyond these the loop above has checked monotony
        x = np.linspace(left, right, 400_001)
        with np.errstate(all="ignore"):
            d2 = np.diff(EVERY[key].df(x))
        turns = x[1:-1][np.sign(d2[1:]) * np.sign(d2[:-1]) < 0]
        assert len(turns) == 2 and turns.min() < 0 < turns.max(), key        # a dip on the left, a peak on the right
        assert turns.min() > left / 3 and turns.max() < right / 3, (key, turns, left, right)
        assert abs(turns).max() < 3, key
    # review final68, lp: the method note is cut (it documented the search); what it argued is still checked here,
    # since the page's float32 thresholds rest on it
    for lang, cut in (("en", "The sampling cannot miss"), ("en", "No disagreement can hide"), ("zh", "更远处的取样点之间")):
        assert cut not in page(lang), (lang, cut)
    # the search itself checks that many float32 values after each threshold and fails on any disagreement there
    assert lp.FLOAT32_CHECK == 65_536
    two = int(np.float32(2).view(np.int32))

    def hidden(x):                          # wrong below 2 and on ten codes just past it, between two grid samples
        code = np.abs(np.asarray(x, dtype=np.float32)).view(np.int32).astype(np.int64)
        return (code < two) | ((code >= two + 100) & (code < two + 110))
    assert two % lp.FLOAT32_STRIDE == 0     # the grid samples codes 1 + k·stride: none lies in the ten
    with pytest.raises(AssertionError, match="after the threshold"):
        lp.beyond_last(hidden, "float32", 1)


def test_double_precision_resolves_far_more_than_any_format():
    """f(x) in float64 carries ~2^-53 relative error, far below the 16- and 8-bit spacings it is rounded to."""
    for key in lp.FORMAT_KEYS:
        assert 2.0 ** -52 < lp.FORMATS[key].eps / 2 ** 20, key
    page_lang("en", "in float64, far more precisely than F can resolve", "")
    page_lang("zh", "", "先用 float64 算出 $f(x)$（远比 F 精确）")


def test_bfloat16_far_tail_needs_a_float32_form_whose_exponentials_stay_finite():
    """Beyond |x| = 88.72 (ln of float32's largest value) e^{|x|} overflows in float32: there
    1/(1 + e^{-x}) gives 0 where the correctly rounded bfloat16 sigmoid is not 0, and e^x/(1 + e^x)
    computed in float32 and rounded once gives the correctly rounded value.
    review final67, lp: the sigmoid example leads with its subject. review final71, lp: the format-not-library conclusion is scoped to the 8- and 16-bit thresholds."""
    assert round(math.log(float(np.finfo(np.float32).max)), 2) == 88.72
    x = lp.every_value("bfloat16")
    x = x[np.isfinite(x) & (x < -88.72)]
    exact = lp.to_format(sigmoid(x), "bfloat16")
    x, exact = x[exact != 0], exact[exact != 0]
    assert len(x) >= 5 and x.max() < -88.72                       # the tail the claim is about
    x32 = x.astype(np.float32)
    with np.errstate(over="ignore"):
        naive = np.float32(1) / (np.float32(1) + np.exp(-x32))
        assert np.all(np.isinf(np.exp(-x32)))
    assert np.all(lp.to_format(naive, "bfloat16") == 0)
    e = np.exp(x32)
    assert np.all(lp.to_format(e / (np.float32(1) + e), "bfloat16") == exact)
    both(r"$e^{x}/(1 + e^{x})$", r"$1/(1 + e^{-x})$")
    page_lang("en", "computes accurately in float32", "")
    page_lang("zh", "", "内部用 float32 准确地计算")
    # the conclusion holds up to the caveats, which come after the first results (below the threshold tables)
    # review final62, lp: the conclusion does not claim the list of caveats is closed ("the caveats", 几点出入)
    # review final65, lp: the qualifier leads the sentence instead of dangling after it
    # review final71, lp: the conclusion is scoped to the 8- and 16-bit formats, since the float32 thresholds are called
    # an ideal further down (a float32 kernel need not round correctly)
    page_lang("en", "Apart from the caveats given below the threshold tables, the 8- and 16-bit thresholds therefore belong "
              "to the format, not to a particular library.", "")
    page_lang("zh", "", "因此对这些格式而言，阈值属于格式本身，而不属于某个库；几点出入放在阈值表之后说明。")
    assert "the thresholds therefore belong to the format" not in page("en") and "因此这些阈值属于格式本身" not in page("zh")
    page_lang("en", "For float32, though, the correctly rounded thresholds are an ideal", "")
    page_lang("zh", "", "不过对 float32 来说，正确舍入的阈值只是理想值")
    assert "仅有的" not in page("zh")
    # review final67, lp: the example's subject leads it instead of dangling after it
    # review final78, lp: not only exponentials: softsign' as 1/(1 + |x|)^2 in float32 squares to infinity from
    # sqrt(float32 max) = 1.84e19 on, well before its bfloat16 threshold 2^67 = 1.48e20, and so returns 0 too soon
    page_lang("en", "a kernel matches the tables only if its intermediates (exponentials, squares) stay finite; for the "
              "sigmoid at negative $x$, that means $e^{x}/(1 + e^{x})$, not $1/(1 + e^{-x})$.", "")
    assert "only if its exponentials stay finite" not in page("en")
    sq_over = float(np.sqrt(np.float64(np.finfo(np.float32).max)))
    assert 1.8e19 < sq_over < 2 ** 67 and float(lp.to_format(1 / (1 + 2.0 ** 66) ** 2, "bfloat16")) > 0
    with np.errstate(over="ignore"):
        assert np.float32(1) / np.square(np.float32(1) + np.float32(2.0 ** 66)) == 0
    assert "for the sigmoid at negative $x$.\n" not in page("en")
    # review final75, lp: the kernel is named, not "它" (whose antecedent was only in the note's title)
    page_lang("zh", "", "内核必须采用中间结果（指数函数值、平方等）不会溢出的写法才与表一致，例如 sigmoid 在 $x$ 为负时算 $e^{x}/(1 + e^{x})$，"
              "而不是 $1/(1 + e^{-x})$。")
    # review final60, lp: the caveats concern values an activation rarely sees, so they sit in a collapsible note
    # review final74, lp2: the note's opening sentence, which restated its title, is cut; the list follows the title
    for lang, caveats in (("en", '??? note "Where a real kernel can differ from the tables"\n    - A kernel can'),
                          ("zh", '??? note "实际内核在哪些地方可能与表不同"\n    - 在结果')):
        text = page(lang)
        assert text.index("<!-- low-precision-thresholds -->") < text.index(caveats) < text.index("{ #overflow }"), lang
        note = text[text.index(caveats):text.index("## ", text.index(caveats))]
        assert note.count("\n    - ") == 4 and not re.search(r"\n(?! {4}|\n)", note.rstrip("\n")), lang
    # review final65, lp: two of the four are conditional (flush-to-zero, a cancelling formula), so the zh lead-in
    # says the kernel may differ there, not that it has four discrepancies
    assert "有四点出入" not in page("zh")


def test_flushing_subnormals_to_zero_moves_bfloat16s_far_tails_in():
    """'one that sets every subnormal result to 0, intermediates included ...: since e^x is subnormal below
    -87.34, the sigmoid, and SiLU computed as x sigma(x), are 0 from -87.5 rather than -93 and -97.5; computed
    as x/(1 + e^-x), SiLU is -0 only from -89': a float32 kernel on every bfloat16 input, with every
    operation's result below float32's smallest normal number set to 0 (per-operation flush, not only of
    the final result), for the sigmoid as e^x/(1 + e^x) or 1/(1 + e^-x), for x sigma(x) with either sigmoid,
    and for x e^x/(1 + e^x); and the quotient x/(1 + e^-x), PyTorch's GPU form."""
    tiny = np.finfo(np.float32).tiny
    assert tiny == lp.FORMATS["bfloat16"].tiny and round(math.log(tiny), 2) == -87.34

    def ftz(v):                                   # one float32 operation's result, flushed to a zero of its sign
        v = np.asarray(v, dtype=np.float32)
        return np.where(np.abs(v) < tiny, np.copysign(np.float32(0), v), v).astype(np.float32)

    def out(v):                                   # the float32 result stored in bfloat16, flushed
        v = lp.to_format(np.asarray(v, dtype=np.float64), "bfloat16")
        return np.where(np.abs(v) < tiny, 0.0, v)

    one = np.float32(1)
    def sig(x):
        e = ftz(np.exp(x))
        return ftz(e / ftz(one + e))

    def sig_quotient(x):
        return ftz(one / ftz(one + ftz(np.exp(-x))))
    kernels = {"sigmoid": [lambda x: out(sig(x)), lambda x: out(sig_quotient(x))],
               "silu": [lambda x: out(ftz(x * sig(x))), lambda x: out(ftz(x * sig_quotient(x))),
                        lambda x: (lambda e: out(ftz(ftz(x * e) / ftz(one + e))))(ftz(np.exp(x)))]}
    for key, kept in (("sigmoid", -93.0), ("silu", -97.5)):
        assert lp.row(key, "bfloat16").value[0] == kept, key
        for kernel in kernels[key]:
            with np.errstate(all="ignore"):
                m = lp.beyond_last(lambda x: kernel(x.astype(np.float32)) != 0, "bfloat16", -1)
            assert -m == -87.5, key
    # the quotient x/(1 + e^-x) never holds a subnormal there: its result is normal down to -88.5 and is -0
    # from -89, where e^-x overflows in float32, with or without the flush
    def silu_quotient(x, flush):
        f = ftz if flush else (lambda v: np.asarray(v, dtype=np.float32))
        return f(x / f(one + f(np.exp(-x))))
    for flush in (True, False):
        with np.errstate(all="ignore"):
            m = lp.beyond_last(lambda x: silu_quotient(x.astype(np.float32), flush) != 0, "bfloat16", -1)
        assert -m == -89.0, flush
    with np.errstate(over="ignore"):
        q = silu_quotient(np.array([-87.5, -88.0, -88.5, -89.0], dtype=np.float32), True)
        assert np.isinf(np.exp(np.float32(89))) and np.isfinite(np.exp(np.float32(88.5)))
    assert np.all(np.abs(q[:3]) >= tiny) and q[3] == 0 and np.signbit(q[3])
    assert np.all(out(q[:3]) != 0)                                # and it survives rounding to bfloat16
    # -87.5 is the first bfloat16 value below -87.34: there e^x is the first to be flushed
    x = lp.every_value("bfloat16")
    assert x[x < math.log(tiny)].max() == -87.5
    # flushing only the final result would have moved SiLU to -92 instead: the intermediate is what matters
    with np.errstate(all="ignore"):
        late = lp.beyond_last(lambda x: out(EVERY["silu"].f(x)) != 0, "bfloat16", -1)
    assert -late == -92.0
    # flush-to-zero is defined where it is first used: subnormal results set to 0
    page_lang("en", "In bfloat16's far tails, beyond $|x| = 88.72$", "")
    page_lang("en", "- A kernel that sets every subnormal result to 0, intermediates included (a mode called *flush-to-zero*), "
              "returns 0 sooner in those tails. Since $e^{x}$ is subnormal below $-87.34$, the sigmoid, and SiLU computed "
              r"as $x\,\sigma(x)$, are 0 from $-87.5$ rather than $-93$ and $-97.5$.", "")
    # the quotient form's -0 comes from overflow (with or without the flush): it stands in the overflow caveat
    assert lp.row("silu", "bfloat16").value[0] == -97.5
    page_lang("en", r"[PyTorch's GPU kernels](#ref-pytorch-kernels) compute SiLU as $x/(1 + e^{-x})$ and its gradient through "
              r"$1/(1 + e^{-x})$, in float32, so both are 0 from $-89$, not from the tables' $-97.5$.", "")
    page_lang("zh", "", r"[PyTorch 的 GPU 内核](#ref-pytorch-kernels)在 float32 中按 $x/(1 + e^{-x})$ 计算 SiLU，求梯度时也用 $1/(1 + e^{-x})$，"
              r"所以两者都从 $e^{-x}$ 溢出的 $-89$ 起为 0，而不是表中的 $-97.5$。")
    page_lang("zh", "", "在 bfloat16 的远端尾部，即 $|x|$ 超过 88.72")
    page_lang("zh", "", "把次正规数结果（包括中间结果）都置为 0 的内核（这种模式称为**下溢清零**，flush-to-zero）在这段尾部会更早得到 0。"
              r"$e^{x}$ 在 $-87.34$ 以下是次正规数，因而 sigmoid 以及按 $x\,\sigma(x)$ 计算的 SiLU 都从 $-87.5$ 起为 0，"
              "而不是分别从 $-93$ 和 $-97.5$ 起。")
    for lang in LANGS:                            # the flush claim no longer covers every SiLU
        assert "both computed from it" not in page(lang) and "由它算出的 sigmoid 和 SiLU" not in page(lang), lang
    for lang in LANGS:
        assert "$-92$" not in page(lang), lang
    for lang in LANGS:
        assert "flushes subnormals" not in page(lang) and "次正规数清零" not in page(lang), lang
    page_lang("en", r"beyond $|x| = 88.72$, where $e^{|x|}$ [overflows](#overflow) in float32", "")
    page_lang("zh", "", r"$|x|$ 超过 88.72、float32 中的 $e^{|x|}$ 会[溢出](#overflow)")


def test_silus_backward_kernel_overflows_like_its_forward_kernel():
    """Caveat 2, review final56, lp: PyTorch's silu_backward_kernel (ActivationSiluKernel.cu) computes, in
    opmath (float32 for Half and BFloat16), s = 1/(1 + exp(-x)) and returns dy * s * (1 + x * (1 - s)), rounded
    once to the input's type. That is SiLU's derivative; evaluated in float32 on every bfloat16 input with
    dy = 1, it is 0 from -89 (where e^{-x} overflows float32: s = 0), not from the second table's -97.5."""
    one = np.float32(1)

    def backward(x, dy=np.float32(1)):                # the kernel's formula, every step in float32
        x = np.asarray(x, dtype=np.float32)
        s = one / (one + np.exp(-x))
        return dy * s * (one + x * (one - s))
    # the formula is SiLU's derivative
    x = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(backward(x).astype(np.float64), EVERY["silu"].df(x), rtol=1e-5, atol=1e-30)
    assert lp.row("silu", "bfloat16").slope[0] == -97.5              # the correctly rounded derivative's threshold
    with np.errstate(all="ignore"):
        m = lp.beyond_last(lambda v: lp.to_format(backward(v).astype(np.float64), "bfloat16") != 0, "bfloat16", -1)
        assert -m == -89.0
        g = backward(np.array([-88.5, -89.0], dtype=np.float32))
        assert np.isinf(np.exp(np.float32(89))) and np.isfinite(np.exp(np.float32(88.5)))
    assert g[0] != 0 and lp.to_format(np.array([float(g[0])]), "bfloat16")[0] != 0 and g[1] == 0
    # the forward kernel's threshold is the same -89 (test_flushing_..., above): the caveat says both in one sentence
    assert lp.row("silu", "bfloat16").value[0] == lp.row("silu", "bfloat16").slope[0] == -97.5      # "the tables' -97.5"
    page_lang("en", r"[PyTorch's GPU kernels](#ref-pytorch-kernels) compute SiLU as $x/(1 + e^{-x})$ and its gradient through "
              r"$1/(1 + e^{-x})$, in float32, so both are 0 from $-89$, not from the tables' $-97.5$.", "")
    # review final79, lp: the bound sentence now follows the Mish gradient sentence and covers both
    page_lang("en", r"All these values are below $2 \times 10^{-37}$ in magnitude, at inputs an activation rarely sees.", "")
    page_lang("zh", "", r"求梯度时也用 $1/(1 + e^{-x})$，所以两者都从 $e^{-x}$ 溢出的 $-89$ 起为 0，"
              r"而不是表中的 $-97.5$。")
    page_lang("zh", "", r"涉及的这些值绝对值都小于 $2 \times 10^{-37}$，况且激活函数很少遇到离 0 这么远的输入。")
    # review final57, lp: "the values lost are below 2e-37": every value and slope the correctly rounded tables keep
    # non-zero and the kernels zero, on the bfloat16 inputs from -89 out, exact or rounded, is below 2e-37 in
    # magnitude (about 1.98e-37 and 1.96e-37 at -89, so the bound is close); "inputs an activation rarely sees" is a
    # qualitative remark about practice, not a computed claim
    x = lp.every_value("bfloat16")
    out = x[x <= -89.0]
    assert out.max() == -89.0
    for lost in (EVERY["silu"].f(out), EVERY["silu"].df(out)):
        rounded = lp.to_format(lost, "bfloat16")
        assert np.abs(lost).max() < 2e-37 and np.abs(rounded).max() < 2e-37
        assert np.abs(lost).max() > 1.9e-37 and np.any(rounded != 0)             # not vacuous: something is lost
    # the source is the CUDA kernel file the page already cites
    both("ActivationSiluKernel.cu")

def test_mishs_backward_kernel_flips_the_sign_from_minus_89():
    """Caveat 2, review final79, lp (WRONG: "Mish is unaffected"): PyTorch's mish_backward_kernel
    (aten/src/ATen/native/cuda/ActivationMishKernel.cu, read at commit 035290b77d8b4bd106cf5f9a728516d4335d5a42)
    computes, in opmath (float32 for Half and BFloat16), s = 1/(1 + exp(-x)), t = tanh(log1p(exp(x))) and returns
    dy * (t + x * s * (1 - t * t)), rounded once. From -89 exp(-x) overflows, s = 0 and the kernel returns t, about
    +e^x, where Mish' is about e^x (1 + x) < 0; it is 0 from -93, not from the second table's -97.5. The forward
    kernel x * tanh(log1p(exp(x))) is unaffected (test_naive_formulas_..., above)."""
    one = np.float32(1)

    def backward(x, dy=np.float32(1)):                # the kernel's formula, every step in float32
        x = np.asarray(x, dtype=np.float32)
        s = one / (one + np.exp(-x))
        t = np.tanh(np.log1p(np.exp(x)))
        return dy * (t + x * s * (one - t * t))
    x = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(backward(x).astype(np.float64), EVERY["mish"].df(x), rtol=1e-4, atol=1e-7)
    xb = lp.every_value("bfloat16")
    xb = xb[np.isfinite(xb)]
    with np.errstate(all="ignore"):
        kernel = lp.to_format(backward(xb).astype(np.float64), "bfloat16")
    exact = lp.to_format(EVERY["mish"].df(xb), "bfloat16")
    far = (xb <= -89.0) & (exact != 0)
    assert xb[far].min() == -97.0                   # the table's slope is non-zero from -89 out to -97
    # identical to the table's rounding down to -88.5; from -89 to -97, every bfloat16 input differs
    assert np.all(kernel[far] != exact[far]) and kernel[xb == -88.5][0] == exact[xb == -88.5][0]
    # "about +e^x instead of e^x(1 + x), the wrong sign": positive where the true slope is negative
    assert np.all(exact[far] < 0) and np.all(kernel[far] >= 0)
    pos = far & (kernel > 0)
    np.testing.assert_allclose(kernel[pos], lp.to_format(np.exp(xb[pos]), "bfloat16"), rtol=0.02)
    # "0 from -93", against the table's -97.5
    assert xb[(kernel != 0) & (xb < 0)].min() == -92.5 and np.all(kernel[xb <= -93.0] == 0)
    assert lp.row("mish", "bfloat16").slope[0] == -97.5
    # "All these values are below 2e-37 in magnitude": the true slopes and the kernel's values from -89 out
    with np.errstate(all="ignore"):
        assert np.abs(EVERY["mish"].df(xb[xb <= -89.0])).max() < 2e-37 and np.abs(kernel[xb <= -89.0]).max() < 2e-37
    page_lang("en", r"Mish's forward kernel is unaffected, but its gradient kernel uses the same $1/(1 + e^{-x})$: from $-89$ "
              r"it returns about $+e^{x}$ instead of $e^{x}(1 + x)$, the wrong sign, and 0 from $-93$.", "")
    page_lang("zh", "", r"Mish 的前向内核不受影响，但它求梯度时同样用 $1/(1 + e^{-x})$，从 $-89$ 起返回约 $+e^{x}$ 而不是 "
              r"$e^{x}(1 + x)$，连符号都错了，从 $-93$ 起则为 0。")


def test_a_float32_kernel_that_rounds_once_differs_only_near_a_midpoint():
    """'For the 8- and 16-bit formats it is also the output of a kernel ... that computes accurately
    in float32 and rounds once' and, the first caveat below the tables, 'It can differ from the tables
    at the rare input whose result falls almost exactly halfway between two values of the format': f rounded to float32 and then to F, against f rounded
    once to F, over every finite value of the four narrow formats for eight functions.  Of about a
    million inputs, 18 differ, each with its exact result within half a float32 spacing of the
    midpoint between the two values of F. review final71, lp: the conclusion now names the 8- and 16-bit thresholds."""
    inputs = differing = 0
    for fmt in lp.FORMAT_KEYS[1:]:
        x = lp.every_value(fmt)
        for key in ("sigmoid", "tanh", "softplus", "elu", "softsign", "gelu", "silu", "mish"):
            with np.errstate(all="ignore"):
                exact = np.asarray(EVERY[key].f(x), dtype=np.float64)
            once = lp.to_format(exact, fmt)
            twice = lp.to_format(lp.to_format(exact, "float32"), fmt)
            diff = once != twice
            inputs, differing = inputs + x.size, differing + int(diff.sum())
            midpoint = (once[diff] + twice[diff]) / 2
            spacing = np.spacing(np.abs(exact[diff]).astype(np.float32)).astype(np.float64)
            assert np.all(np.abs(exact[diff] - midpoint) <= spacing / 2), (fmt, key)
    assert inputs > 1_000_000 and 0 < differing < inputs / 10_000
    page_lang("en", "that computes accurately in float32 and rounds once. Apart from the caveats given below the threshold "
              "tables, the 8- and 16-bit thresholds therefore belong to the format", "")
    # review final75, lp: the first caveat names the kernel instead of "It"
    page_lang("en", "A kernel can differ from the tables at the rare input whose result falls almost exactly halfway "
              "between two values of the format.", "")
    # review final74, lp: the zh sentence is split; the kernel is the subject of a conditional, not a stacked attributive
    page_lang("zh", "", "在硬件上实际计算函数值的程序叫作**内核**。对 8 位和 16 位格式，如果内核内部用 float32 准确地计算，"
              "最后只舍入一次，它给出的也正是这个值。")
    page_lang("zh", "", "在结果几乎正好落在格式的两个相邻值正中的极少数输入上，内核可能与表不同。")


def test_float32_column_is_the_correctly_rounded_ideal_not_a_float32_kernel():
    """1/(1 + e^{-x}) computed in float32 reaches 1 at 24 ln 2, before the correctly rounded 17.33."""
    naive = lp.float32_kernel_threshold(lambda x: np.float32(1) / (np.float32(1) + np.exp(np.negative(x))))
    assert round(naive, 2) == 16.64 and naive == pytest.approx(24 * math.log(2), abs=1e-5)
    assert naive < lp.row("sigmoid", "float32").value[1]
    assert float(lp.to_format(1 + 2.0 ** -24, "float32")) == 1.0                  # ε/2 ties to 1
    both("16.64", r"$24 \log 2$")
    for lang in LANGS:                     # no claim about one library's float32 tanh, which varies by CPU
        assert "0.99999994" not in page(lang), lang


def test_underflow_is_at_most_half_the_smallest_positive_number():
    """Only magnitudes up to half the smallest positive number round to 0; above that they round up to it."""
    for key in lp.FORMAT_KEYS:
        s = lp.FORMATS[key].smallest
        assert float(lp.to_format(s / 2, key)) == 0.0                         # the tie goes to 0 (even)
        assert float(lp.to_format(0.75 * s, key)) == s and float(lp.to_format(s / 2 * (1 + 1e-3), key)) == s
    page_lang("en", "A result of at most half that number in magnitude rounds to 0: it *underflows*", "")
    page_lang("zh", "", "结果的绝对值不超过最小正数的一半时，就舍入成 0，称为**下溢**")


def test_the_notation_defined_is_the_notation_used():
    for lang in LANGS:
        text = page(lang)
        assert "f_F" not in text
        first = text.index(r"$\sigma_F(x)$")
        assert text.count(r"\sigma_F") >= 2 and text.index(r"$\sigma_F$") > first, lang


def test_bfloat16_and_float32_share_range_and_e4m3_has_no_infinity():
    """review final67, lp: "E4M3 has no infinity" is its own sentence."""
    assert lp.FORMATS["bfloat16"].tiny == lp.FORMATS["float32"].tiny
    assert round(lp.FORMATS["bfloat16"].max / 1e38, 1) == round(lp.FORMATS["float32"].max / 1e38, 1) == 3.4
    assert not lp.FORMATS["float8_e4m3fn"].has_inf and lp.FORMATS["float8_e5m2"].has_inf
    assert np.isnan(np.array(500.0).astype(E4M3).astype(float))
    # "every value from 448 up to and including 464 rounds to 448, its largest; anything larger becomes NaN": 464 is halfway between 448
    # and the next step, 480, and the tie goes to 448 (even); anything above it is NaN, on both sides.  Checked from
    # float32, the widest format the page computes in before converting (ml_dtypes converts float64 through float32)
    assert lp.FORMATS["float8_e4m3fn"].max == 448
    to8 = lambda v: float(np.array(v, dtype=np.float32).astype(E4M3).astype(float))
    for sign in (1, -1):
        for v in (448.0, 449.0, 463.0, np.nextafter(np.float32(464), np.float32(0)), 464.0):
            assert to8(sign * v) == sign * 448.0, v
        for v in (np.nextafter(np.float32(464), np.float32(np.inf)), 465.0, 1e6, np.inf):
            assert math.isnan(to8(sign * v)), v
    # review final67, lp: "no infinity" is a sentence of its own; the conversion's rule follows in the next
    page_lang("en", "E4M3 has no infinity. In the conversion this page uses, every value from 448 up to and including 464 rounds "
              "to 448, its largest, and anything larger becomes NaN (\"not a number\"), not $\\infty$.", "")
    page_lang("zh", "", "E4M3 没有无穷大。在本页所用的转换中，448 到 464（含 464）之间的值舍入成最大值 448，更大的值则变成 NaN"
              "（非数值），而不是 $\\infty$。")


def test_the_two_fp8_formats_split_the_bits_differently():
    e4, e5 = lp.FORMATS["float8_e4m3fn"], lp.FORMATS["float8_e5m2"]
    assert e4.mantissa_bits == e5.mantissa_bits + 1 and e5.exponent_bits == e4.exponent_bits + 1
    assert e4.eps < e5.eps and e5.max / e4.max > 100                  # finer steps; a far wider range
    page_lang("en", "named for their numbers of exponent bits (E) and fraction bits (M, for mantissa)", "")
    page_lang("zh", "", "按指数（E）和尾数（M）各占的位数命名")
    assert [(lp.FORMATS[n].exponent_bits, lp.FORMATS[n].mantissa_bits) for n in ("float8_e4m3fn", "float8_e5m2")] == [(4, 3), (5, 2)]
    page_lang("en", "E4M3 keeps one more fraction bit, E5M2 one more exponent bit and so a far wider range", "")
    page_lang("zh", "", "E4M3 多一位尾数，E5M2 多一位指数，因而范围宽得多")


# --- every activation, every format: the rows -------------------------------------------------

def test_every_registered_activation_has_a_row_in_every_format():
    rows = lp.table(("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"))
    assert set(rows) == {(k, f) for k in EVERY for f in ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn")}
    for key in EVERY:                                                      # float32 too
        assert lp.row(key, "float32").key == key


# --- the sigmoid's tail -----------------------------------------------------------------------

def test_sigmoid_reaches_one_where_the_page_says():
    assert math.log(4 / lp.FORMATS["bfloat16"].eps) == pytest.approx(9 * math.log(2))
    assert round(9 * math.log(2), 2) == 6.24
    expected = {"bfloat16": 6.25, "float16": 8.32, "float32": 17.33, "float8_e5m2": 3.0, "float8_e4m3fn": 3.5}
    for fmt, x in expected.items():
        assert round(lp.row("sigmoid", fmt).value[1], 2) == x, fmt
    # 6.25 is the first bfloat16 value past 9 ln 2
    values = lp.positive_values("bfloat16")
    assert values[np.searchsorted(values, 9 * math.log(2))] == 6.25
    assert round(float(sigmoid_prime(np.array(6.25))), 4) == 0.0019
    both("6.24", "6.25", "1.9 \\times 10^{-3}$", "8.32", "17.33", "3.5")


def test_sigmoid_threshold_by_direct_evaluation_in_each_dtype():
    """σ computed by a float32 kernel from the dtype's input and rounded once, as the page defines."""
    for fmt in ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"):
        t = lp.row("sigmoid", fmt).value[1]
        values = lp.positive_values(fmt)
        i = int(np.searchsorted(values, t))
        x = values[i - 1:].astype(lp.DTYPES[fmt]).astype(np.float32)
        with np.errstate(over="ignore"):
            y = (np.float32(1) / (np.float32(1) + np.exp(-x))).astype(lp.DTYPES[fmt]).astype(float)
        assert y[0] < 1.0 and np.all(y[1:] == 1.0), fmt


def test_tanh_threshold_by_direct_evaluation_in_each_dtype():
    """tanh through the dtype's own ufunc (ml_dtypes and NumPy compute it in float32, round once)."""
    for fmt in ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"):
        t = lp.row("tanh", fmt).value[1]
        values = lp.positive_values(fmt)
        i = int(np.searchsorted(values, t))
        y = np.tanh(values[i - 1:].astype(lp.DTYPES[fmt])).astype(float)
        assert y[0] < 1.0 and np.all(y[1:] == 1.0), fmt


def test_elu_and_exp_overflow_by_direct_evaluation():
    for fmt in ("bfloat16", "float16"):
        t = lp.row("elu", fmt).value[0]
        neg = -lp.positive_values(fmt)
        i = int(np.searchsorted(-neg, -t))
        y = np.expm1(neg[i - 1:].astype(lp.DTYPES[fmt])).astype(float)
        assert y[0] > -1.0 and np.all(y[1:] == -1.0), fmt
    for fmt in lp.FORMAT_KEYS[1:]:
        t = lp.exp_overflow(fmt)
        values = lp.positive_values(fmt)
        i = int(np.searchsorted(values, t))
        with np.errstate(over="ignore"):
            e = np.exp(values[i - 1:].astype(lp.DTYPES[fmt])).astype(float)
        assert np.isfinite(e[0]) and not np.isfinite(e[1:]).any(), fmt


def test_backward_from_the_saved_output_is_exactly_zero():
    y = np.array(sigmoid(np.array(6.25))).astype(BF16)
    assert float(y) == 1.0 and float(y * (np.array(1.0).astype(BF16) - y)) == 0.0
    y16 = np.float16(sigmoid(np.array(8.3203125)))
    assert float(y16) == 1.0 and float(y16 * (np.float16(1) - y16)) == 0.0
    assert f"{float(sigmoid_prime(np.array(8.3203125))):.1e}" == "2.4e-04"
    both("y(1 - y)", r"2.4 \times 10^{-4}$")


def test_backward_from_the_saved_output_is_zero_from_the_value_threshold_in_every_format():
    """'A backward pass computed from the stored output, as PyTorch's is for the sigmoid and tanh, ... is
    exactly 0 from the first table's threshold on': y(1 - y) and 1 - y^2, each step rounded to the
    format, vanish at every input past the value's threshold on the saturating side(s), in every format.
    review final67, lp: the takeaway names the sigmoid and tanh, not ELU, whose rounded derivative is checked non-zero."""
    for fmt in lp.FORMATS:
        dt = lp.DTYPES[fmt]
        one = np.array(1.0).astype(dt)
        for key, backward, sides in (("sigmoid", lambda y: y * (one - y), (1,)),
                                     ("tanh", lambda y: one - y * y, (0, 1))):
            f = EVERY[key].f
            for side in sides:
                start = lp.row(key, fmt).value[side]
                assert abs(lp.row(key, fmt).slope[side]) > abs(start), (key, fmt, side)   # "does not get that far"
                xs = np.linspace(start, start * 4, 2001)          # the threshold and on outwards
                y = np.asarray(f(xs.astype(dt).astype(float))).astype(dt)
                with np.errstate(all="ignore"):
                    assert np.all(backward(y).astype(float) == 0.0), (key, fmt, side)
    page_lang("en", "Once $y$ is saved as exactly 1, that product is exactly 0", "")
    page_lang("zh", "", "一旦 $y$ 恰好存为 1，这个乘积就恰好是 0")
    # said once (the sigmoid's tail, review final62, lp: no second paragraph before the tables); the takeaway refers back
    page_lang("en", "The derivative itself, rounded from its exact value, stays non-zero much further out. The value only has "
              "to come within rounding distance of its limit, while the derivative has to shrink to half the smallest "
              "positive number: $\\sigma'$ underflows to 0 only at 93 in bfloat16", "")
    page_lang("zh", "", "如果把精确的导数值只舍入一次，它保持非零的范围要大得多：函数值只要离极限近到舍入后与之相同即可，"
              "导数却要小到最小正数的一半。")
    for lang in LANGS:
        assert page(lang).count("half the smallest positive number" if lang == "en" else "小到最小正数的一半") == 1, lang
    # review final67, lp: the takeaway names whose backward pass is 0 (the sigmoid's and tanh's). ELU, in the same list,
    # has PyTorch's backward from the saved input (derivatives.yaml), and its exact derivative e^x rounded to bfloat16
    # is not 0 at its value threshold -6.25 (1.9e-3) nor anywhere down to -90
    elu_start = lp.row("elu", "bfloat16").value[0]
    assert elu_start == -6.25
    elu_slope = lp.to_format(np.exp(np.linspace(-90.0, elu_start, 1001)), "bfloat16")
    assert np.all(elu_slope > 0) and f"{float(elu_slope[-1]):.1e}" == "1.9e-03"
    page_lang("en", "from there the backward pass of the sigmoid and tanh, [computed from the saved output](#sigmoid-tail), is 0.", "")
    page_lang("zh", "", "此后 sigmoid 和 tanh [由保存的输出算出的反向传播](#sigmoid-tail)就是 0。")
    for lang, old in (("en", "from there [the backward pass from the saved output]"), ("zh", "此后[由保存的输出算出的反向传播]")):
        assert old not in page(lang), lang
    for lang, phrase in (("en", "does not get that far"), ("zh", "走不到那么远")):
        assert phrase not in page(lang), lang


def test_alt_text_log_tail_is_straight_from_about_three():
    """Alt text, panel (b): log(1 - sigma(x)) is not straight near 0 (0.3 decade above e^-x at x = 0) but
    follows the line e^-x to within 0.03 decade from x = 3 on."""
    gap = lambda x: np.log10(np.exp(-x)) - np.log10(1 / (1 + np.exp(x)))    # decades between e^-x and 1 - sigma
    assert gap(0.0) > 0.3 - 1e-9 and gap(2.0) > 0.05
    assert np.all(gap(np.linspace(3, 20, 1701)) < 0.03)
    page_lang("en", "the exact curve becomes a straight line, 1 − σ(x) ≈ e⁻ˣ, from about x = 3", "")
    page_lang("zh", "", "精确曲线从 x 约为 3 起变成一条直线，即 1 − σ(x) ≈ e⁻ˣ")


def test_tanh_thresholds_and_slope():
    """3.47 in bfloat16, 4.508 in float16 (4.5078125: 4.51 would name the next float16 value,
    4.51171875, so the page writes it as the table does) and, correctly rounded, 9.01 in float32.  The
    page quotes no library's float32 tanh: NumPy picks its implementation per CPU, so where it first
    returns 1 is not a fact about numpy."""
    from actsite.pages import low_precision_table as lpt
    assert [round(lp.row("tanh", f).value[1], 2) for f in ("bfloat16", "float32")] == [3.47, 9.01]
    t16 = lp.row("tanh", "float16").value[1]
    assert t16 == 4.5078125 and float(lp.to_format(4.51, "float16")) != t16 and float(lp.to_format(4.508, "float16")) == t16
    assert lpt.number_latex(t16, "en", "float16") == "4.508"
    assert lp.row("tanh", "bfloat16").value[0] == -lp.row("tanh", "bfloat16").value[1]
    assert round(float(tanh_prime(np.array(3.46875))), 4) == 0.0039
    both("3.47", "$3.9 \\times 10^{-3}$", "4.508")
    page_lang("en", r"earlier still: in bfloat16 from $|x| = 3.47$, where its slope is $3.9 \times 10^{-3}$, and in float16 from 4.508.", "")
    page_lang("zh", "", r"还要更早：在 bfloat16 中从 $|x| = 3.47$ 起（斜率 $3.9 \times 10^{-3}$），在 float16 中从 4.508 起。")
    for lang, machine_dependent in (("en", "numpy's float32 tanh"), ("zh", "numpy 的 float32 tanh")):
        assert machine_dependent not in page(lang), lang


def test_sigmoid_derivative_underflow_and_left_tail():
    assert lp.row("sigmoid", "bfloat16").slope[1] == 93.0
    assert round(lp.row("sigmoid", "float32").slope[1], 2) == 103.97
    assert lp.row("sigmoid", "bfloat16").value[0] == -93.0
    assert round(lp.row("sigmoid", "float16").value[0], 2) == -17.34
    # the FP8 left ends of the sigmoid's bars (alt text)
    assert lp.row("sigmoid", "float8_e5m2").value[0] == -12.0 and lp.row("sigmoid", "float8_e4m3fn").value[0] == -7.0
    page_lang("en", "−12 (E5M2) or −7 (E4M3)", "")
    page_lang("zh", "", "−12（E5M2）或 −7（E4M3）")
    both("93", "103.97", "$-93$", "$-17.34$")
    # the left tail of the value belongs to the sigmoid's tail, before the backward pass and the derivative's thresholds
    for lang, left, later in (("en", "On the left the sigmoid's value is tiny but representable: it underflows to 0 only at "
                                     "$-93$ in bfloat16, but already at $-17.34$ in float16, whose range is narrow.",
                               "What this does to training depends on how the derivative is computed."),
                              ("zh", "在左侧，sigmoid 的值虽小却仍可表示，在 bfloat16 中到 $-93$ 才下溢成 0，而 float16 范围窄，"
                                     "在 $-17.34$ 就下溢了。", "这对训练有什么影响，取决于导数怎么算。")):
        text = page(lang)
        assert text.index("{ #sigmoid-tail }") < text.index(left) < text.index(later), lang


# --- every function, every format -------------------------------------------------------------

def test_piecewise_linear_functions_reach_their_asymptotes_at_a_kink():
    # ReLU, Leaky ReLU, PReLU, RReLU, maxout: equal to an asymptote on each side of the kink at 0,
    # in every format, so no format moves the point where they reach their asymptotes
    for key in ("relu", "leaky_relu", "prelu", "rrelu", "maxout"):
        for fmt in lp.FORMAT_KEYS:
            assert lp.row(key, fmt).value == (0.0, 0.0), (key, fmt)
    # the hard functions differ from their asymptotes between their kinks and reach them at a kink
    kinks = {"hard_sigmoid": (-3.0, 3.0), "hard_tanh": (-1.0, 1.0), "relu6": (0.0, 6.0)}
    for key, ends in kinks.items():
        for fmt in lp.FORMAT_KEYS:
            assert lp.row(key, fmt).value == ends and ends[0] < ends[1], (key, fmt)
    # the site's Maxout is max(x, -x) = |x|: the input times -1 on the left, the input on the right
    x = np.linspace(-5, 5, 1001)
    np.testing.assert_array_equal(EVERY["maxout"].f(x), np.abs(x))
    page_lang("en", r"ReLU, Leaky ReLU, PReLU, RReLU and Maxout (on this site the fixed two-piece case $\max(x, -x) = |x|$) return their input, "
              "zero, or their input times a constant", "")
    page_lang("zh", "", r"ReLU、Leaky ReLU、PReLU、RReLU 和 Maxout（本站取其固定的两段特例 $\max(x, -x) = |x|$）返回输入本身、0，"
              "或输入乘以一个常数")
    page_lang("en", "**For piecewise-defined functions the format barely matters.**", "")
    page_lang("zh", "", "**对分段定义的函数，格式几乎无关紧要。**")
    # hard swish's middle piece x(x + 3)/6 is quadratic, not linear: the page says so
    hs = EVERY["hard_swish"]
    x = np.linspace(-2.5, 2.5, 11)
    np.testing.assert_allclose(hs.f(x), x * (x + 3) / 6, rtol=1e-12)
    assert np.ptp(np.diff(hs.f(x), 2)) < 1e-12 and abs(np.diff(hs.f(x), 2)[0]) > 1e-3      # constant, non-zero curvature
    # the clause attaches to hard swish alone: the other three are piecewise linear
    page_lang("en", "(hard sigmoid, hard tanh, ReLU6, and hard swish with its quadratic middle piece)", "")
    page_lang("zh", "", "即 hard sigmoid、hard tanh、ReLU6，以及中间一段为二次函数的 hard swish，")
    # hard swish's right side meets the slanted line y = x, not a limit: the sentence says "asymptotes"
    assert lp.asymptote("hard_swish", 1) == lp.Asymptote(1.0, 0.0)
    page_lang("en", "reach their asymptotes at their [kinks](../glossary.md#kink)", "")
    page_lang("zh", "", "在[折点](../glossary.md#kink)处与渐近线重合")
    for lang, loose in (("en", "reach their limits at their"), ("zh", "处到达极限")):
        assert loose not in page(lang), lang
    for key in ("hard_sigmoid", "hard_tanh", "relu6"):
        xs = np.linspace(0.1, 0.9, 7)                     # inside the middle piece of all three
        assert np.ptp(np.diff(EVERY[key].f(xs), 2)) < 1e-12 and abs(np.diff(EVERY[key].f(xs), 2)[0]) < 1e-12, key
    for lang in LANGS:        # the site's term is "hard and cheap functions", which include softsign
        assert "hard functions" not in page(lang) and "硬函数" not in page(lang), lang
    for lang in LANGS:
        assert "Piecewise-linear" not in page(lang) and "分段线性函数" not in page(lang), lang
    # review final65, lp: the takeaway no longer says the ReLU family equals its asymptotes (true by construction); it
    # says the hard functions meet theirs at their kinks in every format, hard swish's value one format step below 3
    takeaway = {lang: page(lang).split("{ #takeaways }")[1].split("\n- ")[1] for lang in LANGS}
    assert "Hard sigmoid, hard tanh, ReLU6 and hard swish, by contrast, meet their asymptotes at or just below their "\
           "kinks in every format." in takeaway["en"]
    assert "hard sigmoid、hard tanh、ReLU6 和 hard swish 则不论哪种格式，都在折点处或紧挨折点处与渐近线重合。" in takeaway["zh"]
    for lang, old in (("en", "never differ from their asymptotes"), ("zh", "处处等于各自的渐近线")):
        assert old not in page(lang), lang
    for fmt in lp.FORMAT_KEYS:
        for key, ends in kinks.items():
            assert lp.row(key, fmt).value == lp.row(key, fmt).slope == ends, (key, fmt)
        below_3 = (float(np.nextafter(np.float32(3), np.float32(0))) if fmt == "float32"
                   else float(lp.positive_values(fmt)[lp.positive_values(fmt) < 3].max()))
        hs = lp.row("hard_swish", fmt)
        assert hs.value == (-3.0, below_3) and hs.slope == (-3.0, 3.0), fmt
    # review final60, lp: said exactly (their outputs are still rounded, e.g. Leaky ReLU's 0.01x), not "unaffected"
    for lang, vague in (("en", "unaffected in every format"), ("zh", "在哪种格式中都不受影响")):
        assert vague not in page(lang), lang
    # the search finds no input on either side, in any format, where these five differ from their asymptotes
    for key in ("relu", "leaky_relu", "prelu", "rrelu", "maxout"):
        for fmt in lp.FORMAT_KEYS:
            assert lp.row(key, fmt).value == (0.0, 0.0), (key, fmt)
    # ... and directly: every value of every narrow format, rounded, against its rounded asymptote (Maxout's are its pieces)
    for key in ("relu", "leaky_relu", "prelu", "rrelu", "maxout"):
        for fmt in ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"):
            x = lp.every_value(fmt)
            for side, part in ((-1, x[x < 0]), (1, x[x > 0])):
                a = lp.asymptote(key, side)
                assert np.array_equal(lp.to_format(EVERY[key].f(part), fmt),
                                      lp.to_format(a.slope * part + a.intercept, fmt)), (key, fmt, side)
    # ReLU returns its input or 0: exact in every format, for every value of the format
    for fmt in ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"):
        x = lp.every_value(fmt)
        assert np.array_equal(lp.to_format(EVERY["relu"].f(x), fmt), EVERY["relu"].f(x)), fmt
    for lang in LANGS:
        assert "never saturate" not in page(lang) and "不会饱和。" not in page(lang), lang
    # but multiplying by the slope does round: leaky ReLU's 0.01·x is not exact in E4M3
    x = -lp.positive_values("float8_e4m3fn")
    slope = lp.asymptote("leaky_relu", -1).slope
    assert np.any(lp.to_format(slope * x, "float8_e4m3fn") != slope * x)


def test_hard_functions_reach_their_limits_at_their_corners():
    for fmt in lp.FORMAT_KEYS:
        assert lp.row("hard_sigmoid", fmt).value == (-3.0, 3.0)
        assert lp.row("hard_tanh", fmt).value == (-1.0, 1.0)
        assert lp.row("relu6", fmt).value == (0.0, 6.0)
        assert lp.row("hard_swish", fmt).value[0] == -3.0 and 2.5 <= lp.row("hard_swish", fmt).value[1] <= 3.0
    assert round(lp.row("hard_swish", "bfloat16").value[1], 2) == 2.98
    assert lp.row("hard_swish", "float8_e5m2").value[1] == 2.5 and lp.row("hard_swish", "float8_e4m3fn").value[1] == 2.75
    both("2.98", "2.5", "2.75")


def test_elu_and_softsign_thresholds():
    assert lp.row("elu", "bfloat16").value[0] == -6.25 == -lp.row("sigmoid", "bfloat16").value[1]
    assert lp.row("softsign", "bfloat16").value == (-512.0, 512.0)
    assert lp.row("softsign", "float16").value == (-4096.0, 4096.0)
    # exponential tails reach their limit early, softsign's 1/|x| tail late, in the same format
    assert lp.row("softsign", "bfloat16").value[1] > 50 * lp.row("sigmoid", "bfloat16").value[1]
    both("$-6.25$", "512")
    page_lang("en", "4,096 in float16", "")
    page_lang("zh", "", "float16 中的 4096")
    # review final75, lp: softsign is a contrast (its tail is not exponential), so the lead says it reaches its limit late
    page_lang("en", "**Functions that approach a non-zero limit along an exponential tail reach it early; softsign, whose "
              "tail is not exponential, reaches it late.**", "")
    page_lang("zh", "", "**沿指数衰减的尾部趋向非零极限的函数很早就到达这个极限；softsign 的尾部不是指数式的，到得很晚。**")
    assert abs(EVERY["softsign"].f(np.array([1e4]))[0] - (1 - 1 / (1 + 1e4))) < 1e-15     # 1 - softsign = 1/(1+x)


def test_gelu_and_softplus_become_their_asymptotes():
    g = lp.row("gelu", "bfloat16")
    assert round(g.value[1], 2) == 2.78 and round(g.value[0], 2) == -13.56
    assert round(g.slope[1], 2) == 3.41
    assert round(lp.row("gelu", "float32").value[1], 2) == 5.35
    assert lp.asymptote("gelu", 1).slope == 1.0 and lp.asymptote("gelu", -1) == lp.Asymptote(0.0, 0.0)
    sp = lp.row("softplus", "bfloat16")
    assert round(sp.value[1], 2) == 4.16 and lp.asymptote("softplus", 1) == lp.Asymptote(1.0, 0.0)
    assert lp.asymptote("softplus", -1) == lp.Asymptote(0.0, 0.0)
    both("2.78", "5.35", "$-13.56$", "3.41", "4.16")
    # what sets the group apart: its asymptote on the right is the line x itself, so reaching it loses nothing
    for key in ("softplus", "gelu", "silu", "mish"):
        assert lp.asymptote(key, 1) == lp.Asymptote(1.0, 0.0), key
    page_lang("en", "3. **Softplus and the [smooth gates](smooth-gates.md) (GELU, SiLU, Mish: $x$ times a gate rising "
              "smoothly from 0 to 1) reach the line $x$ early, which does no harm.**", "")
    page_lang("zh", "", "3. **softplus 和[平滑门控函数](smooth-gates.md)（GELU、SiLU、Mish：$x$ 乘以一个从 0 平滑升到 1 的门）"
              "很早就与直线 $x$ 重合，这并无害处。**")        # review final75, lp: no "但" with nothing to contrast
    # the gloss holds: each is x·g(x) with g rising from 0 to 1 (Mish's g = tanh(softplus(x)))
    x = np.linspace(-30, 30, 6001)
    for key in ("gelu", "silu", "mish"):
        g = EVERY[key].f(x[x != 0]) / x[x != 0]
        assert np.all(np.diff(g) > -1e-12) and g[0] < 1e-6 and g[-1] > 1 - 1e-6, key
    for lang, link in (("en", "[smooth gates](smooth-gates.md)"), ("zh", "[平滑门控函数](smooth-gates.md)")):
        prose = re.sub(r"!\[[^\]]*\]\(figure:[^)]*\)", "", page(lang))     # alt texts cannot link
        first = prose.index("smooth gate" if lang == "en" else "平滑门控")
        assert prose.index(link) == first - 1, lang                   # linked at its first use in the prose


def test_selu_saturates_early_like_elu():
    """SELU's negative side, λα(e^x − 1), reaches its limit within a unit of ELU's in every format."""
    for fmt in lp.FORMAT_KEYS:
        elu, selu = lp.row("elu", fmt).value[0], lp.row("selu", fmt).value[0]
        assert abs(elu - selu) < 1.0 and selu > -20, fmt
    page_lang("en", "SELU, a scaled ELU, behaves alike", "")
    page_lang("zh", "", "SELU 是缩放过的 ELU，情形相同")


def test_threshold_tables_list_every_activation_in_every_format():
    from actsite.pages import low_precision_table as lpt
    for lang in LANGS:
        assert page(lang).count(lpt.MARKER) == 1, lang
    data = lpt.cached("low_precision_thresholds")
    assert [str(k) for k in data["keys"]] == list(EVERY) and [str(f) for f in data["formats"]] == list(lp.FORMAT_KEYS)
    for i, key in enumerate(EVERY):
        for j, fmt in enumerate(lp.FORMAT_KEYS):
            r = lp.row(key, fmt)
            assert tuple(data["value"][i, j]) == r.value and tuple(data["slope"][i, j]) == r.slope, (key, fmt)
    # a function whose pair is the same in every format gets no row but a place in the line under its table
    same = {quantity: [key for key, per_format in zip(EVERY, data[quantity])
                       if np.all(np.asarray(per_format, dtype=float) == np.asarray(per_format[0], dtype=float))]
            for quantity in ("value", "slope")}
    piecewise = ["relu", "leaky_relu", "prelu", "rrelu", "maxout", "hard_sigmoid", "hard_tanh", "relu6"]
    assert same == {"value": piecewise, "slope": piecewise + ["hard_swish"]}, same
    for lang in LANGS:
        html = lpt.tables_html(lang)
        assert html.count("<caption>") == 2 and html.count("<tr>") == 2 + 2 * len(EVERY) - len(same["value"]) - len(same["slope"])
        for quantity, part in zip(("value", "slope"), html.split("<table>")[1:]):
            grid, line = part.split("</table>")
            assert line.count("<p>") == 1, (lang, quantity)
            listed = re.sub(r'<span class="arithmatex">.*?</span>', "", line.split(lpt.SAME[lang]["opening"])[1])
            listed = re.sub(r"\s*[(（][^)）]*[)）]", "", listed)                     # the pairs
            listed = re.split(r"[;；,、。.]\s*| and | 和 ", listed.partition("</p>")[0])
            for act in EVERY.values():
                header = f'<th scope="row">{lpt.text_cell(act.names[lang])}</th>'
                left_out = act.key in same[quantity]
                assert grid.count(header) == (0 if left_out else 1), (lang, quantity, act.key)
                assert (lpt.prose_name(act.key, lang) in listed) == left_out, (lang, quantity, act.key, listed)
    assert [lpt.prose_name(k, "en") for k in ("relu", "leaky_relu", "maxout", "hard_sigmoid", "softplus", "mish", "silu")] == \
        ["ReLU", "Leaky ReLU", "Maxout", "hard sigmoid", "softplus", "Mish", "SiLU / Swish"]
    zero, three = (r'<span class="arithmatex">\(0\)</span>', r'<span class="arithmatex">\(3\)</span>')
    lines = {lang: re.findall(r"<p>(.*?)</p>", lpt.tables_html(lang)) for lang in LANGS}
    assert lines["en"][0].startswith("The same in every format, and so left out of the table: ReLU, Leaky ReLU, PReLU, "
                                     f"RReLU and Maxout (left {zero}, right {zero}); hard sigmoid (left "), lines["en"]
    assert f"; hard sigmoid and hard swish (left " in lines["en"][1] and f"right {three}); hard tanh" in lines["en"][1]
    assert lines["zh"][0].startswith("在每种格式下都相同、因而未列入表中的函数：ReLU、Leaky ReLU、PReLU、RReLU 和 Maxout"
                                     f"（左侧 {zero}，右侧 {zero}）；hard sigmoid（左侧 "), lines["zh"]
    assert "hard sigmoid 和 hard swish（左侧 " in lines["zh"][1] and "hard swish" not in lines["zh"][0]
    # a sample of cells, as the reader sees them
    en = lpt.tables_html("en")

    def pair(a, b):
        return rf'<span class="arithmatex">\({a}\)</span><br><span class="arithmatex">\({b}\)</span>'
    assert pair(-93, 6.25) in en and pair(-17.34, 8.32) in en and pair(-93, 93) in en
    assert pair("-4{,}096", "4{,}096") in en and pair(-4096, 4096) in lpt.tables_html("zh")
    assert pair(r"-3.4 \times 10^{7}", r"3.4 \times 10^{7}") in en                     # softsign in float32: 2^25
    assert lpt.number_latex(0.625, "en", "float8_e5m2") == "0.625" and lpt.number_latex(1.875, "en", "float8_e4m3fn") == "1.875"
    assert lpt.number_latex(2.984375, "en", "bfloat16") == "2.98" and lpt.number_latex(4.5078125, "en", "float16") == "4.508"
    assert lpt.number_latex(-10.375, "en", "bfloat16") == "-10.375" and lpt.number_latex(3.0, "en", "float16") == "3"
    assert lpt.number_latex(float(np.nextafter(np.float32(3), np.float32(0))), "en", "float32") == "2.9999998"
    assert lpt.number_latex(2.0 ** 67, "en", "bfloat16") == r"1.48 \times 10^{20}"        # 1.5e20 is another bfloat16
    assert lpt.number_latex(-20.296875, "en", "float16") == "-20.30"             # two decimals, trailing zero kept
    assert lpt.number_latex(-0.0, "en", "float16") == "0" and lpt.number_latex(4096.0, "zh", "float16") == "4096"
    with pytest.raises(ValueError):
        lpt.number_latex(float("nan"), "en", "float16")


def test_derivative_underflows_far_beyond_the_value_on_exponential_tails_with_a_nonzero_limit():
    sides = [("sigmoid", 1), ("tanh", 1), ("tanh", -1), ("elu", -1), ("selu", -1)]
    for key, side in sides:
        assert lp.asymptote(key, side).intercept != 0.0 and lp.asymptote(key, side).slope == 0.0
        for fmt in lp.FORMAT_KEYS:
            i = 0 if side < 0 else 1
            r = lp.row(key, fmt)
            assert abs(r.slope[i]) >= 1.9 * abs(r.value[i]), (key, side, fmt)
    r = lp.row("sigmoid", "bfloat16")
    assert r.slope[1] == 93.0 and r.value[1] == 6.25
    # on the left the sigmoid's limit is 0: value and derivative underflow together
    assert lp.row("sigmoid", "bfloat16").value[0] == lp.row("sigmoid", "bfloat16").slope[0]


def test_ranges_figure_shows_every_row_and_format():
    """review final69, lp: caption says the x axis is logarithmic beyond ±1, linear between. review final71, lp: alt text and caption say the tanh crosses belong to the quotient form."""
    data = plotted("low_precision_ranges")
    assert data["keys"] == list(EVERY)
    assert set(data["spans"]) == {(k, f) for k in EVERY for f in lp.FORMAT_KEYS}
    assert {(k, f) for k, f, _ in data["clipped"]} == {("softsign", "float32"), ("softsign", "bfloat16"),
                                                       ("softsign", "float16")}
    overflow_at = {round(abs(v), 1) for (k, f, _), v in data["overflows"].items() if f == "float16" and k != "gelu_tanh"}
    assert overflow_at == {11.1}
    assert {round(abs(v)) for (k, f, _), v in data["overflows"].items() if k == "gelu_tanh"} == {40, 8}
    # alt text: the exponential's crosses sit on the side where the formula exponentiates a large positive number
    sides = {}
    for (k, f, side), v in data["overflows"].items():
        if k != "gelu_tanh":
            sides.setdefault(k, set()).add(side)
            assert (v < 0) == (side == 0) and round(abs(v), 1) in {88.7, 89.0, 11.1, 12.0, 6.5}, (k, f, v)
    assert sides == {"sigmoid": {0}, "silu": {0}, "softplus": {1}, "mish": {1}, "tanh": {0, 1}}
    assert {f: round(abs(v), 1) for (k, f, _), v in data["overflows"].items() if k == "tanh"} == {
        "float32": 88.7, "bfloat16": 89.0, "float16": 11.1, "float8_e5m2": 12.0, "float8_e4m3fn": 6.5}
    assert {(f, round(abs(v))) for (k, f, _), v in data["overflows"].items() if k == "gelu_tanh"} == {
        ("float16", 40), ("float8_e5m2", 40), ("float8_e4m3fn", 8)}
    # review final71, lp: the tanh crosses belong to the quotient form, named in the alt text and caption before the
    # overflow section defines it; they sit where that form is NaN in each format
    for f in ("float16", "float8_e5m2", "float8_e4m3fn"):
        xs = lp.every_value(f)
        with np.errstate(all="ignore"):
            nan = np.isnan(lp.naive_in("tanh", xs, f))
        for side, v in ((k_s[2], v) for k_s, v in data["overflows"].items() if k_s[0] == "tanh" and k_s[1] == f):
            first = xs[nan & (xs > 0)].min() if side == 1 else xs[nan & (xs < 0)].max()
            assert first == v, (f, side, v, first)
    for lang, said in (("en", "(for tanh, the quotient (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ)) overflows;"),
                       ("zh", "中间结果溢出之处（tanh 按商式 (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) 计算）；")):
        assert said in page(lang), lang
    for lang, old in (("en", "both for tanh):"), ("zh", "Mish 在右侧，tanh 两侧都有）")):
        assert old not in page(lang), lang
    # review final75, lp: the alt text's crosses sentence is split in three (where, which side, at what |x|)
    page_lang("en", "They sit on the side where it exponentiates a large positive number: the left for the sigmoid and "
              "SiLU, the right for softplus and Mish, both sides for tanh computed as the quotient (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ). "
              "They are at |x| ≈ 11 for float16, 12 for E5M2, 6.5 for E4M3 and 89 for "
              "float32 and bfloat16. For the tanh approximation of GELU, whose cube overflows, they sit at ±40 (float16, "
              "E5M2) and ±8 (E4M3).", "")
    page_lang("zh", "", "它们只出现在公式对大正数取指数的那一侧：sigmoid 和 SiLU 在左侧，softplus 和 Mish 在右侧，按商式 "
              "(eˣ − e⁻ˣ)/(eˣ + e⁻ˣ) 计算的 tanh 两侧都有。叉号所在的 "
              "|x| 约为 11（float16）、12（E5M2）、6.5（E4M3）和 89（float32、bfloat16）。GELU 的 tanh 近似溢出的是立方项，"
              "叉号在 ±40（float16、E5M2）和 ±8（E4M3）。")
    # alt text: the sigmoid's left bar ends, and the right ends of softplus, the smooth gates and GELU's tanh approximation
    spans = data["spans"]
    ends = {f: round(spans[("sigmoid", f)][0]) for f in lp.FORMAT_KEYS}
    assert ends == {"float32": -104, "bfloat16": -93, "float16": -17, "float8_e5m2": -12, "float8_e4m3fn": -7}
    right = [spans[(k, f)][1] for k in ("softplus", "gelu", "gelu_tanh", "silu", "mish") for f in lp.FORMAT_KEYS]
    assert min(right) == 1.25 and round(max(right)) == 17
    left = {(k, f): spans[(k, f)][0] for k in ("softplus", "gelu", "gelu_tanh", "silu", "mish") for f in lp.FORMAT_KEYS}
    assert max(left.values()) == -3.5 and {f for (k, f), v in left.items() if v == -3.5} == {"float8_e4m3fn"}
    assert round(min(left.values())) == -109 and {f for (k, f), v in left.items() if round(v) == -109} == {"float32"}
    page_lang("en", "The sigmoid's bars run from −104 (float32), −93 (bfloat16), −17 (float16), −12 (E5M2) or −7 (E4M3)", "")
    page_lang("zh", "", "sigmoid 的条从 −104（float32）、−93（bfloat16）、−17（float16）、−12（E5M2）或 −7（E4M3）")
    page_lang("en", "Softplus and the smooth gates GELU (exact and tanh approximation), SiLU and Mish have bars ending on "
              "the right between 1.25 and 17, and on the left between −3.5 (E4M3) and −109 (float32).", "")
    page_lang("zh", "", "softplus 以及平滑门控函数 GELU（精确形式和 tanh 近似）、SiLU 和 Mish 的条在右侧止于 1.25 到 17 之间，"
              "在左侧止于 −3.5（E4M3）到 −109（float32）之间。")
    labels = data["labels"]
    assert r"$\mathrm{Leaky\ ReLU}$" in labels and not any("LReLU" in t for t in labels)
    # the sigmoid's row carries the name the tables and the prose use, not the symbol σ
    assert r"$\mathrm{sigmoid}$" in labels and r"$\sigma$" not in labels and r"$\tanh$" in labels
    assert all(rf"\mathrm{{hard\ {n}}}" in "".join(labels) for n in ("sigmoid", "tanh", "swish"))
    # the tanh approximation of GELU: the prose keeps the glossary's name and says once how the figure labels it
    assert r"$\mathrm{GELU}_{\tanh}$" in labels
    for lang, name, label in (("en", "the tanh approximation of GELU", r"labelled $\mathrm{GELU}_{\tanh}$ in the figure"),
                              ("zh", "GELU 的 tanh 近似", r"图中标作 $\mathrm{GELU}_{\tanh}$")):
        text = page(lang)
        assert text.count(r"\mathrm{GELU}_{\tanh}") == 1 and label in text, lang
        prose = re.sub(r"!\[[^\]]*\]\(figure:[^)]*\)", "", text)          # alt texts describe, the prose names
        assert prose.index(name) < prose.index(label) < prose.index(name) + 400, lang    # at its first mention, the formula's bullet
    # review final58, lp: the figure's caption says what its label GELUₜₐₙₕ stands for, so the reader need not wait for
    # the overflow section
    # review final69, lp: the caption also says the x axis is symmetric-logarithmic, linear on [-1, 1] (as the figure's
    # code draws it), so that hard tanh's bar (±1) and hard sigmoid's (±3) are not read as proportional
    import inspect
    from actsite.figures import low_precision as lp_fig
    assert 'set_xscale("symlog", linthresh=1.0)' in inspect.getsource(lp_fig)
    for lang, gloss in (("en", "(GELUₜₐₙₕ is the tanh approximation of GELU; the x axis is logarithmic beyond ±1, linear between)"),
                        ("zh", "（GELUₜₐₙₕ 即 GELU 的 tanh 近似；横轴在 ±1 以外为对数刻度，在 −1 与 1 之间为线性刻度）")):
        caption = next(m.group("caption") for m in FIGURE_MARKER.finditer(page(lang)) if m.group("name") == "low_precision_ranges")
        assert gloss in caption, lang
    for lang, other in (("en", "GELU_tanh"), ("en", "GELU-tanh"), ("en", "tanh form"), ("zh", "tanh 形式")):
        assert other not in page(lang), (lang, other)


def test_sigmoid_tail_figure():
    data = plotted("sigmoid_tail_formats")
    assert data["ones"]["bfloat16"] == 6.25 and round(data["ones"]["float32"], 2) == 17.33
    for fmt, values in data["values"].items():
        assert np.all(np.diff(values) >= 0), fmt                 # every staircase is monotone
    xs = data["xs"]
    assert set(np.unique(data["values"]["float8_e4m3fn"][xs["float8_e4m3fn"] >= 2.5])) == {0.9375, 1.0}
    assert set(np.unique(data["values"]["float8_e5m2"][xs["float8_e5m2"] >= 2])) == {0.875, 1.0}
    # the 8- and 16-bit curves are drawn at the format's own values, so each reaches 1 in (a), and ends in (b),
    # exactly at its tick: the last input with 1 - sigma_F > 0 is the format's value just below the tick
    for fmt in ("bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"):
        for x, v in ((xs[fmt], data["values"][fmt]), (data["xgs"][fmt], 1.0 - data["gaps"][fmt])):
            assert np.array_equal(x, lp.to_format(x, fmt)), fmt
            assert x[np.argmax(v == 1.0)] == data["ones"][fmt], fmt
            assert np.all(v[x >= data["ones"][fmt]] == 1.0) and np.all(v[x < data["ones"][fmt]] < 1.0), fmt
    for lang, said in (("en", "reach 1 at 3 (E5M2) and 3.5 (E4M3)"), ("en", "marked by a tick at the bottom: at 3 and 3.5 for FP8"),
                       ("en", "The sigmoid in each format F, evaluated at F's values and rounded to F"),
                       ("zh", "在 3（E5M2）和 3.5（E4M3）处到达 1"), ("zh", "并在底部用短竖线标出：FP8 在 3 和 3.5"),
                       ("zh", "各格式 F 下的 sigmoid，输入取 F 中的值，输出舍入到 F")):
        assert said in page(lang), (lang, said)
    # the text refers to panel (b) before the figure, with the ticks it shows
    assert {f: round(v, 2) for f, v in data["ones"].items()} == {
        "float32": 17.33, "bfloat16": 6.25, "float16": 8.32, "float8_e5m2": 3.0, "float8_e4m3fn": 3.5}
    # review final58, lp: a paragraph of its own, with two of the ticks (the first table, below, gives all five formats)
    # review final72, lp: it is the rounded 1 - sigma_F that becomes 0 at the tick; the exact 1 - sigma never does
    for fmt, tick in (("float16", data["ones"]["float16"]), ("float32", data["ones"]["float32"])):
        assert 1.0 - float(lp.to_format([sigmoid(np.array(tick))], fmt)[0]) == 0.0, fmt
        assert 1.0 - sigmoid(np.array(tick)) > 1e-8 and sigmoid(np.array(-tick)) > 0, fmt   # exact: 3.0e-8 at 17.33
    for lang, wrong in (("en", r"$1 - \sigma$ follows"), ("zh", r"画出了 $1 - \sigma$：")):
        assert wrong not in page(lang), lang
    for lang, said in (("en", "\n\n" + r"Panel (b) of the figure below shows every format: $1 - \sigma_F$ follows $e^{-x}$ down to a "
                              "tick where it becomes exactly 0, which in float16 is at 8.32 and in float32 at 17.33.\n\n"),
                       ("zh", "\n\n" + r"下图 (b) 对每种格式都画出了 $1 - \sigma_F$：它沿 $e^{-x}$ 下降，到短竖线处恰好变成 0，"
                              "例如 float16 在 8.32 处，float32 在 17.33 处。\n\n")):
        text = page(lang)
        assert said in text and text.index(said) < text.index("figure:sigmoid_tail_formats"), lang
        assert text.index("<!-- low-precision-thresholds -->") > text.index(said), lang        # the first table is below


# --- overflowing intermediates ----------------------------------------------------------------

def test_one_symbol_for_the_natural_logarithm():
    """The page writes the natural logarithm as \\log throughout and says once that it is natural."""
    for lang, said in (("en", r"Here $\log$ is the natural logarithm, as throughout this page."),
                       ("zh", r"其中 $\log$ 是自然对数（本页都如此）。")):
        text = page(lang)
        assert said in text and r"\ln" not in text and "ln(" not in text, lang
    assert math.log(4 / lp.FORMATS["bfloat16"].eps) == pytest.approx(9 * math.log(2))      # natural: 6.24, not 2.71
    assert round(9 * math.log(2), 2) == 6.24 and round(9 * math.log10(2), 2) != 6.24


def test_exp_overflow_per_format():
    """review final69, lp: zh gives float32's maximum by name instead of '3.39 对 3.40'."""
    got = {f: lp.exp_overflow(f) for f in lp.FORMAT_KEYS}
    assert round(got["float32"], 2) == 88.72 and got["bfloat16"] == 89.0 and got["float8_e4m3fn"] == 6.5
    assert got["float8_e5m2"] == 12.0 and round(got["float16"], 2) == 11.09
    assert round(math.log(65504), 2) == 11.09
    both("88.72", "89", "6.5", "12", "11.09")
    page_lang("en", "In float32 and bfloat16, whose largest values are almost equal, it holds out until 88.72 and 89 respectively.", "")
    page_lang("zh", "", "float32 和 bfloat16 的最大值几乎相同，分别要到 88.72 和 89 才溢出。")
    # review final67c, lp (WRONG): the page's range runs down to the smallest subnormal, where float32 (2^-149) and
    # bfloat16 (2^-133) differ 2^16-fold; the two share only the smallest normal value
    # review final68, lp (WRONG): nor do they share the largest value: (2 - 2^-7)·2^127 = 3.39e38 against
    # (2 - 2^-23)·2^127 = 3.40e38; the page now says "almost" and gives both, in the formats, softmax and overflow text
    f32, b16 = np.finfo(np.float32), ml_dtypes.finfo(ml_dtypes.bfloat16)
    assert float(f32.max) != float(b16.max) and float(f32.tiny) == float(b16.tiny)
    assert float(b16.max) == (2 - 2.0 ** -7) * 2.0 ** 127 and float(f32.max) == (2 - 2.0 ** -23) * 2.0 ** 127
    assert float(f32.max) == pytest.approx(float(b16.max), rel=0.005)                 # "almost": 0.4% apart
    b, f = f"{float(b16.max) / 1e38:.2f}", f"{float(f32.max) / 1e38:.2f}"
    assert (b, f) == ("3.39", "3.40")
    page_lang("en", f"keeps float32's exponent, and so its smallest normal value and almost its largest (${b}$ against "
              rf"${f} \times 10^{{38}}$)", "")
    # review final69, lp: zh no longer writes "A 对 B" (a calque of "against"); it names float32's value
    page_lang("zh", "", f"因而最小正规数与 float32 相同，最大值也几乎相同（${b} \\times 10^{{38}}$，float32 为 ${f} \\times 10^{{38}}$）")
    assert "对 $3.40" not in page("zh")
    # review final74, lp: the softmax paragraph no longer repeats that the two largest values are almost equal
    # review final74, lp2: nor bfloat16's overflow point 89, given once in #overflow (checked above)
    page_lang("en", "In bfloat16 the same happens to $e^{90}$ and $e^{89}$, which give two NaNs.", "")
    page_lang("zh", "", "bfloat16 中的 $e^{90}$ 和 $e^{89}$ 也是如此，得到两个 NaN。")
    for lang, old in (("en", "overflows from 89 on"), ("zh", "从 89 起溢出")):
        assert old not in page(lang).split("{ #softmax }")[1], lang
    for lang, old in (("en", "With a largest value almost equal to float32's"), ("zh", "最大值与 float32 几乎相同，logit")):
        assert old not in page(lang), lang
    # e^x overflows where it passes the largest value plus half a step: two different points, one bfloat16 grid value
    over32 = math.log(float(f32.max) + 2.0 ** (127 - 23 - 1))
    over16 = math.log(float(b16.max) + 2.0 ** (127 - 7 - 1))
    assert (round(over32, 4), round(over16, 4)) == (88.7228, 88.7209)
    grid = lp.positive_values("bfloat16")
    assert float(grid[grid > over16].min()) == float(grid[grid > over32].min()) == got["bfloat16"] == 89.0
    assert round(over32, 2) == round(got["float32"], 2) == 88.72
    for lang, old in (("en", "share a range"), ("en", "so its range"), ("en", "With float32's range"),
                      ("en", "share a largest value"), ("en", "With float32's largest value"),
                      ("en", "its largest value and its smallest normal value"), ("zh", "最大值相同"),
                      ("zh", "最大值和最小正规数都与 float32 相同"), ("zh", "最大值与 float32 相同"),
                      ("zh", "因而范围相同"), ("zh", "的范围相同"), ("zh", "的范围与 float32"), ("en", "a range almost equal")):
        assert old not in page(lang), (lang, old)
    page_lang("en", r"$\log 65{,}504 \approx 11.09$", "")
    page_lang("zh", "", r"$\log 65504 \approx 11.09$")


def test_naive_formulas_are_hand_written_and_a_float32_kernel_does_not_overflow_there():
    """"A kernel that computes in float32 and rounds once has no such overflow at 11.09, 12 or 6.5, and PyTorch's
    GPU kernels for GELU, SiLU and Mish work that way for 16-bit inputs" (ActivationGeluKernel.cu,
    ActivationSiluKernel.cu, ActivationMishKernel.cu compute in at::opmath_type, float for Half and BFloat16,
    and return scalar_t: one rounding).  The same formulas evaluated in float32 and rounded once to float16
    stay finite at every float16 input and, where the float16 formula overflows, equal the correctly rounded value.
    review final69, lp: 'its exponentials' now said of SiLU and Mish only; GELU's kernels hold none."""
    with np.errstate(over="ignore"):
        for x in (11.09375, 12.0, 6.5):
            assert np.isfinite(np.exp(np.float32(x)))
        assert np.isinf(np.exp(np.float32(88.73)))
    x16 = lp.every_value("float16")
    f32 = lambda v: np.float32(v)
    kernels = {                                             # the three CUDA kernels' formulas, every step in float32
        "silu": lambda x: x / (f32(1) + np.exp(-x)),
        "mish": lambda x: x * np.tanh(np.log1p(np.exp(x))),
        "gelu_tanh": lambda x: f32(0.5) * x * (f32(1) + np.tanh(f32(math.sqrt(2 / math.pi)) * (x + f32(0.044715) * (x * x * x)))),
    }
    # where each float16 naive formula overflows: e^{-x} on SiLU's left, e^{x} on Mish's right, the cube of GELU-tanh
    overflow_side = {"silu": x16 <= -11.09375, "mish": x16 >= 11.09375, "gelu_tanh": np.abs(x16) >= 40.34375}
    for key, kernel_of in kernels.items():
        with np.errstate(all="ignore"):
            kernel = kernel_of(x16.astype(np.float32)).astype(np.float16).astype(np.float64)
            h = x16[overflow_side[key]].astype(np.float16)       # in float16 the intermediate is infinite there
            assert np.all(np.isinf({"silu": np.exp(-h), "mish": np.exp(h), "gelu_tanh": h * h * h}[key])), key
        exact = lp.to_format(EVERY[key].f(x16), "float16")
        assert np.all(np.isfinite(kernel)), key
        assert np.array_equal(kernel[overflow_side[key]], exact[overflow_side[key]]), key
    page_lang("en", "A naive formula, such as a hand-written softplus or Mish, has a problem of its own: $e^{x}$ overflows. ", "")
    # each formula named there really holds an e^{x} (GELU's do not: erf, or the tanh approximation's cube), and in
    # float16 that e^{x} is infinite from 11.09 on, at the first input the page gives
    for lang, item in (("en", "- softplus $\\log(1 + e^{x})$"), ("en", "- Mish, $x \\tanh(\\log(1 + e^{x}))$"),
                       ("zh", "- softplus（$\\log(1 + e^{x})$）"), ("zh", "- Mish（$x \\tanh(\\log(1 + e^{x}))$）")):
        assert item in page(lang), (lang, item)
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float16(11.09375))) and np.isfinite(np.exp(np.float16(11.0859375)))
    for lang in LANGS:
        assert "Mish or GELU" not in page(lang) and "Mish 或 GELU" not in page(lang), lang
    # review final63, lp: not "no such overflow" but no *early* one: in float32 the kernels' exponentials (e^{-x} in SiLU,
    # e^{x} in Mish; GELU's kernels hold none) overflow only beyond log(float32 max) = 88.72, and at every 16-bit input
    # where they do, the result is already x (Mish) or below 3e-37 in magnitude (SiLU: at most 88.72 e^{-88.72} = 2.6e-37)
    top = float(np.finfo(np.float32).max)
    assert f"{math.log(top):.2f}" == "88.72"
    with np.errstate(over="ignore"):
        assert np.isfinite(np.exp(np.float32(88.72))) and np.isinf(np.exp(np.float32(88.73)))
    for fmt in ("float16", "bfloat16"):
        xs = lp.every_value(fmt)
        xs = xs[np.isfinite(xs)]
        x32 = xs.astype(np.float32)
        with np.errstate(all="ignore"):
            for key, overflows in (("silu", np.isinf(np.exp(-x32))), ("mish", np.isinf(np.exp(x32)))):
                assert np.array_equal(overflows, -x32 > 88.72 if key == "silu" else x32 > 88.72), (key, fmt)
                assert overflows.any(), (key, fmt)
                result = EVERY[key].f(xs[overflows])
                if key == "mish":
                    assert np.all(result == xs[overflows]) and np.all(kernels[key](x32[overflows]) == x32[overflows]), fmt
                else:
                    assert np.all(np.abs(result) < 3e-37) and np.all(kernels[key](x32[overflows]) == 0), fmt
                    # review final64, lp: the bound covers both formats; bfloat16's alone would be 2e-37 (first
                    # overflowing input -89), float16's -88.75 needs the larger one
                    assert (np.abs(result).max() > 2e-37) == (fmt == "float16"), fmt
    assert 2.5e-37 < 88.72 * math.exp(-88.72) < 3e-37
    # review final69, lp: GELU's kernels hold no exponential (erf, or tanh of a cube), so "its exponentials" is said
    # of SiLU and Mish only; the cube of the tanh approximation, in float32, overflows only beyond 6.98e12 (a bfloat16
    # input), and there the kernel still returns x or 0
    xb = lp.every_value("bfloat16")
    xb = xb[np.isfinite(xb)].astype(np.float32)
    with np.errstate(all="ignore"):
        cube_over = np.isinf(xb * xb * xb)
        assert cube_over.any() and np.abs(xb[cube_over]).min() > 6.9e12
        g = kernels["gelu_tanh"](xb[cube_over])
    assert np.array_equal(g, np.where(xb[cube_over] > 0, xb[cube_over], 0)), "gelu_tanh past its cube's overflow"
    # review final74, lp2: what the overflow beyond 88.72 changes (x, or a value below 3e-37) is no longer restated here;
    # the second caveat under the tables gives it (0 from -89 in bfloat16, values below 2e-37), and the checks above stay
    page_lang("en", "A kernel that computes in float32 ([above](#evaluated)), as PyTorch's GPU kernels for GELU, SiLU and Mish "
              "do for 16-bit inputs, has no such early overflow. GELU's forward kernels call erf or tanh, not exp, and the exponentials "
              "in the SiLU and Mish kernels overflow only beyond 88.72; the second caveat under the tables says what that changes.", "")
    # review final79, lp (WRONG): "Mish is unaffected" held for the forward kernel only (checked here: the float32 Mish
    # kernel returns the correctly rounded 16-bit value at every input beyond +-88.72); the gradient kernel is wrong
    # from -89 in bfloat16 (test_mishs_backward_kernel_flips_the_sign_from_minus_89), which the second caveat now says
    for lang, old in (("en", "Mish is unaffected"), ("zh", "Mish 则不受影响")):
        assert old not in page(lang), (lang, old)
    for fmt in ("float16", "bfloat16"):
        xs = lp.every_value(fmt)
        xs = xs[np.isfinite(xs) & (np.abs(xs) > 88.72)]
        with np.errstate(all="ignore"):
            got = lp.to_format(kernels["mish"](xs.astype(np.float32)).astype(np.float64), fmt)
        assert np.array_equal(got, lp.to_format(EVERY["mish"].f(xs), fmt)), fmt
    for lang, cut in (("en", "$3 \\times 10^{-37}$"), ("zh", "$3 \\times 10^{-37}$")):
        assert cut not in page(lang), lang
    assert "its exponentials overflow only beyond 88.72" not in page("en")
    assert "这种内核中的指数函数要到 88.72 以上才溢出" not in page("zh")
    # review final70, lp (WRONG): exact GELU's backward kernel does compute exp(-x^2/2) (it can only underflow), so the
    # claim is about the forward kernels
    assert "GELU's kernels call erf" not in page("en") and "GELU 的内核调用的是" not in page("zh")
    with np.errstate(under="ignore"):
        assert np.all(np.exp(-np.linspace(0, 1e4, 1001) ** 2 / 2) <= 1.0)          # that exponential never overflows
    page_lang("zh", "", "照公式直接计算（例如手写的 softplus 或 Mish）则另有一个问题：$e^{x}$ 会溢出。")
    page_lang("zh", "", "在 float32 中计算的"
              "内核（[见上文](#evaluated)）不会这么早溢出，PyTorch 在 GPU 上对 16 位输入计算 GELU、"
              "SiLU 和 Mish 时就是如此。GELU 的前向内核调用的是 erf 或 tanh，不计算指数函数；"
              "SiLU 和 Mish 的内核中的指数函数要到 88.72 以上才溢出，由此带来的差别见表下的第二条说明。")
    # review final65, lp: no parenthesis nested inside the alternative
    assert "或者（两种 16 位格式都是如此）" not in page("zh")
    for lang, old in (("en", "has no such overflow."), ("zh", "不会这样溢出")):
        assert old not in page(lang), lang
    # the thresholds 11.09, 12 and 6.5 are given before the sentence that contrasts a float32 kernel with them
    for lang, given, contrast in (("en", "$e^{x}$ is infinite from 11.09 in float16 and 12 in E5M2, and NaN from 6.5 in E4M3.",
                                   "has no such early overflow"),
                                  ("zh", "在 float16 中从 11.09 起、在 E5M2 中从 12 起变成无穷大，在 E4M3 中从 6.5 起变成 NaN。",
                                   "不会这么早溢出")):
        text = page(lang)
        assert text.index(given) < text.index(contrast), lang
    for lang, ref in (("en", "CUDA kernels of GELU, SiLU and Mish (aten/src/ATen/native/cuda: ActivationGeluKernel.cu, "
                             "ActivationSiluKernel.cu, ActivationMishKernel.cu). GitHub repository."),
                      ("zh", "GELU、SiLU 与 Mish 的 CUDA 内核（aten/src/ATen/native/cuda：ActivationGeluKernel.cu、"
                             "ActivationSiluKernel.cu、ActivationMishKernel.cu）。GitHub 代码仓库。")):
        assert ref in page(lang), lang
    # the claim names three kernels; PyTorch's sigmoid kernel is not among them
    for lang in LANGS:
        assert "kernels for the sigmoid" not in page(lang) and "sigmoid 的内核" not in page(lang), lang


def float16_values(lo: float, hi: float) -> np.ndarray:
    v = np.concatenate([-lp.positive_values("float16")[::-1], [0.0], lp.positive_values("float16")])
    return v[(v >= lo) & (v <= hi)].astype(np.float16)


def test_naive_formulas_in_float16():
    one = np.float16(1)
    with np.errstate(all="ignore"):
        x = float16_values(-70000, -11.09375)
        assert np.all(one / (one + np.exp(np.negative(x))) == 0)
        x = float16_values(-11.0859375, -11.0859375)
        assert np.all(one / (one + np.exp(np.negative(x))) > 0)
        x = float16_values(11.09375, 70000)
        assert np.all(np.isnan((np.exp(x) - np.exp(-x)) / (np.exp(x) + np.exp(-x))))
        assert np.all(np.isinf(np.log(one + np.exp(x))))
    # naive tanh is NaN exactly for |x| >= 11.09, on both sides
    x = lp.every_value("float16")
    nan = np.isnan(lp.naive_in("tanh", x, "float16"))
    np.testing.assert_array_equal(nan, np.abs(x) >= 11.09375)
    both(r"$|x| \ge 11.09$")
    assert f"{float(sigmoid(np.array(-11.09375))):.1e}" == "1.5e-05"
    assert lp.row("sigmoid", "float16").value[0] == -17.34375
    both(r"$1.5 \times 10^{-5}$")


def test_naive_silu_and_mish_survive_float16_and_break_in_e4m3():
    """'SiLU ... fails like the sigmoid': both formulas return (-)0 for x <= -11.09 in float16 where the
    correctly rounded value is non-zero; in E4M3 both are NaN for x <= -6.5 ('the sigmoid and SiLU are NaN')."""
    x = lp.every_value("float16")
    sig = lp.naive_in("sigmoid", x, "float16")
    assert np.all(np.isfinite(sig)) and np.all(sig[x <= -11.09375] == 0)
    gap = x[(x <= -11.09375) & (x > -17.34375)]                 # where the correctly rounded sigmoid is not 0
    assert gap.size and np.all(lp.to_format(sigmoid(gap), "float16") > 0)
    silu, mish = lp.naive_in("silu", x, "float16"), lp.naive_in("mish", x, "float16")
    assert not np.isnan(silu).any() and not np.isnan(mish).any()
    assert np.all(silu[x <= -11.09375] == 0) and np.all(np.signbit(silu[x <= -11.09375]))   # −0
    gap = x[(x <= -11.09375) & (x > -20.34375)]                 # where the correctly rounded SiLU is not 0
    assert np.all(lp.to_format(EVERY["silu"].f(gap), "float16") < 0) and lp.row("silu", "float16").value[0] == -20.34375
    assert f"{float(EVERY['silu'].f(np.array(-11.09375))):.1e}" == "-1.7e-04"
    assert np.all(mish[x >= 11.09375] == x[x >= 11.09375])
    for fmt in ("float8_e5m2",):                                  # E5M2 has infinities: no NaN either
        v = lp.every_value(fmt)
        assert not np.isnan(lp.naive_in("silu", v, fmt)).any() and not np.isnan(lp.naive_in("mish", v, fmt)).any()
    v = lp.every_value("float8_e4m3fn")
    np.testing.assert_array_equal(np.isnan(lp.naive_in("silu", v, "float8_e4m3fn")), v <= -6.5)
    np.testing.assert_array_equal(np.isnan(lp.naive_in("sigmoid", v, "float8_e4m3fn")), v <= -6.5)
    np.testing.assert_array_equal(np.isnan(lp.naive_in("mish", v, "float8_e4m3fn")), v >= 6.5)
    # review final74, lp2: the list no longer repeats where the correctly rounded sigmoid and SiLU reach 0 (-17.34 is
    # given under the sigmoid's tail, -20.34 in the first table; both values are checked above)
    both(r"$-1.7 \times 10^{-4}$", r"$x \le -6.5$", r"$x \ge 6.5$")
    page_lang("en", r"where $\sigma_F$ is still $1.5 \times 10^{-5}$;", "")
    page_lang("en", r"where the correctly rounded SiLU is still $-1.7 \times 10^{-4}$;", "")
    page_lang("zh", "", r"而 $\sigma_F$ 在那里还有 $1.5 \times 10^{-5}$；")
    page_lang("zh", "", r"而正确舍入的 SiLU 在那里仍是 $-1.7 \times 10^{-4}$；")
    for lang in LANGS:
        overflow = page(lang).split("{ #overflow }")[1].split("{ #softmax }")[0]
        assert "-20.34" not in overflow and "-17.34" not in overflow, lang
    page_lang("en", r"So even the formulas that stay finite in float16 break: the sigmoid and SiLU are NaN for $x \le -6.5$, "
              r"and Mish for $x \ge 6.5$. The tanh approximation of GELU is NaN for $|x| \ge 8$, where its cube overflows.", "")
    page_lang("zh", "", r"所以在 float16 中结果仍有限的公式也会出错：sigmoid 和 SiLU 在 $x \le -6.5$ 时是 NaN，")
    for lang, framing in (("en", "barely affected"), ("en", "three formulas that survive"), ("zh", "几乎不受溢出影响"),
                          ("zh", "挺过了溢出的这三个公式")):
        assert framing not in page(lang), (lang, framing)


def test_the_library_tanh_is_what_spares_mish_and_gelu_tanh_in_float16():
    """'Wherever a formula below calls tanh, it is the library function, which returns ±1 for large inputs', then in the Mish bullet 'with the quotient tanh it would be NaN there' (from 11.09) and, in the bullet on
    the tanh approximation of GELU, 'With the quotient tanh, it would already be NaN for |x| ≥ 5.6875': the
    same two formulas with tanh written as (e^z − e^−z)/(e^z + e^−z), in float16.
    Review final65, lp: the library-tanh convention is said once, before the list, not in a nested parenthesis of
    the Mish bullet; the list opens with the rule it illustrates (harmless only where the correctly rounded value
    comes out).  Review final66, lp: the rule is introduced as the list's criterion, in a paragraph of its own after
    the float32-kernel remark, and the list names tanh's *quotient form* in its second item, which the Mish and
    GELU items then refer to as "the quotient form of tanh"."""
    x = lp.every_value("float16")
    h = x.astype(np.float16)
    one = np.float16(1)
    c, k, half = (np.float16(v) for v in (math.sqrt(2 / math.pi), 0.044715, 0.5))

    def quotient(z):
        return (np.exp(z) - np.exp(np.negative(z))) / (np.exp(z) + np.exp(np.negative(z)))

    with np.errstate(all="ignore"):
        assert np.tanh(np.float16(60000)) == 1 and np.tanh(np.float16(np.inf)) == 1      # the library's ±1
        assert np.tanh(np.float16(-np.inf)) == -1
        mish = (h * quotient(np.log(one + np.exp(h)))).astype(float)
        gelu = (h * half * (one + quotient(c * (h + k * (h * h * h))))).astype(float)
    np.testing.assert_array_equal(np.isnan(mish), x >= 11.09375)
    np.testing.assert_array_equal(np.isnan(gelu), np.abs(x) >= 5.6875)
    assert r2(11.09375) == "11.09"
    # 5.69 would name the next float16 value (5.69140625), so the page prints the exact 5.6875
    assert np.float16(5.69) == np.float16(5.69140625) != np.float16(5.6875)
    # with the library tanh, as lp.naive_in computes them, neither is NaN anywhere in float16
    assert not np.isnan(lp.naive_in("mish", x, "float16")).any()
    assert not np.isnan(lp.naive_in("gelu_tanh", x, "float16")).any()
    page_lang("en", "says what that changes.\n\nIn the list below, an overflow counts as harmless only where the formula still returns "
              "the correctly rounded value. From here on, a formula that calls tanh uses the library function, which "
              "returns $\\pm 1$ for large inputs. In float16:", "")
    page_lang("zh", "", "见表下的第二条说明。\n\n在下面的列表中，只有公式在溢出之后仍返回正确舍入的值，溢出才算无害。"
              "从这里起，公式凡是调用 tanh 的，用的都是库函数，输入很大时返回 $\\pm 1$。在 float16 中：")
    page_lang("en", "- the *quotient form* of tanh, $\\tanh x = (e^{x} - e^{-x}) / (e^{x} + e^{-x})$, returns NaN", "")
    page_lang("zh", "", "- tanh 的**商式** $\\tanh x = (e^{x} - e^{-x}) / (e^{x} + e^{-x})$ 在 $|x| \\ge 11.09$ 时返回 NaN")
    page_lang("en", "returns exactly $x$, the right value, for $x \\ge 11.09$; with the quotient form of tanh it would be NaN there;", "")
    page_lang("zh", "", "在 $x \\ge 11.09$ 时恰好返回 $x$，这正是正确的值；若 tanh 用商式计算，那里就会是 NaN；")
    for lang, unnamed in (("en", "the quotient tanh"), ("zh", "上面的商式"), ("zh", "写成商式")):
        assert unnamed not in page(lang), (lang, unnamed)
    for lang, term, uses in (("en", "*quotient form*", "quotient form of tanh"), ("zh", "**商式**", "用商式计算")):
        text = page(lang)
        assert text.count(term) == 1 and text.count(uses) == 2 and text.index(term) < text.index(uses), lang
    for lang, nested in (("en", "(here and below with the library tanh"), ("zh", "（这里和下文的 tanh 都是库函数")):
        assert nested not in page(lang), lang
    # the rule: Mish's naive value for x >= 11.09 is the correctly rounded one; the sigmoid's 0 is not
    big = x[x >= 11.09375]
    assert np.array_equal(lp.naive_in("mish", big, "float16"), lp.to_format(EVERY["mish"].f(big), "float16"))
    low = x[x <= -11.09375]
    assert np.any(lp.naive_in("sigmoid", low, "float16") != lp.to_format(EVERY["sigmoid"].f(low), "float16"))
    # the GELU half sits in the bullet that introduces the formula, after it
    # review final60, lp: the quotient-tanh remark is a sentence of its own
    page_lang("en", "still gives $x$ or 0. With the quotient form of tanh, it would already be NaN for $|x| \\ge 5.6875$.", "")
    page_lang("zh", "", "仍给出 $x$ 或 0。若 tanh 用商式计算，整个近似式在 $|x| \\ge 5.6875$ 时就已是 NaN。")
    for lang, formula in (("en", "the tanh approximation of GELU, $"), ("zh", "GELU 的 tanh 近似为 $")):
        text = page(lang)
        assert text.index(formula) < text.index("5.6875"), lang


def test_only_e4m3_needs_more_than_the_infinity_for_the_cube():
    """'In E4M3, the cube needs a wider intermediate format': in float16 the cube's overflow is
    harmless (the formula still gives x or 0, tested above); in E4M3 it is NaN.
    review final72, lp: one sentence names E4M3 alone (float16's harmless overflow is said in the list above)."""
    page_lang("en", "In E4M3 no order helps, because the argument of the $\\tanh$ itself exceeds 464, and so is NaN, once $|x|$ passes about 23; "
              "there the cube needs a wider intermediate format, or an input clipped before it is cubed.", "")
    page_lang("zh", "", "这时立方需要在更宽的格式中计算，或者在立方之前先把输入限制在一定范围内。")
    with np.errstate(all="ignore"):
        v = np.array([8.0, -8.0]).astype(E4M3)
        assert np.isnan((v * v * v).astype(float)).all()
        assert np.isinf(np.float16(41.0) ** 3)
    x = lp.every_value("float16")
    assert not np.isnan(lp.naive_in("gelu_tanh", x, "float16")).any()


def test_the_exponential_rewrite_fixes_every_formula_but_the_cube():
    """e^{-|x|} never overflows: the rewritten sigmoid, tanh, softplus, SiLU and Mish, every
    operation in the format, are finite at every value of every 8- and 16-bit format, where the
    textbook formulas are not; the cube is NaN in E4M3 from 8.
    review final67, lp: the zh gives the reordering first, then why no order helps."""
    v = lp.every_value("float8_e4m3fn").astype(E4M3)
    with np.errstate(all="ignore"):
        e = np.exp(np.negative(np.abs(v))).astype(float)
        assert np.all(np.isfinite(e)) and np.all(e <= 1)
        cube = (v * v * v).astype(float)
    assert np.isnan(cube[np.abs(v.astype(float)) >= 8]).all()
    assert set(lp.STABLE) == set(lp.NAIVE) - {"gelu_tanh"}
    for fmt in lp.FORMAT_KEYS[1:]:
        x = lp.every_value(fmt)
        for key in lp.STABLE:
            assert np.all(np.isfinite(lp.stable_in(key, x, fmt))), (key, fmt)
    assert not np.all(np.isfinite(lp.naive_in("softplus", lp.every_value("float16"), "float16")))
    page_lang("en", "Every exponential above can be rewritten to exponentiate only "
              "non-positive numbers ($e^{-|x|}$), so that none can overflow.", "")
    page_lang("zh", "", "上面这些指数运算都可以改写成只对非正数取指数（$e^{-|x|}$），这样就都不会溢出；")
    # the tanh approximation of GELU holds no exponential that overflows (its tanh is the library's, or
    # x·σ(2u) with the stable sigmoid): with the cube computed in float32 and rounded, it stays finite
    for fmt in ("float16", "float8_e4m3fn"):
        x = lp.every_value(fmt).astype(float)
        u = math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)
        stable_sig = np.where(u >= 0, 1 / (1 + np.exp(-np.abs(2 * u))), np.exp(-np.abs(2 * u)) / (1 + np.exp(-np.abs(2 * u))))
        gelu_t = x * stable_sig
        assert np.all(np.isfinite(gelu_t)), fmt
        np.testing.assert_allclose(gelu_t, 0.5 * x * (1 + np.tanh(u)), rtol=1e-9, atol=1e-12)  # 1 + tanh cancels on the left
    # the cube's overflow is placed: harmless in float16 (the formula survives, above), NaN in E4M3
    # review final72, lp: only E4M3's bound is given (float16's 122 cut: the overflow is harmless there)
    page_lang("en", "In E4M3 no order helps, because the argument of the $\\tanh$ itself exceeds 464, and so is NaN, once $|x|$ passes about 23;", "")
    for lang, cut in (("en", "about 122"), ("zh", "约 122"), ("en", "No reordering saves"), ("zh", "无法彻底避免溢出")):
        assert cut not in page(lang), (lang, cut)
    # review final67, lp: the zh gives the reordering first, then why no order helps (as the English does)
    page_lang("zh", "", "GELU 的 tanh 近似中的立方项按 $(0.044715\\,x)\\,x\\,x$ 的顺序计算，只能把溢出推迟，")
    with np.errstate(all="ignore"):
        for fmt, survives in (("float16", True), ("float8_e4m3fn", False)):
            x = lp.every_value(fmt)
            y = lp.naive_in("gelu_tanh", x, fmt)
            assert bool(np.all(~np.isnan(y))) == survives, fmt
    # every order of the product 0.044715·x·x·x overflows in float16 once 0.044715 x³ exceeds its range;
    # clipping the input (not a reordering) removes it, which the page offers for E4M3
    import itertools
    c, h = np.float16(0.044715), np.float16(120.0)
    with np.errstate(over="ignore"):
        for a, b, d, e in itertools.permutations((c, h, h, h)):
            assert np.isinf(a * b * d * e)
    # why no order helps: every order computes the tanh's argument u = sqrt(2/pi)(x + 0.044715 x^3), and u itself
    # passes the format's largest value (65,504; 448) from |x| about 122 in float16 and about 23 in E4M3 (the page
    # gives E4M3's, where the overflow is a NaN)
    from scipy.optimize import brentq
    u_of = lambda x: math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3)      # noqa: E731
    for fmt, largest, said in (("float16", 65504.0, "122"), ("float8_e4m3fn", 448.0, "23")):
        assert float(ml_dtypes.finfo(getattr(ml_dtypes, fmt) if fmt != "float16" else np.float16).max) == largest
        crossing = brentq(lambda x: u_of(x) - largest, 1.0, 1000.0)
        assert f"{crossing:.0f}" == said, (fmt, crossing)
    # review final79, lp: in E4M3 passing 448 is harmless (values up to 464 round to 448); NaN starts above 464, the
    # bound the page now names, and u passes it at about 23.2
    e4 = np.array([464.0, 464.01]).astype(E4M3).astype(float)
    assert e4[0] == 448.0 and np.isnan(e4[1])
    assert f"{brentq(lambda x: u_of(x) - 464.0, 1.0, 1000.0):.0f}" == "23"
    for lang, old in (("en", "itself exceeds 448"), ("zh", "本身就超出了 448")):
        assert old not in page(lang), (lang, old)
    assert 113 < brentq(lambda x: 0.044715 * x ** 3 - 65504.0, 1.0, 1000.0) < 122      # the reordered product goes first
    page_lang("zh", "", "在 E4M3 中，无论怎样调整运算顺序都无济于事：$|x|$ 一旦超过约 23，$\\tanh$ 的自变量本身就超过 464，成了 NaN；")
    assert "立方项却无论怎样调整运算顺序" not in page("zh")
    page_lang("en", "or an input clipped before it is cubed", "")
    # the thresholds are the correctly rounded function's, which the float32 column defines as an ideal
    page_lang("en", "The thresholds above are those of the correctly rounded function.", "")
    page_lang("zh", "", "上面的阈值都是正确舍入的函数的阈值。")
    for lang, old in (("en", "assume a kernel that computes internally in a wider format"), ("zh", "假定内核在内部用更宽的格式计算")):
        assert old not in page(lang), lang


def test_softplus_and_mish_lose_their_left_tails_in_float16():
    """'Once e^x is at most 2^-11, half of float16's ε, 1 + e^x rounds to 1 and its logarithm is 0:
    from x = -7.625, just past -11 ln 2, both formulas return 0. The true values there are 4.9e-4 and
    -3.7e-3' (review final74, lp2: where the correctly rounded ones reach 0, -17.34 and -20.34, is left to the first
    table, whose cells are checked here as before): the textbook
    formulas, every operation in float16, over every float16 value. review final71, lp: zh says the left tail 失准 and e^x is 只精确到 a multiple of 2^-10."""
    eps = lp.FORMATS["float16"].eps
    assert eps / 2 == 2.0 ** -11
    one = np.float16(1)
    for key in ("softplus", "mish"):
        # the first input from which the formula is 0 at every float16 value further left
        start = -lp.beyond_last(lambda x: lp.naive_in(key, x, "float16") != 0, "float16", -1)
        assert start == -7.625, key
    with np.errstate(all="ignore"):
        assert float(np.exp(np.float16(-7.625))) <= 2.0 ** -11 < float(np.exp(np.float16(-7.62109375)))
        assert one + np.exp(np.float16(-7.625)) == one and one + np.exp(np.float16(-7.62109375)) > one
    values = lp.every_value("float16")
    assert values[values <= -11 * math.log(2)].max() == -7.625                  # just past -11 ln 2
    assert f"{float(EVERY['softplus'].f(np.array(-7.625))):.1e}" == "4.9e-04"
    assert f"{float(EVERY['mish'].f(np.array(-7.625))):.1e}" == "-3.7e-03"
    assert lp.row("softplus", "float16").value[0] == -17.34375 and lp.row("mish", "float16").value[0] == -20.34375
    # ... and those are the first inputs where they round to 0 (review final62, lp: "down to" read as still non-zero there)
    for key, at, inside in (("softplus", -17.34375, -17.328125), ("mish", -20.34375, -20.328125)):
        assert lp.to_format(EVERY[key].f(np.array([at])), "float16")[0] == 0
        assert lp.to_format(EVERY[key].f(np.array([inside])), "float16")[0] != 0
        assert np.float16(inside) == inside and np.nextafter(np.float16(at), np.float16(0)) == np.float16(inside)
    # the harm is the rounding of 1 + e^x, not an overflow: no intermediate is infinite there
    x = values[values <= -7.625].astype(np.float16)
    with np.errstate(all="ignore"):
        assert np.all(np.isfinite(np.exp(x))) and np.all(np.log(one + np.exp(x)) == 0)
    # review final80, lp: the left-tail detail and the cube's evaluation order move into a collapsible note at the end
    # of the overflow section; the note's first sentence names the naive formulas and float16
    page_lang("en", r"The naive softplus and Mish also lose their left tails in float16, to rounding rather than overflow. "
              r"The sum $1 + e^{x}$ keeps "
              r"$e^{x}$ only to the nearest multiple of $2^{-10}$, float16's $\varepsilon$, so from about $x = -3.1$ on, both formulas "
              r"can be more than 1% off. At $x = -6$ they are off by 18%, and at $-7.5$ by 77%. Once $e^{x}$ is at most "
              r"$2^{-11}$, half of float16's $\varepsilon$, $1 + e^{x}$ rounds to 1 and its logarithm is 0: from $x = -7.625$, "
              r"just past $-11 \log 2$, both formulas return 0. The true values there are $4.9 \times 10^{-4}$ and "
              r"$-3.7 \times 10^{-3}$.", "")
    # review final71, lp: zh no longer says the tail is "lost" (丢失) or "kept to the nearest multiple"
    for old in ("左侧尾部还会丢失", "只能保留到最接近的"):
        assert old not in page("zh"), old
    # review final74, lp: one zh term for the left tail, 左侧尾部 (左尾 was used once)
    assert "左尾" not in page("zh")
    page_lang("zh", "", r"在 float16 中直接计算时，softplus 和 Mish 的左侧尾部还会因舍入而失准，与溢出无关。$1 + e^{x}$ 中的 $e^{x}$ 只精确到 $2^{-10}$"
              r"（float16 的 $\varepsilon$）的整数倍，所以从 $x$ 约为 "
              r"$-3.1$ 起，两个公式的误差就可能超过 1%；在 $x = -6$ 处误差已达 18%，在 $-7.5$ 处达 77%。"
              r"一旦 $e^{x}$ 不超过 $2^{-11}$，即 float16 的 $\varepsilon$ 的一半，$1 + e^{x}$ 就舍入成 1，取对数得 0："
              r"从 $x = -7.625$（刚越过 $-11 \log 2$）起，两个公式都返回 0。而那里的真实值分别是 $4.9 \times 10^{-4}$ 和 "
              r"$-3.7 \times 10^{-3}$。")
    for lang, title in (("en", '??? note "Rounding in the left tails, and the order of the cube"\n    The naive softplus'),
                        ("zh", '??? note "左侧尾部的舍入误差与立方项的运算顺序"\n    在 float16 中直接计算时')):
        text = page(lang)
        note = text[text.index(title):text.index("## ", text.index(title))]
        assert text.index("{ #overflow }") < text.index(title) < text.index("{ #softmax }"), lang
        assert ("only postpones the overflow" if lang == "en" else "只能把溢出推迟") in note, lang
        assert ("about 23" if lang == "en" else "约 23") in note, lang



def test_the_naive_float16_softplus_and_mish_are_inaccurate_long_before_they_return_0():
    """Review final59, lp: 'The sum 1 + e^x keeps e^x only to the nearest multiple of 2^-10, float16's ε, so from
    about x = -3.1 on, both formulas can be more than 1% off; at x = -6 they are off by 18%, and at -7.5 by 77%':
    the textbook formulas with every operation in float16, against the exact functions, at every float16 input
    between -7.625 (where they return 0) and -1. The correctly rounded values are never more than 0.05% off there."""
    assert lp.FORMATS["float16"].eps == 2.0 ** -10
    x = lp.every_value("float16")
    x = x[(x > -7.625) & (x <= -1)]
    # the mechanism: on the left, 1 + e^x in float16 is 1 plus e^x rounded to a multiple of 2^-10
    with np.errstate(all="ignore"):
        e = np.exp(x.astype(np.float16))
        summed = (np.float16(1) + e).astype(float)
    np.testing.assert_array_equal(summed - 1, np.round(e.astype(float) / 2.0 ** -10) * 2.0 ** -10)
    for key in ("softplus", "mish"):
        exact = EVERY[key].f(x)
        error = np.abs(lp.naive_in(key, x, "float16") / exact - 1)
        first = float(x[error > 0.01].max())                      # the first input, going left, more than 1% off
        assert -3.15 < first < -3.05, (key, first)                 # "from about x = -3.1 on"
        assert np.all(error[x > first] <= 0.01), key
        at = lambda v: float(error[x == v][0])                     # noqa: E731
        assert (f"{at(-6.0):.0%}", f"{at(-7.5):.0%}") == ("18%", "77%"), key
        assert np.all(np.abs(lp.to_format(exact, "float16") / exact - 1) < 5e-4), key     # the format itself is not the cause
    # the value is too large in magnitude at both inputs: 0.002926 against 0.002476 for softplus at -6
    assert f"{lp.naive_in('softplus', [-6.0], 'float16')[0]:.4g}" == "0.002926"
    assert f"{float(EVERY['softplus'].f(np.array(-6.0))):.4g}" == "0.002476"

def test_log1p_keeps_the_left_tails_down_to_where_the_exponential_underflows():
    """'with log1p for log(1 + ·), the left tails of softplus and Mish then survive down to where e^x
    itself underflows': the rewritten forms, every operation in the format, are 0 where the correctly
    rounded value is not only where e^x computed in the format is 0, in every 8- and 16-bit format;
    the same rewrite with log instead of log1p still loses the tail from -7.625 in float16."""
    for fmt in lp.FORMAT_KEYS[1:]:
        x = lp.every_value(fmt)
        with np.errstate(all="ignore"):
            e = np.exp(x.astype(lp.DTYPES[fmt])).astype(float)
        for key in ("softplus", "mish"):
            lost = (lp.stable_in(key, x, fmt) == 0) & (lp.to_format(EVERY[key].f(x), fmt) != 0)
            assert np.all(e[lost] == 0), (key, fmt)
    x16 = lp.every_value("float16").astype(np.float16)
    with np.errstate(all="ignore"):
        with_log = np.maximum(x16, np.float16(0)) + np.log(np.float16(1) + np.exp(np.negative(np.abs(x16))))
    tail = (x16 <= -7.625) & (x16 > -17.34375)                 # where e^x is still above 0 in float16
    assert np.all(with_log[tail] == 0) and np.all(lp.stable_in("softplus", x16, "float16")[tail] > 0)
    page_lang("en", r"With `log1p` for $\log(1 + \cdot)$, the left tails of softplus and Mish then survive down to where "
              r"$e^{x}$ itself underflows", "")
    page_lang("zh", "", r"再用 `log1p` 计算 $\log(1 + \cdot)$，softplus 和 Mish 的左侧尾部也能保住，直到 $e^{x}$ 本身下溢为止")
    page_lang("en", r"(shift by the maximum, $e^{-|x|}$ with `log1p`)", "")
    page_lang("zh", "", r"（减去最大值；$e^{-|x|}$ 配合 `log1p`）")


def test_the_page_on_output_layers_uses_the_rewrite_as_this_page_says():
    """'[output layers] derives this shift for softmax and log-sum-exp': its softmax and LSE shift by the maximum
    (and its binary cross-entropy code uses e^{-|x|} and log1p); this page says the shift once, in #softmax."""
    other = {lang: page_text("catalogue/output-layers.md", lang) for lang in LANGS}
    for lang, text in other.items():
        assert r"\mathrm{LSE}(z) = m + \log \sum_j e^{z_j - m}" in text, lang
        assert "np.log1p(np.exp(-np.abs(x)))" in text and r"\log\bigl(1 + e^{-|x|}\bigr)" in text, lang
        assert "{ #stability }" in text, lang
    # review final74, lp2: that the shift leaves the result unchanged, and the shifted LSE formula, are left to the home
    page_lang("en", r"Subtracting the largest logit first ([output layers](output-layers.md#stability) derives this shift for "
              r"softmax and log-sum-exp) makes every argument of exp at most 0.", "")
    page_lang("zh", "", r"先减去最大的 logit（[《输出层与损失函数》](output-layers.md#stability)对 softmax 和 log-sum-exp "
              r"推导了这种平移），每个指数函数的自变量就都不超过 0。")
    for lang, cut in (("en", "unchanged in exact arithmetic"), ("zh", "在精确算术里结果不变"), ("en", "m + \\log \\sum_j"),
                      ("zh", "m + \\log \\sum_j")):
        assert cut not in page(lang), (lang, cut)
    # said once on this page: the overflow section does not explain it again, and the link to its home stands once
    for lang in LANGS:
        overflow = page(lang).split("{ #overflow }")[1].split("{ #softmax }")[0]
        assert "largest logit" not in overflow and "最大的 logit" not in overflow and "output-layers.md#stability" not in overflow, lang
        body = page(lang).split("{ #formats }")[1]
        assert body.count("output-layers.md#stability") == 1, lang
    for lang, vague in (("en", "does the first"), ("zh", "前一种做法")):
        assert vague not in page(lang), (lang, vague)
    # the logit is glossed at its first use on the page, not after it
    for lang, link in (("en", "[logits](../glossary.md#logit)"), ("zh", "[logit](../glossary.md#logit)")):
        first = page(lang).lower().index("logit")
        assert link in page(lang)[first - 1:first + 40], lang
    page_lang("en", "(the real-valued scores of a network's last layer)", "")
    page_lang("zh", "", "（网络最后一层输出的实数分数）")
    # the stable softplus has its home on smooth gates: this page links it rather than deriving it again
    page_lang("en", "([smooth gates](smooth-gates.md#softplus) gives the form for softplus)", "")
    page_lang("zh", "", "（softplus 的这种写法见[《softplus 与平滑门控函数》](smooth-gates.md#softplus)）")
    # the zh page cites another page one way: 见[《页名》](…), never as bare link text
    # review final72, lp: without a trailing 一页, the form most zh pages use
    cited = re.findall(r"见\[([^\]]+)\]\([^)\s]+\.md(?:#[^)\s]*)?\)", page("zh"))
    assert len(cited) >= 5 and all(name.startswith("《") and name.endswith("》") for name in cited), cited
    assert not re.search(r"\[《[^》\]]+》\]\([^)\s]+\)一页", page("zh"))
    for lang in LANGS:
        home = page_text("catalogue/smooth-gates.md", lang)
        assert "{ #softplus }" in home and r"\mathrm{log1p}\bigl(e^{-|x|}\bigr)" in home, lang
    for lang in LANGS:
        assert "uses for the sigmoid" not in page(lang) and "处理 sigmoid 和 log-sum-exp" not in page(lang), lang


def test_the_e4m3_conversion_turns_what_lies_above_464_into_nan():
    """'This page's conversion turns every result above 464 in E4M3 into NaN'. review final71, lp: only results
    above 464 become NaN (448 to 464 round to 448). review final72, lp: the counterfactual of a conversion that
    clips to ±448 is cut (it answered a question the reader was not asked)."""
    assert lp.FORMATS["float8_e4m3fn"].max == 448.0
    with np.errstate(all="ignore"):
        assert np.isnan(np.array(500.0).astype(E4M3).astype(float))          # this page's conversion: NaN
    # review final71, lp: not "every overflow": 448 up to 464 round to 448, only what lies above 464 becomes NaN
    with np.errstate(all="ignore"):
        for sign in (1, -1):
            assert lp.to_format(sign * 464.0, "float8_e4m3fn") == sign * 448.0
            assert np.isnan(lp.to_format(sign * np.nextafter(464.0, np.inf), "float8_e4m3fn"))
    # review final74, lp2: the overflow section points back to #formats, where the conversion is described
    page_lang("en", "In E4M3 a result above 464 is NaN ([above](#formats)), and a NaN carries through the rest of the formula.", "")
    page_lang("zh", "", "E4M3 中超过 464 的结果是 NaN（[见上文](#formats)），而 NaN 会一路传到最终结果")
    for lang, old in (("en", "every overflow in E4M3"), ("zh", "E4M3 中溢出的结果一律")):
        assert old not in page(lang), lang
    for lang, cut in (("en", "Clipping such results"), ("zh", "一律取为 $\\pm 448$"), ("en", "x/448"), ("zh", "x/448")):
        assert cut not in page(lang), (lang, cut)
    # 'saturating' on this page means the function levelling off (glossary); the conversions are described
    # by what they do with an overflow (NaN or clamp), never as (non-)saturating or truncating
    for lang, other in (("en", "saturating conversion"), ("en", "non-saturating"), ("zh", "饱和转换"), ("en", "clamp"),
                        ("zh", "钳位"), ("en", "smallest positive value"),
                        ("zh", "截断**转换"), ("zh", "截成 $\\pm 448$"), ("zh", "饱和到"), ("zh", "（截断）"),
                        ("zh", "截断输入")):
        assert other not in page(lang), (lang, other)
    for lang in LANGS:                                   # the NaN is the conversion's, never the format's alone
        assert "In E4M3, which has no infinity, every overflow is NaN" not in page(lang), lang
        assert "E4M3 没有无穷大，溢出的结果都是 NaN" not in page(lang), lang


def naive_gelu_tanh(x):
    d = x.dtype
    c, k, h, one = (np.array(v).astype(d) for v in (math.sqrt(2 / math.pi), 0.044715, 0.5, 1.0))
    return x * h * (one + np.tanh(c * (x + k * (x * x * x))))


def test_gelu_tanh_cube_overflow():
    assert lp.row("gelu_tanh", "float16").overflow == (-40.34375, 40.34375)
    assert lp.row("gelu_tanh", "float8_e4m3fn").overflow == (-8.0, 8.0)
    both(r"$\tfrac12 x\bigl(1 + \tanh\bigl(\sqrt{2/\pi}\,(x + 0.044715\,x^{3})\bigr)\bigr)$")
    gelu_tanh = EVERY["gelu_tanh"]                          # the formula written on the page is the registry's
    x = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(0.5 * x * (1 + np.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x ** 3))),
                               gelu_tanh.f(x), rtol=1e-12, atol=1e-15)
    with np.errstate(all="ignore"):
        x = float16_values(40.34375, 70000)
        np.testing.assert_array_equal(naive_gelu_tanh(x), x)
        np.testing.assert_array_equal(naive_gelu_tanh(-x).astype(float), 0.0)
        x8 = np.array([8.0, 10.0, -8.0]).astype(E4M3)
        assert np.all(np.isnan(naive_gelu_tanh(x8).astype(float)))
        # over every finite E4M3 value: NaN exactly for |x| >= 8 ("for |x| ≥ 8")
        v = lp.every_value("float8_e4m3fn")
        got = naive_gelu_tanh(v.astype(E4M3)).astype(float)
    np.testing.assert_array_equal(np.isnan(got), np.abs(v) >= 8)
    both("40.34", r"$|x| \ge 8$")



def test_smooth_gates_formulas_break_softplus_in_float16_the_others_only_in_e4m3():
    """The overflow section's list: computed step by step in the format, softplus's formula is
    infinite from 11.09 in float16, while SiLU's, Mish's and GELU-tanh's stay finite in float16
    (no NaN, no infinity), as the sigmoid's does, and are NaN somewhere in E4M3 (the page's "stay finite" and "break")."""
    x = lp.every_value("float16")
    sp = lp.naive_in("softplus", x, "float16")
    np.testing.assert_array_equal(np.isinf(sp), x >= 11.09375)
    for key in ("sigmoid", "silu", "mish", "gelu_tanh"):
        assert np.all(np.isfinite(lp.naive_in(key, x, "float16"))), key
        for fmt in ("bfloat16", "float8_e5m2"):                 # "only in E4M3": no NaN in the other small formats
            assert not np.isnan(lp.naive_in(key, lp.every_value(fmt), fmt)).any(), (key, fmt)
        assert np.isnan(lp.naive_in(key, lp.every_value("float8_e4m3fn"), "float8_e4m3fn")).any(), key
    page_lang("en", "softplus $\\log(1 + e^{x})$ returns $\\infty$ from 11.09 on", "")
    page_lang("zh", "", "softplus（$\\log(1 + e^{x})$）从 11.09 起返回 $\\infty$")
    page_lang("en", "- SiLU, $x/(1 + e^{-x})$, fails like the sigmoid: it returns $-0$ for $x \\le -11.09$", "")
    page_lang("zh", "", "- SiLU（$x/(1 + e^{-x})$）与 sigmoid 一样出错：它在 $x \\le -11.09$ 时返回 $-0$")
    page_lang("en", "- Mish, $x \\tanh(\\log(1 + e^{x}))$, returns exactly $x$, the right value, for $x \\ge 11.09$", "")
    page_lang("zh", "", "- Mish（$x \\tanh(\\log(1 + e^{x}))$）在 $x \\ge 11.09$ 时恰好返回 $x$，这正是正确的值")


def test_threshold_tables_write_each_threshold_as_the_page_says():
    """Review final66, lp: the note on how thresholds are written is cut to two sentences, pinned below.
    'Each threshold is a value of its format, written exactly if it has at most three decimals
    (1.875); otherwise it is rounded to two decimals (two significant digits from 10^5 on), or in
    the 8- and 16-bit formats to as many as it takes to name that value alone (4.508 in float16,
    where 4.51 would round to its neighbour)': every cell of both tables, as printed.
    review final69, lp: the digit rule is cut from the prose; the code's rule is still checked.
    review final74, lp: one sentence after the tables' lead-in says why digit counts vary (4.508 vs 3.47)."""
    from decimal import Decimal
    from actsite.pages import low_precision_table as lpt
    data = lpt.cached("low_precision_thresholds")
    fmts = [str(f) for f in data["formats"]]
    seen = set()
    for quantity in ("value", "slope"):
        for per_format in data[quantity]:
            for fmt, pair in zip(fmts, per_format):
                for v in (float(t) for t in pair):
                    text = lpt.number_latex(v, "zh", fmt)
                    if abs(v) >= lpt.LARGE:
                        mantissa, power = re.fullmatch(r"(-?[0-9.]+) \\times 10\^\{(\d+)\}", text).groups()
                        shown, places = float(mantissa) * 10.0 ** int(power), len(mantissa.partition(".")[2])
                        assert places >= 1 and abs(float(mantissa) - v / 10.0 ** int(power)) <= 0.5 * 10.0 ** -places + 1e-12
                        named = float(lp.to_format(shown, fmt)) == v
                        assert named or fmt == "float32", (fmt, v, text)
                        assert places == 1 or not named or float(lp.to_format(round(v / 10.0 ** int(power), places - 1)
                                                                               * 10.0 ** int(power), fmt)) != v
                        seen.add("large")
                        continue
                    exact, printed = Decimal(v), Decimal(text)
                    if exact.as_tuple().exponent >= -3:                       # at most three decimals: exact
                        assert printed == exact, (fmt, v, text)
                        seen.add("exact")
                        continue
                    places = -printed.as_tuple().exponent
                    assert places >= 2, (fmt, v, text)                 # rounded: two decimals or more, 20.30, not 20.3
                    assert abs(printed - exact) <= Decimal(5) * Decimal(10) ** -(places + 1), (fmt, v, text)
                    if fmt == "float32":
                        two = exact.quantize(Decimal("0.01"))
                        if two == two.to_integral_value() and two != exact:   # would read as an integer it is not
                            assert float(np.float32(text)) == v and places > 2, (v, text)
                            fewer = exact.quantize(Decimal(10) ** -(places - 1))
                            assert float(np.float32(float(fewer))) != v, (v, text)      # the fewest such decimals
                            seen.add("float32 near an integer")
                        else:
                            assert places == 2, (v, text)
                            seen.add("float32")
                    else:                       # names v and no other value; one decimal fewer would not
                        assert float(lp.to_format(float(text), fmt)) == v, (fmt, v, text)
                        fewer = exact.quantize(Decimal(10) ** -(places - 1))
                        assert places == 2 or float(lp.to_format(float(fewer), fmt)) != v, (fmt, v, text)
                        seen.add("named" if places == 2 else "longer")
    assert seen == {"large", "exact", "float32", "float32 near an integer", "named", "longer"}
    for lang in LANGS:                               # what the reader sees is what was checked
        html = lpt.tables_html(lang)
        for text in ("1.875", "0.625", "4.508", "2.98", "2.9999998", "-10.375"):
            assert rf"\({text}\)" in html, (lang, text)
        assert r"\(1.88\)" not in html and r"\(0.63\)" not in html and r"\(3.00\)" not in html, lang
        # SiLU's and Mish's float16 left slope, -20.296875: with one decimal it would read as exact under the page's
        # rule (at most three decimals: exact), so the zero stays (review final76, lp)
        assert r"\(-20.30\)" in html and r"\(-20.3\)" not in html, lang
        assert r"\(3.4 \times 10^{7}\)" in html and r"\(1.48 \times 10^{20}\)" in html, lang  # the sentence's examples
    assert lpt.number_latex(2.0 ** 25, "en", "float32") == r"3.4 \times 10^{7}"     # "3.4 × 10^7 for 2^25"
    # hard swish in float32 reaches x one float32 step below 3, and the page says so
    below3 = float(np.nextafter(np.float32(3), np.float32(0)))
    assert lp.row("hard_swish", "float32").value[1] == below3 and 3 - below3 == 2.0 ** -22
    # ... and so in every format: hard swish reaches x at the format's value just below 3
    for fmt in lp.FORMAT_KEYS:
        if fmt == "float32":
            step_below_3 = below3
        else:
            values = lp.positive_values(fmt)
            step_below_3 = float(values[values < 3].max())
        assert lp.row("hard_swish", fmt).value[1] == step_below_3, fmt
    assert round(lp.row("hard_swish", "bfloat16").value[1], 2) == 2.98 and lp.row("hard_swish", "float8_e5m2").value[1] == 2.5
    page_lang("en", "Hard swish, for instance, becomes $x$ one step below 3 in every format (at 2.98 in bfloat16, 2.5 in E5M2).", "")
    page_lang("zh", "", "例如在每种格式中，hard swish 都从 3 下方紧邻的那个值起就等于 $x$（bfloat16 中是 2.98，E5M2 中是 2.5）。")
    # review final74, lp2: the cell layout (left above right) is said once, in each table's header; the lead-in keeps the 0
    from actsite.pages.low_precision_table import WORDS
    assert all("（上：左侧；下：右侧）" in WORDS["zh"][q] and "(upper: left side; lower: right side)" in WORDS["en"][q]
               for q in ("value", "slope"))
    page_lang("en", "A 0 means that side equals its asymptote everywhere.", "")
    page_lang("zh", "", "表中的 0 表示这一侧处处等于渐近线。")
    for lang, cut in (("en", "Each cell gives two inputs"), ("zh", "每格有上下两个输入")):
        assert cut not in page(lang), (lang, cut)
    # review final74, lp: the varying digit counts (3.47 but 4.508) read as inconsistent rounding; one sentence says why.
    # The 8- and 16-bit half is checked cell by cell above (every printed number names its value); here, the example
    # and the float32 half ("mostly rounded to two decimals")
    # review final75, lp: "as many digits as it takes" did not fit -10.375 or 0.625 (exact, though fewer digits would
    # name them), and "mostly" hid the one float32 exception; the sentence now says the whole rule
    # review final77, lp: the rule is one sentence, "two decimals, or as many as it takes to single out the value";
    # float32's 2.9999998 is that case too (3.00 would name 3), checked below, so it is no longer listed apart
    # review final79, lp: the rule is one sentence for the reader; m x 10^k is called scientific notation, not a power of ten
    # review final80, lp: the rule moves under the tables, split in two sentences; zh writes 10 万
    page_lang("en", "<!-- low-precision-thresholds -->\n\nIn both tables, inputs with at most three decimals are exact "
              "($-10.375$). The others are rounded to two decimals, or more where two would name a neighbouring value "
              "(4.508 in float16), and from 100,000 on they are in scientific notation ($3.4 \\times 10^{7}$).", "")
    for lang, old in (("en", "powers of ten"), ("zh", "10 的幂")):
        assert old not in page(lang), (lang, old)
    # review final78, lp: the rule now covers the m x 10^k cells (softsign's); its example is a printed cell
    assert lpt.LARGE == 100_000 and "times" not in lpt.number_latex(99_999.0, "en", "float32")
    assert "3.4 \\times 10^{7}" in {lpt.number_latex(float(t), "en", f) for q in ("value", "slope")
                                     for per_format in data[q] for f, pair in zip(fmts, per_format) for t in pair}
    page_lang("zh", "", "<!-- low-precision-thresholds -->\n\n两张表中，小数不超过三位的输入照原样写出（如 $-10.375$）。"
              "其余的舍入到两位小数，两位会与相邻的值混淆时多写几位"
              "（如 float16 中的 4.508）；10 万及以上的输入用科学记数法写出（如 $3.4 \\times 10^{7}$）。")
    assert "100000 及以上" not in page("zh")
    for lang, old in (("en", "and in float32's 2.9999998"), ("zh", "只有两种情况多写几位")):
        assert old not in page(lang), (lang, old)
    for lang, old in (("en", "mostly rounded to two decimals"), ("zh", "大多舍入到两位小数")):
        assert old not in page(lang), (lang, old)
    f16_values = lp.positive_values("float16")
    assert float(lp.to_format(4.51, "float16")) == float(f16_values[f16_values > 4.5078125].min())
    f32_cells = [lpt.number_latex(float(t), "en", "float32") for q in ("value", "slope") for per_format in data[q]
                 for fmt, pair_ in zip(fmts, per_format) if fmt == "float32" for t in pair_]
    not_whole = [c for c in f32_cells if not re.fullmatch(r"-?\d+", c)]
    two_decimals = [c for c in not_whole if re.fullmatch(r"-?\d+\.\d\d", c)]
    assert len(not_whole) > len(two_decimals), f32_cells
    from decimal import Decimal
    others = {c for c in not_whole if c not in two_decimals and "times" not in c
              and Decimal(c.lstrip("-")).as_tuple().exponent < -3}                    # neither 2 decimals nor exact
    assert others == {"2.9999998"}, others                                            # more decimals only where needed:
    assert float(np.float32(3.00)) != below3                                           # 3.00 would name 3, not 2.9999998
    assert lpt.number_latex(-10.375, "en", "bfloat16") == "-10.375"                  # the example, written exactly
    # review final62, lp: the note shortened to the rule and its three examples of extra digits
    # review final66, lp: the note was a style sheet; it now says the rule in two sentences with one example per case
    # of extra digits (every clause is checked against every cell below)
    # review final68, lp: the rule is a sentence of the tables' lead-in, not a note of its own
    # review final69, lp: the rule was typographic convention in the main line of the lesson (and "two decimals" did
    # not fit -20.3); the prose no longer states it: the tables' code applies it, and the checks below still pin it
    for lang, rule in (("en", "A threshold is written in full"), ("en", "float16's 4.508, not 4.51"),
                       ("zh", "阈值三位小数以内"), ("zh", "就多保留几位")):
        assert rule not in page(lang), (lang, rule)
    for lang, note in (("en", "How the thresholds are written"), ("zh", "阈值的写法")):
        assert note not in page(lang), (lang, note)
    assert float(lp.to_format(4.51, "float16")) != 4.5078125 == float(lp.to_format(4.508, "float16"))
    # one table per question: the first gives the value's thresholds (the bars), the second the derivative's
    page_lang("en", "The first table gives the ends of the figure's bars as numbers; the second gives the same thresholds "
              "for the exact derivative, rounded once (at a kink, the slope of the outer piece).", "")
    page_lang("zh", "", "下面第一张表把图中各条的端点写成数字；第二张表给出把精确导数舍入一次后的同类阈值（折点处取外侧那一段的斜率）。")
    for lang, style_sheet in (("en", "trailing zeros dropped"), ("en", "bfloat16's $1.48"), ("zh", "末尾的 0 省去"), ("zh", "不写成")):
        assert style_sheet not in page(lang), (lang, style_sheet)
    # review final61, lp: the float32 case has its example: hard swish's float32 threshold, one float32 step below 3,
    # would read 3.00 with two decimals, and the table prints it as 2.9999998
    assert lp.row("hard_swish", "float32").value[1] == below3 and f"{below3:.2f}" == "3.00" and f"{below3:.7f}" == "2.9999998"
    assert lpt.number_latex(below3, "en", "float32") == "2.9999998"
    assert "or read as a whole number the threshold is not" not in page("en")
    # review final60, lp: the rule names "the rounded number" (two decimals or two significant digits), not "two
    # digits", and gives the one case of the large-number rule that keeps a third digit: bfloat16's 2^67, a cell of
    # the tables, printed as 1.48e20 because 1.5e20 rounds to another bfloat16 value (2^67 + 2^61) and 1.48e20 to 2^67
    bf_2_67 = float(lp.to_format(2.0 ** 67, "bfloat16"))
    assert bf_2_67 == 2.0 ** 67 and float(lp.to_format(1.48e20, "bfloat16")) == bf_2_67
    assert float(lp.to_format(1.5e20, "bfloat16")) == 2.0 ** 67 + 2.0 ** 61 != bf_2_67
    assert float(np.array(1.5e20, dtype=BF16)) != bf_2_67 and float(np.array(1.48e20, dtype=BF16)) == bf_2_67  # ml_dtypes
    cells = [abs(float(t)) for q in ("value", "slope") for per_format in data[q]
             for fmt, pair_ in zip(fmts, per_format) if fmt == "bfloat16" for t in pair_]
    assert bf_2_67 in cells
    for lang in LANGS:
        assert "two digits would also fit" not in page(lang) and "若这两位数字" not in page(lang), lang
    # the page says the rule in one reader sentence; its full form (below) is checked here against every cell:
    # an exact value with at most three decimals is written in full (3.375); any other is rounded to two decimals,
    # a trailing zero kept (20.296875 becomes 20.30, review final76, lp); where two decimals would name a neighbouring value in the 8- and
    # 16-bit formats, or read as an integer in float32, as many more are kept as it takes to name the value (4.508 for
    # 4.5078125 in float16, 2.9999998 in float32); from 10^5 on, two significant digits, or in the 8- and 16-bit formats
    # more where two would name a neighbour (1.48 x 10^20 in bfloat16).
    # the stated rule, re-implemented from the sentence and applied to every printed cell of both tables, in every
    # format: 0 as 0; from 10^5 on, two significant digits, in the 8- and 16-bit formats the fewest (at least two) that
    # name the value; below, the exact value if it has at most three decimals; otherwise rounded half up to two
    # decimals, or to the fewest that name the value where two name a neighbour (8 and 16 bits) or read as an integer
    # the value is not (float32); a trailing zero kept.  Several printed numbers with at most three decimals are
    # rounded (2.78, 2.998, 9.805), so "at most three decimals" alone does not mean exact.
    from decimal import ROUND_HALF_UP

    def names(text: str, m: float, fmt: str) -> bool:
        return float(lp.to_format(float(text), fmt)) == m

    rounded_short, kinds = set(), set()
    for quantity in ("value", "slope"):
        for per_format in data[quantity]:
            for fmt, pair in zip(fmts, per_format):
                for v in (float(t) for t in pair):
                    m, exact = abs(v), Decimal(abs(v))
                    if v == 0:
                        expected = "0"
                    elif m >= 1e5:
                        power = exact.adjusted()
                        digits = 2
                        while True:
                            mantissa = (exact.scaleb(-power)).quantize(Decimal(10) ** -(digits - 1), rounding=ROUND_HALF_UP)
                            if fmt == "float32" or names(f"{mantissa}e{power}", m, fmt):
                                break
                            digits += 1
                        expected = rf"{mantissa} \times 10^{{{power}}}"
                        kinds.add(("large", fmt == "float32", digits))
                    elif exact.as_tuple().exponent >= -3:
                        expected = f"{exact.normalize():f}"
                        kinds.add("exact")
                    else:
                        places = 2
                        text = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                        if fmt == "float32":
                            reads_as_integer = text == text.to_integral_value() and text != exact
                            while reads_as_integer and float(np.float32(str(text))) != m:
                                places += 1
                                text = exact.quantize(Decimal(10) ** -places, rounding=ROUND_HALF_UP)
                        else:
                            while not names(str(text), m, fmt):
                                places += 1
                                text = exact.quantize(Decimal(10) ** -places, rounding=ROUND_HALF_UP)
                        expected = str(text)
                        if expected.endswith("0"):
                            kinds.add("trailing zero kept")
                        kinds.add(("rounded", fmt == "float32", places == 2))
                        if fmt != "float32" and len(expected.partition(".")[2]) <= 3:
                            rounded_short.add((fmt, expected))
                    assert lpt.number_latex(v, "zh", fmt) == ("-" if v < 0 else "") + expected, (fmt, v)
    assert {("bfloat16", "2.78"), ("float16", "2.998"), ("float16", "9.805")} <= rounded_short
    # every clause of the rule is used by some cell: exact, two decimals and more (both kinds), a kept trailing zero,
    # two significant digits in float32 and more than two in a 16-bit format
    assert {"exact", "trailing zero kept", ("rounded", True, True), ("rounded", True, False), ("rounded", False, True),
            ("rounded", False, False), ("large", True, 2)} <= kinds and ("large", False, 3) in kinds
    # the examples the sentence gives are cells of the tables, as it says
    assert lpt.number_latex(-20.296875, "en", "float16") == "-20.30"
    assert lpt.number_latex(float(np.nextafter(np.float32(3), np.float32(0))), "en", "float32") == "2.9999998"
    for lang in LANGS:
        html = lpt.tables_html(lang)
        for text in ("3.375", "4.508", "2.9999998", r"1.48 \times 10^{20}", r"3.4 \times 10^{7}"):
            assert rf"\({text}\)" in html, (lang, text)
    assert lp.row("gelu", "bfloat16").value[1] == 2.78125 and lpt.number_latex(2.78125, "en", "bfloat16") == "2.78"
    for lang in LANGS:
        assert "a number with at most three decimals is exact" not in page(lang)
        assert "不超过三位小数的数写的是精确值" not in page(lang)
    for lang in LANGS:                               # the example of an exact value is one the tables print in full
        assert r"\(3.375\)" in lpt.tables_html(lang), lang
    for lang in LANGS:
        assert "0 over 0" not in page(lang) and "上下都是 0" not in page(lang), lang
    assert float(lp.to_format(4.51, "float16")) == 4.51171875                   # "its neighbour"
    assert float(np.nextafter(np.float16(4.5078125), np.float16(5))) == 4.51171875

# --- softmax and log-sum-exp ------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_the_code_block_prints_what_the_page_says(lang):
    text = page(lang)
    block, printed_block = CODE.findall(text)
    out = io.StringIO()
    namespace = {}
    with contextlib.redirect_stdout(out):
        exec(compile(block, f"{PAGE} ({lang})", "exec"), namespace)
    assert out.getvalue().strip() == printed_block.strip()
    for dtype, z in ((np.float16, [12, 11, 10]), (BF16, [90, 89, 88])):
        for shift in (False, True):
            with np.errstate(all="ignore"):
                a = namespace["softmax"](np.array(z, dtype=dtype), shift)
            b = lp.softmax_in(z, dtype, shift)
            np.testing.assert_array_equal(a.astype(float), b.astype(float))


def test_numpy_sums_float16_in_float32_and_the_code_otherwise_stays_in_the_format():
    """'The code below computes both versions with every operation in the format (except that NumPy's
    `sum` adds float16 numbers in float32 and rounds the total once)': NumPy's float16 sum is the float32
    sum rounded once (2048 + sixteen 1s gives 2064, not the 2048 of one-by-one float16 additions), while
    the bfloat16 sum stays in bfloat16 (256 + sixteen 1s gives 256)."""
    x = np.array([2048] + [1] * 16, dtype=np.float16)
    seq = np.float16(0)
    for v in x:
        seq = np.float16(seq + v)
    assert x.sum().dtype == np.float16 and float(x.sum()) == 2064.0 and float(seq) == 2048.0
    assert x.sum() == np.float16(x.astype(np.float32).sum())
    y = np.array([256] + [1] * 16, dtype=BF16)
    assert y.sum().dtype == BF16 and float(y.sum()) == 256.0
    # in the page's softmax the float32 sum changes only the fourth digit: one-by-one float16 sums give
    # [0.665 0.2446 0.09], still within 0.1% of the exact values
    e = np.exp(np.array([0, -1, -2], dtype=np.float16))
    seq = np.float16(0)
    for v in e:
        seq = np.float16(seq + v)
    exact = np.exp([2.0, 1.0, 0.0]) / np.exp([2.0, 1.0, 0.0]).sum()
    assert seq != e.sum() and np.abs((e / seq).astype(float) / exact - 1).max() < 1e-3
    page_lang("en", "Every operation runs in the format, except that NumPy's "
              "`sum` adds float16 numbers in float32 and rounds the total once:", "")
    # review final78, lp: zh splits the method from the inputs, two sentences instead of one with a bracketed exception
    page_lang("zh", "", "分别计算两种写法。每一步运算都在相应格式中进行，只有 NumPy 对 float16 求和时在 float32 中累加、最后舍入一次：")
    assert "下面的代码每一步运算都在相应格式中进行（" not in page("zh")


def test_the_opening_says_should_for_speed():
    """The speed section is an argument, not a measurement, so the opening announces why 16 bits
    'should' make activations faster, and glosses log-sum-exp at its first use."""
    # review final78, lp: the three-way "to ..., to ..., and to ..." list is lighter; the hedge "should" stays
    page_lang("en", r"It then shows softmax and log-sum-exp ($\log\sum_j e^{z_j}$) in 16 bits and turns to "
              "mixed-precision training, the speed-up 16 bits should bring, and *outliers*,", "")
    assert "to why 16 bits should make activations faster" not in page("en")
    # review final79, lp: no "then ... then" in the opening, no colloquial 按理 in zh
    for lang, old in (("en", "in 16 bits, then covers"), ("zh", "按理")):
        assert old not in page(lang), (lang, old)
    page_lang("zh", "", r"接下来演示 16 位下的 softmax 与 log-sum-exp（$\log\sum_j e^{z_j}$），再讨论混合精度训练、"
              "为什么 16 位应当能让激活函数更快，")
    for lang, strong in (("en", "why 16 bits are faster"), ("zh", "16 位为什么更快")):
        assert strong not in page(lang), lang
    for lang, single in (("en", r"$u \approx c\,v$ for some constant"), ("zh", r"则 $u \approx c\,v$")):
        assert single not in page(lang), lang                    # Fishman et al.: one constant per channel


def test_softmax_numbers():
    assert round(math.exp(12)) == 162755 and math.exp(12) > lp.FORMATS["float16"].max
    exact = np.exp([2.0, 1.0, 0.0]) / np.exp([2.0, 1.0, 0.0]).sum()
    assert [f"{p:.4f}" for p in exact] == ["0.6652", "0.2447", "0.0900"]
    bf = lp.softmax_in([90, 89, 88], BF16, True).astype(float)
    assert round(bf.sum(), 4) == 1.0034
    assert np.all(np.abs(lp.softmax_in([12, 11, 10], np.float16, True).astype(float) - exact) < 5e-4)
    assert np.isfinite(lp.softmax_in([12, 11, 10], BF16, False).astype(float)).all()
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.array(89.0).astype(BF16)).astype(float))
        # "e^{90} and e^{89} are infinite and give two NaNs, while e^{88}/∞ gives 0"
        assert np.isfinite(np.exp(np.array(88.0).astype(BF16)).astype(float))
        unshifted = lp.softmax_in([90, 89, 88], BF16, False).astype(float)
    assert np.isnan(unshifted[:2]).all() and unshifted[2] == 0.0
    # review final74, lp2: the printed output shows the third term's 0; the prose names the two NaNs
    page_lang("en", r"In bfloat16 the same happens to $e^{90}$ and $e^{89}$, which give two NaNs.", "")
    page_lang("zh", "", r"bfloat16 中的 $e^{90}$ 和 $e^{89}$ 也是如此，得到两个 NaN。")
    page_lang("en", "[nan nan 0] [0.667969 0.245117 0.090332]", "")
    # relative errors of the shifted softmax: float16 below 0.1 %, bfloat16 up to 0.4 % (the others smaller)
    err16 = np.abs(lp.softmax_in([12, 11, 10], np.float16, True).astype(float) / exact - 1).max()
    errs_bf = np.abs(bf / exact - 1)
    assert err16 < 1e-3 and round(errs_bf.max() * 100, 1) == 0.4 and errs_bf.min() < 0.0035
    page_lang("en", "float16's are off by less than 0.1%, bfloat16's by up to about 0.4%", "")
    page_lang("zh", "", "float16 的相对误差不到 0.1%，bfloat16 的最多约 0.4%")
    # the logit 12 itself is representable; its exponential is beyond float16's largest value
    assert float(np.float16(12)) == 12.0 and lp.FORMATS["float16"].max == 65504
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float16(12)))
    page_lang("en", "Softmax turns [logits](../glossary.md#logit) $z_i$ (the real-valued scores of a network's last layer) into probabilities", "")
    page_lang("zh", "", "softmax 把 [logit](../glossary.md#logit) $z_i$（网络最后一层输出的实数分数）变成概率")
    # review final74, lp2: e^12's value and float16's largest value are not restated; the sentence links to #overflow (11.09)
    assert math.log(lp.FORMATS["float16"].max) < 12
    page_lang("en", "In float16 a logit of 12 already makes its exponential [overflow](#overflow).", "")
    page_lang("zh", "", "在 float16 中，logit 达到 12 就足以让指数函数值[溢出](#overflow)。")
    both("0.6652", "0.2447", "0.0900", "1.0034")


def test_logsumexp_numbers():
    for dtype, z in ((np.float16, [12, 11, 10]), (BF16, [90, 89, 88])):
        assert np.isinf(float(lp.logsumexp_in(z, dtype, False)))
    lse16 = float(lp.logsumexp_in([12, 11, 10], np.float16, True))
    assert lse16 == 12.40625 == float(lp.to_format(lp.exact_logsumexp([12, 11, 10]), "float16"))
    assert round(lp.exact_logsumexp([12, 11, 10]), 4) == 12.4076
    assert float(lp.logsumexp_in([90, 89, 88], BF16, True)) == 90.5
    exact = lp.exact_logsumexp([90, 89, 88])
    assert round(exact, 4) == 90.4076 and float(lp.to_format(exact, "bfloat16")) == 90.5
    assert float(lp.to_format(90.5, "bfloat16")) - float(lp.to_format(90.0, "bfloat16")) == 0.5
    assert float(lp.to_format(90.25, "bfloat16")) in (90.0, 90.5)          # nothing between 90 and 90.5
    both("12.40625", "12.4076", "90.5", "90.4076")


# --- loss scaling -----------------------------------------------------------------------------

def test_loss_scaling_numbers():
    assert lp.FORMATS["float16"].smallest == 2.0 ** -24 and f"{2.0 ** -24:.1e}" == "6.0e-08"
    assert float(np.float16(1e-8)) == 0.0 and float(np.float16(2.0 ** -25)) == 0.0
    scaled = np.float16(1e-8 * 65536)
    assert f"{float(scaled):.2e}" == "6.55e-04" and float(scaled) >= lp.FORMATS["float16"].tiny
    back = float(np.float32(scaled) / np.float32(65536))
    assert f"{back:.3e}" == "9.997e-09" and abs(back - 1e-8) / 1e-8 < 3e-4
    assert 2 ** 16 == 65536
    assert f"{float(np.array(1e-8).astype(BF16)):.4e}" == "1.0012e-08"
    both(r"$6.55 \times 10^{-4}$", r"$9.997 \times 10^{-9}$", "0.03%", r"$1.0012 \times 10^{-8}$")
    # the cited evidence is about gradients with respect to activation values, which for the function that produced
    # the value are its incoming gradient: the example says so, and says what the zero costs; review final59, lp: one
    # name on the page, "incoming gradient", with the paper's "activation gradients" only quoted as its words
    page_lang("en", r"Take an incoming gradient of $10^{-8}$: in float16 it is 0, so it adds nothing to the weight "
              "gradients that the backward pass computes from it.", "")
    page_lang("zh", "", r"设某个传入梯度是 $10^{-8}$：在 float16 中它是 0，反向传播由它算出的权重梯度也就得不到它的任何贡献。")
    page_lang("en", "many gradients of the loss with respect to activation values (\"activation gradients\", in the paper's words) "
              "lie below float16's range. For the activation function that produced such a value, this gradient is the incoming "
              "gradient ([above](#sigmoid-tail)), which the backward pass multiplies by the function's derivative.", "")
    page_lang("zh", "", "有许多损失对激活值的梯度（论文称之为“激活梯度”）落在 float16 的范围以下。对产生相应激活值的激活函数来说，"
              "这个梯度就是传入梯度（[见上文](#sigmoid-tail)），反向传播要把它乘以该函数的导数。")
    assert re.findall(r"activation gradients?", page("en")) == ["activation gradients"] and "*activation gradient" not in page("en")
    assert page("zh").count("激活梯度") == 1 and "激活值的梯度是" not in page("zh")
    for lang, conflated in (("en", "the weight it belongs to"), ("zh", "对应的权重得不到")):
        assert conflated not in page(lang), (lang, conflated)
    # "a gradient of 65,520/S or more overflows": float16 rounds 65,520 up to infinity, anything below it to at most 65,504
    with np.errstate(over="ignore"):
        assert np.isinf(np.float16(65520.0)) and float(np.float16(np.nextafter(65520.0, 0))) == 65504
        S = 65536.0
        assert np.isinf(np.float16(65520.0 / S * S)) and np.isfinite(np.float16(np.nextafter(65520.0 / S, 0) * S))
    page_lang("en", r"a gradient of $65{,}520 / S$ or more overflows, since float16 rounds everything from 65,520 on to $\infty$", "")
    page_lang("zh", "", r"不小于 $65520 / S$ 的梯度会溢出，因为 float16 把 65520 及以上的数都舍入成 $\infty$")


# --- outliers ---------------------------------------------------------------------------------

def test_e4m3_range_and_squared_spread():
    """E4M3's range, SwiGLU on the diagonal and the R² to 2R² spread.  Review final66, lp: the zh paragraph defines
    u and v before it contrasts SwiGLU's gate with GLU's, and the zh takeaway names whose gate is unbounded."""
    f = lp.FORMATS["float8_e4m3fn"]
    assert f.tiny == 2.0 ** -6 and f.max / f.tiny == 28672
    assert round(math.sqrt(28672), -1) == 170 and 170 ** 2 >= 28672
    swiglu = GATED["swiglu"]
    u, v = np.random.default_rng(0).normal(size=(2, 50)) * 3           # SwiGLU(u, v) = u · v σ(v)
    np.testing.assert_allclose(swiglu.f(u, v), u * v * sigmoid(v), rtol=1e-12)
    page_lang("en", r"SwiGLU computes $u \cdot v\,\sigma(v)$, with $u$ and $v$ computed from the same input by two weight "
              r"matrices.", "")
    page_lang("en", r"Each hidden unit $i$ has two weight vectors, a column of each matrix.", "")
    # review final66, lp: the zh paragraph follows the en order: SwiGLU's formula first, then its unbounded gate
    page_lang("zh", "", r"SwiGLU 计算 $u \cdot v\,\sigma(v)$，其中 $u$ 和 $v$ 由同一输入经两个权重矩阵算出。")
    page_lang("zh", "", r"每个隐藏单元 $i$ 有两个权重向量，各是一个矩阵的一列。")
    # one name for what aligns, as gated-units names it: a channel's (hidden unit's) two weight vectors
    for lang, name, others in (("en", "two weight vectors", ("two maps", "two projections", "two linear maps")),
                               ("zh", "两个权重向量", ("两个映射", "两路投影", "两个线性映射"))):
        outliers = page(lang).split("{ #outliers }")[1]
        # review final59, lp: the alignment is explained once, where SwiGLU's weights are introduced; Fishman et al.'s
        # account and the takeaway refer back to it
        # review final62, lp: en names them once ("Once the two align"), zh twice
        assert outliers.count(name) == {"en": 1, "zh": 2}[lang] and not any(o in outliers for o in others), lang
        assert name in page_text("catalogue/gated-units.md", lang), lang
    for x in (10.0, 30.0):
        ratio = float(swiglu.f(10 * x, 10 * x) / swiglu.f(x, x))
        assert ratio == pytest.approx(100, rel=1e-3)
    # for positive inputs on the diagonal, a ratio R becomes a ratio between R² and 2R²
    x = np.geomspace(1e-3, 50, 400)
    for big in (2.0, 10.0, 170.0):
        ratio = swiglu.f(big * x, big * x) / swiglu.f(x, x)
        assert np.all(ratio >= big ** 2 * (1 - 1e-12)) and np.all(ratio < 2 * big ** 2)
    neg = float(swiglu.f(-10.0, -10.0) / swiglu.f(-1.0, -1.0))                    # not for negative inputs
    assert not 10 ** 2 <= neg < 2 * 10 ** 2
    both("170", r"$2R^{2}$")
    # the diagonal is where aligned maps put SwiGLU; on it the output grows like x², not as a polynomial
    # scoped as Fishman et al. report it: alignment in some channels (those carrying the outliers), not in every one
    page_lang("en", r"Once the two align, as some did in the long training run described below, "
              r"$u_i \approx c_i\,v_i$ for a constant $c_i$. The unit's output is then close to $c_i$ times "
              r"SwiGLU's values on the diagonal $u = v$, $x \cdot x\,\sigma(x)$ ([gated units](gated-units.md#two-inputs)). "
              r"These grow like $x^{2}$ for large positive $x$", "")
    page_lang("en", "they traced the divergence to outliers amplified by SwiGLU through the weight alignment described above.", "")
    # review final62, lp: "通过…" had no verb to attach to
    page_lang("zh", "", "他们把发散追溯到被 SwiGLU 放大的离群值，而这种放大正源于上文所说的权重向量对齐。")
    assert "放大正是通过" not in page("zh")
    page_lang("en", "can square them once weights align ([above](#outliers)). Together", "")
    page_lang("zh", "", "在权重对齐后（[见上文](#outliers)）还会把离群值平方。两者一起")
    # review final68, lp: zh splits after x·xσ(x)
    page_lang("zh", "", r"若某个单元的两个权重向量对齐（下文那次长时间训练中有些单元正是如此），则 $u_i \approx c_i\,v_i$（$c_i$ 是该单元自己的常数）。"
              r"这时该单元的输出接近 $c_i$ 乘以 SwiGLU 在对角线 $u = v$ 上的值 $x \cdot x\,\sigma(x)$。$x$ 为很大的正数时，这个值按 $x^{2}$ 增长")
    # review final68, lp: it was the standard FP8 recipe whose run diverged, not Fishman et al.'s training as such
    page_lang("en", "With the standard FP8 recipe, the run diverged after about 200 billion", "")
    page_lang("zh", "", "按标准的 FP8 做法，训练到约 2000 亿个")
    for lang, old in (("en", "After about 200 billion"), ("zh", "模型：训练到约 2000 亿")):
        assert old not in page(lang), (lang, old)
    # x²σ(x) grows like x² only on the positive side; on the negative side it tends to 0
    diag = float(swiglu.f(-10.0, -10.0))
    assert diag == pytest.approx(100 * float(sigmoid(np.array(-10.0))), rel=1e-12) and diag < 5e-3
    # review final61, lp: the R² bound compares one unit's outputs (a common c_i), and the harm is across channels:
    # with one scale for the whole tensor, that unit's largest outputs set it, and an output of the unit's typical size,
    # in its channel or any other, lands below E4M3's normal range; Smooth-SwiGLU's per-channel factors address exactly
    # that, not a spread within one channel
    # review final77, lp: at 170 the ratio is only just past the normal range, and a typical output then becomes
    # subnormal (fewer significant bits), it is not lost; the old "falls below the normal range" wording is gone
    page_lang("en", "With one scale for the whole tensor, a single aligned unit can then take up the whole normal range by "
              r"itself. If its positive inputs reach 170 times their typical size (about $\sqrt{28{,}672}$), its largest "
              "outputs are at least 28,900 times its typical ones, just past E4M3's normal range. Once the tensor is scaled "
              "so that they fit, outputs of that typical size, in this unit's channel or any other, become subnormal: they "
              "keep fewer than E4M3's four significant bits, and fewer still as the unit's inputs grow.", "")
    # review final75, lp: the zh sentence is split into three
    page_lang("zh", "", "若整个张量共用一个缩放因子，单凭一个对齐的单元就能占满整个正规数范围。它的正输入一旦达到典型大小的 170 倍"
              r"（约为 $\sqrt{28672}$），最大的输出就至少是典型输出的 28900 倍，刚好超出 E4M3 的正规数范围。张量按这些最大值"
              "缩放之后，无论在这个单元的通道还是别的通道，典型大小的输出都成了次正规数：有效位不到 E4M3 正规数的 4 位，"
              "而且该单元的输入越大，剩下的有效位越少。")
    for lang, old in (("en", "falls below the normal range."), ("en", "more than E4M3's whole normal range"),
                      ("zh", "落到正规数范围以下。"), ("zh", "超出 E4M3 的整个正规数范围")):
        assert old not in page(lang), (lang, old)
    for lang, within in (("en", "Within one channel"), ("en", "rescales each channel"), ("zh", "在同一个通道内"),
                         ("zh", "对每个通道做缩放")):
        assert within not in page(lang), (lang, within)
    page_lang("en", "Their fix, Smooth-SwiGLU, gives each channel its own scale before the conversion to FP8, "
              "so that no channel sets the scale of the others. It undoes these scales afterwards, leaving the "
              "function unchanged.", "")
    page_lang("zh", "", "他们的解决办法 Smooth-SwiGLU 在张量转换成 FP8 之前给每个通道乘上各自的缩放因子，使任何一个通道都不再"
              "决定其余通道的缩放，转换后再除回去，函数本身保持不变。")
    # with R = 170 the output ratio is at least R² = 28,900, more than E4M3's normal range (448 / 2^-6 = 28,672)
    e4m3 = ml_dtypes.finfo(E4M3)
    assert 170 ** 2 == 28_900 > float(e4m3.max) / float(e4m3.smallest_normal) == 28_672
    assert 169 ** 2 < 28_672                                  # 170 is the first whole ratio past the range
    # scaled so that the largest output is at most 448, an output 28,900 times smaller is below the smallest normal 2^-6,
    # and E4M3 keeps fewer significant bits there (or rounds it to 0)
    assert 448 / 28_900 < float(e4m3.smallest_normal) == 2.0 ** -6
    typical = float(swiglu.f(1.0, 1.0))
    for big in (170.0, 200.0, 1000.0):                        # the unit's largest output, from inputs `big` times typical
        scale = 448 / float(swiglu.f(big, big))
        stored = float(np.array(typical * scale, dtype=E4M3))
        assert typical * scale < 2.0 ** -6 and stored != typical * scale, big   # subnormal: not kept exactly
    # "fewer than E4M3's four significant bits, and fewer still as the unit's inputs grow": a normal E4M3 value has
    # 1 + 3 significant bits; a subnormal one has as many as its multiple of 2^-9 needs
    assert ml_dtypes.finfo(E4M3).nmant + 1 == 4

    def bits_kept(big):
        stored = float(np.array(typical * 448 / float(swiglu.f(big, big)), dtype=E4M3))
        return 0 if stored == 0 else int(stored / 2.0 ** -9).bit_length()
    kept = [bits_kept(b) for b in (170.0, 300.0, 600.0, 1000.0)]
    assert kept[0] < 4 and kept == sorted(kept, reverse=True) and kept[-1] < kept[0], kept
    assert float(np.array(448 / 28_672, dtype=E4M3)) == 2.0 ** -6                # at the edge, 28,672 still fits
    # the ratio claim, one step per sentence: sigma between 1/2 and 1 for positive inputs, hence R² to 2R²
    page_lang("en", r"For positive inputs on that diagonal, $\sigma$ lies between $\tfrac12$ and 1, so a ratio $R$ between two "
              r"inputs becomes a ratio between $R^{2}$ and $2R^{2}$ at the output.", "")
    page_lang("zh", "", r"在这条对角线上，正输入处的 $\sigma$ 介于 $\tfrac12$ 和 1 之间，所以两个正输入之比若为 $R$，"
              r"输出之比就介于 $R^{2}$ 与 $2R^{2}$ 之间。")
    assert np.all((sigmoid(x) >= 0.5) & (sigmoid(x) <= 1))
    # on the line u = c v, SwiGLU is c times its diagonal value, so ratios between outputs are those on the diagonal
    xs = np.geomspace(1e-3, 50, 50)
    for c in (-1.0, 0.5, 1.0, 3.0):
        np.testing.assert_allclose(swiglu.f(c * xs, xs), c * swiglu.f(xs, xs), rtol=1e-12)
    for lang, imprecise in (("en", "second degree"), ("zh", "是二次的")):
        assert imprecise not in page(lang), lang
    for x in (20.0, 40.0):                       # x²σ(x)/x² → 1
        assert float(swiglu.f(x, x)) / x ** 2 == pytest.approx(1, abs=1e-8)
    # "by the same algebra, GEGLU, ReGLU and the bilinear unit" (review final60, lp: the bilinear unit was left out):
    # on u = c v each is c times its diagonal value, which grows like x² (exactly x² for the bilinear unit), while
    # GLU's bounded gate keeps its diagonal linear
    for key in ("geglu", "reglu", "bilinear", "glu"):
        for c in (-1.0, 0.5, 3.0):
            np.testing.assert_allclose(GATED[key].f(c * xs, xs), c * GATED[key].f(xs, xs), rtol=1e-12)
        ratio = float(GATED[key].f(40.0, 40.0)) / float(GATED[key].f(20.0, 20.0))
        assert ratio == pytest.approx(2.0 if key == "glu" else 4.0, rel=1e-6), key
    np.testing.assert_allclose(GATED["bilinear"].f(xs, xs), xs ** 2, rtol=1e-12)
    for lang, said in (("en", "(SwiGLU and, by the same algebra, [GEGLU, ReGLU and the bilinear unit](gated-units.md#two-inputs))"),
                       ("zh", "SwiGLU（以及按同样的推导，[GEGLU、ReGLU 和双线性单元](gated-units.md#two-inputs)）的门没有上界")):
        assert said in page(lang), lang
    page_lang("en", r"$\sqrt{28{,}672}$", "")
    page_lang("zh", "", r"$\sqrt{28672}$")
    page_lang("en", "a ratio of 28,672", "")
    page_lang("zh", "", "两者之比为 28672")


def test_each_page_groups_thousands_in_one_convention():
    """English: every integer of five or more digits carries a thousands comma, in prose, tables and maths.
    Chinese: plain digits throughout, as on every zh page."""
    en, zh = page("en"), page("zh")
    assert not re.findall(r"(?<![\d.,{}])\d{5,}(?![\d.])", en)
    assert "65,504" in en and "57,344" in en and "28,672" in en
    assert not re.findall(r"\d(?:,|\{,\})\d{3}(?!\d)", zh)
    assert "65504" in zh and "57344" in zh and "28672" in zh


# --- the glossary's low-precision terms (their home is this page) ------------------------------

def test_glossary_definitions_of_the_low_precision_terms():
    """review final67, lp: "In the conversion this page uses" starts a sentence."""
    from actsite.pages.glossary import TERMS
    terms = {t.key: t for t in TERMS}
    f16 = lp.FORMATS["float16"]
    assert (f16.exponent_bits, f16.mantissa_bits, f16.max) == (5, 10, 65504.0)
    assert round(math.log10(2 ** (f16.mantissa_bits + 1)), 1) == 3.3                  # "about three digits"
    assert "65,504" in terms["half-precision"].en_definition and "65504" in terms["half-precision"].zh_definition
    assert "5 exponent and 10 fraction bits" in terms["half-precision"].en_definition
    for key in lp.FORMAT_KEYS:                                                         # underflow: at most half
        s = lp.FORMATS[key].smallest
        assert float(lp.to_format(s / 2, key)) == 0.0 and float(lp.to_format(0.51 * s, key)) == s
    assert "at most half" in terms["underflow"].en_definition and "不超过" in terms["underflow"].zh_definition
    with np.errstate(over="ignore"):                                                   # overflow: ∞, or NaN in E4M3
        assert np.isinf(np.float16(70000.0)) and np.isnan(np.array(1000.0).astype(E4M3).astype(float))
    # review final69, cb: the glossary entry only defines overflow; E4M3's NaN (a property of the conversion) is said on
    # this page, its home
    assert "NaN" not in terms["overflow"].en_definition and "E4M3" not in terms["overflow"].zh_definition
    # "in float16, anything from 65,520 (the largest number, 65,504, plus half a step) on"
    step = 65504.0 - float(np.nextafter(np.float16(65504), np.float16(0)))   # the spacing at the top: 32
    assert 65504 + step / 2 == 65520 and float(np.float16(np.nextafter(65520.0, 0))) == 65504
    with np.errstate(over="ignore"):
        assert np.isinf(np.float16(65520.0))
    assert "from 65,520 (the largest number, 65,504, plus half a step) on" in terms["overflow"].en_definition
    assert "从 65520（最大数 65504 再加半个间距）起" in terms["overflow"].zh_definition
    # the NaN belongs to the conversion (ml_dtypes', which does not saturate), not to the format: the page says so
    assert float(lp.FORMATS["float8_e4m3fn"].max) == 448.0
    with np.errstate(over="ignore"):
        assert float(np.array(464.0).astype(E4M3).astype(float)) == 448.0
        assert np.isnan(float(np.array(480.0).astype(E4M3).astype(float)))
    assert "this site uses" not in terms["overflow"].en_definition and "本站所用" not in terms["overflow"].zh_definition
    assert ("In the conversion this page uses, every value from 448 up to and including 464 rounds to 448, its largest, "
            "and anything larger becomes NaN") in page("en")
    assert "在本页所用的转换中，448 到 464（含 464）之间的值舍入成最大值 448，更大的值则变成 NaN" in page("zh")


def test_glossary_definitions_of_bfloat16_and_machine_epsilon():
    from actsite.pages.glossary import TERMS
    terms = {t.key: t for t in TERMS}
    bf, f32 = lp.FORMATS["bfloat16"], lp.FORMATS["float32"]
    assert (bf.exponent_bits, bf.mantissa_bits) == (f32.exponent_bits, 7) == (8, 7)
    assert f"{bf.max:.1e}" == "3.4e+38" and bf.tiny == f32.tiny                      # float32's range
    assert round(math.log10(2 ** (bf.mantissa_bits + 1)), 1) == 2.4                   # "about two digits"
    bfloat = terms["bfloat16"]
    assert "8 exponent bits and only 7 fraction bits" in bfloat.en_definition and "3.4 \\times 10^{38}" in bfloat.en_definition
    assert "8 位指数，尾数只有 7 位" in bfloat.zh_definition and "两位有效数字" in bfloat.zh_definition
    eps = terms["machine-epsilon"]
    for key, power in (("float32", -23), ("bfloat16", -7), ("float16", -10)):
        assert lp.FORMATS[key].eps == 2.0 ** power
        above_one = float(lp.to_format(1 + 2.0 ** power, key))
        assert above_one - 1 == 2.0 ** power and float(lp.to_format(1 + 2.0 ** power / 2.01, key)) == 1.0
        assert f"$2^{{{power}}}$ in {key}" in eps.en_definition and f"{key} 为 $2^{{{power}}}$" in eps.zh_definition
        # just below 1: within ε/4 rounds to 1, a little more than ε/4 does not
        assert float(lp.to_format(1 - 2.0 ** power / 4, key)) == 1.0
        assert float(lp.to_format(1 - 2.0 ** power / 3.9, key)) < 1.0
    assert r"\varepsilon/4" in eps.en_definition and r"\varepsilon/4" in eps.zh_definition
    # quantisation (homed on hard-and-cheap): unsigned 8-bit codes, 0 to 255, as the home section says; int8 is the
    # signed type, -128 to 127, and the row no longer names it (review final67, cb: the row said "int8")
    info = np.iinfo(np.uint8)
    assert (info.min, info.max) == (0, 255) and np.iinfo(np.int8).min == -128
    assert f"unsigned 8-bit integers, from {info.min} to {info.max}" in terms["quantisation"].en_definition
    assert f"无符号 8 位码，取值 {info.min} 到 {info.max}" in terms["quantisation"].zh_definition
    assert "int8" not in terms["quantisation"].en_definition + terms["quantisation"].zh_definition
    home = page_text("catalogue/hard-and-cheap.md", "en").split("8-bit inference asks of an activation")[1]
    assert f"An unsigned 8-bit code runs from {info.min} to {info.max}" in home
    # the same word for FP8: the definition names it, and FP8 is a format this page defines (E4M3, E5M2)
    assert "FP8" in terms["quantisation"].en_definition and "FP8" in terms["quantisation"].zh_definition
    assert {"float8_e4m3fn", "float8_e5m2"} <= set(lp.FORMATS)


def test_glossary_definition_of_a_normal_number():
    """"the smallest is 2^-126 in float32 and bfloat16, 2^-14 in float16"; below it the leading
    digit is 0, so a value there keeps fewer significant bits (the subnormal numbers)."""
    from actsite.pages.glossary import TERMS
    normal = {t.key: t for t in TERMS}["normal-number"]
    for key, power in (("float32", -126), ("bfloat16", -126), ("float16", -14)):
        fmt = lp.FORMATS[key]
        assert fmt.tiny == 2.0 ** power and fmt.smallest < fmt.tiny
        # a normal number carries every fraction bit: 1 + 2^-m survives scaling to the smallest normal
        one_ulp = fmt.tiny * (1 + 2.0 ** -fmt.mantissa_bits)
        assert float(lp.to_format(one_ulp, key)) == one_ulp
        # a subnormal does not: the same relative step half an octave lower is lost
        assert float(lp.to_format(one_ulp / 4, key)) == fmt.tiny / 4
    assert "$2^{-126}$ in float32 and bfloat16, $2^{-14}$ in float16" in normal.en_definition
    assert "float32 和 bfloat16 中是 $2^{-126}$，在 float16 中是 $2^{-14}$" in normal.zh_definition


def test_glossary_definition_of_correctly_rounded_matches_the_page():
    """The glossary's "correctly rounded" is the page's: the exact value rounded once to the nearest
    value of F. Rounded once from double, σ at 6.25 in bfloat16 is 1, as the page says."""
    from actsite.pages.glossary import TERMS
    term = {t.key: t for t in TERMS}["correctly-rounded"]
    exact = 1 / (1 + math.exp(-6.25))
    assert float(lp.to_format(exact, "bfloat16")) == 1.0
    assert "rounded once, to the nearest number of the format" in term.en_definition
    assert "rounds the result once to the nearest value of F: the *correctly rounded* value" in page("en")
    assert "只舍入一次" in term.zh_definition and "只舍入一次，取 F 中最近的值，即**正确舍入**的值" in page("zh")


def test_glossary_definition_of_fp8():
    """"E4M3, with 4 exponent and 3 fraction bits, a largest number of 448 and no infinity …;
    E5M2, with 5 exponent and 2 fraction bits and a largest number of 57,344": the formats as
    ml_dtypes defines them (the recommendation is Micikevicius et al.'s, quoted on the page)."""
    from actsite.pages.glossary import TERMS
    fp8 = {t.key: t for t in TERMS}["fp8"]
    e4m3, e5m2 = lp.FORMATS["float8_e4m3fn"], lp.FORMATS["float8_e5m2"]
    assert (e4m3.exponent_bits, e4m3.mantissa_bits, e4m3.max) == (4, 3, 448.0)
    assert (e5m2.exponent_bits, e5m2.mantissa_bits, e5m2.max) == (5, 2, 57344.0)
    with np.errstate(over="ignore"):
        assert np.isnan(np.array(1e6).astype(E4M3).astype(float))          # no infinity
        assert np.isinf(np.array(1e6).astype(E5M2).astype(float))          # E5M2 has one
    en, zh = fp8.en_definition, fp8.zh_definition
    assert "E4M3, with 4 exponent and 3 fraction bits, a largest number of 448 and no infinity" in en
    assert "E5M2, with 5 exponent and 2 fraction bits and a largest number of 57,344" in en
    assert "E4M3 有 4 位指数、3 位尾数，最大数是 448，没有无穷大" in zh
    assert "E5M2 有 5 位指数、2 位尾数，最大数是 57344" in zh
    assert "of Micikevicius et al. (2022)" in en and "Micikevicius 等人（2022）提出的" in zh
    assert "Micikevicius et al. (2022)" in page("en") and "Micikevicius 等人（2022）" in page("zh")
    # the page states the same recommendation the definition repeats
    assert "E4M3 for weights and activations and E5M2 for gradients" in page("en")
    assert "权重和激活值用 E4M3，梯度用 E5M2" in page("zh")


def test_scaling_before_the_cube_only_postpones_its_float16_overflow():
    """'evaluating the term as (0.044715 x) x x only postpones it, in float16 from 40.34 to about 114'."""
    x = np.arange(1, 200_001, dtype=np.float64) / 1000                     # 0.001 … 200, exactly
    h = x.astype(np.float16)
    with np.errstate(over="ignore"):
        plain = np.isinf(h * h * h)
        c = np.float16(0.044715)
        scaled = np.isinf(c * h * h * h)
    first_plain, first_scaled = float(h[plain][0]), float(h[scaled][0])
    assert round(first_plain, 2) == 40.34 and round(first_scaled) == 114
    for lang, said in (("en", "in float16 from 40.34 to about 114"), ("zh", "在 float16 中从 40.34 推迟到约 114")):
        assert said in page(lang), lang
    order = r"$(0.044715\,x)\,x\,x$"                     # the left-to-right order the search above uses
    for lang, said in (("en", f"Evaluating the cubic term as {order} only postpones the overflow"), ("zh", f"按 {order} 的顺序计算，只能把溢出推迟")):
        assert said in page(lang), lang


def test_in_e5m2_slopes_near_1_round_to_1_so_mish_derivative_reaches_its_limit_first():
    """'in E5M2 the representable values around 1 are 0.875, 1 and 1.25, so every slope between 0.9375 and 1.125
    rounds to 1, including the peaks of Mish' (1.09) and SiLU' (1.10); that is why Mish's derivative
    already rounds to 1 from 0.625, while its value becomes x only from 1.25' (searched over every
    positive E5M2 input; the threshold is the E5M2 value 0.625, which the page's tables show as 0.625;
    there the exact derivative is only 0.94, so it is the rounded derivative that equals 1)."""
    import ml_dtypes
    from actsite.maths.catalogue import MODERN
    e5m2 = ml_dtypes.float8_e5m2
    assert list(np.array([0.9375, 1.0, 1.125]).astype(e5m2).astype(float)) == [1.0, 1.0, 1.0]
    assert list(np.array([0.93, 1.13]).astype(e5m2).astype(float)) == [0.875, 1.25]
    grid = np.linspace(0.0, 10.0, 200_001)
    for key, peak in (("mish", 1.09), ("silu", 1.10)):
        assert round(float(MODERN[key].df(grid).max()), 2) == peak
    inputs = np.arange(256, dtype=np.uint8).view(e5m2).astype(np.float64)
    inputs = np.sort(inputs[np.isfinite(inputs) & (inputs > 0)])
    mish = MODERN["mish"]

    def threshold(rounded, limit):
        off = np.nonzero(rounded != limit)[0]
        return float(inputs[off[-1] + 1])
    slope = mish.df(inputs).astype(e5m2).astype(float)
    value = mish.f(inputs).astype(e5m2).astype(float)
    assert threshold(slope, 1.0) == 0.625 and threshold(value, inputs.astype(e5m2).astype(float)) == 1.25
    assert round(float(mish.df(np.array([0.625]))[0]), 2) == 0.94
    from actsite.pages import low_precision_table as lpt
    assert lpt.number_latex(0.625, "en", "float8_e5m2") == "0.625"             # the table shows the same number
    # review final77, lp: the step "that is why" skipped is said and checked: from 0.625 on Mish' stays in [0.9375, 1.125]
    beyond = np.linspace(0.625, 60.0, 400_001)
    assert np.all((mish.df(beyond) >= 0.9375) & (mish.df(beyond) <= 1.125))
    assert float(mish.df(np.array([0.5]))[0]) < 0.9375                                 # and not from any earlier input
    page_lang("en", "From 0.625 on, Mish′ stays within that band, so Mish's derivative already rounds to 1 there, while its "
              "value becomes $x$ only from 1.25.", "")
    page_lang("zh", "", "Mish′ 从 0.625 起始终落在这个区间里，因此 Mish 的导数从 0.625 起就已舍入成 1，函数值却要到 1.25 才变成 $x$。")
    assert "That is why Mish's derivative" not in page("en")
    assert "including the peaks of Mish′ (1.09) and SiLU′ (1.10)" in page("en")
    page_lang("en", "In E5M2 the representable values around 1 are 0.875, 1 and 1.25, so every slope between 0.9375 and 1.125 rounds to 1", "")
    page_lang("zh", "", "E5M2 中 1 附近的可表示数是 0.875、1 和 1.25，所以 0.9375 到 1.125 之间的斜率都舍入成 1")
    assert "Mish′ 和 SiLU′ 的峰值（1.09 和 1.10）也不例外" in page("zh")


def test_no_sentence_restates_round_to_nearest_as_a_finding():
    """Review final61, lp: the sentence 'training loses nothing beyond a derivative threshold that the format could have
    kept: there, the true slope is closer to the 0 or 1 it rounds to ...' said what rounding to nearest means at every
    input, and lines 66-70 already say which functions' backward pass uses the derivative's own thresholds; it is cut.
    review final69, lp: the lead-in ends with the cell layout (digit rule cut).
    review final74, lp: the lead-in ends with one sentence on why digit counts vary."""
    for lang, cut in (("en", "that the format could have kept"), ("en", "than to any other value of the format"),
                      ("zh", "格式本来就保留不住"), ("zh", "比离格式中任何别的值都近")):
        assert cut not in page(lang), (lang, cut)
    page_lang("en", "For them the derivative's own thresholds matter; the second table below gives them.", "")
    # review final65, lp: the E5M2 aside follows the tables, where 0.625 and 1.25 can be checked, instead of
    # separating the tables from their lead-in
    # review final68, lp: the rule for writing thresholds joins this lead-in instead of a note of its own
    # review final69, lp: the rule for writing thresholds is cut; the lead-in ends with the cell layout
    # review final80, lp: the rule for writing thresholds moves under the tables, before the E5M2 aside
    page_lang("en", "rounded once (at a kink, the slope of the outer piece). A 0 means that side equals its asymptote "
              "everywhere.\n\n<!-- low-precision-thresholds -->\n\nIn both tables", "")
    page_lang("en", "($3.4 \\times 10^{7}$).\n\nA derivative that tends to 1 can even reach its threshold", "")
    page_lang("zh", "", "表中的 0 表示这一侧处处等于渐近线。\n\n<!-- low-precision-thresholds -->\n\n两张表中")
    page_lang("zh", "", "（如 $3.4 \\times 10^{7}$）。\n\n导数趋向 1 时")


def test_takeaway_only_non_zero_limits_come_early():
    # the sigmoid's non-zero limit 1 comes early in bfloat16, its zero limit on the left only at -93
    s, t = lp.row("sigmoid", "bfloat16"), lp.row("tanh", "bfloat16")
    assert s.value[1] == 6.25 and round(t.value[1], 2) == 3.47 and round(t.value[0], 2) == -3.47
    assert round(s.value[0]) == -93 and -s.value[0] > 10 * s.value[1]
    # review final63, lp: not "exponentially saturating" (the site's "saturating" is two-sided): the bullet names the
    # functions it means, ELU among them, whose non-zero limit -1 on the left comes at -6.25 in bfloat16
    e = lp.row("elu", "bfloat16")
    assert e.value[0] == -6.25 and e.value[1] == 0 and EVERY["elu"].f(np.array([-50.0]))[0] == pytest.approx(-1)
    page_lang("en", "- In 16 bits, functions that approach a non-zero limit along an exponential tail (the sigmoid, tanh, ELU on "
              "the left) reach it early.", "")
    page_lang("zh", "", "- 在 16 位下，沿指数衰减的尾部趋向非零极限的函数（sigmoid、tanh、ELU 的左侧）很早就到达这个极限：")
    for lang, old in (("en", "exponentially saturating"), ("zh", "以指数速度趋于饱和")):
        assert old not in page(lang), lang


# --- speed: the fused kernel, said here once -----------------------------------------------------

def test_speed_section_says_why_numpy_timings_do_not_carry_over_in_one_sentence():
    """The fused-kernel point stands here in one sentence; this section is the glossary's home of "fused kernel".
    Review final56, lp: no aside sends the reader to the build page's NumPy timings.
    review final67, lp: softsign's kernels in a sentence of their own; bytes per element stated and checked.
    review final68, lp: softsign's three kernels in one clause; eager mode and the NumPy sentence cut."""
    from actsite.pages.glossary import TERMS
    assert {t.key: t for t in TERMS}["fused-kernel"].home == "catalogue/low-precision.md#speed"
    # scoped: a built-in (or compiled) activation is one fused kernel; an eager chain of operations is one per operation
    # scoped to PyTorch's forward pass, with its exception, and marked as an argument whose GPU times stay unmeasured
    # review final59, lp: one subject per clause; review final61, lp: "The same reasoning bears on the choice of activation"
    # review final77, lp: the inference is attributed to the section's argument, not left as an unsourced "probably"
    # review final78, lp: "The same reasoning" and "by this argument" said the same thing twice; the subject is now
    # the memory bound, the argument's hedge stays (pinned also by the guide and hard-and-cheap tests)
    assert "The same reasoning bears on the choice" not in page("en") and "同样的道理也关系到" not in page("zh")
    page_lang("en", "The memory bound also bears on the choice of activation: by this argument, the built-in ones differ little "
              "in speed on a GPU. In PyTorch, for example, the forward pass of most built-in "
              "activations (ReLU, GELU, SiLU, the sigmoid, tanh, …) is a single kernel, one pass over memory. For a multi-step "
              "formula such as GELU or SiLU, that is a [fused kernel](../glossary.md#fused-kernel), which does all the steps "
              "in that one pass without writing intermediate results back. Softsign is an exception: PyTorch writes it as three "
              "operations, which by default run as three kernels.\n", "")
    page_lang("en", "This is an argument, not a measurement: how close a given kernel comes to that memory bound "
              "depends on the GPU.", "")
    assert "only a timing on that GPU can tell" not in page("en")
    page_lang("zh", "", "这一点也关系到激活函数怎么选：照这个论证，在 GPU 上各个内置激活函数的速度相差无几。"
              "以 PyTorch 为例，大多数内置激活函数（ReLU、GELU、SiLU、sigmoid、tanh 等）的前向传播只用一个"
              "内核，只读写一次内存；GELU、SiLU 这类多步公式用的是[融合内核](../glossary.md#fused-kernel)，即在这一次读写中做完所有步骤、"
              "不把中间结果写回内存的内核。softsign 是个例外："
              "PyTorch 把它写成三步运算，默认情况下就是三个单独的内核。\n")
    # review final68, lp: eager mode and NumPy's passes answer "which activation is fastest", not this page's question
    for lang, cut in (("en", "eager mode"), ("en", "as NumPy does"), ("zh", "即时执行"), ("zh", "像 NumPy 那样")):
        assert cut not in page(lang), (lang, cut)
    page_lang("zh", "", "以上是论证，不是实测：某个激活函数内核离这个访存下限有多近，取决于具体的 GPU。")
    # review final67, lp: softsign's three kernels in sentences of their own; the bytes per element are stated (one read
    # and one write of the element's size), and the halving is said there, not also in the NVIDIA sentence
    for lang, old in (("en", "as it is called, each is a separate kernel"), ("zh", "运算一经调用就逐个执行"),
                      ("en", "which halve the bytes of every element"), ("zh", "让每个元素的字节数减半")):
        assert old not in page(lang), (lang, old)
    f32, f16 = 2 * np.dtype(np.float32).itemsize, 2 * np.dtype(np.float16).itemsize
    assert (f32, f16, 2 * BF16.itemsize) == (8, 4, 4)
    page_lang("en", f"Each element costs {f32} bytes in float32 ({f32 // 2} read, {f32 // 2} written) and {f16} in a 16-bit "
              "format. This is an argument", "")
    page_lang("zh", "", f"每个元素在 float32 中要搬运 {f32} 字节（读 {f32 // 2} 字节、写 {f32 // 2} 字节），在 16 位格式中只要 "
              f"{f16} 字节。以上是论证")
    # addressed to the reader, not the editor; 推理 is kept for inference on this page, 内置 for built-in
    # review final57, lp: the zh heading says what halves, not a calque of "fewer bytes"
    page_lang("zh", "", "## 速度：搬运的字节减半 { #speed }")
    assert "字节更少" not in page("zh")
    for lang, editorial in (("en", "remains unmeasured"), ("en", "Beyond precision, the same reason bears"), ("en", "The same reason matters"), ("zh", "仍未实测"), ("zh", "这只是推理"), ("zh", "自带"),
                            ("zh", "同样的道理也提示")):
        assert editorial not in page(lang), (lang, editorial)
    # said once, in this section: the takeaway does not repeat it, and no sentence reports what the site skipped
    for lang, skipped in (("en", "this site has not timed"), ("zh", "本站未在 GPU 上实测"), ("zh", "本站没有在 GPU 上"),
                          ("zh", "意味着")):
        assert skipped not in page(lang), (lang, skipped)
    assert "前向计算" not in page("zh")
    # the takeaway keeps the section's source and its scoping, names its float32 baseline, says "up to" (how close
    # a kernel comes to the bound depends on the GPU) and points to the argument; the hedge itself is said once
    page_lang("en", "usually limited by memory traffic, NVIDIA's guides say. By halving the bytes it moves, 16 bits should "
              "make it up to about twice as fast as in float32 ([the argument above](#speed)).", "")
    page_lang("zh", "", "据 NVIDIA 的指南，在 GPU 上逐元素计算的激活函数通常受限于访存。换成 16 位后字节数减半，"
              "照[上文的论证](#speed)，这类激活函数的速度最多可达 float32 下的约两倍。")
    for lang, hedge in (("en", "an argument, not a measurement"), ("zh", "论证，不是实测")):
        assert page(lang).count(hedge) == 1, lang
    for lang, overclaim in (("en", "every memory-bound"), ("zh", "耗时应当都")):
        assert overclaim not in page(lang), (lang, overclaim)
    assert np.dtype(np.float32).itemsize / np.dtype(np.float16).itemsize == 2 == np.dtype(np.float32).itemsize / BF16.itemsize
    for lang, firmer in (("en", "every function alike"), ("en", "whatever its formula."), ("zh", "与公式繁简无关")):
        assert firmer not in page(lang), (lang, firmer)
    # softsign x/(1 + |x|) as PyTorch writes it: abs, add, divide
    x = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(x / (np.abs(x) + 1), EVERY["softsign"].f(x), rtol=1e-15)
    for lang, overclaim in (("en", "computes the whole activation in one fused kernel"), ("zh", "GPU 上的框架把整个激活函数"),
                            ("en", "Each runs as one fused kernel"), ("zh", "每个内置的激活函数"), ("zh", "每个内置激活函数"),
                            ("en", "compiled"), ("zh", "编译后"), ("zh", "过一遍"),
                            ("en", "is one [fused kernel]"), ("zh", "只用一个[融合内核]")):
        assert overclaim not in page(lang), (lang, overclaim)
    for lang in LANGS:
        speed = page(lang).split("{ #speed }")[1].split("{ #outliers }")[0]
        # the term at its home; besides it, only the two NVIDIA guides' entries in the reference list (review final59, lp)
        assert speed.count("](") - speed.count("](#ref-nvidia-") == 1 and speed.count("](../glossary.md#fused-kernel)") == 1, lang
        assert "how-this-site-is-built" not in speed and "numpy timings" not in speed and "numpy 计时" not in speed, lang
        assert "explains why its NumPy timings" not in speed and "一页解释了为什么" not in speed, lang
    # the home defines the term in one clause, as the glossary does, and the numpy aside quotes no number
    fused = {t.key: t for t in TERMS}["fused-kernel"]
    assert "without writing the intermediate results back" in fused.en_definition and "中间结果不写回内存" in fused.zh_definition
    for lang, definition in (("en", "which does all the steps in that one pass without writing intermediate results back"),
                             ("zh", "即在这一次读写中做完所有步骤、不把中间结果写回内存的内核")):
        speed = page(lang).split("{ #speed }")[1].split("{ #outliers }")[0]
        assert definition in speed and not re.search(r"\d+(\.\d+)?\s*(×|x\b|倍)", speed), lang


def test_one_large_value_pushes_down_the_whole_tensor_under_one_scale_and_only_its_channel_under_per_channel_scales():
    """Review final65, lp (wrong): the push-down sentence followed the per-row/per-channel one, with "then", so it read
    as a consequence of per-channel scaling, which is the remedy (Smooth-SwiGLU's).  Now it follows the per-tensor
    scale, and per-row or per-channel factors 'confine that damage to the row or channel that holds the large value'.
    Checked in E4M3: a 4 x 8 tensor of typical values 1 with one value 10^5 in channel 0; scaled so that its largest
    value is 448, every other value falls below the normal range 2^-6 under one factor for the tensor, and only the
    large value's channel does under one factor per channel.
    review final69, lp: (WRONG) per-tensor scaling is 'the simplest scheme', not the usual one; en says 'scale' throughout."""
    x = np.ones((4, 8))
    x[0, 0] = 1e5
    tiny = lp.FORMATS["float8_e4m3fn"].tiny
    assert tiny == 2.0 ** -6

    def below_normal(scale):
        q = (x * scale).astype(E4M3).astype(float)
        return np.abs(q) < tiny
    per_tensor = below_normal(448 / np.abs(x).max())
    per_channel = below_normal(448 / np.abs(x).max(axis=0, keepdims=True))
    big = np.zeros_like(x, dtype=bool)
    big[0, 0] = True
    assert np.array_equal(per_tensor, ~big)                                   # all the others pushed down
    assert per_channel[:, 1:].sum() == 0 and np.array_equal(per_channel[:, 0], ~big[:, 0])   # only channel 0
    for lang, push, remedy in (
            ("en", "A single very large value then pushes all the others down, and those that fall below the normal range "
                   "lose their digits or round to zero.",
                   "Choosing the scale per row, or per *channel* (the same component of every vector in the tensor), "
                   "confines that damage to the row or channel that holds the large value."),
            ("zh", "这时只要有一个特别大的值，整个张量的其余值就都被压小，落到正规数范围以下的那些便丢掉有效数字，甚至舍入成 0。",
                   "按行或按**通道**（张量中所有向量的同一个分量）分别选取缩放因子，可以把这种损害限制在大值所在的那一行或那一个通道里。")):
        text = page(lang)
        per_tensor_sentence = text.index("[8-bit integer inference](hard-and-cheap.md#int8)." if lang == "en"
                                         else "与 [8 位整数推理](hard-and-cheap.md#int8)同理。")
        assert per_tensor_sentence < text.index(push) < text.index(remedy) == text.index(push) + len(push) + (lang == "en"), lang
    for lang, old in (("en", "The factor can also be chosen per row"), ("zh", "分别选取。这样一来")):
        assert old not in page(lang), lang
    # review final69, lp (WRONG): per-tensor scaling is the simplest scheme, not the usual one: LLM.int8(), the page's
    # own source for 8-bit inference, scales vector-wise (one constant per row or column of each matmul operand), and
    # FP8 training recipes scale per block; the sentence now names the scheme without saying how common it is
    for lang, old, new in (
            ("en", "usually multiply each tensor by a factor",
             "The simplest scheme multiplies a whole tensor by one scale, chosen so that its largest value fits, and then "
             "rounds it to the format ([quantisation](../glossary.md#quantisation))"),
            ("zh", "通常给每个张量乘一个缩放因子",
             "最简单的做法是给整个张量乘同一个缩放因子，让其中最大的值恰好放得下，再舍入到该格式（即[量化](../glossary.md#quantisation)）")):
        assert old not in page(lang) and new in page(lang), lang
    # review final69, lp: one term for the quantisation multiplier in en, "scale", as the glossary and hard-and-cheap
    # write it (zh: 缩放因子 throughout)
    outliers = page("en").split("{ #outliers }")[1].split("{ #takeaways }")[0]
    assert "factor" not in outliers and outliers.count("scale") >= 5


def test_channel_is_glossed_at_its_first_use():
    """'channel' is said in a few words where it first appears (the per-channel scale factor), before the SwiGLU
    paragraph counts in channels."""
    for lang, word, gloss in (("en", "channel", "per *channel* (the same component of every vector in the tensor)"),
                              ("zh", "通道", "按**通道**（张量中所有向量的同一个分量）")):
        text = page(lang)
        assert gloss in text, lang
        assert text.index(gloss) <= text.index(word) < text.index(gloss) + len(gloss), lang      # the first use is the gloss
        assert text.index(gloss) < text.index("SwiGLU 计算" if lang == "zh" else "SwiGLU computes"), lang


def test_terms_are_glossed_where_they_first_appear():
    """'Reductions' is said in a few words; the value's threshold is 'at most' half a spacing (the tie goes to the limit);
    the cube is computed, not 'cubed' as a verb in Chinese."""
    page_lang("en", "*reductions* (operations such as `sum` that combine many values into one) and similar operations often "
              "need float32's range", "")
    page_lang("zh", "", "**归约**（`sum` 这类把许多值合成一个的运算）等运算常常需要 float32 的范围")
    for key in ("float16", "bfloat16"):                     # exactly half a spacing below 1 still rounds to 1
        assert float(lp.to_format(1 - lp.FORMATS[key].eps / 4, key)) == 1.0
    page_lang("zh", "", "函数值只要离极限近到舍入后与之相同即可")     # review final61, lp: no bare "spacing" (which one?)
    page_lang("zh", "", "其中要计算输入的立方 $x^{3}$，它在 float16 中从 40.34 起溢出")
    page_lang("zh", "", "PyTorch 的自动混合精度（autocast）为每个运算分别决定用哪种精度。")
    # review final80, lp: 时间主要花在等内存上 was colloquial
    page_lang("zh", "", "GPU 的运算速度远高于搬运数据的速度，所以这类层的耗时主要在等待访存")
    assert "等内存" not in page("zh")
    for lang, loose in (("zh", "不到半个间距"), ("zh", "把输入立方"), ("zh", "不超过半个间距"), ("zh", "逐个运算决定精度"),
                        ("zh", "搬数据快")):
        assert loose not in page(lang), (lang, loose)


def test_the_site_reference_page_is_named_as_the_glossary_names_it():
    assert "[reference table](../reference.md)" in page("en") and "reference tables" not in page("en")
    assert "[速查表](../reference.md)" in page("zh")
    # review final78, lp: "tables of the reference table" and 速查表单输入表 (which misparses as 表单) are reworded
    page_lang("en", "For every one-input activation function in the [reference table](../reference.md) and each", "")
    # review final80, lp: 表…表里 stacked; the sentence names the functions the reference table lists
    page_lang("zh", "", "对[速查表](../reference.md)所列的每个单输入激活函数")
    assert "单输入函数表里" not in page("zh")
    assert "one-input tables of the" not in page("en") and "速查表](../reference.md)单输入表" not in page("zh")


def test_scoped_wordings_stay_scoped():
    """The search samples float32 rather than taking all its values, and autocast's "much faster"
    belongs to the matrix products, not to PReLU, which is element-wise and limited by memory traffic."""
    page_lang("en", "the page takes every finite value $x$ of each format F as input (for float32, a dense sample first "
              "and then every value near each threshold)", "")
    page_lang("zh", "", "把 F 中每一个有限值 $x$ 都当作输入（float32 则先密集取样，再在每个阈值附近逐个检查）")
    page_lang("en", "matrix products, convolutions and `linear`, which are much faster in 16 bits, and a few others, "
              "among them PReLU, the one activation on the list.", "")
    page_lang("zh", "", "矩阵乘法、卷积和 `linear`，它们在 16 位下快得多；清单上还有少数其他运算，其中 PReLU 是唯一的激活函数。")
    # review final72, lp: the float32 list starts a paragraph of its own
    page_lang("en", "the one activation on the list.\n\nOther operations autocast runs in float32, casting 16-bit inputs up:", "")
    page_lang("zh", "", "其中 PReLU 是唯一的激活函数。\n\n文档还列出了以 float32 运行的运算（16 位的输入会先转成 float32），")
    for lang, folded in (("en", "among them PReLU, the one activation on the list), which are much faster"),
                         ("zh", "PReLU 也在其中，是清单上唯一的激活函数），这些运算在 16 位下快得多")):
        assert folded not in page(lang), lang


def test_terms_from_other_pages_are_linked_to_the_glossary_at_first_use():
    """'saturating' (0 slope in the limit) and 'token' (the unit a language model reads) are defined
    elsewhere: each page links them to the glossary, and 'token' carries a gloss where it appears."""
    for lang, saturating, token in (("en", "on a side where the function [saturates](../glossary.md#saturation)",
                                     "[tokens](../glossary.md#token) (words or pieces of words"),
                                    ("zh", "函数在该侧[饱和](../glossary.md#saturation)时为 0", "[词元](../glossary.md#token)（语言模型读入文本的单位")):
        text = page(lang)
        assert saturating in text and token in text, lang
    # the glossary's unqualified 'saturating' means both sides: a per-side statement says which side
    for lang, loose in (("en", "for a saturating function"), ("en", "for a [saturating]"), ("zh", "对饱和函数来说"),
                        ("zh", "饱和](../glossary.md#saturation)函数")):
        assert loose not in page(lang), (lang, loose)


def test_loss_scaling_is_often_needed_in_float16_not_always():
    """Micikevicius et al. (2018) trained several networks in float16 without loss scaling; the page shows
    only that gradients below float16's range occur (Multibox SSD): the takeaway says 'often'."""
    page_lang("en", "Because of its narrow range, float16 often needs loss scaling;", "")
    page_lang("zh", "", "float16 范围窄，常常需要损失缩放；")
    assert "float16 needs loss scaling" not in page("en") and "窄，需要损失缩放" not in page("zh")


def test_chinese_marks_new_terms_in_bold_and_keeps_precise_wording():
    """The zh page marks a newly introduced term in bold, as every other zh page does (CJK italics are a
    synthetic slant); the formats are proposed by the FP8 paper, not prescribed; the opening says what goes
    wrong (rounding to the limit, overflow)."""
    zh = page("zh")
    prose = re.sub(r"\$[^$]*\$", "", zh)
    assert not re.search(r"(?<!\*)\*(?![*\s])[^*\n]+(?<![*\s])\*(?!\*)", prose)
    for term in ("范围", "精度", "正规数", "次正规数", "下溢", "渐近线", "正确舍入"):
        assert f"**{term}**" in zh, term
    page_lang("zh", "", "同样的函数在小得多的输入上就会舍入成各自的极限值，或者溢出")
    page_lang("zh", "", "Micikevicius 等人（2022）提出的两种 FP8 格式")
    page_lang("zh", "", "PyTorch 的 `GradScaler` 同时应对这两端：")
    for vague in ("出问题", "规定的两种", "两头都照顾到"):
        assert vague not in zh, vague


def test_the_naive_formula_is_named_and_glossed_once_as_on_output_layers():
    """One term for a formula evaluated as written, operation by operation, with no stable rewrite: "naive
    formula" / 照公式直接计算, as output-layers calls it; glossed in the third question of the opening."""
    page_lang("en", "3. Where do intermediate results, such as exponentials, overflow in its *naive formula*, the formula computed operation by "
              "operation in the format, with no rewrite for stability?", "")
    page_lang("zh", "", "3. 照公式**直接计算**（在该格式中逐步运算，不做任何保证稳定的改写）时，指数函数值等中间结果在哪里溢出？")
    for lang, other, word in (("en", "textbook", "naive formula"), ("zh", "教科书", "直接计算")):
        assert other not in page(lang), lang
        assert word in page_text("catalogue/output-layers.md", lang), lang
    # one verb for rounding on the zh page
    assert "舍入为" not in page("zh")


def test_backward_from_the_input_uses_the_derivative_thresholds():
    """"PyTorch computes the backward pass of SiLU, GELU, Mish and softplus from the saved input instead, so for them
    these thresholds ... are the ones that matter": derivatives.yaml has silu_backward(grad, self),
    gelu_backward(grad, self, approximate), mish_backward(grad, self) and softplus_backward(grad, self, beta,
    threshold) (self is the input), against sigmoid_backward(grad, result) and tanh_backward(grad, result).
    The derivative's own thresholds tell something the value's do not: for each of the four, in every format, the
    two thresholds differ on the right side (GELU in bfloat16: the value is x from 2.78, the slope 1 only from 3.41)."""
    for key in ("silu", "gelu", "mish", "softplus"):
        for fmt in lp.FORMAT_KEYS:
            r = lp.row(key, fmt)
            assert r.slope[1] != r.value[1], (key, fmt)
    assert (lp.row("gelu", "bfloat16").value[1], lp.row("gelu", "bfloat16").slope[1]) == (2.78125, 3.40625)
    page_lang("en", "PyTorch computes the backward pass of SiLU, GELU, Mish and softplus from the saved input instead. For "
              "them the derivative's own thresholds matter; the second table below gives them.\n\nThe derivative thresholds assume that the "
              "*incoming gradient* (the gradient of the loss with respect to the function's output, passed back from the "
              "next layer) is 1: PyTorch rounds its product with the derivative, so with a smaller incoming gradient "
              "the product underflows at smaller $|x|$.", "")
    page_lang("zh", "", "SiLU、GELU、Mish 和 softplus 的反向传播在 PyTorch 中则由保存的输入算出。对它们起作用的是导数本身的阈值，"
              "下面第二张表给出了这些阈值。\n\n导数的阈值假定**传入梯度**（损失对该函数输出的梯度，由后一层传回）为 1：PyTorch 舍入的是"
              "它与导数之积，传入梯度更小时，这个乘积在更小的 $|x|$ 处就会下溢成 0。")
    assert "更早下溢" not in page("zh")
    assert "from the layer after" not in page("en")      # review final80, lp: "the next layer"
    # review final65, lp: only the derivative thresholds depend on the incoming gradient, and the sentence says so
    for lang, vague in (("en", "These thresholds assume"), ("zh", "这些阈值假定")):
        assert vague not in page(lang), lang
    # the term is glossed at its first use on the page
    for lang, word, gloss in (("en", "incoming gradient", "the *incoming gradient* (the gradient of the loss with respect"),
                              ("zh", "传入梯度", "**传入梯度**（损失对该函数输出的梯度")):
        text = page(lang)
        assert text.index(word) == text.index(gloss) + gloss.index(word), lang
    # the zh page's "直接" belongs to the naive formula; the derivative here is rounded once from its exact value
    page_lang("zh", "", "如果把精确的导数值只舍入一次，它保持非零的范围要大得多")
    assert "直接舍入" not in page("zh")
    # the product is what gets rounded: at x = -90 SiLU's slope survives in bfloat16, times 1e-4 it rounds to 0
    slope = float(EVERY["silu"].df(np.array(-90.0)))
    in_bfloat16 = lambda v: float(np.array(v).astype(ml_dtypes.bfloat16))
    assert in_bfloat16(slope) != 0 and in_bfloat16(1e-4 * slope) == 0
    both("derivatives.yaml")
    page_lang("en", "(tools/autograd/derivatives.yaml: sigmoid, tanh, silu, gelu, mish, softplus)", "")
    page_lang("zh", "", "（tools/autograd/derivatives.yaml：sigmoid、tanh、silu、gelu、mish、softplus）")


def _nearest_by_search(values: np.ndarray, key: str) -> np.ndarray:
    """Round to the nearest value of the format by looking it up in the list of all its values; a tie goes to
    the even code (the value at an odd index, since the list starts at code 1)."""
    grid = lp.positive_values(key)
    size = np.abs(values)
    above = np.searchsorted(grid, size)
    lower = np.where(above > 0, grid[np.maximum(above - 1, 0)], 0.0)
    upper = grid[np.minimum(above, len(grid) - 1)]
    to_upper = (size - lower > upper - size) | ((size - lower == upper - size) & (above % 2 == 1))
    return np.copysign(np.where(size == lower, lower, np.where(to_upper, upper, lower)), values)


@pytest.mark.parametrize("key", ["bfloat16", "float16", "float8_e5m2", "float8_e4m3fn"])
def test_a_value_is_rounded_to_a_format_once(key):
    """#thresholds: "computes f(x) in float64 ... and rounds the result once to the nearest value of F". The
    library converts float64 through float32 (twice rounded: 1 + 2^-8 + 2^-40 would become 1 in bfloat16);
    the page's conversion must agree with a search of the format's values on every midpoint, just either side
    of it, and at random, on both signs."""
    grid = lp.positive_values(key)
    middles = (grid[:-1] + grid[1:]) / 2
    rng = np.random.default_rng(7)
    values = np.concatenate([middles, middles * (1 + 2.0 ** -40), middles * (1 - 2.0 ** -40),
                             rng.uniform(0, grid[-1], 20_000), grid[:1] / 2 * (1 + 2.0 ** -40)])
    values = np.concatenate([values, -values])
    np.testing.assert_array_equal(lp.to_format(values, key), _nearest_by_search(values, key))
    if key == "bfloat16":
        assert np.array([1 + 2.0 ** -8 + 2.0 ** -40]).astype(ml_dtypes.bfloat16).astype(float)[0] == 1.0  # the library alone
        assert lp.to_format([1 + 2.0 ** -8 + 2.0 ** -40], key)[0] == 1 + 2.0 ** -7


def test_the_preview_scopes_amplification_and_the_underflow_term_is_scoped_where_it_is_defined():
    """Review final48, lp: the opening says gated units with an unbounded gate amplify outliers (GLU's sigmoid gate
    keeps the diagonal linear, test_on_the_diagonal_... in the gated-units tests); the term's home says it uses
    "underflow" for the rounding to 0, as the glossary entry does, and names the wider IEEE 754 usage.
    Review final66, lp: that usage is a parenthesis, not a sentence; the zh preview and SwiGLU paragraph reworded.
    review final67, lp: the zh preview's two indirect questions run parallel.
    review final74, lp: the IEEE 754 parenthesis is cut (the glossary entry keeps it)."""
    from actsite.pages.glossary import TERMS
    underflow = next(t for t in TERMS if t.key == "underflow")
    assert "broader" in underflow.en_definition
    page_lang("en", "Outliers trouble 8-bit formats, and gated units with an unbounded gate, such as SwiGLU, can amplify them once their weights align.", "")
    # review final64, lp: the amplification needs the unit's two weight vectors aligned, in the preview and the heading too
    page_lang("en", "## Outliers, and how SwiGLU can amplify them { #outliers }", "## 离群值，以及 SwiGLU 怎样放大它们 { #outliers }")
    for lang, loose in (("en", "SwiGLU, amplify them."), ("en", "why SwiGLU amplifies them"), ("zh", "SwiGLU 为何放大")):
        assert loose not in page(lang), lang
    # review final66, lp: 门无上界的门控单元 stacked 门…门控; the zh preview says whose gate is unbounded
    # review final67, lp: after the colon two indirect questions, the second giving the unbounded gate as its reason
    # review final68, lp: the zh preview splits after 离群值 into two plain statements
    page_lang("zh", "", "以及幅值特别大的激活值（**离群值**）。离群值会给 8 位格式带来麻烦；SwiGLU 这类门控单元的门没有上界，"
              "权重对齐后还会把它们放大。")
    # review final56, lp: under IEEE 754's default handling an underflow is a tiny result (below the normal range)
    # that is also inexact; an exactly representable subnormal result is tiny but exact, so not an underflow
    # review final57, lp: the definition ends at "underflows"; the IEEE usage follows in one short sentence
    # review final59, lp: "default" qualifies IEEE 754's exception handling, not the verb
    # review final66, lp: the aside on IEEE 754's usage shrinks to a parenthesis (the glossary entry says "broader")
    # review final68, lp: the parenthesis says what the broader usage is (as the glossary entry does)
    # review final72, lp: the parenthesis also says which sense the page uses afterwards (rounding to 0)
    # review final74, lp: the parenthesis was a digression the page never used; the glossary entry keeps the broader
    # IEEE 754 usage (asserted above)
    page_lang("en", "rounds to 0: it *underflows*.", "")
    page_lang("zh", "", "就舍入成 0，称为**下溢**。")
    assert "IEEE 754" in underflow.en_definition and "IEEE 754" in underflow.zh_definition
    for lang in LANGS:
        assert "IEEE" not in page(lang), lang
    for lang, old in (("en", "(for IEEE 754, so does any inexact"), ("zh", "也都算作下溢）")):
        assert old not in page(lang), lang
    for lang, vague in (("en", "uses the word more broadly"), ("zh", "这个词的含义更宽")):
        assert vague not in page(lang), (lang, vague)
    for lang, aside in (("en", "default exception handling"), ("zh", "默认的异常处理")):
        assert aside not in page(lang), lang
    for lang, loose in (("en", "calls any result below the normal range an underflow"), ("zh", "任何结果都称为下溢")):
        assert loose not in page(lang), lang
    tiny16 = np.finfo(np.float16).tiny
    exact = np.float16(tiny16) / np.float16(4)                     # 2^-16, a subnormal, exactly representable
    assert 0 < exact < tiny16 and float(exact) == float(tiny16) / 4
    inexact = np.float16(tiny16) / np.float16(3)                    # tiny, and rounded: an underflow by default
    assert 0 < inexact < tiny16 and float(inexact) != float(tiny16) / 3
    glu, swiglu = GATED["glu"], GATED["swiglu"]
    assert float(glu.f(100.0, 100.0)) < 101 and float(swiglu.f(100.0, 100.0)) > 9_000
    # what "unbounded" means, said where the outlier section first uses it: SwiGLU's gate v sigma(v) grows without
    # bound, GLU's sigma(v) stays below 1 (with u = 1 the unit's output is its gate)
    v = np.array([1.0, 10.0, 30.0])
    assert np.all(np.diff(swiglu.f(np.ones(3), v)) > 0) and float(swiglu.f(1.0, 30.0)) > 29 and np.all(glu.f(np.ones(3), v) < 1)
    # review final62, lp: the opening sentence is split; what is unbounded is said after SwiGLU's formula
    page_lang("en", "Gated units with an unbounded gate make this worse. SwiGLU computes", "")
    # review final80, lp: GLU is said at its first use on the page (its formula), not only linked
    page_lang("en", "Its gate $v\\,\\sigma(v)$, unlike the gate $\\sigma(v)$ of GLU ($u \\cdot \\sigma(v)$), has no upper "
              "bound, so multiplying it by $u$ can square a large value.", "")
    # review final59, lp: the zh sentence is split, the GLU contrast stands alone, and 门…门控 is not said again
    # review final66, lp: SwiGLU's u and v are defined before its gate is contrasted with GLU's
    page_lang("zh", "", "门控单元的门若没有上界，情况会更糟。SwiGLU 计算 $u \\cdot v\\,\\sigma(v)$，其中 $u$ 和 $v$ 由同一输入经"
              "两个权重矩阵算出。GLU（$u \\cdot \\sigma(v)$）的门 $\\sigma(v)$ 始终小于 1，SwiGLU 的门 $v\\,\\sigma(v)$ 却可以任意大，再乘上 $u$ 就能把大值平方。")
    assert "就可以任意大" not in page("zh")
    # review final56, lp: "没有上界" is not said twice in one breath
    outliers = page("zh").split("{ #outliers }")[1].split("{ #takeaways }")[0]
    assert outliers.count("上界") == 1


def test_final55_opening_primer_tail_and_sources_say_what_they_should():
    """Review final55, lp. Mixed precision keeps float32 weights (the opening no longer says large networks are
    "trained in 16-bit formats"); the tie rule sits where the sigmoid's tail uses it, not in the primer; the
    figure's panel (b) plots 1 − σ_F with the exact 1 − σ dotted, as its alt text says; "activations" for
    values is announced where the page first means values; the loss-scaling example is tied to the incoming
    gradient; one name for float16; and the Chinese reads as Chinese (恰好变成 0, not 变成恰好 0).
    Review final66, lp: the exact curve was hidden under the staircases; in both panels it is drawn above them, and
    thicker; the zh slope sentence no longer stacks two locatives.
    review final67, lp: LayerNorm glossed inline.
    review final69, lp: the en term 'tie' dropped; LayerNorm gloss its own sentence; cost of the zero backward pass (0.8% of the peak). review final71, lp: Sun et al. in a paragraph of their own; zh glosses as own sentences; float16's first such input."""
    from actsite.figures.registry import FIGURES
    from actsite.figures.render import draw
    page_lang("en", "Most are trained in float32, the 32-bit format, or in *mixed precision*, which does most of its arithmetic "
              "in 16-bit, and increasingly 8-bit, formats and keeps a float32 copy of the weights ([below](#mixed-precision)).", "")
    page_lang("zh", "", "大多用 32 位的 float32 训练，或采用**混合精度**：大部分运算用 16 位（且越来越多地用 8 位）格式，"
              "权重则另存一份 float32 副本（见[下文](#mixed-precision)）。")
    page_lang("en", "a float32 master copy of the weights", "")           # what "keeps a float32 copy" refers to
    page_lang("zh", "", "一份 float32 的权重主副本")
    assert "if they are large" not in page("en") and "大型网络用的是" not in page("zh")
    # the primer stops at epsilon; the tie rule follows the bound log(4/eps) it refines
    # review final69, lp: "tie" was defined and never used again; the en sentence now says "halfway" without the term
    assert "*tie*" not in page("en") and not re.search(r"\btie\b", page("en"))
    for lang, tie, new_paragraph in (("en", r"A gap of exactly $\varepsilon/4$ would fall halfway between 1 and the largest value below it; "
                                            "rounding then goes to the neighbour whose last fraction bit is 0, here 1.",
                                      "\n\nMost values are *normal*:"),
                                     ("zh", r"差距恰为 $\varepsilon/4$ 时，该值正好落在 1 与 1 以下最大的可表示数正中", "\n\n大多数值是**正规数**：")):
        text = page(lang)
        primer = text[text.index("{ #formats }"):text.index("| ")]
        assert new_paragraph in primer and "halfway" not in primer and "正中" not in primer, lang
        assert text.index(r"x \gtrsim \log \frac{4}{\varepsilon}") < text.index(tie) < text.index("figure:sigmoid_tail_formats"), lang
    for key in ("bfloat16", "float16"):
        f = lp.FORMATS[key]
        below = float(lp.positive_values(key)[lp.positive_values(key) < 1][-1])      # the largest value below 1
        assert below == 1 - f.eps / 2 and (below + 1) / 2 == 1 - f.eps / 4 and float(lp.to_format(1 - f.eps / 4, key)) == 1.0
    # the figure: panel (b)'s axis is 1 - sigma_F(x); the dotted curve is the exact 1 - sigma(x)
    spec = FIGURES["sigmoid_tail_formats"]
    fig, _ = draw(spec.plot(), "light", spec.size)
    panel_b = fig.axes[1]
    assert panel_b.get_ylabel() == r"$1 - \sigma_F(x)$"
    dotted = [line for line in panel_b.get_lines() if line.get_linestyle() == ":"]
    assert [line.get_label() for line in dotted] == [r"$1 - \sigma(x)$"]
    x, y = dotted[0].get_data()
    np.testing.assert_allclose(y, 1 - sigmoid(x), rtol=1e-9, atol=1e-15)
    for panel in fig.axes[:2]:                          # the exact curve is drawn on top of every staircase
        exact = [line for line in panel.get_lines() if line.get_linestyle() == ":"]
        steps = [line for line in panel.get_lines() if line.get_drawstyle() == "steps-post"]
        assert len(exact) == 1 and len(steps) == 5
        assert all(exact[0].get_zorder() > line.get_zorder() for line in steps)
        assert all(exact[0].get_linewidth() >= line.get_linewidth() for line in steps)
    # review final59, lp: "1 minus σ rounded to F" could be read as (1 − σ) rounded; the difference is taken after rounding
    page_lang("en", "Panel (b) plots the difference between 1 and the sigmoid rounded to F, with the exact 1 − σ(x) dotted, "
              "on a logarithmic axis", "")
    page_lang("zh", "", "画出 x 从 0 到 20 时 1 与舍入到 F 的 σ 之差（点线为精确的 1 − σ(x)）")
    for lang in LANGS:                                   # review final56, lp: a screen reader spells out "σ_F"
        alts = re.findall(r"!\[([^\]]*)\]\(figure:", page(lang))
        assert len(alts) == 2 and not any("_" in alt for alt in alts), lang
    # "activation values" in the outliers section where a value is meant (review final56, lp: no note on usage in the
    # opening); there "activations" is only Sun et al.'s quoted term
    en = page("en")
    said = "and *outliers*, activation values far larger than the rest. Outliers trouble 8-bit formats"  # review final78, lp
    assert said in en and "like the papers it cites" not in en and "large activations" not in en
    outliers = en.split("{ #outliers }")[1].split("{ #takeaways }")[0]
    assert re.findall(r"\bactivations\b", outliers) == ["activations"] and '"massive activations"' in outliers
    # review final68, lp: Sun et al.'s values are tied to the per-tensor scale: their ratio exceeds E4M3's normal range
    assert "a handful of activation values, nearly independent of the input, that can be 100,000 times larger" in outliers
    e4m3 = lp.FORMATS["float8_e4m3fn"]
    assert 3 < 100_000 / (e4m3.max / e4m3.tiny) < 4 and e4m3.max / e4m3.tiny == 28_672
    # review final72, lp: "range" is defined in #formats down to the smallest positive number (448 / 2^-9 for E4M3);
    # the ratio 28,672 is the normal range, and the section and the takeaway say so
    assert e4m3.max / 2.0 ** -9 == 229_376 != 28_672
    page_lang("en", "E4M3's normal range is narrow: from 448 down to its smallest normal value $2^{-6}$, a ratio of 28,672.", "")
    page_lang("zh", "", "E4M3 的正规数范围很窄：从 448 到最小正规数 $2^{-6}$，两者之比为 28672。")
    page_lang("en", "- In E4M3, the normal range is the scarce resource.", "")
    page_lang("zh", "", "- 在 E4M3 下，稀缺的是正规数范围：")
    for lang, old in (("en", "E4M3's range is narrow"), ("zh", "E4M3 的范围很窄"), ("en", "the range is the scarce"),
                      ("zh", "稀缺的是范围"), ("zh", "大到十万倍")):
        assert old not in page(lang), (lang, old)
    page_lang("zh", "", "却可以比其余激活值大十万倍。")
    # review final77, lp: Sun et al. place these values in the residual stream; the harm is a conditional on a tensor
    # quantised with one scale, not a consequence stated as if from the paper
    # review final79, lp: a ratio is compared with the ratio 28,672 that spans the normal range, not with the range
    assert 3 < 100_000 / (e4m3.max / 2.0 ** -6) < 4 and e4m3.max / 2.0 ** -6 == 28_672
    for lang, old in (("en", "three times E4M3's normal range"), ("zh", "是 E4M3 正规数范围的三倍多")):
        assert old not in page(lang), (lang, old)
    page_lang("en", "They sit in the residual stream, and their ratio to the rest is more than three times 28,672, the ratio "
              "that spans E4M3's normal range. If such a value reached a tensor quantised with one scale, it alone would push values of typical size below that "
              "range.", "")
    page_lang("zh", "", "这些值位于残差流中，与其余值之比是 E4M3 正规数范围两端之比（28672）的三倍多。这样的值一旦进入共用一个缩放因子量化的张量，"
              "单凭它一个，典型大小的值就会被压到正规数范围以下。")
    for lang, old in (("en", "with one scale for the whole tensor, such a value alone"), ("zh", "整个张量若共用一个缩放因子，单凭这样一个值")):
        assert old not in page(lang), (lang, old)
    for lang, loose in (("en", "act as bias terms"), ("zh", "起着偏置项的作用")):
        assert loose not in page(lang), (lang, loose)
    # the loss-scaling example, tied back to the activation functions' backward pass
    page_lang("en", "For the activation function that produced such a value, this gradient is the incoming gradient "
              "([above](#sigmoid-tail)), which the backward pass multiplies by the function's derivative.", "")
    page_lang("zh", "", "对产生相应激活值的激活函数来说，这个梯度就是传入梯度（[见上文](#sigmoid-tail)），"
              "反向传播要把它乘以该函数的导数。")
    page_lang("en", "doubles $S$ after 2,000 consecutive steps without an infinite or NaN gradient.", "")
    page_lang("zh", "", "连续 2000 步都没有出现无穷大或 NaN 的梯度，就把 $S$ 加倍。")
    # one name for the 16-bit format; a sentence starts with "The float32 ... formats", not "Float32"
    assert "half precision" not in en and "半精度" not in page("zh") and not re.search(r"(^|[.!?] )Float|(^|[.!?] )Bfloat", en)
    # Dettmers et al. as the paper measures: the hidden states entering the attention projections (the output
    # projection's input is the attention result) and the first feed-forward layer, mostly the residual stream after
    # LayerNorm (review final60, lp: not all of them are); an outlier is a dimension meeting all three of the paper's
    # criteria (review final56, lp): magnitude at least 6, in at least 25% of the layers and at least 6% of the
    # sequence positions
    # review final62, lp: no undefined "hidden states" or "attention projections"; the attention layer links to its home
    # review final65, lp: the attention layer (a forward link) is glossed in a clause, so the sentence stands alone
    page_lang("en", "measured the vectors entering the linear maps of a transformer's [attention layer](transformer-block.md#block), "
              "the layer that mixes information across positions, and the first linear layer of its "
              "[feed-forward block](../glossary.md#feed-forward-block). Most of them are the [residual stream]", "")
    for lang, undefined in (("en", "hidden states"), ("en", "attention projections"), ("zh", "隐藏状态"), ("zh", "注意力投影")):
        assert undefined not in page(lang), (lang, undefined)
    assert "measured the inputs of a transformer's attention and feed-forward blocks" not in en
    # review final67, lp: LayerNorm, whose home comes later in the reading order, is glossed inline (without "token",
    # which the page glosses only further on)
    # review final69, lp: the LayerNorm gloss is a sentence of its own, not a second nested parenthesis
    # review final72, lp: the gloss shrinks to a clause; the finding starts a paragraph of its own
    # review final74, lp: LayerNorm's gloss includes its learned per-dimension scale (as the glossary entry says), which
    # can keep a dimension large after standardising; the LLM.int8() sentence names its authors, not "Their"
    from actsite.pages.glossary import TERMS
    layer_norm = next(t for t in TERMS if t.key == "layer-norm")
    assert "learned scale" in layer_norm.en_definition and "可学习的缩放" in layer_norm.zh_definition
    # review final75, lp: and its learned offset, as the glossary entry also says
    assert "offset" in layer_norm.en_definition and "可学习的平移" in layer_norm.zh_definition
    page_lang("en", "(the vectors a transformer passes from block to block) after [LayerNorm](../glossary.md#layer-norm), "
              "which standardises each vector and then gives each dimension its own learned scale and offset.\n\n"
              "A few dimensions of these vectors hold values far larger than the rest.", "")
    # review final80, lp: the Dettmers paragraph is trimmed to the outlier criterion and the 6.7B observation
    for lang, cut in (("en", "Dettmers et al.'s 8-bit integer method (LLM.int8())"), ("zh", "Dettmers 等人的 8 位整数方法（LLM.int8()）"),
                      ("en", "99.9%"), ("zh", "99.9%")):
        assert cut not in page(lang), (lang, cut)
    for lang, old in (("en", "Their 8-bit integer method"), ("zh", "他们的 8 位整数方法")):
        assert old not in page(lang), lang
    for lang, old in (("en", "LayerNorm standardises each vector's components"), ("zh", "残差流是 Transformer 逐块传递的向量")):
        assert old not in page(lang), lang
    page_lang("en", "hold values far larger than the rest. The paper counts a dimension as an outlier if its values reach a "
              "magnitude of 6 or more in at least a quarter of the layers and at least 6% of the sequence positions. "
              "From about 6.7 billion parameters on", "")
    # review final71, lp: zh glosses the residual stream and LayerNorm in sentences of their own, not two nested
    # parentheses; Sun et al. start a paragraph of their own after Dettmers et al.
    page_lang("zh", "", "测量了 Transformer 中两处线性层的输入向量：[注意力层](transformer-block.md#block)（在序列各位置之间交换信息的层）"
              "中的各线性映射，以及[前馈模块](../glossary.md#feed-forward-block)的第一个线性层。这些向量大多来自"
              "[残差流](../glossary.md#residual-stream)（Transformer 逐块传递的向量）：先经[层归一化](../glossary.md#layer-norm)"
              "标准化，再逐维乘以可学习的缩放参数、加上可学习的平移。\n\n这些向量中有少数几个维度")
    assert "加上可学习的平移之后的结果" not in page("zh")      # review final77, lp: the long attributive is split
    page_lang("en", "the same few dimensions in every layer.\n\nSun et al. (2024) describe", "")
    page_lang("zh", "", "每一层里都是同样这几个维度。\n\nSun 等人（2024）描述了")
    # review final59, lp: in zh the definition is a sentence of its own, not a parenthesis inside a glossed sentence
    page_lang("zh", "", "这些向量中有少数几个维度的取值远大于其余维度。论文把满足以下条件的维度算作离群值：幅值不小于 6，"
              "且出现在至少四分之一的层、至少 6% 的序列位置上。模型规模达到约 67 亿参数后")
    assert "layer normalisation" not in en and "counts a magnitude of 6" not in en and "幅值不小于 6 的值" not in page("zh")
    assert "very large magnitude" not in en and "取值特别大" not in page("zh")
    # appositives in brackets; Chinese word order
    # review final60, lp: no inline maths right after an opening bracket here (it wrapped away from it)
    # review final65, lp: the slopes are written as sigma'(6.25) and sigma'(8.32), not as alternating numbers and positions
    # review final69, lp: the page says what the zero backward pass costs: sigma'(6.25) is 0.8% of the peak
    # sigma'(0) = 0.25, lost entirely
    ds = lambda x: float(sigmoid_prime(np.float64(x)))
    assert ds(0.0) == 0.25 and f"{ds(6.25):.1e}" == "1.9e-03" and f"{ds(8.32):.1e}" == "2.4e-04"
    assert f"{100 * ds(6.25) / ds(0.0):.1f}" == "0.8"
    # review final77, lp: each input named before its slope; zh split into one sentence per format
    page_lang("en", r"The true slope is small but not 0. At 6.25, where bfloat16 first stores $y$ as 1, $\sigma'(6.25) = "
              r"1.9 \times 10^{-3}$, 0.8% of the peak $\sigma'(0) = 0.25$; at 8.32, float16's first such input, "
              r"$\sigma'(8.32) = 2.4 \times 10^{-4}$. "
              "A unit driven that far passes no gradient back at all.", "")
    # review final66, lp: zh no longer stacks two locatives for one point; it writes sigma'(6.25) as en does
    page_lang("zh", "", r"真实斜率虽小，却不是 0。bfloat16 从 6.25 起把 $y$ 存为 1，而 $\sigma'(6.25) = 1.9 \times 10^{-3}$，"
              r"是峰值 $\sigma'(0) = 0.25$ 的 0.8%。float16 从 8.32 起把 $y$ 存为 1，而 $\sigma'(8.32) = 2.4 \times 10^{-4}$。"
              "输入落到这么远的单元就完全传不回梯度。")
    assert "的那个输入上" not in page("zh") and "处仍有" not in page("zh")
    for calque in ("变成恰好", "舍入成恰好", "存为恰好", "舍入成极限或", "救不回来", "第一个这样的输入"):
        assert calque not in page("zh"), calque


def test_final58_terms_styled_alike_dense_paragraphs_split_and_wording():
    """Review final58, lp. A term the page defines is emphasised where it is defined, in one style per language
    (italics in English, bold in Chinese), machine epsilon, kernel, and incoming gradient included;
    the sigmoid's tail gives its ticks, its left tail and tanh's backward pass in paragraphs of their own; the Chinese
    says what the spacing below 1 is half of and that tanh's backward pass computes 1 − y² from the saved output; one
    wording for gated units with an unbounded gate; the 1.0034 is the sum of the printed bfloat16 probabilities.
    Review final66, lp: the zh opening and takeaway no longer say 门无上界的门控单元 (门…门控 stacked).
    review final67, lp: the zh preview's wording updated.
    review final69, lp: 'tie' no longer a defined term."""
    defined = {"en": ["*mixed precision*", "*machine epsilon*", "*kernel* (the routine", "*incoming gradient*",
                      "*flush-to-zero*", "*reductions*", "*outliers*"],
               "zh": ["**混合精度**", "**机器精度**", "叫作**内核**", "**传入梯度**", "**下溢清零**", "**归约**",
                      "（**离群值**）"]}
    for lang, terms in defined.items():
        for term in terms:
            assert term in page(lang), (lang, term)
    # the spacing below 1 is half the spacing above it, the machine epsilon
    for key in ("bfloat16", "float16"):
        f = lp.FORMATS[key]
        assert 1 - float(lp.positive_values(key)[lp.positive_values(key) < 1][-1]) == f.eps / 2, key
    page_lang("zh", "", "1 以下相邻可表示数的间距只有 1 以上的一半")
    # tanh's backward pass from the saved output: 1 - y^2, each step in the format, is 0 once y is 1 (checked above)
    page_lang("en", "\n\nThe backward pass of tanh also uses the saved output, as $1 - y^{2}$ with "
              "$y = \\tanh x$. And tanh rounds to $\\pm 1$ earlier still", "")
    page_lang("zh", "", "\n\ntanh 的反向传播同样用保存的输出，按 $1 - y^{2}$ 计算导数，其中 $y = \\tanh x$。而 tanh 本身舍入成 $\\pm 1$ 还要更早")
    for lang, left in (("en", "\n\nOn the left the sigmoid's value is tiny but representable"), ("zh", "\n\n在左侧，sigmoid 的值虽小却仍可表示")):
        assert left in page(lang), lang
    # one wording in Chinese for a gate without an upper bound
    # review final59, lp: the outliers section says 门控单元的门若没有上界; review final62, lp: the opening and the
    # takeaway say 门函数无上界的门控单元 (the takeaway keeps the qualifier: GLU is a gated unit and does not square)
    # review final65, lp: 门, as the outliers section and 《门控单元》 call g(v); 门函数 is used nowhere else on the site
    # review final66, lp: 门无上界的门控单元 stacked 门…门控; the opening and the takeaway say whose gate is unbounded
    # (SwiGLU's, and in the takeaway GEGLU's, ReGLU's and the bilinear unit's; GLU, a gated unit, is not among them)
    assert "门函数" not in page("zh") and "门没有上界的门控单元" not in page("zh") and "门无上界的门控单元" not in page("zh")
    takeaway = page("zh").split("{ #takeaways }")[1]
    assert ("SwiGLU（以及按同样的推导，[GEGLU、ReGLU 和双线性单元](gated-units.md#two-inputs)）的门没有上界，"
            "在权重对齐后（[见上文](#outliers)）还会把离群值平方。") in takeaway
    assert "SwiGLU 这类门控单元的门没有上界" in page("zh").split("{ #formats }")[0]     # review final68, lp
    # the printed bfloat16 probabilities add up to 1.0034; summed in bfloat16 they would give another number
    printed = [0.667969, 0.245117, 0.090332]
    assert f"{sum(printed):.4f}" == "1.0034"
    bf = lp.softmax_in([90, 89, 88], BF16, True)
    assert [f"{v:.6f}" for v in bf.astype(float)] == [f"{v:.6f}" for v in printed]
    assert float(bf.sum()) != round(sum(printed), 4) and round(float(bf.astype(float).sum()), 4) == 1.0034
    page_lang("en", "and its three printed probabilities add up to 1.0034.", "")
    page_lang("zh", "", "而且打印出的三个概率加起来是 1.0034。")


def test_final59_sources_are_pointed_to_and_the_ranges_figure_reads_on_a_phone():
    """Review final59, lp. The claims taken from PyTorch's and NVIDIA's documents and code, and the conversion taken
    from ml_dtypes, link to their entries in the reference list: each entry opens with an anchor (an empty span: a
    Chinese entry must stay on one source line, so attr_list, which needs a line of its own, cannot carry it), the same
    in both languages, and the claim that uses the source links to it. The function names of the
    ranges figure are larger in its phone layout, where the page shows the figure at about 0.6 of its size."""
    import markdown
    from actsite.figures.registry import FIGURES
    from actsite.figures.render import CSS_PX_PER_INCH, MIN_TEXT_PX, PHONE_COLUMN_PX, draw
    from actsite.pages import cjk_layout
    entries = {"ref-pytorch-amp": "torch.amp", "ref-nvidia-memory": "Optimizing-Memory-Limited-Layers",
               "ref-ml-dtypes": "jax-ml/ml_dtypes", "ref-pytorch-derivatives": "derivatives.yaml",
               "ref-nvidia-mixed-precision": "mixed-precision-training", "ref-pytorch-kernels": "aten/src/ATen/native/cuda"}
    used = {"en": {"ref-pytorch-amp": "[Its documentation](#ref-pytorch-amp) lists the operations that run in 16 bits",
                   "ref-nvidia-memory": "[NVIDIA's guide to memory-limited layers](#ref-nvidia-memory) counts activations",
                   "ref-ml-dtypes": "That conversion comes from the [ml_dtypes library](#ref-ml-dtypes)",
                   "ref-pytorch-derivatives": "through their saved outputs (see [its derivative definitions](#ref-pytorch-derivatives))",
                   "ref-nvidia-mixed-precision": "[NVIDIA's mixed-precision guide](#ref-nvidia-mixed-precision) notes",
                   "ref-pytorch-kernels": "[PyTorch's GPU kernels](#ref-pytorch-kernels) compute SiLU"},
            "zh": {"ref-pytorch-amp": "[它的文档](#ref-pytorch-amp)列出了在 GPU 上以 16 位运行的运算",
                   "ref-nvidia-memory": "[NVIDIA 的访存受限层指南](#ref-nvidia-memory)把激活函数列为这类层",
                   "ref-ml-dtypes": "这种转换来自 [ml_dtypes 库](#ref-ml-dtypes)",
                   "ref-pytorch-derivatives": "都用前向传播时保存的输出来算（见[它的导数定义](#ref-pytorch-derivatives)）",
                   "ref-nvidia-mixed-precision": "[NVIDIA 的混合精度训练指南](#ref-nvidia-mixed-precision)则指出",
                   "ref-pytorch-kernels": "[PyTorch 的 GPU 内核](#ref-pytorch-kernels)在 float32 中按"}}
    for lang in LANGS:
        body, refs = page(lang).split("{ #references }")
        for anchor, sentence in used[lang].items():
            assert sentence in body, (lang, anchor)
        html = cjk_layout.bind_punctuation(markdown.markdown(refs.split("\n", 1)[1], extensions=["attr_list"]))
        items = re.findall(r'<li>(?:<span id="([\w-]+)"></span>)?(.*?)</li>', html, re.S)
        assert len(items) == 11 and html.count("<span id=") == len(entries), lang
        ids = {anchor: text for anchor, text in items if anchor}
        assert set(ids) == set(entries), lang
        for anchor, source in entries.items():
            assert source in ids[anchor], (lang, anchor)
        assert set(re.findall(r"\]\(#(ref-[\w-]+)\)", body)) == set(entries), lang
    # the phone layout's function names, at the size the page shows them on a 390 px phone
    spec = FIGURES["low_precision_ranges"]
    sizes = {}
    for layout in ("wide", "phone"):
        fig, data = draw(spec.plot(), "light", spec.size, layout)
        labels = fig.axes[0].get_yticklabels()
        assert [label.get_text() for label in labels] == data["labels"]
        scale = min(1.0, PHONE_COLUMN_PX / (fig.get_size_inches()[0] * CSS_PX_PER_INCH))
        sizes[layout] = labels[0].get_fontsize() * CSS_PX_PER_INCH / 72 * scale
    assert sizes["phone"] >= 11 > MIN_TEXT_PX and sizes["phone"] > 1.25 * sizes["wide"], sizes
    # the sigmoid's tail: panel (b)'s ticks lead straight to float32's, then the left tail; the incoming gradient's
    # assumption is a paragraph of its own, after the derivative's thresholds
    for lang, ticks, f32, left, derivative, incoming in (
            ("en", "Panel (b) of the figure below shows every format", "For float32, though,", "On the left the sigmoid's value",
             "The derivative itself, rounded from its exact value", "The derivative thresholds assume that the *incoming gradient*"),
            ("zh", "下图 (b) 对每种格式都画出了", "不过对 float32 来说", "在左侧，sigmoid 的值虽小却仍可表示",
             "如果把精确的导数值只舍入一次", "导数的阈值假定**传入梯度**")):
        text = page(lang)
        assert (text.index(ticks) < text.index(f32) < text.index(left) < text.index("figure:sigmoid_tail_formats")
                < text.index(derivative) < text.index(incoming)), lang
        assert f"\n\n{f32}" in text and f"\n\n{left}" in text and f"\n\n{incoming}" in text, lang


def test_pytorchs_float32_gelu_kernels_cancel_to_zero_from_about_minus_5_5_and_minus_5_2():
    """Fourth caveat (review final62, lp: the page claimed every float32 kernel matches the tables up to three caveats,
    but PyTorch's GPU GELU kernels compute 1 + erf(x/sqrt 2), or 1 + tanh(...), in float32, which cancels to exactly 0
    once erf or tanh rounds to -1).  Review final63, lp: the tanh form goes sooner, and float16 inputs lose values too.
    Emulated on every bfloat16 and float16 input between -20 and -3: float32 arithmetic with correctly rounded
    float32 erf and tanh (float64, rounded once to float32), the result rounded once to the 16-bit format.  A float32
    tanh rounds to -1 once its argument is below about -9.01 (1 + tanh u = 2 sigma(2u) < 2^-25), which the tanh form's
    argument reaches near x = -5.2; erf rounds to -1 near x/sqrt 2 = -3.92, that is x = -5.5.  Exact GELU returns 0
    from -5.5625 (bfloat16) and -5.543 (float16), the tanh approximation from -5.1875 and -5.160, where the
    correctly rounded thresholds are -13.5625 and -10.375 (bfloat16), -5.727 and -5.29 (float16); every value lost is
    below 2e-7 in magnitude.  (NumPy's own float32 tanh stays one unit in the last place above -1 down to -10, and
    with it the tanh form would go only from about -5.4: the point depends on the float32 tanh.)"""
    from scipy.special import erf
    from actsite.pages import low_precision_table as lpt
    erf32 = lambda v: erf(v.astype(np.float64)).astype(np.float32)        # noqa: E731  correctly rounded float32
    tanh32 = lambda v: np.tanh(v.astype(np.float64)).astype(np.float32)   # noqa: E731
    def gelu_erf(x):
        e = erf32((x * np.float32(np.sqrt(0.5))).astype(np.float32))
        return (x * np.float32(0.5) * (np.float32(1) + e)).astype(np.float32)
    def gelu_tanh(x):
        inner = (np.float32(np.sqrt(2 / np.pi)) * (x + np.float32(0.044715) * x * x * x)).astype(np.float32)
        return (np.float32(0.5) * x * (np.float32(1) + tanh32(inner))).astype(np.float32)
    # where float32 tanh reaches -1: below about -9.01, half float32's spacing below 1 being 2^-25
    u = -np.arange(8.9, 9.1, 1e-4).astype(np.float32)
    assert abs(float(u[tanh32(u) == -1].max()) + 9.01) < 0.005 and abs(26 * math.log(2) / 2 - 9.01) < 0.005
    said = {("gelu", "bfloat16"): 5.5, ("gelu_tanh", "bfloat16"): 5.2, ("gelu", "float16"): 5.5, ("gelu_tanh", "float16"): 5.2}
    tables = {}
    for fmt in ("bfloat16", "float16"):
        values = lp.positive_values(fmt)
        x = -values[(values > 3) & (values < 20)].astype(np.float32)
        for key, kernel in (("gelu", gelu_erf), ("gelu_tanh", gelu_tanh)):
            out = lp.to_format(kernel(x), fmt)
            zero_from = float(x[out == 0].max())
            assert np.all(out[x <= zero_from] == 0) and np.all(out[x > zero_from] != 0), (key, fmt)
            assert abs(zero_from + said[key, fmt]) < 0.07, (key, fmt, zero_from)          # "from about -5.5" / "-5.2"
            table = -lp.value_threshold(key, fmt, -1)
            # review final75, lp: "much sooner" held only for bfloat16 (gaps of 8 and 5.2); for float16 the kernel
            # goes only 0.18 and 0.13 sooner, "only slightly sooner"
            if fmt == "bfloat16":
                assert table < zero_from - 5, (key, fmt, table)                           # "much sooner"
            else:
                assert zero_from - 0.25 < table < zero_from - 0.1, (key, fmt, table)      # "only slightly sooner"
            tables[key, fmt] = lpt.number_latex(table, "en", fmt)
            exact = np.abs(EVERY[key].f(x[out == 0].astype(np.float64)))
            lost = exact[x[out == 0] > table]                                             # non-zero in the tables
            assert lost.size and lost.max() < 2e-7, (key, fmt)                             # something is lost, and it is tiny
    assert tables == {("gelu", "bfloat16"): "-13.56", ("gelu_tanh", "bfloat16"): "-10.375",
                      ("gelu", "float16"): "-5.727", ("gelu_tanh", "float16"): "-5.29"}
    # review final65, lp: all four numbers are the first (value) table's; the derivative table's left thresholds are
    # others (-13.81 and -10.5, -6.03 and -5.563), so the sentence names the first table, and the zh no longer reads
    # as "the two tables give, respectively"
    slopes = {(key, fmt): lpt.number_latex(lp.row(key, fmt).slope[0], "en", fmt)
              for key in ("gelu", "gelu_tanh") for fmt in ("bfloat16", "float16")}
    assert slopes == {("gelu", "bfloat16"): "-13.81", ("gelu_tanh", "bfloat16"): "-10.5",
                      ("gelu", "float16"): "-6.03", ("gelu_tanh", "float16"): "-5.563"}
    assert not set(slopes.values()) & set(tables.values())
    page_lang("en", "so both return 0 sooner than the first table says: exact GELU from about $-5.5$ and the tanh "
              "approximation from about $-5.2$. For bfloat16 inputs that is much sooner than the table's $-13.56$ and "
              "$-10.375$; for float16 inputs it is only slightly sooner than its $-5.727$ and $-5.29$. "
              "The values lost are below $2 \\times 10^{-7}$ in magnitude.", "")
    for lang, old in (("en", "so both return 0 much sooner"), ("zh", "所以两者都早得多就返回 0")):
        assert old not in page(lang), (lang, old)
    # review final74, lp: the zh sentence is split and no longer stacks two 分别是
    assert "对 bfloat16 输入分别是" not in page("zh")
    page_lang("zh", "", "所以两者返回 0 的位置都比第一张表给出的阈值更靠近原点：精确 GELU 从 $-5.5$ 左右起，tanh 近似从 "
              "$-5.2$ 左右起。对 bfloat16 输入，表中的阈值是 $-13.56$ 和 $-10.375$，相差很远；对 float16 输入，表中是 "
              "$-5.727$ 和 $-5.29$，只差一点。"
              "丢掉的值绝对值都小于 $2 \\times 10^{-7}$。")
    for lang, ambiguous in (("en", "where the tables give"), ("zh", "两张表中分别是")):
        assert ambiguous not in page(lang), lang
    for lang, old in (("en", "so for bfloat16 inputs both return 0 from about"), ("zh", "所以对 bfloat16 输入，两者都从")):
        assert old not in page(lang), lang


def test_final68_a_saturating_derivative_becomes_0_exactly_or_by_underflow():
    """Review final68, lp: past the kink of a piecewise function the derivative is exactly 0 (the slope threshold is the
    kink in every format); only a smooth function's derivative underflows, far beyond where its value saturates."""
    for fmt in lp.FORMAT_KEYS:
        for key, kinks in (("hard_sigmoid", (-3.0, 3.0)), ("hard_tanh", (-1.0, 1.0))):
            assert lp.row(key, fmt).slope == kinks, (key, fmt)
            x = np.array([kinks[0] - 1e-3, kinks[1] + 1e-3, kinks[0] - 50, kinks[1] + 50])
            assert np.all(EVERY[key].df(x) == 0.0), key
        smooth = lp.row("sigmoid", fmt)
        assert smooth.slope[1] > smooth.value[1] and EVERY["sigmoid"].df(np.array(smooth.slope[1] * 0.99)) > 0, fmt
    page_lang("en", "on a side where the function saturates, this is where the derivative becomes 0 (by underflow, for "
              "a smooth function).", "")
    page_lang("zh", "", "在函数饱和的一侧，这就是导数变成 0 的地方（对平滑函数而言，是下溢成 0）。")
    for lang, old in (("en", "the derivative underflows to zero."), ("zh", "这就是导数下溢成 0 的地方")):
        assert old not in page(lang), (lang, old)


def test_final75_exponent_bits_set_the_normal_range_and_fraction_bits_extend_it_down():
    """Review final75, lp: "the exponent bits set the range, from the smallest to the largest representable magnitude"
    was contradicted by the page's own table: float32 and bfloat16 share 8 exponent bits but not their smallest positive
    number.  The exponent bits set the normal range; subnormals go one power of 2 lower per fraction bit."""
    bits = {"float32": (8, 23), "bfloat16": (8, 7), "float16": (5, 10), "float8_e5m2": (5, 2), "float8_e4m3fn": (4, 3)}
    for fmt, (e, m) in bits.items():
        info = ml_dtypes.finfo(lp.DTYPES[fmt])
        assert (info.nexp, info.nmant) == (e, m), fmt
        assert float(info.smallest_subnormal) == float(info.smallest_normal) * 2.0 ** -m, fmt   # one power of 2 per bit
    f32, bf16 = ml_dtypes.finfo(np.float32), ml_dtypes.finfo(ml_dtypes.bfloat16)
    assert float(f32.smallest_normal) == float(bf16.smallest_normal)                              # same exponent bits
    assert float(bf16.smallest_subnormal) > 1000 * float(f32.smallest_subnormal)                  # "stops well above"
    page_lang("en", "The exponent bits set the *range*, from the smallest to the largest normal magnitude (normal numbers "
              "are defined below);", "")
    # review final80, lp: the subnormal clause is split: they extend the range, and where the smallest number lies
    page_lang("en", "These *subnormal* numbers give up precision to extend the range down to the smallest positive number, "
              "which lies one power of 2 lower for each fraction bit. That is why bfloat16, "
              "with float32's exponent but fewer fraction bits, stops well above float32's smallest positive number.", "")
    page_lang("zh", "", "指数位数决定**范围**，即最小和最大正规数（定义见下文）的量级；")
    # review final78, lp: the concession 虽 gets its 但, and the consequence its 因而
    page_lang("zh", "", "尾数每多一位，最小正数就再小一个 2 的幂。所以 bfloat16 虽与 float32 指数位数相同，但尾数位少，"
              "最小正数因而比 float32 的大得多。")
    for lang, old in (("en", "from the smallest to the largest representable magnitude"), ("zh", "即能表示的最小和最大量级")):
        assert old not in page(lang), (lang, old)
