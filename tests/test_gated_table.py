"""The reference page's tables of gated units and output functions: one row per declaration,
every row as wide as the header, every cell escaped."""
from __future__ import annotations

import pytest
from lxml import html

from actsite.maths.gated import GATED
from actsite.pages.gated_table import MARKER, WORDS, expand, tables_html
from actsite.pages.html_table import math_cell, table, text_cell
from actsite.maths.output_layers import OUTPUTS
from actsite.pages.page_pairs import CONTENT


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_one_row_per_declaration_each_as_wide_as_its_header(lang):
    gated, partials, outputs, stable = html.fragments_fromstring(tables_html(lang))
    for table, declared in ((gated, GATED), (partials, GATED), (outputs, OUTPUTS), (stable, OUTPUTS)):
        width = len(table.xpath("thead/tr/th"))
        rows = table.xpath("tbody/tr")
        assert len(rows) == len(declared) and table.xpath("caption")
        assert all(len(row.xpath("th|td")) == width for row in rows)
        names = [row.xpath("th")[0].text_content() for row in rows]
        assert names == [d.names[lang] for d in declared.values()]


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_formulas_are_the_registry_latex_as_inline_maths(lang):
    text = tables_html(lang)
    for unit in GATED.values():
        for latex in (unit.latex, unit.latex_da, unit.latex_db):
            assert math_cell(latex) in text
    for o in OUTPUTS.values():
        assert math_cell(o.latex) in text and math_cell(o.stable_latex) in text


def test_cells_are_escaped():
    assert text_cell('<b>"x" & y</b>') == "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"
    assert math_cell(r"a < b \& c") == r'<span class="arithmatex">\(a &lt; b \&amp; c\)</span>'


def test_a_row_of_the_wrong_width_is_refused():
    with pytest.raises(ValueError, match="table 'T': row 2 has 1 cells, the header 2"):
        table("T", ["x", "y"], [["1", "2"], ["3"]])


def test_captions_and_headers_are_escaped():
    made = table("a < b", ["x & y"], [["1"]])
    assert "<caption>a &lt; b</caption>" in made and '<th scope="col">x &amp; y</th>' in made


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_the_reference_page_carries_the_marker_and_it_expands(lang):
    page = (CONTENT[lang] / "reference.md").read_text(encoding="utf-8")
    assert page.count(MARKER) == 1
    expanded = expand(page, lang)
    assert MARKER not in expanded and expanded.count("<table>") == 4
    assert expand("no marker here", lang) == "no marker here"
