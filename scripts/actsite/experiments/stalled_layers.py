"""What the first layers learn once their gradient has vanished: almost nothing.

A deep, narrow MLP (8 hidden layers of 64) trained on the Voronoi task with SGD: sigmoid
with Xavier initialisation against ReLU with He initialisation.  We record the relative
change ||W_l - W_l(0)|| / ||W_l(0)|| of every layer, and compare the sigmoid network with
a copy whose lower half is frozen at its random initial weights.
"""
from __future__ import annotations

import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

SIZES = (10,) + (64,) * 8 + (10,)
STEPS = 1500
LR = 0.1
EVERY = 50
SEED = 0
FROZEN = 4                 # layers 1..FROZEN stay at their initial weights in the frozen run
RUNS = {"sigmoid": ("sigmoid", "xavier", 0), "sigmoid_frozen": ("sigmoid", "xavier", FROZEN),
        "relu": ("relu", "he", 0)}


def train(activation: str, init: str, frozen: int) -> tuple[np.ndarray, np.ndarray]:
    """(training error every EVERY steps, relative weight change per layer)."""
    X, y = voronoi(seed=400)
    net = MLP.create(SIZES, activation, init, seed=SEED)
    initial = [W.copy() for W in net.weights]
    batches = minibatches(len(X), 128, np.random.default_rng(SEED))
    errors = [net.error_rate(X, y)]
    for step in range(1, STEPS + 1):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], LR, momentum=0.9)
        for layer in range(frozen):
            net.weights[layer][...] = initial[layer]
            net.biases[layer][...] = 0.0
        if step % EVERY == 0:
            errors.append(net.error_rate(X, y))
    change = np.array([np.linalg.norm(W - W0) / np.linalg.norm(W0) for W, W0 in zip(net.weights, initial)])
    return np.array(errors), change


def run() -> dict:
    result = {"every": EVERY, "frozen": FROZEN}
    for name, (activation, init, frozen) in RUNS.items():
        result[f"{name}_error"], result[f"{name}_change"] = train(activation, init, frozen)
    return result
