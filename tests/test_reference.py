"""The generated reference page: every registry entry, with ranges and properties derived from it."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY as ACTIVATIONS
from lxml import html

from conftest import ROOT
from actsite.pages.html_table import math_cell
from actsite.pages.reference_table import (MARKER, WORDS, expand, formulas_table, properties_table, range_latex,
                                    standard_normal_mean)


def test_ranges_use_open_and_closed_bounds_correctly():
    assert range_latex(ACTIVATIONS["sigmoid"]) == "(0, 1)"
    assert range_latex(ACTIVATIONS["tanh"]) == "(-1, 1)"
    assert range_latex(ACTIVATIONS["relu"]) == r"[0, \infty)"
    assert range_latex(ACTIVATIONS["leaky_relu"]) == r"(-\infty, \infty)"
    assert range_latex(ACTIVATIONS["gelu"]) == r"[-0.169971, \infty)"      # attained at the minimum
    assert range_latex(ACTIVATIONS["hard_tanh"]) == "[-1, 1]"
    assert range_latex(ACTIVATIONS["elu"]) == r"(-1, \infty)"


@pytest.mark.parametrize("lang", sorted(WORDS))
@pytest.mark.parametrize("build", [formulas_table, properties_table])
def test_each_table_has_one_full_row_per_function(lang, build):
    table = html.fragment_fromstring(build(lang))
    width = len(table.xpath("thead/tr/th"))
    rows = table.xpath("tbody/tr")
    assert len(rows) == len(ACTIVATIONS)
    for row, act in zip(rows, ACTIVATIONS.values()):
        assert len(row.xpath("th|td")) == width
        assert row.xpath("th/a")[0].text == act.names[lang]
        assert row.xpath("th/a/@href") == [f"#{act.key.replace('_', '-')}"]


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_formulas_reach_their_cells_whole(lang):
    """A | (softsign's |x|) or < in a formula stays inside its maths span, as the registry wrote it."""
    table = html.fragment_fromstring(formulas_table(lang))
    for row, act in zip(table.xpath("tbody/tr"), ACTIVATIONS.values()):
        assert row.xpath("td[1]/span[@class='arithmatex']")[0].text == f"\\({act.latex}\\)"
    assert any(r"\lvert" in act.latex for act in ACTIVATIONS.values())   # softsign's |x|, which broke the Markdown table
    assert html.fragment_fromstring(math_cell("|a| < b & c")).text == "\\(|a| < b & c\\)"


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_every_column_is_defined(lang):
    """The page's "how to read the table" list defines every column the generated tables have."""
    defined = (ROOT / "docs" / lang / "content" / "reference.md").read_text(encoding="utf-8")
    for column in ("formula", "range", "monotonic", "zero_centred", "saturating", "smoothness", "cost"):
        assert f"**{WORDS[lang][column]}**" in defined


def test_saturating_functions_have_a_vanishing_derivative_far_out():
    """The column definition: bounded on both sides, so f' tends to 0 as x -> +-infinity."""
    far = np.array([-1e3, 1e3])
    for act in ACTIVATIONS.values():
        if act.saturating:
            assert np.all(np.abs(act.df(far)) < 1e-6), act.key


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_marker_expands_into_sections_with_figures(lang):
    page = expand(f"intro\n\n{MARKER}\n", lang)
    assert MARKER not in page
    for act in ACTIVATIONS.values():
        assert f"{{ #{act.key.replace('_', '-')} }}" in page
        assert f"](figure:{act.key} " in page


def test_standard_normal_means():
    assert standard_normal_mean(ACTIVATIONS["relu"]) == pytest.approx(1 / np.sqrt(2 * np.pi), abs=1e-7)
    assert standard_normal_mean(ACTIVATIONS["sigmoid"]) == pytest.approx(0.5, abs=1e-12)
    assert standard_normal_mean(ACTIVATIONS["gelu"]) == pytest.approx(1 / (2 * np.sqrt(np.pi)), abs=1e-9)
    assert standard_normal_mean(ACTIVATIONS["selu"]) == pytest.approx(0.0, abs=1e-7)   # kink at 0: O(h²)
