"""Gradients through deep fully connected stacks: how the activation and the initial
weight scale decide whether the first layers receive any gradient at all.

A bias-free stack h_l = f(h_{l-1} W_l) of equal width is run forward on Gaussian inputs;
a Gaussian upstream gradient dL/dh_L is propagated back with the exact chain rule.
"""
from __future__ import annotations

import numpy as np

from actsite.maths.functions import ACTIVATIONS, Activation

# Weight standard deviation for a layer of fan-in n, by initialisation scheme.
INIT_STD = {
    "small": lambda n: 0.01,                  # a fixed small scale
    "xavier": lambda n: np.sqrt(2.0 / (n + n)),  # Glorot & Bengio 2010, fan-in = fan-out = n
    "he": lambda n: np.sqrt(2.0 / n),         # He et al. 2015
}


def propagate(act: Activation, weights: list[np.ndarray], X: np.ndarray,
              upstream: np.ndarray | None = None) -> dict:
    """h_l = f(h_{l-1} W_l) with W_l of shape (fan_in, fan_out), from h_0 = X.

    Returns the pre-activations z_l and outputs h_l (l = 1..L) and, given ``upstream`` = dL/dh_L,
    the Frobenius norm of every dL/dW_l by the exact chain rule.
    """
    h, inputs, pre, hidden = X, [], [], []
    for W in weights:
        inputs.append(h)
        pre.append(h @ W)
        h = act.f(pre[-1])
        hidden.append(h)
    result = {"pre": pre, "hidden": hidden}
    if upstream is not None:
        norms = np.empty(len(weights))
        for layer in reversed(range(len(weights))):
            delta = upstream * act.df(pre[layer])
            norms[layer] = np.linalg.norm(delta.T @ inputs[layer])
            upstream = delta @ weights[layer].T
        result["grad_norm"] = norms
    return result


def layer_gradient_norms(activation: str, init: str, depth: int = 50, width: int = 256,
                         batch: int = 64, seed: int = 0) -> dict[str, np.ndarray]:
    """Frobenius norm of dL/dW_l for l = 1..depth, and the std of each layer's output."""
    rng = np.random.default_rng(seed)
    std = INIT_STD[init](width)
    weights = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]   # (fan_out, fan_in)
    X = rng.normal(size=(batch, width))
    upstream = rng.normal(size=(batch, width))
    run = propagate(ACTIVATIONS[activation], [W.T for W in weights], X, upstream)
    return {"grad_norm": run["grad_norm"], "output_std": np.array([h.std() for h in run["hidden"]])}
