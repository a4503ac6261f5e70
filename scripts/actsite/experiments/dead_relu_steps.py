"""Dead ReLUs step by step: when units die, whether any come back, and why leaky units diverge.

The runs of :mod:`actsite.experiments.dead_relu` (same network, data, seeds, batches), replayed
with the dead count of each hidden layer taken over all training points at the steps in
:data:`CHECKPOINTS`, at learning rates 1.0 and 2.0.  A second-layer unit *revived* if it was dead
at some checkpoint and is alive at the last one.

The first :data:`EARLY` steps at learning rate 2.0 are also logged for ReLU and Leaky ReLU side
by side: the mini-batch loss before each step and the number of second-layer units negative on
every training point after it.  This is what the article uses to explain why the leaky runs
diverge there while the ReLU runs do not.
"""
from __future__ import annotations

import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.dead_relu import SEEDS, SIZES, STEPS, inactive_fraction
from actsite.experiments.mlp import MLP, minibatches

RATES = (1.0, 2.0)
CHECKPOINTS = np.unique(np.concatenate([np.arange(0, 21), np.arange(25, 101, 5), np.arange(110, STEPS + 1, 10)]))
EARLY = 20


def dead_masks(net: MLP, X: np.ndarray) -> list[np.ndarray]:
    return [np.all(z <= 0, axis=0) for z in net.hidden_preactivations(X)]


def trajectory(lr: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Dead units per hidden layer at every checkpoint (counts), and the layer-2 masks."""
    X, y = voronoi(seed=200 + seed)
    net = MLP.create(SIZES, "relu", "he", seed=seed)
    batches = minibatches(len(X), 64, np.random.default_rng(seed))
    counts, masks = [], []
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(STEPS + 1):
            if step in CHECKPOINTS:
                first, second = dead_masks(net, X)
                counts.append((first.sum(), second.sum()))
                masks.append(second)
            if step < STEPS:
                idx = next(batches)
                net.sgd_step(X[idx], y[idx], lr)
    return np.array(counts), np.array(masks)


def early_steps(activation: str, seed: int, lr: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """Mini-batch loss before each of the first EARLY steps, and layer-2 units negative on every
    training point after it (NaN once the weights have overflowed)."""
    X, y = voronoi(seed=200 + seed)
    net = MLP.create(SIZES, activation, "he", seed=seed)
    batches = minibatches(len(X), 64, np.random.default_rng(seed))
    losses, inactive = [], []
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(EARLY):
            idx = next(batches)
            losses.append(net.sgd_step(X[idx], y[idx], lr))
            finite = all(np.all(np.isfinite(W)) for W in net.weights)
            inactive.append(256 * inactive_fraction(net, X)[1] if finite else np.nan)
    return np.array(losses), np.array(inactive)


def run() -> dict:
    runs = [[trajectory(lr, seed) for seed in SEEDS] for lr in RATES]
    counts = np.array([[c for c, _ in row] for row in runs])              # (rate, seed, checkpoint, layer)
    masks = np.array([[m for _, m in row] for row in runs])               # (rate, seed, checkpoint, unit)
    ever = masks.any(axis=2)
    revived = (ever & ~masks[:, :, -1]).sum(axis=2)                        # dead once, alive at the end
    early = {act: [early_steps(act, seed) for seed in SEEDS] for act in ("relu", "leaky_relu")}
    return {"rates": np.array(RATES), "seeds": np.array(SEEDS), "steps": CHECKPOINTS, "units": np.array(SIZES[1]),
            "dead": counts, "ever_dead": ever.sum(axis=2), "revived": revived,
            "early_loss_relu": np.array([r[0] for r in early["relu"]]),
            "early_inactive_relu": np.array([r[1] for r in early["relu"]]),
            "early_loss_leaky_relu": np.array([r[0] for r in early["leaky_relu"]]),
            "early_inactive_leaky_relu": np.array([r[1] for r in early["leaky_relu"]])}
