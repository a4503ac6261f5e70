"""HTML tables for generated page content, escaped by construction.

Markdown tables break on a ``|`` inside a formula, so generated tables are written as HTML.
Text passes through :func:`text_cell`, maths through :func:`math_cell` (the container that
``pymdownx.arithmatex`` writes, which the build typesets), and :func:`table` refuses a row whose
cell count differs from the header's.  Every table has a caption; its first column names the row.
"""
from __future__ import annotations

from html import escape


def text_cell(text: str) -> str:
    return escape(text, quote=True)


def math_cell(latex: str) -> str:
    """Inline maths as pymdownx.arithmatex (generic mode) writes it, with the TeX escaped."""
    return f'<span class="arithmatex">\\({escape(latex, quote=False)}\\)</span>'


def table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    """A captioned table. ``caption`` and ``header`` are plain text; each row is cell HTML made by
    the functions above (or a link around them), its first cell the row's name."""
    for number, row in enumerate(rows, start=1):
        if len(row) != len(header):
            raise ValueError(f"table '{caption}': row {number} has {len(row)} cells, the header {len(header)}")
    head = "".join(f'<th scope="col">{text_cell(cell)}</th>' for cell in header)
    body = "\n".join(f'<tr><th scope="row">{row[0]}</th>' + "".join(f"<td>{cell}</td>" for cell in row[1:]) + "</tr>"
                     for row in rows)
    return (f"<table>\n<caption>{text_cell(caption)}</caption>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}\n</tbody>\n</table>")
