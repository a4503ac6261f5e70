"""The reference page's tables of gated units and of the functions of output layers and losses, generated from
:data:`actsite.maths.gated.GATED` and :data:`actsite.maths.output_layers.OUTPUTS`.

Written as HTML through :mod:`actsite.pages.html_table`, so they are escaped by construction.
"""
from __future__ import annotations

from typing import Callable

from actsite.pages.bibliography import short_citations
from actsite.maths.gated import GATED, GATES
from actsite.pages.html_table import math_cell, table, text_cell
from actsite.maths.output_layers import OUTPUTS

MARKER = "<!-- gated-reference -->"
LIBRARY_DOCS = "https://pytorch.org/docs/stable/generated/{}.html"
WORDS = {
    "zh": {"unit": "门控单元", "formula": "公式", "da": "∂f/∂u（值）", "db": "∂f/∂v（门输入）",
           "limits": "门的极限（v → −∞ 与 v → +∞）", "source": "出处", "output_source": "出处或实现",
           "output": "函数", "definition": "定义", "stable": "数值稳定的写法",
           "gated_caption": "门控单元", "partials_caption": "门控单元的偏导数",
           "outputs_caption": "输出层与损失函数", "stable_caption": "输出层与损失函数的数值稳定写法"},
    "en": {"unit": "Gated unit", "formula": "Formula", "da": "∂f/∂u (value)", "db": "∂f/∂v (gate input)",
           "limits": "Limits of the gate (v → −∞, v → +∞)", "source": "Source",
           "output_source": "Source or implementation",
           "output": "Function", "definition": "Definition", "stable": "Stable computation",
           "gated_caption": "Gated units", "partials_caption": "Gated units: partial derivatives",
           "outputs_caption": "Output layers and losses", "stable_caption": "Output layers and losses: stable computation"},
}


def _limit(value: float) -> str:
    return {float("inf"): r"\infty", float("-inf"): r"-\infty"}.get(value, f"{value:g}")


def output_source(output, lang: str) -> str:
    """Its works, or the library function, linked to its documentation."""
    if output.cited:
        return short_citations(output.cited, lang)
    link = text_cell(LIBRARY_DOCS.format(output.library))
    return f'PyTorch <a href="{link}">{text_cell(output.library)}</a>'   # plain text: code in a link fails contrast in dark mode


def gate_limits(unit) -> str:
    lo, hi = GATES[unit.gate].limits
    return math_cell(f"{_limit(lo)}\\ /\\ {_limit(hi)}")


def layouts(lang: str) -> list[tuple[str, dict, list[tuple[str, Callable]]]]:
    """Each table: its caption's key, the declarations it lists (one row each) and its columns
    (header key, cell).  Two tables per family, so that each fits the text column."""
    name = lambda d: text_cell(d.names[lang])  # noqa: E731
    return [
        ("gated_caption", GATED, [("unit", name), ("formula", lambda u: math_cell(u.latex)),
                                  ("limits", gate_limits), ("source", lambda u: short_citations(u.cited, lang))]),
        ("partials_caption", GATED, [("unit", name), ("da", lambda u: math_cell(u.latex_da)),
                                     ("db", lambda u: math_cell(u.latex_db))]),
        ("outputs_caption", OUTPUTS, [("output", name), ("definition", lambda o: math_cell(o.latex)),
                                      ("output_source", lambda o: output_source(o, lang))]),
        ("stable_caption", OUTPUTS, [("output", name), ("stable", lambda o: math_cell(o.stable_latex))]),
    ]


def tables_html(lang: str) -> str:
    w = WORDS[lang]
    return "\n\n".join(table(w[caption], [w[key] for key, _ in columns],
                              [[cell(item) for _, cell in columns] for item in declared.values()])
                        for caption, declared, columns in layouts(lang))


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_html(lang))
