"""The explorer's data: every curve is the registry's, at every slider position."""
from __future__ import annotations

import json

import numpy as np
import pytest

from actsite.maths.catalogue import EVERY
from actsite.pages.explorer import DIGITS, SLIDER_POSITIONS, X, explorer_data, explorer_json, slider_values


@pytest.fixture(scope="module")
def data():
    return explorer_data()


def as_array(values):
    return np.array([np.nan if v is None else v for v in values], dtype=float)


def test_one_entry_per_registry_function_in_registry_order(data):
    assert [fn["key"] for fn in data["functions"]] == list(EVERY)
    np.testing.assert_array_equal(data["x"], X)


def test_default_curves_are_the_registry_values(data):
    for fn in data["functions"]:
        act = EVERY[fn["key"]]
        np.testing.assert_allclose(as_array(fn["default"]["f"]), act.f(X), atol=10 ** -DIGITS)
        df = as_array(fn["default"]["df"])
        gaps = np.isin(X, act.kinks + act.joins)
        assert np.all(np.isnan(df[gaps])) and not np.any(np.isnan(df[~gaps]))
        np.testing.assert_allclose(df[~gaps], act.df(X[~gaps]), atol=10 ** -DIGITS)


def test_every_slider_position_is_the_registry_at_that_parameter(data):
    checked = 0
    for fn in data["functions"]:
        act = EVERY[fn["key"]]
        for param, declared in zip(fn["params"], act.params):
            assert param["values"] == slider_values(declared) and declared.default in param["values"]
            for value, curve in zip(param["values"], param["curves"]):
                kw = {**act.defaults(), declared.name: value}
                np.testing.assert_allclose(as_array(curve["f"]), act.f(X, **kw), atol=10 ** -DIGITS)
                checked += 1
    assert checked == sum(len(slider_values(p)) for a in EVERY.values() for p in a.params) > 80


def test_slider_positions_are_an_even_grid_of_round_steps_plus_the_default():
    for act in EVERY.values():
        for param in act.params:
            grid = np.linspace(param.lo, param.hi, SLIDER_POSITIONS)
            step = grid[1] - grid[0]
            assert set(slider_values(param)) == set(np.round(grid, 6)) | {param.default}
            assert round(step, 3) == pytest.approx(step, abs=1e-12), (act.key, param.name, step)


def test_json_is_strict_and_carries_both_languages():
    parsed = json.loads(explorer_json())                      # allow_nan=False: no NaN tokens
    assert {"zh", "en"} <= set(parsed["functions"][0]["names"])


def test_curve_colours_are_the_figure_line_colours_of_both_themes(data):
    from actsite.figures.style import LINE_COLOURS, THEMES, palette
    assert data["colours"] == [{theme: palette(theme)[role] for theme in THEMES} for role in LINE_COLOURS]


def test_sliders_are_labelled_with_the_parameter_letter(data):
    symbols = {(fn["key"], p["symbol"]) for fn in data["functions"] for p in fn["params"]}
    assert {("elu", "α"), ("silu", "β"), ("leaky_relu", "a")} <= symbols


def test_a_parameter_without_a_plain_symbol_is_refused():
    from actsite.pages.explorer import symbol
    from actsite.maths.functions import Param
    with pytest.raises(ValueError, match="gamma"):
        symbol(Param("gamma", r"\gamma", 1.0, 0.0, 2.0))


def test_legend_names_drop_the_bracketed_explanation(data):
    short = {fn["key"]: fn["short"] for fn in data["functions"]}
    assert short["relu"] == {"zh": "ReLU", "en": "ReLU"} and short["gelu"]["en"] == "GELU"
    assert short["tanh"] == {"zh": "tanh", "en": "tanh"}     # the name the pages use: not "Hyperbolic tangent", not "双曲正切"
