"""The reference page's tables of gated units and of output functions, generated from
:data:`actsite.gated.GATED` and :data:`actsite.output_layers.OUTPUTS`.

Written as HTML through :mod:`actsite.html_table`, so they are escaped by construction.
"""
from __future__ import annotations

from actsite.bibliography import short_citations
from actsite.gated import GATED, GATES
from actsite.html_table import math_cell, table, text_cell
from actsite.output_layers import OUTPUTS

MARKER = "<!-- gated-reference -->"
LIBRARY_DOCS = "https://pytorch.org/docs/stable/generated/{}.html"
WORDS = {
    "zh": {"unit": "门控单元", "formula": "公式", "da": "对值 a 的偏导", "db": "对门输入 b 的偏导",
           "limits": "b → −∞ / b → +∞ 时的门", "source": "出处",
           "output": "输出函数", "definition": "定义", "stable": "数值稳定的算法",
           "gated_caption": "门控单元", "outputs_caption": "输出层函数"},
    "en": {"unit": "Gated unit", "formula": "Formula", "da": "Partial in the value a", "db": "Partial in the gate input b",
           "limits": "Gate as b → −∞ / b → +∞", "source": "Source",
           "output": "Output function", "definition": "Definition", "stable": "Stable computation",
           "gated_caption": "Gated units", "outputs_caption": "Output functions"},
}


def _limit(value: float) -> str:
    return {float("inf"): r"\infty", float("-inf"): r"-\infty"}.get(value, f"{value:g}")


def gated_rows(lang: str) -> list[list[str]]:
    rows = []
    for unit in GATED.values():
        lo, hi = GATES[unit.gate].limits
        rows.append([text_cell(unit.names[lang]), math_cell(unit.latex), math_cell(unit.latex_da),
                     math_cell(unit.latex_db), math_cell(f"{_limit(lo)}\\ /\\ {_limit(hi)}"),
                     short_citations(unit.cited, lang)])
    return rows


def output_source(output, lang: str) -> str:
    """Its works, or the library function, linked to its documentation."""
    if output.cited:
        return short_citations(output.cited, lang)
    link = text_cell(LIBRARY_DOCS.format(output.library))
    return f'PyTorch <a href="{link}"><code>{text_cell(output.library)}</code></a>'


def output_rows(lang: str) -> list[list[str]]:
    return [[text_cell(o.names[lang]), math_cell(o.latex), math_cell(o.stable_latex), output_source(o, lang)]
            for o in OUTPUTS.values()]


def tables_html(lang: str) -> str:
    w = WORDS[lang]
    gated = table(w["gated_caption"], [w[k] for k in ("unit", "formula", "da", "db", "limits", "source")],
                  gated_rows(lang))
    outputs = table(w["outputs_caption"], [w[k] for k in ("output", "definition", "stable", "source")],
                    output_rows(lang))
    return f"{gated}\n\n{outputs}"


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_html(lang))
