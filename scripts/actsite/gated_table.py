"""The reference page's tables of gated units and of output functions, generated from
:data:`actsite.gated.GATED` and :data:`actsite.output_layers.OUTPUTS`.

Written as HTML (a ``|`` inside a formula would split a Markdown table row), escaped by
construction: every cell passes through :func:`text_cell` or :func:`math_cell`, and
:func:`html_table` refuses a row whose cell count differs from the header's.
"""
from __future__ import annotations

import html

from actsite.gated import GATED, GATES
from actsite.output_layers import OUTPUTS

MARKER = "<!-- gated-reference -->"
WORDS = {
    "zh": {"unit": "门控单元", "formula": "公式", "da": "对值 a 的偏导", "db": "对门输入 b 的偏导",
           "limits": "b → −∞ / b → +∞ 时的门", "source": "出处",
           "output": "输出函数", "definition": "定义", "stable": "数值稳定的算法"},
    "en": {"unit": "Gated unit", "formula": "Formula", "da": "Partial in the value a", "db": "Partial in the gate input b",
           "limits": "Gate as b → −∞ / b → +∞", "source": "Source",
           "output": "Output function", "definition": "Definition", "stable": "Stable computation"},
}


def text_cell(text: str) -> str:
    return html.escape(text, quote=True)


def math_cell(latex: str) -> str:
    """Inline maths in the form pymdownx.arithmatex (generic mode) gives it, for MathJax."""
    return f'<span class="arithmatex">\\({html.escape(latex, quote=False)}\\)</span>'


def html_table(header: list[str], rows: list[list[str]]) -> str:
    """A table of already-escaped cells; every row must have the header's cell count."""
    for number, row in enumerate(rows, start=1):
        if len(row) != len(header):
            raise ValueError(f"row {number} has {len(row)} cells, the header {len(header)}")
    head = "".join(f"<th>{cell}</th>" for cell in header)
    body = "\n".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _limit(value: float) -> str:
    return {float("inf"): r"\infty", float("-inf"): r"-\infty"}.get(value, f"{value:g}")


def gated_rows(lang: str) -> list[list[str]]:
    rows = []
    for unit in GATED.values():
        lo, hi = GATES[unit.gate].limits
        rows.append([text_cell(unit.names[lang]), math_cell(unit.latex), math_cell(unit.latex_da),
                     math_cell(unit.latex_db), math_cell(f"{_limit(lo)}\\ /\\ {_limit(hi)}"),
                     text_cell(unit.source[lang])])
    return rows


def output_rows(lang: str) -> list[list[str]]:
    return [[text_cell(o.names[lang]), math_cell(o.latex), math_cell(o.stable_latex), text_cell(o.source[lang])]
            for o in OUTPUTS.values()]


def tables_html(lang: str) -> str:
    w = WORDS[lang]
    gated = html_table([text_cell(w[k]) for k in ("unit", "formula", "da", "db", "limits", "source")],
                       gated_rows(lang))
    outputs = html_table([text_cell(w[k]) for k in ("output", "definition", "stable", "source")],
                         output_rows(lang))
    return f"{gated}\n\n{outputs}"


def expand(markdown: str, lang: str) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, tables_html(lang))
