"""The cost measurement: operation counting, the committed data and the figure's freshness.

Nothing here times anything: timings live in data/cost.json (scripts/measure_cost.py) and
`make bench` re-measures them.
"""
from __future__ import annotations

import json

import numpy as np
import pytest

from actsite.experiments import cost
from actsite.maths.catalogue import EVERY
from actsite.figures.registry import FIGURES, FigureSpec

X = np.linspace(-5, 5, 1001)


def test_counting_sees_operators_ufuncs_and_array_functions():
    assert cost.count_operations(EVERY["relu"].f, X) == {"maximum": 1}
    assert cost.count_operations(EVERY["leaky_relu"].f, X) == {"greater": 1, "multiply": 1, "where": 1}
    assert cost.count_operations(lambda v: np.asarray(v, dtype=float) * 2 + 1, X) == {"multiply": 1, "add": 1}


def test_counting_counts_a_conversion_and_leaves_numpy_as_it_was():
    original = np.asarray
    assert cost.count_operations(EVERY["relu"].f, X.astype("float32")) == {"astype": 1, "maximum": 1}
    assert np.asarray is original and type(np.asarray(X)) is np.ndarray


def test_counting_refuses_a_function_that_drops_the_tracing():
    with pytest.raises(TypeError, match="lost its tracing"):
        cost.count_operations(lambda v: np.array(np.asarray(v).tolist()), X)


def test_committed_data_covers_every_function_and_matches_todays_code():
    """The counts and output types are exact, so they must agree with the code as it is now;
    if this fails, the functions changed since the measurement: run scripts/measure_cost.py."""
    data = cost.load()
    assert set(data["functions"]) == set(EVERY)
    sample = cost.sample("float64")[:1000]
    for key, entry in data["functions"].items():
        for name in cost.PARTS:
            assert entry[name]["operations"] == dict(cost.count_operations(cost.part(key, name), sample)), (key, name)
            assert set(entry[name]["seconds"]) == set(cost.DTYPES) and min(entry[name]["seconds"].values()) > 0


def test_ratios_divide_by_the_baseline_of_the_same_part():
    data = {"baseline": "relu", "functions": {
        "relu": {"value": {"seconds": {"float64": 2.0}}, "derivative": {"seconds": {"float64": 4.0}}},
        "tanh": {"value": {"seconds": {"float64": 6.0}}, "derivative": {"seconds": {"float64": 4.0}}}}}
    r = cost.ratios(data)
    assert r == {("relu", "value", "float64"): 1.0, ("relu", "derivative", "float64"): 1.0,
                 ("tanh", "value", "float64"): 3.0, ("tanh", "derivative", "float64"): 1.0}


def test_only_float64_is_timed_because_every_function_computes_in_float64():
    """A float32 input would time a conversion plus float64 arithmetic, not float32 arithmetic:
    every registered function returns float64 whatever the input type."""
    assert cost.DTYPES == ("float64",)
    x32 = cost.sample("float64")[:100].astype("float32")
    for key in EVERY:
        for name in cost.PARTS:
            assert cost.part(key, name)(x32).dtype == np.float64, (key, name)
    for key, entry in cost.load()["functions"].items():
        for name in cost.PARTS:
            assert set(entry[name]) == {"operations", "seconds"}, (key, name)


def test_bad_data_names_the_file_and_line(tmp_path):
    path = tmp_path / "cost.json"
    path.write_text('{\n "size": 1,\n "functions": {,}\n}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"cost\.json, line 3"):
        cost.load(path)
    with pytest.raises(FileNotFoundError, match="measure_cost.py"):
        cost.load(tmp_path / "missing.json")


def test_dumps_is_stable():
    data = cost.load()
    assert cost.dumps(json.loads(cost.dumps(data))) == cost.dumps(data) == cost.DATA.read_text(encoding="utf-8")


def test_the_cost_figure_is_redrawn_when_the_committed_data_change(tmp_path, monkeypatch):
    from actsite.figures import registry as figure_registry
    spec = FIGURES["cost"]
    assert spec.data == ("data/cost.json",)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "cost.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(figure_registry, "ROOT", tmp_path)
    before = spec.identity()
    (tmp_path / "data" / "cost.json").write_text('{"x": 1}', encoding="utf-8")
    assert spec.identity() != before
    plain = FigureSpec("tanh", "actsite.figures.nonlinearity:draw_tanh", (6.4, 3.8))
    assert plain.identity() == repr(("tanh", "actsite.figures.nonlinearity:draw_tanh", (6.4, 3.8)))


def test_the_default_protocol_is_the_one_the_committed_data_used():
    """A rerun of the measurement with the defaults repeats the committed protocol (41 calls)."""
    from actsite.experiments import cost as cost_module
    assert cost_module.REPEATS == cost_module.load()["repeats"] == 41
