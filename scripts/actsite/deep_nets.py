"""Gradients through deep fully connected stacks: how the activation and the initial
weight scale decide whether the first layers receive any gradient at all.

A bias-free stack h_l = f(h_{l-1} W_l^T) of equal width is run forward on Gaussian inputs;
a Gaussian upstream gradient dL/dh_L is propagated back with the exact chain rule.
"""
from __future__ import annotations

import numpy as np

from actsite.functions import ACTIVATIONS

# Weight standard deviation for a layer of fan-in n, by initialisation scheme.
INIT_STD = {
    "small": lambda n: 0.01,                  # a fixed small scale
    "xavier": lambda n: np.sqrt(2.0 / (n + n)),  # Glorot & Bengio 2010, fan-in = fan-out = n
    "he": lambda n: np.sqrt(2.0 / n),         # He et al. 2015
}


def layer_gradient_norms(activation: str, init: str, depth: int = 50, width: int = 256,
                         batch: int = 64, seed: int = 0) -> dict[str, np.ndarray]:
    """Frobenius norm of dL/dW_l for l = 1..depth, and the std of each layer's output."""
    act = ACTIVATIONS[activation]
    rng = np.random.default_rng(seed)
    std = INIT_STD[init](width)
    weights = [rng.normal(0.0, std, size=(width, width)) for _ in range(depth)]
    h = rng.normal(size=(batch, width))
    inputs, pre = [], []
    for W in weights:
        inputs.append(h)
        z = h @ W.T
        pre.append(z)
        h = act.f(z)
    output_std = np.array([act.f(z).std() for z in pre])
    upstream = rng.normal(size=h.shape)
    norms = np.empty(depth)
    for layer in reversed(range(depth)):
        delta = upstream * act.df(pre[layer])
        norms[layer] = np.linalg.norm(delta.T @ inputs[layer])
        upstream = delta @ weights[layer]
    return {"grad_norm": norms, "output_std": output_std}
