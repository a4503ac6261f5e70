"""The low-precision page's tables: for every registered activation and every format, the input
from which the value, and the input from which the derivative, can no longer be told from the
asymptote's (:mod:`actsite.experiments.low_precision_thresholds`).

Each cell holds two inputs, the left side's above the right side's (stacked, so that six columns
fit the text column).  A function whose two inputs are the same in every format (ReLU, the hard
functions' kinks) gets no row: one line under the table names it, grouped with the others that share
its pair.  Written as HTML through :mod:`actsite.pages.html_table`.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from actsite.experiments.cache import cached
from actsite.maths.catalogue import EVERY
from actsite.maths.low_precision import to_format
from actsite.pages.html_table import math_cell, table, text_cell

MARKER = "<!-- low-precision-thresholds -->"
FORMAT_NAMES = {"float32": "float32", "bfloat16": "bfloat16", "float16": "float16",
                "float8_e5m2": "E5M2", "float8_e4m3fn": "E4M3"}
WORDS = {
    "zh": {"name": "函数", "value": "函数值从哪里起等于渐近线（上：左侧；下：右侧）",
           "slope": "导数从哪里起等于渐近线的斜率（上：左侧；下：右侧）"},
    "en": {"name": "Function", "value": "Where the value becomes its asymptote (upper: left side; lower: right side)",
           "slope": "Where the derivative becomes its asymptote's slope (upper: left side; lower: right side)"},
}
SAME = {   # the line under a table: its opening, one group's pair, the separators of names and of groups
    "zh": {"opening": "在每种格式下都相同、因而未列入表中的函数：", "pair": "（左侧 {left}，右侧 {right}）",
           "comma": "、", "and": " 和 ", "groups": "；", "end": "。"},
    "en": {"opening": "The same in every format, and so left out of the table: ", "pair": " (left {left}, right {right})",
           "comma": ", ", "and": " and ", "groups": "; ", "end": "."},
}
# Table names whose capital the prose keeps mid-sentence, as the glossary writes them ("Leaky ReLU"); any
# other first word without a further capital is a common word there ("hard sigmoid", "softplus").
CAPITALISED = ("Leaky", "Maxout", "Mish")
LARGE = 1e5          # from here on a threshold is written as m × 10^k
EXACT_DECIMALS = 3   # a threshold with at most this many decimals is written out exactly


def _names_it(text: str, x: float, fmt: str, strict: bool = False) -> bool:
    """Whether the decimal ``text`` rounds to ``x`` in ``fmt``: true of any rounding in float32,
    whose thresholds are only rounded, not singled out, unless ``strict``."""
    return (fmt == "float32" and not strict) or float(to_format(float(text), fmt)[()]) == x


def _false_integer(text: str, x: float) -> bool:
    """Whether the rounded ``text`` reads as an integer (3.00) that ``x`` is not (2.9999998)."""
    shown = Decimal(text)
    return shown == shown.to_integral_value() and shown != Decimal(x)


def _fewest_places(exact: Decimal, names) -> str:
    """``exact`` rounded half up to the fewest decimals, at least two, whose text ``names`` accepts."""
    places = 2
    while not names(text := str(exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))):
        places += 1
    return text


def number_latex(x: float, lang: str, fmt: str) -> str:
    """A threshold ``x``, a value of format ``fmt``, as the tables write it: exactly if it has at
    most three decimals (1.875, 0.625); otherwise to two decimals (two significant digits from
    10⁵ on, as m × 10^k), or, in the 8- and 16-bit formats, to as many more as it takes to name
    ``x`` and no other value of the format (4.5078125 in float16 is 4.508: 4.51 would be
    4.51171875), a trailing zero kept (float16's -20.296875 is -20.30: -20.3 would read as exact).  A rounded number that would read
    as an integer it is not (float32's 2.99999976, one step below 3, as 3.00) is instead written
    with the fewest decimals that name it in its format (2.9999998).  English groups thousands."""
    if math.isnan(x):
        raise ValueError("a threshold beyond the format's largest value has no cell: "
                         "the low-precision table cannot show it")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    m = abs(x)
    if m >= LARGE:
        digits = 1
        while not _names_it(f"{m:.{digits}e}", m, fmt):
            digits += 1
        mantissa, exponent = f"{m:.{digits}e}".split("e")
        return rf"{sign}{mantissa} \times 10^{{{int(exponent)}}}"
    exact = Decimal(m)                                         # the binary value, every digit
    if exact.as_tuple().exponent >= -EXACT_DECIMALS:
        text = f"{exact.normalize():f}"
    else:
        text = _fewest_places(exact, lambda t: _names_it(t, m, fmt))
        if _false_integer(text, m):
            text = _fewest_places(exact, lambda t: _names_it(t, m, fmt, strict=True))
    if lang == "en" and m >= 1000:
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}".replace(",", "{,}") + (f".{frac}" if frac else "")
    return sign + text


def cell(pair, lang: str, fmt: str) -> str:
    left, right = (float(v) for v in pair)
    return f"{math_cell(number_latex(left, lang, fmt))}<br>{math_cell(number_latex(right, lang, fmt))}"


def same_in_every_format(per_format) -> tuple[float, float] | None:
    """The (left, right) pair of a row whose cells are all equal (−0 counts as 0), else None."""
    pairs = {tuple(float(v) + 0.0 for v in pair) for pair in per_format}
    return next(iter(pairs)) if len(pairs) == 1 else None


def prose_name(key: str, lang: str) -> str:
    """A function's table name as a sentence writes it: without the gloss in brackets ("ReLU", not
    "ReLU (rectified linear unit)"), and in English with a lower-case common word ("hard sigmoid")."""
    name = re.split(r" \(|（", EVERY[key].names[lang])[0]
    first = name.split()[0]
    if lang == "en" and first not in CAPITALISED and not any(c.isupper() for c in first[1:]):
        name = name[0].lower() + name[1:]
    return name


def _listed(names: list[str], lang: str) -> str:
    s = SAME[lang]
    return names[0] if len(names) == 1 else s["comma"].join(names[:-1]) + s["and"] + names[-1]


def same_line(same: dict[str, tuple[float, float]], lang: str, fmt: str) -> str:
    """The line under a table naming the functions it leaves out, grouped by their shared pair, in
    the table's order."""
    s = SAME[lang]
    groups: dict[tuple[float, float], list[str]] = {}
    for key, pair in same.items():
        groups.setdefault(pair, []).append(text_cell(prose_name(key, lang)))
    parts = [_listed(names, lang) + s["pair"].format(left=math_cell(number_latex(left, lang, fmt)),
                                                      right=math_cell(number_latex(right, lang, fmt)))
             for (left, right), names in groups.items()]
    return f"<p>{text_cell(s['opening'])}{s['groups'].join(parts)}{s['end']}</p>"


def tables_html(lang: str) -> str:
    data = cached("low_precision_thresholds")
    w = WORDS[lang]
    formats = [str(f) for f in data["formats"]]
    header = [w["name"]] + [FORMAT_NAMES[f] for f in formats]
    tables = []
    for quantity in ("value", "slope"):
        rows, same = [], {}
        for key, per_format in zip(data["keys"], data[quantity]):
            pair = same_in_every_format(per_format)
            if pair is not None:
                same[str(key)] = pair
                continue
            rows.append([text_cell(EVERY[str(key)].names[lang])]
                        + [cell(pair, lang, fmt) for pair, fmt in zip(per_format, formats)])
        tables.append(table(w[quantity], header, rows) + ("\n\n" + same_line(same, lang, formats[0]) if same else ""))
    return "\n\n".join(tables)


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_html(lang))
