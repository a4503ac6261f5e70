"""ReLU against tanh: steps to reach 25 % training error (the AlexNet Figure 1 question).

A 10-128-128-128-10 MLP on the Voronoi task, SGD with momentum 0.9, batch 128; He
initialisation for ReLU, LeCun (1/sqrt(fan-in)) for tanh; training error on the whole set
every 25 steps (one step is one SGD update on one mini-batch); three seeds; a grid of learning
rates.
"""
from __future__ import annotations

import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.mlp import MLP, minibatches

TARGET_ERROR = 0.25
INIT = {"relu": "he", "tanh": "lecun"}
LEARNING_RATES = (0.01, 0.03, 0.1)
SEEDS = (0, 1, 2)
EVERY = 25
MAX_STEPS = 2000
SIZES = (10, 128, 128, 128, 10)
CURVE_LR = 0.03
CURVE_STEPS = 1000


def error_curve(activation: str, lr: float, seed: int, steps: int = MAX_STEPS,
                stop_at_target: bool = False) -> np.ndarray:
    """Training error after 0, EVERY, 2*EVERY, ... steps."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(SIZES, activation, INIT[activation], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    errors = [net.error_rate(X, y)]
    for step in range(1, steps + 1):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], lr, momentum=0.9)
        if step % EVERY == 0:
            errors.append(net.error_rate(X, y))
            if stop_at_target and errors[-1] <= TARGET_ERROR:
                break
    return np.array(errors)


def dead_share(lr: float, seed: int, steps: int, momentum: float = 0.9) -> float:
    """Share of hidden layer 2's ReLU units that are dead (pre-activation at most zero on every
    training point) after the first ``steps`` steps of the run at rate ``lr`` with ``seed``;
    ``momentum=0.0`` gives the same steps without momentum."""
    X, y = voronoi(seed=100 + seed)
    net = MLP.create(SIZES, "relu", INIT["relu"], seed=seed)
    batches = minibatches(len(X), 128, np.random.default_rng(seed))
    for _ in range(steps):
        idx = next(batches)
        net.sgd_step(X[idx], y[idx], lr, momentum=momentum)
    return float(np.mean(np.all(net.hidden_preactivations(X)[1] <= 0, axis=0)))


def steps_to_target(curve: np.ndarray) -> float:
    hits = np.flatnonzero(curve <= TARGET_ERROR)
    return float(hits[0] * EVERY) if hits.size else np.inf


def run() -> dict:
    """Steps to 25 % error for every (activation, lr, seed); full curves at CURVE_LR."""
    result = {"learning_rates": np.array(LEARNING_RATES), "seeds": np.array(SEEDS), "every": EVERY}
    for act in INIT:
        reach = np.empty((len(LEARNING_RATES), len(SEEDS)))
        curves = []
        for i, lr in enumerate(LEARNING_RATES):
            for j, seed in enumerate(SEEDS):
                full = lr == CURVE_LR
                curve = error_curve(act, lr, seed, steps=CURVE_STEPS if full else MAX_STEPS,
                                    stop_at_target=not full)
                reach[i, j] = steps_to_target(curve)
                if full:
                    curves.append(curve)
        result[f"reach_{act}"], result[f"curve_{act}"] = reach, np.array(curves)
    return result
