"""The reference page, generated from the maths registry: one table of every activation
function, then one section per function with its formula, derivative and figure.

Every cell comes from :data:`actsite.catalogue.EVERY` (the classic four and the modern
catalogue) or is computed from it; the words around them are the only per-language text.
"""
from __future__ import annotations

import numpy as np

from actsite.catalogue import EVERY
from actsite.figure_registry import FIGURES
from actsite.functions import Activation
from actsite.gaussian import gaussian_expectation

MARKER = "<!-- activation-reference -->"
WORDS = {
    "zh": {"yes": "是", "no": "否", "name": "函数", "formula": "公式", "range": "值域",
           "monotonic": "单调", "zero_centred": "零中心", "saturating": "饱和", "cost": "计算",
           "derivative": "导数", "figure": "及其导数", "mean": "标准正态输入下的均值",
           "exp": "一次指数运算", "compare": "一次比较", "erf": "一次误差函数", "division": "一次除法",
           "smoothness": "光滑性", "source": "出处"},
    "en": {"yes": "yes", "no": "no", "name": "Function", "formula": "Formula", "range": "Range",
           "monotonic": "Monotonic", "zero_centred": "Zero-centred", "saturating": "Saturating",
           "cost": "Cost", "derivative": "Derivative", "figure": "and its derivative",
           "mean": "mean under a standard normal input", "exp": "one exponential", "compare": "one comparison",
           "erf": "one error function", "division": "one division", "smoothness": "Smoothness", "source": "Source"},
}
SMOOTHNESS_LATEX = {"C0": "$C^0$", "C1": "$C^1$", "Cinf": r"$C^\infty$"}
GRID = np.linspace(-10, 10, 20_001)   # float64 rounds sigma(x) to 1 beyond x = 37: stay well inside


def range_latex(act: Activation) -> str:
    """Interval notation; a finite bound is closed when the function attains it."""
    lo, hi = act.output_range
    values = act.f(GRID)

    def bound(value: float) -> str:
        return (r"-\infty" if value < 0 else r"\infty") if np.isinf(value) else f"{value:g}"

    attained_min = act.minimum is not None and act.minimum[1] == lo
    left = "[" if np.isfinite(lo) and (attained_min or np.any(values == lo)) else "("
    right = "]" if np.isfinite(hi) and np.any(values == hi) else ")"
    return f"{left}{bound(lo)}, {bound(hi)}{right}"


def standard_normal_mean(act: Activation) -> float:
    return gaussian_expectation(act.f)


def table_markdown(lang: str) -> str:
    w = WORDS[lang]
    yes_no = lambda flag: w["yes"] if flag else w["no"]  # noqa: E731
    header = [w["name"], w["formula"], w["range"], w["monotonic"], w["zero_centred"],
              w["saturating"], w["smoothness"], w["cost"]]
    rows = [f"| {' | '.join(header)} |", "|" + "---|" * len(header)]
    for act in EVERY.values():
        rows.append("| " + " | ".join([
            f"[{act.names[lang]}](#{act.key.replace('_', '-')})", f"${act.latex}$", f"${range_latex(act)}$",
            yes_no(act.monotonic), yes_no(act.zero_centred), yes_no(act.saturating),
            SMOOTHNESS_LATEX[act.smoothness], w[act.cost],
        ]) + " |")
    return "\n".join(rows)


def sections_markdown(lang: str) -> str:
    w = WORDS[lang]
    parts = []
    for act in EVERY.values():
        parts += [f"## {act.names[lang]} {{ #{act.key.replace('_', '-')} }}", "",
                  f"$$\n{act.latex}\n$$", "", f"{w['derivative']}:", "", f"$$\n{act.latex_prime}\n$$", "",
                  f"{w['mean']}: ${standard_normal_mean(act):.3f}$", "",
                  f"{w['source']}: {act.source}", ""]
        if act.key in FIGURES:
            parts += [f'![{act.names[lang]} {w["figure"]}](figure:{act.key} "{act.names[lang]} {w["figure"]}")', ""]
    return "\n".join(parts)


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, table_markdown(lang) + "\n\n" + sections_markdown(lang))
