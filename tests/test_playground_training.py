"""The playground's training code (JavaScript, under Node) against its NumPy twin.

Both start from weights and data exported by Python and train for STEPS steps on the same
mini-batches; every step's loss and every layer's gradient norm must agree to 1e-9 relative,
and so must the dead and saturated unit counts on the same final state.
"""
from __future__ import annotations

import numpy as np
import pytest

from actsite.experiments.playground_net import PlaygroundNet, train
from playground_node import run_node

RELATIVE = 1e-9
STEPS = 150

RUN = """
const net = await load('network.js');
const c = input.config;
const model = net.fromWeights({ sizes: c.sizes, activation: c.activation, param: c.params, bn: c.bn, W: input.W });
const optimiser = net.makeOptimiser(c.optimiser, c.lr);
const next = net.batcher(input.y.length, c.batch, c.shuffle_seed);
const train = { X: Float64Array.from(input.X.flat()), y: Float64Array.from(input.y), n: input.y.length };
const history = [];
const countsAt = (state) => net.inspect(state, train).layers.map(({ units, dead, saturated }) => ({ units, dead, saturated }));
const initial = countsAt(model);
for (let s = 0; s < c.steps; s++) history.push(net.trainStep(model, optimiser, train, next));
process.stdout.write(encode({ history, initial, counts: countsAt(model), W: model.W.map((w) => Array.from(w)) }));
"""

CONFIGS = {
    "relu_sgd": dict(activation="relu", layers=3, width=8, optimiser="sgd", lr=0.1, batch=16),
    "relu_high_rate": dict(activation="relu", layers=3, width=16, optimiser="sgd", lr=3.0, batch=16),
    "leaky_param_adam": dict(activation="leaky_relu", params={"slope": 0.1}, layers=2, width=12,
                             optimiser="adam", lr=0.01, batch=32),
    "tanh_bn_adam": dict(activation="tanh", layers=4, width=6, optimiser="adam", lr=0.02, batch=20, bn=True),
    "relu_bn_sgd": dict(activation="relu", layers=2, width=10, optimiser="sgd", lr=0.5, batch=25, bn=True),
    "sigmoid_deep_small": dict(activation="sigmoid", layers=8, width=8, optimiser="sgd", lr=0.5, batch=16,
                               std=0.5),
    "gelu_adam": dict(activation="gelu", layers=2, width=8, optimiser="adam", lr=0.01, batch=16),
    "hard_tanh_large": dict(activation="hard_tanh", layers=3, width=8, optimiser="sgd", lr=0.01, batch=16,
                            std=3.0),
    "sigmoid_large": dict(activation="sigmoid", layers=2, width=8, optimiser="sgd", lr=0.1, batch=16, std=6.0),
    "silu_beta": dict(activation="silu", params={"beta": 2.5}, layers=2, width=8, optimiser="sgd", lr=0.2,
                      batch=16),
}


def data(seed: int = 7, n: int = 120) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def setup(name: str):
    c = CONFIGS[name]
    sizes = (2,) + (c["width"],) * c["layers"] + (1,)
    std = c.get("std")
    init = (lambda a, m: std) if std else None
    net = PlaygroundNet.create(sizes, c["activation"], c.get("params"), c.get("bn", False), init, seed=3)
    config = {"sizes": sizes, "activation": c["activation"], "params": c.get("params", {}), "bn": c.get("bn", False),
              "optimiser": c["optimiser"], "lr": c["lr"], "batch": c["batch"], "shuffle_seed": 11, "steps": STEPS}
    return net, config


def relative_gap(a, b) -> float:
    a, b = np.asarray(a, float), np.asarray(b, float)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(b))
    scale = np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-300)
    return float(np.max(np.abs(a - b) / scale))


@pytest.fixture(scope="module", params=list(CONFIGS))
def runs(request):
    net, config = setup(request.param)
    X, y = data()
    js = run_node(RUN, {"config": config, "X": X, "y": y, "W": [w.ravel() for w in net.W]})
    initial = net.unit_counts(X)
    history = train(net, X, y, STEPS, config["optimiser"], config["lr"], config["batch"], config["shuffle_seed"])
    return request.param, net, X, history, initial, js


def test_losses_agree_at_every_step(runs):
    name, _, _, history, _, js = runs
    assert len(js["history"]) == len(history) == STEPS
    assert relative_gap([h["loss"] for h in history], [h["loss"] for h in js["history"]]) <= RELATIVE, name


def test_gradient_norms_agree_layer_by_layer(runs):
    name, net, _, history, _, js = runs
    ours = np.array([h["grad_norms"] for h in history])
    theirs = np.array([h["gradNorms"] for h in js["history"]])
    assert ours.shape == theirs.shape == (STEPS, len(net.W))
    assert relative_gap(ours, theirs) <= RELATIVE, name


def test_final_weights_agree(runs):
    name, net, _, _, _, js = runs
    for ours, theirs in zip(net.W, js["W"]):          # relative to the matrix's largest entry
        assert np.max(np.abs(ours.ravel() - theirs)) <= RELATIVE * np.max(np.abs(ours)), name


def test_dead_and_saturated_counts_agree(runs):
    name, net, X, _, initial, js = runs
    assert js["initial"] == initial, name
    assert js["counts"] == net.unit_counts(X), name


def test_the_runs_exercise_what_they_compare():
    """The comparison is only worth something if dead and saturated units actually occur."""
    outcomes = {}
    for name in ("relu_high_rate", "sigmoid_large"):
        net, config = setup(name)
        X, y = data()
        train(net, X, y, STEPS, config["optimiser"], config["lr"], config["batch"], config["shuffle_seed"])
        outcomes[name] = net.unit_counts(X)
    assert sum(layer["dead"] for layer in outcomes["relu_high_rate"]) > 0
    assert sum(layer["saturated"] for layer in outcomes["sigmoid_large"]) > 0


DATASETS = """
const net = await load('network.js');
const out = {};
for (const dataset of net.DATASETS) {
  const a = net.makeData({ dataset, seed: 5, points: 200, noise: 0.1, testShare: 0.3 });
  const b = net.makeData({ dataset, seed: 5, points: 200, noise: 0.1, testShare: 0.3 });
  const c = net.makeData({ dataset, seed: 6, points: 200, noise: 0.1, testShare: 0.3 });
  const flat = (d) => [...d.train.X, ...d.train.y, ...d.test.X, ...d.test.y];
  out[dataset] = { same: flat(a).every((v, i) => v === flat(b)[i]), differs: flat(a).some((v, i) => v !== flat(c)[i]),
                   train: a.train.n, test: a.test.n, labels: [...new Set([...a.train.y, ...a.test.y])].sort() };
}
process.stdout.write(encode(out));
"""


def test_data_sets_are_seeded_and_split():
    out = run_node(DATASETS, {})
    assert sorted(out) == ["circle", "gauss", "spiral", "xor"]
    for name, d in out.items():
        assert d["same"] and d["differs"], name
        assert (d["train"], d["test"]) == (140, 60), name
        assert d["labels"] == [0, 1], name
