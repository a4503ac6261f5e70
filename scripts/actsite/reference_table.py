"""The reference page, generated from the maths registry: two tables of every activation
function (formulas; properties), what each column means, then one section per function with
its formula, derivative and figure.

Every cell comes from :data:`actsite.catalogue.EVERY` (the classic four and the modern
catalogue) or is computed from it; the words around them are the only per-language text.
The tables are written as HTML, escaped by construction: a ``|`` or ``<`` in a formula can
neither split a row nor open a tag, and maths goes into the same ``span.arithmatex`` containers
that ``pymdownx.arithmatex`` writes for the rest of the page.  The formulas and the properties
are two tables, so that each fits the text column.
"""
from __future__ import annotations

from html import escape

import numpy as np

from actsite.catalogue import EVERY
from actsite.figure_registry import FIGURES
from actsite.functions import Activation
from actsite.gaussian import gaussian_expectation

MARKER = "<!-- activation-reference -->"
WORDS = {
    "zh": {"yes": "是", "no": "否", "name": "函数", "formula": "公式", "range": "值域",
           "monotonic": "单调", "zero_centred": "零中心", "saturating": "饱和", "cost": "主要运算",
           "derivative": "导数", "figure": "及其导数", "mean": "标准正态输入下的均值",
           "exp": "指数", "compare": "比较", "erf": "误差函数", "division": "除法",
           "smoothness": "光滑性", "source": "出处",
           "formulas_caption": "公式与值域", "properties_caption": "性质",
           "columns": "各列的含义",
           "defs": {
               "range": "$x$ 取遍全体实数时 $f(x)$ 取到的值；方括号表示端点能取到，圆括号表示只能无限接近。",
               "monotonic": "$x$ 增大时 $f(x)$ 从不减小。",
               "zero_centred": "输入服从标准正态分布时，输出的均值为 $0$（各节给出这个均值）。",
               "saturating": "$f$ 在两侧都有界，因此 $x \\to \\pm\\infty$ 时导数趋于 $0$。",
               "smoothness": "$C^0$：连续，但在折点处导数跳变；$C^1$：导数连续，二阶导数在分段衔接处跳变；$C^\\infty$：任意阶导数都连续。",
               "cost": "求一次函数值时最费时的那一步运算。",
           }},
    "en": {"yes": "yes", "no": "no", "name": "Function", "formula": "Formula", "range": "Range",
           "monotonic": "Monotonic", "zero_centred": "Zero-centred", "saturating": "Saturating",
           "cost": "Main operation", "derivative": "Derivative", "figure": "and its derivative",
           "mean": "mean under a standard normal input", "exp": "exponential", "compare": "comparison",
           "erf": "error function", "division": "division", "smoothness": "Smoothness", "source": "Source",
           "formulas_caption": "Formulas and ranges", "properties_caption": "Properties",
           "columns": "What the columns mean",
           "defs": {
               "range": "the values $f(x)$ takes as $x$ runs over all real numbers; a square bracket means the end point is reached, a round one that it is only approached.",
               "monotonic": "$f(x)$ never decreases as $x$ grows.",
               "zero_centred": "the mean output is $0$ when the input follows a standard normal distribution (each section gives this mean).",
               "saturating": "$f$ is bounded on both sides, so its derivative tends to $0$ as $x \\to \\pm\\infty$.",
               "smoothness": "$C^0$: continuous, with a derivative that jumps at a kink; $C^1$: the derivative is continuous and the second derivative jumps where the pieces join; $C^\\infty$: every derivative is continuous.",
               "cost": "the most expensive step in computing one value.",
           }},
}
SMOOTHNESS_LATEX = {"C0": "C^0", "C1": "C^1", "Cinf": r"C^\infty"}
PROPERTY_COLUMNS = ("monotonic", "zero_centred", "saturating", "smoothness", "cost")
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


def anchor(act: Activation) -> str:
    return act.key.replace("_", "-")


def maths_html(latex: str) -> str:
    """Inline maths as pymdownx.arithmatex (generic mode) writes it, with the TeX escaped."""
    return f'<span class="arithmatex">\\({escape(latex, quote=False)}\\)</span>'


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """An HTML table; ``header`` is plain text, each row a name (already HTML) then cell HTML."""
    head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in header)
    body = "".join(f'<tr><th scope="row">{row[0]}</th>' + "".join(f"<td>{cell}</td>" for cell in row[1:]) + "</tr>"
                   for row in rows)
    return (f"<table>\n<caption>{escape(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}\n</tbody>\n</table>")


def _name_link(act: Activation, lang: str) -> str:
    return f'<a href="#{anchor(act)}">{escape(act.names[lang])}</a>'


def formulas_table(lang: str) -> str:
    w = WORDS[lang]
    rows = [[_name_link(act, lang), maths_html(act.latex), maths_html(range_latex(act))] for act in EVERY.values()]
    return _table(w["formulas_caption"], [w["name"], w["formula"], w["range"]], rows)


def properties_table(lang: str) -> str:
    w = WORDS[lang]
    yes_no = lambda flag: escape(w["yes"] if flag else w["no"])  # noqa: E731
    rows = [[_name_link(act, lang), yes_no(act.monotonic), yes_no(act.zero_centred), yes_no(act.saturating),
             maths_html(SMOOTHNESS_LATEX[act.smoothness]), escape(w[act.cost])] for act in EVERY.values()]
    return _table(w["properties_caption"], [w["name"]] + [w[c] for c in PROPERTY_COLUMNS], rows)


def columns_markdown(lang: str) -> str:
    """What each column means, as a Markdown list (the definitions carry their own maths)."""
    w = WORDS[lang]
    separator = "：" if lang == "zh" else ": "
    items = [f"- **{w[column]}**{separator}{w['defs'][column]}" for column in ("range",) + PROPERTY_COLUMNS]
    return f"**{w['columns']}**\n\n" + "\n".join(items)


def tables_markdown(lang: str) -> str:
    return "\n\n".join([formulas_table(lang), properties_table(lang), columns_markdown(lang)])


def sections_markdown(lang: str) -> str:
    w = WORDS[lang]
    parts = []
    for act in EVERY.values():
        parts += [f"## {act.names[lang]} {{ #{anchor(act)} }}", "",
                  f"$$\n{act.latex}\n$$", "", f"{w['derivative']}:", "", f"$$\n{act.latex_prime}\n$$", "",
                  f"{w['mean']}: ${standard_normal_mean(act):.3f}$", "",
                  f"{w['source']}: {act.source}", ""]
        if act.key in FIGURES:
            parts += [f'![{act.names[lang]} {w["figure"]}](figure:{act.key} "{act.names[lang]} {w["figure"]}")', ""]
    return "\n".join(parts)


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_markdown(lang) + "\n\n" + sections_markdown(lang))
