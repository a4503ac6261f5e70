"""A small multilayer perceptron in numpy with exact back-propagation.

Shared by the experiments, their figures, the notebooks and the tests.  Hidden layers use
any activation from :mod:`actsite.maths.functions`; the output layer is linear, followed by
softmax cross-entropy.  Optionally an L1 penalty on the hidden activations, with its exact
gradient.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from actsite.maths.functions import ACTIVATIONS

INIT_SCALE = {
    "he": lambda fan_in, fan_out: np.sqrt(2.0 / fan_in),
    "xavier": lambda fan_in, fan_out: np.sqrt(2.0 / (fan_in + fan_out)),
    "lecun": lambda fan_in, fan_out: np.sqrt(1.0 / fan_in),
    "small": lambda fan_in, fan_out: 0.01,
    "normal": lambda fan_in, fan_out: 1.0,
}


@dataclass
class MLP:
    sizes: tuple[int, ...]
    activation: str
    weights: list[np.ndarray]
    biases: list[np.ndarray]
    l1: float = 0.0                       # weight of the penalty: |h| summed over units, averaged over points
    velocity: list[np.ndarray] = field(default_factory=list)

    @classmethod
    def create(cls, sizes, activation: str, init: str = "he", seed: int = 0, l1: float = 0.0) -> "MLP":
        rng = np.random.default_rng(seed)
        weights = [rng.normal(0.0, INIT_SCALE[init](n_in, n_out), size=(n_in, n_out))
                   for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        biases = [np.zeros(n_out) for n_out in sizes[1:]]
        return cls(tuple(sizes), activation, weights, biases, l1)

    def forward(self, X: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
        """Pre-activations z_l and activations h_l of every layer (h_0 = X; last z = logits)."""
        act = ACTIVATIONS[self.activation]
        hs, zs = [X], []
        for layer, (W, b) in enumerate(zip(self.weights, self.biases)):
            z = hs[-1] @ W + b
            zs.append(z)
            if layer < len(self.weights) - 1:
                hs.append(act.f(z))
        return zs, hs

    def logits(self, X: np.ndarray) -> np.ndarray:
        return self.forward(X)[0][-1]

    def loss_and_grads(self, X: np.ndarray, y: np.ndarray):
        """Mean cross-entropy (+ L1 penalty) and its exact gradients."""
        act = ACTIVATIONS[self.activation]
        zs, hs = self.forward(X)
        logits = zs[-1] - zs[-1].max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        n = len(X)
        loss = -log_probs[np.arange(n), y].mean()
        delta = np.exp(log_probs)
        delta[np.arange(n), y] -= 1.0
        delta /= n
        grads_W, grads_b = [None] * len(self.weights), [None] * len(self.weights)
        for layer in reversed(range(len(self.weights))):
            grads_W[layer] = hs[layer].T @ delta
            grads_b[layer] = delta.sum(axis=0)
            if layer == 0:
                break
            upstream = delta @ self.weights[layer].T
            if self.l1:
                h = hs[layer]
                loss += self.l1 * np.abs(h).sum() / n
                upstream = upstream + self.l1 * np.sign(h) / n
            delta = upstream * act.df(zs[layer - 1])
        return loss, grads_W, grads_b

    def sgd_step(self, X, y, lr: float, momentum: float = 0.0) -> float:
        loss, grads_W, grads_b = self.loss_and_grads(X, y)
        grads = grads_W + grads_b
        params = self.weights + self.biases
        if not self.velocity:
            self.velocity = [np.zeros_like(p) for p in params]
        for p, g, v in zip(params, grads, self.velocity):
            v *= momentum
            v -= lr * g
            p += v
        return float(loss)

    def error_rate(self, X, y) -> float:
        return float(np.mean(self.logits(X).argmax(axis=1) != y))

    def hidden_preactivations(self, X) -> list[np.ndarray]:
        return self.forward(X)[0][:-1]


def minibatches(n: int, batch: int, rng: np.random.Generator):
    """Endless shuffled mini-batch index arrays."""
    while True:
        order = rng.permutation(n)
        for start in range(0, n - batch + 1, batch):
            yield order[start:start + batch]
