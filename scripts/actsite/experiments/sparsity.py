"""Exact zeros in ReLU layers: at initialisation, and after training with an L1 penalty.

Sigmoid units at initialisation all sit near 1/2 (a dense code with no zeros); ReLU units
with zero biases and symmetric weights are exactly 0 about half the time.  Training a
10-256-256-10 ReLU net on the Voronoi task (SGD, momentum 0.9, batch 128) with an L1
penalty on the hidden activations, λ times |h| summed over units and averaged over the batch's
training points, makes the code sparser as λ grows.
"""
from __future__ import annotations

import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

SIZES = (10, 256, 256, 10)
PENALTIES = (0.0, 0.01, 0.03)
STEPS = 1500
LR = 0.05


def hidden_activations(net: MLP, X: np.ndarray) -> list[np.ndarray]:
    return net.forward(X)[1][1:]


def zero_fractions(net: MLP, X: np.ndarray) -> np.ndarray:
    return np.array([np.mean(h == 0) for h in hidden_activations(net, X)])


def trained(l1: float, seed: int = 0) -> MLP:
    X, y = voronoi(seed=300 + seed)
    net = MLP.create(SIZES, "relu", "he", seed=seed, l1=l1)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    for _ in range(STEPS):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], LR, momentum=0.9)
    return net


def run() -> dict:
    X, y = voronoi(seed=300)
    relu_net = MLP.create(SIZES, "relu", "he", seed=0)
    sigmoid_net = MLP.create(SIZES, "sigmoid", "xavier", seed=0)
    after = [trained(l1) for l1 in PENALTIES]
    return {
        "init_relu_first_layer": hidden_activations(relu_net, X)[0].ravel(),
        "init_sigmoid_first_layer": hidden_activations(sigmoid_net, X)[0].ravel(),
        "init_relu_zeros": zero_fractions(relu_net, X),
        "init_sigmoid_zeros": zero_fractions(sigmoid_net, X),
        "penalties": np.array(PENALTIES),
        "trained_zeros": np.array([zero_fractions(net, X) for net in after]),
        "trained_error": np.array([net.error_rate(X, y) for net in after]),
    }
