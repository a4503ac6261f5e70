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


def test_ratios_divide_by_the_baseline_of_the_same_part_and_type():
    data = {"baseline": "relu", "functions": {
        "relu": {p: {"seconds": {"float32": 2.0, "float64": 4.0}} for p in cost.PARTS},
        "tanh": {p: {"seconds": {"float32": 6.0, "float64": 4.0}} for p in cost.PARTS}}}
    r = cost.ratios(data)
    assert r["tanh", "value", "float32"] == 3.0 and r["tanh", "derivative", "float64"] == 1.0


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
