"""Dead ReLUs against the learning rate, with Leaky ReLU beside them.

A 10-256-256-10 MLP, He initialisation, plain SGD with batch 64 for 600 steps on the
Voronoi task, three seeds.  A hidden unit is *inactive on the data* when its
pre-activation is <= 0 for every training point; for ReLU such a unit is dead (it passes
no gradient, so it cannot recover by itself), for Leaky ReLU it still passes slope a.
"""
from __future__ import annotations

import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

LEARNING_RATES = (0.01, 0.1, 0.3, 1.0, 2.0)
SEEDS = (0, 1, 2)
ACTIVATIONS = ("relu", "leaky_relu")
SIZES = (10, 256, 256, 10)
STEPS = 600


def inactive_fraction(net: MLP, X: np.ndarray) -> np.ndarray:
    """Per hidden layer: the fraction of units with z <= 0 on every input."""
    return np.array([np.mean(np.all(z <= 0, axis=0)) for z in net.hidden_preactivations(X)])


def trained(activation: str, lr: float, seed: int) -> tuple[MLP, np.ndarray, np.ndarray, np.ndarray]:
    """The network after training, its training data (X, y) and its inactive fraction at init."""
    X, y = voronoi(seed=200 + seed)
    net = MLP.create(SIZES, activation, "he", seed=seed)
    at_init = inactive_fraction(net, X)
    batches = minibatches(len(X), 64, np.random.default_rng(seed))
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(STEPS):
            idx = next(batches)
            net.sgd_step(X[idx], y[idx], lr)
    return net, X, y, at_init


def train(activation: str, lr: float, seed: int) -> tuple[np.ndarray, np.ndarray, float]:
    """(inactive fraction at init, after training, final training error)."""
    net, X, y, at_init = trained(activation, lr, seed)
    if not all(np.all(np.isfinite(W)) for W in net.weights):
        return at_init, np.full_like(at_init, np.nan), np.nan     # training diverged
    with np.errstate(over="ignore", invalid="ignore"):
        return at_init, inactive_fraction(net, X), net.error_rate(X, y)


def run() -> dict:
    result = {"learning_rates": np.array(LEARNING_RATES), "seeds": np.array(SEEDS)}
    for act in ACTIVATIONS:
        runs = [[train(act, lr, seed) for seed in SEEDS] for lr in LEARNING_RATES]
        result[f"{act}_at_init"] = np.array([[r[0] for r in row] for row in runs])
        result[f"{act}_inactive"] = np.array([[r[1] for r in row] for row in runs])
        result[f"{act}_error"] = np.array([[r[2] for r in row] for row in runs])
    return result
