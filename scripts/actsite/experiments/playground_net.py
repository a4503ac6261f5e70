"""The numpy twin of the playground's network (docs/assets/javascripts/playground/network.js).

The same classifier of 2-D points: hidden layers f(h W + b), or f(BN(h W)) with batch
normalisation, any activation of the catalogue, one logit out with the binary cross-entropy
computed from the logit (the stable form of the output-layers page), plain SGD or Adam, and
shuffled mini-batches drawn with the same 32-bit generator as the page.  The tests start both
from the same weights and data and compare losses and gradient norms step by step, and the
dead and saturated units counted by the definitions below.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from actsite.maths.catalogue import EVERY
from actsite.maths.functions import sigmoid
from actsite.maths.output_layers import bce_gradient, bce_with_logits

SATURATION_SLOPE = 0.01      # the guide's flat edge: where |f'| < 0.01, a unit barely learns
BN_EPS = 1e-5                # added to the variance, as frameworks do
ADAM_BETAS = (0.9, 0.999)
ADAM_EPS = 1e-8
_M32 = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    return (a * b) & _M32


def mulberry32(seed: int):
    """The page's generator, in exact 32-bit arithmetic: the same seed, the same numbers."""
    state = seed & _M32

    def next_value() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & _M32
        t = _imul(state ^ (state >> 15), 1 | state)
        t = ((t + _imul(t ^ (t >> 7), 61 | t)) & _M32) ^ t
        return (t ^ (t >> 14)) / 4294967296
    return next_value


def shuffle(order: list[int], rng) -> list[int]:
    """Fisher–Yates, as the page does it."""
    for i in range(len(order) - 1, 0, -1):
        j = int(rng() * (i + 1))
        order[i], order[j] = order[j], order[i]
    return order


def batches(n: int, batch: int, seed: int):
    """Endless shuffled mini-batches (a short last batch is skipped), as the page draws them."""
    rng = mulberry32(seed)
    size = min(batch, n)
    while True:
        order = shuffle(list(range(n)), rng)
        for start in range(0, n - size + 1, size):
            yield np.array(order[start:start + size])


@dataclass
class PlaygroundNet:
    sizes: tuple[int, ...]
    activation: str
    params: dict
    bn: bool
    W: list[np.ndarray]
    b: list[np.ndarray]
    gamma: list[np.ndarray]
    beta: list[np.ndarray]
    optimiser_state: dict = field(default_factory=dict)

    @classmethod
    def create(cls, sizes, activation: str, params: dict | None = None, bn: bool = False,
               init_std=None, seed: int = 0) -> "PlaygroundNet":
        """Gaussian weights (std from ``init_std(fan_in, fan_out)``), zero biases, γ = 1, β = 0."""
        rng = np.random.default_rng(seed)
        init_std = init_std or (lambda fan_in, fan_out: np.sqrt(2.0 / fan_in))
        W = [rng.normal(0.0, init_std(a, m), size=(a, m)) for a, m in zip(sizes[:-1], sizes[1:])]
        hidden = sizes[1:-1]
        return cls(tuple(sizes), activation, {**EVERY[activation].defaults(), **(params or {})}, bn, W,
                   [np.zeros(m) for m in sizes[1:]], [np.ones(m) for m in hidden], [np.zeros(m) for m in hidden])

    def f(self, z):
        return EVERY[self.activation].f(z, **self.params)

    def df(self, z):
        return EVERY[self.activation].df(z, **self.params)

    def forward(self, X: np.ndarray, stats=None) -> dict:
        """Layer inputs h, pre-activations (the BN output with BN), BN caches, logits."""
        hs, pres, caches, used = [X], [], [], []
        h = X
        for layer in range(len(self.sizes) - 2):
            if self.bn:
                z = h @ self.W[layer]
                mean, var = stats[layer] if stats else (z.mean(axis=0), z.var(axis=0))
                used.append((mean, var))
                inv_std = 1.0 / np.sqrt(var + BN_EPS)
                x_hat = (z - mean) * inv_std
                pre = self.gamma[layer] * x_hat + self.beta[layer]
                caches.append((x_hat, inv_std))
            else:
                pre = h @ self.W[layer] + self.b[layer]
            pres.append(pre)
            h = self.f(pre)
            hs.append(h)
        logits = (h @ self.W[-1] + self.b[-1])[:, 0]
        return {"hs": hs, "pres": pres, "caches": caches, "stats": used, "logits": logits}

    def loss_and_grads(self, X: np.ndarray, y: np.ndarray) -> dict:
        fw = self.forward(X)
        n = len(X)
        loss = float(np.mean(bce_with_logits(fw["logits"], y)))
        delta = (bce_gradient(fw["logits"], y) / n)[:, None]
        L = len(self.sizes) - 2
        gW, gb, g_gamma, g_beta = [None] * (L + 1), [None] * (L + 1), [None] * L, [None] * L
        for layer in range(L, -1, -1):
            gW[layer] = fw["hs"][layer].T @ delta
            gb[layer] = delta.sum(axis=0) if (not self.bn or layer == L) else np.zeros(delta.shape[1])
            if layer == 0:
                break
            dpre = (delta @ self.W[layer].T) * self.df(fw["pres"][layer - 1])
            if self.bn:
                x_hat, inv_std = fw["caches"][layer - 1]
                g_gamma[layer - 1] = (dpre * x_hat).sum(axis=0)
                g_beta[layer - 1] = dpre.sum(axis=0)
                dx_hat = dpre * self.gamma[layer - 1]
                delta = inv_std * (dx_hat - dx_hat.mean(axis=0) - x_hat * (dx_hat * x_hat).mean(axis=0))
            else:
                delta = dpre
        return {"loss": loss, "gW": gW, "gb": gb, "g_gamma": g_gamma, "g_beta": g_beta}

    def _groups(self, grads: dict) -> list[tuple[np.ndarray, np.ndarray]]:
        L = len(self.sizes) - 2
        out = list(zip(self.W, grads["gW"]))
        out += [(b, g) for layer, (b, g) in enumerate(zip(self.b, grads["gb"])) if not self.bn or layer == L]
        if self.bn:
            out += list(zip(self.gamma, grads["g_gamma"])) + list(zip(self.beta, grads["g_beta"]))
        return out

    def step(self, X: np.ndarray, y: np.ndarray, optimiser: str, lr: float) -> dict:
        """One update; returns the batch loss and ‖∂L/∂W_l‖ of every layer (before the update)."""
        grads = self.loss_and_grads(X, y)
        groups = self._groups(grads)
        if optimiser == "sgd":
            for p, g in groups:
                p -= lr * g
        elif optimiser == "adam":
            b1, b2 = ADAM_BETAS
            state = self.optimiser_state
            if not state:
                state.update(m=[np.zeros_like(p) for p, _ in groups], v=[np.zeros_like(p) for p, _ in groups],
                             b1t=1.0, b2t=1.0)
            state["b1t"] *= b1
            state["b2t"] *= b2
            for (p, g), m, v in zip(groups, state["m"], state["v"]):
                m[...] = b1 * m + (1 - b1) * g
                v[...] = b2 * v + (1 - b2) * (g * g)
                m_hat, v_hat = m / (1 - state["b1t"]), v / (1 - state["b2t"])
                p -= (lr * m_hat) / (np.sqrt(v_hat) + ADAM_EPS)
        else:
            raise ValueError(f"unknown optimiser {optimiser!r}")
        return {"loss": grads["loss"], "grad_norms": [float(np.linalg.norm(g)) for g in grads["gW"]]}

    def unit_counts(self, X: np.ndarray) -> list[dict]:
        """Per hidden layer, on the training points X (BN statistics over X):

        dead: f'(z) = 0 on every point, as the dead-ReLU article defines it;
        saturated: |f'(z)| < SATURATION_SLOPE on every point, and not dead.
        """
        out = []
        for pre in self.forward(X)["pres"]:
            slope = np.abs(self.df(pre))
            dead = np.all(slope == 0, axis=0)
            flat = np.all(slope < SATURATION_SLOPE, axis=0) & ~dead
            out.append({"units": pre.shape[1], "dead": int(dead.sum()), "saturated": int(flat.sum())})
        return out

    def predict(self, X: np.ndarray, stats=None) -> np.ndarray:
        return sigmoid(self.forward(X, stats)["logits"])


def train(net: PlaygroundNet, X: np.ndarray, y: np.ndarray, steps: int, optimiser: str, lr: float,
          batch: int, shuffle_seed: int) -> list[dict]:
    """``steps`` updates on mini-batches drawn as the page draws them; one record per step."""
    draw = batches(len(X), batch, shuffle_seed)
    history = []
    for _ in range(steps):
        idx = next(draw)
        history.append(net.step(X[idx], y[idx], optimiser, lr))
    return history
