"""What the figures of the initialisation article show, asserted on the data they plotted
(and on the Matplotlib artists for scales and labels)."""
from __future__ import annotations

import re

import numpy as np
import pytest
from matplotlib.text import Text

from actsite.experiments import init_spread
from actsite.figures.registry import FIGURES
from actsite.figures.render import draw

NUMBER = re.compile(r"^[\d.,−\-]*$")


def drawn(name: str):
    spec = FIGURES[name]
    return draw(spec.plot(), "light", spec.size)


@pytest.fixture(scope="module")
def spread():
    return drawn("init_spread")


@pytest.fixture(scope="module")
def fixed_point():
    return drawn("selu_fixed_point")


def texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text().strip()]


@pytest.mark.parametrize("name", ["init_spread", "selu_fixed_point"])
def test_text_is_mathematics_only(name, spread, fixed_point):
    fig = (spread if name == "init_spread" else fixed_point)[0]
    for text in texts(fig):
        words_outside_maths = re.sub(r"\$[^$]*\$", "", text).strip()
        assert not words_outside_maths or NUMBER.match(words_outside_maths) or words_outside_maths in ("(a)", "(b)"), text


def test_init_spread_has_two_logarithmic_panels_with_every_pairing(spread):
    fig, data = spread
    axes = fig.axes
    assert len(axes) == 2 and all(ax.get_yscale() == "log" for ax in axes)
    labels = [t.get_text() for ax in axes for t in ax.get_legend().get_texts()]
    assert len(labels) == len(init_spread.PAIRINGS) + 2            # every pairing and two references
    np.testing.assert_array_equal(data["layers"], np.arange(1, 51))


def test_init_spread_references_are_the_recursion_predictions(spread):
    _, data = spread
    layers = data["layers"]
    np.testing.assert_allclose(data["tanh_reference"], 1 / np.sqrt(2 * layers - 1))
    np.testing.assert_allclose(data["relu_reference"], 2.0 ** (-(layers - 1) / 2))
    np.testing.assert_allclose(data["tanh_lecun_pre_std"] / data["tanh_reference"], 1, atol=0.09)


def test_init_spread_shows_collapse_drift_and_steadiness(spread):
    _, data = spread
    np.testing.assert_array_equal(data["tanh_xavier_pre_std"], data["tanh_lecun_pre_std"])   # circles on the line
    assert data["relu_lecun_pre_std"][-1] < 1e-7                                            # geometric collapse
    assert np.all(np.abs(data["selu_lecun_pre_std"] - 1) < 0.05)                            # flat at 1
    assert 1.3 < data["relu_he_pre_std"].min() and data["relu_he_pre_std"].max() < 2.3     # wanders, order one
    assert np.all(np.abs(data["tanh_gain_pre_std"][3:] - 1.09) < 0.05)                     # settles near 1.09
    assert 0.1 < data["selu_gain_pre_std"][-1] < 0.2                                        # sinks to ~0.15


def test_init_spread_axes_hold_every_line(spread):
    fig, data = spread
    for ax in fig.axes:
        lo, hi = ax.get_ylim()
        for line in ax.get_lines():
            y = line.get_ydata()
            assert lo <= y.min() and y.max() <= hi, line.get_label()


def test_selu_fixed_point_draws_nine_starts_per_panel(fixed_point):
    fig, data = fixed_point
    left, right = fig.axes
    curves = lambda ax: [l for l in ax.get_lines() if len(l.get_xdata()) == data["selu_mean"].shape[1]]
    assert len(curves(left)) == len(curves(right)) == 9
    assert right.get_yscale() == "log"
    assert len(right.get_legend().get_texts()) == 6                   # three variances, three means


def test_selu_fixed_point_starts_where_the_inputs_are(fixed_point):
    _, data = fixed_point
    np.testing.assert_allclose(data["selu_mean"][:, 0], data["selu_start_mean"], atol=0.01)
    np.testing.assert_allclose(data["selu_var"][:, 0], data["selu_start_var"], rtol=0.02)


def test_selu_fixed_point_every_start_ends_near_zero_and_one(fixed_point):
    _, data = fixed_point
    assert np.abs(data["selu_mean"][:, -1]).max() < 0.06
    assert np.abs(data["selu_var"][:, -1] - 1).max() < 0.1
    # and the spread between starts shrinks: at layer 1 it is wide, at the end narrow
    assert np.ptp(data["selu_var"][:, -1]) < 0.1 * np.ptp(data["selu_var"][:, 1])
