"""The generated reference page: every registry entry, with ranges and properties derived from it."""
from __future__ import annotations

import numpy as np
import pytest

from actsite.catalogue import EVERY as ACTIVATIONS
from actsite.reference_table import MARKER, WORDS, expand, range_latex, standard_normal_mean, table_markdown


def test_ranges_use_open_and_closed_bounds_correctly():
    assert range_latex(ACTIVATIONS["sigmoid"]) == "(0, 1)"
    assert range_latex(ACTIVATIONS["tanh"]) == "(-1, 1)"
    assert range_latex(ACTIVATIONS["relu"]) == r"[0, \infty)"
    assert range_latex(ACTIVATIONS["leaky_relu"]) == r"(-\infty, \infty)"
    assert range_latex(ACTIVATIONS["gelu"]) == r"[-0.169971, \infty)"      # attained at the minimum
    assert range_latex(ACTIVATIONS["hard_tanh"]) == "[-1, 1]"
    assert range_latex(ACTIVATIONS["elu"]) == r"(-1, \infty)"


@pytest.mark.parametrize("lang", sorted(WORDS))
def test_table_has_one_row_per_function(lang):
    rows = table_markdown(lang).splitlines()[2:]
    assert len(rows) == len(ACTIVATIONS)
    for row, act in zip(rows, ACTIVATIONS.values()):
        assert act.names[lang] in row and act.latex in row


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
