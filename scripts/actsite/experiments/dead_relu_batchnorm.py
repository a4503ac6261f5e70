"""Dead ReLUs with batch normalisation placed before each ReLU, over the learning rates of the plain runs.

The setting of :mod:`actsite.experiments.dead_relu` (10-256-256-10 on the Voronoi task, He
initialisation, plain SGD with batch 64 for 600 steps, the same three seeds and data), with
every hidden layer computing ReLU(BN(h W)): the pre-activations are normalised over the
mini-batch, then scaled by gamma and shifted by beta (both learned, starting at 1 and 0).
A unit counts as dead when BN(h W) <= 0 for every training point, the statistics taken over
the whole training set (what a trained network's running averages estimate).

Every rate of :data:`actsite.experiments.dead_relu.LEARNING_RATES` is run, so the two
experiments can be compared rate by rate.  At the rates of :data:`SHARE_RATES` the second layer's
dead count is also taken at the checkpoints of :mod:`actsite.experiments.dead_relu_steps` (each
count is a forward pass over the whole training set, the bulk of the run's time, so the rates
below them, where no unit is dead at the end, skip it); and for each dead unit the run records its learned
gamma, beta and largest normalised value, the quantities of the death condition
beta <= -gamma * max(x_hat).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from actsite.experiments.datasets import voronoi
from actsite.experiments.dead_relu import LEARNING_RATES, SEEDS, SIZES, STEPS, trained
from actsite.experiments.dead_relu_steps import CHECKPOINTS
from actsite.maths.functions import relu, relu_prime
from actsite.experiments.mlp import INIT_SCALE, minibatches

SHARE_RATES = (1.0, 2.0)                    # the rates whose per-unit shares are drawn and steps counted
EPS = 1e-5                                  # added to the variance, as frameworks do


@dataclass
class BatchNormMLP:
    """Hidden layers ReLU(gamma * normalise(h W) + beta); a linear output layer with softmax."""

    weights: list[np.ndarray]
    gammas: list[np.ndarray]
    betas: list[np.ndarray]
    out_bias: np.ndarray

    @classmethod
    def create(cls, sizes=SIZES, seed: int = 0) -> "BatchNormMLP":
        rng = np.random.default_rng(seed)
        weights = [rng.normal(0.0, INIT_SCALE["he"](n_in, n_out), size=(n_in, n_out))
                   for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        hidden = sizes[1:-1]
        return cls(weights, [np.ones(n) for n in hidden], [np.zeros(n) for n in hidden], np.zeros(sizes[-1]))

    def forward(self, X: np.ndarray):
        """Logits, and per hidden layer (input h, normalised x_hat, 1/std, BN output u)."""
        h, cache = X, []
        for W, gamma, beta in zip(self.weights, self.gammas, self.betas):
            z = h @ W
            inv_std = 1.0 / np.sqrt(z.var(axis=0) + EPS)
            x_hat = (z - z.mean(axis=0)) * inv_std
            u = gamma * x_hat + beta
            cache.append((h, x_hat, inv_std, u))
            h = relu(u)
        return h @ self.weights[-1] + self.out_bias, cache

    def loss_and_grads(self, X: np.ndarray, y: np.ndarray):
        logits, cache = self.forward(X)
        logits = logits - logits.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        n = len(X)
        delta = np.exp(log_probs)
        delta[np.arange(n), y] -= 1.0
        delta /= n
        h_last = relu(cache[-1][3])
        grads = {"W": [None] * len(self.weights), "gamma": [None] * len(self.gammas),
                 "beta": [None] * len(self.betas), "out_bias": delta.sum(axis=0)}
        grads["W"][-1] = h_last.T @ delta
        upstream = delta @ self.weights[-1].T
        for layer in reversed(range(len(self.gammas))):
            h, x_hat, inv_std, u = cache[layer]
            du = upstream * relu_prime(u)
            grads["gamma"][layer] = (du * x_hat).sum(axis=0)
            grads["beta"][layer] = du.sum(axis=0)
            dx_hat = du * self.gammas[layer]
            dz = inv_std * (dx_hat - dx_hat.mean(axis=0) - x_hat * (dx_hat * x_hat).mean(axis=0))
            grads["W"][layer] = h.T @ dz
            upstream = dz @ self.weights[layer].T
        return float(-log_probs[np.arange(n), y].mean()), grads

    def sgd_step(self, X, y, lr: float) -> float:
        loss, grads = self.loss_and_grads(X, y)
        for params, name in ((self.weights, "W"), (self.gammas, "gamma"), (self.betas, "beta")):
            for p, g in zip(params, grads[name]):
                p -= lr * g
        self.out_bias -= lr * grads["out_bias"]
        return loss

    def dead_fraction(self, X: np.ndarray) -> np.ndarray:
        """Per hidden layer: the fraction of units whose BN output is <= 0 on every input."""
        return np.array([np.mean(np.all(u <= 0, axis=0)) for *_, u in self.forward(X)[1]])

    def active_shares(self, X: np.ndarray, layer: int) -> np.ndarray:
        """Per unit of one hidden layer: the fraction of inputs on which it is active."""
        return np.mean(self.forward(X)[1][layer][3] > 0, axis=0)

    def least_active_share(self, X: np.ndarray) -> np.ndarray:
        """Per hidden layer: of all units, the smallest fraction of inputs on which one is active."""
        return np.array([np.min(np.mean(u > 0, axis=0)) for *_, u in self.forward(X)[1]])

    def error_rate(self, X, y) -> float:
        return float(np.mean(self.forward(X)[0].argmax(axis=1) != y))


    def death_condition(self, X: np.ndarray, layer: int = 1) -> np.ndarray:
        """Per dead unit of one layer: (gamma, beta, largest x_hat over X); shape (dead, 3)."""
        *_, x_hat, _, u = self.forward(X)[1][layer]
        dead = np.all(u <= 0, axis=0)
        return np.stack([self.gammas[layer][dead], self.betas[layer][dead], x_hat.max(axis=0)[dead]], axis=1)


def train(seed: int, lr: float) -> dict:
    """One run: dead fraction per layer at init and after training, training error, least active
    share per layer, every second-layer unit's active share (sorted), the second layer's dead
    count at each checkpoint (only when ``lr`` is one of :data:`SHARE_RATES`), and the death
    condition of its dead units."""
    X, y = voronoi(seed=200 + seed)
    net = BatchNormMLP.create(SIZES, seed=seed)
    at_init = net.dead_fraction(X)
    batches = minibatches(len(X), 64, np.random.default_rng(seed))
    counts = []
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(STEPS + 1):
            if lr in SHARE_RATES and step in CHECKPOINTS:
                counts.append(round(SIZES[2] * net.dead_fraction(X)[1]))
            if step < STEPS:
                idx = next(batches)
                net.sgd_step(X[idx], y[idx], lr)
        condition = net.death_condition(X)
        return {"at_init": at_init, "dead": net.dead_fraction(X), "error": net.error_rate(X, y),
                "least_active": net.least_active_share(X), "shares": np.sort(net.active_shares(X, 1)),
                "dead_steps": np.array(counts),
                "condition": (condition.min(axis=0) if len(condition) else np.full(3, np.nan),
                              condition.max(axis=0) if len(condition) else np.full(3, np.nan))}


def plain_relu_shares(seed: int, lr: float) -> np.ndarray:
    """The same for the plain ReLU network of dead_relu: every second-layer unit's active share."""
    net, X, _, _ = trained("relu", lr, seed)
    return np.sort(np.mean(net.hidden_preactivations(X)[1] > 0, axis=0))


def run() -> dict:
    runs = [[train(seed, lr) for seed in SEEDS] for lr in LEARNING_RATES]
    field = lambda name: np.array([[r[name] for r in row] for row in runs])
    return {"learning_rates": np.array(LEARNING_RATES), "seeds": np.array(SEEDS), "steps": CHECKPOINTS,
            "at_init": field("at_init"), "dead": field("dead"), "error": field("error"),
            "least_active": field("least_active"), "shares": field("shares"),
            "dead_steps": np.array([[r["dead_steps"] for r in row]                  # (share rate, seed, step)
                                    for row, lr in zip(runs, LEARNING_RATES) if lr in SHARE_RATES]),
            "condition_min": np.array([[r["condition"][0] for r in row] for row in runs]),
            "condition_max": np.array([[r["condition"][1] for r in row] for row in runs]),
            "share_rates": np.array(SHARE_RATES),
            "plain_shares": np.array([[plain_relu_shares(seed, lr) for seed in SEEDS] for lr in SHARE_RATES])}
