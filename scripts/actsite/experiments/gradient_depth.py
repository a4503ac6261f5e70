"""Gradient norm per layer in a 50-layer, 256-wide stack, for sigmoid, tanh and ReLU under
three initialisations (std 0.01, Xavier, He).  See :mod:`actsite.experiments.deep_nets`."""
from __future__ import annotations

import numpy as np

from actsite.experiments.deep_nets import INIT_STD, layer_gradient_norms

ACTIVATIONS = ("sigmoid", "tanh", "relu")
DEPTH = 50


def run() -> dict:
    result = {"depth": DEPTH}
    for act in ACTIVATIONS:
        for init in INIT_STD:
            r = layer_gradient_norms(act, init, depth=DEPTH)
            result[f"{act}_{init}_grad"] = r["grad_norm"]
            result[f"{act}_{init}_std"] = r["output_std"]
    return result
