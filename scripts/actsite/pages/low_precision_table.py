"""The low-precision page's tables: for every registered activation and every format, the input
from which the value, and the input from which the derivative, can no longer be told from the
asymptote's (:mod:`actsite.experiments.low_precision_thresholds`).

Each cell holds two inputs, the left side's above the right side's (stacked, so that six columns
fit the text column).  Written as HTML through :mod:`actsite.pages.html_table`.
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal


from actsite.experiments.cache import cached
from actsite.maths.catalogue import EVERY
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
LARGE = 1e5          # from here on a threshold is written as m × 10^k


def number_latex(x: float, lang: str) -> str:
    """A threshold as the page writes numbers: to two decimals, halves rounded up (0.625 → 0.63),
    trailing zeros dropped; from 10⁵ on as m × 10^k; English groups thousands."""
    if math.isnan(x):
        raise ValueError("a threshold beyond the format's largest value has no cell: "
                         "the low-precision table cannot show it")
    sign = "-" if x < 0 else ""
    m = abs(x)
    if m >= LARGE:
        mantissa, exponent = f"{m:.1e}".split("e")
        return rf"{sign}{mantissa} \times 10^{{{int(exponent)}}}"
    text = str(Decimal(repr(m)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    text = text.rstrip("0").rstrip(".") if "." in text else text
    if lang == "en" and m >= 1000:
        whole, _, frac = text.partition(".")
        text = f"{int(whole):,}".replace(",", "{,}") + (f".{frac}" if frac else "")
    return sign + text if m else "0"


def cell(pair, lang: str) -> str:
    left, right = (float(v) for v in pair)
    return f"{math_cell(number_latex(left, lang))}<br>{math_cell(number_latex(right, lang))}"


def tables_html(lang: str) -> str:
    data = cached("low_precision_thresholds")
    w = WORDS[lang]
    formats = [str(f) for f in data["formats"]]
    header = [w["name"]] + [FORMAT_NAMES[f] for f in formats]
    tables = []
    for quantity in ("value", "slope"):
        rows = [[text_cell(EVERY[str(key)].names[lang])] + [cell(pair, lang) for pair in per_format]
                for key, per_format in zip(data["keys"], data[quantity])]
        tables.append(table(w[quantity], header, rows))
    return "\n\n".join(tables)


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_html(lang))
